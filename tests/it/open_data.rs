//! Open data of the example site (the README's open-data section): every CSV opens in Excel with Thai intact,
//! every dataset folder describes its tables in a Frictionless data package, `/data/` lists them
//! all, the DCAT catalog is one graph written as Turtle and as JSON-LD, each dataset page
//! describes itself to search engines, and OCDS is published exactly when an ocid prefix is set.
//!
//! The checks hold for whatever the example contains, so they keep working as it grows.

use crate::support;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use support::{TestSite, attribute_values, text_of};

const BASE: &str = "https://www.example.go.th/";

fn built_example() -> TestSite {
    let site = TestSite::example();
    site.build().success();
    site
}

/// The folders (`procurement/plans/2566/`) that hold a `datapackage.json`.
fn dataset_dirs(site: &TestSite) -> Vec<String> {
    site.public()
        .paths()
        .filter_map(|p| p.strip_suffix("datapackage.json"))
        .map(str::to_owned)
        .collect()
}

#[track_caller]
fn json(site: &TestSite, rel: &str) -> Value {
    serde_json::from_str(&site.read(rel)).unwrap_or_else(|e| panic!("{rel} is not JSON: {e}"))
}

/// The organization's name as `site.yaml` gives it.
fn site_name(site: &TestSite) -> String {
    setting(site, "name").expect("the example has a name")
}

/// A top-level `key: value` of `site.yaml` (value up to a comment, quotes removed).
fn setting(site: &TestSite, key: &str) -> Option<String> {
    site.read("content/site.yaml").lines().find_map(|l| {
        let v = l.strip_prefix(&format!("{key}:"))?;
        let v = v.split(" #").next().unwrap_or(v).trim();
        Some(v.trim_matches('"').to_owned())
    })
}

#[test]
fn every_csv_starts_with_a_byte_order_mark_and_ends_every_line_with_crlf() {
    let site = built_example();
    let public = site.public();
    let csvs: Vec<&str> = public.paths().filter(|p| p.ends_with(".csv")).collect();
    for expected in [
        "measures/2566/measures.csv",
        "procurement/plans/2566/plan.csv",
        "procurement/reference-prices/reference-prices.csv",
        "procurement/results/2566/results.csv",
        "procurement/projects/2566/projects.csv",
        "data/complaint-statistics/complaint-statistics.csv",
    ] {
        assert!(csvs.contains(&expected), "no {expected} among {csvs:?}");
    }
    for path in csvs {
        let bytes = public.get(path).unwrap();
        assert!(
            bytes.starts_with(b"\xef\xbb\xbf"),
            "{path} has no byte-order mark"
        );
        assert!(bytes.ends_with(b"\r\n"), "{path} does not end with CRLF");
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\n' {
                assert!(
                    i > 0 && bytes[i - 1] == b'\r',
                    "{path}: a line ends with a bare LF at byte {i}"
                );
            }
            if *b == b'\r' {
                assert_eq!(
                    bytes.get(i + 1),
                    Some(&b'\n'),
                    "{path}: a bare CR at byte {i}"
                );
            }
        }
        assert!(std::str::from_utf8(bytes).is_ok(), "{path} is not UTF-8");
    }
}

#[test]
fn every_dataset_folder_has_a_data_package_whose_fields_are_the_csv_header() {
    let site = built_example();
    let dirs = dataset_dirs(&site);
    assert!(dirs.len() >= 6, "datasets: {dirs:?}");
    for dir in &dirs {
        let package = json(&site, &format!("public/{dir}datapackage.json"));
        assert_eq!(package["profile"], "tabular-data-package", "{dir}");
        assert_eq!(package["homepage"], format!("{BASE}{dir}"), "{dir}");
        assert!(
            package["name"].as_str().is_some_and(|n| !n.is_empty()),
            "{dir}"
        );
        assert!(
            package["licenses"][0]["name"].is_string(),
            "{dir}: a license"
        );
        let resources = package["resources"].as_array().expect("resources");
        assert!(!resources.is_empty(), "{dir}: no resources");
        for r in resources {
            let path = r["path"].as_str().expect("a resource path");
            let csv = site.read(&format!("public/{dir}{path}"));
            let body = csv.strip_prefix('\u{feff}').expect("a byte-order mark");
            let mut reader = csv::Reader::from_reader(body.as_bytes());
            let header: Vec<String> = reader
                .headers()
                .expect("a header")
                .iter()
                .map(str::to_owned)
                .collect();
            let fields = r["schema"]["fields"].as_array().expect("schema fields");
            let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
            assert_eq!(
                names, header,
                "{dir}{path}: schema fields and CSV header differ"
            );
            for f in fields {
                let t = f["type"].as_str().unwrap();
                assert!(
                    ["string", "integer", "number", "date", "boolean"].contains(&t),
                    "{dir}{path}: field type {t}"
                );
                assert!(
                    f["title"].as_str().is_some_and(|t| !t.is_empty()),
                    "{dir}{path}: {f}"
                );
            }
            // Every row has one cell per field.
            for (n, record) in reader.records().enumerate() {
                let record = record.unwrap_or_else(|e| panic!("{dir}{path} row {n}: {e}"));
                assert_eq!(record.len(), names.len(), "{dir}{path} row {n}");
            }
        }
    }
}

