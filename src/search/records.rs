//! What a resident can find, one [`Record`] each: every document of every section and every
//! page, each measure, each procurement plan and plan item, each reference-price disclosure,
//! each month and each row of the monthly results (แบบ สขร.๑), and each dataset. Titles, dates,
//! fiscal years and addresses come from the disclosure list
//! ([`Site::disclosures`](crate::site::Site::disclosures)) where it has the record; the text
//! comes from the record itself.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_128;

use crate::search::bytes::{Bytes, Reader};
use crate::search::index::{Record, Whole, text_hash};
use crate::search::letters::Letters;
use crate::search::words::TextPieces;
use crate::site::disclosure::Subject;
use crate::site::procurement::{ReferencePrice, ResultItem};
use crate::site::routes;
use crate::site::routes::encode_path as encode;
use crate::site::{Document, Site};
use crate::thai::calendar::{FiscalYear, YearMonth, format_date, format_month_long};
use crate::thai::money::Money;
use crate::thai::numerals::Numerals;

/// Type keys of the records that are not documents of a section.
pub const PAGES: &str = "pages";
pub const MEASURES: &str = "measures";
pub const PLANS: &str = "procurement-plans";
pub const REFERENCE_PRICES: &str = "reference-prices";
pub const RESULTS: &str = "procurement-results";
pub const DATASETS: &str = "datasets";

/// The types (key, Thai label) in the order filters list them, and every record.
pub fn records(site: &Site) -> (Vec<(String, String)>, Vec<Record>) {
    let (types, pending) = pending(site);
    (types, pending.finish())
}

/// Every record, the texts of documents not yet read out of their Markdown: what the index is
/// made from is known without that work, which a build whose index is cached never does.
pub struct Pending<'a> {
    /// The records, a document's with an empty text.
    pub records: Vec<Record>,
    /// The documents whose records wait for their text: (index in `records`, document).
    docs: Vec<(usize, &'a Document)>,
    /// [`Pending::source_hashes`], once made.
    hashes: OnceLock<Vec<u128>>,
    /// Whether [`Pending::finish_with`] read each document's text (rather than take it from
    /// what an earlier build kept).
    read: Vec<bool>,
}

