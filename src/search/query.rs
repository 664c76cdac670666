//! The query algorithm over the built index files, exactly as `themes/default/static/search.js`
//! runs it in the browser (the tests run both on the same queries and compare): it reads only
//! the manifest, the vocabulary shards of the query's letters (none when the manifest holds the
//! vocabulary), the shards of its terms (shards of neighbouring keys) and,
//! for the results shown, their document groups.
//!
//! 1. The query is normalized and split like the indexed text ([`crate::search::text`]); pieces
//!    typed apart (with a space) are *chunks*.
//! 2. Each Thai run is segmented over the vocabulary ([`Vocab::segment`]) and each word
//!    replaced by its atoms; the last run of a chunk may end in the start of a word
//!    (`คอนกรี`), which stands for the (at most [`COMPLETIONS`]) most frequent words it starts,
//!    and a last whole word stands for itself and those words (`คอนกรีต` finds
//!    `คอนกรีตเสริมเหล็ก`).
//! 3. A document matches when it holds every token, and every pair of neighbouring tokens of a
//!    chunk as neighbours: `ถนนคอนกรีต` asks for the pair (ถนน, คอนกรีต), which only documents
//!    holding both words have; `ถนน คอนกรีต` asks for the two words anywhere. A token asks for
//!    its own list only when no neighbour is typed with it (`needs`). A word not in the
//!    vocabulary matches nothing.
//! 4. The score is the sum, over the tokens and pairs asked for, of their weight
//!    ([`codec::weight`]), tripled where the title holds them; ties go to the newer document.
//!    Type and fiscal-year filters apply last.
//! 5. When words typed together match no document (the text has them apart), the query runs
//!    again with every word apart, and the outcome says so ([`Outcome::apart`]).
//! 6. When no document holds every word even apart (or a word is not in the site), the
//!    documents holding most of the words (by their letters, at least half) come first, then
//!    by score ([`Outcome::partial`]),
//!    and the outcome names the words the first of them lacks ([`Outcome::missing`]).

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

use crate::search::codec;
use crate::search::index::pair;
use crate::search::text::{Piece, breakable, normalize, pieces};
use crate::search::vocab::{Seg, Vocab, Word};

mod forgive;

/// How many words the start of a word stands for, most frequent first.
pub const COMPLETIONS: usize = 8;
/// The factor of a match in the title.
const TITLE: u32 = 3;

/// Reads a file of the index, by path under `search/` (`manifest.json`, `p/3.json`).
pub trait Files {
    fn read(&self, path: &str) -> Option<String>;
}

impl<F: Fn(&str) -> Option<String>> Files for F {
    fn read(&self, path: &str) -> Option<String> {
        self(path)
    }
}

/// A query as the URL holds it.
#[derive(Clone, Debug, Default)]
pub struct Request {
    pub q: String,
    /// A type key (`announcements`, `results`...).
    pub kind: Option<String>,
    /// A fiscal year, Buddhist Era.
    pub fiscal_year: Option<i32>,
}

/// One token of a query, or a word start and the words it stands for (each as its atoms).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unit {
    Term(String),
    Prefix(String, Vec<Vec<String>>),
    Unknown(String),
}

impl Unit {
    /// The text the unit was read from (normalized).
    fn text(&self) -> &str {
        match self {
            Unit::Term(t) | Unit::Prefix(t, _) | Unit::Unknown(t) => t,
        }
    }
}

/// What a query found.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// Document numbers, best first, with their scores.
    pub hits: Vec<(u32, u32)>,
    /// The query as understood: units by chunk.
    pub chunks: Vec<Vec<Unit>>,
    /// Words of the query that the site does not have.
    pub unknown: Vec<String>,
    /// Matches of each type (with the year filter) and of each year (with the type filter).
    pub type_counts: Vec<usize>,
    pub year_counts: Vec<usize>,
    /// Documents holding the words, whatever the filters.
    pub matched: usize,
    /// The words run apart, when those typed together were nowhere together.
    pub apart: Option<String>,
    /// No document holds every word: these hold some, those with most first.
    pub partial: bool,
    /// With `partial`, the words the first result lacks.
    pub missing: Vec<String>,
}

