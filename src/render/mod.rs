//! Rendering, the library the outputs use: the minijinja environment with the theme's
//! templates and the Thai filters, Markdown, URLs under the base path, and the cache of pages
//! rendered before. Pure: nothing here reads or writes files, and nothing here knows which
//! outputs there are ([`crate::build`] drives them).

pub mod cache;
pub mod filters;
pub mod markdown;
pub mod urls;

use std::path::PathBuf;

use minijinja::{AutoEscape, Environment, Value};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Diagnostics, Msg};
use crate::site::Site;
use crate::site::routes;
use crate::site::theme::Theme;
pub use urls::Urls;

/// A template context from `key => value` pairs; each value is anything `Serialize`.
#[macro_export]
macro_rules! ctx {
    ($($key:ident => $value:expr),* $(,)?) => {{
        let mut map = std::collections::BTreeMap::<&'static str, minijinja::Value>::new();
        $( map.insert(stringify!($key), minijinja::Value::from(minijinja::value::Serde($value))); )*
        minijinja::Value::from(map)
    }};
}

/// Templates and what every page needs to know about the site.
pub struct Renderer {
    pub env: Environment<'static>,
    pub urls: Urls,
    /// Pages rendered before, when rebuilding (the dev server).
    pub cache: Option<std::sync::Arc<cache::RenderCache>>,
    /// The pages the output folder already holds (`build`).
    pub previous: Option<std::sync::Arc<dyn cache::Previous>>,
    /// A fingerprint of everything a document page depends on besides its own file: the theme,
    /// the site's settings and menus, the attachments.
    pub fingerprint: u64,
}

impl Renderer {
    pub fn new(site: &Site) -> Result<Self, Diagnostics> {
        let urls = Urls::new(&site.config.base_url, site.config.base_path())
            .with_raw_html(site.config.raw_html);
        let mut env = Environment::new();
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html") || name.ends_with(".xml") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        env.set_formatter(html_formatter);
        if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
        {
            env.set_syntax(syntax);
        }
        let assets = asset_versions(&site.theme);
        filters::register(&mut env, site.config.numerals, &urls, &assets);
        let mut diags = Diagnostics::default();
        add_templates(&mut env, &site.theme, &mut diags);
        if diags.has_errors() {
            return Err(diags);
        }
        let view = SiteView::new(site, &urls);
        let fingerprint = crate::hash::fingerprint(&(
            serde_json::to_string(&view).unwrap_or_default(),
            &site.theme.templates,
            &assets,
            &urls.base_url,
            format!("{:?} {:?}", site.config.numerals, site.config.raw_html),
            site.sections
                .values()
                .map(crate::site::Section::title)
                .collect::<Vec<_>>(),
            site.attachments
                .values()
                .map(|a| (&a.key, &a.sha256))
                .collect::<Vec<_>>(),
        ));
        env.add_global("site", Value::from(minijinja::value::Serde(view)));
        Ok(Self {
            env,
            urls,
            cache: None,
            previous: None,
            fingerprint,
        })
    }

    /// The cache key of a document's site links.
    pub fn links_key(&self, doc_fingerprint: u64) -> u64 {
        crate::hash::fingerprint(&(&self.urls.base_path, doc_fingerprint))
    }

    /// Renders template `name` with `ctx`; a template error names the template and line.
    pub fn render(&self, name: &str, ctx: Value) -> Result<String, Diagnostic> {
        self.env
            .get_template(name)
            .and_then(|t| t.render(ctx))
            .map_err(|e| template_error(&self.env, &e))
    }
}

/// minijinja's formatter, except that a string written into HTML or XML has only `&`, `<`, `>`,
/// `"` and `'` escaped, as Jinja does: not `/`, which minijinja writes as `&#x2f;` (every
/// address in every page twice as long to read in its source, and longer to download).
fn html_formatter(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    match value.as_str() {
        Some(s) if !value.is_safe() && matches!(state.auto_escape(), AutoEscape::Html) => {
            write_escaped(out, s).map_err(minijinja::Error::from)
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// `text` with `&`, `<`, `>`, `"` and `'` written as character references.
fn write_escaped(out: &mut impl std::fmt::Write, text: &str) -> std::fmt::Result {
    let mut rest = text;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
        out.write_str(&rest[..i])?;
        out.write_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#x27;",
        })?;
        rest = &rest[i + 1..];
    }
    out.write_str(rest)
}

/// The version of each static file of the theme (by its name under `static/`): the start of
/// its hash, which `asset('static/NAME')` adds to its address (`?v=`), so a browser that kept
/// an older copy of a script or style sheet asks for the new one.
fn asset_versions(theme: &Theme) -> std::collections::BTreeMap<String, String> {
    theme
        .statics
        .iter()
        .filter_map(|(name, file)| {
            let hash = xxhash_rust::xxh3::xxh3_64(&file.bytes().ok()?);
            Some((name.clone(), format!("{:08x}", hash >> 32)))
        })
        .collect()
}

fn add_templates(env: &mut Environment<'static>, theme: &Theme, diags: &mut Diagnostics) {
    for (name, (source, _)) in &theme.templates {
        if let Err(e) = env.add_template_owned(name.clone(), source.clone()) {
            diags.push(template_error_in(theme, &e, name));
        }
    }
    // Remember where each template came from for error messages.
    let origins: Vec<(String, String)> = theme
        .templates
        .iter()
        .map(|(k, (_, origin))| (k.clone(), origin.clone()))
        .collect();
    env.add_global(
        "__template_origins",
        Value::from(minijinja::value::Serde(origins)),
    );
}