impl Pending<'_> {
    /// A hash of the source of each document whose text is pending (all its text is made
    /// from), made on all cores once.
    pub fn source_hashes(&self) -> &[u128] {
        self.hashes.get_or_init(|| hash_sources(&self.docs))
    }

    /// The records with every document's text.
    pub fn finish(mut self) -> Vec<Record> {
        self.finish_with(None).0
    }

    /// [`Pending::finish`], where a document whose source is one `kept` has gets only the start
    /// of its text (its record's [`Whole`] says where the rest is: [`Pending::whole_text`]).
    /// With `kept` (a build that keeps what it made), also returns what to keep for the next
    /// build ([`Texts::decode`] reads its parts one after the other), unless it is `kept`.
    pub fn finish_with(&mut self, kept: Option<Texts>) -> (Vec<Record>, Option<Vec<Vec<u8>>>) {
        let keeping = kept.is_some();
        let mut kept = kept.unwrap_or_default();
        let sources = self
            .hashes
            .take()
            .unwrap_or_else(|| hash_sources(&self.docs));
        let taken: Vec<Option<KeptText>> = sources.iter().map(|h| kept.0.remove(h)).collect();
        self.read = taken.iter().map(Option::is_none).collect();
        let read = taken.iter().filter(|t| t.is_none()).count();
        let same = !keeping || (read == 0 && kept.0.is_empty());
        crate::timing::note(|| format!("search: {read} documents' texts read"));
        // Each text's start (the snippet's source), the whole's hash and where the whole is.
        // A text read now is cut into its pieces where it is read, and let go. (Its start is
        // cleaned: the next build takes a start as it is only for a text that was clean.)
        let texts: Vec<(String, u128, Whole)> = self
            .docs
            .par_iter()
            .zip(taken)
            .enumerate()
            .map(|(at, ((_, doc), taken))| match taken {
                Some(k) => (
                    k.start,
                    k.hash,
                    Whole {
                        at,
                        letters: Some(k.letters),
                        pieces: None,
                    },
                ),
                None => {
                    let text = document_text(doc);
                    let hash = text_hash(&text);
                    let (pieces, start) = TextPieces::of(&text);
                    let whole = Whole {
                        at,
                        letters: keeping.then(|| pieces.letters()),
                        pieces: Some(pieces),
                    };
                    (start, hash, whole)
                }
            })
            .collect();
        // Encoded on all cores, a part per chunk of documents, never put together in memory.
        let keep = (!same).then(|| {
            sources
                .par_chunks(KEEP_CHUNK)
                .zip(texts.par_chunks(KEEP_CHUNK))
                .map(|(sources, texts)| {
                    // Made the size it will be: grown by doubling, a part of megabytes
                    // would be copied as it grows and take up to twice its size.
                    // A document's: two hashes, its letters, its start behind its length.
                    let size = texts
                        .iter()
                        .map(|(s, ..)| 2 * 16 + Letters::BYTES + 4 + s.len())
                        .sum();
                    let mut b = Bytes(Vec::with_capacity(size));
                    for (source, (start, hash, whole)) in sources.iter().zip(texts) {
                        b.u128(*source);
                        b.u128(*hash);
                        match &whole.letters {
                            Some(l) => l.write_to(&mut b.0),
                            None => b.0.extend_from_slice(&Letters::every()),
                        }
                        b.bytes(start.as_bytes());
                    }
                    debug_assert_eq!(b.0.len(), size, "a part of the kept texts is the size made");
                    b.0
                })
                .collect()
        });
        let mut records = std::mem::take(&mut self.records);
        for ((i, _), (start, hash, whole)) in self.docs.iter().zip(texts) {
            let r = &mut records[*i];
            r.text = start;
            r.text_hash = Some(hash);
            r.whole = Some(whole);
        }
        (records, keep)
    }

    /// Lets go of the source of each document whose text [`Pending::finish_with`] read and
    /// of which `done` says the build needs nothing more ([`Document::let_go`]). A document
    /// whose text was taken from an earlier build keeps its source: [`Pending::whole_text`]
    /// may read it.
    pub fn let_go_read(&self, root: &Arc<Path>, done: impl Fn(&Document) -> bool + Sync) {
        self.docs
            .par_iter()
            .zip(&self.read)
            .filter(|(_, read)| **read)
            .for_each(|((_, doc), _)| {
                if done(doc) {
                    doc.let_go(root);
                }
            });
    }

    /// The whole text of the document a record's [`Whole::at`] names.
    pub fn whole_text(&self, at: usize) -> String {
        self.docs
            .get(at)
            .map(|(_, doc)| document_text(doc))
            .unwrap_or_default()
    }
}

/// [`Pending::source_hashes`].
fn hash_sources(docs: &[(usize, &Document)]) -> Vec<u128> {
    docs.par_iter()
        .map(|(_, doc)| xxh3_128(doc.source().text.as_bytes()))
        .collect()
}

/// Documents encoded in one part of what [`Pending::finish_with`] keeps.
const KEEP_CHUNK: usize = 1024;

/// What a build keeps of its documents' texts for the next, by a hash of each document's
/// source: the hash of the whole text, its letters and its start (what snippets come from). A
/// document whose source is unchanged is not read out of its Markdown again unless its words
/// must be found again.
#[derive(Default)]
pub struct Texts(HashMap<u128, KeptText>);

struct KeptText {
    hash: u128,
    letters: Letters,
    start: String,
}

impl Texts {
    /// What [`Pending::finish_with`] kept, or `None` when the bytes are not that.
    pub fn decode(bytes: &[u8]) -> Option<Self> {
        let mut map = HashMap::new();
        let mut r = Reader(bytes);
        while !r.0.is_empty() {
            let (source, hash) = (r.u128()?, r.u128()?);
            let letters = Letters::from_bytes(r.take(Letters::BYTES)?)?;
            let start = simdutf8::basic::from_utf8(r.bytes()?).ok()?.to_owned();
            map.insert(
                source,
                KeptText {
                    hash,
                    letters,
                    start,
                },
            );
        }
        Some(Self(map))
    }
}

