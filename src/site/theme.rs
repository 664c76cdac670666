//! The theme: templates and static files. The built-in theme is embedded in the binary; a site's
//! `themes/NAME/` may override any template or static file by giving one of the same name.

use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::diagnostic::{Diagnostic, Msg, locate, relative};
use crate::site::source::Source;

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A static file of the theme: embedded or the site's own.
#[derive(Clone, Debug)]
pub enum StaticFile {
    Builtin(&'static [u8]),
    Disk(crate::site::attachment::CopySource),
}

impl StaticFile {
    /// The file's bytes: embedded, or read from the site's theme (the file it was when loaded).
    pub fn bytes(&self) -> std::io::Result<std::borrow::Cow<'static, [u8]>> {
        use std::io::Read;
        match self {
            Self::Builtin(bytes) => Ok(std::borrow::Cow::Borrowed(bytes)),
            Self::Disk(source) => {
                let mut bytes = Vec::new();
                source.open()?.read_to_end(&mut bytes)?;
                Ok(std::borrow::Cow::Owned(bytes))
            }
        }
    }
}

#[derive(Clone, Debug)]
pub struct Theme {
    /// Template name (`base.html`) → (source, where it came from for error messages).
    pub templates: BTreeMap<String, (String, String)>,
    /// Path under `static/` (`style.css`) → file.
    pub statics: BTreeMap<String, StaticFile>,
}

