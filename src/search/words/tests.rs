//! How the words whose entries changed between builds are told apart: only a word that is
//! new, or cheaper with the same atoms, may leave a document that holds it unsplit.

use super::*;
use crate::search::text::normalize_clean;

#[test]
fn only_new_and_cheaper_words_count_as_cheaper() {
    let mut counts = Counts::default();
    for (w, n) in [
        ("ตา", 40),
        ("กลม", 30),
        ("ลม", 20),
        ("ใหม่", 5),
        ("ตากลม", 3),
    ] {
        counts.words.insert(w.to_owned(), n);
    }
    let vocab = vocab::build(&counts, &[], &[]);
    let cost = |w: &str| vocab.get(w).expect(w).cost;
    // The last build's vocabulary: ตา dearer then, กลม cheaper then, ลม the same, ตากลม the
    // same cost but other atoms, เก่า gone since; ใหม่ not there.
    let strings: Vec<Box<str>> = ["ตา", "กลม", "ลม", "ตากลม", "เก่า", "ตาก"]
        .into_iter()
        .map(Box::from)
        .collect();
    let atoms_now = &vocab.get("ตากลม").unwrap().atoms;
    let other_atoms = if atoms_now.is_empty() {
        vec![5, 2]
    } else {
        Vec::new()
    };
    let memo = Memo {
        settings: 0,
        words: strings.len(),
        strings,
        vocab: vec![
            (cost("ตา") + 16, Vec::new()),
            (cost("กลม") - 16, Vec::new()),
            (cost("ลม"), Vec::new()),
            (cost("ตากลม"), other_atoms),
            (100, Vec::new()),
            (100, Vec::new()),
        ],
        totals: Vec::new(),
        docs: Vec::new(),
        lists: None,
    };
    let mut changed = changed_words(&memo, &vocab);
    changed.sort();
    let expected: Vec<(String, bool)> = [
        ("กลม", false),
        ("ตา", true),
        ("ตาก", false),
        ("ตากลม", false),
        ("เก่า", false),
        ("ใหม่", true),
    ]
    .into_iter()
    .map(|(w, c)| (w.to_owned(), c))
    .collect();
    let mut expected = expected;
    expected.sort();
    assert_eq!(changed, expected);
}

/// Counting with ICU4X's word list read into a trie gives the counts ICU4X's own segmenter
/// gives, for the whole site and each document (builds choose between them by how many
/// documents there are to count).
#[test]
fn the_word_list_counts_as_icu_does() {
    let texts = crate::example::texts();
    assert!(texts.len() > 20, "{} files", texts.len());
    let prepared: Vec<Option<Prepared>> = texts
        .iter()
        .enumerate()
        .map(|(i, (title, text))| {
            (i % 5 != 0).then(|| Prepared {
                title: Packed::new(&normalize_clean(&title.display().to_string())),
                text: Packed::new(&normalize_clean(text)),
            })
        })
        .collect();
    let site = SiteWords::new(&["เทศบาลตำบล".to_owned(), "นายแดง".to_owned()]);
    let sorted = |(total, mut each): count::Counted| {
        each.sort_unstable();
        for (_, d) in &mut each {
            d.sort_unstable();
        }
        let mut total: Vec<(String, u64)> = total.words.into_iter().collect();
        total.sort_unstable();
        (total, each)
    };
    let icu = crate::search::dict::Dict::icu();
    let by_icu = sorted(count::count_words(&prepared, &site, || &icu));
    let by_trie = sorted(count::count_words(
        &prepared,
        &site,
        crate::search::dict::thai,
    ));
    assert!(by_icu.0.len() > 1000, "{} words", by_icu.0.len());
    assert!(by_icu.0.iter().any(|(w, _)| w == "เทศบาลตำบล"));
    assert_eq!(by_icu.1.len(), prepared.iter().flatten().count());
    assert_eq!(by_icu, by_trie);
}

proptest::proptest! {
    /// A snippet's source is at most `SNIPPET_SOURCE` characters, and its own: cutting it
    /// again changes nothing.
    #[test]
    fn a_snippet_source_is_its_own(
        words in proptest::collection::vec("[ก-ฮa-z]{1,12}", 0..200),
        sep in "[ \n]",
    ) {
        let text = words.join(&sep);
        let once = snippet_source(&text);
        proptest::prop_assert!(once.chars().count() <= SNIPPET_SOURCE);
        proptest::prop_assert_eq!(snippet_source(&once), once);
    }

    /// The cut is where one made by counting characters one by one falls, whatever the
    /// letters (one to four bytes each).
    #[test]
    fn a_snippet_source_is_cut_where_counted_characters_say(
        words in proptest::collection::vec("[ก-ฮa-zé€😀]{1,12}", 0..200),
        sep in "[ \n]",
    ) {
        let text = words.join(&sep);
        let counted = match text.char_indices().nth(SNIPPET_SOURCE) {
            None => text.clone(),
            Some((end, _)) => {
                let cut = &text[..end];
                match cut.rfind(' ') {
                    Some(i) if i > cut.len() / 2 => cut[..i].to_owned(),
                    _ => cut.to_owned(),
                }
            }
        };
        proptest::prop_assert_eq!(snippet_source(&text), counted);
    }
}