#[test]
fn data_page_lists_every_dataset_with_its_downloads() {
    let site = built_example();
    let html = site.read("public/data/index.html");
    let links = attribute_values(&html, "href");
    let text = text_of(&html);
    for dir in dataset_dirs(&site) {
        let package = json(&site, &format!("public/{dir}datapackage.json"));
        let title = package["title"].as_str().unwrap();
        assert!(text.contains(title), "/data/ does not name {title}");
        assert!(
            links.contains(&format!("/{dir}")),
            "/data/ does not link to /{dir}"
        );
        for r in package["resources"].as_array().unwrap() {
            let file = format!("/{dir}{}", r["path"].as_str().unwrap());
            assert!(
                links.contains(&file),
                "/data/ has no download link to {file}"
            );
        }
        let package_link = format!("/{dir}datapackage.json");
        assert!(
            links.contains(&package_link),
            "/data/ has no link to {package_link}"
        );
    }
    for catalog in ["/data/catalog.ttl", "/data/catalog.jsonld"] {
        assert!(
            links.contains(&catalog.to_owned()),
            "/data/ has no link to {catalog}"
        );
    }
}

/// The `<IRI>`s of a Turtle document ending in `suffix`-something (`#dataset`, `#distribution-`).
fn turtle_iris(ttl: &str, marker: &str) -> BTreeSet<String> {
    ttl.split('<')
        .skip(1)
        .filter_map(|s| s.split_once('>').map(|(iri, _)| iri))
        .filter(|iri| iri.contains(marker))
        .map(str::to_owned)
        .collect()
}

/// Every `@id` anywhere in a JSON-LD document containing `marker`.
fn jsonld_ids(v: &Value, marker: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                match (k.as_str(), x) {
                    ("@id", Value::String(id)) if id.contains(marker) => {
                        out.insert(id.clone());
                    }
                    _ => jsonld_ids(x, marker, out),
                }
            }
        }
        Value::Array(list) => list.iter().for_each(|x| jsonld_ids(x, marker, out)),
        _ => {}
    }
}

/// Whether `{"@value": text, "@language": "th"}` appears anywhere in `v`.
fn has_thai_literal(v: &Value, text: &str) -> bool {
    match v {
        Value::Object(map) => {
            (map.get("@value").and_then(Value::as_str) == Some(text)
                && map.get("@language").and_then(Value::as_str) == Some("th"))
                || map.values().any(|x| has_thai_literal(x, text))
        }
        Value::Array(list) => list.iter().any(|x| has_thai_literal(x, text)),
        _ => false,
    }
}

#[test]
fn dcat_turtle_and_json_ld_describe_the_same_datasets() {
    let site = built_example();
    let ttl = site.read("public/data/catalog.ttl");
    let graph = json(&site, "public/data/catalog.jsonld");

    let expected: BTreeSet<String> = dataset_dirs(&site)
        .iter()
        .map(|d| format!("{BASE}{d}#dataset"))
        .collect();
    assert_eq!(turtle_iris(&ttl, "#dataset"), expected, "Turtle datasets");
    let mut ids = BTreeSet::new();
    jsonld_ids(&graph, "#dataset", &mut ids);
    assert_eq!(ids, expected, "JSON-LD datasets");

    let distributions = turtle_iris(&ttl, "#distribution-");
    let mut ld_distributions = BTreeSet::new();
    jsonld_ids(&graph, "#distribution-", &mut ld_distributions);
    assert!(!distributions.is_empty());
    assert_eq!(ld_distributions, distributions, "the same distributions");

    // Thai literals are tagged as Thai in both.
    let name = site_name(&site);
    assert!(
        ttl.contains(&format!("\"{name}\"@th")),
        "the name tagged @th in Turtle"
    );
    assert!(
        has_thai_literal(&graph, &name),
        "the name tagged th in JSON-LD"
    );
}

