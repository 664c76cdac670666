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
    heading: &'static str,
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
    /// The row's number as the form prints it; none where the form was not read.
    no: Option<String>,
    label: String,
    /// `text`, `money`, `price`, `list`
    kind: &'static str,
    text: Option<String>,
    amount: Option<i64>,
    date: Option<String>,
    /// Numbered lines under the row: sources, price setters, staff levels ("5.1").
    subs: Vec<SubRow>,
    breakdown: Vec<(String, i64)>,
    breakdown_total: Option<i64>,
}

#[derive(Serialize)]
struct SubRow {
    no: String,
    text: String,
    /// Head-count of a staff level (บก.03 ข้อ 5.1–5.3).
    people: Option<u32>,
}

/// Rows in the order of a form, numbered as it numbers them.
struct Layout {
    rows: Vec<FormRow>,
    numbered: bool,
}

impl Layout {
    fn push(&mut self, row: FormRow) -> &mut FormRow {
        let no = self
            .numbered
            .then(|| (self.rows.iter().filter(|r| r.no.is_some()).count() + 1).to_string());
        self.rows.push(FormRow { no, ..row });
        self.rows.last_mut().expect("just pushed")
    }

    /// The estimate's lines as a table of their own, when there are any.
    fn push_estimate(&mut self, lines: Vec<(String, i64)>, total: Option<i64>) {
        if !lines.is_empty() {
            self.push(FormRow {
                breakdown: lines,
                breakdown_total: total,
                ..label_row("ประมาณการราคากลาง")
            });
        }
    }

    /// `row` with `lines` under it, numbered 5.1, 5.2 … under row 5.
    fn push_list(&mut self, row: FormRow, lines: Vec<(String, Option<u32>)>) {
        let row = self.push(FormRow {
            kind: "list",
            ..row
        });
        let prefix = row.no.as_ref().map(|n| format!("{n}.")).unwrap_or_default();
        row.subs = lines
            .into_iter()
            .enumerate()
            .map(|(i, (text, people))| SubRow {
                no: format!("{prefix}{}", i + 1),
                text,
                people,
            })
            .collect();
    }
}

fn text_row(label: &str, text: String) -> FormRow {
    FormRow {
        label: label.into(),
        kind: "text",
        text: Some(text),
        ..FormRow::default()
    }
}

fn money_row(label: &str, amount: Option<i64>) -> FormRow {
    FormRow {
        label: label.into(),
        kind: "money",
        amount,
        ..FormRow::default()
    }
}

fn price_row(label: &str, d: &ReferencePriceFile) -> FormRow {
    FormRow {
        label: label.into(),
        kind: "price",
        amount: Some(d.price.0.satang()),
        date: Some(d.priced_on.0.to_string()),
        ..FormRow::default()
    }
}

fn label_row(label: &str) -> FormRow {
    FormRow {
        label: label.into(),
        ..FormRow::default()
    }
}

fn breakdown(d: &ReferencePriceFile) -> (Vec<(String, i64)>, Option<i64>) {
    if d.breakdown.is_empty() {
        return (Vec::new(), None);
    }
    let lines = d
        .breakdown
        .iter()
        .map(|b| (b.item.clone(), b.amount.0.satang()))
        .collect();
    (
        lines,
        Some(sum_satang(d.breakdown.iter().map(|b| b.amount.0.satang()))),
    )
}

fn committee(d: &ReferencePriceFile) -> Vec<(String, Option<u32>)> {
    d.committee
        .iter()
        .map(|c| {
            let text = match &c.position {
                Some(p) => format!("{} {p}", c.name),
                None => c.name.clone(),
            };
            (text, None)
        })
        .collect()
}

fn sources(d: &ReferencePriceFile) -> Vec<(String, Option<u32>)> {
    d.sources.iter().map(|s| (s.clone(), None)).collect()
}

const SOURCES: &str = "แหล่งที่มาของราคากลาง (ราคาอ้างอิง)";
const PRICED_ON: &str = "วันที่กำหนดราคากลาง (ราคาอ้างอิง) ณ วันที่";

