//! Reference prices (ราคากลาง): the list, each disclosure laid out as its บก. form, and the
//! data of them all.

use super::*;

pub(super) fn pages(site: &Site, r: &Renderer, pages: &mut Pages) {
    let urls = &r.urls;
    if !site.reference_prices.is_empty() {
        let mut list: Vec<&ReferencePrice> = site.reference_prices.iter().collect();
        list.sort_by(|a, b| {
            b.data
                .priced_on
                .cmp(&a.data.priced_on)
                .then(a.slug.cmp(&b.slug))
        });
        let rows: Vec<ReferencePriceRow> = list
            .iter()
            .map(|rp| ReferencePriceRow {
                title: rp.data.project.clone(),
                url: urls.path(&routes::reference_price(&rp.slug)),
                form: rp.data.form.code(),
                priced_on: rp.data.priced_on.0.to_string(),
                fiscal_year: rp.fiscal_year().be(),
                budget: rp.data.budget.0.satang(),
                price: rp.data.price.0.satang(),
                owner: rp.data.owner.clone(),
            })
            .collect();
        pages.push((
            routes::reference_prices().into(),
            r.render(
                "reference_prices.html",
                ctx! {
                    page => PageMeta::new("ประกาศราคากลาง", routes::reference_prices(), urls),
                    prices => rows,
                    csv_url => urls.path(&format!("{}reference-prices.csv", routes::reference_prices())),
                    json_url => urls.path(&format!("{}reference-prices.json", routes::reference_prices())),
                },
            ),
        ));
        let mut lists: HashMap<FiscalYear, Vec<Project>> = HashMap::new();
        for rp in &site.reference_prices {
            let fy = rp.fiscal_year();
            let list = lists.entry(fy).or_insert_with(|| projects(site, fy));
            let view = FormView::new(site, rp, list, urls);
            let rel = routes::reference_price(&rp.slug);
            pages.push((
                rel.clone(),
                r.render(
                    "reference_price.html",
                    ctx! { page => PageMeta::new(&view.title, &rel, urls), form => view },
                ),
            ));
        }
    }
}

pub(super) fn data(site: &Site, urls: &Urls, out: &mut Outputs) -> Vec<Dataset> {
    let org = &site.config.name;
    let mut datasets = Vec::new();
    if !site.reference_prices.is_empty() {
        let dir = routes::reference_prices().to_owned();
        let table = reference_price_table(site, urls);
        let json = serde_json::json!({
            "organization": org,
            "url": urls.abs(&dir),
            "license": site.config.license,
            "reference_prices": site.reference_prices.iter().map(|rp| reference_price_json(rp, urls)).collect::<Vec<_>>(),
        });
        out.add_text(
            format!("{dir}reference-prices.json"),
            crate::output::pretty_json(&json),
        );
        let mut ds = dataset_base(
            site,
            "procurement-reference-prices".into(),
            dir,
            format!("ประกาศราคากลาง {org}"),
            format!(
                "ราคากลางของการจัดซื้อจัดจ้างของ{org} ตามแบบ บก.01–บก.07: โครงการ วงเงินงบประมาณ ราคากลาง วันที่กำหนดราคากลาง แหล่งที่มา และผู้กำหนดราคากลาง"
            ),
            None,
        );
        ds.frequency = Frequency::Irregular;
        ds.modified = site
            .reference_prices
            .iter()
            .map(|r| r.data.priced_on.0)
            .max();
        ds.tables.push(table);
        ds.extra_files
            .push(("reference-prices.json".into(), "application/json"));
        ds.publish(urls, out);
        datasets.push(ds);
    }
    datasets
}

#[derive(Serialize)]
struct ReferencePriceRow {
    title: String,
    url: String,
    form: &'static str,
    priced_on: String,
    fiscal_year: i32,
    budget: i64,
    price: i64,
    owner: Option<String>,
}

