//! The vocabulary's trie laid out for [`Vocab::split`](super::Vocab::split): a double array.
//!
//! The split walks the trie from every place a word may start, about four steps a letter, so
//! a step must cost little. In a double array the child of state `s` for letter `k` is the
//! unit at `base(s) + k`, which is that child only if its `check` names `s`: one read a step,
//! no search among children, and a unit holds all the walk needs (its children's base, the
//! cost and number of the word ending there). Letters are numbered by their place in the Thai
//! block (`c − U+0E00`), the only letters a Thai run holds; a word with a letter outside the
//! block could never be found in one, and is left out.

use super::Node;

/// No word ends at a state.
pub(super) const NO_WORD: u32 = u32::MAX;
/// Letters are `c − U+0E00`, below this.
const LETTERS: u32 = 128;
/// The `check` of a unit no state owns.
const FREE: u32 = 0;
/// The `check` of the root, which no state owns either but is taken.
const ROOT_CHECK: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
struct Unit {
    /// Where this state's children are: the child for letter `k` is at `base + k`.
    base: u32,
    /// The state this unit is a child of, plus one; [`FREE`] when none.
    check: u32,
    /// The cost of the word ending here, or [`NO_WORD`].
    cost: u32,
    /// The word's number in [`Vocab::list`](super::Vocab::list).
    word: u32,
}

const EMPTY: Unit = Unit {
    base: 0,
    check: FREE,
    cost: NO_WORD,
    word: NO_WORD,
};

/// The trie as a double array; state 0 is the root.
#[derive(Clone, Debug)]
pub(super) struct Trie {
    units: Vec<Unit>,
}

/// The letter number of `c`, or `None` outside the Thai block.
fn letter(c: char) -> Option<u32> {
    (c as u32).checked_sub(0x0E00).filter(|k| *k < LETTERS)
}

impl Trie {
    pub(super) const ROOT: u32 = 0;

    /// Lays out the trie `nodes` (node 0 the root, children sorted by letter).
    pub(super) fn new(nodes: &[Node]) -> Self {
        // Every base is followed by LETTERS units, so a lookup never reads past the end.
        let mut units = vec![EMPTY; LETTERS as usize + 1];
        units[0].check = ROOT_CHECK;
        // The first unit that may be free: everything before it is taken.
        let mut first_free = 1usize;
        // Node, the state it was given; depth first, so a word's states lie near each other.
        let mut stack = vec![(0usize, 0u32)];
        let mut letters: Vec<(u32, usize)> = Vec::new();
        while let Some((n, state)) = stack.pop() {
            let node = &nodes[n];
            units[state as usize].cost = node.cost.unwrap_or(NO_WORD);
            units[state as usize].word = if node.cost.is_some() {
                node.word
            } else {
                NO_WORD
            };
            letters.clear();
            letters.extend(
                node.children
                    .iter()
                    .filter_map(|&(c, child)| Some((letter(c)?, child as usize))),
            );
            let Some(&(low, _)) = letters.first() else {
                continue;
            };
            while units[first_free].check != FREE {
                first_free += 1;
            }
            // The least base whose units for all the letters are free, trying the free units
            // in turn for the lowest letter.
            let mut at = first_free.max(low as usize + 1);
            let base = loop {
                if at + LETTERS as usize >= units.len() {
                    units.resize(at + 2 * LETTERS as usize, EMPTY);
                }
                if units[at].check == FREE {
                    let base = at - low as usize;
                    if letters
                        .iter()
                        .all(|&(k, _)| units[base + k as usize].check == FREE)
                    {
                        break base;
                    }
                }
                at += 1;
            };
            units[state as usize].base = u32::try_from(base).unwrap_or(u32::MAX);
            for &(k, child) in letters.iter().rev() {
                let slot = base + k as usize;
                units[slot].check = state + 1;
                stack.push((child, u32::try_from(slot).unwrap_or(u32::MAX)));
            }
        }
        // Room after the last base for any letter.
        let last = units.iter().map(|u| u.base as usize).max().unwrap_or(0);
        units.resize(units.len().max(last + LETTERS as usize + 1), EMPTY);
        Self { units }
    }

    /// The state after `state` reads `c`, if a word goes on that way.
    #[inline]
    pub(super) fn child(&self, state: u32, c: char) -> Option<u32> {
        let k = letter(c)?;
        let t = self.units[state as usize].base + k;
        (self.units[t as usize].check == state + 1).then_some(t)
    }

    /// The cost of the word ending at `state`, or [`NO_WORD`].
    #[inline]
    pub(super) fn cost(&self, state: u32) -> u32 {
        self.units[state as usize].cost
    }

    /// The number of the word ending at `state` (meaningful when [`Trie::cost`] is not
    /// [`NO_WORD`]).
    #[inline]
    pub(super) fn word(&self, state: u32) -> u32 {
        self.units[state as usize].word
    }

    /// How many units the array holds (for tests of its density).
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.units.len()
    }
}
