//! Builds the static search index: a small manifest, the vocabulary (in the manifest when small,
//! else in shards keyed by hash), the inverted lists in shards of neighbouring keys (a query
//! downloads only the shards of its words), and the documents in small groups (a result page
//! downloads only the groups it shows).
//!
//! ```text
//! search/manifest.json   version, build id, counts, types, fiscal years, each document's
//!                        type and year (two digits a document), one-letter words, the
//!                        vocabulary when small ("words") or its shard count ("vocab"), and
//!                        the first key of each list shard but the first ("bounds")
//! search/v/K.json        {"word": cost | [cost, "atom atom ..."]}  words by their first two letters
//! search/p/K.json        {"term": ["title docs", "other docs"]}     terms and word pairs ("a b"),
//!                        keys of shard K from bounds[K−1] up to bounds[K]
//! search/d/K.json        [[type, title, url, date, fiscal year, text], ...]  documents K·G..K·G+G−1
//! ```
//! Document numbers follow date, newest first, so ties in the ranking show the newest first.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde_json::{Value, json};

use crate::search::codec;
use crate::search::text::{clean, each_piece, normalize, normalize_clean, pieces};
use crate::search::vocab::{self, Counts, SpanKind, Vocab};
use crate::timing::phase;

/// One thing a resident can find.
#[derive(Clone, Debug)]
pub struct Record {
    /// Index into the types of [`Input::types`].
    pub kind: usize,
    pub title: String,
    /// Site path, percent-encoded where needed, possibly with a `#fragment`.
    pub url: String,
    pub date: Option<NaiveDate>,
    /// The date as pages show it.
    pub date_text: String,
    /// Buddhist Era.
    pub fiscal_year: Option<i32>,
    /// Plain text: what is searched besides the title, and where the snippet comes from.
    pub text: String,
}

/// What the index is built from.
pub struct Input {
    /// `(key, Thai label)` of each type, in the order filters show them.
    pub types: Vec<(String, String)>,
    pub records: Vec<Record>,
    /// The site's own words (`search.words` in site.yaml).
    pub words: Vec<String>,
    /// Groups of phrases that mean the same (built-in and `search.synonyms`).
    pub synonyms: Vec<Vec<String>>,
    /// How the site writes numbers, for the fiscal years in filters.
    pub numerals: crate::thai::numerals::Numerals,
}

/// The files of the index, by path under the output folder, and what they hold.
pub struct Built {
    pub files: Vec<(String, String)>,
    pub documents: usize,
    pub terms: usize,
    pub words: usize,
    /// Documents of each type.
    pub types_count: Vec<usize>,
    /// The fiscal years of the documents, newest first.
    pub years: Vec<i32>,
}

/// Each document's terms, in its title and elsewhere.
type DocTerms = (Vec<u64>, Vec<u64>);
/// The inverted lists: for each term, the documents with it in the title and elsewhere.
type Postings = FxHashMap<u64, (Vec<u32>, Vec<u32>)>;

/// Documents tokenized at once while the index is built.
const CHUNK: usize = 2048;
/// Documents per file of `search/d/`.
pub const GROUP: usize = 4;
/// Aimed size of a shard of inverted lists, in bytes.
const POSTINGS_SHARD: usize = 8 * 1024;
/// Largest a shard grows to keep a word's pairs with it, in bytes.
const POSTINGS_SHARD_MAX: usize = 24 * 1024;
/// Aimed size of a shard of the vocabulary, in bytes.
const VOCAB_SHARD: usize = 8 * 1024;
/// Largest vocabulary, in bytes, kept in the manifest rather than in shards.
const VOCAB_INLINE: usize = 32 * 1024;
/// Characters of a document's text kept for snippets.
const SNIPPET_SOURCE: usize = 500;

/// The key of a pair of neighbouring tokens.
pub fn pair(a: &str, b: &str) -> String {
    format!("{a} {b}")
}

/// A token of a document while the index is built: a vocabulary word by number, or other text
/// (numbers, Latin words, letters not in the vocabulary).
enum Tok {
    Word(u32),
    Other(Box<str>),
}

