//! A document's terms: its tokens, each pair of neighbouring tokens, and those of the other
//! phrases of a synonym group found in its text.

use rustc_hash::FxHashMap;

/// A term as a number: a token's own number, or a pair of them above 2^32.
pub(in crate::search) fn pair_key(a: u32, b: u32) -> u64 {
    ((u64::from(a) + 1) << 32) | u64::from(b)
}

/// Phrases that mean the same, as token lists, found by their first token.
pub(in crate::search) struct Synonyms {
    groups: Vec<Vec<Vec<u32>>>,
    by_first: FxHashMap<u32, Vec<(usize, usize)>>,
}

impl Synonyms {
    pub(in crate::search) fn new(groups: Vec<Vec<Vec<u32>>>) -> Self {
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
    pub(in crate::search) fn key<'a>(&self, name: impl Fn(u32) -> &'a str) -> u128 {
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
    pub(in crate::search) fn expand(&self, toks: &[u32], out: &mut Vec<u64>) {
        // Most sites have no synonyms: no token to look up.
        if self.by_first.is_empty() {
            return;
        }
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
pub(super) fn add_terms(toks: &[u32], out: &mut Vec<u64>) {
    for (i, &t) in toks.iter().enumerate() {
        out.push(u64::from(t));
        if i > 0 {
            out.push(pair_key(toks[i - 1], t));
        }
    }
}

/// A document's terms, in its title and elsewhere (a term of the title is not repeated).
pub(in crate::search) type DocTerms = (Vec<u64>, Vec<u64>);

/// The terms of a document of tokens `title` and `text`, in order.
pub(in crate::search) fn doc_terms(
    title_toks: &[u32],
    text_toks: &[u32],
    synonyms: &Synonyms,
) -> DocTerms {
    let (mut title, mut text) = Terms::default().of(title_toks, text_toks, synonyms);
    title.sort_unstable();
    text.sort_unstable();
    (title, text)
}

/// What [`Terms::of`] keeps from document to document on one thread.
#[derive(Default)]
pub(in crate::search) struct Terms {
    seen: rustc_hash::FxHashSet<u64>,
    all: Vec<u64>,
}

impl Terms {
    /// The terms of a document of tokens `title` and `text`, each once, in no order (the
    /// lists take them so: [`add`]).
    pub(in crate::search) fn of(
        &mut self,
        title_toks: &[u32],
        text_toks: &[u32],
        synonyms: &Synonyms,
    ) -> DocTerms {
        let Self { seen, all } = self;
        seen.clear();
        let mut once = |toks: &[u32]| -> Vec<u64> {
            all.clear();
            add_terms(toks, all);
            synonyms.expand(toks, all);
            all.iter().copied().filter(|t| seen.insert(*t)).collect()
        };
        let title = once(title_toks);
        (title, once(text_toks))
    }
}
