//! The trie cuts Thai text exactly as ICU4X's dictionary word segmenter does.

use super::*;
use proptest::prelude::*;

/// The pieces as text, with whether each is a word of the dictionary.
fn ours(run: &str) -> Vec<(String, bool)> {
    let dict = thai();
    let mut letters = Vec::new();
    let mut out = Vec::new();
    let run = crate::search::run::encoded(run, &mut letters);
    dict.segment(run, &mut Scratch::default(), |p| {
        out.push(match p {
            Piece::Word(w) => (dict.word(w).to_owned(), true),
            Piece::Other(t) => (t.to_string(), false),
        })
    });
    out
}

fn icu(run: &str) -> Vec<(String, bool)> {
    let mut letters = Vec::new();
    let mut out = Vec::new();
    let run = crate::search::run::encoded(run, &mut letters);
    icu_pieces(&icu_segmenter(), run, |p| {
        out.push((p.to_string(), thai().find_run(p).is_some()))
    });
    out
}

/// Every letter the index sends to the segmenter (`text::is_thai`).
fn letters() -> Vec<char> {
    ('\u{0E01}'..='\u{0E3A}')
        .chain('\u{0E40}'..='\u{0E4E}')
        .collect()
}

#[test]
fn the_word_list_is_icus() {
    let dict = thai();
    assert!(dict.len() > 20_000, "{} words", dict.len());
    let w = dict.find("ตัวอย่าง").expect("a common word");
    assert_eq!(dict.word(w), "ตัวอย่าง");
    assert_eq!(dict.find("ตัวอย่"), None);
    assert_eq!(dict.find("abc"), None);
    assert_eq!(
        ours("ร้านตัวอย่างพาณิชย์"),
        [
            ("ร้าน".to_owned(), true),
            ("ตัวอย่าง".to_owned(), true),
            ("พาณิชย์".to_owned(), true)
        ]
    );
}

#[test]
fn hard_cases_cut_as_icu_does() {
    for run in [
        "",
        "ก",
        "ั",
        "ัััก",
        "กั",
        "เ",
        "เเเเ",
        "สายบ้านนายแดง",
        "ำำำ",
        "กำ",
        "ๆ",
        "ฯลฯ",
        "ํ๎",
        "ภาษาไทยง่ายนิดเดียว",
        "คอนกรีตเสริมเหล็กหมู่ที่๑",
        "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮ",
    ] {
        assert_eq!(ours(run), icu(run), "{run:?}");
    }
}

#[test]
fn the_example_site_cuts_as_icu_does() {
    let mut runs = Vec::new();
    for (_, text) in crate::example::texts() {
        let mut run = String::new();
        for c in text.chars() {
            if crate::search::text::is_thai(c) {
                run.push(c);
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        runs.extend((!run.is_empty()).then_some(run));
    }
    assert!(runs.len() > 1000, "{} runs", runs.len());
    for run in &runs {
        assert_eq!(ours(run), icu(run), "{run:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any letters, marks where no word has them included.
    #[test]
    fn random_letters_cut_as_icu_does(picks in prop::collection::vec(0usize..1000, 0..40)) {
        let letters = letters();
        let run: String = picks.iter().map(|i| letters[i % letters.len()]).collect();
        prop_assert_eq!(ours(&run), icu(&run), "{:?}", run);
    }

    /// Words of the dictionary run together with stray letters between them: the longest
    /// match, the walk past it and the step back.
    #[test]
    fn words_run_together_cut_as_icu_does(
        picks in prop::collection::vec((0usize..100_000, 0usize..1000, any::<bool>()), 1..12)
    ) {
        let dict = thai();
        let letters = letters();
        let mut run = String::new();
        for (w, l, stray) in picks {
            run.push_str(dict.word(u32::try_from(w % dict.len()).unwrap()));
            if stray {
                run.push(letters[l % letters.len()]);
            }
        }
        prop_assert_eq!(ours(&run), icu(&run), "{:?}", run);
    }
}

#[test]
fn the_word_list_in_the_binary_is_the_one_icu4x_gives() {
    let words = icu_words::thai_words().expect("ICU4X's Thai word list in the form read");
    let made = crate::search::trie::Trie::of_words(&words);
    let Inner::Trie(t) = &thai().inner else {
        panic!("the binary holds no word list")
    };
    assert_eq!(t.words, words);
    assert_eq!(t.array.to_bytes(), made.to_bytes());
}

#[test]
fn a_word_list_that_is_not_one_is_not_read() {
    let made = crate::search::trie::Trie::of_words(&["กา", "กาน"]);
    let bytes = made.to_bytes();
    assert!(crate::search::trie::Trie::from_bytes(&bytes).is_some());
    // Cut short, a byte more, an empty list, a base that steps past the end.
    assert!(crate::search::trie::Trie::from_bytes(&bytes[..bytes.len() - 1]).is_none());
    assert!(crate::search::trie::Trie::from_bytes(&[bytes.as_slice(), &[0]].concat()).is_none());
    assert!(crate::search::trie::Trie::from_bytes(&[]).is_none());
    let mut far = bytes.clone();
    far[4..8].copy_from_slice(&0x7FFF_0000u32.to_le_bytes());
    assert!(crate::search::trie::Trie::from_bytes(&far).is_none());
    // Words and array that do not go together.
    let leaked: &'static [u8] = Box::leak(
        [&3u32.to_le_bytes()[..], b"abc", &bytes]
            .concat()
            .into_boxed_slice(),
    );
    assert!(
        Trie::decode(leaked).is_none(),
        "one word for an array of two"
    );
    assert!(Trie::decode(&[]).is_none());
}