/// Tokens of normalized text: Thai runs split over the vocabulary ([`Vocab::split`], the
/// algorithm queries use) and written as their atoms, other pieces as they are.
fn doc_tokens<'a>(
    vocab: &Vocab,
    atoms: &[Vec<u32>],
    pieces: impl IntoIterator<Item = (&'a str, bool)>,
    out: &mut Vec<Tok>,
) {
    for (text, thai) in pieces {
        if !thai {
            out.push(Tok::Other(text.into()));
            continue;
        }
        let chars: Vec<char> = text.chars().collect();
        let mut unknown = String::new();
        for span in vocab.split(&chars, false, None) {
            match span.kind {
                SpanKind::Word(w) => {
                    if !unknown.is_empty() {
                        out.push(Tok::Other(std::mem::take(&mut unknown).into()));
                    }
                    out.extend(atoms[w as usize].iter().map(|a| Tok::Word(*a)));
                }
                SpanKind::Prefix | SpanKind::Unknown => {
                    unknown.extend(&chars[span.start..span.end])
                }
            }
        }
        if !unknown.is_empty() {
            out.push(Tok::Other(unknown.into()));
        }
    }
}

/// Numbers for every token: the vocabulary's words first, then the other texts met.
struct Interner {
    words: usize,
    others: FxHashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Interner {
    fn id(&mut self, t: Tok) -> u32 {
        match t {
            Tok::Word(w) => w,
            Tok::Other(text) => {
                if let Some(&id) = self.others.get(&text) {
                    return id;
                }
                let id = u32::try_from(self.words + self.names.len()).unwrap_or(u32::MAX);
                self.names.push(text.clone());
                self.others.insert(text, id);
                id
            }
        }
    }

    fn name<'a>(&'a self, vocab: &'a Vocab, id: u32) -> &'a str {
        let id = id as usize;
        if id < self.words {
            &vocab.list()[id]
        } else {
            &self.names[id - self.words]
        }
    }
}

/// A term as a number: a token's own number, or a pair of them above 2^32.
fn pair_key(a: u32, b: u32) -> u64 {
    ((u64::from(a) + 1) << 32) | u64::from(b)
}

/// Phrases that mean the same, as token lists, found by their first token.
struct Synonyms {
    groups: Vec<Vec<Vec<u32>>>,
    by_first: FxHashMap<u32, Vec<(usize, usize)>>,
}

impl Synonyms {
    fn new(groups: Vec<Vec<Vec<u32>>>) -> Self {
        let mut by_first: FxHashMap<u32, Vec<(usize, usize)>> = FxHashMap::default();
        for (g, phrases) in groups.iter().enumerate() {
            for (p, toks) in phrases.iter().enumerate() {
                if let Some(first) = toks.first() {
                    by_first.entry(*first).or_default().push((g, p));
                }
            }
        }
        Self { groups, by_first }
    }

