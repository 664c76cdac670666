//! A kept document's tokens, numbered for this build: moved out of the memo when this build
//! numbers them as it did, copied and renumbered otherwise.

use super::Memo;
use crate::search::index::Record;

/// A memo document's tokens (title, text), for the one document that takes them.
pub(super) type Moved = std::sync::Mutex<Option<(Vec<u32>, Vec<u32>)>>;

/// Tokens of the memo's documents as they are, taken out of `memo`, by the memo's numbers:
/// when this build numbers every token as the memo did (`renumber` is the identity), for each
/// memo document one document of this build has (`docs`' third field). Otherwise none.
pub(super) fn moved_tokens(
    memo: Option<&mut Memo>,
    renumber: &[u32],
    docs: &[(Record, u128, Option<usize>, bool)],
) -> Vec<Moved> {
    let Some(m) = memo else {
        return Vec::new();
    };
    let same = renumber.iter().enumerate().all(|(i, &n)| n as usize == i);
    if !same {
        return Vec::new();
    }
    let mut uses = vec![0u8; m.docs.len()];
    for i in docs.iter().filter_map(|(_, _, kept, _)| *kept) {
        uses[i] = uses[i].saturating_add(1);
    }
    m.docs
        .iter_mut()
        .zip(uses)
        .map(|(d, n)| {
            std::sync::Mutex::new(
                (n == 1).then(|| (std::mem::take(&mut d.title), std::mem::take(&mut d.text))),
            )
        })
        .collect()
}

/// The tokens of the memo's document `i`, numbered for this build; `None` when one of its
/// words is gone (then it is split again).
pub(super) fn kept_tokens(
    memo: Option<&Memo>,
    renumber: &[u32],
    i: usize,
) -> Option<(Vec<u32>, Vec<u32>)> {
    let map = |toks: &[u32]| -> Option<Vec<u32>> {
        toks.iter()
            .map(|&t| {
                let n = *renumber.get(t as usize)?;
                (n != u32::MAX).then_some(n)
            })
            .collect()
    };
    let d = &memo?.docs[i];
    Some((map(&d.title)?, map(&d.text)?))
}
