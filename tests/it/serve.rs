//! `prongsai serve`, run for real on a free port: it follows edits, renames and deletes, never
//! answers from a half-built site, refuses to leave the site, and tells open tabs about a broken
//! file until it is fixed.

use crate::support;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use support::server::{Response, Server, without_live_script};
use support::{BIN, TestSite};

/// Every file `prongsai build` writes from the site's current files.
fn build_tree(site: &TestSite) -> BTreeMap<String, Vec<u8>> {
    let out = site.root().join("built-for-comparison");
    let status = Command::new(BIN)
        .args(["build", "-q", "--root"])
        .arg(site.root())
        .arg("--out")
        .arg(&out)
        .status()
        .expect("run build");
    assert!(status.success());
    let mut files = BTreeMap::new();
    collect(&out, &out, &mut files);
    std::fs::remove_dir_all(&out).expect("clean up");
    // The list of files a build wrote is the folder's, not the site's: serve has none.
    files.remove(".prongsai-output.json");
    files
}

fn collect(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(rel, std::fs::read(&path).expect("read"));
        }
    }
}

/// The first output file the server answers differently from the build, if any.
fn first_difference(server: &Server, built: &BTreeMap<String, Vec<u8>>) -> Option<String> {
    for (rel, bytes) in built {
        let path = rel.strip_suffix("index.html").unwrap_or(rel);
        let path = support::percent_encode_path(path);
        let r = server.get(&path);
        if r.status != 200 {
            return Some(format!("{rel}: status {}", r.status));
        }
        let served = if rel.ends_with(".html") {
            without_live_script(&r.body)
        } else {
            r.body
        };
        if &served != bytes {
            if std::env::var_os("SERVE_TEST_DUMP").is_some() {
                let _ = std::fs::write("/tmp/serve-served", &served);
                let _ = std::fs::write("/tmp/serve-built", bytes);
            }
            return Some(format!("{rel}: content differs"));
        }
    }
    None
}

/// Waits until the served site equals a fresh build, or fails with the last difference.
fn assert_serves_the_build(server: &Server, site: &TestSite) {
    let built = build_tree(site);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        match first_difference(server, &built) {
            None => return,
            Some(diff) if Instant::now() > deadline => panic!("served site differs: {diff}"),
            Some(_) => std::thread::sleep(Duration::from_millis(100)),
        }
    }
}

