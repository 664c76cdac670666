//! The index built from fixed records: what queries find, and that a kept memo and kept
//! texts build what a fresh build does.

use std::collections::{HashMap, HashSet};

use super::*;
use crate::search::query::{Engine, Request};
use crate::search::words::TextPieces;

fn input() -> Input {
    let texts = [
        (
            "ประกาศผู้ชนะการเสนอราคา ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๓",
            "ร้านตัวอย่างพาณิชย์ เป็นผู้ชนะ ราคา ๔๙๘,๐๐๐ บาท",
        ),
        (
            "ราคากลางงานซ่อมแซมถนนลูกรัง",
            "คณะกรรมการกำหนดราคากลาง ถนนลูกรังสายบ้านนา",
        ),
        (
            "มาตรการป้องกันผลประโยชน์ทับซ้อน",
            "เจ้าหน้าที่ต้องไม่มีส่วนได้เสียกับผู้เสนอราคา",
        ),
        (
            "ช่องทางร้องเรียนการทุจริต",
            "ร้องเรียนได้ทางโทรศัพท์ หรือเว็บไซต์ของเทศบาล",
        ),
    ];
    Input {
        types: vec![("announcements".into(), "ประกาศ".into())],
        records: texts
            .iter()
            .enumerate()
            .map(|(i, (title, text))| Record {
                kind: 0,
                title: (*title).into(),
                url: format!("announcements/{i}/"),
                date: NaiveDate::from_ymd_opt(2023, 1, 1 + i as u32),
                date_text: String::new(),
                fiscal_year: Some(2566),
                text: (*text).into(),
                whole: None,
                text_hash: None,
            })
            .collect(),
        words: vec!["ร้านตัวอย่างพาณิชย์".into()],
        synonyms: Vec::new(),
        numerals: crate::thai::numerals::Numerals::default(),
    }
}

fn engine(built: Built) -> Engine<impl crate::search::query::Files> {
    let files: HashMap<String, String> = built.files.into_iter().collect();
    Engine::open(move |p: &str| files.get(p).cloned()).expect("the index opens")
}

fn record(i: usize, title: &str, text: &str) -> Record {
    Record {
        kind: 0,
        title: title.into(),
        url: format!("announcements/x{i}/"),
        date: NaiveDate::from_ymd_opt(2024, 2, 1 + (i % 27) as u32),
        date_text: String::new(),
        fiscal_year: Some(2567),
        text: text.into(),
        whole: None,
        text_hash: None,
    }
}

/// Longer than the start of a text a record may hold instead of the whole.
fn long_text() -> String {
    "ประชุมสภาเทศบาล ".repeat(40)
}

/// The documents titled `from` but the first `skip` become `to`, the text `to` three times.
fn rewrite(i: &mut Input, from: &str, to: &str, skip: usize) {
    for r in i.records.iter_mut().filter(|r| r.title == from).skip(skip) {
        r.title = to.into();
        r.text = [to; 3].join(" ");
    }
}