/// A document as the result list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    pub kind: String,
    pub title: String,
    pub url: String,
    pub date: String,
    pub fiscal_year: String,
    pub text: String,
}

/// The index, read as far as queries needed.
pub struct Engine<F: Files> {
    files: F,
    manifest: Value,
    count: u32,
    types: Vec<String>,
    years: Vec<i32>,
    attrs: Vec<(usize, usize)>,
    vocab_shards: u32,
    /// Where each shard of lists but the first begins.
    bounds: Vec<String>,
    vocab: Vocab,
    vocab_loaded: BTreeSet<u32>,
    postings: HashMap<u32, Value>,
    /// Files read so far, for measuring what a query downloads.
    pub fetched: Vec<String>,
}

impl<F: Files> Engine<F> {
    pub fn open(files: F) -> Option<Self> {
        let manifest: Value = serde_json::from_str(&files.read("manifest.json")?).ok()?;
        if manifest["version"].as_u64() != Some(crate::search::index::FORMAT) {
            return None;
        }
        let count = u32::try_from(manifest["count"].as_u64()?).ok()?;
        let types = manifest["types"]
            .as_array()?
            .iter()
            .filter_map(|t| t[0].as_str().map(str::to_owned))
            .collect();
        let years = manifest["years"]
            .as_array()?
            .iter()
            .filter_map(|y| y[0].as_i64().and_then(|y| i32::try_from(y).ok()))
            .collect();
        let attr_chars: Vec<char> = manifest["attrs"].as_str()?.chars().collect();
        let attrs = attr_chars
            .chunks(2)
            .map(|c| (codec::undigit(c[0]), codec::undigit(c[1])))
            .collect();
        let mut vocab = Vocab::default();
        for (w, cost) in manifest["singles"].as_object()? {
            vocab.insert(
                w,
                Word {
                    cost: cost_of(cost),
                    atoms: Vec::new(),
                },
            );
        }
        if let Some(words) = manifest["words"].as_object() {
            for (w, v) in words {
                vocab.insert(w, word_of(v));
            }
        }
        let bounds = manifest["bounds"]
            .as_array()?
            .iter()
            .filter_map(|b| b.as_str().map(str::to_owned))
            .collect();
        Some(Self {
            vocab_shards: u32::try_from(manifest["vocab"].as_u64()?).ok()?,
            bounds,
            files,
            manifest,
            count,
            types,
            years,
            attrs,
            vocab,
            vocab_loaded: BTreeSet::new(),
            postings: HashMap::new(),
            fetched: vec!["manifest.json".to_owned()],
        })
    }

    pub fn count(&self) -> u32 {
        self.count
    }

