//! `prongsai deploy` to a folder (`file://`): the host ends equal to the build, an unchanged
//! site sends nothing, an edit sends only what changed, a removal disappears, a file changed
//! by hand or put there by someone else is reported and kept, and a deploy killed half way is
//! finished by the next.

use std::collections::BTreeMap;

use crate::support::{TestSite, Tree};

/// The host's files as the build's: without either side's manifest.
fn site_files(t: &Tree) -> BTreeMap<String, Vec<u8>> {
    t.0.iter()
        .filter(|(k, _)| *k != ".prongsai-deploy.json" && *k != ".prongsai-output.json")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn url(host: &TestSite) -> String {
    format!("file://{}", host.root().display())
}

fn sent(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("send "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_host_follows_the_build_sending_only_what_changed() {
    let site = TestSite::example();
    site.build().success();
    let host = TestSite::empty().file("mine/notes.txt", "ของเจ้าหน้าที่\n");
    let files = site.public().0.len() - 1;
    site.run(&["deploy", "--to", &url(&host)])
        .success()
        .stderr_has(&format!("ส่งเว็บไซต์แล้ว: ส่ง {files} ไฟล์"));
    let mut hosted = site_files(&host.tree());
    assert_eq!(
        hosted.remove("mine/notes.txt").as_deref(),
        Some("ของเจ้าหน้าที่\n".as_bytes())
    );
    assert_eq!(hosted, site_files(&site.public()));
    // Nothing changed: nothing sent, not even the manifest.
    let manifest = host.path(".prongsai-deploy.json");
    let written = std::fs::metadata(&manifest).unwrap().modified().unwrap();
    site.run(&["deploy", "--to", &url(&host)])
        .success()
        .stderr_has(&format!("ส่ง 0 ไฟล์ (0 KB) ลบ 0 ไฟล์ ไม่เปลี่ยน {files} ไฟล์"));
    assert_eq!(
        std::fs::metadata(&manifest).unwrap().modified().unwrap(),
        written,
        "the manifest was written again"
    );
    // One announcement's text edited: what is sent is exactly what the build changed.
    let before = site.public();
    let site = site.replace(
        "content/announcements/no-gift-policy.md",
        "ไม่รับของขวัญ",
        "ไม่รับของขวัญและของกำนัล",
    );
    site.build().success();
    let after = site.public();
    let changed: Vec<String> = site_files(&after)
        .into_iter()
        .filter(|(k, v)| before.0.get(k) != Some(v))
        .map(|(k, _)| k)
        .collect();
    assert!(!changed.is_empty() && changed.len() < 20, "{changed:?}");
    let plan = site.run(&["deploy", "--to", &url(&host), "--dry-run"]);
    plan.success();
    let mut would = sent(&plan.stdout);
    // The search index's manifest goes after the files it names, then the pages.
    let manifest = would
        .iter()
        .position(|f| f == "search/manifest.json")
        .expect("the edit changes the search index");
    assert!(
        would[..manifest].iter().any(|f| f.starts_with("search/p/"))
            && would[manifest + 1..].iter().all(|f| f.ends_with(".html")),
        "{would:?}"
    );
    would.sort();
    assert_eq!(would, changed);
    site.run(&["deploy", "--to", &url(&host)])
        .success()
        .stderr_has(&format!("ส่ง {} ไฟล์", changed.len()));
    let mut hosted = site_files(&host.tree());
    hosted.remove("mine/notes.txt");
    assert_eq!(hosted, site_files(&site.public()));
    // An announcement removed: its page leaves the host; the staff's own file stays.
    let page = "news/community-forum-2566/index.html";
    assert!(host.exists(page));
    let site = site.remove("content/news/community-forum-2566.md");
    site.build().success();
    // The sitemap, which names pages, goes after every page.
    let plan = site.run(&["deploy", "--to", &url(&host), "--dry-run"]);
    let would = sent(plan.success().stdout.as_str());
    assert!(
        would.iter().any(|f| f.ends_with(".html"))
            && would.last().map(String::as_str) == Some("sitemap.xml"),
        "{would:?}"
    );
    site.run(&["deploy", "--to", &url(&host)])
        .success()
        .stderr_has("ลบ ");
    assert!(!host.exists(page), "{page} is still on the host");
    let mut hosted = site_files(&host.tree());
    assert!(hosted.remove("mine/notes.txt").is_some());
    assert_eq!(hosted, site_files(&site.public()));
}

#[test]
fn a_file_changed_by_hand_on_the_host_is_reported_and_kept_unless_forced() {
    let site = TestSite::example();
    site.build().success();
    let host = TestSite::empty();
    site.run(&["deploy", "--to", &url(&host)]).success();
    std::fs::write(host.path("about/index.html"), "แก้ด้วยมือ\n").unwrap();
    let site = site.replace("content/pages/about.md", "เทศบาล", "เทศบาลตำบล");
    site.build().success();
    site.run(&["deploy", "--to", &url(&host)])
        .code(2)
        .stderr_has(
            "ไฟล์บนเครื่องแม่ข่ายถูกแก้ไขโดยไม่ผ่าน prongsai 1 ไฟล์: about/index.html จึงไม่ได้ส่งหรือลบสิ่งใด",
        );
    assert_eq!(host.read("about/index.html"), "แก้ด้วยมือ\n");
    site.run(&["deploy", "--to", &url(&host), "--force"])
        .success();
    assert_eq!(site_files(&host.tree()), site_files(&site.public()));
}

#[test]
fn files_someone_else_put_where_the_site_goes_are_not_overwritten() {
    let site = TestSite::example();
    site.build().success();
    let host = TestSite::empty().file("index.html", "<p>เว็บไซต์เดิม</p>\n");
    site.run(&["deploy", "--to", &url(&host), "--lang", "en"])
        .code(2)
        .stderr_has("1 files on the host that prongsai did not put there are where the site's files go: index.html; nothing was sent");
    assert_eq!(host.read("index.html"), "<p>เว็บไซต์เดิม</p>\n");
    assert!(!host.exists("about/index.html"));
}

#[test]
fn a_password_is_never_taken_from_the_address_or_shown() {
    let site = TestSite::example();
    site.build().success();
    site.run(&["deploy", "--to", "ftp://webadmin:hunter2@127.0.0.1:1/site"])
        .code(2)
        .stderr_has("อย่าใส่รหัสผ่านในที่อยู่")
        .stderr_lacks("hunter2");
}

#[test]
fn without_a_build_or_an_address_it_says_what_to_do() {
    let site = TestSite::minimal();
    site.run(&["deploy", "--to", "file:///tmp/x"])
        .code(2)
        .stderr_has("สั่ง prongsai build ก่อน");
    site.build().success();
    site.run(&["deploy"])
        .code(2)
        .stderr_has("ยังไม่ได้บอกว่าจะส่งเว็บไซต์ไปที่ใด");
}

#[cfg(unix)]
#[test]
fn a_deploy_killed_half_way_is_finished_by_the_next_and_pages_are_never_missing() {
    let mut site = TestSite::minimal();
    for i in 0..1500 {
        site = site.file(
            &format!("content/announcements/a{i:04}.md"),
            &format!("---\ntitle: ประกาศฉบับที่ {i}\ndate: 2566-01-15\n---\nเนื้อหาของประกาศฉบับที่ {i}\n"),
        );
    }
    site.build().success();
    let host = TestSite::empty();
    site.run(&["deploy", "--to", &url(&host)]).success();
    // Every page changes.
    let mut site = site;
    for i in 0..1500 {
        site = site.replace(
            &format!("content/announcements/a{i:04}.md"),
            "เนื้อหาของ",
            "ข้อความใหม่ของ",
        );
    }
    site.build().success();
    let pages: Vec<String> = site_files(&site.public())
        .keys()
        .filter(|k| k.ends_with(".html"))
        .cloned()
        .collect();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .args(["deploy", "--to", &url(&host)])
        .current_dir(site.root())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once it has started sending, checking meanwhile that no page is ever missing.
    let started = std::time::Instant::now();
    loop {
        let journal =
            std::fs::read_to_string(host.path(".prongsai-deploy-pending.json")).unwrap_or_default();
        for p in pages.iter().step_by(97) {
            assert!(host.exists(p), "{p} was missing during the deploy");
        }
        if journal.contains("\"sending\"") || started.elapsed().as_secs() > 20 {
            break;
        }
    }
    std::thread::sleep(std::time::Duration::from_millis(10));
    let _ = child.kill();
    let _ = child.wait();
    // Killed while sending, not after.
    assert!(
        std::fs::read_to_string(host.path(".prongsai-deploy-pending.json"))
            .unwrap()
            .contains("\"sending\""),
        "the deploy ended before it was killed"
    );
    for p in &pages {
        assert!(host.exists(p), "{p} is missing after the kill");
    }
    site.run(&["deploy", "--to", &url(&host)]).success();
    assert_eq!(site_files(&host.tree()), site_files(&site.public()));
}

/// Whether a test that needs `server` can run here (`installed`). Where it cannot, the test is
/// passed over with a note on the terminal, so `cargo test` runs on a machine without it,
/// unless `PRONGSAI_SERVER_TESTS=required` (as `.ci/run` sets): then it fails.
fn server_here(server: &str, installed: bool, install: &str) -> bool {
    if installed {
        return true;
    }
    assert!(
        std::env::var("PRONGSAI_SERVER_TESTS").map_or(true, |v| v != "required"),
        "{server} is not installed ({install}), and PRONGSAI_SERVER_TESTS=required"
    );
    // Written to the terminal itself: the test harness keeps what `eprintln!` prints.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "note: a deploy test passed over: {server} is not installed ({install}; .ci/run installs it)"
    );
    false
}

/// Whether pyftpdlib (with pyOpenSSL, for `tls`) is here for the FTP tests.
fn pyftpdlib_here(tls: bool) -> bool {
    let (server, import) = match tls {
        true => ("pyftpdlib with pyOpenSSL", "import pyftpdlib, OpenSSL"),
        false => ("pyftpdlib", "import pyftpdlib"),
    };
    let installed = std::process::Command::new("python3")
        .args(["-c", import])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    server_here(server, installed, "pip install pyftpdlib pyopenssl")
}

/// Whether OpenSSH's sshd and ssh-keygen are here for the SFTP tests.
fn sshd_here() -> bool {
    let installed = SSHD.iter().any(|p| std::path::Path::new(p).exists())
        && std::process::Command::new("ssh-keygen")
            .arg("-?")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok();
    server_here(
        "OpenSSH's sshd",
        installed,
        "apt-get install openssh-server openssh-client",
    )
}

/// Where sshd is installed.
const SSHD: [&str; 2] = ["/usr/sbin/sshd", "/usr/bin/sshd"];

/// An FTP server (pyftpdlib) on loopback serving `dir` to `user`/`password`; stopped on drop.
struct FtpServer {
    child: std::process::Child,
    port: u16,
}

impl FtpServer {
    fn start(dir: &std::path::Path, user: &str, password: &str) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = std::process::Command::new("python3")
            .args([
                "-m",
                "pyftpdlib",
                "-i",
                "127.0.0.1",
                "-p",
                &port.to_string(),
                "-w",
            ])
            .args(["-u", user, "-P", password, "-d"])
            .arg(dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("python3 -m pyftpdlib (pip install pyftpdlib; .ci/run installs it)");
        let server = Self { child, port };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return server;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("the FTP server did not start (is pyftpdlib installed?)");
    }
}

impl Drop for FtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn an_ftp_host_follows_the_build_and_a_wrong_password_is_a_clear_error() {
    if !pyftpdlib_here(false) {
        return;
    }
    let site = TestSite::example();
    site.build().success();
    let host = TestSite::empty();
    std::fs::create_dir_all(host.path("public_html")).unwrap();
    let ftp = FtpServer::start(host.root(), "webadmin", "รหัส-ลับ");
    let to = format!("ftp://webadmin@127.0.0.1:{}/public_html", ftp.port);
    let files = site.public().0.len() - 1;
    site.run_env(
        &[("PRONGSAI_DEPLOY_PASSWORD", "wrong")],
        &["deploy", "--to", &to],
    )
    .code(2)
    .stderr_has("เข้าสู่ระบบ 127.0.0.1 ด้วยชื่อ webadmin ไม่สำเร็จ")
    .stderr_lacks("wrong");
    site.run_env(
        &[("PRONGSAI_DEPLOY_PASSWORD", "รหัส-ลับ")],
        &["deploy", "--to", &to],
    )
    .success()
    .stderr_has(&format!("ส่ง {files} ไฟล์"))
    .stderr_lacks("รหัส-ลับ");
    let hosted = Tree::of(&host.path("public_html"));
    assert_eq!(site_files(&hosted), site_files(&site.public()));
    site.run_env(
        &[("PRONGSAI_DEPLOY_PASSWORD", "รหัส-ลับ")],
        &["deploy", "--to", &to],
    )
    .success()
    .stderr_has("ส่ง 0 ไฟล์");
    // A page edited on the host by hand (its size changes): found in the server's listing.
    let edited = host.path("public_html/about/index.html");
    std::fs::write(&edited, b"<p>edited</p>").unwrap();
    site.run_env(
        &[("PRONGSAI_DEPLOY_PASSWORD", "รหัส-ลับ")],
        &["deploy", "--to", &to],
    )
    .code(2)
    .stderr_has("about/index.html");
    // Taken over with --force (and an announcement removed): the host is the build again.
    let site = site.remove("content/news/community-forum-2566.md");
    site.build().success();
    site.run_env(
        &[("PRONGSAI_DEPLOY_PASSWORD", "รหัส-ลับ")],
        &["deploy", "--to", &to, "--force"],
    )
    .success();
    assert_eq!(
        site_files(&Tree::of(&host.path("public_html"))),
        site_files(&site.public())
    );
}

/// OpenSSH's sshd on loopback, serving SFTP to the current user with a key made here; the
/// client's HOME (key and known_hosts) is `home`. Stopped on drop.
struct SshServer {
    child: std::process::Child,
    /// The server's keys and configuration, kept while it runs.
    _dir: TestSite,
    port: u16,
    home: TestSite,
    user: String,
}

impl SshServer {
    fn start() -> Self {
        let dir = TestSite::empty();
        let home = TestSite::empty();
        let keygen = |path: &std::path::Path| {
            let ok = std::process::Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-f"])
                .arg(path)
                .status()
                .expect("ssh-keygen (apt-get install openssh-client)")
                .success();
            assert!(ok);
        };
        keygen(&dir.path("host_key"));
        std::fs::create_dir_all(home.path(".ssh")).unwrap();
        keygen(&home.path(".ssh/id_ed25519"));
        std::fs::copy(
            home.path(".ssh/id_ed25519.pub"),
            dir.path("authorized_keys"),
        )
        .unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let host_pub = std::fs::read_to_string(dir.path("host_key.pub")).unwrap();
        let mut fields = host_pub.split_whitespace();
        let (kind, key) = (fields.next().unwrap(), fields.next().unwrap());
        std::fs::write(
            home.path(".ssh/known_hosts"),
            format!("[127.0.0.1]:{port} {kind} {key}\n"),
        )
        .unwrap();
        let config = format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {dir}/host_key\nPidFile {dir}/sshd.pid\nAuthorizedKeysFile {dir}/authorized_keys\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\nStrictModes no\nUsePAM no\nSubsystem sftp internal-sftp\n",
            dir = dir.root().display()
        );
        std::fs::write(dir.path("sshd_config"), config).unwrap();
        let _ = std::fs::create_dir_all("/run/sshd");
        let sshd = SSHD
            .into_iter()
            .find(|p| std::path::Path::new(p).exists())
            .expect("sshd (apt-get install openssh-server; .ci/run installs it)");
        let child = std::process::Command::new(sshd)
            .args(["-D", "-e", "-f"])
            .arg(dir.path("sshd_config"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start sshd");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let user = std::env::var("USER")
            .ok()
            .or_else(|| {
                std::process::Command::new("id")
                    .arg("-un")
                    .output()
                    .ok()
                    .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            })
            .unwrap_or_else(|| "root".into());
        Self {
            child,
            _dir: dir,
            port,
            home,
            user,
        }
    }
}

impl Drop for SshServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn an_sftp_host_with_a_known_key_follows_the_build_and_an_unknown_host_is_refused() {
    if !sshd_here() {
        return;
    }
    let site = TestSite::example();
    site.build().success();
    let ssh = SshServer::start();
    let host = TestSite::empty();
    let to = format!(
        "sftp://{}@127.0.0.1:{}{}",
        ssh.user,
        ssh.port,
        host.root().display()
    );
    let home = ssh.home.root().display().to_string();
    let files = site.public().0.len() - 1;
    site.run_env(
        &[("HOME", &home), ("SSH_AUTH_SOCK", "")],
        &["deploy", "--to", &to],
    )
    .success()
    .stderr_has(&format!("ส่ง {files} ไฟล์"));
    assert_eq!(site_files(&host.tree()), site_files(&site.public()));
    site.run_env(
        &[("HOME", &home), ("SSH_AUTH_SOCK", "")],
        &["deploy", "--to", &to],
    )
    .success()
    .stderr_has("ส่ง 0 ไฟล์");
    let site = site.remove("content/news/community-forum-2566.md");
    site.build().success();
    site.run_env(
        &[("HOME", &home), ("SSH_AUTH_SOCK", "")],
        &["deploy", "--to", &to],
    )
    .success();
    assert_eq!(site_files(&host.tree()), site_files(&site.public()));
    // A host whose key is not known: nothing is sent.
    let stranger = TestSite::empty();
    std::fs::create_dir_all(stranger.path(".ssh")).unwrap();
    let stranger_home = stranger.root().display().to_string();
    let other = TestSite::empty();
    let to_other = format!(
        "sftp://{}@127.0.0.1:{}{}",
        ssh.user,
        ssh.port,
        other.root().display()
    );
    site.run_env(
        &[("HOME", &stranger_home), ("SSH_AUTH_SOCK", "")],
        &["deploy", "--to", &to_other],
    )
    .code(2)
    .stderr_has("ยังไม่รู้จักกุญแจ SSH ของ 127.0.0.1");
    assert!(other.tree().0.is_empty());
}

/// A certificate authority and a certificate for 127.0.0.1 it signed, made with openssl:
/// (CA file, server certificate, server key) under `dir`.
fn test_certificates(
    dir: &TestSite,
) -> (std::path::PathBuf, std::path::PathBuf, std::path::PathBuf) {
    let run = |args: &[&str]| {
        let ok = std::process::Command::new("openssl")
            .args(args)
            .current_dir(dir.root())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .expect("openssl")
            .success();
        assert!(ok, "openssl {args:?}");
    };
    run(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=prongsai test CA",
    ]);
    run(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "srv.key",
        "-out",
        "srv.csr",
        "-subj",
        "/CN=127.0.0.1",
    ]);
    std::fs::write(dir.path("ext"), "subjectAltName=IP:127.0.0.1\n").unwrap();
    run(&[
        "x509",
        "-req",
        "-in",
        "srv.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "srv.pem",
        "-days",
        "2",
        "-extfile",
        "ext",
    ]);
    (dir.path("ca.pem"), dir.path("srv.pem"), dir.path("srv.key"))
}

#[test]
fn an_ftps_host_is_reached_over_tls_and_an_unknown_certificate_is_refused() {
    if !pyftpdlib_here(true) {
        return;
    }
    let site = TestSite::example();
    site.build().success();
    let host = TestSite::empty();
    std::fs::create_dir_all(host.path("www")).unwrap();
    let certs = TestSite::empty();
    let (ca, cert, key) = test_certificates(&certs);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let script = format!(
        "from pyftpdlib.authorizers import DummyAuthorizer\nfrom pyftpdlib.handlers import TLS_FTPHandler\nfrom pyftpdlib.servers import FTPServer\na = DummyAuthorizer()\na.add_user('web', 'pw', {dir:?}, perm='elradfmwMT')\nh = TLS_FTPHandler\nh.certfile = {cert:?}\nh.keyfile = {key:?}\nh.authorizer = a\nh.tls_control_required = True\nh.tls_data_required = True\nFTPServer(('127.0.0.1', {port}), h).serve_forever()\n",
        dir = host.root().display().to_string(),
        cert = cert.display().to_string(),
        key = key.display().to_string(),
    );
    let child = std::process::Command::new("python3")
        .args(["-c", &script])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("python3 with pyftpdlib and pyOpenSSL");
    let _server = FtpServer { child, port };
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let to = format!("ftps://web@127.0.0.1:{port}/www");
    // Its certificate is signed by nobody the public trusts: refused before the password goes.
    site.run_env(
        &[("PRONGSAI_DEPLOY_PASSWORD", "pw")],
        &["deploy", "--to", &to],
    )
    .code(2)
    .stderr_has("เริ่มการเชื่อมต่อแบบเข้ารหัส (TLS) กับ 127.0.0.1 ไม่ได้");
    assert!(host.tree().0.is_empty());
    let ca = ca.display().to_string();
    site.run_env(
        &[
            ("PRONGSAI_DEPLOY_PASSWORD", "pw"),
            ("PRONGSAI_DEPLOY_CA_FILE", &ca),
        ],
        &["deploy", "--to", &to],
    )
    .success();
    assert_eq!(
        site_files(&Tree::of(&host.path("www"))),
        site_files(&site.public())
    );
    site.run_env(
        &[
            ("PRONGSAI_DEPLOY_PASSWORD", "pw"),
            ("PRONGSAI_DEPLOY_CA_FILE", &ca),
        ],
        &["deploy", "--to", &to],
    )
    .success()
    .stderr_has("ส่ง 0 ไฟล์");
}

/// A site of 400 announcements, deployed to `to` (the host's folder `hosted`), then every page
/// changed and deployed again while a thread looks for every page, over and over: none may
/// ever be missing, and the host ends equal to the build.
fn never_missing(env: &[(&str, &str)], to: &str, hosted: &std::path::Path) {
    let mut site = TestSite::minimal();
    for i in 0..400 {
        site = site.file(
            &format!("content/announcements/a{i:03}.md"),
            &format!("---\ntitle: ประกาศฉบับที่ {i}\ndate: 2566-01-15\n---\nเนื้อหา {i}\n"),
        );
    }
    site.build().success();
    site.run_env(env, &["deploy", "--to", to]).success();
    for i in 0..400 {
        site = site.replace(
            &format!("content/announcements/a{i:03}.md"),
            "เนื้อหา",
            "ข้อความใหม่",
        );
    }
    site.build().success();
    let pages: Vec<std::path::PathBuf> = site_files(&site.public())
        .keys()
        .filter(|k| k.ends_with(".html"))
        .map(|k| hosted.join(k))
        .collect();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watcher = {
        let stop = std::sync::Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut missing = Vec::new();
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                for p in &pages {
                    if !p.exists() {
                        missing.push(p.clone());
                    }
                }
            }
            missing
        })
    };
    site.run_env(env, &["deploy", "--to", to]).success();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let missing = watcher.join().unwrap();
    assert!(missing.is_empty(), "missing during the deploy: {missing:?}");
    assert_eq!(site_files(&Tree::of(hosted)), site_files(&site.public()));
}

