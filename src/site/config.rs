//! `content/site.yaml`: the organization and the site's settings.

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Msg};
use crate::site::source::{Source, parse_yaml};
use crate::site::values::Fy;
use crate::thai::numerals::Numerals;

/// `site.yaml` as written.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// ชื่อหน่วยงาน, e.g. เทศบาลตำบลเพชรพะงัน
    pub name: String,
    pub name_en: Option<String>,
    /// Where the site will live; may include a sub-path.
    pub base_url: String,
    /// The current fiscal year; default: the latest found in the content.
    pub fiscal_year: Option<Fy>,
    #[serde(default)]
    pub numerals: Numerals,
    pub description: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// ตำบล: the subdistrict the organisation serves (with district and province, the area
    /// its open data covers).
    pub subdistrict: Option<String>,
    pub district: Option<String>,
    pub province: Option<String>,
    /// The Interior Ministry's code of that area (`"840803"`); the catalog then names the
    /// area by a stable URI.
    pub area_code: Option<crate::site::values::AreaCode>,
    /// A URI for the area in another register (e.g. Wikidata), used instead of the site's own.
    pub area_uri: Option<String>,
    /// Which ITA/OIT item catalog the compliance page follows.
    pub ita_year: Option<u32>,
    pub ocid_prefix: Option<String>,
    /// License of the open data.
    #[serde(default = "default_license")]
    pub license: String,
    /// The theme folder under `themes/` whose templates override the built-in ones.
    pub theme: Option<String>,
    /// `true` lets `themes/NAME` be a link to a folder outside the site (a theme shared by
    /// several sites); without it such a theme is refused, since its `static/` is published.
    #[serde(default)]
    pub theme_outside_site: bool,
    /// What HTML typed into Markdown may do: `sanitize` (default: safe tags kept, scripts and
    /// event handlers removed), `escape` (shown as text) or `trust` (kept as typed).
    #[serde(default)]
    pub raw_html: RawHtml,
    /// The search's own words and synonyms.
    #[serde(default)]
    pub search: SearchSettings,
    /// Where `prongsai deploy` sends the site.
    pub deploy: Option<DeploySettings>,
    /// Anything else the site wants to keep; not checked.
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub extra: Option<serde_yaml::Mapping>,
}

/// `search:` in site.yaml.
#[derive(Clone, Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchSettings {
    /// Words the search must know as words: place, division and company names.
    #[serde(default)]
    pub words: Vec<String>,
    /// Groups of words or phrases that mean the same, e.g. `[คสล, คอนกรีตเสริมเหล็ก]`.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
}

/// `deploy:` in site.yaml. No password: it comes from `PRONGSAI_DEPLOY_PASSWORD` or a prompt.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeploySettings {
    /// `sftp://user@host/path`, `ftps://user@host/path`, `ftp://…` or `file:///path`.
    pub url: String,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, Hash, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    #[default]
    Sanitize,
    Escape,
    Trust,
}

fn default_license() -> String {
    "CC-BY-4.0".to_owned()
}

impl Config {
    pub const FILE: &'static str = "content/site.yaml";

