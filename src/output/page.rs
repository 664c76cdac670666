//! What every page shares: its `page` metadata, the fiscal-year switcher, and attachments as
//! their lists show them. Each page family (`pages`, `procurement`, `catalog`, `disclosure`,
//! `search`) builds on these.

use serde::Serialize;

use crate::render::Urls;
use crate::site::Site;

/// A link of the fiscal-year switcher: the same page in another year the site has.
#[derive(Serialize)]
pub struct YearLink {
    pub year: i32,
    pub url: String,
    /// The page itself.
    pub current: bool,
}

/// The switcher's links, newest year first.
pub fn year_links(
    years: impl Iterator<Item = i32>,
    current: i32,
    url: impl Fn(i32) -> String,
) -> Vec<YearLink> {
    let mut years: Vec<i32> = years.collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
        .into_iter()
        .map(|year| YearLink {
            year,
            url: url(year),
            current: year == current,
        })
        .collect()
}

/// What every page template gets as `page`.
#[derive(Serialize)]
pub struct PageMeta {
    pub title: String,
    /// The page's link (under the base path).
    pub url: String,
    /// The page's absolute URL (canonical).
    pub abs_url: String,
    /// Site path, e.g. `measures/2566/`, for marking the current menu entry.
    pub path: String,
}

impl PageMeta {
    pub fn new(title: &str, rel: &str, urls: &Urls) -> Self {
        Self {
            title: title.to_owned(),
            url: urls.path(rel),
            abs_url: urls.abs(rel),
            path: rel.to_owned(),
        }
    }
}

#[derive(Serialize)]
pub struct AttachmentView {
    pub title: String,
    pub url: String,
    pub file_name: String,
    pub kind: String,
    pub size: u64,
    pub sha256: String,
}

/// The attachments a record lists, with size and hash (missing ones are reported by `check`).
pub fn attachment_views(
    site: &Site,
    refs: &[crate::site::document::AttachmentRef],
    urls: &Urls,
) -> Vec<AttachmentView> {
    refs.iter()
        .filter_map(|a| {
            let key = crate::site::attachment::normalize_ref(&a.file).ok()?;
            let file = site.attachments.get(&key)?;
            Some(AttachmentView {
                title: a
                    .title
                    .clone()
                    .unwrap_or_else(|| file.file_name().to_owned()),
                url: urls.path(&file.key),
                file_name: file.file_name().to_owned(),
                kind: file
                    .file_name()
                    .rsplit_once('.')
                    .map(|(_, e)| e.to_uppercase())
                    .unwrap_or_default(),
                size: file.size,
                sha256: file.sha256.clone(),
            })
        })
        .collect()
}