fn wait_for(what: &str, mut ok: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !ok() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Saves a file the way editors do: a temporary file renamed over the original.
fn atomic_write(path: &Path, text: &str) {
    let temp = path.with_file_name(format!(
        ".{}.tmp",
        path.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&temp, text).expect("write temp");
    std::fs::rename(&temp, path).expect("rename");
}

#[test]
fn serves_the_same_site_as_build_after_hundreds_of_random_edits() {
    let site = TestSite::example();
    let server = Server::start(&site);
    assert_serves_the_build(&server, &site);

    let dir = site.root().join("content/announcements/generated");
    let pages = site.root().join("content/pages");
    let mut rng = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n
    };
    let mut created: Vec<String> = Vec::new();
    for i in 0..300 {
        match next(8) {
            // A new announcement, in a folder that may not exist yet.
            0 | 1 => {
                std::fs::create_dir_all(&dir).unwrap();
                let name = format!("n{i}.md");
                let day = 1 + next(28);
                std::fs::write(
                    dir.join(&name),
                    format!(
                        "---\ntitle: ประกาศทดสอบ {i}\ndate: 2566-03-{day:02}\n---\nเนื้อหา {i}\n"
                    ),
                )
                .unwrap();
                created.push(name);
            }
            // Edit the text or the title of one we made, with an atomic save.
            2 | 3 if !created.is_empty() => {
                let name = &created[usize::try_from(next(created.len() as u64)).unwrap()];
                let text = format!(
                    "---\ntitle: แก้ไข {i}\ndate: 2566-04-{:02}\n---\nเนื้อหาใหม่ {i}\n",
                    1 + next(28)
                );
                atomic_write(&dir.join(name), &text);
            }
            // Rename one.
            4 if !created.is_empty() => {
                let k = usize::try_from(next(created.len() as u64)).unwrap();
                let new = format!("r{i}.md");
                std::fs::rename(dir.join(&created[k]), dir.join(&new)).unwrap();
                created[k] = new;
            }
            // Delete one.
            5 if !created.is_empty() => {
                let k = usize::try_from(next(created.len() as u64)).unwrap();
                std::fs::remove_file(dir.join(created.remove(k))).unwrap();
            }
            // Edit an existing page's text.
            6 => {
                let about = pages.join("about.md");
                let mut text = std::fs::read_to_string(&about).unwrap();
                text.push_str(&format!("\nย่อหน้าเพิ่ม {i}\n"));
                atomic_write(&about, &text);
            }
            // Editor leftovers that must be ignored.
            _ => {
                let swap = dir.with_file_name(format!(".edit{i}.swp"));
                std::fs::write(&swap, "junk").unwrap();
                std::fs::remove_file(&swap).unwrap();
                std::fs::write(pages.join(format!("#draft{i}#")), "junk").unwrap();
            }
        }
        std::thread::sleep(Duration::from_millis(next(12)));
    }
    // The whole folder removed at once, as a bulk delete.
    if next(2) == 0 {
        std::fs::remove_dir_all(&dir).unwrap();
    }
    assert_serves_the_build(&server, &site);
}

#[test]
fn requests_during_rebuilds_always_get_a_whole_page() {
    let site = TestSite::example();
    let server = Arc::new(Server::start(&site));
    let stop = Arc::new(AtomicBool::new(false));
    let served = Arc::new(AtomicUsize::new(0));
    let hammer = {
        let (server, stop, served) = (Arc::clone(&server), Arc::clone(&stop), Arc::clone(&served));
        std::thread::spawn(move || {
            let mut failures = Vec::new();
            while !stop.load(Ordering::SeqCst) {
                for path in ["", "announcements/", "measures/2566/", "static/style.css"] {
                    let r = server.get(path);
                    let whole = r.status == 200
                        && !r.body.is_empty()
                        && (path.ends_with(".css") || r.text().contains("</html>"));
                    if !whole {
                        failures.push(format!("{path}: {} ({} bytes)", r.status, r.body.len()));
                    }
                    served.fetch_add(1, Ordering::SeqCst);
                }
            }
            failures
        })
    };
    let about = site.root().join("content/pages/about.md");
    let original = std::fs::read_to_string(&about).unwrap();
    for i in 0..40 {
        atomic_write(&about, &format!("{original}\nรอบที่ {i}\n"));
        std::thread::sleep(Duration::from_millis(40));
    }
    std::thread::sleep(Duration::from_millis(500));
    stop.store(true, Ordering::SeqCst);
    let failures = hammer.join().unwrap();
    assert!(failures.is_empty(), "{failures:?}");
    assert!(served.load(Ordering::SeqCst) > 40, "the hammer barely ran");
}

#[test]
fn refuses_paths_that_leave_the_site() {
    let site = TestSite::example().file("secret.txt", "top secret");
    let server = Server::start(&site);
    for target in [
        "/../secret.txt",
        "/../../../../etc/passwd",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/files/..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/files/2566/%00.pdf",
        "/static/style.css%00.html",
        "/%c0%ae%c0%ae/secret.txt",
        "/%252e%252e/secret.txt",
        "//etc/passwd",
        "/C:/Windows/win.ini",
        "/content/site.yaml",
        "/secret.txt",
    ] {
        let r = server.raw("GET", target, "");
        assert!(
            r.status == 400 || r.status == 404,
            "{target}: status {}",
            r.status
        );
        assert!(!r.text().contains("top secret"), "{target} leaked the file");
        assert!(!r.text().contains("root:"), "{target} leaked /etc/passwd");
    }
}

#[test]
fn http_details() {
    let site = TestSite::example();
    let server = Server::start(&site);
    let home = server.get("");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("content-type"), "text/html; charset=utf-8");
    assert!(
        home.text().contains("__prongsai/events"),
        "live script injected"
    );
    for (path, kind) in [
        ("measures/2566/measures.csv", "text/csv; charset=utf-8"),
        ("measures/2566/measures.json", "application/json"),
        ("data/catalog.jsonld", "application/ld+json"),
        ("data/catalog.ttl", "text/turtle; charset=utf-8"),
        ("feed.xml", "application/atom+xml; charset=utf-8"),
        ("static/style.css", "text/css; charset=utf-8"),
        ("files/2566/no-gift-policy.pdf", "application/pdf"),
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type"), kind, "{path}");
    }
    // A folder without its slash is redirected.
    let r = server.get("measures/2566");
    assert_eq!(r.status, 301);
    assert_eq!(
        r.header("location"),
        format!("{}measures/2566/", server.base)
    );
    // The site's own 404 page, with status 404.
    let r = server.get("no-such-page/");
    assert_eq!(r.status, 404);
    assert!(r.text().contains("ไม่พบหน้าที่ต้องการ"));
    // HEAD: headers, no body.
    let r = server.raw("HEAD", &format!("{}measures/2566/", server.base), "");
    assert_eq!(r.status, 200);
    assert!(r.body.is_empty());
    // ETag and If-None-Match.
    let r = server.get("measures/2566/");
    let etag = r.header("etag").to_owned();
    assert!(etag.starts_with('"'), "{etag}");
    let again = server.raw(
        "GET",
        &format!("{}measures/2566/", server.base),
        &format!("If-None-Match: {etag}\r\n"),
    );
    assert_eq!(again.status, 304);
    // Nothing but GET and HEAD.
    assert_eq!(
        server
            .raw("POST", &server.base.clone(), "Content-Length: 0\r\n")
            .status,
        405
    );
}

