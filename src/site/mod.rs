//! The site model and its loading: every content file becomes a typed record that remembers the
//! file it came from. Loading reads files; nothing here writes or renders.

pub mod attachment;
pub mod budget;
pub mod config;
pub mod dataset;
pub mod disclosure;
pub mod document;
pub mod history;
pub mod ita;
pub mod license;
pub mod limits;
pub mod measures;
pub mod methods;
pub mod notices;
pub mod people;
pub mod procurement;
pub mod projects;
pub mod routes;
pub mod schema;
pub mod section;
pub mod source;
pub mod theme;
pub mod topics;
pub mod values;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics, Msg, relative};
use crate::site::theme::Theme;
use crate::thai::calendar::{FiscalYear, YearMonth};
pub use attachment::Attachment;
pub use config::Config;
pub use dataset::Dataset;
pub use document::Document;
use ita::Catalog;
pub use measures::Measures;
use procurement::{Plan, ReferencePrice, Results};
pub use section::{LIST_ROWS, Section, YearList};
pub use source::Source;

/// Folders of `content/` with a meaning of their own; any other folder holding Markdown is a
/// section listed like `announcements/`.
pub const RESERVED_FOLDERS: &[&str] = &[
    "measures",
    "procurement",
    "data",
    "files",
    "ita",
    "pages",
    "budget",
];

/// Folder name of the section for procurement notices (invitations, winners, contracts).
pub const PROCUREMENT_NOTICES: &str = "procurement-notices";

/// Folder name of the announcements section.
pub const ANNOUNCEMENTS: &str = "announcements";

/// Everything a build needs, loaded and parsed.
#[derive(Debug)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub config_source: Source,
    /// By fiscal year, oldest first.
    pub measures: Vec<Measures>,
    /// By folder name.
    pub sections: BTreeMap<String, Section>,
    /// `content/pages/*.md`, by weight then title.
    pub pages: Vec<Arc<Document>>,
    /// By key (`files/2566/x.pdf`).
    pub attachments: BTreeMap<String, Attachment>,
    /// Procurement plans by fiscal year.
    pub plans: BTreeMap<FiscalYear, Plan>,
    /// Reference-price disclosures, by file name.
    pub reference_prices: Vec<ReferencePrice>,
    /// Monthly results (สขร.1) by month.
    pub results: BTreeMap<YearMonth, Results>,
    /// `content/data/NAME.yaml` + `NAME.csv`, by name.
    pub datasets: Vec<Dataset>,
    /// `content/people.yaml`: the structure chart's people.
    pub people: Option<people::People>,
    /// `content/budget/FY.yaml`: the budget ordinance and its spending, by fiscal year.
    pub budgets: BTreeMap<FiscalYear, budget::Budget>,
    /// ITA/OIT item catalogs by assessment year: the built-in ones, with the site's
    /// `content/ita/YEAR.yaml` added or replacing.
    pub ita: BTreeMap<i32, Catalog>,
    pub theme: Theme,
    /// The day the site is built: what "so far this year" means.
    pub today: NaiveDate,
    /// Documents a build leaves out (drafts, documents dated after today), unless `--drafts`.
    pub unpublished: Vec<Unpublished>,
    /// What the site discloses, worked out once ([`Site::disclosures`]).
    disclosures: std::sync::OnceLock<Vec<crate::site::disclosure::Disclosure>>,
}