/// [`records`], the documents' texts pending.
pub fn pending(site: &Site) -> (Vec<(String, String)>, Pending<'_>) {
    let n = site.config.numerals;
    let mut types: Vec<(String, String)> = Vec::new();
    for s in site.sections.values() {
        types.push((section_key(&s.name), s.title()));
    }
    for (k, l) in [
        (PAGES, "หน้าข้อมูล"),
        (MEASURES, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส"),
        (PLANS, "แผนการจัดซื้อจัดจ้าง"),
        (REFERENCE_PRICES, "ประกาศราคากลาง"),
        (RESULTS, "ผลการจัดซื้อจัดจ้าง (สขร.๑)"),
        (DATASETS, "ชุดข้อมูล"),
    ] {
        types.push((k.to_owned(), l.to_owned()));
    }
    let kind = |key: &str| types.iter().position(|(k, _)| k == key).unwrap_or(0);
    let date_text = |d: Option<chrono::NaiveDate>| d.map(|d| format_date(d, n)).unwrap_or_default();

    let docs: Vec<&Document> = site.documents().collect();
    let docs: HashMap<String, &Document> =
        docs.par_iter().map(|d| (routes::document(d), *d)).collect();
    let prices: HashMap<&str, &ReferencePrice> = site
        .reference_prices
        .iter()
        .map(|r| (r.slug.as_str(), r))
        .collect();
    let datasets: HashMap<&str, &crate::site::Dataset> =
        site.datasets.iter().map(|d| (d.slug.as_str(), d)).collect();

    // A record a disclosure, made on all cores; a document's with its text pending.
    let made: Vec<(Record, Option<&Document>)> = site
        .disclosures()
        .par_iter()
        .filter_map(|d| {
            let record = |key: &str, text: String| Record {
                kind: kind(key),
                title: d.title.clone(),
                url: encode_path(&d.path()),
                date: d.date,
                date_text: date_text(d.date),
                fiscal_year: d.fiscal_year.map(FiscalYear::be),
                text,
                whole: None,
                text_hash: None,
            };
            // A document's record waits for its text; any other's is made whole here.
            let made = match &d.subject {
                Subject::Document(path) => {
                    let doc = *docs.get(path)?;
                    let key = if doc.section == "pages" {
                        PAGES.to_owned()
                    } else {
                        section_key(&doc.section)
                    };
                    return Some((record(&key, String::new()), Some(doc)));
                }
                Subject::ReferencePrice(slug) => {
                    let rp = prices.get(slug.as_str())?;
                    record(REFERENCE_PRICES, reference_price_text(rp, n))
                }
                Subject::Plan(fy) => {
                    let plan = site.plans.get(fy)?;
                    let mut text =
                        vec![n.apply(&format!("จำนวน {} รายการ", plan.data.items.len()))];
                    text.extend(plan.data.summary.clone());
                    if let Some((body, _)) = &plan.body {
                        text.push(plain_text(body));
                    }
                    record(PLANS, text.join(" "))
                }
                Subject::Dataset(slug) => {
                    let ds = datasets.get(slug.as_str())?;
                    record(DATASETS, dataset_text(ds))
                }
                // A month of results: its rows are records of their own.
                Subject::ResultsMonth(..) => record(RESULTS, d.where_on_page.clone()),
                Subject::Measures(fy) => {
                    let intro = site
                        .measures
                        .iter()
                        .find(|m| m.data.fiscal_year.0 == *fy)
                        .and_then(|m| m.data.intro.as_deref())
                        .map(plain_text)
                        .unwrap_or_default();
                    record(MEASURES, intro)
                }
                Subject::Structure => {
                    let p = site.people.as_ref()?;
                    let text: Vec<String> = p
                        .data
                        .political
                        .iter()
                        .chain(&p.data.civil_service)
                        .map(|x| {
                            format!(
                                "{} {} {}",
                                x.name,
                                x.position,
                                x.unit.as_deref().unwrap_or_default()
                            )
                        })
                        .collect();
                    record(PAGES, text.join(" "))
                }
                Subject::Budget(fy) => {
                    let b = site.budgets.get(fy)?;
                    let text: Vec<String> = b
                        .data
                        .appropriations
                        .iter()
                        .map(|a| n.apply(&format!("{} {} บาท", a.plan, a.amount.0.format())))
                        .collect();
                    record(PAGES, text.join(" "))
                }
                Subject::MeasuresReport(_)
                | Subject::Results(_)
                | Subject::Projects(_)
                | Subject::BudgetSpending(_) => return None,
            };
            Some((made, None))
        })
        .collect();
    let mut pending_docs: Vec<(usize, &Document)> = Vec::new();
    let mut out = Vec::with_capacity(made.len());
    for (record, doc) in made {
        if let Some(doc) = doc {
            pending_docs.push((out.len(), doc));
        }
        out.push(record);
    }

    for m in &site.measures {
        let fy = m.data.fiscal_year.0;
        for (i, measure) in m.data.measures.iter().enumerate() {
            let mut text: Vec<String> = measure.methods.clone();
            text.push(format!("ผู้รับผิดชอบ {}", measure.responsible));
            text.extend(measure.follow_up.clone());
            if let Some(r) = &measure.result {
                text.push(r.status.label_th().to_owned());
                text.extend(r.summary.as_deref().map(plain_text));
                text.extend(r.evidence.iter().map(|e| e.title.clone()));
            }
            out.push(Record {
                kind: kind(MEASURES),
                title: measure.title.clone(),
                url: encode_path(&routes::measure(fy, i + 1)),
                date: None,
                date_text: String::new(),
                fiscal_year: Some(fy.be()),
                text: text.join(" "),
                whole: None,
                text_hash: None,
            });
        }
    }

    for plan in site.plans.values() {
        let fy = plan.data.fiscal_year.0;
        let announced = plan.data.announced.map(|d| d.0);
        for (item, id) in plan.data.items.iter().zip(&plan.ids) {
            let mut text = vec![n.apply(&format!("รายการที่ {id}"))];
            text.extend(item.department.clone());
            text.push(n.apply(&format!("งบประมาณ {} บาท", item.budget.0.format())));
            text.push(item.method.label_th().to_owned());
            text.extend(item.budget_source.clone());
            if let Some(m) = item.expected {
                text.push(format!("คาดว่าจะประกาศ {}", format_month_long(m.0, n)));
            }
            if let Some(egp) = &item.egp_project {
                text.push(n.apply(&format!("เลขที่โครงการ e-GP {egp}")));
            }
            out.push(Record {
                kind: kind(PLANS),
                title: item.title.clone(),
                url: encode_path(&routes::plan_item(fy, id)),
                date: announced,
                date_text: date_text(announced),
                fiscal_year: Some(fy.be()),
                text: text.join(" "),
                whole: None,
                text_hash: None,
            });
        }
    }

    for results in site.results.values() {
        let month = results.data.month.0;
        let fy = month.fiscal_year();
        for (i, item) in results.data.items.iter().enumerate() {
            let date = item.contract.as_ref().map(|c| c.date.0);
            out.push(Record {
                kind: kind(RESULTS),
                title: item.title.clone(),
                url: encode_path(&routes::result_row(
                    month,
                    i,
                    site.results_split(month.fiscal_year()),
                )),
                date: Some(date.unwrap_or_else(|| month.last_day())),
                date_text: date_text(Some(date.unwrap_or_else(|| month.last_day()))),
                fiscal_year: Some(fy.be()),
                text: result_text(item, month, n),
                whole: None,
                text_hash: None,
            });
        }
    }
    (
        types,
        Pending {
            records: out,
            docs: pending_docs,
            hashes: OnceLock::new(),
            read: Vec::new(),
        },
    )
}

/// A site path with its fragment, percent-encoded where needed.
fn encode_path(path: &str) -> String {
    match path.split_once('#') {
        Some((p, frag)) => format!("{}#{frag}", encode(p)),
        None => encode(path),
    }
}

/// A section's type key; sections never take the name of another type.
fn section_key(name: &str) -> String {
    if [PAGES, MEASURES, PLANS, REFERENCE_PRICES, RESULTS, DATASETS].contains(&name) {
        format!("section-{name}")
    } else {
        name.to_owned()
    }
}

/// The text of Markdown without markup, tables included.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    push_plain_text(markdown, &mut out);
    out
}

