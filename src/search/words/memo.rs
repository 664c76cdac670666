//! The memo: made from a build's words, as bytes for the build cache, and read back.

use super::{DocMemo, Memo, Words};
use crate::search::bytes::{Bytes, Reader};
use crate::search::lists::Kept;

/// What a build's [`Memo`] is made of, made into one ([`PendingMemo::made`]) where that holds
/// up nothing: on the thread that writes it while the build goes on.
pub struct PendingMemo {
    words: Words,
    /// Each document's tokens (title, text), as numbered in this build.
    tokens: Vec<(Vec<u32>, Vec<u32>)>,
    lists: Kept,
}

impl PendingMemo {
    pub(in crate::search) fn new(
        words: Words,
        tokens: Vec<(Vec<u32>, Vec<u32>)>,
        lists: Kept,
    ) -> Self {
        PendingMemo {
            words,
            tokens,
            lists,
        }
    }

    /// The memo, on the calling thread (none from the thread pool).
    pub fn made(self) -> Memo {
        let mut memo = self.words.memo(self.tokens);
        memo.lists = Some(self.lists);
        memo
    }
}

impl Words {
    /// The memo of this build, given each document's tokens as numbered.
    fn memo(self, mut tokens: Vec<(Vec<u32>, Vec<u32>)>) -> Memo {
        let mut strings: Vec<Box<str>> = self
            .vocab
            .list()
            .iter()
            .map(|w| w.as_str().into())
            .collect();
        // Only the other texts some document still has (the last memo's are all numbered
        // in this build), renumbered in order.
        let words = strings.len();
        let mut renumber = vec![u32::MAX; self.interner.names.len()];
        for t in tokens.iter().flat_map(|(a, b)| a.iter().chain(b)) {
            if let Some(slot) = (*t as usize)
                .checked_sub(words)
                .and_then(|k| renumber.get_mut(k))
            {
                *slot = 0;
            }
        }
        for (k, slot) in renumber.iter_mut().enumerate() {
            if *slot == 0 {
                *slot = u32::try_from(strings.len()).unwrap_or(u32::MAX);
                strings.push(self.interner.names[k].clone());
            }
        }
        for (a, b) in &mut tokens {
            for t in a.iter_mut().chain(b.iter_mut()) {
                if let Some(&n) = (*t as usize)
                    .checked_sub(words)
                    .and_then(|k| renumber.get(k))
                {
                    *t = n;
                }
            }
        }
        // A word's atoms as numbers are in `atoms` already; one that is indexed as itself
        // has none.
        let vocab = self
            .vocab
            .list()
            .iter()
            .zip(&self.atoms)
            .enumerate()
            .map(|(i, (w, atoms))| {
                let cost = self.vocab.get(w).map_or(0, |e| e.cost);
                let own = atoms.len() == 1 && atoms[0] as usize == i;
                (cost, if own { Vec::new() } else { atoms.clone() })
            })
            .collect();
        let docs = tokens
            .into_iter()
            .zip(self.keys)
            .zip(self.plain)
            .zip(self.counts)
            .map(|((((title, text), key), plain), counts)| DocMemo {
                key,
                plain,
                counts,
                title,
                text,
            })
            .collect();
        Memo {
            settings: self.settings,
            strings,
            words: self.vocab.list().len(),
            vocab,
            totals: self.totals,
            docs,
            lists: None,
        }
    }
}

/// Documents to a piece of the memo's bytes while they are written.
const DOCS_PART: usize = 512;

/// The bytes of a document in the memo: every number takes four bytes.
fn doc_size(d: &DocMemo) -> usize {
    29 + d.counts.len() * 8 + 4 * (d.title.len() + d.text.len())
}

/// A piece of the memo's documents.
fn encode_docs(docs: &[DocMemo]) -> Vec<u8> {
    let size = docs.iter().map(doc_size).sum();
    let mut b = Bytes(Vec::with_capacity(size));
    for d in docs {
        b.u128(d.key);
        b.0.push(u8::from(d.plain));
        b.len(d.counts.len());
        for &(w, n) in &d.counts {
            b.u32(w);
            b.u32(n);
        }
        b.u32s(&d.title);
        b.u32s(&d.text);
    }
    debug_assert_eq!(b.0.len(), size);
    b.0
}

impl Memo {
    /// The last build's lists, with its documents' keys by number, taken out of the memo.
    pub(in crate::search) fn take_lists(
        &mut self,
    ) -> Option<(Vec<u128>, crate::search::lists::Kept)> {
        let lists = self.lists.take()?;
        Some((self.docs.iter().map(|d| d.key).collect(), lists))
    }

    /// The memo as bytes, as [`Memo::write_to`] writes them.
    #[cfg(test)]
    pub fn encode(&self) -> Vec<u8> {
        self.encode_parts().concat()
    }

    /// The pieces [`Memo::write_to`] gives, in order.
    #[cfg(test)]
    pub fn encode_parts(&self) -> Vec<Vec<u8>> {
        let mut parts = Vec::new();
        self.clone().write_to(&mut |part| parts.push(part.to_vec()));
        parts
    }

