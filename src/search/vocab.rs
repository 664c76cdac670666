//! The site's vocabulary and the one segmentation both sides use.
//!
//! At build time ICU4X's dictionary word segmentation ([`crate::search::dict`]) reads every run
//! of Thai text; the words it finds, counted, become the vocabulary, each with a cost (rarer words cost
//! more), plus the site's own words from `site.yaml` (cheapest). Then one algorithm, [`Vocab::segment`],
//! splits text into words: the split of least total cost over the vocabulary, unknown letters
//! costing most. The index and the browser run the same algorithm over the same vocabulary (the
//! browser fetches the part of it a query needs), so a query finds the words the index holds
//! whether the resident typed spaces or not.
//!
//! A word that is itself made of smaller words of the vocabulary (`คอนกรีตเสริมเหล็ก`) is indexed
//! as those smaller words, its *atoms*, with the pairs of neighbours: a query for a part of it
//! (`คอนกรีต`) finds it, and a query for all of it finds the parts written apart.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use crate::search::dict::{Dict, Piece, Scratch};
use crate::search::run::ThaiRun;
use crate::search::text::{is_dependent, is_leading_vowel};

mod starts;
use crate::search::trie::{Node, Trie};
use starts::Starts;

/// The cost of one letter that is not part of any word.
pub const UNKNOWN_COST: u32 = 1000;
/// The cost of the last piece of a query when it only starts a word (`คอนกรี`).
pub const PREFIX_COST: u32 = 500;
/// The cost of a word the site lists in `site.yaml`.
pub const SITE_WORD_COST: u32 = 1;
/// The cost of the rarest word found in the text.
pub const MAX_WORD_COST: u32 = 400;
/// The least cost of a word of one letter.
pub const SINGLE_LETTER_COST: u32 = 300;

/// One word of the vocabulary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub cost: u32,
    /// The smaller words it is indexed as; empty when it is indexed as itself.
    pub atoms: Vec<String>,
}

/// A piece of a segmented run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Word(String),
    /// The start of a word (only at the end of a query's run, when allowed).
    Prefix(String),
    Unknown(String),
}

/// Words and their costs, in a trie for the segmentation.
#[derive(Clone, Debug)]
pub struct Vocab {
    words: HashMap<String, Word>,
    nodes: Vec<Node>,
    /// The words in the order inserted: a word's number.
    list: Vec<String>,
    /// The trie laid out for [`Vocab::split`], made when first needed after an insert.
    array: OnceLock<Trie>,
    /// The automaton of [`Vocab::split_text`], made when first needed after an insert.
    starts: OnceLock<Starts>,
}

impl Default for Vocab {
    fn default() -> Self {
        Self {
            words: HashMap::new(),
            nodes: vec![Node::default()],
            list: Vec::new(),
            array: OnceLock::new(),
            starts: OnceLock::new(),
        }
    }
}

/// A piece of a run found by [`Vocab::split`]: its end (in characters), its kind, and for a
/// word its number in [`Vocab::list`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: SpanKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanKind {
    Word(u32),
    Prefix,
    Unknown,
}

impl Vocab {
    pub fn insert(&mut self, word: &str, entry: Word) {
        // Words are numbered by their place in [`Vocab::list`].
        let node = Node::insert(&mut self.nodes, word);
        self.array = OnceLock::new();
        self.starts = OnceLock::new();
        if self.nodes[node].cost.is_none() {
            self.nodes[node].word = u32::try_from(self.list.len()).unwrap_or(u32::MAX);
            self.list.push(word.to_owned());
        }
        self.nodes[node].cost = Some(entry.cost);
        self.words.insert(word.to_owned(), entry);
    }

    /// The words by number.
    pub fn list(&self) -> &[String] {
        &self.list
    }

    pub fn get(&self, word: &str) -> Option<&Word> {
        self.words.get(word)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Word)> {
        self.words.iter()
    }

    fn child(&self, node: usize, c: char) -> Option<usize> {
        let children = &self.nodes[node].children;
        children
            .binary_search_by_key(&c, |&(k, _)| k)
            .ok()
            .map(|i| children[i].1 as usize)
    }

