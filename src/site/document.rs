//! Markdown documents with YAML front matter: announcements (ประกาศ), pages, and any other
//! Markdown folder, which becomes a section.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Msg};
use crate::site::source::{Source, parse_yaml};
use crate::site::values::Date;
use crate::thai::calendar::FiscalYear;

#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    pub date: Option<Date>,
    /// The fiscal year the document is about, when it is not that of its date: an annual
    /// report signed in October for the year just ended.
    pub fiscal_year: Option<crate::site::values::Fy>,
    /// Date of the last change, when it differs from `date`.
    pub updated: Option<Date>,
    /// เลขที่ประกาศ
    pub number: Option<String>,
    pub signed_by: Option<Signatory>,
    /// One line shown in lists and the feed.
    pub summary: Option<String>,
    /// ITA topic keys.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Categories of section 9 of the Official Information Act (1–8).
    #[serde(default)]
    pub section9: Vec<u8>,
    #[serde(default)]
    pub attachments: Vec<AttachmentRef>,
    #[serde(default)]
    pub draft: bool,
    /// The URL name; default: the file name without `.md`.
    pub slug: Option<String>,
    /// Order in menus and lists of pages (smaller first).
    pub weight: Option<i32>,
    /// A record whose table the page shows below its text, e.g. `procurement/plans/2566`.
    pub embed: Option<String>,
    /// The step of a procurement the document announces (ประกาศเชิญชวน, ประกาศผู้ชนะ, ...).
    pub procurement: Option<crate::site::notices::NoticeRef>,
    #[serde(skip_serializing)]
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub extra: Option<serde_yaml::Mapping>,
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    pub name: String,
    pub position: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttachmentRef {
    /// Relative to `content/`, e.g. `files/2566/x.pdf`.
    pub file: String,
    pub title: Option<String>,
}

/// What `embed:` can name.
pub enum EmbedTarget {
    Measures(FiscalYear),
    Plan(FiscalYear),
    Results(FiscalYear),
    ReferencePrice(String),
}

impl EmbedTarget {
    /// Reads `procurement/plans/2566`, `/measures/2566/`, `procurement/reference-prices/NAME`...
    pub fn parse(text: &str) -> Option<Self> {
        let parts: Vec<&str> = text.trim().split('/').filter(|p| !p.is_empty()).collect();
        let year = |y: &str| FiscalYear::parse(y).ok();
        match parts.as_slice() {
            ["measures", y] => year(y).map(EmbedTarget::Measures),
            ["procurement", "plans", y] => year(y).map(EmbedTarget::Plan),
            ["procurement", "results", y] => year(y).map(EmbedTarget::Results),
            ["procurement", "reference-prices", slug] => {
                Some(EmbedTarget::ReferencePrice((*slug).to_owned()))
            }
            _ => None,
        }
    }

    /// Whether the site holds the record.
    pub fn exists(&self, site: &crate::site::Site) -> bool {
        match self {
            EmbedTarget::Measures(fy) => site.measures.iter().any(|m| m.data.fiscal_year.0 == *fy),
            EmbedTarget::Plan(fy) => site.plans.contains_key(fy),
            EmbedTarget::Results(fy) => site.results.keys().any(|m| m.fiscal_year() == *fy),
            EmbedTarget::ReferencePrice(slug) => {
                site.reference_prices.iter().any(|r| &r.slug == slug)
            }
        }
    }
}

/// One Markdown file.
#[derive(Clone, Debug)]
pub struct Document {
    /// Relative to the site root, e.g. `content/announcements/x.md`.
    pub path: PathBuf,
    /// The file as read, until a build lets it go ([`Document::let_go`]).
    source: Held,
    /// The folder under `content/` it belongs to (`announcements`, `pages`, ...).
    pub section: String,
    pub slug: String,
    pub front: FrontMatter,
    /// Where the Markdown after the front matter starts in the file's text (bytes).
    body_start: usize,
    /// The line of the file where the body starts.
    pub body_line: usize,
    /// Identifies the file's path and text, for caches.
    pub fingerprint: u64,
    /// Identifies the file's path and front matter: what lists of documents show.
    pub front_fingerprint: u64,
}

impl Document {
    /// The fiscal year the document is about: `fiscal_year:`, else the year of its date.
    pub fn fiscal_year(&self) -> Option<FiscalYear> {
        self.front
            .fiscal_year
            .map(|f| f.0)
            .or_else(|| self.front.date.map(|d| FiscalYear::of(d.0)))
    }

