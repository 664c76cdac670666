//! A trie of Thai words laid out as a double array: the vocabulary's, for its least-cost split
//! ([`Vocab::split`](super::vocab::Vocab::split); written backwards, for the split of
//! documents' text), and ICU's word list, for its cut
//! ([`Dict::segment`](super::dict::Dict::segment)).
//!
//! Each goes through the trie one letter at a time over every letter of the site's text, so a
//! step must cost little. In a double array the child of state `s` for letter `k` is the unit at
//! `base(s) + k`, which is that child only if its `check` names `s`: one read a step, no
//! search among children. A unit is eight bytes, its base and check, a bit of the base saying
//! whether a word ends there; the word's cost and number lie in another array, read only then,
//! so the units a walk goes through stay in the fastest cache. Letters are numbered by their
//! place in the Thai block (`c − U+0E00`), the only letters a Thai run holds; a word with a
//! letter outside the block could never be found in one, and is left out.

/// A node of a trie being built: its children by letter (sorted), and the word ending there.
#[derive(Clone, Debug, Default)]
pub(crate) struct Node {
    pub(crate) children: Vec<(char, u32)>,
    pub(crate) cost: Option<u32>,
    /// The number of the word ending here (when `cost` is set).
    pub(crate) word: u32,
}

impl Node {
    /// Adds `word` below node 0 of `nodes`; the node where it ends.
    pub(crate) fn insert(nodes: &mut Vec<Node>, word: &str) -> usize {
        let mut node = 0usize;
        for c in word.chars() {
            node = match nodes[node].children.binary_search_by_key(&c, |&(k, _)| k) {
                Ok(i) => nodes[node].children[i].1 as usize,
                Err(i) => {
                    let n = nodes.len();
                    nodes.push(Node::default());
                    nodes[node]
                        .children
                        .insert(i, (c, u32::try_from(n).unwrap_or(u32::MAX)));
                    n
                }
            };
        }
        node
    }
}

/// No word ends at a state.
const NO_WORD: u32 = u32::MAX;
/// Letters are `c − U+0E00`, below this.
const LETTERS: u32 = 128;
/// The `check` of a unit no state owns.
const FREE: u32 = 0;
/// The `check` of the root, which no state owns either but is taken.
const ROOT_CHECK: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
struct Unit {
    /// Where this state's children are: the child for letter `k` is at `base + k`; with
    /// [`ENDS`] set when a word ends at this state.
    base: u32,
    /// The state this unit is a child of, plus one; [`FREE`] when none.
    check: u32,
}

/// The bit of [`Unit::base`] set when a word ends at the state.
const ENDS: u32 = 1 << 31;

const EMPTY: Unit = Unit {
    base: 0,
    check: FREE,
};

/// The word ending at a state: its cost (or [`NO_WORD`]) and number ([`Node::word`]).
type End = (u32, u32);

const NO_END: End = (NO_WORD, NO_WORD);

/// No unit: the end of [`FreeList`].
const NONE: u32 = u32::MAX;

/// The free units of an array being laid out, in order, linked both ways.
struct FreeList {
    head: u32,
    tail: u32,
    next: Vec<u32>,
    prev: Vec<u32>,
}

impl FreeList {
    fn new() -> Self {
        Self {
            head: NONE,
            tail: NONE,
            next: Vec::new(),
            prev: Vec::new(),
        }
    }

    /// Adds unit `i`, after every unit the list holds.
    fn push(&mut self, i: usize) {
        let unit = u32::try_from(i).unwrap_or(NONE);
        self.next.resize(i + 1, NONE);
        self.prev.resize(i + 1, NONE);
        match self.tail {
            NONE => self.head = unit,
            tail => self.next[tail as usize] = unit,
        }
        self.prev[i] = self.tail;
        self.tail = unit;
    }

