//! The example site (the repository's `content/`), embedded in the binary: what `prongsai init`
//! writes, and what `check` recognises when it is left in another organisation's site.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

/// The example's `content/` folder.
pub static CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// The place name of the example organisation (เทศบาลตำบลเพชรพะงัน): example text speaks of it.
pub const PLACE: &str = "เพชรพะงัน";

/// Content files of the site at `root` that are still the example's: a file the example has
/// at the same path with the same bytes, or a text that names the example's place. `texts`
/// are the site's content texts by path relative to the root. Empty when the site is the
/// example organisation itself.
pub fn leftovers<'a>(
    root: &Path,
    name: &str,
    texts: impl Iterator<Item = (&'a Path, &'a str)>,
) -> Vec<PathBuf> {
    if name.contains(PLACE) {
        return Vec::new();
    }
    let place = memchr::memmem::Finder::new(PLACE);
    let mut found: Vec<PathBuf> = texts
        .filter(|(_, text)| place.find(text.as_bytes()).is_some())
        .map(|(path, _)| path.to_path_buf())
        .collect();
    visit(&CONTENT, &mut |file| {
        let rel = Path::new("content").join(file.path());
        let path = root.join(&rel);
        let same = std::fs::metadata(&path).is_ok_and(|m| m.len() == file.contents().len() as u64)
            && std::fs::read(&path).is_ok_and(|b| b == file.contents());
        if same {
            found.push(rel);
        }
    });
    found.sort();
    found.dedup();
    found
}

/// Each text file of the example's `content/`, by its path in it: text for tests to run over.
#[cfg(test)]
pub fn texts() -> Vec<(&'static Path, &'static str)> {
    let mut out = Vec::new();
    visit(&CONTENT, &mut |file| {
        if let Some(text) = file.contents_utf8() {
            out.push((file.path(), text));
        }
    });
    out
}

fn visit(dir: &'static Dir<'static>, f: &mut dyn FnMut(&'static include_dir::File<'static>)) {
    for file in dir.files() {
        f(file);
    }
    for sub in dir.dirs() {
        visit(sub, f);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_example_names_its_place() {
        let yaml = super::CONTENT
            .get_file("site.yaml")
            .and_then(|f| f.contents_utf8())
            .unwrap();
        let name = yaml.lines().find_map(|l| l.strip_prefix("name: ")).unwrap();
        assert!(name.contains(super::PLACE), "{name}");
    }
}
