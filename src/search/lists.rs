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

/// A term as a number: a token's own number, or a pair of them above 2^32.
pub(super) fn pair_key(a: u32, b: u32) -> u64 {
    ((u64::from(a) + 1) << 32) | u64::from(b)
}

/// Phrases that mean the same, as token lists, found by their first token.
pub(super) struct Synonyms {
    groups: Vec<Vec<Vec<u32>>>,
    by_first: FxHashMap<u32, Vec<(usize, usize)>>,
}

impl Synonyms {
    pub(super) fn new(groups: Vec<Vec<Vec<u32>>>) -> Self {
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

    /// What the groups are as texts: the terms a document gets from them depend on nothing
    /// else.
    pub(super) fn key<'a>(&self, name: impl Fn(u32) -> &'a str) -> u128 {
        let mut k = crate::cache::Key::new();
        for group in &self.groups {
            k.part(b"group");
            for phrase in group {
                k.part(b"phrase");
                for t in phrase {
                    k.part(name(*t).as_bytes());
                }
            }
        }
        k.finish()
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

/// A document's terms, in its title and elsewhere (a term of the title is not repeated).
pub(super) type DocTerms = (Vec<u64>, Vec<u64>);

/// The terms of a document of tokens `title` and `text`.
pub(super) fn doc_terms(title_toks: &[u32], text_toks: &[u32], synonyms: &Synonyms) -> DocTerms {
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
}

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

/// One term's lists: document numbers, ascending.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Entry {
    pub term: String,
    pub title: Vec<u32>,
    pub text: Vec<u32>,
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
pub(super) fn sorted(
    postings: Postings,
    rank: &[u32],
    text: impl Fn(u64) -> String + Sync,
) -> Vec<Entry> {
    use rayon::prelude::*;
    let mut keyed: Vec<(u64, u64, Lists)> = postings
        .into_par_iter()
        .map(|(k, lists)| (order(rank, k), k, lists))
        .collect();
    keyed.par_sort_unstable_by_key(|e| e.0);
    let mut entries: Vec<Entry> = keyed
        .par_iter_mut()
        .map(|(_, k, (title, text_docs))| Entry {
            term: text(*k),
            title: std::mem::take(title),
            text: std::mem::take(text_docs),
        })
        .collect();
    entries.dedup_by(|later, kept| {
        if later.term != kept.term {
            return false;
        }
        for (into, from) in [
            (&mut kept.title, &later.title),
            (&mut kept.text, &later.text),
        ] {
            into.extend_from_slice(from);
            into.sort_unstable();
            into.dedup();
        }
        true
    });
    entries
}

/// What a build keeps of its lists for the next, in the memo of [`crate::search::words`]
/// (whose documents, in order, are the lists' document numbers): the synonyms the terms were
/// found with, and the lists.
pub struct Kept {
    pub(super) synonyms: u128,
    pub(super) entries: Vec<Entry>,
}

/// Entries to a chunk of [`Kept`]'s bytes: chunks are read back side by side.
const CHUNK: usize = 4096;

impl Kept {
    #[cfg(test)]
    pub(super) fn encode(&self, b: &mut Bytes) {
        let parts = self.encode_parts();
        b.0.reserve(parts.iter().map(Vec::len).sum());
        for p in parts {
            b.0.extend_from_slice(&p);
        }
    }

    /// [`Kept::encode`]'s bytes in pieces to be put together in order, the chunks made side
    /// by side.
    pub(super) fn encode_parts(&self) -> Vec<Vec<u8>> {
        use rayon::prelude::*;
        let mut head = Bytes(Vec::new());
        head.u128(self.synonyms);
        head.len(self.entries.len());
        let mut parts = vec![head.0];
        parts.par_extend(self.entries.par_chunks(CHUNK).map(|chunk| {
            // About the size (gaps between numbers mostly take a byte or two).
            let size = 4 + chunk
                .iter()
                .map(|e| e.term.len() + 12 + (e.title.len() + e.text.len()) * 2)
                .sum::<usize>();
            let mut b = Bytes(Vec::with_capacity(size));
            b.framed(|b| {
                for e in chunk {
                    b.bytes(e.term.as_bytes());
                    put_list(b, &e.title);
                    put_list(b, &e.text);
                }
            });
            b.0
        }));
        parts
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
        let decoded: Vec<Vec<Entry>> = chunks
            .into_par_iter()
            .map(|(n, bytes)| {
                let mut r = Reader(bytes);
                let entries = (0..n)
                    .map(|_| {
                        let term = std::str::from_utf8(r.bytes()?).ok()?.to_owned();
                        Some(Entry {
                            term,
                            title: get_list(&mut r)?,
                            text: get_list(&mut r)?,
                        })
                    })
                    .collect::<Option<Vec<_>>>()?;
                r.0.is_empty().then_some(entries)
            })
            .collect::<Option<_>>()?;
        let mut entries = Vec::with_capacity(count);
        for chunk in decoded {
            entries.extend(chunk);
        }
        let list_ok = |l: &[u32]| {
            l.windows(2).all(|w| w[0] < w[1]) && l.last().is_none_or(|d| (*d as usize) < documents)
        };
        let valid = entries.windows(2).all(|w| w[0].term < w[1].term)
            && entries.par_iter().all(|e| {
                list_ok(&e.title) && list_ok(&e.text) && !(e.title.is_empty() && e.text.is_empty())
            });
        valid.then_some(Self { synonyms, entries })
    }
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

/// What [`put_list`] wrote: ascending by its making; `None` past the largest number.
fn get_list(r: &mut Reader) -> Option<Vec<u32>> {
    let n = r.len()?;
    let mut list = Vec::with_capacity(n);
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
    Some(list)
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
pub(super) fn merge(
    mut old: Vec<Entry>,
    new_of_old: &[u32],
    mut added: Vec<(String, u32, bool)>,
) -> Vec<Entry> {
    use rayon::prelude::*;
    added.par_sort_unstable();
    // Renumbered in place, on both cores: numbers keep their order, so lists stay ascending.
    old.par_iter_mut().for_each(|e| {
        for list in [&mut e.title, &mut e.text] {
            list.retain_mut(|d| match new_of_old.get(*d as usize) {
                Some(&n) if n != u32::MAX => {
                    *d = n;
                    true
                }
                _ => false,
            });
        }
    });
    let mut out: Vec<Entry> = Vec::with_capacity(old.len() + added.len() / 4);
    let mut added = added.into_iter().peekable();
    // The added documents of the next term, when it is `term` or sorts before it.
    let mut take_upto = |term: Option<&str>, into: &mut Vec<Entry>| -> Option<Entry> {
        loop {
            let next = added.peek()?;
            if term.is_some_and(|t| next.0.as_str() > t) {
                return None;
            }
            let name = next.0.clone();
            let mut e = Entry {
                term: name.clone(),
                title: Vec::new(),
                text: Vec::new(),
            };
            while let Some((_, d, in_title)) = added.next_if(|a| a.0 == name) {
                if in_title {
                    e.title.push(d);
                } else {
                    e.text.push(d);
                }
            }
            if term == Some(name.as_str()) {
                return Some(e);
            }
            into.push(e);
        }
    };
    for mut e in old {
        if let Some(new) = take_upto(Some(&e.term), &mut out) {
            e.title.extend(new.title);
            e.title.sort_unstable();
            e.text.extend(new.text);
            e.text.sort_unstable();
        }
        if !(e.title.is_empty() && e.text.is_empty()) {
            out.push(e);
        }
    }
    take_upto(None, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(term: &str, title: &[u32], text: &[u32]) -> Entry {
        Entry {
            term: term.to_owned(),
            title: title.to_vec(),
            text: text.to_vec(),
        }
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
            assert_eq!(get_list(&mut r).as_deref(), Some(l));
        }
        // A gap past the largest number, or of more than five bytes, is refused.
        assert_eq!(
            get_list(&mut Reader(&[2, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0])),
            None
        );
        assert_eq!(
            get_list(&mut Reader(&[1, 0, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x80, 0])),
            None
        );
    }

    /// Kept lists longer than a chunk read back whole and in order; out of order, out of
    /// range or cut short across chunks, they are refused.
    #[test]
    fn kept_lists_of_many_chunks_read_back() {
        let entries: Vec<Entry> = (0..CHUNK * 2 + 7)
            .map(|i| {
                let d = u32::try_from(i % 50).unwrap();
                entry(&format!("t{i:06}"), &[d], &[d + 1, d + 3])
            })
            .collect();
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
        let mut swapped = entries;
        swapped.swap(CHUNK - 1, CHUNK);
        let mut b = Bytes(Vec::new());
        Kept {
            synonyms: 7,
            entries: swapped,
        }
        .encode(&mut b);
        assert!(
            Kept::decode(&mut Reader(&b.0), 60).is_none(),
            "terms out of order"
        );
    }

    #[test]
    fn merged_lists_drop_renumber_and_add() {
        let old = vec![
            entry("ก", &[0], &[1, 3]),
            entry("ข", &[2], &[]),
            entry("ง", &[], &[0, 1]),
        ];
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
            vec![
                entry("ก", &[1], &[2, 3, 4]),
                entry("ข", &[0], &[]),
                entry("ค", &[], &[0]),
                entry("ง", &[], &[1, 2]),
                entry("จ", &[4], &[]),
            ]
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
                    Some(b) => format!("{} {}", names[a], names[b]),
                };
                let e = expected.entry(term).or_default();
                e.0.extend(&title);
                e.1.extend(&text);
            }
            let rank = ranks(count, |id| names[id as usize].as_str());
            let text = |k: u64| {
                if k >> 32 == 0 {
                    names[k as usize].clone()
                } else {
                    format!("{} {}", names[((k >> 32) - 1) as usize], names[(k & 0xFFFF_FFFF) as usize])
                }
            };
            let got = sorted(postings, &rank, text);
            let want: Vec<Entry> = expected
                .into_iter()
                .map(|(term, (title, text))| Entry {
                    term,
                    title: title.into_iter().collect(),
                    text: text.into_iter().collect(),
                })
                .collect();
            proptest::prop_assert_eq!(got, want);
        }
    }
}
