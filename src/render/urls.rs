//! URLs of the site. Every internal link is written from the base path (`/` or `/sub/`), so the
//! site works wherever `base_url` puts it, and pages at any depth (the 404 page included) link
//! correctly.

use crate::site::routes;

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
        format!("{}{}", self.base_path, routes::encode_path(rel))
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
        format!("{}{}", self.base_url, routes::encode_path(rel))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_thai_and_spaces() {
        assert_eq!(routes::encode_path("a b/ก"), "a%20b/%E0%B8%81");
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
