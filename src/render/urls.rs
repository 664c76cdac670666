//! URLs of the site. Every internal link is written from the base path (`/` or `/sub/`), so the
//! site works wherever `base_url` puts it, and pages at any depth (the 404 page included) link
//! correctly.


#[derive(Clone, Debug)]
pub struct Urls {
    /// `https://www.example.go.th/sub/`
    pub base_url: String,
    /// `/sub/`
    pub base_path: String,
    /// What HTML typed into Markdown may do (site setting `raw_html`); Markdown rendering
    /// reads it here with the links it rewrites.
    pub raw_html: crate::site::config::RawHtml,
}

impl Urls {
    pub fn new(base_url: &str, base_path: &str) -> Self {
        Self {
            base_url: base_url.to_owned(),
            base_path: base_path.to_owned(),
            raw_html: crate::site::config::RawHtml::default(),
        }
    }

    #[must_use]
    pub fn with_raw_html(mut self, policy: crate::site::config::RawHtml) -> Self {
        self.raw_html = policy;
        self
    }

    /// The link to an output path relative to the site root (`measures/2566/`).
    pub fn path(&self, rel: &str) -> String {
        format!("{}{}", self.base_path, encode_path(rel))
    }

    /// The link to a route with its fragment (`procurement/plans/2566/#item-66-001`): the path
    /// percent-encoded, the fragment kept.
    pub fn route(&self, route: &str) -> String {
        match route.split_once('#') {
            Some((path, fragment)) => format!("{}#{fragment}", self.path(path)),
            None => self.path(route),
        }
    }

    /// The absolute URL of an output path (for the sitemap, feed and open data).
    pub fn abs(&self, rel: &str) -> String {
        format!("{}{}", self.base_url, encode_path(rel))
    }

    /// Where a link written in content points, as a site URL; `None` for links that leave the
    /// site or stay on the page (`https://...`, `mailto:`, `#top`).
    pub fn resolve_content_link(&self, dest: &str) -> Option<String> {
        let dest = dest.trim();
        if dest.is_empty() || dest.starts_with('#') || dest.starts_with("//") || has_scheme(dest) {
            return None;
        }
        let split = dest.find(['#', '?']).unwrap_or(dest.len());
        let (path, suffix) = dest.split_at(split);
        let rel = if let Some(abs) = path.strip_prefix('/') {
            abs.to_owned()
        } else {
            crate::site::routes::content_file(path.trim_start_matches("./"))
        };
        Some(format!("{}{}", self.path(&rel), suffix))
    }
}

fn has_scheme(s: &str) -> bool {
    match s.find(':') {
        Some(i) => {
            let scheme = &s[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !s[..i].contains('/')
        }
        None => false,
    }
}

/// Percent-encodes what a URL path cannot hold as it is (Thai letters, spaces), keeping `/`.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~' | b'%') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Percent-decodes a URL path once; `None` for a malformed escape or bytes that are not UTF-8.
pub fn decode_path(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = |b: u8| (b as char).to_digit(16);
            let (h, l) = (hex(*bytes.get(i + 1)?)?, hex(*bytes.get(i + 2)?)?);
            #[allow(clippy::cast_possible_truncation)]
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The one policy for every link that comes from content (Markdown, measures evidence): a
/// link may only navigate (http, https, mailto, tel, a path of the site) or stay on the page;
/// `javascript:`, `data:`, `vbscript:`, `file:` and any other scheme are refused. Browsers ignore tabs, newlines and control characters inside a scheme,
/// so they are ignored here too.
pub fn is_safe_link(dest: &str) -> bool {
    let cleaned: String = dest
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    if cleaned.starts_with('#') || cleaned.starts_with("//") {
        return true;
    }
    match cleaned.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_thai_and_spaces() {
        assert_eq!(encode_path("a b/ก"), "a%20b/%E0%B8%81");
    }

    #[test]
    fn content_links() {
        let u = Urls::new("https://x/", "/s/");
        assert_eq!(
            u.resolve_content_link("pages/about.md").as_deref(),
            Some("/s/about/")
        );
        assert_eq!(
            u.resolve_content_link("announcements/2566/x.md#a")
                .as_deref(),
            Some("/s/announcements/x/#a")
        );
        assert_eq!(u.resolve_content_link("mailto:a@b"), None);
        assert_eq!(u.resolve_content_link("tel:021"), None);
        assert_eq!(u.resolve_content_link("/").as_deref(), Some("/s/"));
    }
}
