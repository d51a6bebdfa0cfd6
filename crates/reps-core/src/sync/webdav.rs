//! WebDAV storage (Nextcloud, ownCloud, any WebDAV server) as a
//! [`Remote`]: the requests and how their answers read. The bytes travel
//! through an [`Http`] client of the platform's (a blocking client on
//! desktop and phones, `fetch` in the browser's worker), so this part is
//! the same everywhere and is tested without a network.
//!
//! Reps keeps its files in a `Reps journal` folder under the address the
//! user gives, and creates it (MKCOL) on the first write.

use super::remote::{FOLDER_NAME, Listed, Remote, RemoteError};

/// One HTTP request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// `GET`, `PUT`, `PROPFIND`…
    pub method: &'static str,
    /// The whole address.
    pub url: String,
    /// Headers, besides the authorization.
    pub headers: Vec<(&'static str, String)>,
    /// The `Authorization` header's value.
    pub authorization: String,
    /// The body.
    pub body: Vec<u8>,
}

/// One HTTP answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The body.
    pub body: Vec<u8>,
}

/// Sends requests; `Err` is a failure to reach the server at all (no
/// network, refused connection, a browser's CORS refusal).
#[allow(async_fn_in_trait)]
pub trait Http {
    /// Sends `req` and waits for the whole answer.
    async fn send(&self, req: HttpRequest) -> Result<HttpResponse, String>;
}