#[test]
fn a_kept_memo_builds_the_same_index() {
    // Each step changes the site; built with the last step's memo, the index must be the
    // one a build without it makes.
    type Step = Box<dyn Fn(&mut Input)>;
    let steps: Vec<(&str, Step, Option<bool>)> = vec![
        ("nothing", Box::new(|_| {}), Some(true)),
        (
            "a new word in one text",
            Box::new(|i| i.records[0].text.push_str(" อาสาสมัครดับเพลิงประจำหมู่บ้าน")),
            None,
        ),
        (
            "a document added",
            Box::new(|i| {
                i.records
                    .push(record(9, "ถนนคอนกรีตสายใหม่", "ก่อสร้างถนน ค.ส.ล. ๒๐๐ เมตร"))
            }),
            None,
        ),
        (
            "a document twice",
            Box::new(|i| {
                let mut twin = i.records[1].clone();
                twin.url = "announcements/twin/".into();
                i.records.push(twin);
            }),
            None,
        ),
        (
            "one of the twins removed",
            Box::new(|i| {
                i.records.pop();
            }),
            None,
        ),
        (
            "a document removed",
            Box::new(|i| {
                i.records.remove(2);
            }),
            None,
        ),
        (
            "a word's only document removed",
            Box::new(|i| i.records.retain(|r| !r.text.contains("อาสาสมัคร"))),
            None,
        ),
        (
            // ตากลม splits ตา|กลม while those are the common words, ตาก|ลม once these are:
            // the document that holds it, unchanged, must be split again.
            "other documents change how an unchanged one splits",
            Box::new(|i| {
                for k in 0..30 {
                    i.records
                        .push(record(100 + k, "ตาก ลม", "ตาก ลม ตาก ลม ตาก ลม"));
                }
            }),
            None,
        ),
        (
            // ตาก and ลม cost more again while every other count stays: the unchanged
            // document that holds ตากลม writes it ตา|กลม again.
            "a word an unchanged document used made dearer",
            Box::new(|i| rewrite(i, "ตาก ลม", "ปลา น้ำ", 3)),
            None,
        ),
        (
            // And cheaper again: the unchanged document writes ตาก|ลม again.
            "a word an unchanged document holds made cheaper",
            Box::new(|i| rewrite(i, "ปลา น้ำ", "ตาก ลม", 5)),
            None,
        ),
        (
            "a number only one document has",
            Box::new(|i| i.records[0].text.push_str(" เลขที่ 4711/2567")),
            None,
        ),
        (
            "that number changed",
            Box::new(|i| i.records[0].text = i.records[0].text.replace("4711", "4712")),
            None,
        ),
        (
            "text not yet clean",
            Box::new(|i| {
                i.records[0]
                    .text
                    .push_str(" น\u{0E4D}\u{0E32}ส่ง ถ\u{200B}นน")
            }),
            None,
        ),
        (
            "a long text not yet clean",
            Box::new(|i| {
                i.records.push(record(
                    72,
                    "รายงานน้ำท่วม",
                    &format!("{}น\u{0E4D}\u{0E32}ท่วมถนน", long_text()),
                ))
            }),
            None,
        ),
        (
            "the site's own words",
            Box::new(|i| i.words.push("ถนนลูกรัง".into())),
            Some(false),
        ),
        (
            "synonyms",
            Box::new(|i| i.synonyms.push(vec!["ถนน".into(), "ทางหลวง".into()])),
            Some(false),
        ),
    ];
    // Enough documents that a change of one leaves most splitting as they did.
    let places = ["บ้านนา", "บ้านดอน", "หนองบัว", "ท่าศาลา", "คลองใหม่", "โคกสูง"];
    let mut site = input();
    for (i, r) in input().records.iter().cycle().take(40).enumerate() {
        let place = places[i % places.len()];
        site.records.push(record(
            10 + i,
            &format!("{} {place}", r.title),
            &format!("{} หมู่ที่ {} {place}", r.text, i % 9),
        ));
    }
    for k in 0..6 {
        site.records
            .push(record(60 + k, "ดวงตา กลม", "ตา กลม ตา กลม ตา กลม"));
    }
    site.records
        .push(record(70, "ผ้าขาวบนราว", "ไปตากลมที่ลานบ้าน"));
    // Longer than a snippet's start, with what splits differently past it.
    site.records.push(record(
        71,
        "รายงานการประชุม",
        &format!("{}แล้วไปตากลมที่ลานบ้าน", long_text()),
    ));
    let first = Input {
        records: site.records.clone(),
        ..input()
    };
    let mut memo = build_with(first, VOCAB_INLINE, None, &|_| String::new())
        .1
        .made();
    let mut before: HashSet<String> = site.records.iter().map(|r| r.text.clone()).collect();
    let mut merged = 0;
    let mut reads_in = HashMap::new();
    let mut kept_in = HashMap::new();
    for (what, step, kept) in &steps {
        step(&mut site);
        let copy = || Input {
            types: site.types.clone(),
            records: site.records.clone(),
            words: site.words.clone(),
            synonyms: site.synonyms.clone(),
            numerals: site.numerals,
        };
        // Through bytes, as the cache keeps it.
        let bytes = memo.encode();
        let decoded = Memo::decode(&bytes).expect("the memo reads back");
        assert_eq!(decoded.encode(), bytes, "{what}: the same bytes again");
        // As a site build gives them: the texts the last build had only as their start,
        // the whole read when asked for; the others cut into their pieces as they are read.
        let starts: Vec<Record> = site
            .records
            .iter()
            .enumerate()
            .map(|(at, r)| match before.contains(&r.text) {
                true => Record {
                    text: snippet_source(&r.text),
                    text_hash: Some(text_hash(&r.text)),
                    whole: Some(Whole {
                        at,
                        letters: Some(TextPieces::of(&r.text).0.letters()),
                        pieces: None,
                    }),
                    ..r.clone()
                },
                false => {
                    let (pieces, start) = TextPieces::of(&r.text);
                    Record {
                        text: start,
                        text_hash: Some(text_hash(&r.text)),
                        whole: Some(Whole {
                            at,
                            letters: None,
                            pieces: Some(pieces),
                        }),
                        ..r.clone()
                    }
                }
            })
            .collect();
        let reads = std::sync::atomic::AtomicUsize::new(0);
        let read = |at: usize| {
            reads.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            site.records[at].text.clone()
        };
        let (again, next) = build_with(
            Input {
                records: starts,
                ..copy()
            },
            VOCAB_INLINE,
            Some(decoded),
            &read,
        );
        let next = next.made();
        let (fresh, fresh_memo) = build_with(copy(), VOCAB_INLINE, None, &|_| String::new());
        let fresh_memo = fresh_memo.made();
        let reads = reads.into_inner();
        // The same strings, counts and tokens, in another order at most: no text a
        // document no longer has is carried on.
        assert_eq!(
            next.encode().len(),
            fresh_memo.encode().len(),
            "{what}: memo size"
        );
        let differ: Vec<&str> = again
            .files
            .iter()
            .zip(&fresh.files)
            .filter(|(a, b)| a != b)
            .map(|(a, _)| a.0.as_str())
            .collect();
        assert!(
            again.files.len() == fresh.files.len() && differ.is_empty(),
            "{what}: the index differs from a fresh build's in {differ:?}"
        );
        // Whether any document keeps its words depends on how the costs fall, but nothing
        // changed keeps all, and other settings keep none.
        match kept {
            Some(true) => {
                assert_eq!(again.words_kept, again.documents, "{what}");
                assert!(again.lists_kept, "{what}: the last build's lists serve");
                assert_eq!(reads, 0, "{what}: whole texts read");
            }
            Some(false) => {
                assert_eq!(again.words_kept, 0, "{what}");
                assert!(!again.lists_kept, "{what}: every list built again");
            }
            None => {}
        }
        merged += usize::from(again.lists_kept);
        reads_in.insert(*what, reads);
        kept_in.insert(*what, (again.words_kept, again.documents));
        memo = next;
        before = site.records.iter().map(|r| r.text.clone()).collect();
    }
    // The lists were merged from the last build's in the steps that change a few
    // documents, not only rebuilt (not in the settings steps, nor where a new document's
    // words change how most others split).
    assert!(merged >= steps.len() - 4, "lists merged in {merged} steps");
    // A new word changes costs: no unchanged text lacking its letters was read to look for
    // it (and none has them).
    assert_eq!(reads_in["a new word in one text"], 0);
    // A document added makes some words cheaper: the documents that hold them but whose
    // least-cost splits use none keep their words.
    let (kept, of) = kept_in["a document added"];
    assert!(kept * 2 > of, "a document added: {kept} of {of} kept");
}

