//! The inverted lists: for each term, the documents with it in their title and elsewhere.
//!
//! A term is a token, a pair of neighbouring tokens, or either of those in the other phrases
//! of a synonym group found in the text. A build makes the lists from every document's terms
//! ([`Postings`], then [`sorted`]), or from the last build's lists when they were kept
//! ([`Kept`], in the memo of [`crate::search::words`]): the documents found again unchanged,
//! in the same order, keep their places in every list under their new numbers ([`matching`]),
//! the others are taken out, and only the new and changed documents' terms are added
//! ([`merge`]). Both ways give the same lists; `index::tests::a_kept_memo_builds_the_same_index`
//! keeps it so.

use rustc_hash::FxHashMap;

use crate::search::bytes::{Bytes, Reader};

mod table;
mod terms;
pub(super) use table::Table;
pub(super) use terms::{DocTerms, Synonyms, Terms, doc_terms};
#[cfg(test)]
use terms::{add_terms, pair_key};

/// A term's documents with it in the title, and elsewhere.
type Lists = (Vec<u32>, Vec<u32>);

/// The lists by term number while they are built.
pub(super) type Postings = FxHashMap<u64, Lists>;

/// Adds the terms of documents `first`, `first + 1`, ...
pub(super) fn add(postings: &mut Postings, first: usize, terms: &[DocTerms]) {
    for (k, (title, text)) in terms.iter().enumerate() {
        let id = u32::try_from(first + k).unwrap_or(u32::MAX);
        for t in title {
            postings.entry(*t).or_default().0.push(id);
        }
        for t in text {
            postings.entry(*t).or_default().1.push(id);
        }
    }
}

/// Each token's place among all tokens in the order of their texts (bytes of UTF-8), tokens
/// of the same text sharing one: `names(id)` is the text of token `id`, for ids `0..count`.
pub(super) fn ranks<'a>(count: usize, names: impl Fn(u32) -> &'a str + Sync) -> Vec<u32> {
    use rayon::prelude::*;
    let mut ids: Vec<u32> = (0..u32::try_from(count).unwrap_or(u32::MAX)).collect();
    ids.par_sort_unstable_by(|a, b| names(*a).cmp(names(*b)));
    let mut rank = vec![0; ids.len()];
    let mut r = 0;
    for (i, &id) in ids.iter().enumerate() {
        if i > 0 && names(ids[i - 1]) != names(id) {
            r += 1;
        }
        rank[id as usize] = r;
    }
    rank
}

/// A term's place in the order of term texts, from its tokens' [`ranks`]. A pair's text is
/// its first token's, a space and its second's; no token holds a space or a byte below it,
/// so a pair sorts after its first token alone and before any other token that text starts
/// (`ก ข` < `กข`), and before every token after it: the order of (first token, second).
fn order(rank: &[u32], k: u64) -> u64 {
    let at = |id: u64| u64::from(rank.get(id as usize).copied().unwrap_or(u32::MAX - 1));
    if k >> 32 == 0 {
        at(k) << 32
    } else {
        (at((k >> 32) - 1) << 32) | (at(k & 0xFFFF_FFFF) + 1)
    }
}