#[test]
fn honours_the_base_path_of_base_url() {
    let site = TestSite::example().replace(
        "content/site.yaml",
        "base_url: https://www.example.go.th/",
        "base_url: https://www.example.go.th/transparency/",
    );
    let server = Server::start(&site);
    assert_eq!(server.base, "/transparency/");
    assert_eq!(server.get("measures/2566/").status, 200);
    let r = server.raw("GET", "/transparency", "");
    assert_eq!(r.status, 301);
    assert_eq!(r.header("location"), "/transparency/");
    assert_eq!(server.raw("GET", "/measures/2566/", "").status, 404);
}

/// Reads server-sent events until `want` appears in one, or fails.
fn wait_for_event(server: &Server, want: &str) -> String {
    let mut stream = TcpStream::connect(&server.host).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        stream,
        "GET {}__prongsai/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.base, server.host
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut line = String::new();
    while Instant::now() < deadline {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        if line.starts_with("data:") && line.contains(want) {
            return line;
        }
    }
    panic!("no event containing {want:?}");
}

#[test]
fn a_broken_file_shows_in_open_tabs_until_fixed() {
    let site = TestSite::example();
    let server = Server::start(&site);
    let before = server.get("announcements/").text();
    let bad = site.root().join("content/announcements/broken.md");
    std::fs::write(&bad, "---\ntitle: เสีย\ndate: 2566-02-30\n---\n").unwrap();
    let event = wait_for_event(&server, "content/announcements/broken.md:3:7");
    assert!(event.contains("\"error\":{"), "{event}");
    // The last good site is still served, whole.
    let during = server.get("announcements/");
    assert_eq!(during.status, 200);
    assert_eq!(during.text(), before);
    // Fixing the file clears the error and the new page appears.
    std::fs::write(&bad, "---\ntitle: แก้แล้ว\ndate: 2566-02-28\n---\n").unwrap();
    wait_for_event(&server, "\"error\":null");
    wait_for("the fixed page", || {
        server.get("announcements/broken/").status == 200
    });
    assert!(server.get("announcements/broken/").text().contains("แก้แล้ว"));
}

#[test]
fn a_css_only_change_is_announced_as_such() {
    let site = TestSite::example();
    std::fs::create_dir_all(site.root().join("themes/local/static")).unwrap();
    std::fs::write(
        site.root().join("themes/local/static/style.css"),
        "body{color:#111}",
    )
    .unwrap();
    let yaml = site.read("content/site.yaml") + "theme: local\n";
    std::fs::write(site.root().join("content/site.yaml"), yaml).unwrap();
    let server = Server::start(&site);
    std::thread::sleep(Duration::from_millis(300));
    std::fs::write(
        site.root().join("themes/local/static/style.css"),
        "body{color:#222}",
    )
    .unwrap();
    let event = wait_for_event(&server, "\"css_only\":true");
    assert!(event.contains("\"error\":null"));
    assert_eq!(server.get("static/style.css").text(), "body{color:#222}");
}

#[test]
fn a_port_in_use_moves_to_the_next_one_and_says_so() {
    let site = TestSite::example();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let mut child = Command::new(BIN)
        .args(["serve", "--lang", "en", "--port"])
        .arg(port.to_string())
        .arg("--root")
        .arg(site.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _ = child.kill();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!line.contains(&format!(":{port}/")), "{line}");
    assert!(
        stderr.contains(&format!("port {port} is in use")),
        "{stderr}"
    );
}

/// The number of threads of a running process (Linux).
fn threads(child: &Child) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).expect("status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("Threads: line")
}

