//! Answering HTTP requests from the last good build held in memory. A URL maps to an output
//! path or to nothing: the file system is never consulted for a path taken from a request, so
//! `../`, encoded dots, backslashes and NUL bytes cannot reach outside the site.

use std::sync::Arc;

use crate::hash::fingerprint;
use crate::output::{Body, page_file};
use crate::serve::{Shared, Snapshot};

/// Where the served pages' live-reload script listens.
pub const EVENTS: &str = "__prongsai/events";

const LIVE_JS: &str = include_str!("live.js");

/// What a request path resolves to.
#[derive(Debug, PartialEq, Eq)]
pub enum Route {
    /// An output file (`measures/2566/index.html`).
    File(String),
    /// A folder asked for without its slash: redirect here.
    Redirect(String),
    /// The live-reload event stream.
    Events,
    NotFound,
    /// A path that tries to leave the site or cannot be a path at all.
    Refused,
}

/// Maps the request's URL to a route in `snapshot`.
pub fn route(snapshot: &Snapshot, raw_url: &str) -> Route {
    let raw_path = raw_url.split(['?', '#']).next().unwrap_or("/");
    let Some(path) = crate::site::routes::decode_path(raw_path) else {
        return Route::Refused;
    };
    if !path.starts_with('/') {
        return Route::Refused;
    }
    // Whatever the site's base path, nothing may climb, hide a separator or end a C string.
    let segments: Vec<&str> = path.split('/').collect();
    if segments
        .iter()
        .any(|s| *s == ".." || *s == "." || s.contains(['\\', '\0']) || s.contains(':'))
    {
        return Route::Refused;
    }
    let base = snapshot.base_path.as_str();
    let rel = if let Some(rel) = path.strip_prefix(base) {
        rel.to_owned()
    } else if format!("{path}/") == base || path == "/" {
        // The site lives under a sub-path: the bare address leads there.
        return Route::Redirect(base.to_owned());
    } else {
        return Route::NotFound;
    };
    if rel == EVENTS {
        return Route::Events;
    }
    if rel.split('/').any(|s| s.is_empty()) && !(rel.is_empty() || rel.ends_with('/')) {
        return Route::NotFound; // "a//b"
    }
    let files = &snapshot.outputs.files;
    if rel.is_empty() || rel.ends_with('/') {
        let index = page_file(&rel);
        return if files.contains_key(&index) {
            Route::File(index)
        } else {
            Route::NotFound
        };
    }
    if files.contains_key(&rel) {
        return Route::File(rel);
    }
    if files.contains_key(&format!("{rel}/index.html")) {
        let query = raw_url.find('?').map_or("", |i| &raw_url[i..]);
        return Route::Redirect(format!("{base}{}/{query}", encode(&rel)));
    }
    Route::NotFound
}

fn encode(rel: &str) -> String {
    crate::site::routes::encode_path(rel)
}

/// The media type of an output file, by its name.
pub fn content_type(name: &str) -> &'static str {
    if name == "feed.xml" || name.ends_with("/feed.xml") {
        return "application/atom+xml; charset=utf-8";
    }
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "jsonld" => "application/ld+json",
        "ttl" => "text/turtle; charset=utf-8",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

/// The bytes of an output held in memory; `None` for a file that is served from disk.
fn bytes_of(body: &Body) -> Option<Vec<u8>> {
    match body {
        Body::Bytes(b) => Some(b.clone()),
        Body::Static(b) => Some(b.to_vec()),
        Body::Shared(b) => Some(b.to_vec()),
        // Only `build` keeps pages from an output folder or writes them as it renders them;
        // the server renders and holds every one.
        Body::Copy(_) | Body::Kept(_) | Body::Written => None,
    }
}

/// Attachments a browser would open as a document that can run script.
fn scriptable(name: &str) -> bool {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    name.starts_with("files/") && matches!(ext.as_str(), "svg" | "html" | "htm" | "xhtml" | "xml")
}

