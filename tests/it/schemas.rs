//! The JSON Schemas an editor checks content files against: every example file is valid
//! against its schema, a wrong value or an unknown field is not, each field is described in
//! Thai, and `init` sets up VS Code with the same files `prongsai schema` writes.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::TestSite;

fn schemas(site: &TestSite) -> Vec<(String, Value)> {
    std::fs::read_dir(site.path("schemas"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap(),
            )
        })
        .collect()
}

fn validator(site: &TestSite, file: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&site.read(&format!("schemas/{file}"))).unwrap();
    jsonschema::draft7::new(&schema).expect("a valid draft-07 schema")
}

fn yaml_value(text: &str) -> Value {
    serde_yaml::from_str(text).expect("YAML")
}

fn front_matter(text: &str) -> Value {
    let rest = text.strip_prefix("---\n").expect("front matter");
    let end = rest.find("\n---").expect("end of front matter");
    yaml_value(&rest[..end])
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// The schema a content file is checked against, as `.vscode/settings.json` maps it (and the
/// front-matter schema for Markdown).
fn schema_for(rel: &str) -> Option<&'static str> {
    let yaml = rel.ends_with(".yaml");
    Some(match rel {
        "content/site.yaml" => "site.schema.json",
        "content/people.yaml" => "people.schema.json",
        r if yaml && r.starts_with("content/measures/") => "measures.schema.json",
        r if yaml && r.starts_with("content/procurement/plans/") => "plan.schema.json",
        r if yaml && r.starts_with("content/procurement/reference-prices/") => {
            "reference-price.schema.json"
        }
        r if yaml && r.starts_with("content/procurement/results/") => "results.schema.json",
        r if yaml && r.starts_with("content/data/") => "dataset.schema.json",
        r if yaml && r.starts_with("content/budget/") => "budget.schema.json",
        r if r.ends_with(".md") && !r.starts_with("content/procurement/") => {
            "front-matter.schema.json"
        }
        _ => return None,
    })
}

#[test]
fn every_example_content_file_is_valid_against_its_schema() {
    let site = TestSite::example();
    site.run(&["schema"]).success();
    let mut checked = 0;
    for path in files(&site.path("content")) {
        let rel = path
            .strip_prefix(site.root())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let Some(schema) = schema_for(&rel) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let value = if rel.ends_with(".md") {
            front_matter(&text)
        } else {
            yaml_value(&text)
        };
        let v = validator(&site, schema);
        let errors: Vec<String> = v
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{rel} against {schema}: {errors:#?}");
        checked += 1;
    }
    assert!(checked > 40, "only {checked} files checked");
}

#[test]
fn a_wrong_method_an_unknown_field_and_a_bad_date_are_invalid() {
    let site = TestSite::example();
    site.run(&["schema"]).success();
    let plan = validator(&site, "plan.schema.json");
    let good = yaml_value(&site.read("content/procurement/plans/2566.yaml"));
    assert!(plan.is_valid(&good));
    let mut wrong = good.clone();
    wrong["items"][0]["method"] = Value::from("ประมูล");
    assert!(!plan.is_valid(&wrong), "an unknown method");
    for (method, ok) in [
        ("เฉพาะเจาะจง", true),
        ("วิธีเฉพาะเจาะจง", true),
        ("e-bidding", true),
        ("16", true),
        ("ประกวดราคานานาชาติ", true),
    ] {
        let mut v = good.clone();
        v["items"][0]["method"] = Value::from(method);
        assert_eq!(plan.is_valid(&v), ok, "{method}");
    }
    let mut v = good.clone();
    v["items"][0]["method"] = Value::from(19);
    assert!(plan.is_valid(&v), "an e-GP code as a number");
    let mut unknown = good.clone();
    unknown["items"][0]["budjet"] = Value::from(1000);
    assert!(!plan.is_valid(&unknown), "a misspelt field");
    let results = validator(&site, "results.schema.json");
    let mut month = yaml_value(&site.read("content/procurement/results/2566-03.yaml"));
    assert!(results.is_valid(&month));
    month["month"] = Value::from("มีนาคม 2566");
    assert!(!results.is_valid(&month), "a month not written year-month");
    let front = validator(&site, "front-matter.schema.json");
    assert!(!front.is_valid(&serde_json::json!({"title": "x", "topics": ["no_such_topic"]})));
    assert!(!front.is_valid(&serde_json::json!({"title": "x", "section9": [9]})));
    assert!(
        front.is_valid(&serde_json::json!({"title": "x", "date": "๒๕๖๖-๐๑-๑๕", "section9": [2]}))
    );
}

#[test]
fn every_field_of_every_schema_is_described_in_thai_and_methods_are_offered() {
    let site = TestSite::example();
    site.run(&["schema"]).success();
    fn walk(v: &Value, at: &str, missing: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get("properties") {
                    for (name, p) in props {
                        let d = p.get("description").and_then(Value::as_str).unwrap_or("");
                        if !d.chars().any(|c| ('\u{0e00}'..='\u{0e7f}').contains(&c)) {
                            missing.push(format!("{at}.{name}"));
                        }
                    }
                }
                for (k, child) in map {
                    walk(child, &format!("{at}/{k}"), missing);
                }
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, at, missing)),
            _ => {}
        }
    }
    let mut missing = Vec::new();
    for (file, schema) in schemas(&site) {
        walk(&schema, &file, &mut missing);
    }
    assert!(
        missing.is_empty(),
        "fields without a Thai description: {missing:#?}"
    );
    let plan = site.read("schemas/plan.schema.json");
    for key in [
        "e-bidding",
        "e-market",
        "price-inquiry",
        "international-bidding",
        "selection",
        "specific",
        "specific-card",
        "consultant-open",
        "consultant-selection",
        "consultant-specific",
        "design-open",
        "design-selection",
        "design-specific",
        "design-contest",
    ] {
        assert!(plan.contains(&format!("\"{key}\"")), "{key}");
    }
}

