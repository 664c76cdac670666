//! A run of Thai letters as a build holds it while it finds the documents' words: a byte a
//! letter, its place in the Thai block (U+0E00 + the byte), where UTF-8 takes three. The
//! documents' texts wait in this form from their Markdown to their tokens, the dictionary and
//! the vocabulary read their letters by these places, and a run met again is found by a third
//! of the bytes.

/// Letters of the Thai block, a byte each ([`ThaiRun::encode`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct ThaiRun<'a>(&'a [u8]);

/// Letters the Thai block holds: U+0E00–U+0E7F.
const BLOCK: u32 = 0x80;

impl<'a> ThaiRun<'a> {
    /// Appends each letter of `text` to `out` a byte each; false, with `out` as it was, when
    /// `text` holds a character outside the Thai block.
    pub fn encode(text: &str, out: &mut Vec<u8>) -> bool {
        // A letter of the block is three bytes, E0 B8 80 – E0 B9 BF: read three at a time, a
        // character outside it is met at its first byte (not E0, or followed by another).
        let bytes = text.as_bytes();
        if !bytes.len().is_multiple_of(3) {
            return false;
        }
        let start = out.len();
        out.resize(start + bytes.len() / 3, 0);
        let mut ok = true;
        for (k, c) in out[start..].iter_mut().zip(bytes.chunks_exact(3)) {
            ok &= c[0] == 0xE0 && c[1] & 0xFE == 0xB8;
            *k = place(c[1], c[2]);
        }
        if !ok {
            out.truncate(start);
        }
        ok
    }

    /// The run `bytes` hold, when each is a place in the Thai block.
    pub fn from_bytes(bytes: &'a [u8]) -> Option<Self> {
        bytes
            .iter()
            .all(|b| u32::from(*b) < BLOCK)
            .then_some(Self(bytes))
    }

    /// The run `bytes` hold, written by [`ThaiRun::encode`] (not checked again).
    pub(crate) fn trusted(bytes: &'a [u8]) -> Self {
        debug_assert!(Self::from_bytes(bytes).is_some());
        Self(bytes)
    }

    /// Each letter's place in the block.
    pub fn bytes(self) -> &'a [u8] {
        self.0
    }

    /// How many letters.
    pub fn len(self) -> usize {
        self.0.len()
    }

    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    /// The letters `range` (of letters) covers.
    pub fn slice(self, range: std::ops::Range<usize>) -> Self {
        Self(&self.0[range])
    }

    pub fn chars(self) -> impl DoubleEndedIterator<Item = char> + ExactSizeIterator + 'a {
        self.0.iter().map(|b| letter(*b))
    }

    /// Whether a word may start at letter `i` (as [`crate::search::text::breakable`] says of
    /// the run's characters).
    #[inline]
    pub fn breakable(self, i: usize) -> bool {
        let at = |i: usize| CLASS[usize::from(self.0[i] & 0x7F)];
        i == 0 || i >= self.0.len() || (at(i) & DEPENDENT == 0 && at(i - 1) & LEADING == 0)
    }

    /// Appends the run's text to `out`.
    pub fn push_to(self, out: &mut String) {
        out.reserve(self.0.len() * 3);
        out.extend(self.chars());
    }
}

impl std::fmt::Display for ThaiRun<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        self.push_to(&mut s);
        f.write_str(&s)
    }
}

/// The place in the Thai block of the letter whose UTF-8 is `E0 x1 x2` (`x1` B8 or B9, `x2`
/// 80–BF): every reader of the block's three bytes turns them into a place with this.
#[inline]
pub(crate) const fn place(x1: u8, x2: u8) -> u8 {
    (x1 & 1) << 6 | (x2 & 0x3F)
}

/// In [`CLASS`]: a mark or following vowel, which no word starts with.
const DEPENDENT: u8 = 1;
/// In [`CLASS`]: a leading vowel, which no word ends with.
const LEADING: u8 = 2;

/// By place in the block, what [`ThaiRun::breakable`] asks of a letter.
const CLASS: [u8; BLOCK as usize] = {
    use crate::search::text::{is_dependent, is_leading_vowel};
    let mut class = [0; BLOCK as usize];
    let mut b = 0;
    while b < BLOCK {
        if let Some(c) = char::from_u32(0x0E00 + b) {
            class[b as usize] = if is_dependent(c) { DEPENDENT } else { 0 }
                | if is_leading_vowel(c) { LEADING } else { 0 };
        }
        b += 1;
    }
    class
};

/// The letter of the Thai block at place `b` (below 128).
#[inline]
fn letter(b: u8) -> char {
    char::from_u32(0x0E00 | u32::from(b & 0x7F)).unwrap_or(' ')
}

/// `text` as a run, encoded into `buf` (for tests and callers holding text).
#[cfg(test)]
pub fn encoded<'b>(text: &str, buf: &'b mut Vec<u8>) -> ThaiRun<'b> {
    buf.clear();
    assert!(ThaiRun::encode(text, buf), "{text:?} is all Thai letters");
    ThaiRun(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_holds_its_letters_a_byte_each_and_gives_them_back() {
        let text = "เทศบาลตำบลกุดจิก๙ฯ";
        let mut buf = vec![7];
        assert!(ThaiRun::encode(text, &mut buf));
        assert_eq!(buf.len(), 1 + text.chars().count());
        let run = ThaiRun::from_bytes(&buf[1..]).unwrap();
        assert_eq!(run.to_string(), text);
        assert_eq!(run.slice(0..6).to_string(), "เทศบาล");
        assert_eq!(run.slice(6..7).to_string(), "ต");
        assert_eq!(run.chars().next_back(), Some('ฯ'));
    }

    #[test]
    fn a_run_says_where_a_word_may_start_as_its_text_does() {
        // Every letter of the block after every other, and at both ends.
        let places: Vec<u8> = (0..128).collect();
        for &a in &places {
            for &b in &places {
                let pair = [a, b];
                let run = ThaiRun::from_bytes(&pair).unwrap();
                let chars: Vec<char> = run.chars().collect();
                for i in 0..=2 {
                    assert_eq!(
                        run.breakable(i),
                        crate::search::text::breakable(&chars, i),
                        "{chars:?} at {i}"
                    );
                }
            }
        }
    }

    #[test]
    fn text_outside_the_thai_block_is_not_a_run() {
        // Characters of one, two, three and four bytes, in texts whose length is a multiple
        // of three or not.
        for text in [
            "เทศบาลa",
            "aเทศ",
            "ก ข",
            "abc",
            "ก\u{0E80}",
            "ก\u{0F00}",
            "é",
            "กé",
            "ééé",
            "😀ก😀ก😀",
        ] {
            let mut buf = vec![1, 2];
            assert!(!ThaiRun::encode(text, &mut buf), "{text:?}");
            assert_eq!(buf, [1, 2], "{text:?} leaves the buffer as it was");
        }
        assert!(ThaiRun::from_bytes(&[0x01, 0x80]).is_none());
        assert!(ThaiRun::from_bytes(&[0x01, 0x7F]).is_some());
    }
}