    /// Words that start with `prefix`, cheapest (most frequent) first, then alphabetical.
    pub fn completions(&self, prefix: &str, limit: usize) -> Vec<String> {
        let mut found: Vec<(u32, &String)> = self
            .words
            .iter()
            .filter(|(w, _)| w.starts_with(prefix) && w.as_str() != prefix)
            .map(|(w, e)| (e.cost, w))
            .collect();
        found.sort();
        found
            .into_iter()
            .take(limit)
            .map(|(_, w)| w.clone())
            .collect()
    }

    /// Splits a run of Thai letters into the pieces of least total cost: words of the
    /// vocabulary, unknown letters, and (with `allow_prefix`) a last piece that starts a word.
    /// Ties go to the longer first piece. `skip` is a word not to use (to find a word's atoms).
    pub fn segment_with(&self, run: &str, allow_prefix: bool, skip: Option<&str>) -> Vec<Seg> {
        let chars: Vec<char> = run.chars().collect();
        let skip = skip.and_then(|w| self.index_of(w));
        let mut out: Vec<Seg> = Vec::new();
        for span in self.split(&chars, allow_prefix, skip) {
            let text: String = chars[span.start..span.end].iter().collect();
            match span.kind {
                SpanKind::Word(_) => out.push(Seg::Word(text)),
                SpanKind::Prefix => out.push(Seg::Prefix(text)),
                SpanKind::Unknown => match out.last_mut() {
                    Some(Seg::Unknown(prev)) => prev.push_str(&text),
                    _ => out.push(Seg::Unknown(text)),
                },
            }
        }
        out
    }

    /// The number of a word.
    pub fn index_of(&self, word: &str) -> Option<u32> {
        let mut node = 0usize;
        for c in word.chars() {
            node = self.child(node, c)?;
        }
        self.nodes[node].cost.map(|_| self.nodes[node].word)
    }

    /// The least-cost split of [`Vocab::segment_with`], as spans (unknown letters one span
    /// each). The one implementation of the algorithm, for the index and the queries.
    pub fn split(&self, chars: &[char], allow_prefix: bool, skip: Option<u32>) -> Vec<Span> {
        let mut out = Vec::new();
        self.split_with(
            chars,
            allow_prefix,
            skip,
            &mut SplitScratch::default(),
            &mut out,
        );
        out
    }

    /// [`Vocab::split`] into `out`, with buffers kept from run to run.
    pub fn split_with(
        &self,
        chars: &[char],
        allow_prefix: bool,
        skip: Option<u32>,
        scratch: &mut SplitScratch,
        out: &mut Vec<Span>,
    ) {
        out.clear();
        let n = chars.len();
        if n == 0 {
            return;
        }
        let trie = self.array.get_or_init(|| Trie::new(&self.nodes));
        let SplitScratch { brk, best } = scratch;
        brk.clear();
        // [`breakable`] at each place, read from neighbouring letters without bounds checks.
        brk.push(true);
        brk.extend(
            chars
                .windows(2)
                .map(|w| !is_dependent(w[1]) && !is_leading_vowel(w[0])),
        );
        brk.push(true);
        // best[i] = (cost of chars[i..], the first piece)
        let end = |e: usize| u32::try_from(e).unwrap_or(u32::MAX);
        best.clear();
        best.resize(n + 1, (u32::MAX, end(n), SpanKind::Unknown));
        best[n] = (0, end(n), SpanKind::Unknown);
        // The first place after `i` where a piece may start.
        let mut next = n;
        for i in (0..n).rev() {
            if !brk[i] {
                continue;
            }
            let mut pick = (u32::MAX, end(i), SpanKind::Unknown);
            let mut consider =
                |cost: u32, end: u32, kind: SpanKind| prefer(&mut pick, cost, end, kind);
            let mut node = Some(Trie::ROOT);
            let mut j = i;
            while let Some(nd) = node {
                if j > i && brk[j] && trie.ends_word(nd) {
                    let cost = trie.cost(nd);
                    if skip != Some(trie.word(nd)) && best[j].0 != u32::MAX {
                        consider(
                            cost.saturating_add(best[j].0),
                            end(j),
                            SpanKind::Word(trie.word(nd)),
                        );
                    }
                }
                if j == n {
                    break;
                }
                node = trie.child(nd, chars[j]);
                j += 1;
            }
            // The walk consumed the whole rest of the run: it starts some word.
            if allow_prefix
                && j == n
                && n - i >= 2
                && let Some(nd) = node
                && !trie.ends_word(nd)
            {
                consider(PREFIX_COST, end(n), SpanKind::Prefix);
            }
            consider(
                UNKNOWN_COST.saturating_add(best[next].0),
                end(next),
                SpanKind::Unknown,
            );
            best[i] = pick;
            next = i;
        }
        spans(n, |i| best[i], out);
    }