#[test]
fn a_damaged_memo_is_refused_or_harmless() {
    let memo = build_with(input(), VOCAB_INLINE, None, &|_| String::new())
        .1
        .made();
    let bytes = memo.encode();
    for cut in (0..bytes.len()).step_by(7) {
        assert!(Memo::decode(&bytes[..cut]).is_none(), "cut at {cut}");
    }
    for at in (0..bytes.len()).step_by(5) {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0xA5;
        // Read or refused, never a panic. (The cache's own hash refuses a damaged entry
        // before it is read: a number changed within its range would read as valid.)
        if let Some(m) = Memo::decode(&damaged) {
            let _ = build_with(input(), VOCAB_INLINE, Some(m), &|_| String::new());
        }
    }
}

#[test]
fn a_memo_with_bytes_after_its_last_document_is_refused() {
    let memo = build_with(input(), VOCAB_INLINE, None, &|_| String::new())
        .1
        .made();
    let parts = memo.encode_parts();
    assert!(Memo::decode(&parts.concat()).is_some());
    // The head: the settings (16 bytes), how many documents, how long the words' part is;
    // the words' part (ending with the documents) comes next, in pieces.
    let mut head = parts[0].clone();
    let len = u32::from_le_bytes(head[20..24].try_into().unwrap()) as usize;
    let (mut pieces, mut sum) = (1, 0);
    while sum < len {
        sum += parts[pieces].len();
        pieces += 1;
    }
    assert_eq!(sum, len);
    head[20..24].copy_from_slice(&(len as u32 + 1).to_le_bytes());
    let mut bytes = head;
    bytes.extend(parts[1..pieces].concat());
    bytes.push(0);
    bytes.extend(parts[pieces..].concat());
    assert!(Memo::decode(&bytes).is_none());
}