    pub fn load(source: Source, section: &str) -> Result<Self, Diagnostic> {
        let (yaml, body, body_line) = split_front_matter(&source)?;
        let front: FrontMatter = parse_yaml(&source, yaml, 2)?;
        let body_start = source.text.len() - body.len();
        let stem = source
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let slug = front.slug.clone().unwrap_or(stem);
        let fingerprint = fingerprint(&source);
        let front_fingerprint = crate::hash::fingerprint(&(&source.path, yaml));
        Ok(Self {
            fingerprint,
            front_fingerprint,
            section: section.to_owned(),
            slug,
            front,
            body_start,
            body_line,
            path: source.path.clone(),
            source: Held::new(source),
        })
    }

    /// The file as it was read. After [`Document::let_go`], it is read again; if the file has
    /// changed since (or is gone), the text is empty: what it is asked for then is where to
    /// point a message, never what to publish.
    pub fn source(&self) -> Arc<Source> {
        let state = self.source.lock().clone();
        match state {
            State::Held(source) => source,
            State::LetGo(root) => Arc::new(self.read_again(&root)),
        }
    }

    /// The Markdown after the front matter.
    pub fn body(&self) -> Body {
        Body {
            source: self.source(),
            start: self.body_start,
        }
    }

    /// Lets go of the text read from the file under `root`: a build that has made everything
    /// it makes of it lowers its peak memory. [`Document::source`] reads it again if asked.
    pub fn let_go(&self, root: &Arc<Path>) {
        *self.source.lock() = State::LetGo(Arc::clone(root));
    }

    /// The file read again, if it is still what was read first.
    fn read_again(&self, root: &Path) -> Source {
        Source::read(root, &self.path)
            .ok()
            .filter(|s| fingerprint(s) == self.fingerprint)
            .unwrap_or_else(|| Source::new(self.path.clone(), ""))
    }
}

/// [`Document::fingerprint`] of a file as read: made at the load, and again to know a file
/// read again for the same.
fn fingerprint(source: &Source) -> u64 {
    crate::hash::fingerprint(&(&source.path, &source.text))
}

/// A document's file: held, or let go with the site root to read it again from.
#[derive(Debug)]
struct Held(Mutex<State>);

#[derive(Clone, Debug)]
enum State {
    Held(Arc<Source>),
    LetGo(Arc<Path>),
}

impl Held {
    fn new(source: Source) -> Self {
        Self(Mutex::new(State::Held(Arc::new(source))))
    }

    /// Its state: nothing panics while holding it, and a state is whole at any moment.
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Clone for Held {
    fn clone(&self) -> Self {
        Self(Mutex::new(self.lock().clone()))
    }
}

/// A document's Markdown after its front matter ([`Document::body`]).
pub struct Body {
    source: Arc<Source>,
    start: usize,
}

impl std::ops::Deref for Body {
    type Target = str;

