//! After rendering: every link that content makes to a page or file of the site must lead
//! somewhere, or the build stops and names the file and line of the link.

use crate::diagnostic::{Diagnostic, Diagnostics, Msg, locate};
use crate::output::Outputs;
use crate::render::markdown;
use crate::render::{Renderer, Urls};
use crate::site::Site;

pub fn check(site: &Site, r: &Renderer, out: &Outputs, diags: &mut Diagnostics) {
    let urls = &r.urls;
    for doc in site.documents() {
        // The links as the page's rendering found them; the document's text only to parse
        // what no rendering saw, or to point at a broken link (it may have been let go).
        let links = document_links(r, doc.fingerprint, || doc.body());
        for link in links.iter() {
            report(
                urls,
                out,
                diags,
                &doc.path,
                || doc.source().text.clone(),
                doc.body_line,
                link,
            );
        }
    }
    for m in &site.measures {
        let texts = m
            .data
            .measures
            .iter()
            .filter_map(|x| x.result.as_ref())
            .flat_map(|r| {
                let mut links: Vec<String> = r
                    .evidence
                    .iter()
                    .filter_map(|e| urls.resolve_content_link(&e.href))
                    .collect();
                if let Some(s) = &r.summary {
                    links.extend(markdown::to_html(s, urls).1);
                }
                links
            })
            .chain(
                m.data
                    .intro
                    .iter()
                    .flat_map(|i| markdown::to_html(i, urls).1),
            );
        for link in texts {
            report(
                urls,
                out,
                diags,
                &m.source.path,
                || m.source.text.clone(),
                1,
                &link,
            );
        }
    }
}

/// The site links of a document's body, from the cache when the body was seen before.
fn document_links<B: std::ops::Deref<Target = str>>(
    r: &Renderer,
    doc_fingerprint: u64,
    body: impl FnOnce() -> B,
) -> std::sync::Arc<[String]> {
    let key = r.links_key(doc_fingerprint);
    if let Some(links) = r.cache.as_ref().and_then(|c| c.links(key)) {
        return links;
    }
    let links: std::sync::Arc<[String]> = markdown::to_html(&body(), &r.urls).1.into();
    if let Some(c) = &r.cache {
        c.put_links(key, std::sync::Arc::clone(&links));
    }
    links
}

fn report(
    urls: &Urls,
    out: &Outputs,
    diags: &mut Diagnostics,
    file: &std::path::Path,
    text: impl FnOnce() -> String,
    from_line: usize,
    link: &str,
) {
    let path = link.split(['#', '?']).next().unwrap_or_default();
    let Some(rel) = path.strip_prefix(&urls.base_path) else {
        return;
    };
    let rel = crate::site::routes::decode_path(rel).unwrap_or_else(|| rel.to_owned());
    if out.resolves(&rel) {
        return;
    }
    // Point at the link as written: the path without the base, or its last part.
    let written = rel.trim_end_matches('/');
    let needle = written.rsplit('/').next().unwrap_or(written);
    let text = &text();
    let (line, column) = locate(text, written, from_line)
        .or_else(|| locate(text, needle, from_line))
        .unwrap_or((0, 0));
    diags.push(
        Diagnostic::error(crate::diagnostic::codes::LINK_BROKEN,
            file,
            Msg::new(
                format!("ลิงก์ไปยัง /{rel} ซึ่งไม่มีในเว็บไซต์"),
                format!("links to /{rel}, which is not on the site"),
            ),
        )
        .at(text, line, column)
        .help(Msg::new(
            "ตรวจชื่อไฟล์หรือที่อยู่ของหน้าให้ถูกต้อง ไฟล์แนบต้องอยู่ใน content/files/ และลิงก์ไปยังหน้าอื่นเขียนเช่น /announcements/ชื่อไฟล์/",
            "check the file name or page address; attachments live in content/files/, and pages are linked as /announcements/NAME/",
        )),
    );
}