/// The lists by term text, in the order of the index's shards (bytes of UTF-8), sorted by
/// number ([`order`]) rather than by text. Terms of the same text (a token met both as a
/// word and as other letters) are one entry, as [`merge`] makes them.
pub(super) fn sorted<'a>(
    postings: Postings,
    rank: &[u32],
    name: impl Fn(u32) -> &'a str + Sync,
) -> Table {
    use rayon::prelude::*;
    let entries: Vec<(u64, Lists)> = postings.into_par_iter().collect();
    // Sorted as (place, entry) pairs, a sixth of an entry's bytes to move.
    let mut keyed: Vec<(u64, u32)> = entries
        .par_iter()
        .enumerate()
        .map(|(i, (k, _))| (order(rank, *k), u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    keyed.par_sort_unstable_by_key(|e| e.0);
    let parts: Vec<Table> = keyed
        .par_chunks(CHUNK)
        .map(|chunk| {
            let chunk = chunk.iter().map(|&(_, i)| &entries[i as usize]);
            let docs = chunk.clone().map(|(_, (a, b))| a.len() + b.len()).sum();
            let n = chunk.len();
            let mut t = Table::with_capacity(n, n * 24, docs);
            for (k, (title, text)) in chunk {
                // A token's text, or a pair's as `index::pair` writes it.
                let mut e = if k >> 32 == 0 {
                    t.begin(name(*k as u32))
                } else {
                    let mut e = t.begin(name(((k >> 32) - 1) as u32));
                    e.extend_term(" ");
                    e.extend_term(name(*k as u32));
                    e
                };
                e.docs().extend_from_slice(title);
                e.title_done();
                e.docs().extend_from_slice(text);
                e.done();
            }
            t
        })
        .collect();
    Table::concat(parts).merge_equal_terms()
}

/// What a build keeps of its lists for the next, in the memo of [`crate::search::words`]
/// (whose documents, in order, are the lists' document numbers): the synonyms the terms were
/// found with, and the lists.
#[derive(Clone)]
pub struct Kept {
    pub(super) synonyms: u128,
    pub(super) entries: Table,
}

/// Entries to a chunk of [`Kept`]'s bytes: chunks are read back side by side.
const CHUNK: usize = 4096;

impl Kept {
    #[cfg(test)]
    pub(super) fn encode(&self, b: &mut Bytes) {
        self.write_to(&mut |part| b.0.extend_from_slice(part));
    }

    /// Its bytes given to `put` a piece at a time, each made on the calling thread only when
    /// the last was put.
    pub(in crate::search) fn write_to(&self, put: &mut dyn FnMut(&[u8])) {
        put(&self.encode_head());
        for first in (0..self.entries.len()).step_by(CHUNK) {
            put(&self.encode_chunk(first));
        }
    }

    /// The start of [`Kept::encode`]'s bytes: the synonyms' key and how many entries follow.
    fn encode_head(&self) -> Vec<u8> {
        let mut head = Bytes(Vec::new());
        head.u128(self.synonyms);
        head.len(self.entries.len());
        head.0
    }

    /// The chunk of [`Kept::encode`]'s bytes whose first entry is `first`.
    fn encode_chunk(&self, first: usize) -> Vec<u8> {
        let t = &self.entries;
        let chunk = first..(first + CHUNK).min(t.len());
        // About the size (gaps between numbers mostly take a byte or two).
        let size = 4 + chunk
            .clone()
            .map(|i| t.get(i))
            .map(|(term, title, text)| term.len() + 12 + (title.len() + text.len()) * 2)
            .sum::<usize>();
        let mut b = Bytes(Vec::with_capacity(size));
        b.framed(|b| {
            for (term, title, text) in chunk.map(|i| t.get(i)) {
                b.bytes(term.as_bytes());
                put_list(b, title);
                put_list(b, text);
            }
        });
        b.0
    }

    /// What [`Kept::encode`] wrote; `None` unless the terms are in order, each list ascending,
    /// not both empty, and of the `documents` there are.
    pub(super) fn decode(r: &mut Reader, documents: usize) -> Option<Self> {
        use rayon::prelude::*;
        let synonyms = r.u128()?;
        let count = r.len()?;
        let mut chunks = Vec::with_capacity(count.div_ceil(CHUNK));
        for first in (0..count).step_by(CHUNK) {
            chunks.push((CHUNK.min(count - first), r.bytes()?));
        }
        let decoded: Vec<Table> = chunks
            .into_par_iter()
            .map(|(n, bytes)| {
                let (term_bytes, docs) = sizes(bytes, n)?;
                let mut t = Table::with_capacity(n, term_bytes, docs);
                let mut r = Reader(bytes);
                for _ in 0..n {
                    let term = std::str::from_utf8(r.bytes()?).ok()?;
                    let mut e = t.begin(term);
                    get_list(&mut r, e.docs())?;
                    e.title_done();
                    get_list(&mut r, e.docs())?;
                    // An entry without documents is not one this program writes.
                    if !e.done() {
                        return None;
                    }
                }
                let list_ok = |l: &[u32]| {
                    l.windows(2).all(|w| w[0] < w[1])
                        && l.last().is_none_or(|d| (*d as usize) < documents)
                };
                let valid = r.0.is_empty()
                    && t.strictly_ascending()
                    && t.iter()
                        .all(|(_, title, text)| list_ok(title) && list_ok(text));
                valid.then_some(t)
            })
            .collect::<Option<_>>()?;
        // In order across chunks too.
        let joins_ok = decoded.windows(2).all(|w| {
            w[0].len() == 0 || w[1].len() == 0 || w[0].term(w[0].len() - 1) < w[1].term(0)
        });
        joins_ok.then(|| Self {
            synonyms,
            entries: Table::concat(decoded),
        })
    }
}

/// The bytes of the terms and the numbers of the lists of `n` entries as [`Kept::encode`]
/// wrote them (a first look, so each table is made at its size once).
fn sizes(bytes: &[u8], n: usize) -> Option<(usize, usize)> {
    let mut r = Reader(bytes);
    let (mut term_bytes, mut docs) = (0, 0);
    for _ in 0..n {
        term_bytes += r.bytes()?.len();
        for _ in 0..2 {
            let count = r.len()?;
            docs += count;
            if count > 0 {
                // Each number ends at a byte below 0x80.
                let mut ends = 0;
                let last = r.0.iter().position(|b| {
                    ends += usize::from(*b < 0x80);
                    ends == count
                })?;
                r.take(last + 1)?;
            }
        }
    }
    Some((term_bytes, docs))
}

/// An ascending list as its length and the gaps between its numbers (less one), each in
/// seven-bit groups: most take a byte.
fn put_list(b: &mut Bytes, list: &[u32]) {
    b.len(list.len());
    let mut next = 0u32;
    for &d in list {
        let mut gap = d.wrapping_sub(next);
        next = d.wrapping_add(1);
        while gap >= 0x80 {
            b.0.push((gap as u8) | 0x80);
            gap >>= 7;
        }
        b.0.push(gap as u8);
    }
}

/// What [`put_list`] wrote, pushed onto `list`: ascending by its making; `None` past the
/// largest number.
fn get_list(r: &mut Reader, list: &mut Vec<u32>) -> Option<()> {
    let n = r.len()?;
    list.reserve(n);
    let mut next = 0u64;
    for _ in 0..n {
        let mut gap = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = r.take(1)?[0];
            gap |= u32::from(byte & 0x7F).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                break;
            }
            if shift == 28 {
                return None;
            }
        }
        let d = next + u64::from(gap);
        list.push(u32::try_from(d).ok()?);
        next = d + 1;
    }
    Some(())
}

