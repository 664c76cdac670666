//! Every finding has a stable code: listed once in `diagnostic::codes`, documented with an
//! example and a fix in `docs/diagnostics.md`, printed after the message and given in
//! `check --format json`.

use crate::support;

use std::collections::BTreeSet;

use prongsai::diagnostic::codes;
use support::TestSite;

#[test]
fn every_code_is_documented_once_and_nothing_else_is() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/diagnostics.md"))
        .unwrap();
    let documented: Vec<(String, String)> = docs
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let id = cells.get(1)?;
            (id.len() == 5
                && id.chars().next()?.is_ascii_uppercase()
                && id[1..].chars().all(|c| c.is_ascii_digit()))
            .then(|| (id.to_string(), cells[2].to_string()))
        })
        .collect();
    let ids: BTreeSet<&str> = codes::ALL.iter().map(|c| c.id).collect();
    let names: BTreeSet<&str> = codes::ALL.iter().map(|c| c.name).collect();
    assert_eq!(ids.len(), codes::ALL.len(), "a code id is used twice");
    assert_eq!(names.len(), codes::ALL.len(), "a code name is used twice");
    for c in codes::ALL {
        assert!(
            documented
                .iter()
                .any(|(id, name)| id == c.id && name == c.name),
            "{} ({}) is not in docs/diagnostics.md",
            c.id,
            c.name
        );
    }
    for (id, name) in &documented {
        assert!(
            codes::by_id(id).is_some_and(|c| c.name == name),
            "docs/diagnostics.md lists {id} {name}, which is no code"
        );
    }
    assert_eq!(
        documented.len(),
        codes::ALL.len(),
        "a code is documented twice"
    );
}

/// The codes of every finding of `check --format json` on `site`, each checked to be a code.
fn codes_of(site: &TestSite) -> BTreeSet<String> {
    let json = site.run(&["check", "--format", "json"]).json();
    let mut seen = BTreeSet::new();
    let findings = json["compliance"]["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for d in json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .chain(&findings)
    {
        let id = d["code"].as_str().unwrap_or_else(|| panic!("no code: {d}"));
        let c = codes::by_id(id).unwrap_or_else(|| panic!("unknown code {id}"));
        assert_eq!(d["code_name"], c.name);
        seen.insert(id.to_owned());
    }
    seen
}

#[test]
fn check_json_gives_a_code_for_every_finding() {
    // Files that do not parse.
    let site = TestSite::example()
        .replace(
            "content/announcements/no-gift-policy.md",
            "date: 2565-10-25",
            "date: 2565-13-25",
        )
        .file(
            "content/procurement/plans/2567.yaml",
            "fiscal_year: 2567\nitems:\n  - id: \"67-001\"\n    title: ถนน\n",
        );
    let seen = codes_of(&site);
    for expected in ["V0101", "Y0202", "C0107"] {
        assert!(seen.contains(expected), "{expected} not in {seen:?}");
    }
    // Files that parse, and what the checks across them find.
    let site = TestSite::example().file(
        "content/announcements/x.md",
        "---\ntitle: ก\ndate: 2566-01-01\nnumber: \"\"\n---\n[x](javascript:alert(1))\n",
    );
    let seen = codes_of(&site);
    for expected in ["A0202", "U0102", "C0105"] {
        assert!(seen.contains(expected), "{expected} not in {seen:?}");
    }
}

#[test]
fn the_code_is_printed_after_the_message() {
    let site = TestSite::minimal().file(
        "content/site.yaml",
        "name องค์การบริหารส่วนตำบลทดสอบ\nbase_url: https://x.go.th/\n",
    );
    site.build()
        .failure()
        .stderr_has("รหัส: Y0103 (missing-colon)");
    site.run(&["build", "--lang", "en"])
        .failure()
        .stderr_has("code: Y0103 (missing-colon)");
}
