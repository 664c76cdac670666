//! `ftp://` and `ftps://` (explicit TLS): shared hosting as most municipalities have it.

use std::io;

use suppaftp::FtpStream;
use suppaftp::types::FileType;

use super::target::Target;
use super::{Host, Stat, Stop};
use crate::diagnostic::Msg;

pub struct FtpHost {
    ftp: Stream,
    /// The site's folder from the login folder, no trailing `/` ("" for the login folder).
    root: String,
    made: std::collections::BTreeSet<String>,
}

enum Stream {
    Plain(FtpStream),
    Tls(suppaftp::RustlsFtpStream),
}

macro_rules! with {
    ($s:expr, $f:ident => $body:expr) => {
        match $s {
            Stream::Plain($f) => $body,
            Stream::Tls($f) => $body,
        }
    };
}

fn io_err(e: suppaftp::FtpError) -> io::Error {
    match e {
        suppaftp::FtpError::ConnectionError(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

impl FtpHost {
    pub fn connect(target: &Target, password: Option<String>) -> Result<Self, Stop> {
        let Target::Ftp {
            tls,
            user,
            host,
            port,
            path,
        } = target
        else {
            unreachable!("an FTP target");
        };
        let fail = |th: String, en: String| Stop::Host(Msg::new(th, en));
        let unreachable = |e: suppaftp::FtpError| {
            fail(
                format!("เชื่อมต่อ {host}:{port} ไม่ได้: {e}"),
                format!("cannot connect to {host}:{port}: {e}"),
            )
        };
        let mut stream = if *tls {
            let connector = suppaftp::RustlsConnector::from(std::sync::Arc::new(rustls_config()?));
            let plain =
                suppaftp::RustlsFtpStream::connect((host.as_str(), *port)).map_err(unreachable)?;
            Stream::Tls(plain.into_secure(connector, host).map_err(|e| {
                fail(
                    format!("เริ่มการเชื่อมต่อแบบเข้ารหัส (TLS) กับ {host} ไม่ได้: {e}"),
                    format!("cannot start TLS with {host}: {e}"),
                )
            })?)
        } else {
            Stream::Plain(FtpStream::connect((host.as_str(), *port)).map_err(unreachable)?)
        };
        let password = password.unwrap_or_default();
        with!(&mut stream, s => s.login(user, &password)).map_err(|e| {
            fail(
                format!("เข้าสู่ระบบ {host} ด้วยชื่อ {user} ไม่สำเร็จ: {e} (ตรวจชื่อผู้ใช้และรหัสผ่าน)"),
                format!("login to {host} as {user} failed: {e} (check the user name and password)"),
            )
        })?;
        with!(&mut stream, s => s.transfer_type(FileType::Binary)).map_err(|e| {
            fail(
                format!("ตั้งค่าการส่งไฟล์ไม่ได้: {e}"),
                format!("cannot set binary mode: {e}"),
            )
        })?;
        // From the folder the login lands in, as FTP programs show it.
        let root = path.clone();
        Ok(Self {
            ftp: stream,
            root,
            made: Default::default(),
        })
    }

    fn full(&self, rel: &str) -> io::Result<String> {
        let rel = super::plain(rel)?;
        Ok(if self.root.is_empty() {
            rel.to_owned()
        } else {
            format!("{}/{rel}", self.root)
        })
    }

    fn mkdirs(&mut self, rel_dir: &str) {
        for dir in super::new_folders(&mut self.made, rel_dir) {
            if let Ok(full) = self.full(&dir) {
                // Already there is fine; anything else shows on the upload.
                let _ = with!(&mut self.ftp, s => s.mkdir(&full));
            }
        }
    }
}

/// The certificate authorities an FTPS host is checked against: the public ones, and those
/// in the PEM file `PRONGSAI_DEPLOY_CA_FILE` names (a host with its own certificate).
fn rustls_config() -> Result<rustls::ClientConfig, Stop> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(file) = std::env::var_os(CA_VAR) {
        let shown = std::path::Path::new(&file).display().to_string();
        let bad = |e: &dyn std::fmt::Display| {
            Stop::Host(Msg::new(
                format!("อ่านใบรับรองใน {shown} ({CA_VAR}) ไม่ได้: {e}"),
                format!("cannot read the certificates in {shown} ({CA_VAR}): {e}"),
            ))
        };
        for cert in CertificateDer::pem_file_iter(&file).map_err(|e| bad(&e))? {
            roots.add(cert.map_err(|e| bad(&e))?).map_err(|e| bad(&e))?;
        }
    }
    Ok(rustls::ClientConfig::builder()
        .with_root_certificates(roots)
        .with_no_client_auth())
}

/// A PEM file of certificates to trust besides the public authorities.
pub const CA_VAR: &str = "PRONGSAI_DEPLOY_CA_FILE";

impl Host for FtpHost {
    fn get(&mut self, rel: &str) -> io::Result<Option<Vec<u8>>> {
        let full = self.full(rel)?;
        match with!(&mut self.ftp, s => s.retr_as_buffer(&full)) {
            Ok(buf) => Ok(Some(buf.into_inner())),
            Err(suppaftp::FtpError::UnexpectedResponse(r)) if r.status.code() == 550 => Ok(None),
            Err(e) => Err(io_err(e)),
        }
    }

    fn stat(&mut self, rel: &str) -> io::Result<Option<Stat>> {
        let full = self.full(rel)?;
        let size = match with!(&mut self.ftp, s => s.size(&full)) {
            Ok(n) => n as u64,
            Err(suppaftp::FtpError::UnexpectedResponse(r)) if r.status.code() == 550 => {
                return Ok(None);
            }
            Err(e) => return Err(io_err(e)),
        };
        let mtime = with!(&mut self.ftp, s => s.mdtm(&full))
            .ok()
            .map(|t| t.and_utc().timestamp());
        Ok(Some(Stat { size, mtime }))
    }

    fn put(&mut self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        if let Some((dir, _)) = rel.rsplit_once('/') {
            self.mkdirs(dir);
        }
        let full = self.full(rel)?;
        let tmp = self.full(&super::upload_name(rel))?;
        let mut reader = io::Cursor::new(bytes);
        with!(&mut self.ftp, s => s.put_file(&tmp, &mut reader)).map_err(io_err)?;
        // Most servers replace the target on rename; those that refuse get it removed first.
        if with!(&mut self.ftp, s => s.rename(&tmp, &full)).is_err() {
            let _ = with!(&mut self.ftp, s => s.rm(&full));
            with!(&mut self.ftp, s => s.rename(&tmp, &full)).map_err(io_err)?;
        }
        Ok(())
    }

    fn delete(&mut self, rel: &str) -> io::Result<()> {
        let full = self.full(rel)?;
        match with!(&mut self.ftp, s => s.rm(&full)) {
            Ok(()) => Ok(()),
            Err(suppaftp::FtpError::UnexpectedResponse(r)) if r.status.code() == 550 => {
                Err(io::Error::new(io::ErrorKind::NotFound, "no such file"))
            }
            Err(e) => Err(io_err(e)),
        }
    }

    fn remove_empty_dir(&mut self, rel: &str) {
        if let Ok(full) = self.full(rel) {
            let _ = with!(&mut self.ftp, s => s.rmdir(&full));
            self.made.remove(rel);
        }
    }

    /// MLSD, folder by folder; a server without it is asked file by file.
    fn list(&mut self) -> io::Result<Option<std::collections::BTreeMap<String, Stat>>> {
        let mut out = std::collections::BTreeMap::new();
        let mut dirs = vec![String::new()];
        while let Some(prefix) = dirs.pop() {
            let dir = if prefix.is_empty() {
                if self.root.is_empty() {
                    ".".to_owned()
                } else {
                    self.root.clone()
                }
            } else {
                self.full(prefix.trim_end_matches('/'))?
            };
            let lines = match with!(&mut self.ftp, s => s.mlsd(Some(&dir))) {
                Ok(l) => l,
                Err(suppaftp::FtpError::UnexpectedResponse(r))
                    if r.status.code() == 550 && prefix.is_empty() =>
                {
                    return Ok(Some(out));
                }
                Err(_) if prefix.is_empty() => return Ok(None),
                Err(e) => return Err(io_err(e)),
            };
            for line in lines {
                let Ok(f) = suppaftp::list::ListParser::parse_mlsd(&line) else {
                    continue;
                };
                let name = f.name();
                if name == "." || name == ".." {
                    continue;
                }
                let rel = format!("{prefix}{name}");
                if f.is_directory() {
                    dirs.push(format!("{rel}/"));
                } else if f.is_file() {
                    let mtime = f
                        .modified()
                        .duration_since(std::time::UNIX_EPOCH)
                        .ok()
                        .and_then(|d| i64::try_from(d.as_secs()).ok());
                    out.insert(
                        rel,
                        Stat {
                            size: f.size() as u64,
                            mtime,
                        },
                    );
                }
            }
        }
        Ok(Some(out))
    }
}

impl Drop for FtpHost {
    fn drop(&mut self) {
        let _ = with!(&mut self.ftp, s => s.quit());
    }
}