    /// Adds the other phrases of each group whose phrase occurs in `toks`, joined to the
    /// neighbours the way the phrase found was.
    fn expand(&self, toks: &[u32], out: &mut Vec<u64>) {
        for (i, t) in toks.iter().enumerate() {
            let Some(found) = self.by_first.get(t) else {
                continue;
            };
            for &(g, p) in found {
                let phrase = &self.groups[g][p];
                if toks.len() < i + phrase.len() || toks[i..i + phrase.len()] != phrase[..] {
                    continue;
                }
                let before = i.checked_sub(1).map(|k| toks[k]);
                let after = toks.get(i + phrase.len()).copied();
                for (q, other) in self.groups[g].iter().enumerate() {
                    if q == p || other.is_empty() {
                        continue;
                    }
                    add_terms(other, out);
                    if let Some(b) = before {
                        out.push(pair_key(b, other[0]));
                    }
                    if let (Some(a), Some(last)) = (after, other.last()) {
                        out.push(pair_key(*last, a));
                    }
                }
            }
        }
    }
}

/// Each token and each pair of neighbours.
fn add_terms(toks: &[u32], out: &mut Vec<u64>) {
    for (i, &t) in toks.iter().enumerate() {
        out.push(u64::from(t));
        if i > 0 {
            out.push(pair_key(toks[i - 1], t));
        }
    }
}

/// Built-in synonyms: abbreviations of local government and procurement, and the Thai and
/// English names of the electronic procurement methods.
pub fn builtin_synonyms() -> Vec<Vec<String>> {
    [
        &["คสล", "คอนกรีตเสริมเหล็ก"][..],
        &["หจก", "ห้างหุ้นส่วนจำกัด"],
        &["บจก", "บริษัทจำกัด"],
        &["อบต", "องค์การบริหารส่วนตำบล"],
        &["อบจ", "องค์การบริหารส่วนจังหวัด"],
        &["ทต", "เทศบาลตำบล"],
        &["ทม", "เทศบาลเมือง"],
        &["ทน", "เทศบาลนคร"],
        &["ศพด", "ศูนย์พัฒนาเด็กเล็ก"],
        &["ปปช", "คณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ"],
        &["สขร", "สรุปผลการดำเนินการจัดซื้อจัดจ้าง"],
        &["cctv", "กล้องโทรทัศน์วงจรปิด", "กล้องวงจรปิด"],
        &["e-bidding", "ebidding", "ประกวดราคาอิเล็กทรอนิกส์"],
        &["e-market", "emarket", "ตลาดอิเล็กทรอนิกส์"],
    ]
    .iter()
    .map(|g| g.iter().map(|s| (*s).to_owned()).collect())
    .collect()
}

/// The Thai runs of phrases, as words for the vocabulary.
fn thai_words(phrases: impl IntoIterator<Item = impl AsRef<str>>) -> Vec<String> {
    let mut out = Vec::new();
    for p in phrases {
        for piece in pieces(&normalize(p.as_ref())) {
            if piece.thai {
                out.push(piece.text);
            }
        }
    }
    out
}

struct Prepared {
    title: Packed,
    text: Packed,
}

/// The [`pieces`] of a text kept compactly while the index is built (a piece's own `String`
/// costs several times its letters): their texts end to end, and where each ends.
struct Packed {
    text: String,
    ends: Vec<(u32, bool)>,
}

impl Packed {
    /// The pieces of normalized text.
    fn new(normalized: &str) -> Self {
        let mut text = String::with_capacity(normalized.len());
        let mut ends = Vec::new();
        each_piece(normalized, |piece, thai, _| {
            text.push_str(piece);
            ends.push((u32::try_from(text.len()).unwrap_or(u32::MAX), thai));
        });
        Self { text, ends }
    }

