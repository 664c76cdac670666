//! Where a deploy goes: `file:///path`, `ftp://user@host[:port]/path`, `ftps://…` (explicit
//! TLS) or `sftp://user@host[:port]/path`. A password never comes from the address.

use std::path::PathBuf;

use crate::diagnostic::Msg;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A folder the web server reads, or a mounted share.
    File(PathBuf),
    Ftp {
        tls: bool,
        user: String,
        host: String,
        port: u16,
        /// The site's folder on the host, without the leading `/` ("" for the login folder).
        path: String,
    },
    Sftp {
        user: String,
        host: String,
        port: u16,
        path: String,
    },
}

impl Target {
    /// The address as shown: no password, ever.
    pub fn shown(&self) -> String {
        match self {
            Target::File(p) => format!("file://{}", p.display()),
            Target::Ftp {
                tls,
                user,
                host,
                port,
                path,
            } => format!(
                "{}://{user}@{host}:{port}/{path}",
                if *tls { "ftps" } else { "ftp" }
            ),
            Target::Sftp {
                user,
                host,
                port,
                path,
            } => format!("sftp://{user}@{host}:{port}/{path}"),
        }
    }
}

/// `url` with any password replaced by `***`.
fn mask(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) if userinfo.contains(':') => {
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}{tail}")
        }
        _ => url.to_owned(),
    }
}

fn bad(url: &str, th: &str, en: &str) -> Msg {
    Msg::new(
        format!(
            "ที่อยู่สำหรับส่งเว็บไซต์ \"{url}\" ใช้ไม่ได้: {th} (เช่น ftps://ชื่อผู้ใช้@ftp.example.go.th/public_html หรือ file:///var/www/html)"
        ),
        format!(
            "the deploy address \"{url}\" is not usable: {en} (e.g. ftps://user@ftp.example.go.th/public_html or file:///var/www/html)"
        ),
    )
}

/// Reads a deploy address. A password written into it is refused: it would end up in
/// `site.yaml`, in the shell's history and on screen.
pub fn parse_target(url: &str) -> Result<Target, Msg> {
    let url = url.trim();
    let shown = mask(url);
    let bad = |th: &str, en: &str| bad(&shown, th, en);
    let (scheme, rest) = url
        .split_once("://")
        .ok_or_else(|| bad("ไม่มีชนิดการเชื่อมต่อ", "no scheme"))?;
    if scheme == "file" {
        if !rest.starts_with('/') {
            return Err(bad(
                "file:// ต้องตามด้วยที่อยู่เต็มของโฟลเดอร์",
                "file:// needs an absolute path",
            ));
        }
        return Ok(Target::File(PathBuf::from(rest)));
    }
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let (userinfo, hostport) = authority
        .rsplit_once('@')
        .ok_or_else(|| bad("ไม่มีชื่อผู้ใช้ (ชื่อผู้ใช้@เครื่องแม่ข่าย)", "no user name (user@host)"))?;
    if userinfo.contains(':') {
        return Err(bad(
            "อย่าใส่รหัสผ่านในที่อยู่ ให้ใส่ในตัวแปร PRONGSAI_DEPLOY_PASSWORD หรือพิมพ์เมื่อถูกถาม",
            "do not put the password in the address; set PRONGSAI_DEPLOY_PASSWORD or type it when asked",
        ));
    }
    let default_port = match scheme {
        "ftp" | "ftps" => 21,
        "sftp" => 22,
        _ => {
            return Err(bad(
                "ใช้ได้เฉพาะ sftp:// ftps:// ftp:// และ file://",
                "use sftp://, ftps://, ftp:// or file://",
            ));
        }
    };
    let (host, port) = match hostport.rsplit_once(':') {
        Some((h, p)) => (
            h,
            p.parse()
                .map_err(|_| bad("หมายเลขพอร์ตไม่ถูกต้อง", "the port is not a number"))?,
        ),
        None => (hostport, default_port),
    };
    if host.is_empty() || userinfo.is_empty() {
        return Err(bad("ไม่มีชื่อเครื่องแม่ข่ายหรือชื่อผู้ใช้", "no host or user name"));
    }
    let (user, host, path) = (
        userinfo.to_owned(),
        host.to_owned(),
        path.trim_end_matches('/').to_owned(),
    );
    Ok(match scheme {
        "sftp" => Target::Sftp {
            user,
            host,
            port,
            path,
        },
        _ => Target::Ftp {
            tls: scheme == "ftps",
            user,
            host,
            port,
            path,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_as_staff_write_them() {
        assert_eq!(
            parse_target("ftps://webadmin@ftp.example.go.th/public_html/"),
            Ok(Target::Ftp {
                tls: true,
                user: "webadmin".into(),
                host: "ftp.example.go.th".into(),
                port: 21,
                path: "public_html".into()
            })
        );
        assert_eq!(
            parse_target("sftp://u@127.0.0.1:2222/srv/site"),
            Ok(Target::Sftp {
                user: "u".into(),
                host: "127.0.0.1".into(),
                port: 2222,
                path: "srv/site".into()
            })
        );
        assert_eq!(
            parse_target("file:///var/www/html"),
            Ok(Target::File("/var/www/html".into()))
        );
        let refused = parse_target("ftp://u:secret@host/x").unwrap_err();
        assert!(refused.th.contains("อย่าใส่รหัสผ่านในที่อยู่"), "{}", refused.th);
        assert!(!refused.th.contains("secret") && !refused.en.contains("secret"));
        assert!(refused.th.contains("ftp://u:***@host/x"), "{}", refused.th);
        assert!(parse_target("http://host/").is_err());
        assert!(parse_target("file://relative").is_err());
    }
}
