//! Checks across records, after every file parsed: attachments that are missing or outside
//! `content/files/`, two documents at one address, values out of range. Pure: `&Site` in,
//! diagnostics out.

mod completeness;
mod forms;
mod links;
pub mod procurement;
mod typed;
mod unfinished;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics, Msg, codes};
use crate::site::attachment::{PathProblem, normalize_ref};
use crate::site::document::{AttachmentRef, EmbedTarget};
use crate::site::routes;
use crate::site::source::nearest;
use crate::site::topics;
use crate::site::{Document, RESERVED_FOLDERS, Site, Source};

pub fn check(site: &Site) -> Diagnostics {
    check_known(site, &Clean::default()).0
}

/// Files in which the checks that read a file's text alone (Thai marks typed twice, blanks
/// left to fill, `#` in values, unsafe Markdown links) found nothing, each by a hash of its
/// path, its text and the site's `raw_html`: a build that meets the same file again need not
/// read it through again.
#[derive(Default)]
pub struct Clean(std::collections::HashSet<u128>);

impl Clean {
    /// Read back from [`Clean::encode`]; `None` when damaged.
    pub fn decode(bytes: &[u8]) -> Option<Self> {
        if !bytes.len().is_multiple_of(16) {
            return None;
        }
        Some(Self(
            bytes
                .chunks(16)
                .filter_map(|c| c.try_into().ok().map(u128::from_le_bytes))
                .collect(),
        ))
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut all: Vec<u128> = self.0.iter().copied().collect();
        all.sort_unstable();
        all.iter().flat_map(|h| h.to_le_bytes()).collect()
    }

    fn holds(&self, key: u128) -> bool {
        self.0.contains(&key)
    }
}

/// The key of `src` in [`Clean`].
fn clean_key(src: &Source, raw_html: crate::site::config::RawHtml) -> u128 {
    let mut k = crate::cache::Key::new();
    k.part(src.path.as_os_str().as_encoded_bytes())
        .part(src.text.as_bytes())
        .part(format!("{raw_html:?}").as_bytes());
    k.finish()
}

/// A theme's own `static/search.js` that is not this version's (an older copy, as
/// `prongsai init` puts the built-in theme in `themes/local/`): the search index is written
/// for the script of the same version, and another may find nothing or the wrong documents.
fn check_search_script(site: &Site, diags: &mut Diagnostics) {
    use crate::site::theme::{StaticFile, Theme};
    let Some(file @ StaticFile::Disk(source)) = site.theme.statics.get("search.js") else {
        return;
    };
    match file.bytes() {
        Ok(bytes) if Theme::builtin_static("search.js") != Some(&bytes[..]) => {}
        _ => return,
    }
    diags.push(
        Diagnostic::warning(
            codes::THEME_SEARCH_SCRIPT,
            crate::diagnostic::relative(&site.root, &source.path),
            Msg::new(
                format!(
                    "ธีมมี static/search.js ของตัวเองซึ่งไม่ใช่ของ prongsai {v} ดัชนีค้นหาที่สร้างต้องใช้ search.js รุ่นเดียวกัน หน้าค้นหาจึงอาจค้นไม่พบหรือพบผิดเรื่อง",
                    v = env!("CARGO_PKG_VERSION")
                ),
                format!(
                    "the theme has its own static/search.js, not prongsai {}'s: the search index is written for the script of the same version, so the search page may find nothing or the wrong documents",
                    env!("CARGO_PKG_VERSION")
                ),
            ),
        )
        .help(Msg::new(
            "ลบไฟล์นี้ออกจากธีม ระบบจะใช้ search.js ของรุ่นที่ติดตั้งอยู่ (ไฟล์อื่นของธีมใช้ต่อได้ตามเดิม)",
            "delete this file from the theme to use the installed version's search.js (the theme's other files stay in use)",
        )),
    );
}

