//! WebDAV's HTTP client over TLS, with the crypto of each platform: ring
//! (desktop) and graviola (phones, whose builds cannot compile ring's C).
//! A TLS server in this process, with a test certificate authority
//! (`fixtures/tls`, valid to 2046), answers a WebDAV listing; the client
//! must read it through each provider, and must refuse the same server when
//! it trusts only the public roots Reps ships with.
#![cfg(feature = "native-http")]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::thread;

use reps_core::sync::native_http::NativeHttp;
use reps_core::sync::{Http, HttpRequest, Remote, WebDavRemote};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use ureq::tls::{Certificate, RootCerts};

const ROOT: &[u8] = include_bytes!("fixtures/tls/root.der");
const SERVER_CERT: &[u8] = include_bytes!("fixtures/tls/server.der");
const SERVER_KEY: &[u8] = include_bytes!("fixtures/tls/server-key.der");

/// A WebDAV listing of the `Reps journal` folder with one Reps file.
const LISTING: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<d:multistatus xmlns:d="DAV:">
<d:response><d:href>/dav/Reps%20journal/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
<d:response><d:href>/dav/Reps%20journal/0123456789abcdef-0000000001-89abcdef.reps</d:href><d:propstat><d:prop><d:resourcetype/><d:getcontentlength>4096</d:getcontentlength></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
</d:multistatus>"#;

/// Serves `connections` TLS connections on 127.0.0.1 with the test
/// certificate, answering each request with the listing; returns the port
/// and the first line of each request it read.
fn tls_server(connections: usize) -> (u16, thread::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let config =
        rustls::ServerConfig::builder_with_provider(Arc::new(rustls_graviola::default_provider()))
            .with_safe_default_protocol_versions()
            .expect("versions")
            .with_no_client_auth()
            .with_single_cert(
                vec![CertificateDer::from(SERVER_CERT.to_vec())],
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(SERVER_KEY.to_vec())),
            )
            .expect("server certificate");
    let config = Arc::new(config);
    let handle = thread::spawn(move || {
        let mut lines = Vec::new();
        for _ in 0..connections {
            let (tcp, _) = listener.accept().expect("accept");
            let conn = rustls::ServerConnection::new(config.clone()).expect("conn");
            let mut tls = rustls::StreamOwned::new(conn, tcp);
            let mut reader = BufReader::new(&mut tls);
            let mut first = String::new();
            // a client that refuses the certificate ends the handshake here
            if reader.read_line(&mut first).is_err() {
                lines.push(String::new());
                continue;
            }
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok() && line != "\r\n" && !line.is_empty() {
                line.clear();
            }
            lines.push(first.trim_end().to_string());
            let answer = format!(
                "HTTP/1.1 207 Multi-Status\r\nContent-Type: application/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{LISTING}",
                LISTING.len()
            );
            let _ = tls.write_all(answer.as_bytes());
            tls.conn.send_close_notify();
            let _ = tls.flush();
        }
        lines
    });
    (port, handle)
}

fn trusting_test_root(crypto: rustls::crypto::CryptoProvider) -> NativeHttp {
    NativeHttp::with_tls(
        Arc::new(crypto),
        RootCerts::new_with_certs(&[Certificate::from_der(ROOT).to_owned()]),
    )
}

#[test]
fn a_webdav_listing_is_read_over_tls_with_the_phones_and_the_desktops_crypto() {
    let (port, server) = tls_server(2);
    let url = format!("https://localhost:{port}/dav/");
    for crypto in [
        rustls_graviola::default_provider(),
        rustls::crypto::ring::default_provider(),
    ] {
        let remote = WebDavRemote::new(trusting_test_root(crypto), &url, "sam", "app password")
            .expect("address");
        let listed = pollster::block_on(remote.list()).expect("listing over TLS");
        let names: Vec<_> = listed.iter().map(|l| (l.name.as_str(), l.size)).collect();
        assert_eq!(
            names,
            vec![("0123456789abcdef-0000000001-89abcdef.reps", 4096)]
        );
    }
    let lines = server.join().expect("server");
    assert_eq!(lines.len(), 2);
    for line in lines {
        assert!(
            line.starts_with("PROPFIND /dav/Reps%20journal/ HTTP/1.1"),
            "{line}"
        );
    }
}

#[test]
fn a_server_the_public_roots_do_not_vouch_for_is_refused() {
    let (port, server) = tls_server(1);
    let http = NativeHttp::default();
    let answer = pollster::block_on(http.send(HttpRequest {
        method: "PROPFIND",
        url: format!("https://localhost:{port}/dav/"),
        headers: vec![("Depth", "1".into())],
        authorization: "Basic c2FtOnNlY3JldA==".into(),
        body: Vec::new(),
    }));
    let message = answer.expect_err("an unknown issuer must be refused");
    assert!(
        message.to_lowercase().contains("certificate") || message.contains("UnknownIssuer"),
        "{message}"
    );
    // the server never read a request: the password was not sent
    assert_eq!(server.join().expect("server"), vec![String::new()]);
}