/// [`plain_text`] appended to `out`.
fn push_plain_text(markdown: &str, out: &mut String) {
    use pulldown_cmark::{Event, Options, Parser};
    let mut s = crate::thai::Squeezed::new(out);
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => s.push(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => s.space(),
            _ => {}
        }
    }
}

/// An announcement's text: its parts separated by one space (as a join of them would be), the
/// body without markup.
fn document_text(doc: &Document) -> String {
    let f = &doc.front;
    let body = doc.body();
    let mut text = String::with_capacity(body.len() + 256);
    let mut first = true;
    // The space before a part, unless it is the first.
    let mut next = |text: &mut String| {
        if !std::mem::take(&mut first) {
            text.push(' ');
        }
    };
    if let Some(number) = &f.number {
        next(&mut text);
        text.push_str("เลขที่ ");
        text.push_str(number);
    }
    for p in f.summary.iter() {
        next(&mut text);
        text.push_str(p);
    }
    next(&mut text);
    push_plain_text(&body, &mut text);
    let signed = f
        .signed_by
        .iter()
        .flat_map(|s| std::iter::once(&s.name).chain(&s.position));
    let titles = f.attachments.iter().filter_map(|a| a.title.as_ref());
    for p in signed.chain(titles) {
        next(&mut text);
        text.push_str(p);
    }
    text
}

