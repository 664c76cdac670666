//! ICU's counts of the documents' words, for the vocabulary and the memo.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::runs::Runs;
use super::{Prepared, word_hash};
use crate::search::dict::{Dict, Piece, Scratch};
use crate::search::run::ThaiRun;
use crate::search::vocab::{self, Counts, SiteWords};

/// All documents' counts, and each one's by position: (a hash of the word, how often).
pub(super) type Counted = (Counts, Vec<(usize, Vec<(u64, u32)>)>);

/// ICU's counts of the words of each prepared document, by a hash of the word (the memo's
/// numbers are known once the vocabulary is), and of all of them together. The dictionary's
/// words are counted by number, in tables per thread (all documents', this document's); only
/// the other pieces go through a map.
/// A run met again on a thread is not cut again ([`Runs`]). The word list comes from `dict`
/// only when a document is to be counted.
pub(super) fn count_words<'d>(
    prepared: &[Option<Prepared>],
    splitter: &SiteWords,
    dict: impl FnOnce() -> &'d Dict,
) -> Counted {
    if prepared.iter().all(Option::is_none) {
        return (Counts::default(), Vec::new());
    }
    let dict = dict();
    let hashes: Vec<u64> = (0..dict.len())
        .map(|w| word_hash(dict.word(u32::try_from(w).unwrap_or(u32::MAX))))
        .collect();
    struct Tally<'a> {
        dict: Vec<u64>,
        other: Counts,
        each: Vec<(usize, Vec<(u64, u32)>)>,
        /// The document's count of each dictionary word.
        in_doc: Vec<u32>,
        /// The dictionary words the document has, each once.
        ids: Vec<u32>,
        others: FxHashMap<ThaiRun<'a>, u32>,
        /// An other piece's text.
        text: String,
        scratch: Scratch,
        runs: Runs<'a, Piece<'a>>,
    }
    let tally = || Tally {
        dict: vec![0; dict.len()],
        in_doc: vec![0; dict.len()],
        other: Counts::default(),
        each: Vec::new(),
        ids: Vec::new(),
        others: FxHashMap::default(),
        text: String::new(),
        scratch: Scratch::default(),
        runs: Runs::default(),
    };
    let tallies: Vec<Tally> = prepared
        .par_iter()
        .with_min_len(256)
        .enumerate()
        .filter_map(|(i, p)| p.as_ref().map(|p| (i, p)))
        .fold(tally, |mut t, (i, p)| {
            t.runs.next_document();
            for run in p.title.runs().chain(p.text.runs()) {
                let scratch = &mut t.scratch;
                let pieces = t.runs.cut(run, |run, pieces| {
                    vocab::each_word(dict, scratch, splitter, run, |piece| pieces.push(piece));
                });
                for piece in pieces {
                    match *piece {
                        Piece::Word(w) => {
                            let n = &mut t.in_doc[w as usize];
                            if *n == 0 {
                                t.ids.push(w);
                            }
                            *n += 1;
                        }
                        Piece::Other(o) => *t.others.entry(o).or_default() += 1,
                    }
                }
            }
            t.ids.sort_unstable();
            let mut hashed = Vec::with_capacity(t.others.len() + t.ids.len());
            for &w in &t.ids {
                let n = std::mem::take(&mut t.in_doc[w as usize]);
                t.dict[w as usize] += u64::from(n);
                hashed.push((hashes[w as usize], n));
            }
            for (o, n) in t.others.drain() {
                t.text.clear();
                o.push_to(&mut t.text);
                hashed.push((word_hash(&t.text), n));
                match t.other.words.get_mut(&t.text) {
                    Some(c) => *c += u64::from(n),
                    None => {
                        t.other.words.insert(t.text.clone(), u64::from(n));
                    }
                }
            }
            t.ids.clear();
            t.each.push((i, hashed));
            t
        })
        .collect();
    let mut by_word = vec![0u64; dict.len()];
    let mut total = Counts::default();
    let mut each = Vec::new();
    for t in tallies {
        for (all, n) in by_word.iter_mut().zip(&t.dict) {
            *all += n;
        }
        total = total.merge(t.other);
        each.extend(t.each);
    }
    for (w, n) in by_word.into_iter().enumerate() {
        if n > 0 {
            let w = dict.word(u32::try_from(w).unwrap_or(u32::MAX));
            total.words.insert(w.to_owned(), n);
        }
    }
    (total, each)
}
