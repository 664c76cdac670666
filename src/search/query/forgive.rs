//! When no document holds every word of a query: the documents holding most of them, and the
//! words the best of them lacks (step 6 of the query, [`super`]).

use std::collections::HashMap;

use super::{Engine, Files, Need, Outcome, Request, TITLE, Unit, intersect, needs, union};
use crate::search::codec;

impl<F: Files> Engine<F> {
    /// The documents holding at least half the letters of the words of `chunks`, those
    /// holding most first, then by score. A word counts as held with a neighbour it was typed with (so the letters of a
    /// word the site lacks, `สระว่ายน้ำ` read as ส ระ ว่า ย น้ำ, are not found one by one
    /// elsewhere), alone when typed alone; a word the site does not have, nowhere.
    pub(super) fn search_partial(
        &mut self,
        chunks: Vec<Vec<Unit>>,
        unknown: Vec<String>,
        request: &Request,
    ) -> Outcome {
        // For each word: the documents holding it, those with it in the title.
        let mut held: Vec<Vec<(Vec<u32>, Vec<u32>)>> = Vec::new();
        for chunk in &chunks {
            let with_left: Vec<(Vec<u32>, Vec<u32>)> = (0..chunk.len())
                .map(|i| {
                    if matches!(chunk[i], Unit::Unknown(_))
                        || (i > 0 && matches!(chunk[i - 1], Unit::Unknown(_)))
                    {
                        return (Vec::new(), Vec::new());
                    }
                    let need = if i == 0 || chunk.len() == 1 {
                        needs(std::slice::from_ref(&chunk[i]), 0)
                    } else {
                        needs(chunk, i)
                    };
                    self.requirement(need)
                })
                .collect();
            let words = (0..chunk.len())
                .map(|i| {
                    if chunk.len() == 1 {
                        return with_left[0].clone();
                    }
                    let none = (Vec::new(), Vec::new());
                    let left = if i > 0 { &with_left[i] } else { &none };
                    let right = with_left.get(i + 1).unwrap_or(&none);
                    (union(&left.0, &right.0), union(&left.1, &right.1))
                })
                .collect();
            held.push(words);
        }
        let n = self.count;
        // Per document: the letters of the query it holds, and its score.
        let mut found: HashMap<u32, (u32, u32)> = HashMap::new();
        let mut letters = 0;
        for (unit, (docs, title)) in chunks.iter().flatten().zip(held.iter().flatten()) {
            let len = u32::try_from(unit.text().chars().count()).unwrap_or(u32::MAX);
            letters += len;
            let w = codec::weight(n, u32::try_from(docs.len()).unwrap_or(u32::MAX));
            for d in docs {
                let e = found.entry(*d).or_default();
                e.0 += len;
                e.1 += if title.binary_search(d).is_ok() {
                    w * TITLE
                } else {
                    w
                };
            }
        }
        // Only documents holding at least half the letters typed: a few common words of a
        // long query are no match.
        let mut candidates: Vec<(u32, u32, u32)> = found
            .into_iter()
            .filter(|(_, (k, _))| 2 * k >= letters)
            .map(|(d, (k, score))| (d, k, score))
            .collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(b.0.cmp(&a.0)));
        let (kind, year) = self.filters(request);
        let mut type_counts = vec![0; self.types.len()];
        let mut year_counts = vec![0; self.years.len()];
        let mut hits = Vec::new();
        for &(d, _, score) in &candidates {
            if self.keep(d, kind, year, &mut type_counts, &mut year_counts) {
                hits.push((d, score));
            }
        }
        // The words the first result lacks, neighbours typed together as one.
        let mut missing = Vec::new();
        if let Some(&(best, _)) = hits.first() {
            for (chunk, words) in chunks.iter().zip(&held) {
                let mut run = String::new();
                for (unit, (docs, _)) in chunk.iter().zip(words) {
                    if docs.binary_search(&best).is_err() {
                        run.push_str(unit.text());
                    } else if !run.is_empty() {
                        missing.push(std::mem::take(&mut run));
                    }
                }
                if !run.is_empty() {
                    missing.push(run);
                }
            }
        }
        Outcome {
            hits,
            chunks,
            unknown,
            type_counts,
            year_counts,
            matched: candidates.len(),
            apart: None,
            partial: true,
            missing,
        }
    }

    /// The documents meeting what a unit needs, and those meeting it in the title.
    fn requirement(&mut self, need: Need) -> (Vec<u32>, Vec<u32>) {
        match need {
            Need::Each(keys) if keys.is_empty() => (Vec::new(), Vec::new()),
            Need::Each(keys) => {
                let mut docs: Option<Vec<u32>> = None;
                let mut title: Option<Vec<u32>> = None;
                for key in keys {
                    let (t, o) = self.lists(&key);
                    let d = union(&t, &o);
                    docs = Some(docs.map_or(d.clone(), |x| intersect(&x, &d)));
                    title = Some(title.map_or(t.clone(), |x| intersect(&x, &t)));
                }
                (docs.unwrap_or_default(), title.unwrap_or_default())
            }
            Need::Any(alts) => self.any_of(alts),
        }
    }
}
