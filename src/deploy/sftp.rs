//! `sftp://`: hosts reached over SSH. The host's key must be in `~/.ssh/known_hosts` (as
//! `ssh` itself would have it); keys come from the SSH agent, `PRONGSAI_DEPLOY_KEY` or the
//! usual key files, a password from `PRONGSAI_DEPLOY_PASSWORD`.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;

use ssh2::{CheckResult, KnownHostFileKind, RenameFlags, Session, Sftp};

use super::target::Target;
use super::{Host, Stat, Stop};
use crate::diagnostic::Msg;

pub struct SftpHost {
    /// Declared first: its channel closes before the session does.
    posix: Option<super::posix_rename::PosixRename>,
    sftp: Sftp,
    _session: Session,
    /// The site's folder on the host.
    root: PathBuf,
    made: std::collections::BTreeSet<String>,
}

fn fail(th: String, en: String) -> Stop {
    Stop::Host(Msg::new(th, en))
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from)
}

impl SftpHost {
    pub fn connect(target: &Target, password: Option<String>) -> Result<Self, Stop> {
        let Target::Sftp {
            user,
            host,
            port,
            path,
        } = target
        else {
            unreachable!("an SFTP target");
        };
        let tcp = TcpStream::connect((host.as_str(), *port)).map_err(|e| {
            fail(
                format!("เชื่อมต่อ {host}:{port} ไม่ได้: {e}"),
                format!("cannot connect to {host}:{port}: {e}"),
            )
        })?;
        let mut session = Session::new().map_err(|e| fail(e.to_string(), e.to_string()))?;
        session.set_tcp_stream(tcp);
        session.handshake().map_err(|e| {
            fail(
                format!("เริ่มการเชื่อมต่อ SSH กับ {host} ไม่ได้: {e}"),
                format!("SSH handshake with {host} failed: {e}"),
            )
        })?;
        verify_host_key(&session, host, *port)?;
        let _ = session.userauth_agent(user);
        let keys: Vec<PathBuf> =
            std::env::var_os("PRONGSAI_DEPLOY_KEY")
                .map(PathBuf::from)
                .into_iter()
                .chain(home().into_iter().flat_map(|h| {
                    ["id_ed25519", "id_ecdsa", "id_rsa"].map(|k| h.join(".ssh").join(k))
                }))
                .collect();
        for key in keys.iter().filter(|k| k.is_file()) {
            if session.authenticated() {
                break;
            }
            let _ = session.userauth_pubkey_file(user, None, key, None);
        }
        if !session.authenticated()
            && let Some(p) = &password
        {
            let _ = session.userauth_password(user, p);
        }
        if !session.authenticated() {
            return Err(fail(
                format!(
                    "เข้าสู่ระบบ {host} ด้วยชื่อ {user} ไม่สำเร็จ (ตรวจกุญแจ SSH หรือตั้งรหัสผ่านใน PRONGSAI_DEPLOY_PASSWORD)"
                ),
                format!(
                    "login to {host} as {user} failed (check the SSH key, or set PRONGSAI_DEPLOY_PASSWORD)"
                ),
            ));
        }
        let sftp = session.sftp().map_err(|e| {
            fail(
                format!("เปิด SFTP บน {host} ไม่ได้: {e}"),
                format!("cannot start SFTP on {host}: {e}"),
            )
        })?;
        let root = PathBuf::from(format!("/{path}"));
        let posix = super::posix_rename::PosixRename::open(&session);
        Ok(Self {
            posix,
            sftp,
            _session: session,
            root,
            made: Default::default(),
        })
    }

    fn full(&self, rel: &str) -> io::Result<PathBuf> {
        Ok(self.root.join(super::plain(rel)?))
    }

    fn mkdirs(&mut self, rel_dir: &str) {
        for dir in super::new_folders(&mut self.made, rel_dir) {
            if let Ok(full) = self.full(&dir) {
                let _ = self.sftp.mkdir(&full, 0o755);
            }
        }
    }
}

