//! A kept document's tokens, numbered for this build: moved out of the memo when this build
//! numbers them as it did, copied and renumbered otherwise.

use super::Memo;
use crate::search::index::Record;

/// Tokens of the memo's documents as they are, taken out of `memo`, by the memo's numbers,
/// for each of `docs` (in their order): when this build numbers every token as the memo did
/// (`renumber` is the identity), for each document that is the only one of this build to have
/// its memo document (`docs`' third field). `None` for every other.
pub(super) fn moved_tokens(
    memo: Option<&mut Memo>,
    renumber: &[u32],
    docs: &[(Record, u128, Option<usize>, bool)],
) -> Vec<Option<(Vec<u32>, Vec<u32>)>> {
    let mut moved = Vec::new();
    moved.resize_with(docs.len(), || None);
    let Some(m) = memo else {
        return moved;
    };
    let same = renumber.iter().enumerate().all(|(i, &n)| n as usize == i);
    if !same {
        return moved;
    }
    let mut uses = vec![0u8; m.docs.len()];
    for i in docs.iter().filter_map(|(_, _, kept, _)| *kept) {
        uses[i] = uses[i].saturating_add(1);
    }
    for (slot, (_, _, kept, _)) in moved.iter_mut().zip(docs) {
        if let Some(i) = *kept
            && uses[i] == 1
        {
            let d = &mut m.docs[i];
            *slot = Some((std::mem::take(&mut d.title), std::mem::take(&mut d.text)));
        }
    }
    moved
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