    /// [`Vocab::split`] of a document's text (no prefix, no word skipped): the same spans,
    /// found with the automaton of the words written backwards (`vocab/starts.rs`), which
    /// reads each letter once where the split's walks read about four.
    pub fn split_text(&self, run: ThaiRun, scratch: &mut SplitScratch, out: &mut Vec<Span>) {
        out.clear();
        let letters = run.bytes();
        let n = letters.len();
        if n == 0 {
            return;
        }
        let starts = self.starts.get_or_init(|| Starts::new(&self.nodes));
        // Both tables kept from the end of the run, place `i` at `n - i`: each place is added
        // as it is read, nothing made ready first.
        let SplitScratch { brk, best } = scratch;
        brk.clear();
        best.clear();
        let end = |e: usize| u32::try_from(e).unwrap_or(u32::MAX);
        brk.push(true);
        best.push((0, end(n), SpanKind::Unknown));
        let mut next = n;
        let mut state = Trie::ROOT;
        for i in (0..n).rev() {
            state = starts.step(state, letters[i]);
            let breakable = run.breakable(i);
            brk.push(breakable);
            if !breakable {
                best.push((u32::MAX, end(n), SpanKind::Unknown));
                continue;
            }
            // The walk's choice: the words (a word before unknown letters of the same cost and
            // end), then the unknown letter.
            let mut pick = (u32::MAX, end(i), SpanKind::Unknown);
            starts.each(state, |s| {
                let j = i + s.len as usize;
                let rest = best[n - j].0;
                if brk[n - j] && rest != u32::MAX {
                    let cost = s.cost.saturating_add(rest);
                    prefer(&mut pick, cost, end(j), SpanKind::Word(s.word));
                }
            });
            let cost = UNKNOWN_COST.saturating_add(best[n - next].0);
            prefer(&mut pick, cost, end(next), SpanKind::Unknown);
            best.push(pick);
            next = i;
        }
        spans(n, |i| best[n - i], out);
    }

    pub fn segment(&self, run: &str, allow_prefix: bool) -> Vec<Seg> {
        self.segment_with(run, allow_prefix, None)
    }

    /// The words a word is indexed as: its atoms, or itself.
    pub fn atoms<'a>(&'a self, word: &'a str) -> Vec<&'a str> {
        match self.words.get(word) {
            Some(w) if !w.atoms.is_empty() => w.atoms.iter().map(String::as_str).collect(),
            _ => vec![word],
        }
    }
}

/// The spans of a least-cost split of `n` letters from its table: `at(i)` is, for a place `i`
/// where a piece starts, (cost of the rest, where the piece ends, its kind).
fn spans(n: usize, at: impl Fn(usize) -> (u32, u32, SpanKind), out: &mut Vec<Span>) {
    let mut i = 0;
    while i < n {
        let (_, end, kind) = at(i);
        let end = end as usize;
        out.push(Span {
            start: i,
            end,
            kind,
        });
        i = end;
    }
}