/// Today on this computer, or the day `PRONGSAI_TODAY` names (`2569-12-05`, BE or CE): a
/// build pinned to a day, for reproducing a build or testing one on another day.
pub fn today() -> NaiveDate {
    std::env::var("PRONGSAI_TODAY")
        .ok()
        .and_then(|t| crate::thai::calendar::parse_date(&t).ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// A document left out of the build, and why.
#[derive(Clone, Debug)]
pub struct Unpublished {
    pub path: PathBuf,
    pub title: String,
    pub why: Withheld,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Withheld {
    /// `draft: true`
    Draft,
    /// Dated after the day of the build.
    Future(NaiveDate),
}

impl Document {
    /// Why a build leaves this document out on `today`, if it does.
    pub fn withheld(&self, today: NaiveDate) -> Option<Withheld> {
        if self.front.draft {
            return Some(Withheld::Draft);
        }
        match self.front.date {
            Some(d) if d.0 > today => Some(Withheld::Future(d.0)),
            _ => None,
        }
    }
}

/// How to load.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    pub base_url: Option<String>,
    /// Keep drafts and documents dated after today (a preview, or `check`).
    pub drafts: bool,
    /// Default: today.
    pub today: Option<NaiveDate>,
}

impl Site {
    /// Whether the year's สขร.1 is published as a summary with a page per month (it has more
    /// than [`routes::RESULTS_PAGE_ROWS`] rows).
    pub fn results_split(&self, fy: crate::thai::calendar::FiscalYear) -> bool {
        self.results
            .values()
            .filter(|r| r.data.month.0.fiscal_year() == fy)
            .map(|r| r.data.items.len())
            .sum::<usize>()
            > routes::RESULTS_PAGE_ROWS
    }

    /// Everything the site discloses ([`crate::site::disclosure::disclosures`]), worked
    /// out on first use: the section-9 pages, the search and the compliance report all list it.
    /// The day the published content last changed, as its records date it (a document's
    /// `date` or `updated`, a plan's announcement, a month of results …), never after today:
    /// what the footer says, so that unchanged content builds the same pages on any day.
    /// `fiscal_year` narrows it to the records of that year.
    pub fn updated(&self, fiscal_year: Option<FiscalYear>) -> Option<NaiveDate> {
        let records = self
            .disclosures()
            .iter()
            .filter(|d| !d.unpublished)
            .filter(|d| fiscal_year.is_none() || d.fiscal_year == fiscal_year)
            .filter_map(|d| d.date);
        let edits = self
            .documents()
            .filter(|d| d.withheld(self.today).is_none())
            .filter(|d| fiscal_year.is_none() || d.fiscal_year() == fiscal_year)
            .filter_map(|d| d.front.updated.map(|u| u.0));
        records.chain(edits).map(|d| d.min(self.today)).max()
    }

    pub fn disclosures(&self) -> &[crate::site::disclosure::Disclosure] {
        self.disclosures
            .get_or_init(|| crate::site::disclosure::disclosures(self))
    }

    /// Loads `root/content` and the theme, and every problem found on the way. The site comes
    /// back as far as its files parse, errors or not (a file with an error is left out); it
    /// is `None` only when `site.yaml` or the theme cannot be read.
    pub fn load(root: &Path, options: &LoadOptions) -> (Option<Site>, Diagnostics) {
        Self::load_cached(root, options, None)
    }

    /// [`Site::load`], reusing what `cache` parsed before for files that did not change (the
    /// dev server's rebuilds).
    pub fn load_cached(
        root: &Path,
        options: &LoadOptions,
        cache: Option<&LoadCache>,
    ) -> (Option<Site>, Diagnostics) {
        let mut diags = Diagnostics::default();
        let content = root.join("content");
        if !content.join("site.yaml").is_file() {
            diags.push(
                Diagnostic::error(crate::diagnostic::codes::SETTINGS_MISSING,
                    Config::FILE,
                    Msg::new(
                        format!("ไม่พบไฟล์ตั้งค่าเว็บไซต์ {}", content.join("site.yaml").display()),
                        format!("there is no site settings file {}", content.join("site.yaml").display()),
                    ),
                )
                .help(Msg::new(
                    "สั่งงานในโฟลเดอร์ของเว็บไซต์ (ที่มีโฟลเดอร์ content/) หรือระบุด้วย --root หรือสร้างเว็บไซต์ใหม่ด้วย prongsai init",
                    "run in the site's folder (the one holding content/), point at it with --root, or create a site with `prongsai init`",
                )),
            );
            return (None, diags);
        }

        let files = match list_content(root) {
            Ok(f) => f,
            Err(d) => {
                diags.push(d);
                return (None, diags);
            }
        };

        let config_source = Source::read(root, Path::new(Config::FILE));
        let config = config_source
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|s| Config::load(s, options.base_url.as_deref()));

        // Parse every file in parallel; each yields records or diagnostics.
        let loaded: Vec<Loaded> = match cache {
            Some(cache) => {
                let loaded = files.par_iter().map(|f| cache.load(root, f)).collect();
                cache.retain(&files);
                loaded
            }
            None => files.par_iter().map(|f| load_file(root, f)).collect(),
        };

        let mut measures = Vec::new();
        let mut docs = Vec::new();
        let mut attachments = BTreeMap::new();
        let mut plans: BTreeMap<FiscalYear, Plan> = BTreeMap::new();
        let mut reference_prices = Vec::new();
        let mut results: BTreeMap<YearMonth, Results> = BTreeMap::new();
        let mut datasets = Vec::new();
        let mut people = None;
        let mut budgets: BTreeMap<FiscalYear, budget::Budget> = BTreeMap::new();
        let mut catalogs = ita::builtin();
        for item in loaded {
            match item {
                Loaded::Measures(m) => measures.push(m),
                Loaded::Plan(p) => {
                    let fy = p.data.fiscal_year.0;
                    if let Some(first) = plans.get(&fy) {
                        diags.push(two_files(&p.source, &first.source));
                    } else {
                        plans.insert(fy, *p);
                    }
                }
                Loaded::ReferencePrice(r) => reference_prices.push(*r),
                Loaded::Results(r) => {
                    let month = r.data.month.0;
                    if let Some(first) = results.get(&month) {
                        diags.push(two_files(&r.source, &first.source));
                    } else {
                        results.insert(month, *r);
                    }
                }
                Loaded::Dataset(d) => datasets.push(*d),
                Loaded::People(p) => people = Some(*p),
                Loaded::Budget(b) => {
                    budgets.insert(b.fiscal_year(), *b);
                }
                Loaded::Ita(c) => {
                    catalogs.insert(c.year, *c);
                }
                Loaded::Document(d) => docs.push(d),
                Loaded::Attachment(a) => {
                    attachments.insert(a.key.clone(), a);
                }
                Loaded::Problems(p) => diags.extend(p),
                Loaded::Nothing => {}
            }
        }

        let theme_name = config.as_ref().ok().and_then(|c| c.theme.clone());
        let outside = config.as_ref().is_ok_and(|c| c.theme_outside_site);
        let theme = match Theme::load(root, theme_name.as_deref(), outside) {
            Ok(t) => Some(t),
            Err(d) => {
                diags.push(d);
                None
            }
        };

        let (config, config_source) = match (config, config_source) {
            (Ok(c), Ok(s)) => (c, s),
            (Err(d), _) | (_, Err(d)) => {
                diags.push(d);
                return (None, diags);
            }
        };
        let Some(theme) = theme else {
            return (None, diags);
        };

        measures.sort_by_key(|m: &Measures| m.data.fiscal_year);
        let today = options.today.unwrap_or_else(today);
        let mut unpublished = Vec::new();
        if !options.drafts {
            docs.retain(|d| match d.withheld(today) {
                None => true,
                Some(why) => {
                    unpublished.push(Unpublished {
                        path: d.path.clone(),
                        title: d.front.title.clone(),
                        why,
                    });
                    false
                }
            });
        }
        let mut sections: BTreeMap<String, Section> = BTreeMap::new();
        let mut pages = Vec::new();
        for doc in docs {
            if doc.section == "pages" {
                pages.push(doc);
                continue;
            }
            let section = sections
                .entry(doc.section.clone())
                .or_insert_with(|| Section {
                    name: doc.section.clone(),
                    index: None,
                    documents: Vec::new(),
                });
            if doc.path.file_name().is_some_and(|n| n == "_index.md") {
                section.index = Some(doc);
            } else {
                section.documents.push(doc);
            }
        }
        for s in sections.values_mut() {
            s.documents.sort_by(|a, b| {
                (b.front.date, &a.front.title, &a.path).cmp(&(
                    a.front.date,
                    &b.front.title,
                    &b.path,
                ))
            });
        }
        pages.sort_by(|a, b| {
            (a.front.weight.unwrap_or(0), &a.front.title)
                .cmp(&(b.front.weight.unwrap_or(0), &b.front.title))
        });

        let site = Site {
            root: root.to_path_buf(),
            config,
            config_source,
            measures,
            sections,
            pages,
            attachments,
            plans,
            reference_prices,
            results,
            datasets,
            people,
            budgets,
            ita: catalogs,
            theme,
            today,
            unpublished,
            disclosures: std::sync::OnceLock::new(),
        };
        // With errors, the site as far as its files parse: callers decide what to do with it.
        (Some(site), diags)
    }

    /// The fiscal year the home page calls current: `fiscal_year` in site.yaml, else the latest
    /// year found in the content, else the year of today.
    pub fn current_fiscal_year(&self) -> FiscalYear {
        if let Some(fy) = self.config.fiscal_year {
            return fy.0;
        }
        let from_measures = self.measures.iter().map(|m| m.data.fiscal_year.0);
        let from_docs = self
            .sections
            .values()
            .flat_map(|s| &s.documents)
            .filter_map(|d| d.fiscal_year());
        from_measures
            .chain(from_docs)
            .max()
            .unwrap_or_else(|| FiscalYear::of(self.today))
    }

    /// Identifies the text of every record that is not a document (measures, procurement,
    /// datasets, ITA catalogs) and the site's settings, for caches of pages that list them.
    pub fn records_fingerprint(&self) -> u64 {
        let texts: Vec<&str> = self
            .measures
            .iter()
            .map(|m| m.source.text.as_str())
            .chain(self.plans.values().map(|p| p.source.text.as_str()))
            .chain(self.reference_prices.iter().map(|r| r.source.text.as_str()))
            .chain(self.results.values().map(|r| r.source.text.as_str()))
            .chain(self.datasets.iter().map(|d| d.source.text.as_str()))
            .chain(std::iter::once(self.config_source.text.as_str()))
            .collect();
        let datasets: Vec<&Vec<Vec<String>>> = self.datasets.iter().map(|d| &d.rows).collect();
        let catalogs = serde_json::to_string(&self.ita).unwrap_or_default();
        crate::hash::fingerprint(&(texts, datasets, catalogs))
    }

    /// Announcements, newest first (empty when the site has none).
    pub fn announcements(&self) -> &[Arc<Document>] {
        self.sections
            .get(ANNOUNCEMENTS)
            .map_or(&[], |s| s.documents.as_slice())
    }

    /// Every document: sections then pages.
    pub fn documents(&self) -> impl Iterator<Item = &Document> {
        self.sections
            .values()
            .flat_map(|s| s.index.iter().chain(&s.documents))
            .chain(&self.pages)
            .map(|d| &**d)
    }
}

/// What one content file turned into.
#[derive(Clone)]
enum Loaded {
    Measures(Measures),
    Plan(Box<Plan>),
    ReferencePrice(Box<ReferencePrice>),
    Results(Box<Results>),
    Dataset(Box<Dataset>),
    Ita(Box<Catalog>),
    People(Box<people::People>),
    Budget(Box<budget::Budget>),
    /// Shared with the load cache: a rebuild does not copy unchanged documents.
    Document(Arc<Document>),
    Attachment(Attachment),
    Problems(Vec<Diagnostic>),
    Nothing,
}

fn is_record(ext: &str) -> bool {
    matches!(ext, "yaml" | "yml" | "md")
}

/// Two files that hold the same record (a plan's year, a results month).
fn two_files(second: &Source, first: &Source) -> Diagnostic {
    Diagnostic::error(
        crate::diagnostic::codes::RECORD_TWICE,
        &second.path,
        Msg::new(
            format!("ข้อมูลชุดนี้มีอยู่แล้วในไฟล์ {}", first.path.display()),
            format!("{} already holds this record", first.path.display()),
        ),
    )
    .at(&second.text, 1, 0)
    .help(Msg::new(
        "รวมข้อมูลไว้ในไฟล์เดียว แล้วลบอีกไฟล์หนึ่ง",
        "keep the record in one file and delete the other",
    ))
}

/// Files parsed by an earlier load, reused while their size and modification time stay the same.
///
/// A file modified within two seconds of being cached is read again next time (as git does for
/// "racily clean" files): a second edit of the same size inside the file system's timestamp
/// granularity would otherwise go unnoticed.
#[derive(Default)]
pub struct LoadCache {
    entries: std::sync::Mutex<std::collections::HashMap<PathBuf, (Stamp, Loaded)>>,
}

const RACY: std::time::Duration = std::time::Duration::from_secs(2);

/// Size and modification time of a file and of what is read with it (a dataset's CSV).
type Stamp = Vec<Option<(u64, std::time::SystemTime)>>;

fn stamp(root: &Path, rel: &Path) -> Stamp {
    let of = |p: &Path| {
        std::fs::metadata(root.join(p))
            .ok()
            .and_then(|m| Some((m.len(), m.modified().ok()?)))
    };
    let mut s = vec![of(rel)];
    let in_data = rel
        .components()
        .nth(1)
        .is_some_and(|c| c.as_os_str() == "data");
    if in_data && rel.extension().is_some_and(|e| e == "yaml" || e == "yml") {
        s.push(of(&rel.with_extension("csv")));
    }
    s
}

impl LoadCache {
    fn load(&self, root: &Path, rel: &Path) -> Loaded {
        let now = stamp(root, rel);
        let lock = || {
            self.entries
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some((then, loaded)) = lock().get(rel)
            && *then == now
            && now.iter().all(Option::is_some)
        {
            return loaded.clone();
        }
        let cached_at = std::time::SystemTime::now();
        let loaded = load_file(root, rel);
        let settled = now.iter().all(|s| {
            s.is_some_and(|(_, t)| cached_at.duration_since(t).is_ok_and(|age| age > RACY))
        });
        if settled {
            lock().insert(rel.to_path_buf(), (now, loaded.clone()));
        } else {
            lock().remove(rel);
        }
        loaded
    }

    /// Forgets files that are gone.
    fn retain(&self, files: &[PathBuf]) {
        let keep: std::collections::HashSet<&PathBuf> = files.iter().collect();
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .retain(|k, _| keep.contains(k));
    }
}

/// Every file under `content/`, relative to the site root, sorted. Hidden files and editor
/// leftovers are skipped.
fn list_content(root: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut files = Vec::new();
    // Symbolic links may point anywhere inside the site folder, never outside it: a link to
    // /etc/passwd in content/files/ must not be published.
    let site = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let walker = walkdir::WalkDir::new(root.join("content"))
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            !is_ignored(e.file_name().to_str().unwrap_or_default()) || e.depth() == 0
        });
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e.path().map(|p| relative(root, p)).unwrap_or_default();
            Diagnostic::error(
                crate::diagnostic::codes::FOLDER_UNREADABLE,
                path,
                Msg::new(
                    format!("อ่านโฟลเดอร์ไม่ได้: {e}"),
                    format!("cannot read the folder: {e}"),
                ),
            )
        })?;
        if entry.path_is_symlink() {
            let target = entry.path().canonicalize().ok();
            let inside = target.as_ref().and_then(|t| t.strip_prefix(&site).ok());
            // Nor may a link reach a hidden file or folder of the site (`.env`, `.git`).
            if inside.is_some_and(|rel| {
                rel.components()
                    .any(|c| c.as_os_str().to_str().is_none_or(is_ignored))
            }) {
                return Err(Diagnostic::error(crate::diagnostic::codes::LINK_TO_HIDDEN,
                    relative(root, entry.path()),
                    Msg::new(
                        "ลิงก์สัญลักษณ์ (symbolic link) นี้ชี้ไปยังไฟล์หรือโฟลเดอร์ที่ซ่อนอยู่ (ชื่อขึ้นต้นด้วยจุด เช่น .env หรือ .git) ซึ่งไม่เผยแพร่",
                        "this symbolic link points to a hidden file or folder (its name starts with a dot, such as .env or .git), which is never published",
                    ),
                )
                .help(Msg::new(
                    "ลบลิงก์นี้ ถ้าต้องการเผยแพร่ไฟล์นั้นจริง ให้คัดลอกไฟล์มาไว้ใน content/files/ ด้วยชื่อที่ไม่ขึ้นต้นด้วยจุด",
                    "remove the link; to publish that file on purpose, copy it into content/files/ under a name that does not start with a dot",
                )));
            }
            if inside.is_none() {
                return Err(Diagnostic::error(crate::diagnostic::codes::LINK_OUT_OF_SITE,
                    relative(root, entry.path()),
                    Msg::new(
                        "ลิงก์สัญลักษณ์ (symbolic link) นี้ชี้ไปนอกโฟลเดอร์ของเว็บไซต์ จึงไม่นำมาเผยแพร่",
                        "this symbolic link points outside the site's folder, so it is not published",
                    ),
                )
                .help(Msg::new(
                    "คัดลอกไฟล์จริงมาไว้ใน content/ แทนการใช้ลิงก์",
                    "copy the file itself into content/ instead of linking to it",
                )));
            }
        }
        if entry.file_type().is_file() {
            files.push(relative(root, entry.path()));
        }
    }
    Ok(files)
}