fn money(m: Money, n: Numerals) -> String {
    n.apply(&format!("{} บาท", m.format()))
}

fn reference_price_text(rp: &ReferencePrice, n: Numerals) -> String {
    let d = &rp.data;
    let mut text = vec![
        d.project.clone(),
        format!("แบบ {} {}", n.apply(d.form.code()), d.form.purpose_th()),
    ];
    text.extend(d.owner.clone());
    text.push(format!("วงเงินงบประมาณ {}", money(d.budget.0, n)));
    text.push(format!(
        "ราคากลาง {} ({})",
        money(d.price.0, n),
        d.price.0.baht_text()
    ));
    text.extend(d.description.clone());
    text.extend(d.breakdown.iter().map(|b| b.item.clone()));
    text.extend(d.sources.iter().cloned());
    for c in &d.committee {
        text.push(c.name.clone());
        text.extend(c.position.clone());
    }
    text.extend(d.summary.clone());
    if let Some((body, _)) = &rp.body {
        text.push(plain_text(body));
    }
    text.join(" ")
}

fn result_text(item: &ResultItem, month: YearMonth, n: Numerals) -> String {
    let mut text = Vec::new();
    if let Some(w) = &item.winner {
        text.push(format!("ผู้ได้รับการคัดเลือก {} {}", w.name, money(w.price.0, n)));
    }
    if let Some(c) = &item.contract {
        text.push(format!(
            "สัญญาเลขที่ {} ลงวันที่ {}",
            n.apply(&c.number),
            format_date(c.date.0, n)
        ));
    }
    text.push(format!("ผลการจัดซื้อจัดจ้างเดือน{}", format_month_long(month, n)));
    text.push(item.method.label_th().to_owned());
    text.push(format!("วงเงิน {}", money(item.budget.0, n)));
    if let Some(p) = item.reference_price {
        text.push(format!("ราคากลาง {}", money(p.0, n)));
    }
    if !item.bids.is_empty() {
        let bids: Vec<String> = item
            .bids
            .iter()
            .map(|b| format!("{} {}", b.bidder, money(b.price.0, n)))
            .collect();
        text.push(format!("ผู้เสนอราคา {}", bids.join(" ")));
    }
    text.extend(item.reason.clone());
    text.join(" ")
}

