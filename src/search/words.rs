//! Each document's words for the index, and what a build keeps of them for the next.
//!
//! ICU4X's counts of each document's words make the vocabulary ([`vocab::build`]); the
//! vocabulary's least-cost split ([`Vocab::split`]) gives each document's tokens. Both are kept
//! per document in a [`Memo`], found by a hash of the document's title and text. The next
//! build counts only the documents it has not seen (the totals are the last ones with the
//! documents gone taken off and the new ones added: the same numbers as counting everything),
//! and splits again only the new documents and those whose text holds a word the vocabulary
//! changed — added, removed, costed or made of other atoms. A least-cost split only looks at
//! the words that occur in its text, so every other document splits as it did. The index is
//! the one a build without the memo makes; `tests::a_kept_memo_builds_the_same_index` keeps it
//! so. The memo also carries the inverted lists made with these words ([`crate::search::lists`]).

use std::borrow::Cow;

use aho_corasick::AhoCorasick;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::search::index::{ReadText, Record, Whole};
use crate::search::letters::Letters;
use crate::search::text::clean_cow;
use crate::search::vocab::{self, Counts, SiteWords, Span, SpanKind, SplitScratch, Vocab};
use crate::timing::phase;
use kept::{kept_tokens, moved_tokens};
use runs::Runs;

/// A token of a document while the index is built: a vocabulary word by number, or other text
/// (numbers, Latin words, letters not in the vocabulary).
#[derive(Clone)]
pub(super) enum Tok {
    Word(u32),
    Other(Box<str>),
}

/// What [`doc_tokens`] keeps from run to run on one thread: the tokens of runs met
/// ([`Runs`]) and buffers.
#[derive(Default)]
pub(super) struct Cutter<'a> {
    runs: Runs<'a, Tok>,
    scratch: SplitScratch,
    spans: Vec<Span>,
}

impl Cutter<'_> {
    /// Called before each document's tokens.
    pub(super) fn next_document(&mut self) {
        self.runs.next_document();
    }
}

/// Tokens of normalized text: Thai runs split over the vocabulary ([`Vocab::split`], the
/// algorithm queries use) and written as their atoms, other pieces as they are.
pub(super) fn doc_tokens<'a>(
    vocab: &Vocab,
    atoms: &[Vec<u32>],
    pieces: impl IntoIterator<Item = Part<'a>>,
    cutter: &mut Cutter<'a>,
    out: &mut Vec<Tok>,
) {
    for part in pieces {
        let run = match part {
            Part::Thai(run) => run,
            Part::Other(text) => {
                out.push(Tok::Other(text.into()));
                continue;
            }
        };
        let Cutter {
            runs,
            scratch,
            spans,
        } = cutter;
        let toks = runs.cut(run, |run, toks| {
            vocab.split_text(run, scratch, spans);
            let mut unknown = String::new();
            for span in spans.iter() {
                match span.kind {
                    SpanKind::Word(w) => {
                        if !unknown.is_empty() {
                            toks.push(Tok::Other(std::mem::take(&mut unknown).into()));
                        }
                        toks.extend(atoms[w as usize].iter().map(|a| Tok::Word(*a)));
                    }
                    SpanKind::Prefix | SpanKind::Unknown => {
                        run.slice(span.start..span.end).push_to(&mut unknown)
                    }
                }
            }
            if !unknown.is_empty() {
                toks.push(Tok::Other(unknown.into()));
            }
        });
        out.extend(toks.iter().cloned());
    }
}

/// A document's tokens, numbered where they are the vocabulary's words (on any thread); the
/// others, `u32::MAX` in their places until then, are numbered by [`Numbered::finish`].
pub(super) struct Numbered {
    ids: Vec<u32>,
    others: Vec<(usize, Box<str>)>,
}

impl Numbered {
    /// The tokens of `toks`, which is left empty (its room kept for the next document).
    pub(super) fn of(toks: &mut Vec<Tok>) -> Self {
        let mut others = Vec::new();
        let ids = toks
            .drain(..)
            .enumerate()
            .map(|(i, t)| match t {
                Tok::Word(w) => w,
                Tok::Other(text) => {
                    others.push((i, text));
                    u32::MAX
                }
            })
            .collect();
        Self { ids, others }
    }

    /// Every token numbered, the others by `interner` in the order they come.
    pub(super) fn finish(self, interner: &mut Interner) -> Vec<u32> {
        let Self { mut ids, others } = self;
        for (i, text) in others {
            ids[i] = interner.other(text);
        }
        ids
    }
}

