//! The open-data catalog: `/data/` (every dataset with the DGA catalog's fields and download
//! links), one page per generic dataset, `/data/catalog.ttl` and `/data/catalog.jsonld` (one DCAT
//! graph written twice), and the schema.org `Dataset` description each dataset page embeds.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;
use serde_json::{Value, json};

use crate::ctx;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output::Outputs;
use crate::output::page::PageMeta;
use crate::output::table::{Col, Contact, Dataset, Table};
use crate::render::{Renderer, Urls};
use crate::site::Site;
use crate::site::license::url as license_url;
use crate::site::routes;

/// The generic datasets of `content/data/` as published datasets: `/data/NAME/` with
/// `NAME.csv` (normalised), `NAME.json` and `datapackage.json`.
pub fn publish_generic(site: &Site, urls: &Urls, out: &mut Outputs) -> Vec<Dataset> {
    site.datasets
        .iter()
        .map(|d| {
            let dir = routes::dataset(&d.slug);
            let m = &d.meta;
            let table = Table {
                name: d.slug.to_lowercase(),
                file: format!("{}.csv", d.slug),
                title: m.title.clone(),
                columns: m
                    .columns
                    .iter()
                    .map(|c| Col {
                        name: c.name.clone(),
                        title: c.title.clone().unwrap_or_else(|| c.name.clone()),
                        kind: c.kind,
                        thai_header: false,
                    })
                    .collect(),
                rows: d.rows.clone(),
            };
            let json = json!({
                "organization": site.config.name,
                "title": m.title,
                "url": urls.abs(&dir),
                "license": m.license.as_deref().unwrap_or(&site.config.license),
                "rows": table.json_rows(),
            });
            out.add_text(
                format!("{dir}{}.json", d.slug),
                crate::output::pretty_json(&json),
            );
            let ds = Dataset {
                id: d.slug.clone(),
                dir,
                title: m.title.clone(),
                description: m.description.clone().unwrap_or_else(|| m.title.clone()),
                keywords: m.keywords.clone(),
                frequency: m.update_frequency,
                license: m
                    .license
                    .clone()
                    .unwrap_or_else(|| site.config.license.clone()),
                dataset_type: m.dataset_type.clone().unwrap_or_else(|| "ข้อมูลสถิติ".into()),
                source: m.source.clone().unwrap_or_else(|| site.config.name.clone()),
                objective: m.objective.clone().unwrap_or_default(),
                issued: m.issued.map(|d| d.0).or(d.history.map(|h| h.0)),
                modified: m.modified.map(|d| d.0).or(d.history.map(|h| h.1)),
                fiscal_year: None,
                period: m.period.map(|p| (p.from.0, p.to.0)),
                theme: m.theme.map_or("GOVE", |t| t.code()),
                category: m.category,
                contact: (m.contact_name.is_some() || m.contact_email.is_some()).then(|| Contact {
                    name: m
                        .contact_name
                        .clone()
                        .unwrap_or_else(|| site.config.name.clone()),
                    email: m
                        .contact_email
                        .clone()
                        .or_else(|| site.config.email.clone()),
                }),
                tables: vec![table],
                extra_files: vec![(format!("{}.json", d.slug), "application/json")],
            };
            ds.publish(urls, out);
            ds
        })
        .collect()
}