/// The split's choice at a place: `pick` becomes the piece of cost `cost` ending at `end` when
/// it costs less, or as much and is longer.
fn prefer(pick: &mut (u32, u32, SpanKind), cost: u32, end: u32, kind: SpanKind) {
    if cost < pick.0 || (cost == pick.0 && end > pick.1) {
        *pick = (cost, end, kind);
    }
}

/// The buffers of [`Vocab::split_with`].
#[derive(Default)]
pub struct SplitScratch {
    brk: Vec<bool>,
    best: Vec<(u32, u32, SpanKind)>,
}

/// Counts of the words ICU found, and the site's own words: what [`Vocab`] is built from.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    pub words: rustc_hash::FxHashMap<String, u64>,
}

impl Counts {
    /// Segments a run of Thai letters ([`each_word`]) and counts its words.
    pub fn add_run(&mut self, dict: &Dict, site_words: &SiteWords, run: ThaiRun) {
        let mut other = String::new();
        each_word(dict, &mut Scratch::default(), site_words, run, |p| {
            let w = match p {
                Piece::Word(w) => dict.word(w),
                Piece::Other(t) => {
                    other.clear();
                    t.push_to(&mut other);
                    &other
                }
            };
            match self.words.get_mut(w) {
                Some(n) => *n += 1,
                None => {
                    self.words.insert(w.to_owned(), 1);
                }
            }
        });
    }

    pub fn merge(mut self, other: Counts) -> Counts {
        if self.words.len() < other.words.len() {
            return other.merge(self);
        }
        for (w, n) in other.words {
            *self.words.entry(w).or_default() += n;
        }
        self
    }
}

/// The site's own words, for [`Counts::add_run`]: those of Thai letters (no other is met in a
/// run of them), a byte a letter ([`ThaiRun`]).
#[derive(Clone, Debug, Default)]
pub struct SiteWords {
    words: rustc_hash::FxHashSet<Vec<u8>>,
    /// The letters words start with, a bit each.
    first: u128,
    /// Every longer start of a word, two letters, three, ... the whole word: a place in a run
    /// where the letters so far start none holds none.
    starts: rustc_hash::FxHashSet<Vec<u8>>,
    longest: usize,
}

impl SiteWords {
    pub fn new(words: &[String]) -> Self {
        let mut site = Self::default();
        for w in words {
            let mut letters = Vec::new();
            if !ThaiRun::encode(w, &mut letters) || letters.is_empty() {
                continue;
            }
            site.first |= 1 << letters[0];
            for l in 2..=letters.len() {
                site.starts.insert(letters[..l].to_vec());
            }
            site.longest = site.longest.max(letters.len());
            site.words.insert(letters);
        }
        site
    }
}

/// The words of a run of Thai letters as the vocabulary counts them: the site's words where
/// they occur (longest first), ICU4X's dictionary segmentation ([`Dict::segment`]) for the rest.
/// A piece is a [`Piece::Word`] whenever it is a word of the dictionary.
pub fn each_word<'a>(
    dict: &Dict,
    scratch: &mut Scratch,
    site_words: &SiteWords,
    run: ThaiRun<'a>,
    mut f: impl FnMut(Piece<'a>),
) {
    if site_words.longest == 0 {
        dict.segment(run, scratch, f);
        return;
    }
    let bytes = run.bytes();
    let mut rest = 0;
    let mut i = 0;
    while i < bytes.len() {
        // The longest word from here that ends where a word may end: from a letter a word
        // starts with, the letters read one more at a time while they start a word.
        let found = (site_words.first >> bytes[i] & 1 == 1 && run.breakable(i))
            .then(|| {
                let mut longest = None;
                for l in 2..=site_words.longest.min(bytes.len() - i) {
                    let piece = &bytes[i..i + l];
                    if !site_words.starts.contains(piece) {
                        break;
                    }
                    if run.breakable(i + l) && site_words.words.contains(piece) {
                        longest = Some(l);
                    }
                }
                longest
            })
            .flatten();
        match found {
            Some(l) => {
                dict.segment(run.slice(rest..i), scratch, &mut f);
                let w = run.slice(i..i + l);
                f(dict.find_run(w).map_or(Piece::Other(w), Piece::Word));
                i += l;
                rest = i;
            }
            None => i += 1,
        }
    }
    dict.segment(run.slice(rest..run.len()), scratch, f);
}