    /// Takes unit `i` (which the list holds) out.
    fn remove(&mut self, i: usize) {
        let (p, n) = (self.prev[i], self.next[i]);
        match p {
            NONE => self.head = n,
            p => self.next[p as usize] = n,
        }
        match n {
            NONE => self.tail = p,
            n => self.prev[n as usize] = p,
        }
    }
}

/// Makes `units` `len` long, the new units free.
fn grow(units: &mut Vec<Unit>, free: &mut FreeList, len: usize) {
    for i in units.len()..len {
        units.push(EMPTY);
        free.push(i);
    }
}

/// A base below [`ENDS`] (an array of two thousand million units is never made).
fn base_of(base: usize) -> u32 {
    u32::try_from(base).unwrap_or(u32::MAX) & !ENDS
}

/// The trie as a double array; state 0 is the root.
#[derive(Clone, Debug)]
pub(crate) struct Trie {
    units: Vec<Unit>,
    /// By state, the word ending there.
    ends: Vec<End>,
}

/// The letter number of `c`, or `None` outside the Thai block.
fn letter(c: char) -> Option<u32> {
    (c as u32).checked_sub(0x0E00).filter(|k| *k < LETTERS)
}

impl Trie {
    pub(crate) const ROOT: u32 = 0;

    /// Lays out the trie `nodes` (node 0 the root, children sorted by letter).
    pub(crate) fn new(nodes: &[Node]) -> Self {
        Self::with_states(nodes).0
    }

    /// [`Trie::new`], and the state each node was given ([`NONE`] for a node left out, below
    /// a letter outside the Thai block).
    pub(crate) fn with_states(nodes: &[Node]) -> (Self, Vec<u32>) {
        let mut state_of = vec![NONE; nodes.len()];
        let mut units = vec![EMPTY];
        units[0].check = ROOT_CHECK;
        // The free units in order, so a search for room passes over none that is taken.
        let mut free = FreeList::new();
        // Every base is followed by LETTERS units, so a lookup never reads past the end.
        grow(&mut units, &mut free, LETTERS as usize + 1);
        // Node, the state it was given; depth first, so a word's states lie near each other.
        let mut stack = vec![(0usize, 0u32)];
        let mut letters: Vec<(u32, usize)> = Vec::new();
        let mut ends: Vec<End> = Vec::new();
        while let Some((n, state)) = stack.pop() {
            state_of[n] = state;
            let node = &nodes[n];
            if let Some(cost) = node.cost {
                if ends.len() <= state as usize {
                    ends.resize(state as usize + 1, NO_END);
                }
                ends[state as usize] = (cost, node.word);
                units[state as usize].base |= ENDS;
            }
            letters.clear();
            letters.extend(
                node.children
                    .iter()
                    .filter_map(|&(c, child)| Some((letter(c)?, child as usize))),
            );
            let Some(&(low, _)) = letters.first() else {
                continue;
            };
            // The least base whose units for all the letters are free, trying the free units
            // in turn for the lowest letter.
            let mut at = free.head;
            let base = loop {
                if at == NONE {
                    let end = units.len();
                    grow(&mut units, &mut free, end + LETTERS as usize);
                    at = u32::try_from(end).unwrap_or(NONE);
                    continue;
                }
                let a = at as usize;
                if a > low as usize {
                    let base = a - low as usize;
                    if base + LETTERS as usize >= units.len() {
                        grow(&mut units, &mut free, base + LETTERS as usize + 1);
                    }
                    if letters
                        .iter()
                        .all(|&(k, _)| units[base + k as usize].check == FREE)
                    {
                        break base;
                    }
                }
                at = free.next[a];
            };
            units[state as usize].base |= base_of(base);
            for &(k, child) in letters.iter().rev() {
                let slot = base + k as usize;
                units[slot].check = state + 1;
                free.remove(slot);
                stack.push((child, u32::try_from(slot).unwrap_or(u32::MAX)));
            }
        }
        ends.resize(units.len(), NO_END);
        (Self { units, ends }, state_of)
    }