/// Which of the last build's documents are found again unchanged, in the same order: for each
/// of them (by last number) its new number, `u32::MAX` for the others; and the new numbers of
/// the documents whose terms must be found (new, changed, moved). `keep` says which new
/// documents have the tokens of the last build.
pub(super) fn matching(old: &[u128], new: &[u128], keep: &[bool]) -> (Vec<u32>, Vec<usize>) {
    let mut by_key: FxHashMap<u128, std::collections::VecDeque<u32>> = FxHashMap::default();
    for (p, k) in old.iter().enumerate() {
        by_key
            .entry(*k)
            .or_default()
            .push_back(u32::try_from(p).unwrap_or(u32::MAX));
    }
    let mut new_of_old = vec![u32::MAX; old.len()];
    let mut changed = Vec::new();
    let mut last: Option<u32> = None;
    for (j, k) in new.iter().enumerate() {
        let found = keep
            .get(j)
            .copied()
            .unwrap_or(false)
            .then(|| by_key.get_mut(k))
            .flatten()
            .and_then(|places| {
                // Numbers only grow: a place before the last one matched is passed over.
                while places
                    .front()
                    .is_some_and(|p| last.is_some_and(|l| *p <= l))
                {
                    places.pop_front();
                }
                places.pop_front()
            });
        match found {
            Some(p) => {
                new_of_old[p as usize] = u32::try_from(j).unwrap_or(u32::MAX);
                last = Some(p);
            }
            None => changed.push(j),
        }
    }
    (new_of_old, changed)
}

/// The lists of this build from the last build's `old` ones: documents renumbered by
/// `new_of_old` (those without a number taken out), then the terms of the documents in
/// `added` (term, document, whether in the title) put in.
pub(super) fn merge(old: Table, new_of_old: &[u32], mut added: Vec<(String, u32, bool)>) -> Table {
    use rayon::prelude::*;
    added.par_sort_unstable();
    // A chunk of the old entries at a time, on all cores, each with the added terms from its
    // first term to the next chunk's (the first chunk also those before, the last those after).
    let firsts: Vec<usize> = (0..old.len()).step_by(CHUNK).collect();
    let bound = |c: usize| -> usize {
        match firsts.get(c) {
            Some(&i) if c > 0 => added.partition_point(|a| a.0.as_str() < old.term(i)),
            Some(_) => 0,
            None => added.len(),
        }
    };
    type Chunk<'a> = (std::ops::Range<usize>, &'a [(String, u32, bool)]);
    let chunks: Vec<Chunk> = (0..firsts.len().max(1))
        .map(|c| {
            let start = firsts.get(c).copied().unwrap_or(0);
            let end = firsts.get(c + 1).copied().unwrap_or(old.len());
            (start..end, &added[bound(c)..bound(c + 1)])
        })
        .collect();
    let parts: Vec<Table> = chunks
        .into_par_iter()
        .map(|(range, added)| merge_chunk(&old, range, new_of_old, added))
        .collect();
    Table::concat(parts)
}

