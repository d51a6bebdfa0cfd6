//! The browser build: the same screens over a journal that lives in a Web
//! Worker (OPFS is synchronous only there), reached through the same
//! [`JournalHandle`](crate::journal::JournalHandle) as on desktop.

pub mod client;
#[cfg(feature = "web-worker")]
mod fetch_http;
#[cfg(feature = "web-worker")]
mod opfs;
#[cfg(feature = "web-worker")]
pub mod selftest;
pub mod sync;
#[cfg(feature = "web-worker")]
pub mod worker;
#[cfg(feature = "web-worker")]
pub mod zones;

use std::rc::Rc;

use wasm_bindgen::JsCast;

use crate::app::{App, Launch};

/// Starts the app in the page. The same wasm also runs inside the journal
/// worker, where there is no window and `worker.js` takes over instead.
pub fn start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    // The sample journal has its own page, `demo.html` (a query would not
    // survive the hash router rewriting the address).
    let location = window.location();
    let demo = location.pathname().is_ok_and(|p| p.ends_with("/demo.html"))
        || location
            .search()
            .is_ok_and(|q| q.trim_start_matches('?').split('&').any(|p| p == "demo"));
    let launch = Launch {
        demo,
        shared: location.search().ok().and_then(|q| shared_text(&q)),
        ..Launch::default()
    };
    let history = Rc::new(dioxus::web::HashHistory::default());
    dioxus::LaunchBuilder::web()
        .with_cfg(dioxus::web::Config::new().history(history))
        .with_context(launch)
        .launch(App);
}

/// The parameters the manifest's `share_target` names: what another app
/// shared into the installed web app (title, text and link), as one text.
const SHARE_PARAMS: [&str; 3] = ["share-title", "share-text", "share-url"];

/// The text shared through the address's query, if any: the title, the
/// text and the link, each once, one per line.
pub fn shared_text(query: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for name in SHARE_PARAMS {
        for pair in query.trim_start_matches('?').split('&') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            if key != name {
                continue;
            }
            let value = value.replace('+', " ");
            let value = js_sys::decode_uri_component(&value)
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or(value);
            let value = value.trim().to_string();
            // apps often put the link inside the text as well
            if !value.is_empty() && !parts.iter().any(|p| p.contains(&value)) {
                parts.push(value);
            }
        }
    }
    (!parts.is_empty()).then(|| parts.join("\n"))
}

/// Marks on `<html data-journal=…>` whether the journal opened, for tests and
/// for styles.
pub fn mark_journal(state: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-journal", state);
    }
}

/// Hands `text` to the browser as a file download named `name`.
pub fn download(name: &str, text: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| format!("the browser refused the download: {e:?}");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    // the type other apps expect for each file Reps writes
    let mime = match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("ics") => "text/calendar;charset=utf-8",
        Some("vcf") => "text/vcard;charset=utf-8",
        Some("csv") => "text/csv;charset=utf-8",
        Some("md") => "text/markdown;charset=utf-8",
        // an armored age file: text, read by Reps or the age tool
        Some("age") => "text/plain;charset=utf-8",
        _ => "application/json",
    };
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no page to download from")?;
    let link: web_sys::HtmlAnchorElement =
        document
            .create_element("a")
            .map_err(fail)?
            .dyn_into()
            .map_err(|_| "could not make a download link".to_string())?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has started the download; the URL can go.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
