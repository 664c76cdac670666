//! What runs of Thai letters were cut into, remembered on one thread while documents are cut:
//! a run met again is not cut again. Municipal text repeats itself (the municipality's name,
//! headings, a table's cells, a sentence quoted twice); a cut depends on the run alone, so the
//! remembered one is the cut. Short runs are remembered across documents (up to
//! [`SHORT_KEPT`] of them), longer ones for the document being cut only, so the memory held
//! stays small whatever the site.

use rustc_hash::FxHashMap;

use crate::search::run::ThaiRun;

/// Runs up to this many letters are remembered across documents.
const SHORT: usize = 32;
/// Short runs remembered at most; past it, they are forgotten and remembered anew.
const SHORT_KEPT: usize = 1 << 16;

/// Cuts of runs, by the run's text (borrowed from the documents being cut): each cut's items
/// end to end in one vector (short runs' and long runs' apart), not a vector of its own.
pub(crate) struct Runs<'a, T> {
    short: Remembered<'a, T>,
    long: Remembered<'a, T>,
}

/// Runs and where their items are.
struct Remembered<'a, T> {
    at: FxHashMap<ThaiRun<'a>, (usize, usize)>,
    items: Vec<T>,
}

impl<T> Remembered<'_, T> {
    fn clear(&mut self) {
        self.at.clear();
        self.items.clear();
    }
}

impl<'a, T> Default for Runs<'a, T> {
    fn default() -> Self {
        let none = || Remembered {
            at: FxHashMap::default(),
            items: Vec::new(),
        };
        Self {
            short: none(),
            long: none(),
        }
    }
}

impl<'a, T> Runs<'a, T> {
    /// Called before each document: its long runs are not met in the next.
    pub(crate) fn next_document(&mut self) {
        self.long.clear();
        if self.short.at.len() > SHORT_KEPT {
            self.short.clear();
        }
    }

    /// The cut of `run`: the one remembered, or the items `cut(run, items)` appends, remembered.
    pub(crate) fn cut(
        &mut self,
        run: ThaiRun<'a>,
        cut: impl FnOnce(ThaiRun<'a>, &mut Vec<T>),
    ) -> &[T] {
        let Remembered { at, items } = if run.len() <= SHORT {
            &mut self.short
        } else {
            &mut self.long
        };
        let (from, to) = *at.entry(run).or_insert_with(|| {
            let from = items.len();
            cut(run, items);
            (from, items.len())
        });
        &items[from..to]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_is_cut_once_in_a_document_and_short_ones_across_documents() {
        let (mut short, mut long) = (Vec::new(), Vec::new());
        let short = crate::search::run::encoded("เทศบาล", &mut short);
        let long = crate::search::run::encoded(&"ก".repeat(40), &mut long);
        let mut cuts = 0;
        {
            let mut runs: Runs<'_, usize> = Runs::default();
            for _ in 0..2 {
                runs.next_document();
                for run in [short, long, short, long] {
                    let cut = runs.cut(run, |r, items| {
                        cuts += 1;
                        items.push(r.len());
                        items.push(r.len() + 1);
                    });
                    assert_eq!(cut, [run.len(), run.len() + 1]);
                }
            }
        }
        // The short run once in all, the long one once a document.
        assert_eq!(cuts, 3);
    }
}