/// The served copy of an HTML page: the build's bytes plus the live-reload script.
fn with_live_script(html: &[u8], base_path: &str) -> Vec<u8> {
    let script = format!(
        "<script>window.__prongsai_events={};{LIVE_JS}</script>",
        crate::render::filters::json_in_html(&format!("{base_path}{EVENTS}"))
    );
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{script}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{script}").into_bytes(),
    }
}

/// Longest request target answered; longer ones get 414.
pub const MAX_URL: usize = 8 * 1024;

/// What to send back for one request, apart from the transport.
#[derive(Debug)]
pub enum Answer {
    Plain {
        status: u16,
        headers: Vec<(&'static str, String)>,
        body: Vec<u8>,
    },
    /// A file of the site streamed from disk (an attachment), opened and found to be the one
    /// the last good build read.
    File {
        headers: Vec<(&'static str, String)>,
        file: std::fs::File,
        len: u64,
    },
    /// Keep the connection for the live-reload event stream.
    Events,
}

fn text(status: u16, body: &str) -> Answer {
    Answer::Plain {
        status,
        headers: vec![("Content-Type", "text/plain; charset=utf-8".into())],
        body: body.as_bytes().to_vec(),
    }
}

/// Answers a request: its method, its target as sent (`/a/b?q`) and its `If-None-Match`.
pub fn answer(
    shared: &Arc<Shared>,
    method: &str,
    url: &str,
    if_none_match: Option<&str>,
) -> Answer {
    if !matches!(method, "GET" | "HEAD") {
        let mut a = text(405, "405 method not allowed\n");
        if let Answer::Plain { headers, .. } = &mut a {
            headers.push(("Allow", "GET, HEAD".into()));
        }
        return a;
    }
    if url.len() > MAX_URL {
        return text(414, "414 URI too long\n");
    }
    let snapshot = shared.snapshot();
    match route(&snapshot, url) {
        Route::Refused => text(400, "400 bad request\n"),
        Route::Redirect(to) => Answer::Plain {
            status: 301,
            headers: vec![("Location", to)],
            body: Vec::new(),
        },
        Route::Events => Answer::Events,
        Route::NotFound => {
            let body = snapshot
                .outputs
                .files
                .get("404.html")
                .and_then(bytes_of)
                .map(|b| with_live_script(&b, &snapshot.base_path))
                .unwrap_or_else(|| b"404 not found\n".to_vec());
            Answer::Plain {
                status: 404,
                headers: vec![
                    ("Content-Type", "text/html; charset=utf-8".into()),
                    ("Cache-Control", "no-store".into()),
                ],
                body,
            }
        }
        Route::File(name) => {
            let Some(body) = snapshot.outputs.files.get(&name) else {
                return text(404, "404 not found\n");
            };
            let kind = content_type(&name);
            let mut headers = vec![("Cache-Control", "no-cache".into())];
            if scriptable(&name) {
                // Opened from the site, a document that runs script would run it as the site.
                headers.push(("Content-Security-Policy", "sandbox".into()));
            }
            if let Body::Copy(source) = body {
                let etag = copy_etag(&source.identity);
                if if_none_match.is_some_and(|v| v.split(',').any(|t| t.trim() == etag)) {
                    headers.push(("ETag", etag));
                    return Answer::Plain {
                        status: 304,
                        headers,
                        body: Vec::new(),
                    };
                }
                // Only the very file the build read: one changed or swapped since (for a link
                // to a file outside the site) waits for the rebuild to pass.
                return match source.open() {
                    Ok(file) => {
                        headers.push(("ETag", etag));
                        headers.push(("Content-Type", kind.into()));
                        Answer::File {
                            headers,
                            file,
                            len: source.identity.len,
                        }
                    }
                    Err(_) => text(
                        503,
                        "503 ไฟล์นี้เปลี่ยนไปหลังการสร้างเว็บไซต์ครั้งล่าสุด จะแสดงเมื่อสร้างใหม่สำเร็จ\n\
                         this file changed after the last good build; it is served again once a rebuild succeeds\n",
                    ),
                };
            }
            let bytes = bytes_of(body).unwrap_or_default();
            let bytes = if kind.starts_with("text/html") {
                with_live_script(&bytes, &snapshot.base_path)
            } else {
                bytes
            };
            let etag = format!("\"{:016x}\"", fingerprint(&bytes));
            let fresh = if_none_match.is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
            headers.push(("ETag", etag));
            if fresh {
                Answer::Plain {
                    status: 304,
                    headers,
                    body: Vec::new(),
                }
            } else {
                headers.push(("Content-Type", kind.into()));
                Answer::Plain {
                    status: 200,
                    headers,
                    body: bytes,
                }
            }
        }
    }
}

/// The entity tag of a file served from disk, from what identifies it (not its bytes, which
/// are not read to answer a revalidation).
fn copy_etag(id: &crate::site::attachment::FileIdentity) -> String {
    let modified = id
        .modified
        .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let mut key = format!("{}-{modified}", id.len);
    #[cfg(unix)]
    key.push_str(&format!("-{}-{}", id.dev, id.ino));
    format!("\"c{:016x}\"", fingerprint(&key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Outputs;

    fn snapshot(base: &str) -> Snapshot {
        let mut outputs = Outputs::default();
        outputs.add_text("index.html", "<p>home</p>".into());
        outputs.add_text("measures/2566/index.html", "m".into());
        outputs.add_text("files/a b.pdf", "pdf".into());
        Snapshot {
            generation: 1,
            outputs: Arc::new(outputs),
            base_path: base.into(),
            error: None,
            css_only: false,
            silent: false,
        }
    }

    #[test]
    fn maps_paths_to_outputs() {
        let s = snapshot("/");
        assert_eq!(route(&s, "/"), Route::File("index.html".into()));
        assert_eq!(
            route(&s, "/measures/2566/"),
            Route::File("measures/2566/index.html".into())
        );
        assert_eq!(
            route(&s, "/measures/2566?x=1"),
            Route::Redirect("/measures/2566/?x=1".into())
        );
        assert_eq!(
            route(&s, "/files/a%20b.pdf"),
            Route::File("files/a b.pdf".into())
        );
        assert_eq!(route(&s, "/nope/"), Route::NotFound);
    }

    #[test]
    fn honours_the_base_path() {
        let s = snapshot("/sub/");
        assert_eq!(route(&s, "/sub/"), Route::File("index.html".into()));
        assert_eq!(route(&s, "/sub"), Route::Redirect("/sub/".into()));
        assert_eq!(route(&s, "/"), Route::Redirect("/sub/".into()));
        assert_eq!(route(&s, "/measures/2566/"), Route::NotFound);
    }

    #[test]
    fn refuses_to_leave_the_site() {
        let s = snapshot("/");
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E/%2e%2e/etc/passwd",
            "/files/..%2f..%2fsecret",
            "/files/%2e%2e%5csecret",
            "/..\\..\\windows",
            "/a%00.html",
            "/%zz",
            "/%c0%ae%c0%ae/",
            "/C:/Windows",
        ] {
            assert_eq!(route(&s, bad), Route::Refused, "{bad}");
        }
        // Decoded once only: a double-encoded dot is a literal name, which does not exist.
        assert_eq!(route(&s, "/%252e%252e/etc/passwd"), Route::NotFound);
        assert_eq!(route(&s, "etc/passwd"), Route::Refused);
    }

    #[test]
    fn injects_the_live_script_before_body_end() {
        let out =
            String::from_utf8(with_live_script(b"<html><body>x</body></html>", "/s/")).unwrap();
        assert!(out.contains("/s/__prongsai/events"));
        assert!(out.ends_with("</script></body></html>"));
    }
}