/// Runs met again are given the tokens they were given before, on the same thread, across
/// documents and within one: the same tokens a fresh cut gives each.
#[test]
fn runs_met_again_get_the_tokens_of_a_fresh_cut() {
    let mut counts = Counts::default();
    for (w, n) in [("ถนน", 30), ("คอนกรีต", 20), ("เทศบาล", 40), ("ตำบล", 25)]
    {
        counts.words.insert(w.to_owned(), n);
    }
    let vocab = vocab::build(&counts, &[], &[]);
    let atoms: Vec<Vec<u32>> = vocab
        .list()
        .iter()
        .map(|w| vocab.index_of(w).into_iter().collect())
        .collect();
    let long = "ถนนคอนกรีตเทศบาลตำบลถนนคอนกรีตเทศบาลตำบลถนนคอนกรีตxyz".replace("xyz", "ฮฮ");
    let docs: Vec<Packed> = [
        format!("เทศบาลตำบล 2566 {long} {long}"),
        format!("ถนนคอนกรีตฮ เทศบาลตำบล {long}"),
        "ฮฮฮ ถนนคอนกรีตฮ".to_owned(),
    ]
    .map(|text| Packed::new(&text))
    .into();
    let names = |toks: &[Tok]| -> Vec<String> {
        toks.iter()
            .map(|t| match t {
                Tok::Word(w) => vocab.list()[*w as usize].clone(),
                Tok::Other(o) => format!("?{o}"),
            })
            .collect()
    };
    let mut shared = Cutter::default();
    for doc in &docs {
        shared.next_document();
        let mut again = Vec::new();
        doc_tokens(&vocab, &atoms, doc.iter(), &mut shared, &mut again);
        let mut fresh = Vec::new();
        for piece in doc.iter() {
            doc_tokens(&vocab, &atoms, [piece], &mut Cutter::default(), &mut fresh);
        }
        assert_eq!(names(&again), names(&fresh));
        assert!(names(&fresh).contains(&"คอนกรีต".to_owned()));
    }
}

#[test]
fn tokens_numbered_apart_take_the_numbers_one_interner_gives_in_order() {
    let toks = || {
        vec![
            Tok::Word(3),
            Tok::Other("๑๐๐".into()),
            Tok::Word(5),
            Tok::Other("e-GP".into()),
            Tok::Other("๑๐๐".into()),
            Tok::Other("ค.ศ".into()),
        ]
    };
    let mut one = Interner::new(10);
    let whole: Vec<u32> = toks().into_iter().map(|t| one.id(t)).collect();
    assert_eq!(whole, [3, 10, 5, 11, 10, 12]);
    // Numbered on another thread first, the others by the interner after: the same numbers,
    // and the buffer left empty for the next document.
    let mut apart = Interner::new(10);
    let mut buf = toks();
    let numbered = Numbered::of(&mut buf);
    assert!(buf.is_empty());
    assert_eq!(numbered.finish(&mut apart), whole);
    assert_eq!(apart.count(), 13);
    assert_eq!(&*apart.names[1], "e-GP");
}

/// [`vocab::each_word`] as first written (at each place, every length down from the longest
/// site word's looked up): the words' texts.
fn each_word_by_lengths(site: &[String], run: &str) -> Vec<String> {
    use crate::search::dict::Piece;
    use crate::search::text::breakable;
    let dict = crate::search::dict::thai();
    let mut scratch = crate::search::dict::Scratch::default();
    let longest = site.iter().map(|w| w.chars().count()).max().unwrap_or(0);
    let chars: Vec<(usize, char)> = run.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(run.len(), |c| c.0);
    let letters: Vec<char> = chars.iter().map(|c| c.1).collect();
    let mut out = Vec::new();
    let mut segment = |text: &str, out: &mut Vec<String>| {
        let mut letters = Vec::new();
        let run = crate::search::run::encoded(text, &mut letters);
        dict.segment(run, &mut scratch, |p| {
            out.push(match p {
                Piece::Word(w) => dict.word(w).to_owned(),
                Piece::Other(t) => t.to_string(),
            })
        })
    };
    let (mut rest, mut i) = (0, 0);
    while i < letters.len() {
        let found = breakable(&letters, i)
            .then(|| {
                (2..=longest.min(letters.len() - i))
                    .rev()
                    .filter(|&l| breakable(&letters, i + l))
                    .find(|&l| site.iter().any(|w| *w == run[at(i)..at(i + l)]))
            })
            .flatten();
        let Some(l) = found else {
            i += 1;
            continue;
        };
        segment(&run[at(rest)..at(i)], &mut out);
        out.push(run[at(i)..at(i + l)].to_owned());
        i += l;
        rest = i;
    }
    segment(&run[at(rest)..], &mut out);
    out
}

proptest::proptest! {
    /// The site's words found by reading a letter more at a time while they start one are
    /// those found by looking up every length: runs of site words (one the start of another,
    /// one starting with a mark's letter) and other letters.
    #[test]
    fn site_words_found_letter_by_letter_as_by_every_length(
        picks in proptest::collection::vec(0usize..9, 0..14),
    ) {
        let site: Vec<String> = ["นายแดง", "นายแดงน้อย", "บ้านนา", "แดง", "น้ำใส"]
            .map(String::from)
            .to_vec();
        let parts = ["นายแดง", "น้อย", "บ้านนา", "น้ำใส", "ยแ", "ก", "ี", "ถนน", "แดง"];
        let run: String = picks.iter().map(|&i| parts[i]).collect();
        let dict = crate::search::dict::thai();
        let mut found = Vec::new();
        let mut letters = Vec::new();
        vocab::each_word(
            dict,
            &mut crate::search::dict::Scratch::default(),
            &SiteWords::new(&site),
            crate::search::run::encoded(&run, &mut letters),
            |p| found.push(match p {
                crate::search::dict::Piece::Word(w) => dict.word(w).to_owned(),
                crate::search::dict::Piece::Other(t) => t.to_string(),
            }),
        );
        proptest::prop_assert_eq!(found, each_word_by_lengths(&site, &run));
    }
}