    /// The memo as bytes, for the build cache, given to `put` a piece at a time, each made on
    /// the calling thread (none from the thread pool, which the build keeps busy meanwhile)
    /// only when the last was put. The memo is let go as it is written: each document's
    /// numbers once its piece is made, the lists last.
    pub fn write_to(self, put: &mut dyn FnMut(&[u8])) {
        for part in self.encode_head() {
            put(&part);
        }
        let Memo { docs, lists, .. } = self;
        let mut docs = docs.into_iter();
        loop {
            let piece: Vec<DocMemo> = docs.by_ref().take(DOCS_PART).collect();
            if piece.is_empty() {
                break;
            }
            put(&encode_docs(&piece));
        }
        put(&[u8::from(lists.is_some())]);
        if let Some(lists) = lists {
            lists.write_to(put);
        }
    }

    /// The pieces of [`Memo::write_to`] before the documents': the settings, how many documents
    /// there are and the documents' part's length (known before it is made: every number in
    /// it takes four bytes), then the words.
    fn encode_head(&self) -> [Vec<u8>; 2] {
        let words = self.encode_words_head();
        let size = words.len() + self.docs.iter().map(doc_size).sum::<usize>();
        let mut head = Bytes(Vec::new());
        head.u128(self.settings);
        head.len(self.docs.len());
        head.len(size);
        [head.0, words]
    }

    /// The part of [`Memo::write_to`]'s bytes before the lists ([`Memo::decode_words`] reads
    /// it), up to its documents.
    fn encode_words_head(&self) -> Vec<u8> {
        let mut b = Bytes(Vec::new());
        b.len(self.strings.len());
        for s in &self.strings {
            b.bytes(s.as_bytes());
        }
        b.len(self.words);
        for (cost, atoms) in &self.vocab {
            b.u32(*cost);
            b.u32s(atoms);
        }
        b.len(self.totals.len());
        for &(w, n) in &self.totals {
            b.u32(w);
            b.0.extend_from_slice(&n.to_le_bytes());
        }
        b.len(self.docs.len());
        b.0
    }

    /// What [`Memo::write_to`] wrote; `None` for anything else, or numbers out of range.
    pub fn decode(bytes: &[u8]) -> Option<Self> {
        let mut r = Reader(bytes);
        let settings = r.u128()?;
        let documents = r.len()?;
        let part = r.bytes()?;
        let (words_part, lists) = rayon::join(
            || Self::decode_words(part),
            || match r.take(1)?[0] {
                0 => r.0.is_empty().then_some(None),
                1 => {
                    let lists = crate::search::lists::Kept::decode(&mut r, documents)?;
                    r.0.is_empty().then_some(Some(lists))
                }
                _ => None,
            },
        );
        let (strings, words, vocab, totals, docs) = words_part?;
        let lists = lists?;
        // Every number names a string; every word's number is a word.
        let n = strings.len();
        let is_word = |w: &u32| (*w as usize) < words;
        let valid = words <= n
            && docs.len() == documents
            && vocab.iter().all(|(_, a)| a.iter().all(is_word))
            && totals.iter().all(|(w, _)| is_word(w))
            && docs.iter().all(|d| {
                d.counts.iter().all(|(w, _)| is_word(w))
                    && d.title.iter().chain(&d.text).all(|t| (*t as usize) < n)
            });
        valid.then_some(Memo {
            settings,
            strings,
            words,
            vocab,
            totals,
            docs,
            lists,
        })
    }
    /// The part of [`Memo::write_to`]'s bytes before the lists.
    fn decode_words(part: &[u8]) -> Option<WordsPart> {
        let mut r = Reader(part);
        let strings: Vec<Box<str>> = (0..r.len()?)
            .map(|_| std::str::from_utf8(r.bytes()?).ok().map(Box::from))
            .collect::<Option<_>>()?;
        let words = r.len()?;
        let vocab: Vec<(u32, Vec<u32>)> = (0..words)
            .map(|_| Some((r.u32()?, r.u32s()?)))
            .collect::<Option<_>>()?;
        let totals: Vec<(u32, u64)> = (0..r.len()?)
            .map(|_| Some((r.u32()?, u64::from_le_bytes(r.take(8)?.try_into().ok()?))))
            .collect::<Option<_>>()?;
        let docs: Vec<DocMemo> = (0..r.len()?)
            .map(|_| {
                let key = r.u128()?;
                let plain = r.take(1)?[0] != 0;
                let counts = (0..r.len()?)
                    .map(|_| Some((r.u32()?, r.u32()?)))
                    .collect::<Option<Vec<_>>>()?;
                Some(DocMemo {
                    key,
                    plain,
                    counts,
                    title: r.u32s()?,
                    text: r.u32s()?,
                })
            })
            .collect::<Option<_>>()?;
        r.0.is_empty()
            .then_some((strings, words, vocab, totals, docs))
    }
}

/// The strings, the number of words, the vocabulary, the totals and the documents.
type WordsPart = (
    Vec<Box<str>>,
    usize,
    Vec<(u32, Vec<u32>)>,
    Vec<(u32, u64)>,
    Vec<DocMemo>,
);