impl Theme {
    /// The built-in theme, overridden by `root/themes/NAME/` when a name is given. The name is
    /// a folder name, never a path; the folder must lie inside the site unless
    /// `outside_allowed` (`theme_outside_site: true`), since its `static/` is published.
    pub fn load(
        root: &Path,
        name: Option<&str>,
        outside_allowed: bool,
    ) -> Result<Self, Diagnostic> {
        let mut theme = Self::builtin();
        let Some(name) = name else {
            return Ok(theme);
        };
        let config = Path::new(crate::site::Config::FILE);
        let problem = |code: crate::diagnostic::Code, th: String, en: String, help: Msg| {
            let text = std::fs::read_to_string(root.join(config)).unwrap_or_default();
            let (l, c) = locate(&text, "theme:", 1).unwrap_or((0, 0));
            Diagnostic::error(code, config, Msg::new(th, en))
                .at(&text, l, c)
                .field("theme")
                .help(help)
        };
        let plain = !name.is_empty()
            && name != "."
            && name != ".."
            && !name.starts_with('.')
            && !name.contains(['/', '\\', ':', '\0']);
        if !plain {
            return Err(problem(
                crate::diagnostic::codes::THEME_NOT_A_NAME,
                format!(
                    "theme: \"{}\" ต้องเป็นชื่อโฟลเดอร์ใน themes/ ไม่ใช่ที่อยู่ของไฟล์",
                    name.escape_debug()
                ),
                format!(
                    "theme: \"{}\" must name a folder in themes/, not a path",
                    name.escape_debug()
                ),
                Msg::new(
                    "เขียนเฉพาะชื่อโฟลเดอร์ เช่น theme: local สำหรับ themes/local/",
                    "write the folder's name alone, e.g. theme: local for themes/local/",
                ),
            ));
        }
        let dir = root.join("themes").join(name);
        if !dir.is_dir() {
            return Err(problem(
                crate::diagnostic::codes::THEME_MISSING,
                format!("ไม่พบโฟลเดอร์ธีม themes/{name}/"),
                format!("the theme folder themes/{name}/ does not exist"),
                Msg::new(
                    "สร้างโฟลเดอร์ themes/ชื่อธีม/templates/ หรือลบบรรทัด theme: เพื่อใช้ธีมมาตรฐาน",
                    "create themes/NAME/templates/, or remove the theme: line to use the built-in theme",
                ),
            ));
        }
        let site = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let real = dir.canonicalize().unwrap_or_else(|_| dir.clone());
        if !outside_allowed && !real.starts_with(&site) {
            return Err(problem(
                crate::diagnostic::codes::THEME_OUTSIDE,
                format!(
                    "โฟลเดอร์ธีม themes/{name}/ เป็นลิงก์ไปยัง {} ซึ่งอยู่นอกโฟลเดอร์ของเว็บไซต์ ไฟล์ใน static/ ของธีมจะถูกเผยแพร่ จึงไม่ใช้",
                    real.display()
                ),
                format!(
                    "the theme folder themes/{name}/ links to {}, outside the site's folder; a theme's static/ files are published, so it is not used",
                    real.display()
                ),
                Msg::new(
                    "คัดลอกธีมมาไว้ใน themes/ ของเว็บไซต์ หรือถ้าตั้งใจใช้ธีมร่วมกันหลายเว็บไซต์ ให้เพิ่มบรรทัด theme_outside_site: true ใน site.yaml",
                    "copy the theme into the site's themes/, or, to share one theme between sites on purpose, add theme_outside_site: true to site.yaml",
                ),
            ));
        }
        // Hidden files and folders (`.git`, `.env`) are never part of a theme.
        let walker = walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || !crate::site::is_ignored(e.file_name().to_str().unwrap_or("."))
            });
        for entry in walker {
            let entry = entry.map_err(|e| {
                Diagnostic::error(
                    crate::diagnostic::codes::THEME_UNREADABLE,
                    relative(root, &dir),
                    Msg::new(
                        format!("อ่านโฟลเดอร์ธีมไม่ได้: {e}"),
                        format!("cannot read the theme: {e}"),
                    ),
                )
            })?;
            if !entry.file_type().is_file()
                || crate::site::is_ignored(entry.file_name().to_str().unwrap_or_default())
            {
                continue;
            }
            let rel = relative(&dir, entry.path());
            let key: Vec<&str> = rel
                .components()
                .filter_map(|c| c.as_os_str().to_str())
                .collect();
            match key.as_slice() {
                ["templates", rest @ ..] if !rest.is_empty() => {
                    let display = relative(root, entry.path());
                    let source = Source::read(root, &display)?;
                    theme
                        .templates
                        .insert(rest.join("/"), (source.text, display.display().to_string()));
                }
                ["static", rest @ ..] if !rest.is_empty() => {
                    let path = entry.path().to_path_buf();
                    let source = std::fs::File::open(&path)
                        .and_then(|f| crate::site::attachment::CopySource::of(path, &f))
                        .map_err(|e| {
                            Diagnostic::error(
                                crate::diagnostic::codes::THEME_UNREADABLE,
                                relative(root, entry.path()),
                                Msg::new(
                                    format!("อ่านไฟล์ของธีมไม่ได้: {e}"),
                                    format!("cannot read the theme's file: {e}"),
                                ),
                            )
                        })?;
                    theme
                        .statics
                        .insert(rest.join("/"), StaticFile::Disk(source));
                }
                _ => {}
            }
        }
        Ok(theme)
    }

    pub fn builtin() -> Self {
        let mut templates = BTreeMap::new();
        let mut statics = BTreeMap::new();
        collect(&BUILTIN, &mut |path, bytes| {
            let p = path.to_string_lossy().replace('\\', "/");
            if let Some(name) = p.strip_prefix("templates/") {
                let text = String::from_utf8_lossy(bytes).into_owned();
                templates.insert(name.to_owned(), (text, format!("(built-in theme) {p}")));
            } else if let Some(name) = p.strip_prefix("static/") {
                statics.insert(name.to_owned(), StaticFile::Builtin(bytes));
            }
        });
        Self { templates, statics }
    }

    /// The built-in theme's file `static/NAME`.
    pub fn builtin_static(name: &str) -> Option<&'static [u8]> {
        BUILTIN
            .get_file(format!("static/{name}"))
            .map(include_dir::File::contents)
    }

    /// Writes the built-in theme's files under `dest` (for `prongsai init`).
    pub fn write_builtin(dest: &Path) -> std::io::Result<()> {
        let mut result = Ok(());
        collect(&BUILTIN, &mut |path, bytes| {
            if result.is_err() {
                return;
            }
            let target = dest.join(path);
            result = target
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&target, bytes));
        });
        result
    }
}

fn collect(dir: &'static Dir<'static>, f: &mut dyn FnMut(&Path, &'static [u8])) {
    for file in dir.files() {
        f(file.path(), file.contents());
    }
    for sub in dir.dirs() {
        collect(sub, f);
    }
}