#[test]
fn slow_and_silent_clients_do_not_stop_others() {
    let site = TestSite::example();
    let server = Server::start(&site);
    let before = threads(&server.child);
    // Hundreds of clients that start a request and never finish it, and as many that connect
    // and say nothing at all.
    let mut idle = Vec::new();
    for i in 0..600 {
        let mut s = TcpStream::connect(&server.host).expect("connect");
        if i % 2 == 0 {
            write!(
                s,
                "GET {} HTTP/1.1\r\nHost: localhost\r\nX-Slow: ",
                server.base
            )
            .expect("send");
        }
        idle.push(s);
    }
    // Others are still answered, promptly.
    let started = std::time::Instant::now();
    for _ in 0..20 {
        assert_eq!(server.get("measures/2566/").status, 200);
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "answered in {:?}",
        started.elapsed()
    );
    // No thread per connection.
    let during = threads(&server.child);
    assert!(
        during <= before + 4,
        "{during} threads with 600 open connections, {before} before"
    );
    // A client that never finishes its request is cut off (after 10 s).
    let mut slow = idle.pop().expect("a connection");
    slow.set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    let mut rest = Vec::new();
    let cut = std::time::Instant::now();
    let _ = slow.read_to_end(&mut rest);
    assert!(
        cut.elapsed() < Duration::from_secs(15),
        "a silent client held its connection for {:?}",
        cut.elapsed()
    );
}

#[test]
fn over_long_requests_are_refused_and_the_server_goes_on() {
    let site = TestSite::example();
    let server = Server::start(&site);
    // The server answers once it has read enough to refuse, and may close before the client
    // has sent the rest: then the client sees a reset, which is a refusal too.
    let refused = |request: String| -> Option<u16> {
        let mut s = TcpStream::connect(&server.host).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        let _ = s.write_all(request.as_bytes());
        let mut raw = Vec::new();
        let _ = s.read_to_end(&mut raw);
        (!raw.is_empty()).then(|| Response::parse(&raw).status)
    };
    let head = |target: &str, headers: &str| {
        format!("GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{headers}\r\n")
    };
    let long_path = format!("{}{}", server.base, "a".repeat(20_000));
    let status = refused(head(&long_path, ""));
    assert!(
        status.is_none_or(|s| s == 414 || s == 431),
        "over-long URL: {status:?}"
    );
    let status = refused(head(&format!("{}{}", server.base, "a".repeat(9_000)), ""));
    assert_eq!(status, Some(414), "a long URL within the head limit");
    let big_header = format!("X-Big: {}\r\n", "b".repeat(100_000));
    let status = refused(head(&server.base, &big_header));
    assert!(
        status.is_none_or(|s| s == 431),
        "over-long header: {status:?}"
    );
    let many = (0..2000)
        .map(|i| format!("X-{i}: v\r\n"))
        .collect::<String>();
    let status = refused(head(&server.base, &many));
    assert!(
        status.is_none_or(|s| s >= 400),
        "two thousand headers: {status:?}"
    );
    let r = server.raw("POST", &server.base, "Content-Length: 0\r\n");
    assert_eq!(r.status, 405);
    // Garbage instead of HTTP.
    let mut s = TcpStream::connect(&server.host).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    s.write_all(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http at all\r\n\r\n")
        .expect("send");
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    assert_eq!(server.get("").status, 200, "still serving");
}

#[test]
fn many_parallel_clients_all_get_whole_pages() {
    let site = TestSite::example();
    let server = Server::start(&site);
    let expected = server.get("measures/2566/").body;
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..64)
            .map(|_| {
                scope.spawn(|| {
                    for _ in 0..10 {
                        let r = server.get("measures/2566/");
                        assert_eq!(r.status, 200);
                        assert_eq!(r.body, expected);
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().expect("a client");
        }
    });
}

#[test]
fn a_procurement_notice_follows_its_plan_while_served() {
    let site = TestSite::example();
    let server = Server::start(&site);
    let notice = "procurement-notices/2566-01-12-road-moo3-invitation/";
    assert!(
        server
            .get(notice)
            .text()
            .contains("datetime=\"2022-10-28\"")
    );
    // Only the plan changes: the notice's own file does not.
    let plan = site.root().join("content/procurement/plans/2566.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(text.contains("announced: 2565-10-28"));
    atomic_write(
        &plan,
        &text.replacen("announced: 2565-10-28", "announced: 2565-10-27", 1),
    );
    wait_for("the plan's new date on the notice's page", || {
        server
            .get(notice)
            .text()
            .contains("datetime=\"2022-10-27\"")
    });
    assert!(
        !server
            .get(notice)
            .text()
            .contains("datetime=\"2022-10-28\"")
    );
}