#[test]
fn a_large_vocabulary_in_shards_finds_what_one_in_the_manifest_finds() {
    let inline = build_with(input(), usize::MAX, None, &|_| String::new()).0;
    let sharded = build_with(input(), 0, None, &|_| String::new()).0;
    assert!(!inline.files.iter().any(|(p, _)| p.starts_with("v/")));
    assert!(sharded.files.iter().any(|(p, _)| p.starts_with("v/")));
    let (mut a, mut b) = (engine(inline), engine(sharded));
    for q in [
        "ถนนคอนกรีต",
        "ถนน คสล",
        "ราคากลาง",
        "ผลประโยชน์ทับซ้อน",
        "ร้องเรียน",
        "๔๙๘,๐๐๐",
        "ร้านตัวอย่าง",
    ] {
        let request = Request {
            q: q.into(),
            ..Request::default()
        };
        let (x, y) = (a.search(&request), b.search(&request));
        assert!(!x.hits.is_empty(), "{q} finds something");
        assert_eq!(x.hits, y.hits, "{q}");
    }
    assert!(b.fetched.iter().any(|p| p.starts_with("v/")));
    assert!(!a.fetched.iter().any(|p| p.starts_with("v/")));
}

/// The index's JSON never holds `<`, `>` or `&` as such (a file read as HTML by mistake
/// cannot open a tag), and reads back to the same values.
#[test]
fn json_files_escape_markup() {
    let v = serde_json::json!(["<script>a & b</script>", "ไทย > 1", "plain"]);
    let text = json_text(&v);
    assert!(!text.contains(['<', '>', '&']), "{text}");
    assert!(text.ends_with('\n'));
    assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), v);
    assert_eq!(json_text(&serde_json::json!(["ไทย"])), "[\"ไทย\"]\n");
}

/// A shard written by hand is the JSON `serde_json` makes of the same map, terms with quotes,
/// backslashes, control characters and markup included.
#[test]
fn shards_are_the_json_of_their_lists() {
    let terms = ["ก", "a\"b", "c\\d", "e\u{1}f", "<g>&h", "ถนน คอนกรีต"];
    let entries: Vec<(&str, String, String)> = terms
        .iter()
        .enumerate()
        .map(|(i, t)| (*t, codec::encode_list(&[i as u32], 9), format!("~{i}")))
        .collect();
    let map: BTreeMap<&str, [&str; 2]> = entries
        .iter()
        .map(|(t, a, b)| (*t, [a.as_str(), b.as_str()]))
        .collect();
    let mut sorted = entries.clone();
    sorted.sort();
    assert_eq!(shard_json(&sorted), json_text(&map));
    assert_eq!(
        shard_json(&[]),
        json_text(&BTreeMap::<&str, [&str; 2]>::new())
    );
}

/// Documents alike but for their dates, one undated, given in no particular order.
fn alike(dates: &[Option<(i32, u32, u32)>]) -> Input {
    let mut i = input();
    i.records = dates
        .iter()
        .enumerate()
        .map(|(k, d)| {
            let mut r = record(k, &format!("ประกาศจัดซื้อวัสดุ ชุดที่ {k}"), "จัดซื้อวัสดุสำนักงาน");
            r.date = d.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
            r
        })
        .collect();
    i
}

#[test]
fn results_that_tie_show_the_newest_first_and_the_undated_last() {
    let dates = [
        Some((2024, 3, 1)),
        None,
        Some((2024, 5, 1)),
        Some((2023, 12, 1)),
    ];
    let mut engine = engine(build(alike(&dates)));
    let outcome = engine.search(&Request {
        q: "วัสดุสำนักงาน".into(),
        ..Request::default()
    });
    let ids: Vec<u32> = outcome.hits.iter().map(|(d, _)| *d).collect();
    assert_eq!(ids.len(), 4, "{outcome:?}");
    let urls: Vec<String> = engine.docs(&ids).into_iter().map(|d| d.url).collect();
    // Records 2 (May), 0 (March), 3 (December before), then 1 (undated).
    assert_eq!(
        urls,
        [
            "announcements/x2/",
            "announcements/x0/",
            "announcements/x3/",
            "announcements/x1/"
        ]
    );
}

#[test]
fn a_new_document_leaves_the_others_files_as_they_were() {
    // Forty documents of a year, then one more dated after them: it takes the next number, so
    // the other documents' files and the lists it is not in are byte for byte the same.
    let dates: Vec<Option<(i32, u32, u32)>> = (0..40)
        .map(|k| Some((2024, 1 + k / 28, 1 + k % 28)))
        .collect();
    let before = build(alike(&dates));
    let mut more = alike(&dates);
    let mut new = record(40, "ประกาศรับสมัครพนักงานจ้าง", "รับสมัครพนักงานจ้างตามภารกิจ");
    new.date = NaiveDate::from_ymd_opt(2024, 6, 1);
    more.records.insert(7, new);
    let after = build(more);
    let files: HashMap<&str, &str> = before
        .files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let changed: Vec<&str> = after
        .files
        .iter()
        .filter(|(p, t)| files.get(p.as_str()) != Some(&t.as_str()))
        .map(|(p, _)| p.as_str())
        .collect();
    // The manifest (the count, the new document's type and year), the last group of documents
    // (the new one is the 41st, in group 10 of four) and the lists of its words.
    let docs: Vec<&&str> = changed.iter().filter(|p| p.starts_with("d/")).collect();
    assert_eq!(docs, [&"d/10.json"], "{changed:?}");
    assert!(changed.contains(&"manifest.json"), "{changed:?}");
    let d0 = after.files.iter().find(|(p, _)| p == "d/0.json").unwrap();
    assert!(d0.1.contains("ชุดที่ 0"), "the oldest keep the first numbers");
}