#[test]
fn init_sets_up_the_editor_with_what_prongsai_schema_writes() {
    let dir = TestSite::empty();
    crate::support::run_in(dir.root(), &["init", "site"]).success();
    let site = dir.path("site");
    let settings: Value =
        serde_json::from_str(&std::fs::read_to_string(site.join(".vscode/settings.json")).unwrap())
            .unwrap();
    let map = settings["yaml.schemas"].as_object().expect("yaml.schemas");
    // Each mapping names a schema that is there and files of the new site (the example has no
    // ITA catalog of its own).
    let content: Vec<String> = files(&site.join("content"))
        .iter()
        .map(|p| {
            p.strip_prefix(&site)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    for (schema, globs) in map {
        assert!(
            site.join(schema.trim_start_matches("./")).is_file(),
            "{schema}"
        );
        let glob = globs[0].as_str().unwrap().trim_start_matches("**/");
        let (dir_part, file_part) = glob.rsplit_once('/').unwrap();
        let hits = content.iter().filter(|c| {
            c.rsplit_once('/').is_some_and(|(d, f)| {
                d == dir_part && (file_part == f || (file_part == "*.yaml" && f.ends_with(".yaml")))
            })
        });
        if schema != "./schemas/ita.schema.json" {
            assert!(hits.count() > 0, "{schema}: {glob} matches no file");
        }
    }
    // `prongsai schema` in the new site writes the same files: nothing changes.
    let before: Vec<(String, String)> = std::fs::read_dir(site.join("schemas"))
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    crate::support::run_in(&site, &["schema"]).success();
    for (p, text) in before {
        assert_eq!(std::fs::read_to_string(&p).unwrap(), text, "{p}");
    }
    // The site still builds: schemas/ and .vscode/ are not content.
    crate::support::run_in(&site, &["build"]).success();
    assert!(!site.join("public/schemas").exists());
}

#[test]
fn schema_never_replaces_a_file_it_did_not_write() {
    let site = TestSite::minimal().file("schemas/plan.schema.json", "{\"mine\": true}\n");
    site.run(&["schema"])
        .code(2)
        .stderr_has("schemas/plan.schema.json ไม่ได้เขียนโดย prongsai จึงไม่เขียนทับ");
    assert_eq!(site.read("schemas/plan.schema.json"), "{\"mine\": true}\n");
    assert!(!site.exists("schemas/site.schema.json"));
    // Settings someone wrote are left alone; what to add is said.
    let site = TestSite::minimal().file(".vscode/settings.json", "{\"editor.fontSize\": 14}\n");
    site.run(&["schema"])
        .success()
        .stderr_has("มี ./.vscode/settings.json อยู่แล้ว จึงไม่ได้แก้ไข");
    assert_eq!(
        site.read(".vscode/settings.json"),
        "{\"editor.fontSize\": 14}\n"
    );
}

#[test]
fn a_new_announcement_names_its_schema_and_still_builds() {
    let site = TestSite::minimal();
    site.run(&["schema"]).success();
    let out = site.run(&["new", "announcement", "ประกาศทดสอบ"]);
    out.success();
    let path = out.stdout.trim().to_owned();
    let text = std::fs::read_to_string(site.root().join(&path)).unwrap();
    assert!(
        text.starts_with(
            "---\n# yaml-language-server: $schema=../../schemas/front-matter.schema.json\n"
        ),
        "{text}"
    );
    let front = validator(&site, "front-matter.schema.json");
    assert!(front.is_valid(&front_matter(&text)));
    site.check().success();
}
