//! ICU4X's Thai dictionary segmentation, run over a trie of our own.
//!
//! The vocabulary is learnt from the words ICU4X's dictionary word segmenter finds
//! ([`crate::search::vocab`]). That segmenter is a greedy longest match over ICU's Thai word
//! list that only ends a word where a grapheme cluster ends; it walks a compressed trie and a
//! grapheme iterator one character at a time, about 55 ns a character. [`Dict`] makes the same
//! breaks over a double array of the same word list (`search/trie.rs`, the vocabulary's
//! layout: one read a letter), in less than a third of the time. `build.rs` reads the word
//! list out of ICU4X's compiled data and lays the array out when prongsai is compiled; the
//! binary holds it ([`WORD_LIST`]) and a process copies it out once, in a few milliseconds
//! (laying it out takes ten times that, and twice the memory). `tests` compare the two on
//! random Thai text and on the example site, and hold the binary's array to ICU4X's list;
//! should ICU4X's data ever come in a form this cannot read, ICU4X's own segmenter is used
//! instead.

use std::sync::OnceLock;

use crate::search::run::ThaiRun;

#[cfg(test)]
mod icu_words;

/// A piece of a run of Thai letters, as ICU4X's dictionary segmenter cuts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// A word of the dictionary, by its number ([`Dict::word`]).
    Word(u32),
    /// Letters that are not a word of the dictionary.
    Other(ThaiRun<'a>),
}

/// ICU4X's Thai words, and how to cut text with them.
pub struct Dict {
    inner: Inner,
}

enum Inner {
    Trie(Box<Trie>),
    Icu(icu_segmenter::WordSegmenterBorrowed<'static>),
}

/// No word.
const NONE: u32 = u32::MAX;

/// ICU's word list in a double array (`search/trie.rs`), each word's number
/// at the state where it ends.
struct Trie {
    array: crate::search::trie::Trie,
    words: Vec<&'static str>,
}

/// ICU4X's Thai word list as `build.rs` laid it out when prongsai was compiled: the length of
/// the words' text, the words one a line, then the double array
/// ([`crate::search::trie::Trie::to_bytes`]). Empty when ICU4X's data was not in a form
/// `build.rs` reads.
static WORD_LIST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/thai-dict.bin"));

/// The dictionary, read once per process.
pub fn thai() -> &'static Dict {
    static DICT: OnceLock<Dict> = OnceLock::new();
    DICT.get_or_init(Dict::load)
}

impl Dict {
    /// ICU4X's own segmenter: what cuts when the binary holds no word list (ICU4X's data in a
    /// form `build.rs` does not read). It cuts the same pieces, but numbers no words
    /// ([`Piece::Other`] only).
    pub fn icu() -> Dict {
        Dict {
            inner: Inner::Icu(icu_segmenter()),
        }
    }

    fn load() -> Dict {
        Trie::decode(WORD_LIST).map_or_else(Dict::icu, |t| Dict {
            inner: Inner::Trie(Box::new(t)),
        })
    }

