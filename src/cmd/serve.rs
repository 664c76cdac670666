//! `prongsai serve`: builds in memory and serves the last good build over HTTP. The content is
//! checked for changes twice a second; a good rebuild replaces the served site in one step, a
//! failed one keeps the last good site and prints the errors.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use crate::cli::{Global, ServeArgs};
use crate::cmd::{progress, report};
use crate::output::{Body, Outputs};
use crate::site::LoadOptions;

struct Served {
    outputs: Outputs,
    base_path: String,
}

pub fn execute(args: &ServeArgs, g: Global) -> Result<ExitCode, String> {
    let options = LoadOptions {
        base_url: None,
        drafts: args.drafts,
        today: None,
    };
    let (built, diags) = crate::build::build(&args.root, &options);
    report(&diags, g);
    let Some((site, outputs)) = built else {
        progress(
            g,
            "สร้างเว็บไซต์ไม่สำเร็จ: แก้ข้อผิดพลาดข้างต้นแล้วสั่งใหม่",
            "build failed: fix the errors above and run again",
        );
        return Ok(ExitCode::from(1));
    };
    let base_path = site.config.base_path().to_owned();
    let served = Arc::new(RwLock::new(Served {
        outputs,
        base_path: base_path.clone(),
    }));

    let server = tiny_http::Server::http((args.bind.as_str(), args.port)).map_err(|e| {
        format!(
            "cannot listen on {}:{} ({e}); another program may use the port: try --port {}",
            args.bind,
            args.port,
            args.port.saturating_add(1)
        )
    })?;
    let url = format!(
        "http://{}:{}{}",
        display_host(&args.bind),
        args.port,
        base_path
    );
    progress(
        g,
        &format!("เปิดดูเว็บไซต์ได้ที่ {url} (กด Ctrl+C เพื่อหยุด)"),
        &format!("serving the site at {url} (Ctrl+C to stop)"),
    );
    if args.open {
        open_browser(&url);
    }

    let watcher = {
        let served = Arc::clone(&served);
        let root = args.root.clone();
        std::thread::spawn(move || watch(&root, &options, &served, g))
    };
    drop(watcher);

    for request in server.incoming_requests() {
        let response = respond(&served, request.url());
        let _ = request.respond(response);
    }
    Ok(ExitCode::SUCCESS)
}

fn display_host(bind: &str) -> &str {
    if bind == "0.0.0.0" { "localhost" } else { bind }
}

fn open_browser(url: &str) {
    let cmd = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(cmd).arg(url).spawn();
}

fn respond(
    served: &RwLock<Served>,
    raw_url: &str,
) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let guard = served
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let path = raw_url.split(['?', '#']).next().unwrap_or("/");
    let path = percent_decode(path);
    let rel = path
        .strip_prefix(guard.base_path.as_str())
        .or_else(|| path.strip_prefix(guard.base_path.trim_end_matches('/')))
        .map(|r| r.trim_start_matches('/').to_owned());
    let found = rel.as_deref().and_then(|rel| {
        let candidates = if rel.is_empty() || rel.ends_with('/') {
            vec![format!("{rel}index.html")]
        } else {
            vec![rel.to_owned(), format!("{rel}/index.html")]
        };
        candidates
            .into_iter()
            .find_map(|c| guard.outputs.files.get(&c).map(|b| (c, b)))
    });
    let (status, name, bytes) = match found {
        Some((name, body)) => (200, name, read(body)),
        None => (
            404,
            "404.html".to_owned(),
            guard
                .outputs
                .files
                .get("404.html")
                .map(read)
                .unwrap_or_default(),
        ),
    };
    let mut response = tiny_http::Response::from_data(bytes).with_status_code(status);
    if let Ok(h) = tiny_http::Header::from_bytes("Content-Type", content_type(&name)) {
        response.add_header(h);
    }
    if let Ok(h) = tiny_http::Header::from_bytes("Cache-Control", "no-store") {
        response.add_header(h);
    }
    response
}

fn read(body: &Body) -> Vec<u8> {
    match body {
        Body::Bytes(b) => b.clone(),
        Body::Static(b) => b.to_vec(),
        Body::Copy(p) => std::fs::read(p).unwrap_or_default(),
    }
}

fn content_type(name: &str) -> &'static str {
    match name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("csv") => "text/csv; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("pdf") => "application/pdf",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                #[allow(clippy::cast_possible_truncation)]
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every file's modification time under the watched folders.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Option<SystemTime>> {
    ["content", "themes"]
        .iter()
        .flat_map(|d| walkdir::WalkDir::new(root.join(d)).into_iter().flatten())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let t = e.metadata().ok().and_then(|m| m.modified().ok());
            (e.into_path(), t)
        })
        .collect()
}

fn watch(root: &Path, options: &LoadOptions, served: &RwLock<Served>, g: Global) {
    let mut last = snapshot(root);
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let now = snapshot(root);
        if now == last {
            continue;
        }
        last = now;
        let (built, diags) = crate::build::build(root, options);
        report(&diags, g);
        match built {
            Some((site, outputs)) => {
                let mut guard = served
                    .write()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                *guard = Served {
                    outputs,
                    base_path: site.config.base_path().to_owned(),
                };
                drop(guard);
                progress(g, "สร้างใหม่แล้ว", "rebuilt");
            }
            None => progress(
                g,
                "สร้างใหม่ไม่สำเร็จ: ยังแสดงฉบับล่าสุดที่สร้างได้",
                "rebuild failed: still serving the last good build",
            ),
        }
    }
}