/// Hidden files, editor backups (prongsai's own `.bak` among them) and system files that are
/// never content.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
        // The originals `import --force` and `fix-encoding` keep: x.yaml.bak, x.yaml.bak2 …
        || name
            .rsplit_once(".bak")
            .is_some_and(|(_, n)| n.bytes().all(|b| b.is_ascii_digit()))
        || (name.starts_with('#') && name.ends_with('#'))
        || name.eq_ignore_ascii_case("Thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

fn load_file(root: &Path, rel: &Path) -> Loaded {
    let parts: Vec<&str> = rel
        .components()
        .skip(1) // "content"
        .filter_map(|c| c.as_os_str().to_str())
        .collect();
    let ext = rel.extension().and_then(|e| e.to_str()).unwrap_or_default();
    let problems = |d: Diagnostic| Loaded::Problems(vec![d]);
    match parts.as_slice() {
        ["site.yaml"] => Loaded::Nothing, // loaded on its own
        ["budget", _] if is_record(ext) && ext != "md" => {
            match Source::read(root, rel).and_then(budget::Budget::load) {
                Ok(b) => Loaded::Budget(Box::new(b)),
                Err(d) => problems(d),
            }
        }
        ["people.yaml" | "people.yml"] => match Source::read(root, rel).and_then(people::People::load) {
            Ok(p) => Loaded::People(Box::new(p)),
            Err(d) => problems(d),
        },
        ["files", ..] => {
            let key = parts.join("/");
            match Attachment::load(root.join(rel), key, rel) {
                Ok(a) => Loaded::Attachment(a),
                Err(d) => problems(d),
            }
        }
        ["measures", name] if ext == "yaml" || ext == "yml" => {
            let stem = Path::new(name).file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            if stem.len() != 4 || !stem.chars().all(|c| c.is_ascii_digit()) {
                return problems(
                    Diagnostic::error(crate::diagnostic::codes::MEASURES_FILE_NAME,
                        rel,
                        Msg::new(
                            "ชื่อไฟล์มาตรการต้องเป็นปีงบประมาณ เช่น 2566.yaml",
                            "a measures file must be named after its fiscal year, e.g. 2566.yaml",
                        ),
                    )
                    .help(Msg::new(
                        "เปลี่ยนชื่อไฟล์เป็นปีงบประมาณ พ.ศ. 4 หลัก",
                        "rename the file to the four-digit Buddhist Era fiscal year",
                    )),
                );
            }
            match Source::read(root, rel).map_err(|d| vec![d]).and_then(Measures::load) {
                Ok(m) => Loaded::Measures(m),
                Err(d) => Loaded::Problems(d),
            }
        }
        ["procurement", "plans", _] if is_record(ext) => {
            match Source::read(root, rel).and_then(Plan::load) {
                Ok(p) => Loaded::Plan(Box::new(p)),
                Err(d) => problems(d),
            }
        }
        ["procurement", "reference-prices", ..] if is_record(ext) => {
            match Source::read(root, rel).and_then(ReferencePrice::load) {
                Ok(r) => Loaded::ReferencePrice(Box::new(r)),
                Err(d) => problems(d),
            }
        }
        ["procurement", "results", _] if ext == "yaml" || ext == "yml" => {
            match Source::read(root, rel).and_then(Results::load) {
                Ok(r) => Loaded::Results(Box::new(r)),
                Err(d) => problems(d),
            }
        }
        ["data", _] if ext == "yaml" || ext == "yml" => {
            match Source::read(root, rel).map_err(|d| vec![d]).and_then(|s| Dataset::load(root, s)) {
                Ok(d) => Loaded::Dataset(Box::new(d)),
                Err(d) => Loaded::Problems(d),
            }
        }
        // The CSV of a dataset is read with its .yaml.
        ["data", _] if ext == "csv" => Loaded::Nothing,
        ["ita", _] if ext == "yaml" || ext == "yml" => {
            match Source::read(root, rel).and_then(|s| Catalog::load(&s)) {
                Ok(c) => Loaded::Ita(Box::new(c)),
                Err(d) => problems(d),
            }
        }
        [folder, .., _] if ext == "md" => match Source::read(root, rel).and_then(|s| Document::load(s, folder)) {
            Ok(d) => Loaded::Document(Arc::new(d)),
            Err(d) => problems(d),
        },
        _ => problems(
            Diagnostic::warning(crate::diagnostic::codes::FILE_NOT_USED,
                rel,
                Msg::new(
                    "ไม่ได้ใช้ไฟล์นี้: ไม่ใช่ชนิดไฟล์ที่รู้จักในตำแหน่งนี้",
                    "this file is not used: it is not a kind of file expected here",
                ),
            )
            .help(Msg::new(
                "ไฟล์แนบให้เก็บไว้ใต้ content/files/ ประกาศและหน้าเว็บเป็นไฟล์ .md ในโฟลเดอร์ของตน",
                "keep attachments under content/files/; announcements and pages are .md files in their folders",
            )),
        ),
    }
}