    /// The trie of `words`, each numbered by its place in them, none with a cost of its own
    /// (ICU's word list, which has no costs). Made by `build.rs`, and by the tests.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn of_words(words: &[impl AsRef<str>]) -> Self {
        let mut nodes = vec![Node::default()];
        for (i, w) in words.iter().enumerate() {
            let n = Node::insert(&mut nodes, w.as_ref());
            nodes[n].cost = Some(0);
            nodes[n].word = u32::try_from(i).unwrap_or(NO_WORD);
        }
        Self::new(&nodes)
    }

    /// The array as bytes: how many units, each unit's base and check, then each state's word
    /// ending there (cost and number), every number four bytes, little-endian. Written by
    /// `build.rs`, and by the tests.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + self.units.len() * 16);
        let mut put = |n: u32| out.extend_from_slice(&n.to_le_bytes());
        put(u32::try_from(self.units.len()).unwrap_or(u32::MAX));
        for u in &self.units {
            put(u.base);
            put(u.check);
        }
        for &(cost, word) in &self.ends {
            put(cost);
            put(word);
        }
        out
    }

    /// What [`Trie::to_bytes`] wrote, or `None` when `bytes` are not an array every step of
    /// which stays inside it.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let mut numbers = bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
        let len = numbers.next()? as usize;
        if len.checked_mul(16).and_then(|b| b.checked_add(4)) != Some(bytes.len())
            || len <= LETTERS as usize
        {
            return None;
        }
        let mut pair = || Some((numbers.next()?, numbers.next()?));
        let units = (0..len)
            .map(|_| pair().map(|(base, check)| Unit { base, check }))
            .collect::<Option<Vec<Unit>>>()?;
        let ends = (0..len).map(|_| pair()).collect::<Option<Vec<End>>>()?;
        // A step reads the unit at a base plus a letter: every one of them is in the array.
        units
            .iter()
            .all(|u| ((u.base & !ENDS) + LETTERS) as usize <= len)
            .then_some(Self { units, ends })
    }

    /// How many states a word ends at.
    pub(crate) fn words(&self) -> usize {
        self.units.iter().filter(|u| u.base & ENDS != 0).count()
    }

    /// How many units the array holds: every state is below it.
    pub(crate) fn units_len(&self) -> usize {
        self.units.len()
    }

    /// The state after `state` reads the letter `k` of the Thai block (below 128), if a word
    /// goes on that way.
    #[inline]
    pub(crate) fn child_letter(&self, state: u32, k: u32) -> Option<u32> {
        debug_assert!(k < LETTERS);
        let t = (self.units[state as usize].base & !ENDS) + k;
        (self.units[t as usize].check == state + 1).then_some(t)
    }

    /// Whether a longer word goes on from `state`.
    #[inline]
    pub(crate) fn has_children(&self, state: u32) -> bool {
        // A state with children has a base of at least one (see `with_states`).
        self.units[state as usize].base & !ENDS != 0
    }

    /// The state after `state` reads `c`, if a word goes on that way.
    #[inline]
    pub(crate) fn child(&self, state: u32, c: char) -> Option<u32> {
        self.child_letter(state, letter(c)?)
    }

    /// Whether a word ends at `state`.
    #[inline]
    pub(crate) fn ends_word(&self, state: u32) -> bool {
        self.units[state as usize].base & ENDS != 0
    }

    /// The cost of the word ending at `state`, or [`NO_WORD`].
    #[inline]
    pub(crate) fn cost(&self, state: u32) -> u32 {
        self.ends[state as usize].0
    }

    /// The number of the word ending at `state` (meaningful when [`Trie::cost`] is not
    /// [`NO_WORD`]).
    #[inline]
    pub(crate) fn word(&self, state: u32) -> u32 {
        self.ends[state as usize].1
    }
}
