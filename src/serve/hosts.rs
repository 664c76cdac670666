//! Which `Host` a request may name. A web page elsewhere can make a browser send requests to
//! `127.0.0.1` under a name of its own that it points there (DNS rebinding) and so read the
//! preview; such requests name a host the server does not answer for. Served: the address it
//! is bound to (any address when bound to all of them: an address is no name anyone can
//! rebind), `localhost`, and the names given with `--allow-host`.

use std::net::IpAddr;

#[derive(Clone, Debug)]
pub struct HostPolicy {
    bound: IpAddr,
    names: Vec<String>,
}

impl HostPolicy {
    pub fn new(bound: IpAddr, names: &[String]) -> Self {
        Self {
            bound,
            names: names
                .iter()
                .map(|n| n.trim().to_ascii_lowercase())
                .collect(),
        }
    }

    /// Whether a request naming `host` (the `Host` header, with or without a port) is
    /// answered; a request naming none (HTTP/1.0) is.
    pub fn allows(&self, host: Option<&str>) -> bool {
        let Some(host) = host else {
            return true;
        };
        let name = strip_port(host.trim()).to_ascii_lowercase();
        if name == "localhost" || self.names.contains(&name) {
            return true;
        }
        let literal = name.trim_start_matches('[').trim_end_matches(']');
        match literal.parse::<IpAddr>() {
            Ok(ip) => {
                self.bound.is_unspecified()
                    || ip == self.bound
                    || (ip.is_loopback() && self.bound.is_loopback())
            }
            Err(_) => false,
        }
    }
}

fn strip_port(host: &str) -> &str {
    if host.starts_with('[') {
        return host
            .split_once(']')
            .map_or(host, |(h, _)| &host[..=h.len()]);
    }
    match host.rsplit_once(':') {
        Some((h, port)) if !h.contains(':') && port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    }
}

#[cfg(test)]
mod tests {
    use super::HostPolicy;

    #[test]
    fn rebinding_names_are_refused() {
        let loopback = HostPolicy::new("127.0.0.1".parse().unwrap(), &["intranet.local".into()]);
        for ok in [
            None,
            Some("127.0.0.1:8000"),
            Some("localhost:8000"),
            Some("LOCALHOST"),
            Some("[::1]:8000"),
            Some("intranet.local:8000"),
        ] {
            assert!(loopback.allows(ok), "{ok:?}");
        }
        for bad in [
            Some("evil.example"),
            Some("evil.example:8000"),
            Some("127.0.0.1.evil.example"),
            Some("192.168.1.5:8000"),
            Some(""),
        ] {
            assert!(!loopback.allows(bad), "{bad:?}");
        }
        let all = HostPolicy::new("0.0.0.0".parse().unwrap(), &[]);
        assert!(all.allows(Some("192.168.1.5:8000")));
        assert!(!all.allows(Some("evil.example")));
    }
}