/// A reference-price disclosure in the order of its form.
#[derive(Serialize)]
pub struct FormView {
    title: String,
    form: &'static str,
    form_key: &'static str,
    purpose: &'static str,
    project: String,
    owner: Option<String>,
    organization: String,
    plan_link: Option<Link>,
    result_links: Vec<Link>,
    /// The numbered rows of the form.
    rows: Vec<FormRow>,
    number: Option<String>,
    signed_by: Option<Signatory>,
    body_html: Option<String>,
    attachments: Vec<AttachmentView>,
    fiscal_year: i32,
}

#[derive(Serialize, Default)]
pub struct FormRow {
    no: usize,
    label: String,
    /// `text`, `money`, `price`, `list`, `breakdown`, `people`
    kind: &'static str,
    text: Option<String>,
    amount: Option<i64>,
    date: Option<String>,
    list: Vec<String>,
    breakdown: Vec<(String, i64)>,
    breakdown_total: Option<i64>,
    people: Vec<Signatory>,
}

impl FormView {
    /// The form of `rp`; `list` holds the projects of its fiscal year ([`projects`]).
    pub fn new(site: &Site, rp: &ReferencePrice, list: &[Project], urls: &Urls) -> Self {
        let d = &rp.data;
        let fy = rp.fiscal_year();
        let mut rows: Vec<FormRow> = Vec::new();
        let mut push = |row: FormRow| {
            let no = rows.len() + 1;
            rows.push(FormRow { no, ..row });
        };
        let project_text = match &d.owner {
            Some(o) => format!(
                "{} หน่วยงานเจ้าของโครงการ {} {}",
                d.project, o, site.config.name
            ),
            None => format!("{} หน่วยงานเจ้าของโครงการ {}", d.project, site.config.name),
        };
        push(FormRow {
            label: "ชื่อโครงการ".into(),
            kind: "text",
            text: Some(project_text),
            ..FormRow::default()
        });
        push(FormRow {
            label: "วงเงินงบประมาณที่ได้รับจัดสรร".into(),
            kind: "money",
            amount: Some(d.budget.0.satang()),
            ..FormRow::default()
        });
        if d.form == Form::Bk01 || d.description.is_some() {
            push(FormRow {
                label: "ลักษณะงานโดยสังเขป".into(),
                kind: "text",
                text: Some(d.description.clone().unwrap_or_else(|| "-".into())),
                ..FormRow::default()
            });
        }
        push(FormRow {
            label: "ราคากลางคำนวณ ณ วันที่".into(),
            kind: "price",
            amount: Some(d.price.0.satang()),
            date: Some(d.priced_on.0.to_string()),
            ..FormRow::default()
        });
        if !d.breakdown.is_empty() || d.form == Form::Bk01 {
            push(FormRow {
                label: "บัญชีประมาณการราคากลาง".into(),
                kind: "breakdown",
                breakdown: d
                    .breakdown
                    .iter()
                    .map(|b| (b.item.clone(), b.amount.0.satang()))
                    .collect(),
                breakdown_total: Some(sum_satang(d.breakdown.iter().map(|b| b.amount.0.satang()))),
                ..FormRow::default()
            });
        }
        if !d.sources.is_empty() || d.form != Form::Bk01 {
            push(FormRow {
                label: "แหล่งที่มาของราคากลาง (ราคาอ้างอิง)".into(),
                kind: "list",
                list: d.sources.clone(),
                ..FormRow::default()
            });
        }
        push(FormRow {
            label: if d.form == Form::Bk06 {
                "รายชื่อเจ้าหน้าที่ผู้กำหนดราคากลาง (ราคาอ้างอิง) ทุกคน".into()
            } else {
                "รายชื่อคณะกรรมการกำหนดราคากลาง".into()
            },
            kind: "people",
            people: d.committee.clone(),
            ..FormRow::default()
        });
        let project = list
            .iter()
            .find(|p| p.reference_prices.iter().any(|x| x.slug == rp.slug));
        let plan_link = project.as_ref().and_then(|p| {
            p.plan.map(|_| Link {
                title: format!("แผนการจัดซื้อจัดจ้าง ปี {} รายการ {}", fy.be(), p.local_id),
                url: urls.route(&routes::plan_item(fy, &p.local_id)),
            })
        });
        let result_links = project
            .map(|p| {
                p.results
                    .iter()
                    .map(|(r, j)| Link {
                        title: format!("ผลการจัดซื้อจัดจ้าง (สขร.1) {}", month_title(r.data.month.0)),
                        url: urls.route(&routes::result_row(r.data.month.0, *j)),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Self {
            title: d
                .title
                .clone()
                .unwrap_or_else(|| format!("ประกาศราคากลาง {}", d.project)),
            form: d.form.code(),
            form_key: d.form.key(),
            purpose: d.form.purpose_th(),
            project: d.project.clone(),
            owner: d.owner.clone(),
            organization: site.config.name.clone(),
            plan_link,
            result_links,
            rows,
            number: d.number.clone(),
            signed_by: d.signed_by.clone(),
            body_html: rp.body.as_ref().map(|(b, _)| markdown::to_html(b, urls).0),
            attachments: attachment_views(site, &d.attachments, urls),
            fiscal_year: fy.be(),
        }
    }
}

fn reference_price_table(site: &Site, urls: &Urls) -> Table {
    use ColumnType::{Date, Integer, Number, String as S};
    Table {
        name: "reference-prices".into(),
        file: "reference-prices.csv".into(),
        title: "ประกาศราคากลาง".into(),
        columns: vec![
            Col::new("fiscal_year", "ปีงบประมาณ", Integer),
            Col::new("form", "แบบ", S),
            Col::new("project", "ชื่อโครงการ", S),
            Col::new("owner", "หน่วยงานเจ้าของโครงการ", S),
            Col::new("plan_item", "รายการในแผนการจัดซื้อจัดจ้าง", S),
            Col::new("budget", "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)", Number),
            Col::new("price", "ราคากลาง (บาท)", Number),
            Col::new("priced_on", "วันที่กำหนดราคากลาง", Date),
            Col::new("sources", "แหล่งที่มาของราคากลาง", S),
            Col::new("committee", "ผู้กำหนดราคากลาง", S),
            Col::new("url", "หน้าประกาศ", S),
        ],
        rows: site
            .reference_prices
            .iter()
            .map(|rp| {
                let d = &rp.data;
                vec![
                    rp.fiscal_year().be().to_string(),
                    d.form.key().to_owned(),
                    d.project.clone(),
                    opt(d.owner.as_deref()),
                    opt(d.plan_item.as_deref()),
                    d.budget.0.decimal(),
                    d.price.0.decimal(),
                    d.priced_on.0.to_string(),
                    d.sources.join("\n"),
                    d.committee
                        .iter()
                        .map(|c| match &c.position {
                            Some(p) => format!("{} ({p})", c.name),
                            None => c.name.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join("\n"),
                    urls.abs(&routes::reference_price(&rp.slug)),
                ]
            })
            .collect(),
    }
}

fn reference_price_json(rp: &ReferencePrice, urls: &Urls) -> serde_json::Value {
    let d = &rp.data;
    serde_json::json!({
        "id": rp.slug,
        "url": urls.abs(&routes::reference_price(&rp.slug)),
        "form": d.form.key(),
        "fiscal_year": rp.fiscal_year().be(),
        "project": d.project,
        "owner": d.owner,
        "plan_item": d.plan_item,
        "budget": money_number(d.budget.0),
        "price": money_number(d.price.0),
        "priced_on": d.priced_on.0.to_string(),
        "description": d.description,
        "breakdown": d.breakdown.iter().map(|b| serde_json::json!({"item": b.item, "amount": money_number(b.amount.0)})).collect::<Vec<_>>(),
        "sources": d.sources,
        "committee": d.committee,
    })
}