    fn read_json(&mut self, path: &str) -> Value {
        self.fetched.push(path.to_owned());
        self.files
            .read(path)
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null)
    }

    /// Loads the vocabulary shards holding the words that may start anywhere in `run`.
    fn load_vocab(&mut self, run: &str) {
        if self.vocab_shards == 0 {
            return;
        }
        let chars: Vec<char> = run.chars().collect();
        let mut wanted = BTreeSet::new();
        for i in 0..chars.len().saturating_sub(1) {
            if breakable(&chars, i) {
                let key: String = chars[i..i + 2].iter().collect();
                wanted.insert(codec::shard(&key, self.vocab_shards));
            }
        }
        for k in wanted {
            if self.vocab_loaded.insert(k) {
                let shard = self.read_json(&format!("v/{k}.json"));
                if let Some(words) = shard.as_object() {
                    for (w, v) in words {
                        self.vocab.insert(w, word_of(v));
                    }
                }
            }
        }
    }

    /// Splits a query into chunks of units.
    pub fn parse(&mut self, q: &str) -> Vec<Vec<Unit>> {
        let mut chunks: Vec<Vec<Piece>> = Vec::new();
        for p in pieces(&normalize(q)) {
            if p.spaced || chunks.is_empty() {
                chunks.push(Vec::new());
            }
            if let Some(c) = chunks.last_mut() {
                c.push(p);
            }
        }
        let mut out = Vec::new();
        for chunk in chunks {
            let mut units = Vec::new();
            let last = chunk.len().saturating_sub(1);
            for (i, piece) in chunk.iter().enumerate() {
                if !piece.thai {
                    units.push(Unit::Term(piece.text.clone()));
                    continue;
                }
                self.load_vocab(&piece.text);
                let segs = self.vocab.segment(&piece.text, i == last);
                let count = segs.len();
                for (k, seg) in segs.into_iter().enumerate() {
                    match seg {
                        // The last word typed also stands for the words it starts.
                        Seg::Word(w) if i == last && k + 1 == count && w.chars().count() > 1 => {
                            let longer = self.vocab.completions(&w, COMPLETIONS);
                            let atoms: Vec<String> = self
                                .vocab
                                .atoms(&w)
                                .into_iter()
                                .map(str::to_owned)
                                .collect();
                            if longer.is_empty() {
                                units.extend(atoms.into_iter().map(Unit::Term));
                            } else {
                                let mut alts = vec![atoms];
                                alts.extend(longer.iter().map(|l| {
                                    self.vocab.atoms(l).into_iter().map(str::to_owned).collect()
                                }));
                                units.push(Unit::Prefix(w, alts));
                            }
                        }
                        Seg::Word(w) => units.extend(
                            self.vocab
                                .atoms(&w)
                                .into_iter()
                                .map(|a| Unit::Term(a.to_owned())),
                        ),
                        Seg::Prefix(p) => {
                            let alts = self
                                .vocab
                                .completions(&p, COMPLETIONS)
                                .iter()
                                .map(|w| {
                                    self.vocab.atoms(w).into_iter().map(str::to_owned).collect()
                                })
                                .collect();
                            units.push(Unit::Prefix(p, alts));
                        }
                        Seg::Unknown(u) => units.push(Unit::Unknown(u)),
                    }
                }
            }
            out.push(units);
        }
        out
    }

    /// The title list and the other list of a term or pair.
    fn lists(&mut self, key: &str) -> (Vec<u32>, Vec<u32>) {
        let k = codec::range_shard(key, &self.bounds);
        if !self.postings.contains_key(&k) {
            let shard = self.read_json(&codec::list_shard_path(k as usize, &self.bounds));
            self.postings.insert(k, shard);
        }
        match self.postings.get(&k).and_then(|s| s.get(key)) {
            Some(v) => (
                codec::decode_list(v[0].as_str().unwrap_or_default(), self.count),
                codec::decode_list(v[1].as_str().unwrap_or_default(), self.count),
            ),
            None => (Vec::new(), Vec::new()),
        }
    }

    /// Runs a query. When words typed together are nowhere together (`ซ่อมรถขยะ` where the
    /// text says ซ่อมแซมรถบรรทุกขยะ), it runs them again as if typed apart, and says so. When no
    /// document holds every word even so, it shows those holding most of them
    /// ([`Outcome::partial`]) and which words the best of them lack ([`Outcome::missing`]).
    pub fn search(&mut self, request: &Request) -> Outcome {
        let outcome = self.search_as_typed(&request.q, request);
        if outcome.matched > 0 {
            return outcome;
        }
        let words: Vec<&Unit> = outcome.chunks.iter().flatten().collect();
        let apart = words.iter().map(|u| u.text()).collect::<Vec<_>>().join(" ");
        let together = outcome.chunks.iter().any(|c| c.len() > 1);
        if outcome.unknown.is_empty() && together {
            let wider = self.search_as_typed(&apart, request);
            if wider.matched > 0 {
                return Outcome {
                    apart: Some(apart),
                    ..wider
                };
            }
        }
        if words.len() > 1 {
            let chunks = outcome.chunks.clone();
            let partial = self.search_partial(chunks, outcome.unknown.clone(), request);
            if partial.matched > 0 {
                return partial;
            }
        }
        outcome
    }

    /// One requirement met by any of `alts` (keys a document must all hold): its documents,
    /// and those holding the first key of an alternative in the title.
    fn any_of(&mut self, alts: Vec<Vec<String>>) -> (Vec<u32>, Vec<u32>) {
        let mut all = Vec::new();
        let mut title_all = Vec::new();
        for keys in alts {
            let mut docs: Option<Vec<u32>> = None;
            for key in &keys {
                let (title, other) = self.lists(key);
                let d = union(&title, &other);
                docs = Some(match docs {
                    None => d,
                    Some(x) => intersect(&x, &d),
                });
            }
            let docs = docs.unwrap_or_default();
            if let Some(first) = keys.first() {
                let (title, _) = self.lists(first);
                title_all = union(&title_all, &intersect(&title, &docs));
            }
            all = union(&all, &docs);
        }
        (all, title_all)
    }

    /// The positions of the type and year a request filters by.
    fn filters(&self, request: &Request) -> (Option<usize>, Option<usize>) {
        let kind = request
            .kind
            .as_deref()
            .and_then(|k| self.types.iter().position(|t| t == k));
        let year = request
            .fiscal_year
            .and_then(|y| self.years.iter().position(|x| *x == y));
        (kind, year)
    }

    /// Counts document `d` under the filters it passes, and whether it passes both.
    fn keep(
        &self,
        d: u32,
        kind: Option<usize>,
        year: Option<usize>,
        type_counts: &mut [usize],
        year_counts: &mut [usize],
    ) -> bool {
        let (t, y) = self.attrs.get(d as usize).copied().unwrap_or((63, 63));
        let type_ok = kind.is_none_or(|k| k == t);
        let year_ok = year.is_none_or(|k| k == y);
        if year_ok && let Some(c) = type_counts.get_mut(t) {
            *c += 1;
        }
        if type_ok && let Some(c) = year_counts.get_mut(y) {
            *c += 1;
        }
        type_ok && year_ok
    }

    /// Runs the query `q` as typed, with the filters of `request`.
    fn search_as_typed(&mut self, q: &str, request: &Request) -> Outcome {
        let chunks = self.parse(q);
        let unknown: Vec<String> = chunks
            .iter()
            .flatten()
            .filter_map(|u| match u {
                Unit::Unknown(w) => Some(w.clone()),
                _ => None,
            })
            .collect();
        let (kind, year) = self.filters(request);
        let n = self.count;
        // Each requirement: the documents meeting it, those with it in the title.
        let mut reqs: Vec<(Vec<u32>, Vec<u32>)> = Vec::new();
        let mut seen = BTreeSet::new();
        let mut matched: Option<Vec<u32>> = None;
        let any_units = chunks.iter().any(|c| !c.is_empty());
        if unknown.is_empty() {
            for chunk in &chunks {
                for i in 0..chunk.len() {
                    match needs(chunk, i) {
                        Need::Each(keys) => {
                            for key in keys {
                                if seen.insert(key.clone()) {
                                    let (title, other) = self.lists(&key);
                                    reqs.push((union(&title, &other), title));
                                }
                            }
                        }
                        Need::Any(alts) => {
                            let req = self.any_of(alts);
                            reqs.push(req);
                        }
                    }
                }
            }
            for (docs, _) in &reqs {
                matched = Some(match matched {
                    None => docs.clone(),
                    Some(m) => intersect(&m, docs),
                });
            }
        }
        let matched_count = matched.as_ref().map_or(0, Vec::len);
        let candidates: Vec<u32> = match matched {
            Some(m) => m,
            None if !any_units && (kind.is_some() || year.is_some()) => (0..n).collect(),
            None => Vec::new(),
        };
        let mut type_counts = vec![0; self.types.len()];
        let mut year_counts = vec![0; self.years.len()];
        let mut hits = Vec::new();
        for &d in &candidates {
            if !self.keep(d, kind, year, &mut type_counts, &mut year_counts) {
                continue;
            }
            let mut score = 0u32;
            for (docs, title) in &reqs {
                let w = codec::weight(n, u32::try_from(docs.len()).unwrap_or(u32::MAX));
                score += if title.binary_search(&d).is_ok() {
                    w * TITLE
                } else {
                    w
                };
            }
            hits.push((d, score));
        }
        hits.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        Outcome {
            hits,
            chunks,
            unknown,
            type_counts,
            year_counts,
            matched: matched_count,
            apart: None,
            partial: false,
            missing: Vec::new(),
        }
    }

    /// The documents `ids` as the result list shows them.
    pub fn docs(&mut self, ids: &[u32]) -> Vec<Doc> {
        let group = self.manifest["group"].as_u64().unwrap_or(4).max(1);
        let mut groups: HashMap<u64, Value> = HashMap::new();
        let mut out = Vec::new();
        for &id in ids {
            let g = u64::from(id) / group;
            if let std::collections::hash_map::Entry::Vacant(e) = groups.entry(g) {
                e.insert(self.read_json(&format!("d/{g}.json")));
            }
            let Some(d) = groups
                .get(&g)
                .and_then(|v| v.get((u64::from(id) % group) as usize))
            else {
                continue;
            };
            let s = |i: usize| d[i].as_str().unwrap_or_default().to_owned();
            let kind = d[0]
                .as_u64()
                .and_then(|k| self.types.get(k as usize))
                .cloned()
                .unwrap_or_default();
            out.push(Doc {
                kind,
                title: s(1),
                url: s(2),
                date: s(3),
                fiscal_year: s(4),
                text: s(5),
            });
        }
        out
    }
}