#[test]
fn every_dataset_says_when_where_what_and_in_which_language_from_the_content() {
    let site = built_example();
    let ttl = site.read("public/data/catalog.ttl");
    // Subject → its predicates and objects, as the Turtle writes them (a block per subject).
    let mut about: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut subject = String::new();
    for line in ttl.lines() {
        if line.starts_with('<') {
            subject = line.trim().to_owned();
        } else if let Some(rest) = line.strip_prefix("    ") {
            about
                .entry(subject.clone())
                .or_default()
                .push(rest.trim_end_matches([';', '.', ' ']).to_owned());
        }
    }
    let dirs = dataset_dirs(&site);
    assert!(dirs.len() >= 7, "{dirs:?}");
    for dir in &dirs {
        let said = &about[&format!("<{BASE}{dir}#dataset>")];
        for p in [
            "dct:issued",
            "dct:modified",
            "dct:temporal",
            "dct:spatial",
            "dcat:theme",
            "dct:language",
        ] {
            assert!(
                said.iter().any(|l| l.starts_with(&format!("{p} "))),
                "{dir} has no {p}: {said:#?}"
            );
        }
    }
    // A fiscal-year dataset covers 1 October to 30 September; the area is the site's.
    let period = &about[&format!("<{BASE}procurement/plans/2566/#period>")];
    let date = |d: &str| format!("\"{d}\"^^<http://www.w3.org/2001/XMLSchema#date>");
    assert!(
        period.contains(&format!("dcat:startDate {}", date("2022-10-01"))),
        "{period:?}"
    );
    assert!(
        period.contains(&format!("dcat:endDate {}", date("2023-09-30"))),
        "{period:?}"
    );
    assert!(
        ttl.contains("\"อำเภอเกาะพะงัน จังหวัดสุราษฎร์ธานี\"@th"),
        "the area"
    );
    assert!(ttl.contains("data-theme/GOVE>"));
    // The plan's dates are the plan's: announced 25 October 2565.
    let plan = &about[&format!("<{BASE}procurement/plans/2566/#dataset>")];
    assert!(
        plan.iter().any(|l| l.starts_with("dct:issued ")),
        "{plan:?}"
    );
    // A format name is in no language.
    assert!(ttl.contains("dct:format \"CSV\" ;"), "a plain CSV");
    assert!(!ttl.contains("\"CSV\"@th"));
}

#[test]
fn the_national_catalogs_fields_are_on_every_dataset_and_in_one_csv() {
    let site = built_example();
    const LABELS: [&str; 14] = [
        "ชื่อชุดข้อมูล",
        "หน่วยงานเจ้าของข้อมูล",
        "ผู้ติดต่อ",
        "อีเมลผู้ติดต่อ",
        "วัตถุประสงค์",
        "ความถี่ในการปรับปรุงข้อมูล",
        "ขอบเขตเชิงภูมิศาสตร์",
        "ช่วงเวลาของข้อมูล",
        "แหล่งที่มา",
        "รูปแบบการเก็บข้อมูล",
        "หมวดหมู่ข้อมูล",
        "สัญญาอนุญาต",
        "วันที่เริ่มต้นสร้าง",
        "วันที่ปรับปรุงข้อมูลล่าสุด",
    ];
    let bytes = site.read_bytes("public/data/catalog.csv");
    let text = String::from_utf8(bytes).unwrap();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark, for Excel");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(&header[..LABELS.len()], LABELS);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), dataset_dirs(&site).len());
    let plan = rows
        .iter()
        .find(|r| r[0].starts_with("แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2566"))
        .expect("the plan's row");
    assert_eq!(&plan[7], "2022-10-01/2023-09-30", "the period covered");
    assert_eq!(&plan[6], "อำเภอเกาะพะงัน จังหวัดสุราษฎร์ธานี");
    // A dataset's own page shows them, labelled as the national catalog labels them.
    let page = text_of(&site.read("public/data/complaint-statistics/index.html"));
    for label in &LABELS[1..] {
        assert!(page.contains(label), "{label} not on the page");
    }
    assert!(page.contains("หมวดหมู่ข้อมูล ข้อมูลสาธารณะ"), "{page}");
}

