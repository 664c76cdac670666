//! `prongsai serve` answers only with bytes of the last good build, to the names it serves,
//! with bounded memory for slow readers, and says where it listens even under `-q`.

#![cfg(unix)]

use crate::support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::server::{Response, Server};
use support::{BIN, TestSite};

const PDF: &str = "content/files/2566/no-gift-policy.pdf";

fn wait_for(what: &str, mut ok: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !ok() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn an_attachment_swapped_for_a_link_after_the_build_is_not_served() {
    let secret = tempfile::tempdir().unwrap();
    std::fs::write(secret.path().join("passwd"), "root:x:0:0:secret").unwrap();
    let site = TestSite::example();
    let original = site.read_bytes(PDF);
    let server = Server::start(&site);
    let url = "files/2566/no-gift-policy.pdf";
    assert_eq!(server.get(url).body, original);

    std::fs::remove_file(site.path(PDF)).unwrap();
    std::os::unix::fs::symlink(secret.path().join("passwd"), site.path(PDF)).unwrap();
    // The rebuild is refused (the link leads out of the site); the last good build stays, and
    // its attachment is not read through the link.
    wait_for("the rebuild to be refused", || {
        server.get(url).status != 200
    });
    let r = server.get(url);
    assert_eq!(r.status, 503);
    assert!(!r.text().contains("root:x"), "{}", r.text());
    assert!(
        r.text()
            .contains("this file changed after the last good build")
    );

    // The file put back as it was is served again (after the rebuild that follows).
    std::fs::remove_file(site.path(PDF)).unwrap();
    std::fs::write(site.path(PDF), &original).unwrap();
    wait_for("the file to be served again", || {
        server.get(url).status == 200
    });
    assert_eq!(server.get(url).body, original);
}

/// Resident memory of a process, in KiB.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap()
}

#[test]
fn slow_readers_of_a_large_file_hold_little_memory_and_are_cut_off() {
    let big: Vec<u8> = (0..20 * 1024 * 1024).map(|i| (i % 251) as u8).collect();
    let site = TestSite::minimal().bytes("content/files/big.pdf", &big);
    let server = Server::start_with(&site, &[], &[("PRONGSAI_SERVE_WRITE_TIMEOUT_MS", "2000")]);
    let pid = server.child.id();
    let before = rss_kib(pid);
    // Forty clients ask for the file and read nothing.
    let stalled: Vec<TcpStream> = (0..40)
        .map(|_| {
            let mut s = TcpStream::connect(&server.host).unwrap();
            write!(
                s,
                "GET {}files/big.pdf HTTP/1.1\r\nHost: localhost\r\n\r\n",
                server.base
            )
            .unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(800));
    let during = rss_kib(pid);
    assert!(
        during < before + 100 * 1024,
        "40 stalled readers of a 20 MB file: {before} KiB before, {during} KiB during"
    );
    // Others are still answered.
    assert_eq!(server.get("").status, 200);
    // Past the write timeout, each stalled connection has been closed: reading it to the end
    // finishes, short of the file.
    std::thread::sleep(Duration::from_millis(3500));
    let start = Instant::now();
    for mut s in stalled {
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let mut got = Vec::new();
        let _ = s.read_to_end(&mut got);
        assert!(
            got.len() < big.len(),
            "a stalled reader was sent the whole file"
        );
    }
    assert!(start.elapsed() < Duration::from_secs(20));
    // A reader that reads gets all of it, byte for byte.
    assert_eq!(server.get("files/big.pdf").body, big);
}

/// A raw GET with its own Host header.
fn get_as(server: &Server, host: &str, path: &str) -> Response {
    let mut s = TcpStream::connect(&server.host).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {}{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n",
        server.base
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    Response::parse(&raw)
}

#[test]
fn only_the_names_it_serves_are_answered() {
    let site = TestSite::minimal();
    let server = Server::start_with(&site, &["--allow-host", "intranet.local"], &[]);
    let port = server.host.rsplit(':').next().unwrap().to_owned();
    for host in [
        "evil.example",
        &format!("evil.example:{port}"),
        "127.0.0.1.nip.io",
        "192.0.2.99",
    ] {
        let r = get_as(&server, host, "");
        assert_eq!(r.status, 403, "{host}");
        assert!(r.text().contains("--allow-host"), "{}", r.text());
        assert!(!r.text().contains("ประกาศฉบับแรก"));
    }
    for host in [
        server.host.clone(),
        format!("localhost:{port}"),
        format!("intranet.local:{port}"),
        "INTRANET.LOCAL".into(),
    ] {
        assert_eq!(get_as(&server, &host, "").status, 200, "{host}");
    }
}

#[test]
fn attachments_that_can_run_script_are_sandboxed_and_nothing_is_sniffed() {
    let site = TestSite::minimal()
        .file(
            "content/files/map.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
        )
        .file("content/files/old.html", "<script>alert(1)</script>");
    let server = Server::start(&site);
    for path in ["files/map.svg", "files/old.html"] {
        let r = server.get(path);
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-security-policy"), "sandbox", "{path}");
        assert_eq!(r.header("x-content-type-options"), "nosniff", "{path}");
    }
    let page = server.get("");
    assert_eq!(page.header("x-content-type-options"), "nosniff");
    assert_eq!(page.header("content-security-policy"), "");
}

#[test]
fn the_site_under_a_sub_path_is_reached_from_the_bare_address() {
    let site = TestSite::minimal().replace(
        "content/site.yaml",
        "https://www.example.go.th/",
        "https://www.example.go.th/transparency/",
    );
    let server = Server::start(&site);
    assert_eq!(server.base, "/transparency/");
    let r = server.raw("GET", "/", "");
    assert_eq!(r.status, 301);
    assert_eq!(r.header("location"), "/transparency/");
}

#[test]
fn a_port_in_use_is_said_even_under_q() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let site = TestSite::minimal();
    let mut child = Command::new(BIN)
        .args(["serve", "-q", "--port", &port, "--root"])
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
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("พอร์ต {port} มีโปรแกรมอื่นใช้อยู่")),
        "{stderr}"
    );
    assert!(!line.contains(&format!(":{port}/")), "{line}");
}