/// The host's key must be the one `~/.ssh/known_hosts` names for it: an unknown or changed
/// key stops the deploy before any password or file is sent.
fn verify_host_key(session: &Session, host: &str, port: u16) -> Result<(), Stop> {
    let (key, _) = session.host_key().ok_or_else(|| {
        fail(
            "เครื่องแม่ข่ายไม่ส่งกุญแจ SSH".into(),
            "the host sent no SSH key".into(),
        )
    })?;
    let mut known = session
        .known_hosts()
        .map_err(|e| fail(e.to_string(), e.to_string()))?;
    if let Some(file) = home()
        .map(|h| h.join(".ssh/known_hosts"))
        .filter(|f| f.is_file())
    {
        let _ = known.read_file(&file, KnownHostFileKind::OpenSSH);
    }
    let hint = format!("ssh -p {port} {host}");
    match known.check_port(host, port, key) {
        CheckResult::Match => Ok(()),
        CheckResult::Mismatch => Err(fail(
            format!(
                "กุญแจ SSH ของ {host} ไม่ตรงกับที่เคยบันทึกไว้ใน ~/.ssh/known_hosts อาจมีผู้แอบอ้างเป็นเครื่องแม่ข่าย จึงไม่ได้ส่งสิ่งใด (สอบถามผู้ดูแลโฮสต์ก่อน)"
            ),
            format!(
                "the SSH key of {host} differs from the one in ~/.ssh/known_hosts; something may be impersonating the host, so nothing was sent (ask the host's administrator)"
            ),
        )),
        _ => Err(fail(
            format!(
                "ยังไม่รู้จักกุญแจ SSH ของ {host}: เชื่อมต่อด้วยคำสั่ง {hint} หนึ่งครั้งเพื่อตรวจและบันทึกกุญแจ แล้วจึง deploy"
            ),
            format!(
                "the SSH key of {host} is not known: connect once with {hint} to check and record it, then deploy"
            ),
        )),
    }
}

fn io_err(e: ssh2::Error) -> io::Error {
    io::Error::other(e.to_string())
}

/// SFTP's "no such file".
fn missing(e: &ssh2::Error) -> bool {
    matches!(e.code(), ssh2::ErrorCode::SFTP(2))
}

impl Host for SftpHost {
    fn get(&mut self, rel: &str) -> io::Result<Option<Vec<u8>>> {
        match self.sftp.open(&self.full(rel)?) {
            Ok(mut f) => {
                let mut buf = Vec::new();
                f.read_to_end(&mut buf)?;
                Ok(Some(buf))
            }
            Err(e) if missing(&e) => Ok(None),
            Err(e) => Err(io_err(e)),
        }
    }

    fn stat(&mut self, rel: &str) -> io::Result<Option<Stat>> {
        match self.sftp.lstat(&self.full(rel)?) {
            Ok(s) => Ok(Some(Stat {
                size: s.size.unwrap_or(0),
                mtime: s.mtime.and_then(|m| i64::try_from(m).ok()),
            })),
            Err(e) if missing(&e) => Ok(None),
            Err(e) => Err(io_err(e)),
        }
    }

    fn put(&mut self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        if let Some((dir, _)) = rel.rsplit_once('/') {
            self.mkdirs(dir);
        }
        let target = self.full(rel)?;
        let tmp = self.full(&super::upload_name(rel))?;
        {
            let mut f = self.sftp.create(&tmp).map_err(io_err)?;
            f.write_all(bytes)?;
        }
        if let (Some(p), Some(from), Some(to)) = (&self.posix, tmp.to_str(), target.to_str())
            && p.rename(from, to)
        {
            return Ok(());
        }
        let flags = Some(RenameFlags::OVERWRITE | RenameFlags::ATOMIC | RenameFlags::NATIVE);
        if self.sftp.rename(&tmp, &target, flags).is_err() {
            // SFTP version 3 servers do not replace on rename: the old file goes first.
            let _ = self.sftp.unlink(&target);
            self.sftp.rename(&tmp, &target, flags).map_err(io_err)?;
        }
        Ok(())
    }

    fn delete(&mut self, rel: &str) -> io::Result<()> {
        match self.sftp.unlink(&self.full(rel)?) {
            Ok(()) => Ok(()),
            Err(e) if missing(&e) => Err(io::Error::new(io::ErrorKind::NotFound, "no such file")),
            Err(e) => Err(io_err(e)),
        }
    }

    fn remove_empty_dir(&mut self, rel: &str) {
        if let Ok(full) = self.full(rel) {
            let _ = self.sftp.rmdir(&full);
            self.made.remove(rel);
        }
    }

    fn list(&mut self) -> io::Result<Option<std::collections::BTreeMap<String, Stat>>> {
        let mut out = std::collections::BTreeMap::new();
        let mut dirs = vec![(self.root.clone(), String::new())];
        while let Some((dir, prefix)) = dirs.pop() {
            let entries = match self.sftp.readdir(&dir) {
                Ok(e) => e,
                Err(e) if missing(&e) && prefix.is_empty() => return Ok(Some(out)),
                Err(e) => return Err(io_err(e)),
            };
            for (path, st) in entries {
                let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
                    continue;
                };
                let rel = format!("{prefix}{name}");
                if st.is_dir() {
                    dirs.push((path, format!("{rel}/")));
                } else if st.is_file() {
                    out.insert(
                        rel,
                        Stat {
                            size: st.size.unwrap_or(0),
                            mtime: st.mtime.and_then(|m| i64::try_from(m).ok()),
                        },
                    );
                }
            }
        }
        Ok(Some(out))
    }
}