    /// Parses and checks `site.yaml`. `base_url_override` is `--base-url`.
    pub fn load(source: &Source, base_url_override: Option<&str>) -> Result<Self, Diagnostic> {
        let mut config: Config = parse_yaml(source, &source.text, 1)?;
        if let Some(url) = base_url_override {
            config.base_url = url.to_owned();
        }
        let at = |field: &str| source.locate(&format!("{field}:"), 1).unwrap_or((0, 0));
        if config.name.trim().is_empty() {
            let (l, c) = at("name");
            return Err(Diagnostic::error(
                crate::diagnostic::codes::NAME_EMPTY,
                &source.path,
                Msg::new(
                    "ชื่อหน่วยงาน (name) ว่างเปล่า",
                    "the name of the organization is empty",
                ),
            )
            .at(&source.text, l, c)
            .field("name")
            .help(Msg::new(
                "ใส่ชื่อเต็มของหน่วยงาน เช่น name: เทศบาลตำบลเพชรพะงัน",
                "write the organization's full name, e.g. name: เทศบาลตำบลเพชรพะงัน",
            )));
        }
        match normalize_base_url(&config.base_url) {
            Some(url) => config.base_url = url,
            None => {
                let (l, c) = if base_url_override.is_some() {
                    (0, 0)
                } else {
                    at("base_url")
                };
                return Err(Diagnostic::error(crate::diagnostic::codes::BASE_URL_INVALID,
                    &source.path,
                    Msg::new(
                        format!("ที่อยู่เว็บไซต์ base_url \"{}\" ไม่ถูกต้อง", config.base_url),
                        format!("base_url \"{}\" is not a web address", config.base_url),
                    ),
                )
                .at(&source.text, l, c)
                .field("base_url")
                .help(Msg::new(
                    "เขียนที่อยู่เต็มที่ขึ้นต้นด้วย https:// เช่น https://www.phetphangan.go.th/ หรือ https://example.go.th/transparency/",
                    "write the full address starting with https://, e.g. https://www.example.go.th/ or https://example.go.th/transparency/",
                )));
            }
        }
        if let Some(uri) = &config.area_uri
            && normalize_base_url(uri).is_none()
        {
            let (l, c) = at("area_uri");
            return Err(Diagnostic::error(
                crate::diagnostic::codes::AREA_URI_INVALID,
                &source.path,
                Msg::new(
                    format!("area_uri \"{uri}\" ไม่ใช่ที่อยู่เว็บแบบเต็ม"),
                    format!("area_uri \"{uri}\" is not a full web address"),
                ),
            )
            .at(&source.text, l, c)
            .field("area_uri")
            .help(Msg::new(
                "เขียนที่อยู่เต็มที่ขึ้นต้นด้วย http:// หรือ https:// เช่น http://www.wikidata.org/entity/Q1234567 หรือลบบรรทัดนี้ (ใช้ area_code แทนได้)",
                "write a full address starting with http:// or https://, e.g. http://www.wikidata.org/entity/Q1234567, or remove the line (area_code is enough)",
            )));
        }
        Ok(config)
    }

    /// The path part of `base_url`, starting and ending with `/`: every internal link starts
    /// with it, so the site works under a sub-path.
    pub fn base_path(&self) -> &str {
        let rest = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, r)| r);
        rest.find('/').map_or("/", |i| &rest[i..])
    }
}

/// `https://host/sub` → `https://host/sub/`; `None` unless it is an absolute http(s) URL with a
/// host and no query, fragment or spaces.
fn normalize_base_url(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme, "http" | "https") {
        return None;
    }
    let host = rest.split('/').next()?;
    if host.is_empty()
        || url.contains(char::is_whitespace)
        || url.contains(['?', '#', '"', '<', '>', '\\'])
    {
        return None;
    }
    let mut url = url.to_owned();
    if !url.ends_with('/') {
        url.push('/');
    }
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_gets_a_trailing_slash() {
        assert_eq!(
            normalize_base_url("https://a.go.th/sub").as_deref(),
            Some("https://a.go.th/sub/")
        );
        assert_eq!(normalize_base_url("www.a.go.th"), None);
        assert_eq!(normalize_base_url("ftp://a.go.th/"), None);
        assert_eq!(normalize_base_url("https:///x"), None);
    }

    #[test]
    fn base_path_of_root_and_sub_path() {
        let src = Source::new("content/site.yaml", "name: x\nbase_url: https://a.go.th\n");
        let c = Config::load(&src, None).unwrap();
        assert_eq!(c.base_path(), "/");
        let c = Config::load(&src, Some("https://a.go.th/t/x")).unwrap();
        assert_eq!(c.base_path(), "/t/x/");
    }
}