fn template_error_in(theme: &Theme, e: &minijinja::Error, name: &str) -> Diagnostic {
    let (source, origin) = theme
        .templates
        .get(name)
        .map_or(("", name), |(s, o)| (s.as_str(), o.as_str()));
    build_template_error(e, origin, source)
}

fn template_error(env: &Environment<'static>, e: &minijinja::Error) -> Diagnostic {
    // The innermost error names the template where it happened, included files too.
    let mut inner: &dyn std::error::Error = e;
    let mut located = e;
    while let Some(next) = inner.source() {
        if let Some(m) = next.downcast_ref::<minijinja::Error>()
            && m.name().is_some()
        {
            located = m;
        }
        inner = next;
    }
    let name = located.name().unwrap_or("?").to_owned();
    let source = env
        .get_template(&name)
        .map(|t| t.source().to_owned())
        .unwrap_or_default();
    let origin = env
        .globals()
        .find(|(k, _)| *k == "__template_origins")
        .and_then(|(_, v)| {
            v.try_iter().ok()?.find_map(|pair| {
                let k = pair.get_item_by_index(0).ok()?;
                (k.as_str() == Some(name.as_str()))
                    .then(|| pair.get_item_by_index(1).ok()?.as_str().map(str::to_owned))
                    .flatten()
            })
        })
        .unwrap_or(name);
    build_template_error(located, &origin, &source)
}

fn build_template_error(e: &minijinja::Error, origin: &str, source: &str) -> Diagnostic {
    let detail = e
        .detail()
        .map_or_else(|| e.kind().to_string(), str::to_owned);
    let d = Diagnostic::error(
        crate::diagnostic::codes::TEMPLATE_ERROR,
        PathBuf::from(origin),
        Msg::new(
            format!("แม่แบบ (template) ผิดพลาด: {detail}"),
            format!("template error: {detail}"),
        ),
    )
    .help(Msg::new(
        "แก้ไฟล์แม่แบบในโฟลเดอร์ themes/ ตามบรรทัดที่ระบุ หรือลบไฟล์นั้นเพื่อกลับไปใช้แม่แบบมาตรฐาน",
        "correct the template at that line, or delete it to use the built-in one",
    ));
    match e.line() {
        Some(line) => d.at(source, line, 0),
        None => d,
    }
}

/// The `site` every template sees.
#[derive(Serialize)]
struct SiteView {
    name: String,
    name_en: Option<String>,
    description: Option<String>,
    base_url: String,
    base_path: String,
    address: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    license: String,
    /// `thai` or `arabic`: the digits pages are written with.
    numerals: &'static str,
    /// The license's page, when it is a known one (Creative Commons, Open Data Commons).
    license_url: Option<&'static str>,
    current_fiscal_year: i32,
    /// The main menu: `{title, url}`.
    nav: Vec<Link>,
    /// Pages of `content/pages/`.
    pages: Vec<Link>,
}

#[derive(Serialize, Clone)]
pub struct Link {
    pub title: String,
    pub url: String,
}

impl SiteView {
    fn new(site: &Site, urls: &Urls) -> Self {
        let c = &site.config;
        let mut nav = vec![Link {
            title: "หน้าแรก".into(),
            url: urls.path(""),
        }];
        if let Some(m) = site.measures.last() {
            nav.push(Link {
                title: "มาตรการคุณธรรมและความโปร่งใส".into(),
                url: urls.path(&routes::measures(m.data.fiscal_year.0)),
            });
        }
        for s in site.sections.values() {
            nav.push(Link {
                title: s.title(),
                url: urls.path(&routes::section(&s.name)),
            });
        }
        if !crate::site::projects::fiscal_years(site).is_empty() {
            nav.push(Link {
                title: "การจัดซื้อจัดจ้าง".into(),
                url: urls.path(routes::procurement()),
            });
        }
        if let Some(fy) = site.budgets.keys().next_back() {
            nav.push(Link {
                title: "งบประมาณ".into(),
                url: urls.path(&routes::budget(*fy)),
            });
        }
        if site.people.is_some() {
            nav.push(Link {
                title: "โครงสร้างและผู้บริหาร".into(),
                url: urls.path(routes::structure()),
            });
        }
        nav.push(Link {
            title: "ศูนย์ข้อมูลข่าวสาร".into(),
            url: urls.path(routes::section9()),
        });
        nav.push(Link {
            title: "ข้อมูลเปิด".into(),
            url: urls.path(routes::data()),
        });
        let pages: Vec<Link> = site
            .pages
            .iter()
            .map(|p| Link {
                title: p.front.title.clone(),
                url: urls.path(&crate::site::routes::document(p)),
            })
            .collect();
        Self {
            name: c.name.clone(),
            name_en: c.name_en.clone(),
            description: c.description.clone(),
            base_url: urls.base_url.clone(),
            base_path: urls.base_path.clone(),
            address: c.address.clone(),
            phone: c.phone.clone(),
            email: c.email.clone(),
            license: c.license.clone(),
            numerals: match c.numerals {
                crate::thai::numerals::Numerals::Thai => "thai",
                crate::thai::numerals::Numerals::Arabic => "arabic",
            },
            license_url: crate::site::license::url(&c.license),
            current_fiscal_year: site.current_fiscal_year().be(),
            nav,
            pages,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_characters_are_escaped_and_slashes_are_not() {
        let mut out = String::new();
        super::write_escaped(&mut out, r#"</a href="x" title='y'> & /ข่าว/"#).unwrap();
        assert_eq!(
            out,
            "&lt;/a href=&quot;x&quot; title=&#x27;y&#x27;&gt; &amp; /ข่าว/"
        );
    }
}