#[test]
fn over_sftp_a_changed_page_is_replaced_in_one_step_and_never_missing() {
    if !sshd_here() {
        return;
    }
    let ssh = SshServer::start();
    let host = TestSite::empty();
    let to = format!(
        "sftp://{}@127.0.0.1:{}{}",
        ssh.user,
        ssh.port,
        host.root().display()
    );
    let home = ssh.home.root().display().to_string();
    never_missing(
        &[("HOME", home.as_str()), ("SSH_AUTH_SOCK", "")],
        &to,
        host.root(),
    );
}

#[test]
fn over_ftp_a_changed_page_is_replaced_in_one_step_and_never_missing() {
    if !pyftpdlib_here(false) {
        return;
    }
    let host = TestSite::empty();
    let ftp = FtpServer::start(host.root(), "web", "pw");
    let to = format!("ftp://web@127.0.0.1:{}", ftp.port);
    never_missing(&[("PRONGSAI_DEPLOY_PASSWORD", "pw")], &to, host.root());
}

#[test]
fn a_deploy_ended_before_its_removals_or_uploads_are_recorded_is_finished_by_the_next() {
    let site = TestSite::example();
    site.build().success();
    let host = TestSite::empty();
    site.run(&["deploy", "--to", &url(&host)]).success();
    assert!(
        !host.exists(".prongsai-deploy-pending.json"),
        "no journal is left"
    );
    // As a deploy leaves the host when it stops after recording what it sends and removes:
    // a page half-sent (not the manifest's bytes) and a page no longer in the site.
    let page = "news/community-forum-2566/index.html";
    std::fs::write(host.path(page), "ครึ่งหน้า").unwrap();
    std::fs::create_dir_all(host.path("old")).unwrap();
    std::fs::write(host.path("old/index.html"), "หน้าเก่า").unwrap();
    std::fs::write(
        host.path(".prongsai-deploy-pending.json"),
        format!(r#"{{"sending":{{"{page}":"x"}},"removing":["old/index.html"]}}"#),
    )
    .unwrap();
    site.run(&["deploy", "--to", &url(&host)]).success();
    assert!(!host.exists("old/index.html"), "the removal was finished");
    assert!(!host.exists(".prongsai-deploy-pending.json"));
    assert_eq!(site_files(&host.tree()), site_files(&site.public()));
}