/// No HTTP client on this build: every request fails with the reason, so a
/// WebDAV place says why it cannot be reached (a folder still syncs).
#[derive(Debug, Clone)]
pub struct NoHttp(pub &'static str);

impl Http for NoHttp {
    async fn send(&self, _: HttpRequest) -> Result<HttpResponse, String> {
        Err(self.0.to_string())
    }
}

/// A WebDAV folder, reached through `C`.
#[derive(Debug, Clone)]
pub struct WebDavRemote<C> {
    client: C,
    /// The `Reps journal` folder's address, ending in `/`.
    folder: String,
    authorization: String,
}

/// The largest listing read (a folder of Reps files is a few kilobytes).
const MAX_LISTING: usize = 8 * 1024 * 1024;

impl<C: Http> WebDavRemote<C> {
    /// The `Reps journal` folder under `url`, signed in as `user`.
    pub fn new(client: C, url: &str, user: &str, password: &str) -> Result<Self, RemoteError> {
        let base = url.trim();
        if !(base.starts_with("https://") || base.starts_with("http://")) {
            return Err(RemoteError::Failed(
                "the address must start with https:// (or http:// on your own network)".into(),
            ));
        }
        let mut folder = base.trim_end_matches('/').to_string();
        // the address of the journal's own folder is taken as it is
        let named = encode_segment(FOLDER_NAME);
        let last = folder.rsplit('/').next().unwrap_or_default();
        if decode_path(last) != FOLDER_NAME {
            folder.push('/');
            folder.push_str(&named);
        }
        folder.push('/');
        Ok(Self {
            client,
            folder,
            authorization: basic(user, password),
        })
    }

    /// The folder's address.
    pub fn folder(&self) -> &str {
        &self.folder
    }

    async fn send(
        &self,
        method: &'static str,
        url: String,
        headers: Vec<(&'static str, String)>,
        body: Vec<u8>,
    ) -> Result<HttpResponse, RemoteError> {
        let res = self
            .client
            .send(HttpRequest {
                method,
                url,
                headers,
                authorization: self.authorization.clone(),
                body,
            })
            .await
            .map_err(RemoteError::Unreachable)?;
        if res.status == 401 || res.status == 403 {
            return Err(RemoteError::Refused);
        }
        Ok(res)
    }

    fn file_url(&self, name: &str) -> String {
        format!("{}{}", self.folder, encode_segment(name))
    }
}

fn failed(what: &str, status: u16) -> RemoteError {
    RemoteError::Failed(format!("the server refused {what} (HTTP {status})"))
}

impl<C: Http> Remote for WebDavRemote<C> {
    async fn list(&self) -> Result<Vec<Listed>, RemoteError> {
        let body = br#"<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getcontentlength/><d:resourcetype/></d:prop></d:propfind>"#;
        let res = self
            .send(
                "PROPFIND",
                self.folder.clone(),
                vec![
                    ("Depth", "1".into()),
                    ("Content-Type", "application/xml; charset=utf-8".into()),
                ],
                body.to_vec(),
            )
            .await?;
        match res.status {
            // the folder is made on the first write
            404 => Ok(Vec::new()),
            207 => {
                if res.body.len() > MAX_LISTING {
                    return Err(RemoteError::Failed(
                        "the folder listing is too large".into(),
                    ));
                }
                parse_listing(&res.body, &self.folder)
            }
            s => Err(failed("to list the folder", s)),
        }
    }

    async fn get(&self, name: &str) -> Result<Option<Vec<u8>>, RemoteError> {
        let res = self
            .send("GET", self.file_url(name), Vec::new(), Vec::new())
            .await?;
        match res.status {
            200 => Ok(Some(res.body)),
            404 | 410 => Ok(None),
            s => Err(failed("to give a file", s)),
        }
    }

    async fn put(&self, name: &str, bytes: &[u8]) -> Result<(), RemoteError> {
        let put = || {
            self.send(
                "PUT",
                self.file_url(name),
                vec![("Content-Type", "application/octet-stream".into())],
                bytes.to_vec(),
            )
        };
        let mut res = put().await?;
        if res.status == 409 || res.status == 404 {
            // the folder is not there yet
            let made = self
                .send("MKCOL", self.folder.clone(), Vec::new(), Vec::new())
                .await?;
            if made.status == 404 || made.status == 409 {
                return Err(RemoteError::Failed(
                    "the server has no folder at that address; check the address".into(),
                ));
            }
            if !matches!(made.status, 201 | 405) {
                return Err(failed("to make the Reps journal folder", made.status));
            }
            res = put().await?;
        }
        match res.status {
            200 | 201 | 204 => Ok(()),
            507 => Err(RemoteError::Failed(
                "the sync storage is full (HTTP 507)".into(),
            )),
            s => Err(failed("to keep a file", s)),
        }
    }

    async fn delete(&self, name: &str) -> Result<(), RemoteError> {
        let res = self
            .send("DELETE", self.file_url(name), Vec::new(), Vec::new())
            .await?;
        match res.status {
            200 | 202 | 204 | 404 => Ok(()),
            s => Err(failed("to delete an old file", s)),
        }
    }
}

/// `Basic` credentials.
fn basic(user: &str, password: &str) -> String {
    use base64::Engine as _;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
    )
}

/// A path segment, percent-encoded (everything but unreserved characters).
fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A percent-encoded path, decoded (malformed escapes kept as they are).
fn decode_path(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && s.is_char_boundary(i + 3)
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The files of a PROPFIND `Depth: 1` answer: each `response`'s last path
/// segment and length, the folder itself and sub-folders left out.
fn parse_listing(xml: &[u8], folder: &str) -> Result<Vec<Listed>, RemoteError> {
    use quick_xml::events::Event;
    let bad = |e: &dyn std::fmt::Display| {
        RemoteError::Failed(format!("the server's folder listing does not read: {e}"))
    };
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let (mut href, mut len, mut collection) = (String::new(), None::<u64>, false);
    let mut field: Option<&'static str> = None;
    let folder_path = decode_path(path_of(folder))
        .trim_end_matches('/')
        .to_string();
    loop {
        match reader.read_event_into(&mut buf).map_err(|e| bad(&e))? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"response" => {
                    href.clear();
                    len = None;
                    collection = false;
                }
                b"href" => field = Some("href"),
                b"getcontentlength" => field = Some("length"),
                b"collection" => collection = true,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == b"collection" => collection = true,
            Event::Text(t) => {
                let text = t.decode().map_err(|e| bad(&e))?;
                match field {
                    Some("href") => href.push_str(text.trim()),
                    Some("length") => len = text.trim().parse().ok(),
                    _ => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"href" | b"getcontentlength" => field = None,
                b"response" => {
                    let path = decode_path(path_of(&href));
                    let path = path.trim_end_matches('/');
                    if !collection && path != folder_path {
                        let name = path.rsplit('/').next().unwrap_or_default();
                        if !name.is_empty() {
                            out.push(Listed {
                                name: name.to_string(),
                                size: len.unwrap_or(0),
                            });
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// The path part of an address (an href may be a path or a whole address).
fn path_of(url: &str) -> &str {
    match url.find("://") {
        Some(i) => {
            let rest = &url[i + 3..];
            rest.find('/').map(|j| &rest[j..]).unwrap_or("/")
        }
        None => url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::sync::Mutex;

    /// A WebDAV server in memory: enough of one to check the requests and
    /// how their answers are read.
    #[derive(Default)]
    struct FakeDav {
        files: Mutex<BTreeMap<String, Vec<u8>>>,
        folder_made: Mutex<bool>,
        password: &'static str,
        seen: Mutex<Vec<String>>,
    }

    impl Http for &FakeDav {
        async fn send(&self, req: HttpRequest) -> Result<HttpResponse, String> {
            self.seen
                .lock()
                .unwrap()
                .push(format!("{} {}", req.method, req.url));
            if req.authorization != basic("ana", self.password) {
                return Ok(HttpResponse {
                    status: 401,
                    body: Vec::new(),
                });
            }
            let folder = "/dav/Reps%20journal/";
            let path = path_of(&req.url).to_string();
            let made = *self.folder_made.lock().unwrap();
            let status = |s| {
                Ok(HttpResponse {
                    status: s,
                    body: Vec::new(),
                })
            };
            match req.method {
                "MKCOL" => {
                    *self.folder_made.lock().unwrap() = true;
                    status(201)
                }
                "PUT" if !made => status(409),
                "PUT" => {
                    self.files.lock().unwrap().insert(path, req.body);
                    status(201)
                }
                "GET" => match self.files.lock().unwrap().get(&path) {
                    Some(b) => Ok(HttpResponse {
                        status: 200,
                        body: b.clone(),
                    }),
                    None => status(404),
                },
                "DELETE" => {
                    self.files.lock().unwrap().remove(&path);
                    status(204)
                }
                "PROPFIND" if !made => status(404),
                "PROPFIND" => {
                    let mut xml = format!(
                        r#"<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>{folder}</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop></D:propstat></D:response>"#
                    );
                    for (p, b) in self.files.lock().unwrap().iter() {
                        xml.push_str(&format!(
                            "<D:response><D:href>http://127.0.0.1:8080{p}</D:href><D:propstat><D:prop><D:getcontentlength>{}</D:getcontentlength><D:resourcetype/></D:prop></D:propstat></D:response>",
                            b.len()
                        ));
                    }
                    xml.push_str("</D:multistatus>");
                    Ok(HttpResponse {
                        status: 207,
                        body: xml.into_bytes(),
                    })
                }
                _ => status(405),
            }
        }
    }

    #[test]
    fn files_go_into_a_folder_made_on_the_first_write_and_list_back() {
        let dav = FakeDav {
            password: "app-pass",
            ..Default::default()
        };
        let remote =
            WebDavRemote::new(&dav, "https://example.org/dav/", "ana", "app-pass").unwrap();
        assert_eq!(remote.folder(), "https://example.org/dav/Reps%20journal/");
        // the journal's own folder given as the address is not nested
        let named =
            WebDavRemote::new(&dav, "https://example.org/dav/Reps%20journal/", "ana", "x").unwrap();
        assert_eq!(named.folder(), "https://example.org/dav/Reps%20journal/");
        let spaced =
            WebDavRemote::new(&dav, "https://example.org/dav/Reps journal", "ana", "x").unwrap();
        assert_eq!(spaced.folder(), "https://example.org/dav/Reps journal/");
        use pollster::block_on as run;
        assert_eq!(run(remote.list()).unwrap(), Vec::new());
        run(remote.put("journal-key.age", b"key")).unwrap();
        run(remote.put("a b.reps", b"12345")).unwrap();
        assert_eq!(
            run(remote.list()).unwrap(),
            vec![
                Listed {
                    name: "a b.reps".into(),
                    size: 5
                },
                Listed {
                    name: "journal-key.age".into(),
                    size: 3
                },
            ]
        );
        assert_eq!(
            run(remote.get("a b.reps")).unwrap(),
            Some(b"12345".to_vec())
        );
        run(remote.delete("a b.reps")).unwrap();
        assert_eq!(run(remote.get("a b.reps")).unwrap(), None);
        assert!(
            dav.seen
                .lock()
                .unwrap()
                .contains(&"MKCOL https://example.org/dav/Reps%20journal/".to_string())
        );
    }

    #[test]
    fn a_wrong_password_and_a_bad_address_are_said_plainly() {
        let dav = FakeDav {
            password: "right",
            ..Default::default()
        };
        let remote = WebDavRemote::new(&dav, "https://example.org/dav", "ana", "wrong").unwrap();
        assert_eq!(pollster::block_on(remote.list()), Err(RemoteError::Refused));
        assert!(WebDavRemote::new(&dav, "example.org/dav", "ana", "x").is_err());
    }

    #[test]
    fn listings_of_other_servers_read_too() {
        // Nextcloud's shape: lower-case prefix, sizes on files only
        let xml = br#"<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns">
 <d:response><d:href>/remote.php/dav/files/ana/Reps%20journal/</d:href>
  <d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop></d:propstat></d:response>
 <d:response><d:href>/remote.php/dav/files/ana/Reps%20journal/0000000000000001-0000000001-00000001.reps</d:href>
  <d:propstat><d:prop><d:getcontentlength>8192</d:getcontentlength><d:resourcetype/></d:prop></d:propstat></d:response>
 <d:response><d:href>/remote.php/dav/files/ana/Reps%20journal/old/</d:href>
  <d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop></d:propstat></d:response>
</d:multistatus>"#;
        let got = parse_listing(
            xml,
            "https://cloud.example/remote.php/dav/files/ana/Reps%20journal/",
        )
        .unwrap();
        assert_eq!(
            got,
            vec![Listed {
                name: "0000000000000001-0000000001-00000001.reps".into(),
                size: 8192
            }]
        );
        assert!(parse_listing(b"<a><b></a>", "/x/").is_err());
    }
}