#[test]
fn bound_to_every_address_it_prints_those_a_phone_can_open_and_hides_source_from_them() {
    let site = TestSite::minimal();
    let mut child = Command::new(BIN)
        .args(["serve", "-q", "--port", "0", "--bind", "0.0.0.0", "--root"])
        .arg(site.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line
        .trim()
        .rsplit(':')
        .next()
        .unwrap()
        .trim_end_matches('/')
        .to_owned();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    stderr.read_line(&mut said).unwrap();
    let lan: Vec<String> = said
        .split_whitespace()
        .filter(|w| w.starts_with("http://"))
        .map(str::to_owned)
        .collect();
    if lan.is_empty() {
        assert!(said.contains("ยังไม่ได้ต่อเครือข่าย"), "{said}");
        eprintln!("skipped the other-computer part: this machine has no network address");
        let _ = child.kill();
        let _ = child.wait();
        return;
    }
    assert!(
        lan.iter().all(|u| u.ends_with(&format!(":{port}/"))),
        "{said}"
    );
    // A broken file: this computer's browser hears its source line, another computer's not.
    let site = site.file(
        "content/announcements/first.md",
        "---\ntitle: ประกาศฉบับแรก\ndate: 2566-13-45\n---\nความลับในบรรทัดต้นฉบับ\n",
    );
    let events = |host: &str| -> String {
        let mut s = TcpStream::connect(host).unwrap();
        s.set_read_timeout(Some(Duration::from_millis(1500)))
            .unwrap();
        write!(s, "GET /__prongsai/events HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
        let mut got = Vec::new();
        let _ = s.read_to_end(&mut got);
        String::from_utf8_lossy(&got).into_owned()
    };
    let remote = lan[0]
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned();
    let local = format!("127.0.0.1:{port}");
    wait_for("the failed rebuild", || {
        events(&local).contains("2566-13-45")
    });
    let near = events(&local);
    let far = events(&remote);
    assert!(near.contains("date: 2566-13-45"), "{near}");
    assert!(far.contains("first.md"), "{far}");
    assert!(!far.contains("date: 2566-13-45"), "{far}");
    let _ = child.kill();
    let _ = child.wait();
    let _ = site;
}