/// [`check`], skipping the text-only checks of the files `known` holds as clean; also the
/// files clean now, for the next build.
pub fn check_known(site: &Site, known: &Clean) -> (Diagnostics, Clean) {
    let mut diags = Diagnostics::default();
    for doc in site.documents() {
        check_document(site, doc, &mut diags);
    }
    check_addresses(site, &mut diags);
    for b in site.budgets.values() {
        diags.extend(crate::site::budget::check(b));
        check_attachments(site, &b.source, &b.data.attachments, &mut diags);
    }
    if let Some(p) = &site.people {
        check_attachments(site, &p.source, &p.photos(), &mut diags);
        check_attachments(site, &p.source, &p.data.attachments, &mut diags);
    }
    check_scriptable_attachments(site, &mut diags);
    check_search_script(site, &mut diags);
    let documents: Vec<std::sync::Arc<Source>> = site.documents().map(|d| d.source()).collect();
    let sources: Vec<&Source> = std::iter::once(&site.config_source)
        .chain(documents.iter().map(|s| &**s))
        .chain(site.measures.iter().map(|m| &m.source))
        .chain(site.plans.values().map(|p| &p.source))
        .chain(site.reference_prices.iter().map(|r| &r.source))
        .chain(site.results.values().map(|r| &r.source))
        .chain(site.datasets.iter().map(|d| &d.source))
        .chain(site.people.iter().map(|p| &p.source))
        .chain(site.budgets.values().map(|b| &b.source))
        .collect();
    let keys: std::collections::HashMap<&std::path::Path, u128> = sources
        .par_iter()
        .map(|s| (s.path.as_path(), clean_key(s, site.config.raw_html)))
        .collect();
    let is_known = |src: &Source| {
        keys.get(src.path.as_path())
            .is_some_and(|k| known.holds(*k))
    };
    // What the text-only checks find, apart: a file with none of it is clean.
    let mut by_text = Diagnostics::default();
    links::check(site, &is_known, &mut by_text);
    procurement::check(site, &mut diags);
    for d in &site.datasets {
        check_topics(&d.source, &d.meta.topics, &mut diags);
        check_section9(&d.source, &d.meta.section9, &mut diags);
    }
    check_example_leftovers(site, &sources, &mut diags);
    let legacy = sources
        .iter()
        .filter_map(|s| s.legacy.map(|e| (s.path.clone(), e)))
        .chain(site.datasets.iter().filter_map(|d| d.csv_legacy.clone()));
    for (path, encoding) in legacy {
        diags.push(legacy_encoding(&path, encoding));
    }
    let found: Vec<Diagnostics> = sources
        .par_iter()
        .filter(|src| !is_known(src))
        .map(|src| {
            let mut d = Diagnostics::default();
            check_marks(src, &mut d);
            unfinished::check_placeholders(src, &mut d);
            typed::check_hash_in_values(src, &mut d);
            d
        })
        .collect();
    for d in found {
        by_text.extend(d);
    }
    let dirty: std::collections::HashSet<&std::path::Path> =
        by_text.0.iter().map(|d| d.file.as_path()).collect();
    let clean = Clean(
        sources
            .iter()
            .filter(|s| !dirty.contains(s.path.as_path()))
            .filter_map(|s| keys.get(s.path.as_path()).copied())
            .collect(),
    );
    diags.extend(by_text.0);
    (diags, clean)
}

/// Byte offsets of Thai marks typed one on another (see [`check_marks`]). Nearly every file
/// has none, so the bytes are read a block at a time with no branch per byte (a form the
/// compiler makes vector code of), and a block is looked at byte by byte only when it holds
/// one: cheap on every file of a large site.
fn doubled_marks(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    // A Thai mark (U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E) is E0 B8 xx or E0 B9 xx; its last
    // two bytes tell which.
    let mark = |x1: u8, x2: u8| {
        (x1 == 0xB8) & ((x2 == 0xB1) | (x2.wrapping_sub(0xB4) <= 6))
            | (x1 == 0xB9) & (x2.wrapping_sub(0x87) <= 7)
    };
    let tone = |x1: u8, x2: u8| (x1 == 0xB9) & (x2.wrapping_sub(0x88) <= 3);
    // Whether the six bytes from one place are two marks, the same twice or two tones.
    let doubled = move |w: [u8; 6]| {
        let [e, x1, x2, f, y1, y2] = w;
        (e == 0xE0)
            & (f == 0xE0)
            & mark(x1, x2)
            & mark(y1, y2)
            & (((x1 == y1) & (x2 == y2)) | (tone(x1, x2) & tone(y1, y2)))
    };
    const BLOCK: usize = 64;
    // The places six bytes start at.
    let places = b.len().saturating_sub(5);
    let at = move |k: usize| doubled([b[k], b[k + 1], b[k + 2], b[k + 3], b[k + 4], b[k + 5]]);
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < places {
            let end = (i + BLOCK).min(places);
            let n = end - i;
            let w = &b[i..end + 5];
            let (w0, w1, w2) = (&w[..n], &w[1..n + 1], &w[2..n + 2]);
            let (w3, w4, w5) = (&w[3..n + 3], &w[4..n + 4], &w[5..n + 5]);
            let mut any = false;
            for k in 0..n {
                any |= doubled([w0[k], w1[k], w2[k], w3[k], w4[k], w5[k]]);
            }
            if any {
                while i < end {
                    i += 1;
                    if at(i - 1) {
                        return Some(i - 1);
                    }
                }
            }
            i = end;
        }
        None
    })
}