    /// Each piece's text and whether it is Thai.
    fn iter(&self) -> impl Iterator<Item = (&str, bool)> {
        let mut start = 0;
        self.ends.iter().map(move |&(end, thai)| {
            let end = end as usize;
            let piece = &self.text[start..end];
            start = end;
            (piece, thai)
        })
    }
}

/// Builds the index files.
pub fn build(input: Input) -> Built {
    build_with(input, VOCAB_INLINE)
}

/// [`build`], with the vocabulary in the manifest when it takes at most `vocab_inline` bytes.
fn build_with(input: Input, vocab_inline: usize) -> Built {
    let mut records = input.records;
    phase("search: clean", || {
        records.par_iter_mut().for_each(|r| {
            r.title = clean(&r.title);
            r.text = clean(&r.text);
        })
    });
    // Newest first; undated after dated, then by type and title, so the numbering is stable.
    records.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then(b.fiscal_year.cmp(&a.fiscal_year))
            .then(a.kind.cmp(&b.kind))
            .then(a.title.cmp(&b.title))
            .then(a.url.cmp(&b.url))
    });
    let prepared: Vec<Prepared> = phase("search: normalize", || {
        records
            .par_iter_mut()
            .map(|r| {
                let prepared = Prepared {
                    title: Packed::new(&normalize_clean(&r.title)),
                    text: Packed::new(&normalize_clean(&r.text)),
                };
                // From here on the text only gives the snippet.
                r.text = snippet_source(&r.text);
                prepared
            })
            .collect()
    });

    // The vocabulary: ICU's words over all the text, the site's words, the synonyms' words.
    let mut synonyms = builtin_synonyms();
    synonyms.extend(input.synonyms.iter().cloned());
    let site_words = thai_words(&input.words);
    let splitter = vocab::SiteWords::new(&site_words);
    let segmenter = vocab::icu_segmenter();
    let counts = phase("search: ICU word segmentation", || {
        prepared
            .par_iter()
            .fold(Counts::default, |mut c, p| {
                for (run, _) in p.title.iter().chain(p.text.iter()).filter(|p| p.1) {
                    c.add_run(&segmenter, &splitter, run);
                }
                c
            })
            .reduce(Counts::default, Counts::merge)
    });
    let rare = thai_words(synonyms.iter().flatten());
    let vocab = phase("search: vocabulary", || {
        vocab::build(&counts, &site_words, &rare)
    });

    // Tokens of each document, numbered.
    let atoms: Vec<Vec<u32>> = vocab
        .list()
        .iter()
        .map(|w| {
            vocab
                .atoms(w)
                .iter()
                .filter_map(|a| vocab.index_of(a))
                .collect()
        })
        .collect();
    let mut interner = Interner {
        words: vocab.list().len(),
        others: FxHashMap::default(),
        names: Vec::new(),
    };
    let synonyms = Synonyms::new(
        synonyms
            .iter()
            .map(|group| {
                group
                    .iter()
                    .map(|phrase| {
                        let mut toks = Vec::new();
                        let pieces = pieces(&normalize(phrase));
                        doc_tokens(
                            &vocab,
                            &atoms,
                            pieces.iter().map(|p| (p.text.as_str(), p.thai)),
                            &mut toks,
                        );
                        toks.into_iter().map(|t| interner.id(t)).collect()
                    })
                    .collect()
            })
            .collect(),
    );

    // Each document's tokens, numbered, then its terms (tokens and neighbouring pairs, title
    // apart from the rest) into the inverted lists: a chunk of documents at a time, so that
    // only the lists grow with the site.
    // Keys are our own numbers: a fast hash, not one that resists chosen keys.
    let mut postings: Postings = FxHashMap::default();
    phase("search: words, terms and lists", || {
        // The lists take the terms of one chunk (on one thread) while the next chunk is split
        // into words (on the others).
        let add = |postings: &mut Postings, (c, terms): (usize, Vec<DocTerms>)| {
            for (k, (title, text)) in terms.iter().enumerate() {
                let id = u32::try_from(c * CHUNK + k).unwrap_or(u32::MAX);
                for t in title {
                    postings.entry(*t).or_default().0.push(id);
                }
                for t in text {
                    postings.entry(*t).or_default().1.push(id);
                }
            }
        };
        let mut pending: Option<(usize, Vec<DocTerms>)> = None;
        for (c, chunk) in prepared.chunks(CHUNK).enumerate() {
            let split = || -> Vec<(Vec<Tok>, Vec<Tok>)> {
                chunk
                    .par_iter()
                    .map(|p| {
                        let mut title = Vec::new();
                        doc_tokens(&vocab, &atoms, p.title.iter(), &mut title);
                        let mut text = Vec::new();
                        doc_tokens(&vocab, &atoms, p.text.iter(), &mut text);
                        (title, text)
                    })
                    .collect()
            };
            let previous = pending.take();
            let (raw, ()) = rayon::join(split, || {
                if let Some(p) = previous {
                    add(&mut postings, p);
                }
            });
            let numbered: Vec<(Vec<u32>, Vec<u32>)> = raw
                .into_iter()
                .map(|(title, text)| {
                    (
                        title.into_iter().map(|t| interner.id(t)).collect(),
                        text.into_iter().map(|t| interner.id(t)).collect(),
                    )
                })
                .collect();
            let terms: Vec<DocTerms> = numbered
                .par_iter()
                .map(|(title_toks, text_toks)| {
                    let mut title = Vec::new();
                    add_terms(title_toks, &mut title);
                    synonyms.expand(title_toks, &mut title);
                    title.sort_unstable();
                    title.dedup();
                    let mut text = Vec::new();
                    add_terms(text_toks, &mut text);
                    synonyms.expand(text_toks, &mut text);
                    text.sort_unstable();
                    text.dedup();
                    text.retain(|t| title.binary_search(t).is_err());
                    (title, text)
                })
                .collect();
            pending = Some((c, terms));
        }
        if let Some(p) = pending {
            add(&mut postings, p);
        }
    });
    drop(prepared);
    let key_text = |k: u64| -> String {
        if k >> 32 == 0 {
            interner.name(&vocab, k as u32).to_owned()
        } else {
            pair(
                interner.name(&vocab, ((k >> 32) - 1) as u32),
                interner.name(&vocab, k as u32),
            )
        }
    };

    let mut files: Vec<(String, String)> = Vec::new();

    // Inverted lists.
    let count = u32::try_from(records.len()).unwrap_or(u32::MAX);
    let mut encoded: Vec<(String, String, String)> = phase("search: encode lists", || {
        postings
            .par_iter()
            .map(|(k, (a, b))| {
                (
                    key_text(*k),
                    codec::encode_list(a, count),
                    codec::encode_list(b, count),
                )
            })
            .collect()
    });
    // Shards of neighbouring keys: a word, its pairs ("word next") and the longer words it
    // starts sort together, so a query reads few shards.
    encoded.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut shards: Vec<BTreeMap<&str, [&str; 2]>> = vec![BTreeMap::new()];
    let mut bounds: Vec<String> = Vec::new();
    let mut size = 0;
    let mut prev: &str = "";
    for (t, a, b) in &encoded {
        // A word's pairs stay with it (up to a limit): a query asks for both.
        let head = |k: &str| k.split(' ').next().unwrap_or_default().len();
        let same_word = t.len() > head(t) && t[..head(t)] == prev[..head(prev)];
        if size >= POSTINGS_SHARD && !(same_word && size < POSTINGS_SHARD_MAX) {
            bounds.push(codec::separator(prev, t));
            shards.push(BTreeMap::new());
            size = 0;
        }
        size += t.len() + a.len() + b.len() + 10;
        shards.last_mut().expect("one shard").insert(t, [a, b]);
        prev = t;
    }
    files.par_extend(
        shards
            .par_iter()
            .enumerate()
            .map(|(k, s)| (format!("p/{k}.json"), json_text(&s))),
    );

    // Vocabulary: one-letter words in the manifest, the others by their first two letters.
    let mut singles: BTreeMap<&str, u32> = BTreeMap::new();
    let mut vocab_entries: Vec<(&str, Value)> = Vec::new();
    for (w, entry) in vocab.iter() {
        if w.chars().count() < 2 {
            singles.insert(w, entry.cost);
        } else if entry.atoms.is_empty() {
            vocab_entries.push((w, json!(entry.cost)));
        } else {
            vocab_entries.push((w, json!([entry.cost, entry.atoms.join(" ")])));
        }
    }
    let total: usize = vocab_entries.iter().map(|(w, _)| w.len() + 12).sum();
    // A small vocabulary travels in the manifest: no query waits for it.
    let vocab_shards = if total <= vocab_inline {
        0
    } else {
        shard_count(total, VOCAB_SHARD)
    };
    let mut vshards: Vec<BTreeMap<&str, &Value>> = vec![BTreeMap::new(); vocab_shards.max(1)];
    for (w, v) in &vocab_entries {
        let k = codec::shard(&codec::vocab_key(w), vocab_shards.max(1) as u32) as usize;
        vshards[k].insert(w, v);
    }
    let inline_words = if vocab_shards == 0 {
        vshards.pop().unwrap_or_default()
    } else {
        for (k, s) in vshards.iter().enumerate() {
            files.push((format!("v/{k}.json"), json_text(&s)));
        }
        BTreeMap::new()
    };

    // Documents.
    let mut years: Vec<i32> = records.iter().filter_map(|r| r.fiscal_year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let n = input.numerals;
    let groups: Vec<(String, String)> = phase("search: documents", || {
        records
            .par_chunks(GROUP)
            .enumerate()
            .map(|(k, group)| {
                let docs: Vec<Value> = group
                    .iter()
                    .map(|r| {
                        json!([
                            r.kind,
                            r.title,
                            r.url,
                            r.date_text,
                            r.fiscal_year
                                .map(|y| n.apply(&y.to_string()))
                                .unwrap_or_default(),
                            snippet_source(&r.text),
                        ])
                    })
                    .collect();
                (format!("d/{k}.json"), json_text(&docs))
            })
            .collect()
    });
    files.extend(groups);

    let mut attrs = String::with_capacity(records.len() * 2);
    let mut types_count = vec![0; input.types.len()];
    for r in &records {
        attrs.push(codec::digit(r.kind));
        attrs.push(codec::digit(
            r.fiscal_year
                .and_then(|y| years.iter().position(|x| *x == y))
                .map_or(63, |p| p.min(62)),
        ));
        if let Some(c) = types_count.get_mut(r.kind) {
            *c += 1;
        }
    }
    let mut build_id: u32 = codec::hash(&attrs);
    for (path, text) in &files {
        build_id = build_id.rotate_left(5) ^ codec::hash(path) ^ codec::hash(text);
    }
    let manifest = json!({
        "version": 2,
        "build": format!("{build_id:08x}"),
        "count": records.len(),
        "types": input.types.iter().map(|(k, l)| json!([k, l])).collect::<Vec<_>>(),
        "years": years.iter().map(|y| json!([y, n.apply(&y.to_string())])).collect::<Vec<_>>(),
        "attrs": attrs,
        "vocab": vocab_shards,
        "words": inline_words,
        "bounds": bounds,
        "group": GROUP,
        "singles": singles,
    });
    files.push(("manifest.json".to_owned(), json_text(&manifest)));

    Built {
        files,
        documents: records.len(),
        terms: postings.len(),
        words: vocab.len(),
        types_count,
        years,
    }
}

