//! The fixture builder every integration test uses: a site in a temporary folder, the real
//! `prongsai` binary run on it, and helpers to look at what it wrote the way a user would.
//!
//! ```ignore
//! let site = TestSite::example().file("content/announcements/a.md", "---\ntitle: x\n---\n");
//! site.build().failure().stderr_has("content/announcements/a.md:1");
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

pub mod server;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_prongsai");

/// The repository, for the example content and the seed files.
pub const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// `content/site.yaml` of [`TestSite::minimal`].
pub const MINIMAL_SITE_YAML: &str = "\
name: เทศบาลตำบลทดสอบ
base_url: https://www.example.go.th/
";

/// The one announcement of [`TestSite::minimal`].
pub const MINIMAL_ANNOUNCEMENT: &str = "\
---
title: ประกาศฉบับแรก
date: 2566-01-15
---
เนื้อหาของประกาศ
";

/// A site folder in a temporary directory, deleted when the value is dropped.
pub struct TestSite {
    dir: TempDir,
}

impl TestSite {
    /// A folder with nothing in it.
    pub fn empty() -> Self {
        Self {
            dir: tempfile::Builder::new()
                .prefix("prongsai-test-")
                .tempdir()
                .expect("create a temporary folder"),
        }
    }

    /// A copy of the example site (the repository's `content/`).
    pub fn example() -> Self {
        let site = Self::empty();
        copy_dir(
            &Path::new(MANIFEST_DIR).join("content"),
            &site.path("content"),
        );
        site
    }

    /// The smallest site that builds: settings and one announcement.
    pub fn minimal() -> Self {
        Self::empty()
            .file("content/site.yaml", MINIMAL_SITE_YAML)
            .file("content/announcements/first.md", MINIMAL_ANNOUNCEMENT)
    }

    /// Writes `contents` to `rel` (relative to the site root), creating folders.
    #[must_use]
    pub fn file(self, rel: &str, contents: &str) -> Self {
        self.bytes(rel, contents.as_bytes())
    }

    /// Writes raw bytes to `rel`, creating folders.
    #[must_use]
    pub fn bytes(self, rel: &str, bytes: &[u8]) -> Self {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {rel}: {e}"));
        self
    }

    /// Deletes the file or folder `rel`, which must exist.
    #[must_use]
    pub fn remove(self, rel: &str) -> Self {
        let path = self.path(rel);
        let removed = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        removed.unwrap_or_else(|e| panic!("remove {rel}: {e}"));
        self
    }

    /// Replaces the first `from` in file `rel` with `to`; `from` must be there, so a test never
    /// silently runs on an unchanged fixture.
    #[must_use]
    #[track_caller]
    pub fn replace(self, rel: &str, from: &str, to: &str) -> Self {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        let changed = text.replacen(from, to, 1);
        self.file(rel, &changed)
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path(rel).exists()
    }

    #[track_caller]
    pub fn read(&self, rel: &str) -> String {
        String::from_utf8(self.read_bytes(rel))
            .unwrap_or_else(|e| panic!("{rel} is not UTF-8: {e}"))
    }

