//! Search: the quality of the example site's index measured on a set of queries with
//! the records each must return (`tests/search/queries.json`), the browser's JavaScript checked
//! against the Rust query code on the same index, and the page's behaviour under a sub-path and
//! without JavaScript.
//!
//! Precision is counted over judged results: a result listed neither as relevant nor as not
//! relevant (a record added to the example after the judgments) counts for neither, so adding
//! content does not break the figures; recall is over the relevant records the site has.

use crate::support;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::process::{Command, Stdio};

use prongsai::search::query::{Engine, Files, Outcome, Request, open_dir};
use serde::Deserialize;
use support::{MANIFEST_DIR, TestSite};

#[derive(Deserialize)]
struct Case {
    q: String,
    relevant: Vec<String>,
    #[serde(default)]
    not: Vec<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    fy: Option<i32>,
    /// Known to fail: reported, not required.
    #[serde(default)]
    hard: bool,
    #[serde(default)]
    note: String,
}

fn cases() -> Vec<Case> {
    serde_json::from_str(include_str!("../search/queries.json")).expect("queries.json")
}

fn request(c: &Case) -> Request {
    Request {
        q: c.q.clone(),
        kind: c.kind.clone(),
        fiscal_year: c.fy,
    }
}

fn built_example() -> TestSite {
    let site = TestSite::example();
    site.build().success();
    site
}

/// Precision, recall and whether the first result is relevant, for one query.
struct Score {
    precision: f64,
    recall: f64,
    first_ok: bool,
    returned: usize,
    missing: Vec<String>,
    wrong: Vec<String>,
}

fn score(case: &Case, returned: &[String], existing: &HashSet<String>) -> Score {
    let relevant: HashSet<&str> = case
        .relevant
        .iter()
        .map(String::as_str)
        .filter(|u| existing.contains(*u))
        .collect();
    let not: HashSet<&str> = case.not.iter().map(String::as_str).collect();
    let hits = returned
        .iter()
        .filter(|u| relevant.contains(u.as_str()))
        .count();
    let wrong: Vec<String> = returned
        .iter()
        .filter(|u| not.contains(u.as_str()))
        .cloned()
        .collect();
    let judged = hits + wrong.len();
    let missing = relevant
        .iter()
        .filter(|u| !returned.iter().any(|r| r == *u))
        .map(|u| (*u).to_owned())
        .collect();
    #[allow(clippy::cast_precision_loss)]
    Score {
        precision: if judged == 0 {
            if relevant.is_empty() { 1.0 } else { 0.0 }
        } else {
            hits as f64 / judged as f64
        },
        recall: if relevant.is_empty() {
            1.0
        } else {
            hits as f64 / relevant.len() as f64
        },
        first_ok: relevant.is_empty()
            || returned
                .first()
                .is_some_and(|u| relevant.contains(u.as_str())),
        returned: returned.len(),
        missing,
        wrong,
    }
}

/// The address of every record, by document number.
fn every_url(engine: &mut Engine<impl Files>) -> Vec<String> {
    let all: Vec<u32> = (0..engine.count()).collect();
    engine.docs(&all).into_iter().map(|d| d.url).collect()
}