/// Builds the vocabulary: the words ICU found with costs from their counts, the site's words
/// (cheapest), `rare` words (the synonyms' words) at the highest cost when not found, and the
/// atoms of every word.
pub fn build(counts: &Counts, site_words: &[String], rare: &[String]) -> Vocab {
    let total: u64 = counts.words.values().sum::<u64>().max(1);
    let mut costs: BTreeMap<String, u32> = BTreeMap::new();
    for (w, &n) in &counts.words {
        let cost = word_cost(total, n);
        // A letter alone is mostly what ICU leaves of a name it does not know.
        let cost = if w.chars().count() == 1 {
            cost.max(SINGLE_LETTER_COST)
        } else {
            cost
        };
        costs.insert(w.clone(), cost);
    }
    for w in rare {
        costs.entry(w.clone()).or_insert(MAX_WORD_COST);
    }
    for w in site_words {
        costs.insert(w.clone(), SITE_WORD_COST);
    }
    let mut plain = Vocab::default();
    for (w, &cost) in &costs {
        plain.insert(
            w,
            Word {
                cost,
                atoms: Vec::new(),
            },
        );
    }
    // Atoms: a word of at least four letters that splits into attested words of two letters
    // or more, each split again the same way.
    let mut memo: HashMap<String, Vec<String>> = HashMap::new();
    let mut vocab = Vocab::default();
    for (w, &cost) in &costs {
        let atoms = atoms_of(&plain, counts, w, &mut memo);
        let atoms = if atoms.len() > 1 { atoms } else { Vec::new() };
        vocab.insert(w, Word { cost, atoms });
    }
    vocab
}

/// A word's cost: a tenth of a bit of the information in meeting it, from its count and the
/// count of all words. The total is taken on a grid of sixteenths of a bit (steps of 4.4 %), so
/// that adding a document changes the costs of its own words only, not of every word a
/// little (which would set each document holding one to be split again, see
/// [`crate::search::words`]).
fn word_cost(total: u64, count: u64) -> u32 {
    #[allow(clippy::cast_precision_loss)]
    let total_bits = ((total.max(1) as f64).log2() * 16.0).ceil() / 16.0;
    #[allow(clippy::cast_precision_loss)]
    let bits = total_bits - (count.max(1) as f64).log2();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let cost = (bits * 10.0).round() as u32 + 2;
    cost.min(MAX_WORD_COST)
}