/// [`merge`] of the old entries in `range` and the `added` terms that sort among them.
fn merge_chunk(
    old: &Table,
    range: std::ops::Range<usize>,
    new_of_old: &[u32],
    added: &[(String, u32, bool)],
) -> Table {
    let term_bytes = range.clone().map(|i| old.term(i).len()).sum::<usize>()
        + added.iter().map(|a| a.0.len()).sum::<usize>();
    let docs = range
        .clone()
        .map(|i| old.get(i))
        .map(|(_, title, text)| title.len() + text.len())
        .sum::<usize>()
        + added.len();
    let mut out = Table::with_capacity(range.len() + added.len(), term_bytes, docs);
    let mut added = added;
    // The added documents of the term that comes first, as (term, in title, elsewhere).
    let next_group = |added: &mut &[(String, u32, bool)]| -> Option<(String, Vec<u32>, Vec<u32>)> {
        let term = added.first()?.0.clone();
        let n = added.iter().take_while(|a| a.0 == term).count();
        let (group, rest) = added.split_at(n);
        *added = rest;
        let docs = |in_title: bool| {
            group
                .iter()
                .filter(|a| a.2 == in_title)
                .map(|a| a.1)
                .collect()
        };
        Some((term, docs(true), docs(false)))
    };
    for i in range {
        let (term, title, text) = old.get(i);
        while added.first().is_some_and(|a| a.0.as_str() < term) {
            if let Some((t, a, b)) = next_group(&mut added) {
                out.push(&t, &a, &b);
            }
        }
        let mine = if added.first().is_some_and(|a| a.0 == term) {
            next_group(&mut added)
        } else {
            None
        };
        let mut e = out.begin(term);
        for (part, list) in [title, text].into_iter().enumerate() {
            let start = e.docs().len();
            // Renumbered: numbers keep their order, so lists stay ascending.
            e.docs().extend(
                list.iter()
                    .filter_map(|d| match new_of_old.get(*d as usize) {
                        Some(&n) if n != u32::MAX => Some(n),
                        _ => None,
                    }),
            );
            if let Some((_, a, b)) = &mine {
                e.docs().extend_from_slice(if part == 0 { a } else { b });
                e.docs()[start..].sort_unstable();
            }
            if part == 0 {
                e.title_done();
            }
        }
        e.done();
    }
    while let Some((t, a, b)) = next_group(&mut added) {
        out.push(&t, &a, &b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Terms found with a set kept from document to document are the terms in order,
        /// each once, none of the title's again in the text.
        #[test]
        fn terms_of_documents_one_after_another_are_each_document_s_terms(
            docs in proptest::collection::vec(
                (proptest::collection::vec(0u32..6, 0..6), proptest::collection::vec(0u32..6, 0..40)),
                1..6,
            ),
        ) {
            let synonyms = Synonyms::new(vec![vec![vec![1, 2], vec![5]], vec![vec![3], vec![4, 4]]]);
            let mut kept = Terms::default();
            for (title, text) in &docs {
                let (mut a, mut b) = kept.of(title, text, &synonyms);
                a.sort_unstable();
                b.sort_unstable();
                let mut want_title = Vec::new();
                add_terms(title, &mut want_title);
                synonyms.expand(title, &mut want_title);
                want_title.sort_unstable();
                want_title.dedup();
                let mut want_text = Vec::new();
                add_terms(text, &mut want_text);
                synonyms.expand(text, &mut want_text);
                want_text.sort_unstable();
                want_text.dedup();
                want_text.retain(|t| want_title.binary_search(t).is_err());
                proptest::prop_assert_eq!(&a, &want_title);
                proptest::prop_assert_eq!(&b, &want_text);
                proptest::prop_assert_eq!((a, b), doc_terms(title, text, &synonyms));
            }
        }
    }

    fn table(entries: &[(&str, &[u32], &[u32])]) -> Table {
        let mut t = Table::default();
        for (term, title, text) in entries {
            t.push(term, title, text);
        }
        t
    }

    #[test]
    fn unchanged_documents_keep_their_order_and_others_are_found_again() {
        // Last build: a b c d; this one: new, a, c, b, d — b after c is out of order, so its
        // terms are found again.
        let old = [1, 2, 3, 4];
        let new = [9, 1, 3, 2, 4];
        let keep = [false, true, true, true, true];
        let (new_of_old, changed) = matching(&old, &new, &keep);
        assert_eq!(new_of_old, vec![1, u32::MAX, 2, 4]);
        assert_eq!(changed, vec![0, 3]);
        // A document split again is found again, whatever its key.
        let (new_of_old, changed) = matching(&old, &old, &[true, false, true, true]);
        assert_eq!((new_of_old, changed), (vec![0, u32::MAX, 2, 3], vec![1]));
        // Twins are matched in order.
        let (twins, changed) = matching(&[5, 5, 6], &[5, 5, 6], &[true; 3]);
        assert_eq!((twins, changed), (vec![0, 1, 2], vec![]));
    }

    #[test]
    fn lists_read_back_as_written() {
        let lists: [&[u32]; 5] = [
            &[],
            &[0],
            &[0, 1, 2],
            &[5, 200, 70_000, 4_000_000_000],
            &[u32::MAX],
        ];
        let mut b = Bytes(Vec::new());
        for l in lists {
            put_list(&mut b, l);
        }
        let mut r = Reader(&b.0);
        for l in lists {
            let mut list = vec![7];
            assert_eq!(get_list(&mut r, &mut list), Some(()));
            assert_eq!(list[1..], *l, "pushed after what was there");
        }
        // A gap past the largest number, or of more than five bytes, is refused.
        assert_eq!(
            get_list(
                &mut Reader(&[2, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0]),
                &mut Vec::new()
            ),
            None
        );
        assert_eq!(
            get_list(
                &mut Reader(&[1, 0, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x80, 0]),
                &mut Vec::new()
            ),
            None
        );
    }

    #[test]
    fn sizes_count_terms_and_numbers_of_written_entries() {
        let t = table(&[
            ("ก", &[], &[1, 300]),
            ("ขค", &[0, 70_000], &[]),
            ("ง", &[5], &[6]),
        ]);
        let mut b = Bytes(Vec::new());
        for (term, title, text) in t.iter() {
            b.bytes(term.as_bytes());
            put_list(&mut b, title);
            put_list(&mut b, text);
        }
        assert_eq!(sizes(&b.0, 3), Some((3 + 6 + 3, 2 + 2 + 2)));
        assert_eq!(sizes(&b.0[..b.0.len() - 1], 3), None, "cut short");
    }

    /// Kept lists longer than a chunk read back whole and in order; out of order, out of
    /// range or cut short across chunks, they are refused.
    #[test]
    fn kept_lists_of_many_chunks_read_back() {
        let make = |swap: bool| {
            let mut t = Table::default();
            for i in 0..CHUNK * 2 + 7 {
                // Swapped: the last term of the first chunk and the first of the second.
                let n = match i {
                    _ if !swap => i,
                    i if i == CHUNK - 1 => CHUNK,
                    i if i == CHUNK => CHUNK - 1,
                    i => i,
                };
                let d = u32::try_from(n % 50).unwrap();
                t.push(&format!("t{n:06}"), &[d], &[d + 1, d + 3]);
            }
            t
        };
        let entries = make(false);
        let kept = Kept {
            synonyms: 7,
            entries: entries.clone(),
        };
        let mut b = Bytes(Vec::new());
        kept.encode(&mut b);
        let back = Kept::decode(&mut Reader(&b.0), 60).expect("reads back");
        assert_eq!(back.synonyms, 7);
        assert_eq!(back.entries, entries);
        assert!(
            Kept::decode(&mut Reader(&b.0), 52).is_none(),
            "a number past the documents"
        );
        assert!(Kept::decode(&mut Reader(&b.0[..b.0.len() - 1]), 60).is_none());
        let mut b = Bytes(Vec::new());
        Kept {
            synonyms: 7,
            entries: make(true),
        }
        .encode(&mut b);
        assert!(
            Kept::decode(&mut Reader(&b.0), 60).is_none(),
            "terms out of order"
        );
    }

    /// Merged a chunk at a time, on all cores, the lists are those of one merge of the whole:
    /// added terms before the first, on and around the chunks' first terms, after the last.
    #[test]
    fn lists_merged_in_chunks_are_merged_whole() {
        let n = CHUNK * 2 + 5;
        let mut old = Table::default();
        for i in 0..n {
            let d = u32::try_from(i % 7).unwrap();
            old.push(&format!("t{i:06}"), &[d], &[d + 1]);
        }
        // Document 3 is gone, the others keep their numbers; document 9 is new.
        let new_of_old: Vec<u32> = (0..9).map(|d| if d == 3 { u32::MAX } else { d }).collect();
        let mut added: Vec<(String, u32, bool)> = [
            "a", "t000000", "t004095", "t004096", "t004096x", "t008192", "z",
        ]
        .iter()
        .map(|t| (t.to_string(), 9, false))
        .collect();
        added.push(("t004096".to_owned(), 9, true));
        let merged = merge(old.clone(), &new_of_old, added.clone());
        added.sort_unstable();
        assert_eq!(merged, merge_chunk(&old, 0..n, &new_of_old, &added));
        assert_eq!(merged.len(), n + 3, "three new terms");
        assert_eq!(merged.get(0), ("a", &[][..], &[9][..]));
        let at = (0..merged.len())
            .find(|&i| merged.term(i) == "t004096")
            .unwrap();
        assert_eq!(merged.get(at), ("t004096", &[1, 9][..], &[2, 9][..]));
        assert!(merged.strictly_ascending());
    }

    #[test]
    fn merged_lists_drop_renumber_and_add() {
        let old = table(&[("ก", &[0], &[1, 3]), ("ข", &[2], &[]), ("ง", &[], &[0, 1])]);
        // Document 2 is gone; the others move down one; a new document 0 has ข and ค.
        let new_of_old = [1, 2, u32::MAX, 3];
        let added = vec![
            ("ค".to_owned(), 0, false),
            ("ข".to_owned(), 0, true),
            ("ก".to_owned(), 4, false),
            ("จ".to_owned(), 4, true),
        ];
        assert_eq!(
            merge(old, &new_of_old, added),
            table(&[
                ("ก", &[1], &[2, 3, 4]),
                ("ข", &[0], &[]),
                ("ค", &[], &[0]),
                ("ง", &[], &[1, 2]),
                ("จ", &[4], &[]),
            ])
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Lists sorted by their tokens' ranks come out as sorting their texts would put them,
        /// a token, its pairs and the tokens it starts included, and tokens of the same text
        /// are one entry holding both's documents.
        #[test]
        fn lists_sorted_by_number_are_in_the_order_of_their_texts(
            names in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(vec!["ก", "ข", "ั", "a", "1"]), 1..4),
                1..12),
            terms in proptest::collection::vec(
                (0usize..12, proptest::option::of(0usize..12), proptest::collection::btree_set(0u32..20, 0..4), proptest::collection::btree_set(0u32..20, 0..4)),
                0..40),
        ) {
            let names: Vec<String> = names.iter().map(|n| n.concat()).collect();
            let count = names.len();
            let mut postings = Postings::default();
            let mut expected: std::collections::BTreeMap<String, (std::collections::BTreeSet<u32>, std::collections::BTreeSet<u32>)> = Default::default();
            for (a, b, title, text) in terms {
                let (a, b) = (a % count, b.map(|b| b % count));
                let key = match b {
                    None => a as u64,
                    Some(b) => pair_key(a as u32, b as u32),
                };
                let lists = postings.entry(key).or_default();
                if !lists.0.is_empty() || !lists.1.is_empty() {
                    continue;
                }
                *lists = (title.iter().copied().collect(), text.iter().copied().collect());
                let term = match b {
                    None => names[a].clone(),
                    Some(b) => crate::search::index::pair(&names[a], &names[b]),
                };
                let e = expected.entry(term).or_default();
                e.0.extend(&title);
                e.1.extend(&text);
            }
            let rank = ranks(count, |id| names[id as usize].as_str());
            let got = sorted(postings, &rank, |id| names[id as usize].as_str());
            let mut want = Table::default();
            for (term, (title, text)) in expected {
                want.push(&term, &title.into_iter().collect::<Vec<_>>(), &text.into_iter().collect::<Vec<_>>());
            }
            proptest::prop_assert_eq!(got, want);
        }
    }
}