    #[track_caller]
    pub fn read_bytes(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.path(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// `prongsai build`, run in the site's folder as a user would.
    pub fn build(&self) -> Outcome {
        self.run(&["build"])
    }

    /// What a first build of the site's current files is: built into a new folder outside the
    /// site, with no output, staging folder or build cache of earlier builds.
    pub fn first_build(&self) -> Tree {
        let out = tempfile::tempdir().expect("create a temporary folder");
        let status = Command::new(BIN)
            .args(["build", "-q", "--root"])
            .arg(self.root())
            .arg("--out")
            .arg(out.path().join("public"))
            .status()
            .expect("run prongsai");
        assert!(status.success(), "a first build of the site failed");
        Tree::of(&out.path().join("public"))
    }

    /// Builds four times, a document added for the second build and gone for the last two, so
    /// the output folder and its staging folder both exist and hold the same content (a build
    /// into an output that already holds it writes nothing and makes no staging folder).
    #[must_use]
    pub fn built_with_staging(self) -> Self {
        const ADDED: &str = "content/announcements/zz-staged.md";
        self.build().success();
        let site = self.file(
            ADDED,
            "---\ntitle: ประกาศชั่วคราว\ndate: 2566-01-03\n---\nชั่วคราว\n",
        );
        site.build().success();
        let site = site.remove(ADDED);
        site.build().success();
        site.build().success();
        assert!(site.exists(".public.prongsai"), "no staging folder");
        site
    }

    /// `prongsai check`, run in the site's folder.
    pub fn check(&self) -> Outcome {
        self.run(&["check"])
    }

    /// `prongsai ARGS...`, run in the site's folder.
    pub fn run(&self, args: &[&str]) -> Outcome {
        run_in(self.root(), args)
    }

    /// `prongsai ARGS...` in the site's folder with `env` set (e.g. `PRONGSAI_TODAY`).
    pub fn run_env(&self, env: &[(&str, &str)], args: &[&str]) -> Outcome {
        let output = Command::new(BIN)
            .args(args)
            .current_dir(self.root())
            .env_remove("RUST_LOG")
            .env("NO_COLOR", "1")
            .envs(env.iter().copied())
            .output()
            .expect("run prongsai");
        Outcome {
            args: args.iter().map(|a| (*a).to_owned()).collect(),
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Every file under `public/`, path → bytes.
    pub fn public(&self) -> Tree {
        Tree::of(&self.path("public"))
    }

    /// Every file of the site folder, path → bytes.
    pub fn tree(&self) -> Tree {
        Tree::of(self.root())
    }
}

/// Runs the binary in `dir` with a fixed environment.
pub fn run_in(dir: &Path, args: &[&str]) -> Outcome {
    let output = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_LOG")
        .env("NO_COLOR", "1")
        .output()
        .expect("run prongsai");
    Outcome {
        args: args.iter().map(|a| (*a).to_owned()).collect(),
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// What one run of the binary did.
pub struct Outcome {
    pub args: Vec<String>,
    /// `None` when killed by a signal.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    fn describe(&self) -> String {
        format!(
            "prongsai {}\n--- exit: {:?}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.args.join(" "),
            self.code,
            self.stdout,
            self.stderr
        )
    }

    /// Asserts exit code 0.
    #[track_caller]
    pub fn success(&self) -> &Self {
        assert_eq!(self.code, Some(0), "expected success\n{}", self.describe());
        self
    }

    /// Asserts exit code 1: the content has errors.
    #[track_caller]
    pub fn failure(&self) -> &Self {
        assert_eq!(
            self.code,
            Some(1),
            "expected exit code 1\n{}",
            self.describe()
        );
        self
    }

    /// Asserts an exit code.
    #[track_caller]
    pub fn code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(code),
            "expected exit code {code}\n{}",
            self.describe()
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(&self, text: &str) -> &Self {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}\n{}",
            self.describe()
        );
        self
    }

    #[track_caller]
    pub fn stderr_lacks(&self, text: &str) -> &Self {
        assert!(
            !self.stderr.contains(text),
            "stderr has {text:?}\n{}",
            self.describe()
        );
        self
    }

    #[track_caller]
    pub fn stdout_has(&self, text: &str) -> &Self {
        assert!(
            self.stdout.contains(text),
            "stdout lacks {text:?}\n{}",
            self.describe()
        );
        self
    }

    /// stdout parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON: {e}\n{}", self.describe()))
    }
}

/// The files of a folder: path relative to it (with `/`) → bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct Tree(pub BTreeMap<String, Vec<u8>>);

impl Tree {
    /// Reads every file under `dir`; an absent folder is an empty tree.
    pub fn of(dir: &Path) -> Self {
        let mut files = BTreeMap::new();
        if dir.exists() {
            collect(dir, dir, &mut files);
        }
        Self(files)
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    pub fn get(&self, rel: &str) -> Option<&[u8]> {
        self.0.get(rel).map(Vec::as_slice)
    }

    /// Asserts both trees hold the same files with the same bytes, listing what differs.
    #[track_caller]
    pub fn assert_same(&self, after: &Tree) {
        let mut report = String::new();
        for (path, bytes) in &self.0 {
            match after.0.get(path) {
                None => {
                    let _ = writeln!(report, "  removed: {path}");
                }
                Some(b) if b != bytes => {
                    let _ = writeln!(report, "  changed: {path}");
                }
                Some(_) => {}
            }
        }
        for path in after.0.keys().filter(|p| !self.0.contains_key(*p)) {
            let _ = writeln!(report, "  added: {path}");
        }
        assert!(report.is_empty(), "the folder changed:\n{report}");
    }
}

impl std::fmt::Debug for Tree {
    // The paths only: a tree of PDFs printed as bytes helps nobody.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.keys()).finish()
    }
}

fn collect(base: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).expect("read folder") {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            collect(base, &path, files);
        } else {
            let rel = path.strip_prefix(base).expect("under base");
            let key = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            files.insert(key, std::fs::read(&path).expect("read file"));
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let path = entry.expect("folder entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy file");
        }
    }
}

// ---- reading HTML the way a browser shows it ----

/// Replaces the character references templates and Markdown write (`&lt;`, `&#x2f;`, `&#39;`...)
/// with the characters a browser shows.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The visible text of an HTML fragment: tags dropped, characters decoded, white space
/// collapsed to single spaces.
pub fn text_of(html: &str) -> String {
    let mut raw = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                raw.push(' ');
            }
            '>' if in_tag => in_tag = false,
            c if !in_tag => raw.push(c),
            _ => {}
        }
    }
    decode_entities(&raw)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The values of every `name="..."` attribute in `html`, decoded.
pub fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .filter_map(|(i, _)| {
            let start = i + needle.len();
            let end = html[start..].find('"')?;
            Some(decode_entities(&html[start..start + end]))
        })
        .collect()
}

/// The part of `html` from the first `start` to the next `end` after it.
#[track_caller]
pub fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let i = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in the page"));
    let rest = &html[i..];
    let j = rest
        .find(end)
        .unwrap_or_else(|| panic!("no {end:?} after {start:?}"));
    &rest[..j]
}

/// Percent-decoding of a URL path (`%E0%B8%81` → `ก`).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).expect("a percent-encoded path is UTF-8")
}

/// Percent-encoding of a URL path, keeping `/` (`ก` → `%E0%B8%81`).
pub fn percent_encode_path(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Arabic digits written as Thai digits, as pages show numbers when `numerals: thai`.
pub fn thai_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x0E50 + d).expect("a Thai digit"),
            None => c,
        })
        .collect()
}