/// A Thai tone mark or vowel sign typed twice (`ก่่`, often from a paste): it shows as a
/// smudge and reads as no word, so the search cannot find it. Warned at its place, at most
/// three a file.
fn check_marks(src: &Source, diags: &mut Diagnostics) {
    for start in doubled_marks(&src.text).take(3) {
        let (line, column) = crate::diagnostic::line_col(&src.text, start);
        let word: String = src.text[..start]
            .chars()
            .rev()
            .take_while(|c| ('\u{0E01}'..='\u{0E4E}').contains(c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        diags.push(
            Diagnostic::warning(
                codes::DOUBLED_MARK,
                &src.path,
                Msg::new(
                    format!("พิมพ์วรรณยุกต์หรือสระซ้อนกันสองตัวหลัง \"{word}\""),
                    format!("two Thai marks typed one on the other after \"{word}\""),
                ),
            )
            .at(&src.text, line, column)
            .help(Msg::new(
                "ลบตัวที่เกินออกให้เหลือตัวเดียว (มักเกิดจากการคัดลอกข้อความมาวาง)",
                "delete the extra mark so that one is left (it often comes from pasting)",
            )),
        );
    }
}

fn check_document(site: &Site, doc: &Document, diags: &mut Diagnostics) {
    unfinished::check_empty_official_fields(doc, diags);
    let src = doc.source();
    let at = |needle: &str| src.locate(needle, 1).unwrap_or((0, 0));
    let is_index = src.path.file_name().is_some_and(|n| n == "_index.md");
    if doc.section != "pages" && !is_index && doc.front.date.is_none() {
        diags.push(
            Diagnostic::error(
                codes::DATE_MISSING,
                &src.path,
                Msg::new("ไม่มีวันที่ (date) ของประกาศ", "the document has no date"),
            )
            .at(&src.text, 2, 1)
            .field("date")
            .help(Msg::new(
                "เพิ่มบรรทัด date: ปี-เดือน-วัน ในส่วนหัว เช่น date: 2566-01-15",
                "add a line date: YYYY-MM-DD to the front matter, e.g. date: 2566-01-15",
            )),
        );
    }
    if doc.front.title.trim().is_empty() {
        let (l, c) = at("title:");
        diags.push(
            Diagnostic::error(
                codes::TITLE_EMPTY,
                &src.path,
                Msg::new("ชื่อเรื่อง (title) ว่างเปล่า", "the title is empty"),
            )
            .at(&src.text, l, c)
            .field("title")
            .help(Msg::new(
                "ใส่ชื่อเรื่องหลัง title:",
                "write the title after title:",
            )),
        );
    }
    check_attachments(site, &src, &doc.front.attachments, diags);
    if let Some(embed) = &doc.front.embed {
        let found = EmbedTarget::parse(embed).is_some_and(|t| t.exists(site));
        if !found {
            let (l, c) = at("embed:");
            diags.push(
                Diagnostic::error(codes::EMBED_UNKNOWN,
                    &src.path,
                    Msg::new(
                        format!("ไม่พบข้อมูล \"{embed}\" ที่จะแสดงในประกาศ"),
                        format!("there is no record \"{embed}\" to embed"),
                    ),
                )
                .at(&src.text, l, c)
                .field("embed")
                .help(Msg::new(
                    "ใช้ measures/ปี, procurement/plans/ปี, procurement/results/ปี หรือ procurement/reference-prices/ชื่อไฟล์ ของข้อมูลที่มีอยู่",
                    "use measures/YEAR, procurement/plans/YEAR, procurement/results/YEAR or procurement/reference-prices/NAME of an existing record",
                )),
            );
        }
    }
    check_section9(&src, &doc.front.section9, diags);
    check_topics(&src, &doc.front.topics, diags);
    if let Some(slug) = &doc.front.slug
        && (slug.is_empty() || slug.contains(['/', '\\', '?', '#']) || slug == "." || slug == "..")
    {
        let (l, c) = at("slug:");
        diags.push(
            Diagnostic::error(
                codes::SLUG_INVALID,
                &src.path,
                Msg::new(
                    format!("ชื่อที่อยู่หน้า (slug) \"{slug}\" ใช้ไม่ได้"),
                    format!("the slug \"{slug}\" cannot be used"),
                ),
            )
            .at(&src.text, l, c)
            .field("slug")
            .help(Msg::new(
                "ใช้ตัวอักษร ตัวเลข และขีด - เช่น slug: no-gift-2566",
                "use letters, digits and hyphens, e.g. slug: no-gift-2566",
            )),
        );
    }
}

/// Two documents may not share an address, and pages may not take a reserved one.
fn check_addresses(site: &Site, diags: &mut Diagnostics) {
    let mut seen: BTreeMap<String, &Document> = BTreeMap::new();
    // A long section's list of a fiscal year: `announcements/2567/`.
    let year_lists: std::collections::BTreeSet<String> = site
        .sections
        .values()
        .flat_map(|s| s.year_lists())
        .map(|p| p.to_lowercase())
        .collect();
    for doc in site.documents() {
        let path = routes::document(doc);
        // Hosts differ in case sensitivity: treat "About" and "about" as the same address.
        let key = path.to_lowercase();
        let top = key.split('/').next().unwrap_or_default().to_owned();
        let page_taken = doc.section == "pages"
            && (RESERVED_FOLDERS.contains(&top.as_str())
                || routes::RESERVED.contains(&top.as_str())
                || site.sections.contains_key(&top)
                || site.sections.contains_key(doc.slug.as_str()));
        // What takes the address, and how to give the document another.
        let reserved = if year_lists.contains(&key) {
            Some((
                Msg::new(
                    format!(
                        "ที่อยู่ /{path} เป็นหน้ารายการของปีงบประมาณหนึ่งในหมวดนี้ (หมวดที่มีเอกสารเกิน {} รายการแสดงรายการแยกตามปี)",
                        crate::site::LIST_ROWS
                    ),
                    format!(
                        "the address /{path} is the list of one fiscal year of this section (a section of more than {} documents lists them a fiscal year a page)",
                        crate::site::LIST_ROWS
                    ),
                ),
                Msg::new(
                    "เปลี่ยนชื่อไฟล์ หรือกำหนด slug: อื่นในส่วนหัว เช่น slug: notice-2567",
                    "rename the file, or set another slug: in the front matter, e.g. slug: notice-2567",
                ),
            ))
        } else if page_taken {
            Some((
                Msg::new(
                    format!("ชื่อหน้า \"{}\" ซ้ำกับส่วนอื่นของเว็บไซต์ (/{path})", doc.slug),
                    format!(
                        "the page name \"{}\" is taken by another part of the site (/{path})",
                        doc.slug
                    ),
                ),
                Msg::new(
                    "เปลี่ยนชื่อไฟล์ หรือกำหนด slug: อื่นในส่วนหัว",
                    "rename the file, or set another slug: in the front matter",
                ),
            ))
        } else {
            None
        };
        if let Some((msg, help)) = reserved {
            diags.push(
                Diagnostic::error(codes::ADDRESS_RESERVED, &doc.path, msg)
                    .at(&doc.source().text, 1, 0)
                    .help(help),
            );
            continue;
        }
        if let Some(first) = seen.get(&key) {
            diags.push(
                Diagnostic::error(codes::ADDRESS_TWICE,
                    &doc.path,
                    Msg::new(
                        format!(
                            "ที่อยู่หน้า /{path} ซ้ำกับไฟล์ {}",
                            first.path.display()
                        ),
                        format!(
                            "the address /{path} is already used by {}",
                            first.path.display()
                        ),
                    ),
                )
                .at(&doc.source().text, 1, 0)
                .help(Msg::new(
                    "เปลี่ยนชื่อไฟล์ใดไฟล์หนึ่ง หรือกำหนด slug: ให้ต่างกัน (ชื่อไฟล์ในโฟลเดอร์ย่อยต่างกันก็ยังใช้ที่อยู่เดียวกัน)",
                    "rename one of the files or give one a different slug: (files in different subfolders still share the address)",
                )),
            );
        } else {
            seen.insert(key, doc);
        }
    }
}

/// The example municipality's content left in another organisation's site would be published
/// as that organisation's own: one warning listing every such file.
fn check_example_leftovers(site: &Site, sources: &[&Source], diags: &mut Diagnostics) {
    let texts = sources.iter().map(|s| (s.path.as_path(), s.text.as_str()));
    let files = crate::example::leftovers(&site.root, &site.config.name, texts);
    if files.is_empty() {
        return;
    }
    let list = files
        .iter()
        .map(|f| format!("\n    {}", f.display()))
        .collect::<String>();
    let place = crate::example::PLACE;
    diags.push(
        Diagnostic::warning(codes::EXAMPLE_LEFT,
            crate::site::Config::FILE,
            Msg::new(
                format!(
                    "ยังมีเนื้อหาตัวอย่างของเทศบาลตำบล{place} {} ไฟล์ ซึ่งจะถูกเผยแพร่ในนามของ{}:{list}",
                    files.len(),
                    site.config.name
                ),
                format!(
                    "{} file(s) still hold the example municipality's ({place}) content, which would be published as {}'s own:{list}",
                    files.len(),
                    site.config.name
                ),
            ),
        )
        .help(Msg::new(
            "ลบไฟล์ตัวอย่างที่ไม่ใช้ และแก้ไฟล์ที่ใช้ต่อให้เป็นข้อมูลของหน่วยงาน (เว็บไซต์ใหม่ที่ไม่มีตัวอย่าง: prongsai init --empty โฟลเดอร์ใหม่)",
            "delete the example files you do not use and rewrite the ones you keep (a new site without the example: prongsai init --empty NEW-FOLDER)",
        )),
    );
}

/// Extensions of files a browser may run script in when they are opened from the site.
const SCRIPTABLE: &[&str] = &["svg", "html", "htm", "xhtml", "xml"];

/// Attachments a browser would open as a document that can run script, on the site's own
/// origin: `serve` sandboxes them, a static host cannot be told to.
fn check_scriptable_attachments(site: &Site, diags: &mut Diagnostics) {
    for a in site.attachments.values() {
        let ext = a.key.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        if !ext.as_deref().is_some_and(|e| SCRIPTABLE.contains(&e)) {
            continue;
        }
        diags.push(
            Diagnostic::warning(codes::ATTACHMENT_SCRIPTABLE,
                std::path::Path::new("content").join(&a.key),
                Msg::new(
                    "ไฟล์แนบชนิดนี้ (.svg .html .xhtml .xml) เบราว์เซอร์เปิดเป็นหน้าเว็บได้ ถ้ามีสคริปต์ซ่อนอยู่ สคริปต์จะทำงานในนามเว็บไซต์ของหน่วยงาน",
                    "a browser opens an attachment of this kind (.svg .html .xhtml .xml) as a page; any script hidden in it runs as the organisation's site",
                ),
            )
            .help(Msg::new(
                "แปลงเอกสารเป็น PDF และรูปภาพเป็น PNG หรือ JPG ก่อนแนบ หรือให้ผู้ดูแลโฮสต์ตั้งค่าส่งส่วนหัว Content-Security-Policy: sandbox กับไฟล์ใน /files/",
                "convert documents to PDF and pictures to PNG or JPG before attaching them, or have the host send Content-Security-Policy: sandbox with files under /files/",
            )),
        );
    }
}

/// Every listed attachment exists under `content/files/`.
pub fn check_attachments(
    site: &Site,
    src: &Source,
    refs: &[AttachmentRef],
    diags: &mut Diagnostics,
) {
    let at = |needle: &str| src.locate(needle, 1).unwrap_or((0, 0));
    for (i, a) in refs.iter().enumerate() {
        let (l, c) = at(a.file.trim());
        let field = format!("attachments[{i}].file");
        let problem = match normalize_ref(&a.file) {
            Ok(key) if site.attachments.contains_key(&key) => continue,
            Ok(key) => {
                let known: Vec<&str> = site.attachments.keys().map(String::as_str).collect();
                let hint = match nearest(&key, &known) {
                    Some(n) => Msg::new(
                        format!("หมายถึง \"{n}\" หรือไม่? หรือคัดลอกไฟล์ไปไว้ที่ content/{key}"),
                        format!("did you mean \"{n}\"? Or copy the file to content/{key}"),
                    ),
                    None => Msg::new(
                        format!("คัดลอกไฟล์ไปไว้ที่ content/{key} หรือแก้ชื่อไฟล์ให้ถูกต้อง"),
                        format!("copy the file to content/{key}, or correct the name"),
                    ),
                };
                (
                    codes::ATTACHMENT_MISSING,
                    Msg::new(
                        format!("ไม่พบไฟล์แนบ {key}"),
                        format!("the attachment {key} does not exist"),
                    ),
                    hint,
                )
            }
            Err(PathProblem::Escapes) => (
                codes::ATTACHMENT_OUTSIDE,
                Msg::new(
                    format!("ไฟล์แนบ \"{}\" อยู่นอกโฟลเดอร์ content/files/", a.file),
                    format!(
                        "the attachment \"{}\" points outside content/files/",
                        a.file
                    ),
                ),
                Msg::new(
                    "ไฟล์แนบต้องอยู่ใน content/files/ และเขียนเป็น files/... ห้ามใช้ .. หรือเส้นทางเต็ม",
                    "attachments must live in content/files/ and be written files/...; .. and absolute paths are not allowed",
                ),
            ),
            Err(PathProblem::NotUnderFiles) => (
                codes::ATTACHMENT_NOT_FILES,
                Msg::new(
                    format!("ไฟล์แนบ \"{}\" ต้องขึ้นต้นด้วย files/", a.file),
                    format!("the attachment \"{}\" must start with files/", a.file),
                ),
                Msg::new(
                    "เก็บไฟล์ไว้ใน content/files/ แล้วเขียนเป็น files/ชื่อโฟลเดอร์/ชื่อไฟล์ เช่น files/2566/ประกาศ.pdf",
                    "keep the file in content/files/ and write it as files/FOLDER/NAME, e.g. files/2566/notice.pdf",
                ),
            ),
        };
        diags.push(
            Diagnostic::error(problem.0, &src.path, problem.1)
                .at(&src.text, l, c)
                .field(field)
                .help(problem.2),
        );
    }
}

/// Section 9 categories are 1 to 8.
pub fn check_section9(src: &Source, categories: &[u8], diags: &mut Diagnostics) {
    let at = |needle: &str| src.locate(needle, 1).unwrap_or((0, 0));
    for (i, n) in categories.iter().enumerate() {
        if !(1..=8).contains(n) {
            let (l, c) = at("section9:");
            diags.push(
                Diagnostic::error(
                    codes::SECTION9_INVALID,
                    &src.path,
                    Msg::new(
                        format!("หมวดมาตรา ๙ ต้องเป็นเลข 1 ถึง 8 แต่พบ {n}"),
                        format!("section 9 categories are 1 to 8, found {n}"),
                    ),
                )
                .at(&src.text, l, c)
                .field(format!("section9[{i}]"))
                .help(Msg::new(
                    "ใช้เลขอนุมาตราของมาตรา ๙ เช่น section9: [2] สำหรับนโยบายหรือการตีความ",
                    "use the paragraph number of section 9, e.g. section9: [2] for policies",
                )),
            );
        }
    }
}

/// Topics are known ITA topic keys.
pub fn check_topics(src: &Source, topics: &[String], diags: &mut Diagnostics) {
    let at = |needle: &str| src.locate(needle, 1).unwrap_or((0, 0));
    for (i, t) in topics.iter().enumerate() {
        if !topics::KEYS.contains(&t.as_str()) {
            let (l, c) = at(t);
            let help = match nearest(t, topics::KEYS) {
                Some(n) => Msg::new(
                    format!("หมายถึง \"{n}\" หรือไม่? หัวข้อที่ใช้ได้ดูได้ใน README"),
                    format!("did you mean \"{n}\"? The README lists the topic keys"),
                ),
                None => Msg::new(
                    "ใช้รหัสหัวข้อ ITA ที่กำหนด (ดูรายการใน README)",
                    "use one of the ITA topic keys listed in the README",
                ),
            };
            diags.push(
                Diagnostic::error(
                    codes::TOPIC_UNKNOWN,
                    &src.path,
                    Msg::new(
                        format!("ไม่รู้จักหัวข้อ \"{t}\""),
                        format!("unknown topic \"{t}\""),
                    ),
                )
                .at(&src.text, l, c)
                .field(format!("topics[{i}]"))
                .help(help),
            );
        }
    }
}

/// A file read from an old encoding: it was read correctly; staff are told how to convert it.
fn legacy_encoding(path: &std::path::Path, encoding: &str) -> Diagnostic {
    let shown = path.display();
    let (th, en) = if encoding == "Windows-874" {
        (
            "ไฟล์นี้บันทึกด้วยรหัสภาษาไทยแบบเดิม (Windows-874/TIS-620 หรือ ANSI ใน Notepad) อ่านได้ถูกต้องแล้ว แต่โปรแกรมอื่นอาจอ่านเป็นอักษรเพี้ยน".to_owned(),
            "this file is saved in the old Thai encoding (Windows-874/TIS-620, Notepad's ANSI); it was read correctly, but other programs may garble it".to_owned(),
        )
    } else {
        (
            format!("ไฟล์นี้บันทึกเป็น {encoding} (Unicode text ของ Excel) อ่านได้ถูกต้องแล้ว แต่ควรเป็น UTF-8"),
            format!(
                "this file is saved as {encoding} (Excel's Unicode text); it was read correctly, but should be UTF-8"
            ),
        )
    };
    Diagnostic::warning(codes::LEGACY_ENCODING, path, Msg::new(th, en)).help(Msg::new(
        format!("แปลงเป็น UTF-8 ด้วย prongsai fix-encoding {shown} (เก็บไฟล์เดิมไว้เป็น .bak) หรือเปิดใน Notepad แล้วบันทึกเป็น > การเข้ารหัส UTF-8"),
        format!("convert it with prongsai fix-encoding {shown} (the original is kept as .bak), or save it again as UTF-8"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_marks_typed_twice_and_nothing_else() {
        let at = |t: &str| doubled_marks(t).collect::<Vec<_>>();
        assert_eq!(at("ผู้ที่สนใจ ก่อน น้ำ กี่ ปี่ ตั้ง"), Vec::<usize>::new());
        assert_eq!(at("ที่่"), vec![6]);
        assert_eq!(at("a ก่้"), vec![5]);
        assert_eq!(at("กิิ"), vec![3]);
        assert_eq!(at("xxxxxxx"), Vec::<usize>::new());
    }

    /// Marks side by side read as characters: the same mark twice, or two tone marks.
    fn doubled_marks_by_char(text: &str) -> Vec<usize> {
        let mark =
            |c: char| matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}');
        let tone = |c: char| matches!(c, '\u{0E48}'..='\u{0E4B}');
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        chars
            .windows(2)
            .filter(|w| {
                let (x, y) = (w[0].1, w[1].1);
                mark(x) && mark(y) && (x == y || (tone(x) && tone(y)))
            })
            .map(|w| w[0].0)
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn doubled_marks_are_those_read_as_characters(
            text in "[กาำิีุู่้๊๋็์ัเ a\u{0900}\u{0E4F}\u{0E7F}é]{0,24}",
        ) {
            proptest::prop_assert_eq!(doubled_marks(&text).collect::<Vec<_>>(), doubled_marks_by_char(&text));
        }

        /// Texts longer than a block, marks at any place against a block's edge.
        #[test]
        fn doubled_marks_across_blocks_are_those_read_as_characters(
            text in "[กา่้ิ a]{60,200}",
        ) {
            proptest::prop_assert_eq!(doubled_marks(&text).collect::<Vec<_>>(), doubled_marks_by_char(&text));
        }
    }
}
