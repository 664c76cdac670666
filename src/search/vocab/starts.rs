//! The vocabulary's words written backwards, as an Aho–Corasick automaton: read from the end
//! of a run to its start, it says at each place which words start there, one step a letter.
//!
//! [`Vocab::split`](super::Vocab::split) fills its table from the end of the run, asking at
//! each place which words start there; walking the trie from every place answers that in about
//! four steps a letter. The automaton reads each letter once (with, now and then, a step back
//! along a failure link) and lists the words that start there by following links from word to
//! word. [`Vocab::split_text`](super::Vocab::split_text) uses it for documents' text, where
//! the letters are many; a property test of the vocabulary's holds it to the walk's split.

use crate::search::trie::{Node, Trie};

/// No state.
const NONE: u32 = u32::MAX;

/// A word that starts where the automaton stands.
#[derive(Clone, Copy, Debug)]
pub(super) struct Start {
    pub cost: u32,
    pub word: u32,
    /// Its length in letters.
    pub len: u32,
}

/// The automaton: the trie of the reversed words, laid out as a double array ([`Trie`]), and
/// by state its failure link and its link to the next state where a word ends.
#[derive(Clone, Debug)]
pub(super) struct Starts {
    trie: Trie,
    /// By state: the state of the longest proper suffix of its letters that is a state.
    fail: Vec<u32>,
    /// By state: the nearest state along the failure links (itself included) where a word
    /// ends, or [`NONE`].
    link: Vec<u32>,
    /// By state where a word ends: the word.
    starts: Vec<Start>,
}

impl Starts {
    /// The automaton of the words of `nodes` (the vocabulary's trie; node 0 the root).
    pub(super) fn new(nodes: &[Node]) -> Self {
        // The trie of the words written backwards.
        let mut rev: Vec<Node> = vec![Node::default()];
        let mut stack: Vec<(usize, Vec<char>)> = vec![(0, Vec::new())];
        while let Some((n, word)) = stack.pop() {
            let node = &nodes[n];
            if node.cost.is_some() {
                let backwards: String = word.iter().rev().collect();
                let at = Node::insert(&mut rev, &backwards);
                rev[at].cost = node.cost;
                rev[at].word = node.word;
            }
            for &(c, child) in &node.children {
                let mut w = word.clone();
                w.push(c);
                stack.push((child as usize, w));
            }
        }
        let (trie, state_of) = Trie::with_states(&rev);
        let units = trie.units_len();
        let mut fail = vec![0u32; units];
        let mut link = vec![NONE; units];
        let mut starts = vec![
            Start {
                cost: 0,
                word: 0,
                len: 0
            };
            units
        ];
        // Breadth first: a node's failure is found from its parent's, which is nearer the root.
        // A node's depth is the length of the word ending there.
        let mut queue = std::collections::VecDeque::from([(0usize, 0u32)]);
        while let Some((n, depth)) = queue.pop_front() {
            let s = state_of[n];
            let node = &rev[n];
            if let Some(cost) = node.cost {
                starts[s as usize] = Start {
                    cost,
                    word: node.word,
                    len: depth,
                };
            }
            link[s as usize] = if s == Trie::ROOT {
                // No word is empty.
                NONE
            } else if trie.ends_word(s) {
                s
            } else {
                link[fail[s as usize] as usize]
            };
            for &(c, child) in &node.children {
                let t = state_of[child as usize];
                if t == NONE {
                    // Below a letter outside the Thai block: never met in a run.
                    continue;
                }
                let mut f = if s == Trie::ROOT {
                    None
                } else {
                    Some(fail[s as usize])
                };
                // The longest proper suffix of the child's letters that is a state.
                fail[t as usize] = loop {
                    match f {
                        None => break Trie::ROOT,
                        Some(f_state) => match trie.child(f_state, c) {
                            Some(next) => break next,
                            None if f_state == Trie::ROOT => break Trie::ROOT,
                            None => f = Some(fail[f_state as usize]),
                        },
                    }
                };
                queue.push_back((child as usize, depth + 1));
            }
        }
        Self {
            trie,
            fail,
            link,
            starts,
        }
    }

    /// The state after reading the letter at place `k` of the Thai block (going backwards
    /// through the text) from `state`.
    #[inline]
    pub(super) fn step(&self, mut state: u32, k: u8) -> u32 {
        let k = u32::from(k & 0x7F);
        loop {
            if let Some(t) = self.trie.child_letter(state, k) {
                return t;
            }
            if state == Trie::ROOT {
                return state;
            }
            state = self.fail[state as usize];
        }
    }

    /// The words that start at the letter just read, reaching `state`.
    #[inline]
    pub(super) fn each(&self, state: u32, mut f: impl FnMut(Start)) {
        let mut s = self.link[state as usize];
        while s != NONE {
            f(self.starts[s as usize]);
            s = self.link[self.fail[s as usize] as usize];
        }
    }
}