#[test]
fn quality_on_the_example_site() {
    let site = built_example();
    let mut engine = open_dir(&site.path("public/search")).expect("the index opens");
    let urls = every_url(&mut engine);
    let existing: HashSet<String> = urls.iter().cloned().collect();

    let cases = cases();
    assert!(cases.len() >= 40, "at least 40 queries");
    let (mut p, mut r, mut p1, mut n) = (0.0, 0.0, 0usize, 0usize);
    let (mut hard_p, mut hard_r, mut hard_n) = (0.0, 0.0, 0usize);
    let mut failures = Vec::new();
    println!("{:<34} {:>4} {:>6} {:>6}  note", "query", "hits", "P", "R");
    for case in &cases {
        let outcome = engine.search(&request(case));
        let returned: Vec<String> = outcome
            .hits
            .iter()
            .map(|(id, _)| urls[*id as usize].clone())
            .collect();
        let s = score(case, &returned, &existing);
        let label = format!(
            "{}{}{}",
            case.q,
            case.kind
                .as_deref()
                .map(|k| format!(" type={k}"))
                .unwrap_or_default(),
            case.fy.map(|y| format!(" fy={y}")).unwrap_or_default()
        );
        println!(
            "{label:<34} {:>4} {:>6.2} {:>6.2}  {}{}",
            s.returned,
            s.precision,
            s.recall,
            if case.hard { "(hard) " } else { "" },
            case.note
        );
        if case.hard {
            hard_p += s.precision;
            hard_r += s.recall;
            hard_n += 1;
            continue;
        }
        p += s.precision;
        r += s.recall;
        p1 += usize::from(s.first_ok);
        n += 1;
        if !s.missing.is_empty() || !s.first_ok {
            failures.push(format!(
                "{label}: missing {:?}, first relevant: {}, returned {:?}",
                s.missing,
                s.first_ok,
                &returned[..returned.len().min(5)]
            ));
        }
        if !s.wrong.is_empty() {
            println!("    judged not relevant: {:?}", s.wrong);
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let (mp, mr, mp1) = (p / n as f64, r / n as f64, p1 as f64 / n as f64);
    println!(
        "{n} queries: macro precision {mp:.3}, macro recall {mr:.3}, first result relevant {mp1:.3}"
    );
    if hard_n > 0 {
        #[allow(clippy::cast_precision_loss)]
        let (hp, hr) = (hard_p / hard_n as f64, hard_r / hard_n as f64);
        println!("{hard_n} known-hard queries: precision {hp:.3}, recall {hr:.3}");
    }
    assert!(
        failures.is_empty(),
        "queries that missed:\n{}",
        failures.join("\n")
    );
    assert!(mp >= 0.95, "macro precision {mp:.3}");
}

/// Runs `search.js` under Node on the same index; `None` when Node is not installed.
fn run_js(public: &Path, requests: &[Request]) -> Option<Vec<serde_json::Value>> {
    let has_node = Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_node {
        return None;
    }
    let input: Vec<serde_json::Value> = requests
        .iter()
        .map(|r| serde_json::json!({"q": r.q, "type": r.kind, "fy": r.fiscal_year}))
        .collect();
    let root = Path::new(MANIFEST_DIR);
    let mut child = Command::new("node")
        .arg(root.join("tests/search/run-js.cjs"))
        .arg(root.join("themes/default/static/search.js"))
        .arg(public.join("search"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run node");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(serde_json::to_string(&input).unwrap().as_bytes())
            .expect("write requests");
    }
    let out = child.wait_with_output().expect("node finishes");
    assert!(
        out.status.success(),
        "search.js failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).expect("JSON from search.js"))
}

fn rust_view(o: &Outcome) -> serde_json::Value {
    serde_json::json!({
        "hits": o.hits.iter().map(|(d, s)| vec![*d, *s]).collect::<Vec<_>>(),
        "unknown": o.unknown,
        "apart": o.apart,
        "partial": o.partial,
        "missing": o.missing,
        "type_counts": o.type_counts,
        "year_counts": o.year_counts,
    })
}

#[test]
fn javascript_finds_what_rust_finds() {
    let site = built_example();
    let mut requests: Vec<Request> = cases().iter().map(request).collect();
    // Forms the quality set does not have: odd spacing, invisible characters, upper case.
    for q in [
        "  ถนน   คสล  ",
        "ถนน\u{200B}คอนกรีต",
        "E-BIDDING",
        "๕๐๐,๐๐๐",
        "ตัวอย่างพาณิ",
        "xyz ถนน",
        "ไม่มีคำนี้แน่นอนครับ",
        "ขออนุญาตก่อสร้างสระว่ายน้ำ",
        "ถนนคอนกรีต ซอยเอกชัย",
        "คู่มือ xyzzy",
        "ใบอนุญาตก่อสร้างสระว่ายน้ำ",
        "",
    ] {
        requests.push(Request {
            q: q.to_owned(),
            ..Request::default()
        });
    }
    let Some(js) = run_js(&site.path("public"), &requests) else {
        println!("note: `node` is not installed; the JavaScript side was not checked");
        return;
    };
    let mut engine = open_dir(&site.path("public/search")).expect("the index opens");
    assert_eq!(js.len(), requests.len());
    for (req, js) in requests.iter().zip(&js) {
        let before = engine.fetched.len();
        let rust = rust_view(&engine.search(req));
        // Both ask for the same vocabulary and list files (documents aside: the page asks
        // for those of the results it shows).
        let mut read: Vec<&str> = engine.fetched[before..]
            .iter()
            .map(String::as_str)
            .filter(|f| !f.starts_with("d/"))
            .collect();
        let mut js_read: Vec<&str> = js["lists"]
            .as_array()
            .expect("lists")
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        read.sort_unstable();
        js_read.sort_unstable();
        assert_eq!(js_read, read, "files read differ for {:?}", req.q);
        for key in [
            "hits",
            "unknown",
            "apart",
            "partial",
            "missing",
            "type_counts",
            "year_counts",
        ] {
            assert_eq!(
                js[key], rust[key],
                "{key} differ for {:?} (type {:?}, fy {:?})",
                req.q, req.kind, req.fiscal_year
            );
        }
    }
    // The browser's snippet marks what matched.
    let i = requests
        .iter()
        .position(|r| r.q == "ร้านตัวอย่างพาณิชย์")
        .expect("the query is in the set");
    let snippet = js[i]["snippet"].as_str().unwrap_or_default();
    assert!(snippet.contains("<mark>ร้านตัวอย่างพาณิชย์</mark>"), "{snippet}");
}

const PLAN_500K: &str = "\
fiscal_year: 2567
announced: 2566-10-20
items:
  - id: \"67-001\"
    title: โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านนายแดง หมู่ที่ 2
    department: กองช่าง
    budget: \"500,000.00\"
    method: e-bidding
";

#[test]
fn amounts_are_found_however_they_are_typed() {
    let site = TestSite::minimal().file("content/procurement/plans/2567.yaml", PLAN_500K);
    site.build().success();
    let mut engine = open_dir(&site.path("public/search")).expect("the index opens");
    for q in [
        "๕๐๐,๐๐๐",
        "500,000",
        "500000",
        "500,000.00 บาท",
        "๕๐๐๐๐๐.๐๐",
    ] {
        let o = engine.search(&Request {
            q: q.to_owned(),
            ..Request::default()
        });
        let docs = engine.docs(&o.hits.iter().map(|h| h.0).collect::<Vec<_>>());
        assert_eq!(
            docs.iter().map(|d| d.url.as_str()).collect::<Vec<_>>(),
            ["procurement/plans/2567/#item-67-001"],
            "{q}"
        );
    }
}

#[test]
fn the_site_can_teach_the_search_its_own_words() {
    let find = |site: &TestSite, q: &str| {
        let mut engine = open_dir(&site.path("public/search")).expect("the index opens");
        engine
            .search(&Request {
                q: q.to_owned(),
                ..Request::default()
            })
            .hits
            .len()
    };
    // ICU cuts the unknown name บ้านนายแดง as บ้านนา|ยแ|ดง, so นายแดง is not found...
    let site = TestSite::minimal().file("content/procurement/plans/2567.yaml", PLAN_500K);
    site.build().success();
    assert_eq!(find(&site, "นายแดง"), 0);
    // ...until site.yaml names it.
    let site = TestSite::minimal()
        .file("content/procurement/plans/2567.yaml", PLAN_500K)
        .file(
            "content/site.yaml",
            &format!(
                "{}search:\n  words: [นายแดง]\n  synonyms: [[ถนนคอนกรีตเสริมเหล็ก, ถนนปูน]]\n",
                support::MINIMAL_SITE_YAML
            ),
        );
    site.build().success();
    assert_eq!(find(&site, "นายแดง"), 1);
    assert_eq!(find(&site, "บ้านนายแดง"), 1);
    assert_eq!(find(&site, "ถนนปูน"), 1, "a synonym of the site");
    // A misspelt setting is an error, with the field named.
    let site = TestSite::minimal().file(
        "content/site.yaml",
        &format!("{}search:\n  word: [นายแดง]\n", support::MINIMAL_SITE_YAML),
    );
    site.build().failure().stderr_has("word");
}

/// Words typed together that the text has apart (`โต๊ะเก้าอี้` for `โต๊ะและเก้าอี้`) are run
/// again apart, and the outcome says so; words together in the text are not, and neither
/// are words that match but not under the chosen filter.
#[test]
fn words_typed_together_but_apart_in_the_text_are_found_apart() {
    let site = built_example();
    let mut engine = open_dir(&site.path("public/search")).expect("the index opens");
    let urls = every_url(&mut engine);
    let ask = |engine: &mut Engine<_>, q: &str, kind: Option<&str>| {
        engine.search(&Request {
            q: q.to_owned(),
            kind: kind.map(str::to_owned),
            ..Request::default()
        })
    };

    let o = ask(&mut engine, "โต๊ะเก้าอี้", None);
    assert_eq!(o.apart.as_deref(), Some("โต๊ะ เก้าอี้"));
    let mut found: Vec<&str> = o
        .hits
        .iter()
        .map(|(d, _)| urls[*d as usize].as_str())
        .collect();
    found.sort_unstable();
    assert_eq!(
        found,
        [
            "procurement/plans/2566/#item-66-013",
            "procurement/results/2566/#r-2023-08-3"
        ]
    );

    let o = ask(&mut engine, "ถนนคอนกรีต", None);
    assert!(o.apart.is_none() && !o.hits.is_empty());

    // Matches, none of them announcements: the filter empties the list, the words stand.
    let o = ask(&mut engine, "ซ่อมแซมรถ", Some("announcements"));
    assert!(o.matched > 0, "the words match");
    assert!(o.hits.is_empty() && o.apart.is_none(), "{:?}", o.apart);
}

/// A query with a word the site lacks is offered the nearest spelling that finds something
/// (the page's "did you mean", in search.js only): tone marks, sound-alike letters, a letter
/// dropped or added.
#[test]
fn misspelt_words_are_offered_a_spelling_the_site_has() {
    let site = built_example();
    let cases = [
        ("เทสบาล", Some("เทศบาล")),
        ("คอนกรีด", Some("คอนกรีต")),
        ("ถนนคอนกรีด", Some("ถนนคอนกรีต")),
        ("จัดชื้อ", Some("จัดซื้อ")),
        ("กองชาง", Some("กองช่าง")),
        ("ไห้", Some("ให้")),
        ("ร้านตัวอย่างพานิชย์", Some("ร้านตัวอย่างพาณิชย์")),
        ("โครงการก่อสรัาง", Some("โครงการก่อสร้าง")),
        ("ไม่มีคำนี้แน่นอนครับ", None),
        ("ถนน", None),
    ];
    let requests: Vec<Request> = cases
        .iter()
        .map(|(q, _)| Request {
            q: (*q).to_owned(),
            ..Request::default()
        })
        .collect();
    let Some(js) = run_js(&site.path("public"), &requests) else {
        println!("note: `node` is not installed; the suggestions were not checked");
        return;
    };
    for ((q, want), got) in cases.iter().zip(&js) {
        let offered = got["suggestion"]["q"].as_str();
        assert_eq!(offered, *want, "the spelling offered for {q}");
        if want.is_some() {
            assert!(got["suggestion"]["count"].as_u64().unwrap_or(0) > 0, "{q}");
        }
    }
}

/// Every record's link leads to a page, and to the row or heading its fragment names.
#[test]
fn every_result_links_to_its_place() {
    let site = built_example();
    let mut engine = open_dir(&site.path("public/search")).expect("the index opens");
    let all: Vec<u32> = (0..engine.count()).collect();
    let mut pages: BTreeMap<String, String> = BTreeMap::new();
    for doc in engine.docs(&all) {
        let (path, fragment) = doc.url.split_once('#').unwrap_or((&doc.url, ""));
        let file = format!("public/{}index.html", support::percent_decode(path));
        assert!(site.exists(&file), "{} has no page", doc.url);
        let html = pages
            .entry(file.clone())
            .or_insert_with(|| site.read(&file));
        if !fragment.is_empty() {
            assert!(
                html.contains(&format!("id=\"{fragment}\"")),
                "{}: no element with that id",
                doc.url
            );
        }
    }
}

#[test]
fn the_page_works_under_a_sub_path_and_says_what_to_do_without_javascript() {
    let site = TestSite::example();
    site.run(&[
        "build",
        "--base-url",
        "https://www.example.go.th/transparency/",
    ])
    .success();
    let page = support::decode_entities(&site.read("public/search/index.html"));
    assert!(page.contains("data-base=\"/transparency/\""), "{page}");
    assert!(page.contains("data-index=\"/transparency/search/\""));
    assert!(page.contains("src=\"/transparency/static/search.js?v="));
    let noscript = support::between(&page, "<noscript>", "</noscript>");
    assert!(
        noscript.contains("href=\"/transparency/section9/\""),
        "{noscript}"
    );
    assert!(
        noscript.contains("href=\"/transparency/procurement/\""),
        "{noscript}"
    );
    // Every page has the search form, a plain GET to the search page.
    let home = support::decode_entities(&site.read("public/index.html"));
    assert!(
        home.contains("action=\"/transparency/search/\" method=\"get\""),
        "{home}"
    );
    // The index files are JSON, and the script is the theme's own.
    let tree = site.public();
    for path in tree.paths() {
        if path.starts_with("search/") && path.ends_with(".json") {
            serde_json::from_slice::<serde_json::Value>(tree.get(path).unwrap_or_default())
                .unwrap_or_else(|e| panic!("{path}: {e}"));
        }
    }
    let js = site.read("public/static/search.js");
    assert!(
        !js.contains("http://") && !js.contains("https://"),
        "no outside address"
    );
}

#[test]
fn a_query_reads_only_the_shards_it_needs() {
    let site = built_example();
    let mut engine = open_dir(&site.path("public/search")).expect("the index opens");
    engine.search(&Request {
        q: "ร้านตัวอย่างพาณิชย์".to_owned(),
        ..Request::default()
    });
    let postings = std::fs::read_dir(site.path("public/search/p"))
        .unwrap()
        .count();
    let read = engine
        .fetched
        .iter()
        .filter(|f| f.starts_with("p/"))
        .count();
    assert!(read < postings, "read {read} of {postings} shards");
}

/// When no document holds every word, those holding most of them come first and the outcome
/// names the words the first lacks; a word the site does not have does not empty the list.
/// The query set's queries all find documents with every word: none of them is affected.
#[test]
fn a_missing_word_is_forgiven_and_named() {
    let site = built_example();
    let mut engine = open_dir(&site.path("public/search")).expect("the index opens");
    let ask = |engine: &mut Engine<_>, q: &str| {
        let o = engine.search(&Request {
            q: q.to_owned(),
            ..Request::default()
        });
        let first = engine.docs(&o.hits.iter().take(3).map(|h| h.0).collect::<Vec<_>>());
        (o, first)
    };

    // The site has no swimming pool: the building-permit pages come first, the pool is named.
    let (o, first) = ask(&mut engine, "ขออนุญาตก่อสร้างสระว่ายน้ำ");
    assert!(o.partial && o.apart.is_none());
    assert_eq!(o.missing, ["สระว่ายน้ำ"]);
    // Pages whose text says ขออนุญาตก่อสร้าง (the snippet holds only the text's start).
    for d in &first {
        let source = site.read(&format!(
            "content/{}.md",
            d.url.trim_end_matches('/').replace("pages/", "")
        ));
        assert!(source.contains("ขออนุญาตก่อสร้าง"), "{}", d.url);
    }

    // A word not in the site at all no longer empties the list.
    let (o, first) = ask(&mut engine, "คู่มือ xyzzy");
    assert!(o.partial);
    assert_eq!(o.missing, ["xyzzy"]);
    assert!(first[0].title.contains("คู่มือ"), "{:?}", first[0]);

    // Words all found together are not "partial"; one word alone is never forgiven.
    let (o, _) = ask(&mut engine, "ถนนคอนกรีต");
    assert!(!o.partial && o.missing.is_empty() && !o.hits.is_empty());
    // A sentence whose only matches are a few common letters is not forgiven: the page
    // says nothing was found (and points to the information centre).
    let (o, _) = ask(&mut engine, "ไม่มีคำนี้แน่นอนครับ");
    assert!(o.hits.is_empty() && !o.partial, "{:?}", o.missing);
}

/// The example of the brief: `ใบอนุญาตก่อสร้าง` finds the announcement that says
/// `อนุญาตก่อสร้าง`, and says the site has no `ใบ` there.
#[test]
fn a_permit_is_found_by_the_words_the_announcement_uses() {
    let site = TestSite::minimal()
        .file(
            "content/announcements/permit.md",
            "---\ntitle: ขั้นตอนการขออนุญาตก่อสร้างอาคาร\ndate: 2566-03-01\n---\nยื่นคำขออนุญาตก่อสร้างอาคารได้ที่กองช่าง พร้อมแบบแปลนและสำเนาโฉนดที่ดิน\n",
        )
        .file(
            "content/announcements/staff.md",
            "---\ntitle: ประกาศรับสมัครพนักงานจ้างทั่วไป\ndate: 2566-04-01\n---\nรับสมัครพนักงานจ้างทั่วไป ตำแหน่งคนงาน จำนวน ๒ อัตรา\n",
        );
    site.build().success();
    let mut engine = open_dir(&site.path("public/search")).expect("the index opens");
    let o = engine.search(&Request {
        q: "ใบอนุญาตก่อสร้าง".to_owned(),
        ..Request::default()
    });
    assert!(o.partial, "{o:?}");
    let first = engine.docs(&[o.hits[0].0]);
    assert_eq!(first[0].url, "announcements/permit/");
    assert_eq!(o.missing, ["ใบ"]);
    assert_eq!(
        o.hits.len(),
        1,
        "the other announcement holds none of the words"
    );
}
