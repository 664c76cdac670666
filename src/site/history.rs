//! When a file was first and last changed, from git, where the site is a git checkout: the
//! dates a dataset without its own `issued`/`modified` is published with. Read-only (`git log`),
//! and nothing when git is missing, the site is not a checkout or the file was never committed,
//! so a build never depends on it succeeding.

use std::path::Path;
use std::process::{Command, Stdio};

use chrono::NaiveDate;

/// The first and last commit dates touching `files` (paths relative to `root`).
pub fn file_dates(root: &Path, files: &[&Path]) -> Option<(NaiveDate, NaiveDate)> {
    if !in_checkout(root) {
        return None;
    }
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["log", "--format=%cs", "--"])
        .args(files)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let dates: Vec<NaiveDate> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| NaiveDate::parse_from_str(l.trim(), "%Y-%m-%d").ok())
        .collect();
    Some((*dates.iter().min()?, *dates.iter().max()?))
}

/// Whether `root` or a folder above it holds `.git`.
fn in_checkout(root: &Path) -> bool {
    let Ok(root) = root.canonicalize() else {
        return false;
    };
    root.ancestors().any(|d| d.join(".git").exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn git(dir: &Path, args: &[&str], date: &str) {
        let ok = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["-c", "user.name=t", "-c", "user.email=t@example.go.th"])
            .args(args)
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .stdout(Stdio::null())
            .status()
            .unwrap()
            .success();
        assert!(ok, "git {args:?}");
    }

    #[test]
    fn dates_are_those_of_the_first_and_last_commit_of_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q"], "2024-01-01T00:00:00+07:00");
        std::fs::write(root.join("a.csv"), "x\n1\n").unwrap();
        git(root, &["add", "a.csv"], "2024-03-01T10:00:00+07:00");
        git(root, &["commit", "-qm", "a"], "2024-03-01T10:00:00+07:00");
        std::fs::write(root.join("b.txt"), "other").unwrap();
        git(root, &["add", "b.txt"], "2024-04-01T10:00:00+07:00");
        git(root, &["commit", "-qm", "b"], "2024-04-01T10:00:00+07:00");
        std::fs::write(root.join("a.csv"), "x\n2\n").unwrap();
        git(
            root,
            &["commit", "-qam", "a again"],
            "2024-05-02T10:00:00+07:00",
        );
        let day = |m, d| NaiveDate::from_ymd_opt(2024, m, d).unwrap();
        assert_eq!(
            file_dates(root, &[Path::new("a.csv")]),
            Some((day(3, 1), day(5, 2)))
        );
        // A file never committed has no history; neither has a folder outside a checkout.
        std::fs::write(root.join("new.csv"), "x\n").unwrap();
        assert_eq!(file_dates(root, &[Path::new("new.csv")]), None);
        let outside = tempfile::tempdir().unwrap();
        if !in_checkout(outside.path()) {
            assert_eq!(file_dates(outside.path(), &[Path::new("a.csv")]), None);
        }
    }
}
