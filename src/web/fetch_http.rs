//! The HTTP client WebDAV sync uses in the browser: `fetch`, from the
//! journal's worker. The server must allow the page's origin (CORS), or the
//! browser refuses the request before it leaves; that is reported as the
//! server not being reachable, with a word on why.

use reps_core::sync::{Http, HttpRequest, HttpResponse};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// `fetch` in the worker.
#[derive(Clone, Default)]
pub struct FetchHttp;

impl Http for FetchHttp {
    async fn send(&self, req: HttpRequest) -> Result<HttpResponse, String> {
        let init = web_sys::RequestInit::new();
        init.set_method(req.method);
        // no cookies: the only credentials are the ones Reps was given
        init.set_credentials(web_sys::RequestCredentials::Omit);
        init.set_cache(web_sys::RequestCache::NoStore);
        let headers = web_sys::Headers::new().map_err(|e| format!("{e:?}"))?;
        headers
            .set("Authorization", &req.authorization)
            .map_err(|e| format!("{e:?}"))?;
        for (k, v) in &req.headers {
            headers.set(k, v).map_err(|e| format!("{e:?}"))?;
        }
        init.set_headers(&headers);
        if !req.body.is_empty() {
            let body = js_sys::Uint8Array::from(req.body.as_slice());
            init.set_body(&body);
        }
        let request = web_sys::Request::new_with_str_and_init(&req.url, &init)
            .map_err(|e| format!("{e:?}"))?;
        let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
        let response = JsFuture::from(scope.fetch_with_request(&request))
            .await
            .map_err(|_| {
                "the browser could not reach it (is the address right, and does the server allow this page's address, CORS?)"
                    .to_string()
            })?;
        let response: web_sys::Response = response.unchecked_into();
        let status = response.status();
        let buffer = JsFuture::from(response.array_buffer().map_err(|e| format!("{e:?}"))?)
            .await
            .map_err(|e| format!("{e:?}"))?;
        let body = js_sys::Uint8Array::new(&buffer).to_vec();
        Ok(HttpResponse { status, body })
    }
}