fn atoms_of(
    plain: &Vocab,
    counts: &Counts,
    word: &str,
    memo: &mut HashMap<String, Vec<String>>,
) -> Vec<String> {
    if let Some(a) = memo.get(word) {
        return a.clone();
    }
    let mut out = vec![word.to_owned()];
    if word.chars().count() >= 4 {
        let segs = plain.segment_with(word, false, Some(word));
        let pieces: Vec<&str> = segs
            .iter()
            .map(|s| match s {
                Seg::Word(w) => w.as_str(),
                Seg::Prefix(_) | Seg::Unknown(_) => "",
            })
            .collect();
        let usable = pieces.len() > 1
            && pieces.iter().all(|p| {
                p.chars().count() >= 2
                    && (counts.words.contains_key(*p)
                        || plain.get(p).is_some_and(|w| w.cost == SITE_WORD_COST))
            });
        if usable {
            out = pieces
                .iter()
                .flat_map(|p| atoms_of(plain, counts, p, memo))
                .collect();
        }
    }
    memo.insert(word.to_owned(), out.clone());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::text::breakable;

    fn vocab(words: &[(&str, u32)]) -> Vocab {
        let mut v = Vocab::default();
        for (w, c) in words {
            v.insert(
                w,
                Word {
                    cost: *c,
                    atoms: Vec::new(),
                },
            );
        }
        v
    }

    fn words(segs: &[Seg]) -> Vec<String> {
        segs.iter()
            .map(|s| match s {
                Seg::Word(w) => w.clone(),
                Seg::Prefix(p) => format!("{p}*"),
                Seg::Unknown(u) => format!("?{u}"),
            })
            .collect()
    }

    #[test]
    fn least_cost_split() {
        let v = vocab(&[("ถนน", 50), ("คอน", 90), ("คอนกรีต", 60), ("กรีต", 200)]);
        assert_eq!(words(&v.segment("ถนนคอนกรีต", false)), ["ถนน", "คอนกรีต"]);
        assert_eq!(words(&v.segment("ถนนคอนกรี", true)), ["ถนน", "คอนกรี*"]);
        assert_eq!(words(&v.segment("ถนนคอนกรี", false)), ["ถนน", "คอน", "?กรี"]);
        assert_eq!(words(&v.segment("ทางถนน", false)), ["?ทาง", "ถนน"]);
    }

    /// The least-cost split of [`Vocab::split`] found by looking every piece up by its text:
    /// what the double array must give.
    fn split_by_lookup(v: &Vocab, chars: &[char], allow_prefix: bool) -> Vec<Span> {
        let n = chars.len();
        let brk: Vec<bool> = (0..=n).map(|i| breakable(chars, i)).collect();
        let text = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
        let mut best: Vec<(u32, usize, SpanKind)> = vec![(u32::MAX, n, SpanKind::Unknown); n + 1];
        best[n] = (0, n, SpanKind::Unknown);
        for i in (0..n).rev().filter(|&i| brk[i]) {
            let mut pick = (u32::MAX, i, SpanKind::Unknown);
            let mut consider = |cost: u32, end: usize, kind: SpanKind| {
                if cost < pick.0 || (cost == pick.0 && end > pick.1) {
                    pick = (cost, end, kind);
                }
            };
            for j in (i + 1..=n).filter(|&j| brk[j] && best[j].0 != u32::MAX) {
                if let Some(w) = v.get(&text(i, j)) {
                    let id = v.index_of(&text(i, j)).unwrap();
                    consider(w.cost.saturating_add(best[j].0), j, SpanKind::Word(id));
                }
            }
            let starts = v.list().iter().any(|w| w.starts_with(&text(i, n)));
            if allow_prefix && n - i >= 2 && starts && v.get(&text(i, n)).is_none() {
                consider(PREFIX_COST, n, SpanKind::Prefix);
            }
            let next = (i + 1..=n).find(|&k| brk[k]).unwrap_or(n);
            consider(
                UNKNOWN_COST.saturating_add(best[next].0),
                next,
                SpanKind::Unknown,
            );
            best[i] = pick;
        }
        let best: Vec<(u32, u32, SpanKind)> =
            best.into_iter().map(|(c, e, k)| (c, e as u32, k)).collect();
        let mut out = Vec::new();
        spans(n, |i| best[i], &mut out);
        out
    }

    /// Thai consonants, vowels and marks, and a Latin letter no Thai run holds.
    const LETTERS: &[char] = &['ก', 'า', 'ร', 'เ', 'ี', '่', 'น', 'ำ', 'ั', 'x'];

    fn word_of(letters: &[usize]) -> String {
        letters
            .iter()
            .map(|&i| LETTERS[i % LETTERS.len()])
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// The double array finds every word the vocabulary has, at every place, and nothing
        /// else: the same split as looking each piece up.
        #[test]
        fn the_trie_splits_as_looking_up_does(
            words in proptest::collection::vec(
                (proptest::collection::vec(0usize..9, 1..6), 1u32..600), 1..60),
            run in proptest::collection::vec(0usize..9, 0..30),
            allow_prefix: bool,
        ) {
            let words: Vec<(String, u32)> =
                words.iter().map(|(l, c)| (word_of(l), *c)).collect();
            let pairs: Vec<(&str, u32)> = words.iter().map(|(w, c)| (w.as_str(), *c)).collect();
            let v = vocab(&pairs);
            let chars: Vec<char> = word_of(&run).chars().collect();
            proptest::prop_assert_eq!(
                v.split(&chars, allow_prefix, None),
                split_by_lookup(&v, &chars, allow_prefix)
            );
        }

        /// The automaton of the reversed words splits a document's text as the walks do,
        /// words with a letter no Thai run holds included.
        #[test]
        fn the_reversed_words_split_as_the_walks_do(
            words in proptest::collection::vec(
                (proptest::collection::vec(0usize..10, 1..7), 1u32..1200), 1..80),
            run in proptest::collection::vec(0usize..9, 0..80),
        ) {
            let words: Vec<(String, u32)> =
                words.iter().map(|(l, c)| (word_of(l), *c)).collect();
            let pairs: Vec<(&str, u32)> = words.iter().map(|(w, c)| (w.as_str(), *c)).collect();
            let v = vocab(&pairs);
            let text = word_of(&run);
            let chars: Vec<char> = text.chars().collect();
            let mut buf = Vec::new();
            let mut out = Vec::new();
            v.split_text(
                crate::search::run::encoded(&text, &mut buf),
                &mut SplitScratch::default(),
                &mut out,
            );
            proptest::prop_assert_eq!(out, v.split(&chars, false, None));
        }
    }

    #[test]
    fn the_trie_of_a_thai_vocabulary_is_dense() {
        // ICU's Thai word list, a vocabulary of real words: few units left empty.
        let dict = crate::search::dict::thai();
        let mut v = Vocab::default();
        for i in 0..dict.len() {
            let word = dict.word(u32::try_from(i).unwrap());
            v.insert(
                word,
                Word {
                    cost: 5,
                    atoms: Vec::new(),
                },
            );
        }
        let trie = Trie::new(&v.nodes);
        assert!(
            trie.units_len() <= v.nodes.len() + v.nodes.len() / 50 + 256,
            "{} units for {} nodes",
            trie.units_len(),
            v.nodes.len()
        );
        for word in ["ถนน", "คอนกรีต", "ประกาศ"] {
            let chars: Vec<char> = word.chars().collect();
            let split = v.split(&chars, false, None);
            assert_eq!(split.len(), 1, "{word}");
            assert_eq!(split[0].kind, SpanKind::Word(v.index_of(word).unwrap()));
        }
    }

    #[test]
    fn words_do_not_start_inside_a_letter() {
        // "กา" must not match inside "เกา".
        let v = vocab(&[("กา", 10)]);
        assert_eq!(words(&v.segment("เกา", false)), ["?เกา"]);
    }

    #[test]
    fn atoms_of_compounds() {
        let mut counts = Counts::default();
        for w in ["คอนกรีต", "เสริม", "เหล็ก", "คอนกรีตเสริมเหล็ก", "ถนน"]
        {
            counts.words.insert(w.to_owned(), 3);
        }
        let v = build(&counts, &[], &[]);
        assert_eq!(v.atoms("คอนกรีตเสริมเหล็ก"), ["คอนกรีต", "เสริม", "เหล็ก"]);
        assert_eq!(v.atoms("ถนน"), ["ถนน"]);
    }

    #[test]
    fn icu_finds_thai_words() {
        let words = |site: &[&str], run: &str| {
            let mut counts = Counts::default();
            let site: Vec<String> = site.iter().map(|w| (*w).to_owned()).collect();
            let mut letters = Vec::new();
            let run = crate::search::run::encoded(run, &mut letters);
            counts.add_run(crate::search::dict::thai(), &SiteWords::new(&site), run);
            let mut found: Vec<String> = counts.words.into_keys().collect();
            found.sort();
            found
        };
        assert_eq!(words(&[], "ร้านตัวอย่างพาณิชย์"), ["ตัวอย่าง", "พาณิชย์", "ร้าน"]);
        // ICU alone cuts the name wrongly (บ้านนา|ยแ|ดง); the site's word fixes it.
        assert!(words(&[], "สายบ้านนายแดง").contains(&"ยแ".to_owned()));
        assert_eq!(words(&["นายแดง"], "สายบ้านนายแดง"), ["นายแดง", "บ้าน", "สาย"]);
    }
}