/// The rows of `d`'s form, as `docs/sources.md` records each form.
fn layout(d: &ReferencePriceFile, organization: &str) -> Vec<FormRow> {
    let owner = match &d.owner {
        Some(o) => format!("{o} {organization}"),
        None => organization.to_owned(),
    };
    let budget = || money_row("วงเงินงบประมาณที่ได้รับจัดสรร", Some(d.budget.0.satang()));
    let (lines, total) = breakdown(d);
    let mut l = Layout {
        rows: Vec::new(),
        numbered: d.form.verified(),
    };
    match d.form {
        // Six items: the estimate's bases are 5.1, 5.2 and the committee is item 6.
        Form::Bk01 => {
            l.push(text_row(
                "ชื่อโครงการ",
                format!("{} หน่วยงานเจ้าของโครงการ {owner}", d.project),
            ));
            l.push(budget());
            l.push(text_row(
                "ลักษณะงาน",
                d.description.clone().unwrap_or_else(|| "-".into()),
            ));
            l.push(price_row("ราคากลางคำนวณ ณ วันที่", d));
            l.push_list(
                FormRow {
                    breakdown: lines,
                    breakdown_total: total,
                    ..label_row("บัญชีประมาณการราคากลาง")
                },
                sources(d),
            );
            l.push_list(label_row("รายชื่อคณะกรรมการกำหนดราคากลาง"), committee(d));
        }
        // Seven items were read: the staff by level, materials, other costs. What follows
        // them on the form was not read, so sources and price setters carry no number.
        Form::Bk03 => {
            l.push(text_row("ชื่อโครงการ", d.project.clone()));
            l.push(text_row("หน่วยงานเจ้าของโครงการ", owner));
            l.push(budget());
            l.push(price_row(PRICED_ON, d));
            let staff = d.staff.as_ref();
            let levels = staff
                .map(|s| {
                    vec![
                        ("ระดับหัวหน้าโครงการ".to_owned(), Some(s.project_leads)),
                        ("ระดับผู้ดำเนินงาน".to_owned(), Some(s.operators)),
                        ("ระดับผู้ช่วย".to_owned(), Some(s.assistants)),
                    ]
                })
                .unwrap_or_default();
            l.push_list(
                FormRow {
                    amount: staff.map(|s| s.amount.0.satang()),
                    ..label_row("ค่าตอบแทนบุคลากร")
                },
                levels,
            );
            if let Some(row) = l.rows.last_mut() {
                row.kind = "money";
            }
            l.push(money_row("ค่าวัสดุอุปกรณ์", d.materials.map(|m| m.0.satang())));
            l.push(money_row(
                "ค่าใช้จ่ายอื่นๆ (ถ้ามี)",
                d.other_costs.map(|m| m.0.satang()),
            ));
            l.numbered = false;
            l.push_estimate(lines, total);
            l.push_list(label_row(SOURCES), sources(d));
            l.push_list(label_row("รายชื่อคณะกรรมการกำหนดราคากลาง"), committee(d));
        }
        // As published with the owner in item 1, so the date is item 3.
        Form::Bk06 => {
            l.push(text_row(
                "ชื่อโครงการ",
                format!("{} หน่วยงานเจ้าของโครงการ {owner}", d.project),
            ));
            l.push(budget());
            let row = l.push(price_row(PRICED_ON, d));
            // ราคา/หน่วย (ถ้ามี): the price of each thing bought.
            row.breakdown = lines;
            row.breakdown_total = total;
            l.push_list(label_row(SOURCES), sources(d));
            l.push_list(
                label_row("รายชื่อเจ้าหน้าที่ผู้กำหนดราคากลาง (ราคาอ้างอิง) ทุกคน"),
                committee(d),
            );
        }
        // Forms not read: what the disclosure holds, without numbers.
        Form::Bk02 | Form::Bk04 | Form::Bk05 | Form::Bk07 => {
            l.push(text_row("ชื่อโครงการ", d.project.clone()));
            l.push(text_row("หน่วยงานเจ้าของโครงการ", owner));
            l.push(budget());
            if let Some(desc) = &d.description {
                l.push(text_row("ลักษณะงาน", desc.clone()));
            }
            l.push(price_row(PRICED_ON, d));
            l.push_estimate(lines, total);
            l.push_list(label_row(SOURCES), sources(d));
            l.push_list(label_row("ผู้กำหนดราคากลาง"), committee(d));
        }
    }
    l.rows
}

impl FormView {
    /// The form of `rp`; `list` holds the projects of its fiscal year ([`projects`]).
    pub fn new(site: &Site, rp: &ReferencePrice, list: &[Project], urls: &Urls) -> Self {
        let d = &rp.data;
        let fy = rp.fiscal_year();
        let rows = layout(d, &site.config.name);
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
                        url: urls.route(&routes::result_row(
                            r.data.month.0,
                            *j,
                            site.results_split(r.data.month.0.fiscal_year()),
                        )),
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
            heading: d.form.heading_th(),
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