fn dataset_text(ds: &crate::site::Dataset) -> String {
    let m = &ds.meta;
    let mut text = Vec::new();
    text.extend(m.description.clone());
    text.extend(m.objective.clone());
    text.extend(m.keywords.iter().cloned());
    text.extend(m.source.clone());
    text.extend(m.columns.iter().filter_map(|c| c.title.clone()));
    text.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::document::{AttachmentRef, FrontMatter, Signatory};
    use crate::site::source::Source;
    use proptest::prelude::*;

    /// The parts of a document's text joined by one space, the body's text squeezed alone.
    fn joined(doc: &Document) -> String {
        let f = &doc.front;
        let mut text = Vec::new();
        text.extend(f.number.as_ref().map(|n| format!("เลขที่ {n}")));
        text.extend(f.summary.clone());
        text.push(plain_text(&doc.body()));
        if let Some(s) = &f.signed_by {
            text.push(s.name.clone());
            text.extend(s.position.clone());
        }
        text.extend(f.attachments.iter().filter_map(|a| a.title.clone()));
        text.join(" ")
    }

    /// A site of three announcements (`a`, `b`, `c`) in a fresh folder.
    fn three_announcements() -> (tempfile::TempDir, Site) {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "content/site.yaml",
            "name: เทศบาลตำบลทดสอบ\nbase_url: https://www.example.go.th/\n",
        );
        for name in ["a", "b", "c"] {
            write(
                &format!("content/announcements/{name}.md"),
                &format!("---\ntitle: ประกาศ {name}\ndate: 2566-01-15\n---\nเนื้อหา {name}\n"),
            );
        }
        let options = crate::site::LoadOptions::default();
        let (site, diags) = Site::load(dir.path(), &options);
        assert!(!diags.has_errors(), "{diags:?}");
        (dir, site.unwrap())
    }

    /// The slugs of the documents whose sources were let go: their files removed, the ones
    /// held still have their text.
    fn let_go(dir: &tempfile::TempDir, site: &Site) -> Vec<String> {
        std::fs::remove_dir_all(dir.path().join("content/announcements")).unwrap();
        site.documents()
            .filter(|d| d.source().text.is_empty())
            .map(|d| d.slug.clone())
            .collect()
    }

    #[test]
    fn only_the_texts_read_and_done_with_are_let_go() {
        let (dir, site) = three_announcements();
        let root: Arc<Path> = dir.path().into();
        let (_, mut pending) = pending(&site);
        // Nothing is let go before the texts are read.
        pending.let_go_read(&root, |_| true);
        assert!(site.documents().all(|d| !d.source().text.is_empty()));
        let (records, _) = pending.finish_with(None);
        assert!(records.iter().any(|r| r.text.contains("เนื้อหา b")));
        pending.let_go_read(&root, |d| d.slug != "b");
        assert_eq!(let_go(&dir, &site), ["a", "c"]);
    }

    #[test]
    fn a_text_an_earlier_build_kept_is_not_let_go() {
        let (dir, site) = three_announcements();
        let root: Arc<Path> = dir.path().into();
        let (_, mut first) = pending(&site);
        let (_, parts) = first.finish_with(Some(Texts::default()));
        let kept = Texts::decode(&parts.unwrap().concat()).unwrap();
        let (_, mut second) = pending(&site);
        second.finish_with(Some(kept));
        second.let_go_read(&root, |_| true);
        assert!(let_go(&dir, &site).is_empty());
    }

    proptest! {
        /// Empty parts keep their places, as in a join: the text a document had before its
        /// parts were written straight into one string.
        #[test]
        fn a_document_s_text_is_its_parts_joined(
            number in proptest::option::of("[ ก1/]{0,4}"),
            summary in proptest::option::of("[ ก ]{0,4}"),
            body in "[ ก\n*#]{0,12}",
            signed in proptest::option::of(("[ ก]{0,3}", proptest::option::of("[ ข]{0,3}"))),
            titles in proptest::collection::vec(proptest::option::of("[ ค]{0,3}"), 0..3),
        ) {
            let front = FrontMatter {
                title: "t".into(),
                number,
                summary,
                signed_by: signed.map(|(name, position)| Signatory { name, position }),
                attachments: titles
                    .into_iter()
                    .map(|title| AttachmentRef { file: "files/a.pdf".into(), title })
                    .collect(),
                ..FrontMatter::default()
            };
            let yaml = serde_yaml::to_string(&front).unwrap();
            let source = Source::new("content/announcements/a.md", format!("---\n{yaml}---\n{body}"));
            let doc = Document::load(source, "announcements").unwrap();
            prop_assert_eq!(document_text(&doc), joined(&doc));
        }
    }
}