/// A vocabulary entry as the index writes it: `cost` or `[cost, "atom atom ..."]`.
/// The lists a unit of a chunk asks for.
enum Need {
    /// Keys each a requirement of its own.
    Each(Vec<String>),
    /// Alternatives, each keys that a document must all hold: one requirement.
    Any(Vec<Vec<String>>),
}

/// What unit `i` of `chunk` asks for. Neighbours typed together must be neighbours in the
/// document, so a token next to another asks only for their pair (which holds both tokens:
/// the document set is the same and the pair's list is shorter, and sorts with the first
/// token, which spares a shard); a token alone asks for itself.
fn needs(chunk: &[Unit], i: usize) -> Need {
    let prev = i.checked_sub(1).and_then(|p| match &chunk[p] {
        Unit::Term(t) => Some(t.as_str()),
        _ => None,
    });
    let linked_next = matches!(chunk.get(i + 1), Some(Unit::Term(_) | Unit::Prefix(..)));
    match &chunk[i] {
        Unit::Term(t) => Need::Each(match prev {
            Some(p) => vec![pair(p, t)],
            None if linked_next => Vec::new(),
            None => vec![t.clone()],
        }),
        Unit::Prefix(_, alts) => Need::Any(
            alts.iter()
                // A word that begins with another alternative's atoms (คอนกรีต เสริม เหล็ก
                // after คอนกรีต) finds nothing that one does not: its lists are not needed.
                .filter(|alt| {
                    !alts
                        .iter()
                        .any(|o| !o.is_empty() && o.len() < alt.len() && alt.starts_with(o))
                })
                .map(|alt| {
                    let mut keys = Vec::new();
                    match (prev, alt.first()) {
                        (Some(p), Some(a)) => keys.push(pair(p, a)),
                        (None, Some(a)) if alt.len() == 1 => keys.push(a.clone()),
                        _ => {}
                    }
                    keys.extend(alt.windows(2).map(|w| pair(&w[0], &w[1])));
                    keys
                })
                .collect(),
        ),
        Unit::Unknown(_) => Need::Each(Vec::new()),
    }
}