/// Numbers for every token: the vocabulary's words first, then the other texts met.
pub(super) struct Interner {
    words: usize,
    others: FxHashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Interner {
    pub(super) fn new(words: usize) -> Self {
        Self {
            words,
            others: FxHashMap::default(),
            names: Vec::new(),
        }
    }

    pub(super) fn id(&mut self, t: Tok) -> u32 {
        match t {
            Tok::Word(w) => w,
            Tok::Other(text) => self.other(text),
        }
    }

    fn other(&mut self, text: Box<str>) -> u32 {
        if let Some(&id) = self.others.get(&text) {
            return id;
        }
        let id = u32::try_from(self.words + self.names.len()).unwrap_or(u32::MAX);
        self.names.push(text.clone());
        self.others.insert(text, id);
        id
    }

    /// How many tokens have numbers: ids `0..count()`.
    pub(super) fn count(&self) -> usize {
        self.words + self.names.len()
    }

    pub(super) fn name<'a>(&'a self, vocab: &'a Vocab, id: u32) -> &'a str {
        let id = id as usize;
        if id < self.words {
            &vocab.list()[id]
        } else {
            &self.names[id - self.words]
        }
    }
}

/// What a build keeps of its documents for the next (see the module's documentation).
#[derive(Clone)]
pub struct Memo {
    /// The settings the words were found with (the site's words, the synonyms).
    settings: u128,
    /// Every token's text: the vocabulary's words (numbers below `words`), then the others.
    strings: Vec<Box<str>>,
    words: usize,
    /// Each word's cost and atoms, by number.
    vocab: Vec<(u32, Vec<u32>)>,
    /// ICU's counts of every document together.
    totals: Vec<(u32, u64)>,
    docs: Vec<DocMemo>,
    /// The inverted lists made with these words.
    pub(super) lists: Option<crate::search::lists::Kept>,
}

#[derive(Clone)]
struct DocMemo {
    key: u128,
    /// The title and text were already [`clean`]: their Thai runs are in them as written,
    /// leaving out abbreviations' dots.
    plain: bool,
    /// ICU's counts of its words.
    counts: Vec<(u32, u32)>,
    title: Vec<u32>,
    text: Vec<u32>,
}

/// What the words of the documents depend on besides their texts.
pub(super) fn settings_key(site_words: &[String], rare: &[String]) -> u128 {
    let mut k = crate::cache::Key::new();
    for w in site_words {
        k.part(w.as_bytes());
    }
    k.part(b"rare");
    for w in rare {
        k.part(w.as_bytes());
    }
    k.finish()
}

fn doc_key(r: &Record) -> u128 {
    let text = r.text_hash.unwrap_or_else(|| text_hash(&r.text));
    let mut k = crate::cache::Key::new();
    k.part(r.title.as_bytes()).part(&text.to_le_bytes());
    k.finish()
}

/// The hash of a document's whole text that its key is made from ([`Record::text_hash`]).
pub fn text_hash(text: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(text.as_bytes())
}

/// Puts the whole text in a record that holds only its start.
fn read_whole(r: &mut Record, read: ReadText) {
    if let Some(w) = r.whole.take() {
        r.text = read(w.at);
    }
}

/// How a document gets its tokens.
pub(super) enum Plan {
    /// The memo's tokens of the document (title, text), numbered for this build.
    Keep(Vec<u32>, Vec<u32>),
    Split(Prepared),
}

/// The documents' words, ready to be numbered.
pub(super) struct Words {
    pub vocab: Vocab,
    pub atoms: Vec<Vec<u32>>,
    pub interner: Interner,
    /// By document, in record order.
    pub plans: Vec<Plan>,
    keys: Vec<u128>,
    plain: Vec<bool>,
    counts: Vec<Vec<(u32, u32)>>,
    totals: Vec<(u32, u64)>,
    settings: u128,
}

/// Cleans and sorts `records` (oldest first), finds the vocabulary and how each document gets
/// its tokens, using `memo` where it was made with the same `site_words` and `rare` words.
pub(super) fn find(
    records: &mut Vec<Record>,
    site_words: &[String],
    rare: &[String],
    memo: Option<Memo>,
    read: ReadText,
) -> Words {
    let settings = settings_key(site_words, rare);
    let mut memo = memo.filter(|m| m.settings == settings);
    let by_key: FxHashMap<u128, usize> = memo
        .iter()
        .flat_map(|m| m.docs.iter().enumerate().map(|(i, d)| (d.key, i)))
        .collect();

    // Each document with its key and what the memo has of it.
    let mut docs: Vec<(Record, u128, Option<usize>, bool)> = phase("search: clean", || {
        std::mem::take(records)
            .into_par_iter()
            .map(|mut r| {
                let key = doc_key(&r);
                let kept = by_key.get(&key).copied();
                let plain = match (kept, &memo) {
                    (Some(i), Some(m)) if m.docs[i].plain => true,
                    _ => {
                        // Read whole unless its pieces are made already (and it needs no more).
                        let pieces = r.whole.as_ref().is_some_and(|w| w.pieces.is_some());
                        if kept.is_some() || !pieces {
                            read_whole(&mut r, read);
                        }
                        // Text already clean (nearly all) is neither copied nor compared. The
                        // text of a document to count is cleaned where it is normalized
                        // (`Prepared::cleaning`); the title orders the documents below.
                        let mut plain = true;
                        let text = kept.is_some().then_some(&mut r.text);
                        for t in std::iter::once(&mut r.title).chain(text) {
                            if let Cow::Owned(cleaned) = clean_cow(t) {
                                plain &= cleaned == *t;
                                *t = cleaned;
                            }
                        }
                        plain
                    }
                };
                (r, key, kept, plain)
            })
            .collect()
    });
    // Numbered oldest first, so a new announcement takes the next number and the others keep
    // theirs (their lists and document files stay as they were): the exact reverse of the
    // order results tie in, newest first, undated after dated, then by type and title.
    docs.sort_by(|(a, ..), (b, ..)| {
        a.date
            .cmp(&b.date)
            .then(a.fiscal_year.cmp(&b.fiscal_year))
            .then(b.kind.cmp(&a.kind))
            .then(b.title.cmp(&a.title))
            .then(b.url.cmp(&a.url))
    });

    // ICU's counts of the documents the memo does not have.
    let splitter = SiteWords::new(site_words);
    let mut prepared = phase("search: normalize", || {
        docs.par_iter_mut()
            .map(|(r, _, kept, plain)| {
                // From here on its text only gives the snippet (let go now, not after the
                // counting: the texts of a big site take hundreds of megabytes).
                kept.is_none().then(|| Prepared::cleaning(r, plain))
            })
            .collect::<Vec<Option<Prepared>>>()
    });
    let (fresh_total, fresh) = phase("search: ICU word segmentation", || {
        count::count_words(&prepared, &splitter, crate::search::dict::thai)
    });

    // The totals: the memo's, less the documents gone, plus the new ones.
    let counts = phase("search: counts", || {
        let kept = docs.iter().filter_map(|(_, _, kept, _)| *kept);
        totals(memo.as_ref(), &by_key, kept, fresh_total)
    });
    let vocab = phase("search: vocabulary", || {
        vocab::build(&counts, site_words, rare)
    });
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

    // The memo's documents that hold a word the vocabulary changed are split again.
    let changed = memo
        .as_ref()
        .map(|m| changed_words(m, &vocab))
        .unwrap_or_default();
    crate::timing::note(|| {
        let some: Vec<&str> = changed.iter().take(8).map(|(w, _)| w.as_str()).collect();
        format!(
            "search: {} words changed ({})",
            changed.len(),
            some.join(" ")
        )
    });
    let finder = (!changed.is_empty())
        .then(|| AhoCorasick::new(changed.iter().map(|(w, _)| w)).ok())
        .flatten();
    let cheaper: rustc_hash::FxHashSet<u32> = changed
        .iter()
        .filter(|(_, cheaper)| *cheaper)
        .filter_map(|(w, _)| vocab.index_of(w))
        .collect();
    // Whether a document that holds a changed word splits as it did: when each changed word
    // in its runs is cheaper than it was (or new) and their least-cost splits use none, they
    // are the splits it had (a split using no changed word costs what it did, any other cost
    // more before). Only the runs that hold one are split to know.
    let splits_as_before = |p: &Prepared| -> bool {
        let Some(f) = &finder else {
            return false;
        };
        let mut text = String::new();
        p.title.runs().chain(p.text.runs()).all(|run| {
            text.clear();
            run.push_to(&mut text);
            let mut held = false;
            for m in f.find_overlapping_iter(&text) {
                if !changed[m.pattern().as_usize()].1 {
                    return false;
                }
                held = true;
            }
            !held || {
                let chars: Vec<char> = run.chars().collect();
                vocab
                    .split(&chars, false, None)
                    .iter()
                    .all(|s| !matches!(s.kind, SpanKind::Word(w) if cheaper.contains(&w)))
            }
        })
    };
    // The changed words' letters, to pass over the texts that surely hold none (when few
    // enough that testing them costs less than reading).
    let changed_letters: Option<Vec<Vec<usize>>> = (changed.len() <= LETTERS_MAX)
        .then(|| changed.iter().map(|(w, _)| Letters::of_word(w)).collect());
    let may_hold = |r: &Record| match (&r.whole, &changed_letters) {
        (
            Some(Whole {
                letters: Some(l), ..
            }),
            Some(words),
        ) => words.iter().any(|w| l.may_hold(w)),
        _ => true,
    };
    let mut interner = Interner::new(vocab.list().len());
    let renumber: Vec<u32> = memo
        .as_ref()
        .map(|m| {
            m.strings
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    if i < m.words {
                        vocab.index_of(s).unwrap_or(u32::MAX)
                    } else {
                        interner.other(s.clone())
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    // When this build numbers every token of the memo as the memo did (no word of the
    // vocabulary came or went), a kept document's tokens are the memo's as they are: moved
    // out of it rather than copied (tens of megabytes on a large vocabulary), each to the one
    // document that has it.
    let mut moved = phase("search: words kept, numbering", || {
        moved_tokens(memo.as_mut(), &renumber, &docs)
    });

    let plans: Vec<Plan> = phase("search: words kept", || {
        docs.par_iter_mut()
            .zip(prepared.par_iter_mut())
            .zip(moved.par_iter_mut())
            .map(|(((r, _, kept, plain), p), moved)| {
                let plan = match (kept, p.take()) {
                    // Prepared above, its text cut to the snippet's source there.
                    (_, Some(p)) => return Plan::Split(p),
                    (Some(i), None) => {
                        // Kept when clean as written and holding no changed word, or none
                        // that changes how it splits.
                        let mut prepared = None;
                        let keep = *plain
                            && (changed.is_empty()
                                || finder.as_ref().is_some_and(|f| {
                                    let held = holds(f, &r.title)
                                        || (may_hold(r) && {
                                            read_whole(r, read);
                                            holds(f, &r.text)
                                        });
                                    !held || {
                                        read_whole(r, read);
                                        let p = prepared.insert(Prepared::of(r));
                                        splits_as_before(p)
                                    }
                                }));
                        match keep
                            .then(|| {
                                moved
                                    .take()
                                    .or_else(|| kept_tokens(memo.as_ref(), &renumber, *i))
                            })
                            .flatten()
                        {
                            Some((title, text)) => Plan::Keep(title, text),
                            None => {
                                read_whole(r, read);
                                Plan::Split(prepared.unwrap_or_else(|| Prepared::of(r)))
                            }
                        }
                    }
                    // Not in the memo: cleaned above, so read whole already.
                    (None, None) => Plan::Split(Prepared::of(r)),
                };
                // From here on the text only gives the snippet (which a record holding only
                // the start of its text, kept clean as written, already is).
                if r.whole.take().is_none() {
                    r.text = snippet_source(&r.text);
                }
                plan
            })
            .collect()
    });

    let (doc_counts, totals) = phase("search: counts by document", || {
        let counts_of = |w: &str| vocab.index_of(w).unwrap_or(u32::MAX);
        let by_hash: FxHashMap<u64, u32> = vocab
            .list()
            .iter()
            .enumerate()
            .map(|(i, w)| (word_hash(w), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        // Each document's counts by word number, on all cores: ICU's by the word's hash, or the
        // memo's renumbered.
        let mut hashed: Vec<Option<Vec<(u64, u32)>>> = vec![None; docs.len()];
        for (i, h) in fresh {
            hashed[i] = Some(h);
        }
        let doc_counts: Vec<Vec<(u32, u32)>> = docs
            .par_iter()
            .zip(hashed)
            .map(|((_, _, kept, _), hashed)| {
                if let Some(hashed) = hashed {
                    let mut v: Vec<(u32, u32)> = hashed
                        .iter()
                        .map(|(h, n)| (by_hash.get(h).copied().unwrap_or(u32::MAX), *n))
                        .collect();
                    v.sort_unstable();
                    return v;
                }
                match (kept, &memo) {
                    (Some(i), Some(m)) => m.docs[*i]
                        .counts
                        .iter()
                        .map(|&(w, n)| (renumber[w as usize], n))
                        .collect(),
                    _ => Vec::new(),
                }
            })
            .collect();
        let totals: Vec<(u32, u64)> = counts
            .words
            .iter()
            .map(|(w, n)| (counts_of(w), *n))
            .collect();
        (doc_counts, totals)
    });

    let mut keys = Vec::with_capacity(docs.len());
    let mut plain = Vec::with_capacity(docs.len());
    records.extend(docs.into_iter().map(|(r, key, _, p)| {
        keys.push(key);
        plain.push(p);
        r
    }));
    Words {
        vocab,
        atoms,
        interner,
        plans,
        keys,
        plain,
        counts: doc_counts,
        totals,
        settings,
    }
}

/// The start of a text, cut at a space near [`SNIPPET_SOURCE`] characters.
pub fn snippet_source(text: &str) -> String {
    // Where character SNIPPET_SOURCE starts: each character starts at a byte that does not
    // continue one.
    let mut chars = 0;
    let end = text.bytes().position(|b| {
        let starts = b & 0xC0 != 0x80;
        chars += usize::from(starts);
        starts && chars > SNIPPET_SOURCE
    });
    let Some(end) = end else {
        return text.to_owned();
    };
    let cut = &text[..end];
    match cut.rfind(' ') {
        Some(i) if i > cut.len() / 2 => cut[..i].to_owned(),
        _ => cut.to_owned(),
    }
}

/// Characters of a document's text kept for snippets.
const SNIPPET_SOURCE: usize = 500;

/// A word's hash, to find its number among the vocabulary's.
fn word_hash(w: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(w.as_bytes())
}

/// Most changed words whose letters are tested before texts are read to look for them.
const LETTERS_MAX: usize = 512;

/// Whether `f` finds a word in `text`, the dots of abbreviations left out.
fn holds(f: &AhoCorasick, text: &str) -> bool {
    if text.contains('.') {
        f.is_match(&text.replace('.', ""))
    } else {
        f.is_match(text)
    }
}

/// ICU's counts of every document: the memo's totals less the documents it has that are gone
/// (as often as they are gone), plus the documents it does not have. `by_key` finds the
/// memo's document of a key, `kept` lists those this build has, `fresh` counts the others.
fn totals(
    memo: Option<&Memo>,
    by_key: &FxHashMap<u128, usize>,
    kept: impl Iterator<Item = usize>,
    fresh: Counts,
) -> Counts {
    let Some(m) = memo else {
        return fresh;
    };
    let mut out = Counts::default();
    let mut total: FxHashMap<&str, i64> = m
        .totals
        .iter()
        .map(|&(w, n)| {
            (
                &*m.strings[w as usize],
                i64::try_from(n).unwrap_or(i64::MAX),
            )
        })
        .collect();
    // How many more times each kept document occurs now than then.
    let mut times: FxHashMap<usize, i64> = FxHashMap::default();
    for d in &m.docs {
        *times.entry(by_key[&d.key]).or_default() -= 1;
    }
    for i in kept {
        *times.entry(i).or_default() += 1;
    }
    for (w, n) in &fresh.words {
        *total.entry(w.as_str()).or_default() += i64::try_from(*n).unwrap_or(0);
    }
    for (i, t) in times {
        if t != 0 {
            for &(w, n) in &m.docs[i].counts {
                *total.entry(&m.strings[w as usize]).or_default() += t * i64::from(n);
            }
        }
    }
    for (w, n) in total {
        if n > 0 {
            out.words.insert(w.to_owned(), n.unsigned_abs());
        }
    }
    out
}

/// The words whose entry differs between the memo's vocabulary and `vocab`: added, removed,
/// of another cost or other atoms; each with whether it is new or only cheaper.
fn changed_words(m: &Memo, vocab: &Vocab) -> Vec<(String, bool)> {
    let before: FxHashMap<&str, usize> = m.strings[..m.words]
        .iter()
        .enumerate()
        .map(|(i, s)| (&**s, i))
        .collect();
    let mut out: Vec<(String, bool)> = Vec::new();
    for (w, entry) in vocab.iter() {
        let Some(&i) = before.get(w.as_str()) else {
            out.push((w.clone(), true));
            continue;
        };
        let (cost, atoms) = &m.vocab[i];
        let same_atoms = atoms.len() == entry.atoms.len()
            && atoms
                .iter()
                .zip(&entry.atoms)
                .all(|(a, b)| &*m.strings[*a as usize] == b.as_str());
        if *cost != entry.cost || !same_atoms {
            out.push((w.clone(), same_atoms && entry.cost < *cost));
        }
    }
    for w in before.keys() {
        if vocab.get(w).is_none() {
            out.push(((*w).to_owned(), false));
        }
    }
    out
}

impl Words {
    /// Each document's key, in record order.
    pub(super) fn keys(&self) -> &[u128] {
        &self.keys
    }
}

mod count;
mod kept;
mod memo;
mod pieces;
pub use memo::PendingMemo;
pub use pieces::TextPieces;
pub(super) use pieces::{Packed, Part, Prepared};
pub(super) mod runs;

#[cfg(test)]
mod tests;