    fn deref(&self) -> &str {
        self.source.text.get(self.start..).unwrap_or_default()
    }
}

/// Splits `---\nYAML\n---\nbody`: returns the YAML, the body and the body's first line.
pub(crate) fn split_front_matter(source: &Source) -> Result<(&str, &str, usize), Diagnostic> {
    let text = source.text.as_str();
    let Some(rest) = text.strip_prefix("---\n") else {
        let (th, en) = if text.trim().is_empty() {
            ("ไฟล์ว่างเปล่า ไม่มีข้อมูล", "the file is empty")
        } else {
            (
                "ไฟล์ต้องขึ้นต้นด้วยส่วนหัว (front matter) ที่อยู่ระหว่างบรรทัด ---",
                "the file must start with front matter between two --- lines",
            )
        };
        return Err(Diagnostic::error(
            crate::diagnostic::codes::FRONT_MATTER_MISSING,
            &source.path,
            Msg::new(th, en),
        )
        .at(text, 1, 1)
        .help(Msg::new(
            "บรรทัดแรกของไฟล์ต้องเป็น --- ตามด้วย title: ชื่อเรื่อง แล้วปิดด้วย --- อีกบรรทัด",
            "make the first line ---, then title: ..., then a closing --- line",
        )));
    };
    // The closing line is "---" alone (allowing trailing spaces).
    let mut offset = 4;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &text[4..offset];
            let body = &text[offset + line.len()..];
            let body_line = text[..offset + line.len()].matches('\n').count() + 1;
            return Ok((yaml, body, body_line));
        }
        offset += line.len();
    }
    Err(Diagnostic::error(
        crate::diagnostic::codes::FRONT_MATTER_UNCLOSED,
        &source.path,
        Msg::new(
            "ส่วนหัว (front matter) ไม่ได้ปิดด้วยบรรทัด ---",
            "the front matter is not closed with a --- line",
        ),
    )
    .at(text, 1, 1)
    .help(Msg::new(
        "เพิ่มบรรทัดที่มีเพียง --- หลังข้อมูลส่วนหัว ก่อนเนื้อหาของประกาศ",
        "add a line holding only --- after the front matter, before the text",
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Source {
        Source::new("content/announcements/a.md", text)
    }

    #[test]
    fn splits_front_matter_and_body() {
        let d = Document::load(src("---\ntitle: x\n---\n\nbody\n"), "announcements").unwrap();
        assert_eq!(d.front.title, "x");
        assert_eq!(&*d.body(), "\nbody\n");
        assert_eq!(d.body_line, 4);
        assert_eq!(d.slug, "a");
    }

    /// A document read from a file of `bytes` in a fresh site folder: (folder, document).
    fn read(bytes: &[u8]) -> (tempfile::TempDir, Document) {
        let dir = tempfile::tempdir().unwrap();
        let rel = std::path::Path::new("content/announcements/a.md");
        std::fs::create_dir_all(dir.path().join("content/announcements")).unwrap();
        std::fs::write(dir.path().join(rel), bytes).unwrap();
        let doc = Document::load(Source::read(dir.path(), rel).unwrap(), "announcements").unwrap();
        (dir, doc)
    }

    const TEXT: &str = "---\ntitle: x\n---\n\nย่อหน้าแรก\n\nย่อหน้าที่สอง\n";

    #[test]
    fn a_text_let_go_is_read_again_from_its_file() {
        let (dir, doc) = read(TEXT.as_bytes());
        let body = doc.body().to_owned();
        doc.let_go(&dir.path().into());
        assert_eq!(doc.source().text, TEXT);
        assert_eq!(&*doc.body(), body);
        // A clone of a document let go reads it again too.
        let clone = doc.clone();
        assert_eq!(clone.source().text, TEXT);
    }

    #[test]
    fn a_text_saved_by_an_office_pc_is_read_again_as_it_was_read() {
        // Windows-874 with Windows line ends: read again, it is the same decoded text.
        let crlf = TEXT.replace('\n', "\r\n");
        let (bytes, _, _) = encoding_rs::WINDOWS_874.encode(&crlf);
        let (dir, doc) = read(&bytes);
        doc.let_go(&dir.path().into());
        let again = doc.source();
        assert_eq!(again.text, TEXT);
        assert_eq!(again.legacy, Some("Windows-874"));
    }

    #[test]
    fn a_text_let_go_whose_file_changed_or_went_is_never_taken_for_it() {
        let (dir, doc) = read(TEXT.as_bytes());
        let file = dir.path().join("content/announcements/a.md");
        doc.let_go(&dir.path().into());
        std::fs::write(&file, TEXT.replace("ที่สอง", "ที่สาม")).unwrap();
        assert_eq!(doc.source().text, "");
        assert_eq!(&*doc.body(), "");
        std::fs::remove_file(&file).unwrap();
        assert_eq!(doc.source().text, "");
        // Put back as it was read, it is read again.
        std::fs::write(&file, TEXT).unwrap();
        assert_eq!(doc.source().text, TEXT);
    }

    #[test]
    fn a_text_held_is_not_read_again() {
        let (dir, doc) = read(TEXT.as_bytes());
        std::fs::remove_file(dir.path().join("content/announcements/a.md")).unwrap();
        assert_eq!(doc.source().text, TEXT);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let e = Document::load(src("---\ntitle: x\nbody\n"), "announcements").unwrap_err();
        assert!(e.message.en.contains("not closed"));
    }

    #[test]
    fn front_matter_errors_point_into_the_file() {
        let e = Document::load(src("---\ntitle: x\ndate: 2566-02-30\n---\n"), "a").unwrap_err();
        assert_eq!(e.line, 3);
        assert_eq!(e.field.as_deref(), Some("date"));
    }
}