fn word_of(v: &Value) -> Word {
    match v {
        Value::Array(a) => Word {
            cost: cost_of(&a[0]),
            atoms: a[1]
                .as_str()
                .unwrap_or_default()
                .split(' ')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        },
        other => Word {
            cost: cost_of(other),
            atoms: Vec::new(),
        },
    }
}

fn cost_of(v: &Value) -> u32 {
    v.as_u64()
        .and_then(|c| u32::try_from(c).ok())
        .unwrap_or(crate::search::vocab::MAX_WORD_COST)
}

/// Both sorted lists merged, without repeats.
fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let x = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x < y => {
                i += 1;
                x
            }
            (Some(&x), Some(&y)) if y < x => {
                j += 1;
                y
            }
            (Some(&x), Some(_)) => {
                i += 1;
                j += 1;
                x
            }
            (Some(&x), None) => {
                i += 1;
                x
            }
            (None, Some(&y)) => {
                j += 1;
                y
            }
            (None, None) => break,
        };
        out.push(x);
    }
    out
}

/// The numbers in both sorted lists.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Opens the index in a built site's folder (`public/search/`).
pub fn open_dir(dir: &std::path::Path) -> Option<Engine<impl Files + use<>>> {
    let dir = dir.to_path_buf();
    Engine::open(move |p: &str| std::fs::read_to_string(dir.join(p)).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(t: &str) -> Unit {
        Unit::Term(t.to_owned())
    }

    fn words(alts: &[&[&str]]) -> Vec<Vec<String>> {
        alts.iter()
            .map(|a| a.iter().map(|s| (*s).to_owned()).collect())
            .collect()
    }

    /// The keys asked for, as alternatives (one alternative for `Need::Each`).
    fn asked(need: Need) -> Vec<Vec<String>> {
        match need {
            Need::Each(keys) => vec![keys],
            Need::Any(alts) => alts,
        }
    }

    #[test]
    fn a_token_alone_asks_for_itself_and_neighbours_for_their_pair() {
        assert_eq!(asked(needs(&[term("สินบน")], 0)), words(&[&["สินบน"]]));
        let chunk = [term("ราคา"), term("กลาง")];
        assert_eq!(asked(needs(&chunk, 0)), words(&[&[]]));
        assert_eq!(asked(needs(&chunk, 1)), words(&[&["ราคา กลาง"]]));
        // A token before a word it cannot pair with (not in the vocabulary) asks for itself.
        let chunk = [term("ถนน"), Unit::Unknown("ฮฮฮ".to_owned())];
        assert_eq!(asked(needs(&chunk, 0)), words(&[&["ถนน"]]));
    }

    #[test]
    fn a_word_that_begins_with_another_alternative_asks_for_nothing_more() {
        let prefix = Unit::Prefix(
            "คอนกรีต".to_owned(),
            words(&[&["คอนกรีต"], &["คอนกรีต", "เสริม", "เหล็ก"], &["คอนกรีตบล็อก"]]),
        );
        // After ถนน: the pair with ถนน; คอนกรีตเสริมเหล็ก is found by it already.
        let chunk = [term("ถนน"), prefix.clone()];
        assert_eq!(
            asked(needs(&chunk, 1)),
            words(&[&["ถนน คอนกรีต"], &["ถนน คอนกรีตบล็อก"]])
        );
        // Alone: the word itself, and a longer word of several atoms by its pairs.
        let prefix = Unit::Prefix(
            "ทา".to_owned(),
            words(&[&["ทาง"], &["ทาง", "การ"], &["ทา", "สี"]]),
        );
        assert_eq!(asked(needs(&[prefix], 0)), words(&[&["ทาง"], &["ทา สี"]]));
    }
}
