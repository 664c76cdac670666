//! Which pairs and triples of letters a text holds, in a few hundred bytes: a word one of
//! whose pairs or triples the text lacks is not in it. A build that must know which unchanged
//! documents hold a word whose cost changed asks this first, and reads out of its Markdown
//! only a document that may hold one.

/// Bits of the set (a power of two).
const BITS: usize = 4096;

/// The pairs and triples of letters of a text, dots left out (as the words a build looks for
/// are found with the dots of abbreviations left out).
#[derive(Clone, PartialEq, Eq)]
pub struct Letters(Box<[u64; BITS / 64]>);

impl std::fmt::Debug for Letters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let set: u32 = self.0.iter().map(|w| w.count_ones()).sum();
        write!(f, "Letters({set} of {BITS} bits)")
    }
}

/// Each pair and triple of neighbouring letters of `text` (dots left out), as a bit.
fn grams(text: &str, mut each: impl FnMut(usize)) {
    // The last three letters, 21 bits each: the last two are its low 42 bits.
    const PAIR: u64 = (1 << 42) - 1;
    const TRIPLE: u64 = (1 << 63) - 1;
    let mut last = 0u64;
    let mut seen = 0u8;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Read a byte at a time: a letter of the Thai block from its three bytes (U+0E00–
        // U+0E7F is E0 B8 80 – E0 B9 BF), ASCII from its one.
        let c = if let [0xE0, x1 @ (0xB8 | 0xB9), x2, ..] = b[i..] {
            i += 3;
            0x0E00 | u64::from(crate::search::run::place(x1, x2))
        } else if b[i] < 0x80 {
            i += 1;
            if b[i - 1] == b'.' {
                continue;
            }
            u64::from(b[i - 1])
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            u64::from(c)
        };
        last = ((last << 21) | c) & TRIPLE;
        if seen >= 2 {
            each(bit(last & PAIR));
            each(bit((1 << 63) | last));
        } else {
            seen += 1;
            if seen == 2 {
                each(bit(last & PAIR));
            }
        }
    }
}

/// Letters packed 21 bits each (a triple marked by the top bit), to a bit of the set:
/// Fibonacci hashing, whose top bits every letter stirs.
fn bit(packed: u64) -> usize {
    (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS.trailing_zeros())) as usize
}

impl Letters {
    pub fn of(text: &str) -> Self {
        // Marked a byte each, then packed: a bit set directly would be read, changed and
        // written again for every letter.
        let mut marks = [false; BITS];
        grams(text, |i| marks[i] = true);
        let mut set = Box::new([0u64; BITS / 64]);
        for (word, marks) in set.iter_mut().zip(marks.chunks_exact(64)) {
            *word = marks
                .iter()
                .enumerate()
                .fold(0, |w, (k, &m)| w | u64::from(m) << k);
        }
        Self(set)
    }

    /// The bits of `word`, to test texts for it with [`Letters::may_hold`].
    pub fn of_word(word: &str) -> Vec<usize> {
        let mut bits = Vec::new();
        grams(word, |i| bits.push(i));
        bits
    }

    /// `false` when the text surely does not hold the word of `bits` ([`Letters::of_word`]).
    pub fn may_hold(&self, bits: &[usize]) -> bool {
        bits.iter().all(|i| self.0[i / 64] & (1 << (i % 64)) != 0)
    }

    /// Appends the set's [`Letters::BYTES`] bytes to `out`.
    pub fn write_to(&self, out: &mut Vec<u8>) {
        for w in self.0.iter() {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }

    /// What [`Letters::write_to`] wrote, or `None` when `bytes` are not that long.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        if bytes.len() != BITS / 8 {
            return None;
        }
        let mut set = Box::new([0u64; BITS / 64]);
        for (w, chunk) in set.iter_mut().zip(bytes.chunks_exact(8)) {
            *w = u64::from_le_bytes(chunk.try_into().ok()?);
        }
        Some(Self(set))
    }

    /// The bytes of a set that holds every pair and triple: one that rules out nothing.
    pub fn every() -> Vec<u8> {
        vec![0xFF; BITS / 8]
    }

    /// Bytes of [`Letters::write_to`].
    pub const BYTES: usize = BITS / 8;
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_word_missing_a_pair_is_not_held() {
        let l = Letters::of("ไปตากลมที่ลานบ้าน ค.ส.ล.");
        for held in ["ตากลม", "ลานบ้าน", "ไป", "คสล", "มที่ลา"]
        {
            assert!(l.may_hold(&Letters::of_word(held)), "{held}");
        }
        let missing = ["ถนนคอนกรีต", "อาสาสมัคร", "งห"];
        let found: Vec<&str> = missing
            .into_iter()
            .filter(|w| l.may_hold(&Letters::of_word(w)))
            .collect();
        assert!(found.is_empty(), "said to be held: {found:?}");
        let mut bytes = Vec::new();
        l.write_to(&mut bytes);
        assert_eq!(bytes.len(), Letters::BYTES);
        assert_eq!(Letters::from_bytes(&bytes), Some(l));
        assert_eq!(Letters::from_bytes(&[0; 3]), None);
        let every = Letters::from_bytes(&Letters::every()).unwrap();
        assert!(missing.iter().all(|w| every.may_hold(&Letters::of_word(w))));
    }

    /// The bits [`Letters::of`] sets, read a character at a time: the sets kept by the last
    /// build must mean what they meant.
    fn of_chars(text: &str) -> Letters {
        let letters: Vec<u64> = text.chars().filter(|c| *c != '.').map(u64::from).collect();
        let mut set = Box::new([0u64; BITS / 64]);
        let mut mark = |i: usize| set[i / 64] |= 1 << (i % 64);
        for (k, c) in letters.iter().enumerate().skip(1) {
            let before = letters[k - 1];
            mark(bit(before << 21 | c));
            if k >= 2 {
                mark(bit(1 << 63 | letters[k - 2] << 42 | before << 21 | c));
            }
        }
        Letters(set)
    }

    proptest! {
        /// The same bits as a character at a time, whatever the letters.
        #[test]
        fn letters_read_by_bytes_are_those_read_by_characters(
            text in "[ก-๛ะาิีุู่้ .a-zA-Z0-9é€😀\u{0E00}-\u{0E7F}]{0,80}",
        ) {
            prop_assert_eq!(Letters::of(&text), of_chars(&text));
        }

        /// Never says no to a word the text holds, dots left out.
        #[test]
        fn a_held_word_may_be_held(
            text in "[ก-ฮะาิีุู่้ .]{0,60}",
            from in 0usize..60,
            len in 0usize..12,
        ) {
            let plain: Vec<char> = text.chars().filter(|c| *c != '.').collect();
            let from = from.min(plain.len());
            let to = (from + len).min(plain.len());
            let word: String = plain[from..to].iter().collect();
            prop_assert!(Letters::of(&text).may_hold(&Letters::of_word(&word)));
        }
    }
}