/// What templates get for a dataset.
#[derive(Serialize)]
struct DatasetView {
    id: String,
    title: String,
    description: String,
    url: String,
    keywords: Vec<String>,
    frequency: &'static str,
    license: String,
    license_url: Option<&'static str>,
    dataset_type: String,
    source: String,
    objective: String,
    modified: Option<String>,
    files: Vec<FileView>,
    columns: Vec<(String, String, &'static str)>,
    /// The national catalog's fields, in its order.
    dga: Vec<crate::output::dga::Field>,
}

#[derive(Serialize)]
struct FileView {
    name: String,
    url: String,
    format: &'static str,
}

fn view(site: &Site, ds: &Dataset, urls: &Urls) -> DatasetView {
    DatasetView {
        dga: crate::output::dga::fields(site, ds, urls),
        id: ds.id.clone(),
        title: ds.title.clone(),
        description: ds.description.clone(),
        url: urls.path(&ds.dir),
        keywords: ds.keywords.clone(),
        frequency: ds.frequency.label_th(),
        license: ds.license.clone(),
        license_url: license_url(&ds.license),
        dataset_type: ds.dataset_type.clone(),
        source: ds.source.clone(),
        objective: ds.objective.clone(),
        modified: ds.modified.map(|d| d.to_string()),
        files: ds
            .files()
            .into_iter()
            .map(|(name, media)| FileView {
                url: urls.path(&format!("{}{name}", ds.dir)),
                format: match media {
                    "text/csv" => "CSV",
                    _ => "JSON",
                },
                name,
            })
            .collect(),
        columns: ds
            .tables
            .first()
            .map(|t| {
                t.columns
                    .iter()
                    .map(|c| (c.name.clone(), c.title.clone(), kind_label(c)))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

fn kind_label(c: &Col) -> &'static str {
    use crate::site::dataset::ColumnType;
    match c.kind {
        ColumnType::String => "ข้อความ",
        ColumnType::Integer => "จำนวนเต็ม",
        ColumnType::Number => "ตัวเลข",
        ColumnType::Date => "วันที่",
        ColumnType::Boolean => "จริง/เท็จ",
    }
}

/// Pages: `/data/` and one per generic dataset.
pub fn render_pages(
    site: &Site,
    r: &Renderer,
    datasets: &[Dataset],
    out: &mut Outputs,
    diags: &mut Diagnostics,
) {
    if datasets.is_empty() {
        return;
    }
    let urls = &r.urls;
    let views: Vec<DatasetView> = datasets.iter().map(|d| view(site, d, urls)).collect();
    let mut pages: Vec<(String, Result<String, Diagnostic>)> = vec![(
        routes::data().into(),
        r.render(
            "data.html",
            ctx! {
                page => PageMeta::new("ข้อมูลเปิด (Open Data)", routes::data(), urls),
                datasets => &views,
                catalog_ttl => urls.path(routes::catalog_ttl()),
                catalog_jsonld => urls.path(routes::catalog_jsonld()),
                catalog_csv => urls.path("data/catalog.csv"),
                area => area(site, urls),
            },
        ),
    )];
    for d in &site.datasets {
        let Some(ds) = datasets.iter().find(|x| x.dir == routes::dataset(&d.slug)) else {
            continue;
        };
        let v = view(site, ds, urls);
        let table = &ds.tables[0];
        pages.push((
            ds.dir.clone(),
            r.render(
                "dataset.html",
                ctx! {
                    page => PageMeta::new(&ds.title, &ds.dir, urls),
                    dataset => v,
                    header => table.columns.iter().map(|c| c.title.clone()).collect::<Vec<_>>(),
                    rows => &table.rows[..table.rows.len().min(PREVIEW_ROWS)],
                    total_rows => table.rows.len(),
                },
            ),
        ));
    }
    for (rel, html) in pages {
        match html {
            Ok(h) => out.add_page(&rel, h),
            Err(d) => diags.push(d),
        }
    }
}

/// Rows a dataset's page shows; the files hold them all.
const PREVIEW_ROWS: usize = 500;

/// schema.org `Dataset` JSON-LD for each dataset page, by page path.
pub fn jsonld(site: &Site, datasets: &[Dataset], urls: &Urls) -> BTreeMap<String, String> {
    datasets
        .iter()
        .map(|ds| {
            let (issued, modified) = record_dates(site, ds);
            let coverage = period(ds, issued, modified).map(|(a, b)| format!("{a}/{b}"));
            let v = without_nulls(json!({
                "@context": "https://schema.org",
                "@type": "Dataset",
                "@id": dataset_iri(ds, urls),
                "name": ds.title,
                "description": ds.description,
                "url": urls.abs(&ds.dir),
                "identifier": ds.id,
                "keywords": ds.keywords,
                "inLanguage": "th",
                "isAccessibleForFree": true,
                "license": license_url(&ds.license).map_or(Value::from(ds.license.clone()), Value::from),
                "datePublished": issued.map(|d| d.to_string()),
                "dateModified": modified.map(|d| d.to_string()),
                "temporalCoverage": coverage,
                "spatialCoverage": area(site, urls).map(|a| json!({
                    "@type": "Place",
                    "@id": a.iri,
                    "name": a.label,
                    "identifier": a.code,
                })),
                "creator": organization(site, urls),
                "publisher": organization(site, urls),
                "distribution": ds.files().into_iter().map(|(name, media)| json!({
                    "@type": "DataDownload",
                    "encodingFormat": media,
                    "contentUrl": urls.abs(&format!("{}{name}", ds.dir)),
                })).collect::<Vec<_>>(),
            }));
            // Inside <script>: nothing in it may end the element or open a comment.
            let text = crate::render::filters::json_in_html(&v);
            (ds.dir.clone(), text)
        })
        .collect()
}

fn organization(site: &Site, urls: &Urls) -> Value {
    without_nulls(json!({
        "@type": "GovernmentOrganization",
        "@id": org_iri(urls),
        "name": site.config.name,
        "alternateName": site.config.name_en,
        "url": urls.abs(""),
        "email": site.config.email,
        "telephone": site.config.phone,
        "address": site.config.address,
    }))
}

/// An object without its null members: schema.org readers take `null` as a value.
fn without_nulls(v: Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        other => other,
    }
}

fn org_iri(urls: &Urls) -> String {
    format!("{}#organization", urls.abs(""))
}

fn dataset_iri(ds: &Dataset, urls: &Urls) -> String {
    format!("{}#dataset", urls.abs(&ds.dir))
}

/// An RDF term.
#[derive(Clone, Debug)]
enum Term {
    Iri(String),
    /// Text with a language tag.
    Text(String, &'static str),
    /// A typed literal (datatype IRI).
    Typed(String, &'static str),
    /// A literal in no language (a format name, a code).
    Plain(String),
}

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";
const FOAF: &str = "http://xmlns.com/foaf/0.1/";
const VCARD: &str = "http://www.w3.org/2006/vcard/ns#";
const XSD_DATE: &str = "http://www.w3.org/2001/XMLSchema#date";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// The EU data-theme vocabulary, which CKAN's DCAT profiles read.
const EU_THEME: &str = "http://publications.europa.eu/resource/authority/data-theme/";

/// The area the organisation serves, as `site.yaml` names it.
#[derive(Clone, Debug, Serialize)]
pub struct Area {
    /// `ตำบล… อำเภอ… จังหวัด…`
    pub label: String,
    /// The Interior Ministry's code, when given.
    pub code: Option<String>,
    /// The fragment of `/data/` that describes it (`area-840803`, or `area`).
    pub anchor: String,
    /// Its URI: `area_uri` when given, else the `/data/` fragment, which is the same for as
    /// long as the site's address and the code are.
    pub iri: String,
}

/// The area from `site.yaml`, when it names one.
pub fn area(site: &Site, urls: &Urls) -> Option<Area> {
    let c = &site.config;
    let with = |prefix: &str, v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| {
                if v.starts_with(prefix) {
                    v.to_owned()
                } else {
                    format!("{prefix}{v}")
                }
            })
    };
    let parts: Vec<String> = [
        with("ตำบล", &c.subdistrict),
        with("อำเภอ", &c.district),
        with("จังหวัด", &c.province),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        return None;
    }
    let code = c.area_code.as_ref().map(|a| a.0.clone());
    let anchor = code
        .as_ref()
        .map_or_else(|| "area".to_owned(), |code| format!("area-{code}"));
    Some(Area {
        label: parts.join(" "),
        iri: c
            .area_uri
            .clone()
            .unwrap_or_else(|| format!("{}#{anchor}", urls.abs(routes::data()))),
        code,
        anchor,
    })
}

/// When the dataset was first published and last changed: its own dates, else those of the
/// records it is made of (its fiscal year's, or the site's) — never the day of the build.
pub(crate) fn record_dates(
    site: &Site,
    ds: &Dataset,
) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
    let fy = ds.fiscal_year.map(crate::thai::calendar::FiscalYear);
    let dates: Vec<chrono::NaiveDate> = site
        .disclosures()
        .iter()
        .filter(|d| !d.unpublished && (fy.is_none() || d.fiscal_year == fy))
        .filter_map(|d| d.date)
        .map(|d| d.min(site.today))
        .collect();
    (
        ds.issued.or_else(|| dates.iter().min().copied()),
        ds.modified.or_else(|| dates.iter().max().copied()),
    )
}

/// The period the data covers: its fiscal year (1 October to 30 September), else the fiscal
/// years its dates fall in.
pub(crate) fn period(
    ds: &Dataset,
    issued: Option<chrono::NaiveDate>,
    modified: Option<chrono::NaiveDate>,
) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    use crate::thai::calendar::FiscalYear;
    if let Some((start, end)) = ds.period {
        return Some((start, end));
    }
    match ds.fiscal_year {
        Some(be) => Some((FiscalYear(be).start(), FiscalYear(be).end())),
        None => Some((
            FiscalYear::of(issued?).start(),
            FiscalYear::of(modified?).end(),
        )),
    }
}

/// The DCAT graph as (subject, predicate, object), in a stable order.
fn triples(site: &Site, datasets: &[Dataset], urls: &Urls) -> Vec<(String, String, Term)> {
    let mut t: Vec<(String, String, Term)> = Vec::new();
    let mut add = |s: &str, p: String, o: Term| t.push((s.to_owned(), p, o));
    let iri = |s: &str| Term::Iri(s.to_owned());
    let th = |s: &str| Term::Text(s.to_owned(), "th");
    let c = &site.config;
    let catalog = format!("{}#catalog", urls.abs(routes::data()));
    let org = org_iri(urls);
    let contact = format!("{}#contact", urls.abs(""));

    add(&org, RDF_TYPE.into(), iri(&format!("{FOAF}Organization")));
    add(&org, format!("{FOAF}name"), th(&c.name));
    if let Some(en) = &c.name_en {
        add(&org, format!("{FOAF}name"), Term::Text(en.clone(), "en"));
    }
    add(&org, format!("{FOAF}homepage"), iri(&urls.abs("")));

    add(
        &contact,
        RDF_TYPE.into(),
        iri(&format!("{VCARD}Organization")),
    );
    add(&contact, format!("{VCARD}fn"), th(&c.name));
    if let Some(email) = &c.email {
        add(
            &contact,
            format!("{VCARD}hasEmail"),
            iri(&format!("mailto:{email}")),
        );
    }

    // The area the organisation serves, named as the Interior Ministry names it.
    let area = area(site, urls);
    if let Some(a) = &area {
        add(&a.iri, RDF_TYPE.into(), iri(&format!("{DCT}Location")));
        add(&a.iri, format!("{SKOS}prefLabel"), th(&a.label));
        if let Some(code) = &a.code {
            add(
                &a.iri,
                format!("{DCT}identifier"),
                Term::Plain(code.clone()),
            );
        }
    }

    add(&catalog, RDF_TYPE.into(), iri(&format!("{DCAT}Catalog")));
    add(
        &catalog,
        format!("{DCT}title"),
        th(&format!("บัญชีข้อมูลเปิด {}", c.name)),
    );
    add(
        &catalog,
        format!("{DCT}description"),
        th(&format!("ชุดข้อมูลที่{}เปิดเผยเป็นข้อมูลดิจิทัลที่นำไปใช้ต่อได้", c.name)),
    );
    add(&catalog, format!("{DCT}publisher"), iri(&org));
    add(
        &catalog,
        format!("{FOAF}homepage"),
        iri(&urls.abs(routes::data())),
    );
    add(
        &catalog,
        format!("{DCT}language"),
        iri("http://id.loc.gov/vocabulary/iso639-1/th"),
    );

    for ds in datasets {
        let d = dataset_iri(ds, urls);
        add(&catalog, format!("{DCAT}dataset"), iri(&d));
        add(&d, RDF_TYPE.into(), iri(&format!("{DCAT}Dataset")));
        add(
            &d,
            format!("{DCT}identifier"),
            Term::Typed(ds.id.clone(), "http://www.w3.org/2001/XMLSchema#string"),
        );
        add(&d, format!("{DCT}title"), th(&ds.title));
        add(&d, format!("{DCT}description"), th(&ds.description));
        for k in &ds.keywords {
            add(&d, format!("{DCAT}keyword"), th(k));
        }
        add(&d, format!("{DCT}publisher"), iri(&org));
        match &ds.contact {
            None => add(&d, format!("{DCAT}contactPoint"), iri(&contact)),
            Some(own) => {
                let point = format!("{}#contact", urls.abs(&ds.dir));
                add(&d, format!("{DCAT}contactPoint"), iri(&point));
                add(
                    &point,
                    RDF_TYPE.into(),
                    iri(&format!("{VCARD}Organization")),
                );
                add(&point, format!("{VCARD}fn"), th(&own.name));
                if let Some(email) = &own.email {
                    add(
                        &point,
                        format!("{VCARD}hasEmail"),
                        iri(&format!("mailto:{email}")),
                    );
                }
            }
        }
        add(&d, format!("{DCAT}landingPage"), iri(&urls.abs(&ds.dir)));
        add(
            &d,
            format!("{DCT}accrualPeriodicity"),
            iri(&format!(
                "http://publications.europa.eu/resource/authority/frequency/{}",
                ds.frequency.eu_term()
            )),
        );
        if let Some(url) = license_url(&ds.license) {
            add(&d, format!("{DCT}license"), iri(url));
        }
        let (issued, modified) = record_dates(site, ds);
        if let Some(m) = modified {
            add(
                &d,
                format!("{DCT}modified"),
                Term::Typed(m.to_string(), XSD_DATE),
            );
        }
        if let Some(i) = issued {
            add(
                &d,
                format!("{DCT}issued"),
                Term::Typed(i.to_string(), XSD_DATE),
            );
        }
        if let Some((start, end)) = period(ds, issued, modified) {
            let p = format!("{}#period", urls.abs(&ds.dir));
            add(&d, format!("{DCT}temporal"), iri(&p));
            add(&p, RDF_TYPE.into(), iri(&format!("{DCT}PeriodOfTime")));
            add(
                &p,
                format!("{DCAT}startDate"),
                Term::Typed(start.to_string(), XSD_DATE),
            );
            add(
                &p,
                format!("{DCAT}endDate"),
                Term::Typed(end.to_string(), XSD_DATE),
            );
        }
        if let Some(a) = &area {
            add(&d, format!("{DCT}spatial"), iri(&a.iri));
        }
        add(
            &d,
            format!("{DCAT}theme"),
            iri(&format!("{EU_THEME}{}", ds.theme)),
        );
        add(
            &d,
            format!("{DCT}language"),
            iri("http://id.loc.gov/vocabulary/iso639-1/th"),
        );
        for (name, media) in ds.files() {
            let dist = format!(
                "{}#distribution-{}",
                urls.abs(&ds.dir),
                name.replace('.', "-")
            );
            add(&d, format!("{DCAT}distribution"), iri(&dist));
            add(&dist, RDF_TYPE.into(), iri(&format!("{DCAT}Distribution")));
            add(
                &dist,
                format!("{DCT}title"),
                th(&format!("{} ({name})", ds.title)),
            );
            add(&dist, format!("{DCAT}accessURL"), iri(&urls.abs(&ds.dir)));
            add(
                &dist,
                format!("{DCAT}downloadURL"),
                iri(&urls.abs(&format!("{}{name}", ds.dir))),
            );
            add(
                &dist,
                format!("{DCAT}mediaType"),
                iri(&format!(
                    "http://www.iana.org/assignments/media-types/{media}"
                )),
            );
            add(
                &dist,
                format!("{DCT}format"),
                Term::Plain(if media == "text/csv" { "CSV" } else { "JSON" }.to_owned()),
            );
            if let Some(url) = license_url(&ds.license) {
                add(&dist, format!("{DCT}license"), iri(url));
            }
        }
    }
    t
}

/// Writes `/data/catalog.ttl` and `/data/catalog.jsonld` from the same triples.
pub fn publish_dcat(site: &Site, datasets: &[Dataset], urls: &Urls, out: &mut Outputs) {
    if datasets.is_empty() {
        return;
    }
    if let Some(t) = crate::output::dga::catalog_table(site, datasets, urls) {
        out.add(
            format!("{}{}", routes::data(), t.file),
            crate::output::Body::Bytes(t.csv()),
        );
    }
    let triples = triples(site, datasets, urls);
    out.add_text(routes::catalog_ttl(), turtle(&triples));
    out.add_text(routes::catalog_jsonld(), jsonld_graph(&triples));
}

fn turtle(triples: &[(String, String, Term)]) -> String {
    let mut s = String::from(
        "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n@prefix dct: <http://purl.org/dc/terms/> .\n@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n",
    );
    let mut last: Option<&str> = None;
    for (subj, pred, obj) in triples {
        if last != Some(subj.as_str()) {
            if last.is_some() {
                s.push_str(" .\n");
            }
            let _ = write!(
                s,
                "\n<{}>\n    {} {}",
                iri_escape(subj),
                short(pred),
                term_ttl(obj)
            );
            last = Some(subj);
        } else {
            let _ = write!(s, " ;\n    {} {}", short(pred), term_ttl(obj));
        }
    }
    if last.is_some() {
        s.push_str(" .\n");
    }
    s
}

fn short(pred: &str) -> String {
    if pred == RDF_TYPE {
        return "a".into();
    }
    for (prefix, ns) in [
        ("dcat", DCAT),
        ("dct", DCT),
        ("foaf", FOAF),
        ("vcard", VCARD),
    ] {
        if let Some(local) = pred.strip_prefix(ns) {
            return format!("{prefix}:{local}");
        }
    }
    format!("<{}>", iri_escape(pred))
}

fn term_ttl(t: &Term) -> String {
    match t {
        Term::Iri(i) => format!("<{}>", iri_escape(i)),
        Term::Text(v, lang) => format!("\"{}\"@{lang}", literal_escape(v)),
        Term::Typed(v, dt) => format!("\"{}\"^^<{dt}>", literal_escape(v)),
        Term::Plain(v) => format!("\"{}\"", literal_escape(v)),
    }
}

fn literal_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

/// IRIs are built from URL-safe parts; escape what Turtle forbids anyway.
fn iri_escape(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '<' | '>' | '"' | '{' | '}' | '|' | '^' | '`' | '\\' | ' ' => {
                format!("%{:02X}", c as u32)
            }
            c => c.to_string(),
        })
        .collect()
}

