//! The modules of `src/` import one way only, from the ground up:
//!
//! ```text
//! ground (thai, diagnostic, hash, timing, progress, example)
//!   → site → check, render, compliance, search → output → build → serve → cli → cmd
//! ```
//!
//! A module may use the modules of the layers below its own, never those above or beside it
//! (the ground's may use each other). ARCHITECTURE.md says what lives where.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module of `src/` and its layer.
const LAYERS: &[(&str, u8)] = &[
    ("thai", 0),
    ("diagnostic", 0),
    ("hash", 0),
    ("cache", 0),
    ("timing", 0),
    ("progress", 0),
    ("example", 0),
    ("site", 1),
    ("check", 2),
    ("render", 2),
    ("compliance", 2),
    ("search", 2),
    ("import", 2),
    ("output", 3),
    ("build", 4),
    ("serve", 5),
    ("deploy", 5),
    ("cli", 6),
    ("cmd", 7),
];

/// Source text without comments, so a doc comment naming a module is no import.
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Top-level module → the top-level modules its files name with `crate::`.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(&src).unwrap();
            let top = rel
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_owned();
            if top == "lib" || top == "main" {
                continue;
            }
            let text = code(&std::fs::read_to_string(&path).unwrap());
            let used = out.entry(top.clone()).or_default();
            for (i, _) in text.match_indices("crate::") {
                let name: String = text[i + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                // `crate::ctx!` is a macro, not a module.
                if name != top && name != "ctx" && !name.is_empty() {
                    used.insert(name);
                }
            }
        }
    }
    out
}

#[test]
fn modules_import_only_the_layers_below_them() {
    let layer = |m: &str| {
        LAYERS
            .iter()
            .find(|(name, _)| *name == m)
            .map(|(_, l)| *l)
            .unwrap_or_else(|| {
                panic!("src/{m} is in no layer: add it to LAYERS and ARCHITECTURE.md")
            })
    };
    let mut wrong = Vec::new();
    for (module, used) in imports() {
        let own = layer(&module);
        for other in used {
            let theirs = layer(&other);
            let ground = own == 0 && theirs == 0;
            if theirs >= own && !ground {
                wrong.push(format!(
                    "{module} (layer {own}) uses {other} (layer {theirs})"
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_ground_has_no_loops() {
    let all = imports();
    let ground: Vec<&str> = LAYERS
        .iter()
        .filter(|(_, l)| *l == 0)
        .map(|(m, _)| *m)
        .collect();
    // Depth-first search for a cycle among the ground's modules.
    fn visit<'a>(
        m: &'a str,
        all: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<String> {
        if let Some(i) = path.iter().position(|p| *p == m) {
            return Some(path[i..].join(" → ") + " → " + m);
        }
        if !done.insert(m) {
            return None;
        }
        path.push(m);
        for next in all.get(m).into_iter().flatten() {
            if let Some(cycle) = visit(next, all, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for m in ground {
        let cycle = visit(m, &all, &mut Vec::new(), &mut done);
        assert!(
            cycle.is_none(),
            "a loop among the ground's modules: {}",
            cycle.unwrap()
        );
    }
}

#[test]
fn the_layering_test_sees_imports() {
    // It must fail when it should: the model is known to be used by the outputs.
    let all = imports();
    assert!(all["output"].contains("site"), "{all:?}");
    assert!(!all["site"].contains("output"), "{:?}", all["site"]);
}

#[test]
fn no_source_file_is_over_800_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut long = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let lines = std::fs::read_to_string(&path).unwrap().lines().count();
                if lines > 800 {
                    long.push(format!(
                        "{} ({lines} lines)",
                        path.strip_prefix(&src).unwrap().display()
                    ));
                }
            }
        }
    }
    assert!(long.is_empty(), "files over 800 lines: {long:?}");
}