    /// How many words the dictionary numbers (none when ICU4X's segmenter is used instead).
    pub fn len(&self) -> usize {
        match &self.inner {
            Inner::Trie(t) => t.words.len(),
            Inner::Icu(_) => 0,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The word numbered `id`.
    pub fn word(&self, id: u32) -> &str {
        match &self.inner {
            Inner::Trie(t) => t.words[id as usize],
            Inner::Icu(_) => "",
        }
    }

    /// The number of `text` when it is a word of the dictionary.
    #[cfg(test)]
    pub fn find(&self, text: &str) -> Option<u32> {
        let mut letters = Vec::new();
        ThaiRun::encode(text, &mut letters).then_some(())?;
        self.find_run(ThaiRun::trusted(&letters))
    }

    /// The number of `run` when it is a word of the dictionary.
    pub fn find_run(&self, run: ThaiRun) -> Option<u32> {
        let Inner::Trie(t) = &self.inner else {
            return None;
        };
        let mut state = crate::search::trie::Trie::ROOT;
        for &k in run.bytes() {
            state = t.array.child_letter(state, u32::from(k))?;
        }
        t.array.ends_word(state).then(|| t.array.word(state))
    }

    /// Cuts `run` as ICU4X's word segmenter with its Thai dictionary does, giving each piece
    /// ICU counts as a word, in order. `scratch` is reused between calls.
    pub fn segment<'a>(
        &self,
        run: ThaiRun<'a>,
        scratch: &mut Scratch,
        mut f: impl FnMut(Piece<'a>),
    ) {
        match &self.inner {
            Inner::Trie(t) => {
                t.prepare(run, scratch);
                t.segment(run, scratch, f)
            }
            Inner::Icu(s) => icu_pieces(s, run, |p| match self.find_run(p) {
                Some(w) => f(Piece::Word(w)),
                None => f(Piece::Other(p)),
            }),
        }
    }
}

/// Buffers for [`Dict::segment`].
#[derive(Default)]
pub struct Scratch {
    /// Each letter's place in the Thai block, with [`MARK`] set when no grapheme cluster ends
    /// before it.
    symbols: Vec<u8>,
}

/// A letter that continues the grapheme cluster before it.
const MARK: u8 = 0x80;

/// ICU4X's dictionary word segmenter for Thai.
pub fn icu_segmenter() -> icu_segmenter::WordSegmenterBorrowed<'static> {
    icu_segmenter::WordSegmenter::new_dictionary(
        icu_segmenter::options::WordBreakInvariantOptions::default(),
    )
}

/// The pieces ICU4X's segmenter finds in `run` that it calls word-like.
fn icu_pieces<'a>(
    segmenter: &icu_segmenter::WordSegmenterBorrowed<'static>,
    run: ThaiRun<'a>,
    mut f: impl FnMut(ThaiRun<'a>),
) {
    let text = run.to_string();
    let mut iter = segmenter.segment_str(&text);
    let mut prev = iter.next().unwrap_or(0);
    while let Some(b) = iter.next() {
        // Every letter of a run is three bytes of its text.
        if iter.is_word_like() && prev < b {
            f(run.slice(prev / 3..b / 3));
        }
        prev = b;
    }
}

/// The Thai letters that continue a grapheme cluster: the marks above and below (Extend) and
/// sara am (SpacingMark).
const fn continues_cluster(c: char) -> bool {
    matches!(
        c,
        '\u{0E31}' | '\u{0E33}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'
    )
}

impl Trie {
    /// What [`WORD_LIST`] holds, or `None` when it holds nothing (or not that).
    fn decode(bytes: &'static [u8]) -> Option<Trie> {
        let (len, rest) = bytes.split_first_chunk::<4>()?;
        let (words, array) = rest.split_at_checked(u32::from_le_bytes(*len) as usize)?;
        let words: Vec<&'static str> = std::str::from_utf8(words).ok()?.split('\n').collect();
        let array = crate::search::trie::Trie::from_bytes(array)?;
        // Every word the array numbers has its text.
        (words.len() == array.words()).then_some(Trie { array, words })
    }

    /// Reads `run` into `scratch`.
    fn prepare(&self, run: ThaiRun, scratch: &mut Scratch) {
        scratch.symbols.clear();
        scratch
            .symbols
            .extend(run.bytes().iter().map(|&k| MARKED[usize::from(k)]));
    }

    /// ICU4X's `DictionaryBreakIterator`, step for step: from each start, walk the trie while
    /// it can go on, remembering the longest word that ends where a cluster ends; when it
    /// cannot go on, cut there, or (no word found) at the end of the cluster where the walk
    /// stopped; at the end of the run, cut at the longest word, or take the rest whole when
    /// some word started there.
    fn segment<'a>(&self, run: ThaiRun<'a>, scratch: &Scratch, mut f: impl FnMut(Piece<'a>)) {
        let array = &self.array;
        let symbols = &scratch.symbols;
        let n = symbols.len();
        let ends_cluster = |i: usize| i >= n || symbols[i] & MARK == 0;
        let mut start = 0;
        while start < n {
            let mut state = crate::search::trie::Trie::ROOT;
            let mut began = false;
            let mut longest = None;
            let mut cut = None;
            for (i, &s) in symbols.iter().enumerate().skip(start) {
                let (word, more) = match array.child_letter(state, u32::from(s & !MARK)) {
                    Some(next) => {
                        state = next;
                        let word = if array.ends_word(next) {
                            array.word(next)
                        } else {
                            NONE
                        };
                        (word, array.has_children(next))
                    }
                    None => (NONE, false),
                };
                let at_end = ends_cluster(i + 1);
                if !more {
                    cut = Some(if word != NONE && at_end {
                        (i + 1, word)
                    } else if let Some(l) = longest {
                        l
                    } else {
                        let mut j = i + 1;
                        while !ends_cluster(j) {
                            j += 1;
                        }
                        (j, NONE)
                    });
                    break;
                }
                if word != NONE && at_end {
                    longest = Some((i + 1, word));
                } else {
                    began = true;
                }
            }
            let (end, word) = match cut.or(longest) {
                Some(c) => c,
                None if began => (n, NONE),
                None => break,
            };
            f(if word == NONE {
                Piece::Other(run.slice(start..end))
            } else {
                Piece::Word(word)
            });
            start = end;
        }
    }
}

/// Each Thai-block letter's symbol as [`Scratch`] holds it: its place in the block, with
/// [`MARK`] when it continues a grapheme cluster.
const MARKED: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut k = 0;
    while k < 128 {
        let c = match char::from_u32(0x0E00 + k as u32) {
            Some(c) => c,
            None => '\0',
        };
        t[k] = k as u8 | if continues_cluster(c) { MARK } else { 0 };
        k += 1;
    }
    t
};

#[cfg(test)]
mod tests;