fn jsonld_graph(triples: &[(String, String, Term)]) -> String {
    let mut nodes: Vec<(String, serde_json::Map<String, Value>)> = Vec::new();
    for (subj, pred, obj) in triples {
        let pos = match nodes.iter().position(|(s, _)| s == subj) {
            Some(p) => p,
            None => {
                let mut m = serde_json::Map::new();
                m.insert("@id".into(), Value::from(subj.clone()));
                nodes.push((subj.clone(), m));
                nodes.len() - 1
            }
        };
        let node = &mut nodes[pos].1;
        let (key, value) = if pred == RDF_TYPE {
            match obj {
                Term::Iri(i) => ("@type".to_owned(), Value::from(i.clone())),
                _ => continue,
            }
        } else {
            let v = match obj {
                Term::Iri(i) => json!({"@id": i}),
                Term::Text(v, lang) => json!({"@value": v, "@language": lang}),
                Term::Typed(v, dt) => json!({"@value": v, "@type": dt}),
                Term::Plain(v) => json!({"@value": v}),
            };
            (pred.clone(), v)
        };
        match node.get_mut(&key) {
            Some(Value::Array(list)) => list.push(value),
            _ => {
                node.insert(key, Value::Array(vec![value]));
            }
        }
    }
    let graph: Vec<Value> = nodes.into_iter().map(|(_, m)| Value::Object(m)).collect();
    crate::output::pretty_json(&graph)
}