#[test]
fn every_dataset_page_embeds_schema_org_dataset_by_the_municipality() {
    let site = built_example();
    let name = site_name(&site);
    for dir in dataset_dirs(&site) {
        let html = site.read(&format!("public/{dir}index.html"));
        let start = "<script type=\"application/ld+json\">";
        let i = html
            .find(start)
            .unwrap_or_else(|| panic!("/{dir} has no JSON-LD"))
            + start.len();
        let end = i + html[i..].find("</script>").expect("end of the script");
        let ld: Value = serde_json::from_str(&html[i..end])
            .unwrap_or_else(|e| panic!("/{dir}: the JSON-LD does not parse: {e}"));
        assert_eq!(ld["@context"], "https://schema.org", "{dir}");
        assert_eq!(ld["@type"], "Dataset", "{dir}");
        assert_eq!(ld["url"], format!("{BASE}{dir}"), "{dir}");
        assert_eq!(
            ld["@id"],
            format!("{BASE}{dir}#dataset"),
            "the DCAT IRI, {dir}"
        );
        for role in ["creator", "publisher"] {
            assert_eq!(ld[role]["@type"], "GovernmentOrganization", "{dir} {role}");
            assert_eq!(ld[role]["name"], name.as_str(), "{dir} {role}");
            // What the site does not say is left out, not null.
            let org = ld[role].as_object().unwrap();
            assert!(org.values().all(|v| !v.is_null()), "{dir} {role}: {org:?}");
        }
        assert!(ld["dateModified"].is_string(), "{dir}");
        assert!(ld["temporalCoverage"].is_string(), "{dir}");
        let downloads = ld["distribution"].as_array().expect("distributions");
        assert!(
            downloads.iter().any(|d| d["encodingFormat"] == "text/csv"
                && d["contentUrl"]
                    .as_str()
                    .unwrap()
                    .starts_with(&format!("{BASE}{dir}"))),
            "{dir}: a CSV download"
        );
    }
}

#[test]
fn ocds_release_package_of_the_example() {
    let site = built_example();
    let prefix = setting(&site, "ocid_prefix").expect("the example sets ocid_prefix");
    let package = json(&site, "public/data/ocds/2566.json");
    assert_eq!(package["version"], "1.1");
    assert_eq!(package["uri"], format!("{BASE}data/ocds/2566.json"));
    assert_eq!(package["publisher"]["name"], site_name(&site).as_str());
    let releases = package["releases"].as_array().expect("releases");
    let mut tags_by_ocid: std::collections::BTreeMap<&str, BTreeSet<&str>> = Default::default();
    for r in releases {
        let ocid = r["ocid"].as_str().expect("an ocid");
        assert!(ocid.starts_with(&format!("{prefix}-")), "{ocid}");
        assert!(r["id"].as_str().is_some_and(|i| !i.is_empty()), "{r}");
        assert!(
            r["date"].as_str().is_some_and(|d| d.ends_with("+07:00")),
            "{r}"
        );
        assert_eq!(r["initiationType"], "tender");
        let tags = r["tag"].as_array().expect("a tag list");
        assert!(!tags.is_empty());
        tags_by_ocid
            .entry(ocid)
            .or_default()
            .extend(tags.iter().map(|t| t.as_str().unwrap()));
    }
    // The example carries some projects from plan to contract: one ocid with all their releases.
    let whole: Vec<&&str> = tags_by_ocid
        .iter()
        .filter(|(_, t)| {
            ["planning", "tender", "award", "contract"]
                .iter()
                .all(|x| t.contains(x))
        })
        .map(|(o, _)| o)
        .collect();
    assert!(
        !whole.is_empty(),
        "no ocid from planning to contract: {tags_by_ocid:?}"
    );
}

#[test]
fn no_ocds_once_the_ocid_prefix_is_removed() {
    let site = TestSite::example();
    let yaml = site.read("content/site.yaml");
    assert!(
        yaml.contains("\nocid_prefix:"),
        "the example sets ocid_prefix"
    );
    let without: String = yaml
        .lines()
        .filter(|l| !l.starts_with("ocid_prefix:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let site = site.file("content/site.yaml", &without);
    site.build().success();
    assert!(
        !site.exists("public/data/ocds"),
        "OCDS published without an ocid prefix"
    );
    assert!(site.exists("public/data/catalog.jsonld"));
}