/// `n` terms in order: `w00000`, `w00001`, ...
fn words_of(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("w{i:05}")).collect()
}

#[test]
fn list_shards_keep_their_cuts_when_others_grow_or_come() {
    let terms = words_of(6000);
    let sizes: Vec<usize> = (0..terms.len()).map(|i| 40 + (i * 7919) % 90).collect();
    let (before, bounds) = shard_cuts(|i| terms[i].as_str(), &sizes);
    // Three lists grow (a new document holds their words) and two words are new.
    let mut grown = sizes.clone();
    for i in [700, 2900, 5100] {
        grown[i] += 400;
    }
    let mut terms2 = terms.clone();
    terms2.insert(4001, "w04000a".into());
    grown.insert(4001, 60);
    terms2.insert(1201, "w01200a".into());
    grown.insert(1201, 60);
    let (after, bounds2) = shard_cuts(|i| terms2[i].as_str(), &grown);
    let shard_terms = |t: &[String], r: &std::ops::Range<usize>| t[r.clone()].to_vec();
    let old: HashSet<Vec<String>> = before.iter().map(|r| shard_terms(&terms, r)).collect();
    let changed = after
        .iter()
        .filter(|r| !old.contains(&shard_terms(&terms2, r)))
        .count();
    assert!(before.len() > 40, "{} shards", before.len());
    // The shards holding a change, and a few after each: a shard that grows may reach its
    // least size before a cut it passed over, and the cuts after it fall in place again at
    // the first one both builds make. Two thirds at least stay as they were (cut by the
    // bytes since the last cut, nine in ten shards changed).
    assert!(
        3 * changed <= after.len(),
        "{changed} of {} shards changed",
        after.len()
    );
    let kept = bounds2.iter().filter(|b| bounds.contains(b)).count();
    assert!(
        3 * kept >= 2 * bounds.len(),
        "{kept} of {} cuts kept",
        bounds.len()
    );
    // Every shard holds its least size but the last, and the cuts are between words.
    for r in &after[..after.len() - 1] {
        assert!(grown[r.clone()].iter().sum::<usize>() >= POSTINGS_SHARD_MIN);
    }
    assert_eq!(after.last().unwrap().end, terms2.len());
}

#[test]
fn two_list_shards_never_share_a_name() {
    // `costarring` and `liquid` have the same FNV-1a hash: a shard starting at the second
    // would take the first's file, so no shard starts there.
    assert_eq!(codec::hash("costarring"), codec::hash("liquid"));
    let terms = ["costarrin", "costarring", "liqui", "liquid", "zebra"];
    let sizes = [POSTINGS_SHARD_FULL; 5];
    let (shards, bounds) = shard_cuts(|i| terms[i], &sizes);
    assert_eq!(bounds, ["costarring", "l", "z"]);
    assert_eq!(shards, [0..1, 1..2, 2..4, 4..5]);
    let paths: HashSet<String> = (0..shards.len())
        .map(|k| codec::list_shard_path(k, &bounds))
        .collect();
    assert_eq!(paths.len(), shards.len());
}

#[test]
fn an_index_of_another_layout_is_refused() {
    let built = build_with(input(), VOCAB_INLINE, None, &|_| String::new()).0;
    let mut files: HashMap<String, String> = built.files.into_iter().collect();
    let manifest: serde_json::Value = serde_json::from_str(&files["manifest.json"]).unwrap();
    assert_eq!(manifest["version"], FORMAT);
    let other = files["manifest.json"].replacen(
        &format!("\"version\":{FORMAT}"),
        &format!("\"version\":{}", FORMAT - 1),
        1,
    );
    assert_ne!(
        other, files["manifest.json"],
        "the manifest names its layout"
    );
    files.insert("manifest.json".into(), other);
    assert!(Engine::open(move |p: &str| files.get(p).cloned()).is_none());
}
