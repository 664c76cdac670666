//! The one URL policy ([`crate::site::routes::is_safe_link`]) held against every link that
//! comes from content: Markdown links and images in documents, plans, reference prices and
//! measures, and the evidence of measures. A link that could run a script is an error at its
//! line, whatever `raw_html` says of HTML (under `raw_html: trust` a Markdown link is the
//! site's own business, as its HTML is).

use pulldown_cmark::{Event, Parser, Tag};
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics, Msg};
use crate::site::config::RawHtml;
use crate::site::routes::is_safe_link;
use crate::site::{Site, Source};

/// Every link of the site's content; the Markdown of documents `known` holds as clean is not
/// read again.
pub fn check(site: &Site, known: &(dyn Fn(&Source) -> bool + Sync), diags: &mut Diagnostics) {
    let markdown_checked = site.config.raw_html != RawHtml::Trust;
    if markdown_checked {
        // Every document's text is parsed: the many documents of a large site on every core.
        let docs: Vec<_> = site.documents().filter(|d| !known(&d.source())).collect();
        let found: Vec<Diagnostics> = docs
            .par_iter()
            .map(|doc| {
                let mut d = Diagnostics::default();
                markdown(&doc.source(), &doc.body(), doc.body_line, &mut d);
                d
            })
            .collect();
        for d in found {
            diags.extend(d);
        }
        for plan in site.plans.values() {
            if let Some((body, line)) = &plan.body {
                markdown(&plan.source, body, *line, diags);
            }
        }
        for rp in &site.reference_prices {
            if let Some((body, line)) = &rp.body {
                markdown(&rp.source, body, *line, diags);
            }
        }
    }
    for m in &site.measures {
        let src = &m.source;
        if markdown_checked && let Some(intro) = &m.data.intro {
            markdown(src, intro, 0, diags);
        }
        for (i, x) in m.data.measures.iter().enumerate() {
            let Some(r) = &x.result else { continue };
            if markdown_checked && let Some(summary) = &r.summary {
                markdown(src, summary, 0, diags);
            }
            for (j, e) in r.evidence.iter().enumerate() {
                if !is_safe_link(&e.href) {
                    // Where the value is as typed, or else the evidence's own href: line.
                    let from = src.locate(&x.title, 1).map_or(1, |(l, _)| l);
                    let (l, c) = src
                        .locate(&e.href, from)
                        .or_else(|| {
                            src.locate(&e.title, from)
                                .and_then(|(l, _)| src.locate("href:", l))
                        })
                        .unwrap_or((0, 0));
                    diags.push(
                        refused(src, l, c, &e.href)
                            .field(format!("measures[{i}].result.evidence[{j}].href")),
                    );
                }
            }
        }
    }
}

/// Unsafe links of a Markdown text that starts at `first_line` of `src` (0: a YAML value,
/// found by its text).
fn markdown(src: &Source, text: &str, first_line: usize, diags: &mut Diagnostics) {
    if !text.contains("](") && !text.contains("]:") && !text.contains('<') {
        return;
    }
    for (event, range) in Parser::new(text).into_offset_iter() {
        let dest = match &event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => dest_url,
            _ => continue,
        };
        if is_safe_link(dest) {
            continue;
        }
        let (l, c) = if first_line > 0 {
            let (l, c) = crate::diagnostic::line_col(text, range.start);
            (first_line + l - 1, c)
        } else {
            src.locate(&text[range.clone()], 1).unwrap_or((0, 0))
        };
        diags.push(refused(src, l, c, dest));
    }
}

fn refused(src: &Source, line: usize, column: usize, dest: &str) -> Diagnostic {
    let shown: String = dest.chars().take(60).collect();
    Diagnostic::error(crate::diagnostic::codes::LINK_UNSAFE,
        &src.path,
        Msg::new(
            format!("ลิงก์ \"{shown}\" ใช้ไม่ได้: ลิงก์ต้องเปิดหน้าเว็บหรือไฟล์ (http, https, mailto, tel หรือที่อยู่ในเว็บไซต์) ไม่ใช่สั่งให้เบราว์เซอร์ทำงาน"),
            format!("the link \"{shown}\" is not allowed: a link must open a page or file (http, https, mailto, tel or a path of the site), not make the browser run something"),
        ),
    )
    .at(&src.text, line, column)
    .help(Msg::new(
        "ใช้ที่อยู่ที่ขึ้นต้นด้วย https:// หรือไฟล์แนบใน files/ หรือหน้าในเว็บไซต์ เช่น /announcements/ชื่อไฟล์/",
        "use an address starting with https://, an attachment under files/, or a page of the site such as /announcements/NAME/",
    ))
}
