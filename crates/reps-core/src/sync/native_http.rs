//! The HTTP client WebDAV sync uses on desktop and phones (feature
//! `native-http`): `ureq`, blocking, run on a sync thread or a background
//! task, never the journal owner's. It answers with whatever status the
//! server gave; only a failure to reach the server is an error.
//!
//! TLS is rustls with Mozilla's root certificates everywhere; its crypto is
//! ring on desktops and graviola on phones, whose builds have no C
//! toolchain for ring (see `Cargo.toml`).

use std::sync::Arc;
use std::time::Duration;

use ureq::tls::{RootCerts, TlsConfig, TlsProvider};

use super::{Http, HttpRequest, HttpResponse};

/// The largest answer read (a snapshot is a few megabytes).
const MAX_BODY: u64 = 80 * 1024 * 1024;

/// A blocking client with timeouts, so a dead network ends a round.
#[derive(Clone)]
pub struct NativeHttp {
    agent: ureq::Agent,
}

impl Default for NativeHttp {
    fn default() -> Self {
        Self::with_tls(platform_crypto(), RootCerts::WebPki)
    }
}

impl NativeHttp {
    /// A client whose TLS uses `crypto` and trusts `roots`. Reps itself
    /// always uses [`NativeHttp::default`]; the tests trust a test root.
    #[doc(hidden)]
    pub fn with_tls(crypto: Arc<rustls::crypto::CryptoProvider>, roots: RootCerts) -> Self {
        let tls = TlsConfig::builder()
            .provider(TlsProvider::Rustls)
            .unversioned_rustls_crypto_provider(crypto)
            .root_certs(roots)
            .build();
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .allow_non_standard_methods(true)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(120)))
            .tls_config(tls)
            .build();
        Self {
            agent: config.new_agent(),
        }
    }
}

/// Desktop: ring.
#[cfg(not(any(target_os = "android", target_os = "ios")))]
fn platform_crypto() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// Phones: graviola.
#[cfg(any(target_os = "android", target_os = "ios"))]
fn platform_crypto() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls_graviola::default_provider())
}

impl Http for NativeHttp {
    async fn send(&self, req: HttpRequest) -> Result<HttpResponse, String> {
        let mut builder = ureq::http::Request::builder()
            .method(req.method)
            .uri(&req.url)
            .header("Authorization", &req.authorization);
        for (k, v) in &req.headers {
            builder = builder.header(*k, v);
        }
        let request = builder.body(req.body).map_err(|e| e.to_string())?;
        let mut res = self.agent.run(request).map_err(|e| e.to_string())?;
        let status = res.status().as_u16();
        let body = res
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(|e| e.to_string())?;
        Ok(HttpResponse { status, body })
    }
}