fn shard_count(total: usize, target: usize) -> usize {
    total.div_ceil(target).max(1)
}

/// JSON with `<`, `>` and `&` written as escapes: no index file holds markup, even one served or
/// read as HTML by mistake.
fn json_text<T: serde::Serialize>(v: &T) -> String {
    let s = serde_json::to_string(v).unwrap_or_else(|_| "null".into());
    let mut out = String::with_capacity(s.len() + 1);
    for c in s.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out.push('\n');
    out
}

/// The start of a text, cut at a space near [`SNIPPET_SOURCE`] characters.
fn snippet_source(text: &str) -> String {
    let Some((end, _)) = text.char_indices().nth(SNIPPET_SOURCE) else {
        return text.to_owned();
    };
    let cut = text[..end].to_owned();
    match cut.rfind(' ') {
        Some(i) if i > cut.len() / 2 => cut[..i].to_owned(),
        _ => cut,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::search::query::{Engine, Request};

    fn input() -> Input {
        let texts = [
            (
                "ประกาศผู้ชนะการเสนอราคา ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๓",
                "ร้านตัวอย่างพาณิชย์ เป็นผู้ชนะ ราคา ๔๙๘,๐๐๐ บาท",
            ),
            (
                "ราคากลางงานซ่อมแซมถนนลูกรัง",
                "คณะกรรมการกำหนดราคากลาง ถนนลูกรังสายบ้านนา",
            ),
            (
                "มาตรการป้องกันผลประโยชน์ทับซ้อน",
                "เจ้าหน้าที่ต้องไม่มีส่วนได้เสียกับผู้เสนอราคา",
            ),
            (
                "ช่องทางร้องเรียนการทุจริต",
                "ร้องเรียนได้ทางโทรศัพท์ หรือเว็บไซต์ของเทศบาล",
            ),
        ];
        Input {
            types: vec![("announcements".into(), "ประกาศ".into())],
            records: texts
                .iter()
                .enumerate()
                .map(|(i, (title, text))| Record {
                    kind: 0,
                    title: (*title).into(),
                    url: format!("announcements/{i}/"),
                    date: NaiveDate::from_ymd_opt(2023, 1, 1 + i as u32),
                    date_text: String::new(),
                    fiscal_year: Some(2566),
                    text: (*text).into(),
                })
                .collect(),
            words: vec!["ร้านตัวอย่างพาณิชย์".into()],
            synonyms: Vec::new(),
            numerals: crate::thai::numerals::Numerals::default(),
        }
    }

    fn engine(built: Built) -> Engine<impl crate::search::query::Files> {
        let files: HashMap<String, String> = built.files.into_iter().collect();
        Engine::open(move |p: &str| files.get(p).cloned()).expect("the index opens")
    }

    #[test]
    fn a_large_vocabulary_in_shards_finds_what_one_in_the_manifest_finds() {
        let inline = build_with(input(), usize::MAX);
        let sharded = build_with(input(), 0);
        assert!(!inline.files.iter().any(|(p, _)| p.starts_with("v/")));
        assert!(sharded.files.iter().any(|(p, _)| p.starts_with("v/")));
        let (mut a, mut b) = (engine(inline), engine(sharded));
        for q in [
            "ถนนคอนกรีต",
            "ถนน คสล",
            "ราคากลาง",
            "ผลประโยชน์ทับซ้อน",
            "ร้องเรียน",
            "๔๙๘,๐๐๐",
            "ร้านตัวอย่าง",
        ] {
            let request = Request {
                q: q.into(),
                ..Request::default()
            };
            let (x, y) = (a.search(&request), b.search(&request));
            assert!(!x.hits.is_empty(), "{q} finds something");
            assert_eq!(x.hits, y.hits, "{q}");
        }
        assert!(b.fetched.iter().any(|p| p.starts_with("v/")));
        assert!(!a.fetched.iter().any(|p| p.starts_with("v/")));
    }
}
