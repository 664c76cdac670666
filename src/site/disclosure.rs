//! Everything the site discloses, as one list: each page or part of a page with its section-9
//! category and ITA topics. The section-9 centre, the ITA pages and the compliance report read
//! this list; typed records place themselves, documents through `section9:` or their topics.

use chrono::NaiveDate;

use crate::site::projects::fiscal_years;
use crate::site::{Document, Site, routes};
use crate::thai::calendar::{FiscalYear, format_date};

/// A category of section 9 of the Official Information Act; 9(8) in its sub-groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// 9(1) to 9(7)
    Paragraph(u8),
    /// 9(8): ประกาศเกี่ยวกับการจัดซื้อจัดจ้าง
    ProcurementNotices,
    /// 9(8): สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.1)
    MonthlyResults,
    /// 9(8): รายงานผลการใช้จ่ายงบประมาณ
    BudgetReports,
    /// 9(8): other information the Commission prescribed
    Other8,
}

impl Disclosure {
    /// Its site path, possibly with a `#fragment`.
    pub fn path(&self) -> String {
        self.subject.path()
    }
}

impl Category {
    /// From a `section9:` number.
    pub fn from_number(n: u8) -> Option<Self> {
        match n {
            1..=7 => Some(Category::Paragraph(n)),
            8 => Some(Category::Other8),
            _ => None,
        }
    }

    /// The paragraph of section 9 (1–8).
    pub fn paragraph(self) -> u8 {
        match self {
            Category::Paragraph(n) => n,
            _ => 8,
        }
    }

    /// The sub-group label of 9(8), if this is one.
    pub fn sub_label(self) -> Option<&'static str> {
        match self {
            Category::Paragraph(_) => None,
            Category::ProcurementNotices => Some("ประกาศเกี่ยวกับการจัดซื้อจัดจ้าง"),
            Category::MonthlyResults => Some("สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑)"),
            Category::BudgetReports => Some("แผนงบประมาณและรายงานผลการใช้จ่ายงบประมาณ"),
            Category::Other8 => Some("ข้อมูลข่าวสารอื่นตามที่คณะกรรมการกำหนด"),
        }
    }

    /// The sub-groups of 9(8), in the order the page shows them.
    pub const SUBGROUPS: [Category; 4] = [
        Category::ProcurementNotices,
        Category::MonthlyResults,
        Category::BudgetReports,
        Category::Other8,
    ];
}

/// The statutory Thai label of each paragraph (index 0 = 9(1)).
pub const LABELS: [&str; 8] = [
    "ผลการพิจารณาหรือคำวินิจฉัยที่มีผลโดยตรงต่อเอกชน รวมทั้งความเห็นแย้งและคำสั่งที่เกี่ยวข้องในการพิจารณาวินิจฉัยดังกล่าว",
    "นโยบายหรือการตีความที่ไม่เข้าข่ายต้องลงพิมพ์ในราชกิจจานุเบกษา ตามมาตรา ๗ (๔)",
    "แผนงาน โครงการ และงบประมาณรายจ่ายประจำปีของปีที่กำลังดำเนินการ",
    "คู่มือหรือคำสั่งเกี่ยวกับวิธีปฏิบัติงานของเจ้าหน้าที่ของรัฐซึ่งมีผลกระทบถึงสิทธิหน้าที่ของเอกชน",
    "สิ่งพิมพ์ที่ได้มีการอ้างอิงถึงตามมาตรา ๗ วรรคสอง",
    "สัญญาสัมปทาน สัญญาที่มีลักษณะเป็นการผูกขาดตัดตอนหรือสัญญาร่วมทุนกับเอกชนในการจัดทำบริการสาธารณะ",
    "มติคณะรัฐมนตรี หรือมติคณะกรรมการที่แต่งตั้งโดยกฎหมาย หรือโดยมติคณะรัฐมนตรี ทั้งนี้ ให้ระบุรายชื่อรายงานทางวิชาการ รายงานข้อเท็จจริง หรือข้อมูลข่าวสารที่นำมาใช้ในการพิจารณาไว้ด้วย",
    "ข้อมูลข่าวสารอื่นตามที่คณะกรรมการกำหนด",
];

/// The section-9 category a topic implies, for documents that name topics but no category.
pub fn category_of_topic(topic: &str) -> Option<Category> {
    Some(match topic {
        "procurement_plan" | "operating_plan" | "strategic_plan" => Category::Paragraph(3),
        "procurement_notices" => Category::ProcurementNotices,
        "procurement_monthly" => Category::MonthlyResults,
        "procurement_annual_report" | "progress_report_6m" | "annual_report" => {
            Category::BudgetReports
        }
        "operations_manual" | "service_manual" => Category::Paragraph(4),
        "no_gift_announcement"
        | "bribery_prevention"
        | "integrity_measures"
        | "ethics_code"
        | "hr_policy"
        | "hr_criteria"
        | "complaint_guideline"
        | "privacy_policy" => Category::Paragraph(2),
        _ => return None,
    })
}

/// What a disclosure is: the record it shows, from which its address follows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// An announcement, a page or any document, at its page (`routes::document`).
    Document(String),
    Measures(FiscalYear),
    MeasuresReport(FiscalYear),
    Plan(FiscalYear),
    /// By its file's name.
    ReferencePrice(String),
    /// The year's สขร.1 page.
    Results(FiscalYear),
    /// One month of it.
    /// A month, and whether its year is split into a page per month.
    ResultsMonth(crate::thai::calendar::YearMonth, bool),
    Projects(FiscalYear),
    /// By its name.
    Dataset(String),
    /// The structure chart and its people.
    Structure,
    /// The budget ordinance of a fiscal year.
    Budget(FiscalYear),
    /// What has been spent of it, on the same page.
    BudgetSpending(FiscalYear),
}

impl Subject {
    pub fn document(doc: &Document) -> Self {
        Subject::Document(routes::document(doc))
    }

    /// The site path, possibly with a `#fragment` (`procurement/results/2566/#m-2023-01`).
    pub fn path(&self) -> String {
        match self {
            Subject::Document(path) => path.clone(),
            Subject::Measures(fy) => routes::measures(*fy),
            Subject::MeasuresReport(fy) => routes::measures_report(*fy),
            Subject::Plan(fy) => routes::plan(*fy),
            Subject::ReferencePrice(slug) => routes::reference_price(slug),
            Subject::Results(fy) => routes::results(*fy),
            Subject::ResultsMonth(m, split) => routes::results_month(*m, *split),
            Subject::Projects(fy) => routes::projects(*fy),
            Subject::Dataset(slug) => routes::dataset(slug),
            Subject::Structure => routes::structure().to_owned(),
            Subject::Budget(fy) => routes::budget(*fy),
            Subject::BudgetSpending(fy) => format!("{}#spending", routes::budget(*fy)),
        }
    }
}

/// One thing the site discloses.
#[derive(Clone, Debug)]
pub struct Disclosure {
    pub title: String,
    pub subject: Subject,
    pub date: Option<NaiveDate>,
    pub fiscal_year: Option<FiscalYear>,
    /// What kind of record it is, in Thai (ประกาศ, แผนการจัดซื้อจัดจ้าง, ...).
    pub kind: String,
    /// Where on the page the information is, for the ITA form's "คำอธิบาย".
    pub where_on_page: String,
    pub topics: Vec<String>,
    pub categories: Vec<Category>,
    /// Signatory's position, for rules about who signed.
    pub signed_by_position: Option<String>,
    /// A draft or a document dated after the day of the build, present only in a preview
    /// (`--drafts`) or in `check`: it counts as published nowhere.
    pub unpublished: bool,
}

/// Everything the site discloses, in a stable order.
pub fn disclosures(site: &Site) -> Vec<Disclosure> {
    use rayon::prelude::*;
    let n = site.config.numerals;
    // The documents' on all cores, in their order.
    let docs: Vec<&Document> = site.documents().collect();
    let mut out: Vec<Disclosure> = docs
        .par_iter()
        .filter(|doc| doc.path.file_name().is_none_or(|f| f != "_index.md"))
        .map(|doc| {
            let f = &doc.front;
            let mut categories: Vec<Category> = f
                .section9
                .iter()
                .filter_map(|x| Category::from_number(*x))
                .collect();
            let mut topics = f.topics.clone();
            // A notice of a procurement step is a procurement announcement whatever else it is.
            if f.procurement.is_some() && !topics.iter().any(|t| t == "procurement_notices") {
                topics.push("procurement_notices".to_owned());
            }
            if categories.is_empty() {
                categories.extend(topics.iter().filter_map(|t| category_of_topic(t)));
            }
            categories.sort();
            categories.dedup();
            let kind = match (&f.procurement, site.sections.get(&doc.section)) {
                (Some(n), _) => n.notice.label_th().to_owned(),
                (None, Some(s)) => s.title(),
                (None, None) => "หน้าข้อมูล".to_owned(),
            };
            let date = f.date.map(|d| d.0);
            let where_on_page = match date {
                Some(d) => format!("หน้า{kind}: {} (ลงวันที่ {})", f.title, format_date(d, n)),
                None => format!("หน้า \"{}\"", f.title),
            };
            Disclosure {
                title: f.title.clone(),
                subject: Subject::document(doc),
                date,
                fiscal_year: doc.fiscal_year(),
                kind,
                where_on_page,
                topics,
                categories,
                signed_by_position: f.signed_by.as_ref().and_then(|s| s.position.clone()),
                unpublished: doc.withheld(site.today).is_some(),
            }
        })
        .collect();
    if let Some(p) = &site.people {
        let count = p.data.political.len() + p.data.civil_service.len();
        let mut topics = vec!["structure".to_owned(), "executives".to_owned()];
        if p.data.authority.is_some() {
            topics.push("authority".into());
        }
        out.push(Disclosure {
            title: format!("โครงสร้างและผู้บริหาร{}", site.config.name),
            subject: Subject::Structure,
            date: None,
            fiscal_year: None,
            kind: "โครงสร้างและผู้บริหาร".into(),
            where_on_page: n.apply(&format!(
                "แผนภูมิโครงสร้าง: ผู้บริหารฝ่ายการเมือง {} คน ฝ่ายประจำ {} คน พร้อมตำแหน่งและช่องทางติดต่อ ({count} คน)",
                p.data.political.len(),
                p.data.civil_service.len()
            )),
            topics,
            categories: vec![],
            signed_by_position: None,
            unpublished: false,
        });
    }
    for b in site.budgets.values() {
        let fy = b.fiscal_year();
        out.push(Disclosure {
            title: b.title(),
            subject: Subject::Budget(fy),
            date: b.data.announced.map(|d| d.0),
            fiscal_year: Some(fy),
            kind: "งบประมาณรายจ่ายประจำปี".into(),
            where_on_page: n.apply(&format!(
                "ตารางงบประมาณรายจ่ายจำแนกตามแผนงาน ปีงบประมาณ พ.ศ. {} ({} แผนงาน)",
                fy.be(),
                b.data.appropriations.len()
            )),
            topics: vec![],
            categories: vec![Category::Paragraph(3)],
            signed_by_position: None,
            unpublished: false,
        });
        let quarters = b.reported_quarters();
        if quarters > 0 {
            out.push(Disclosure {
                title: format!("รายงานผลการใช้จ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. {}", fy.be()),
                subject: Subject::BudgetSpending(fy),
                date: None,
                fiscal_year: Some(fy),
                kind: "รายงานผลการใช้จ่ายงบประมาณ".into(),
                where_on_page: n.apply(&format!(
                    "หัวข้อ \"ผลการใช้จ่ายงบประมาณ\" รายไตรมาส (ถึงไตรมาสที่ {quarters})"
                )),
                topics: vec![],
                categories: vec![Category::BudgetReports],
                signed_by_position: None,
                unpublished: false,
            });
        }
    }
    for m in &site.measures {
        let fy = m.data.fiscal_year.0;
        let title = m.data.title.clone().unwrap_or_else(|| {
            format!(
                "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {}",
                fy.be()
            )
        });
        out.push(Disclosure {
            title: title.clone(),
            subject: Subject::Measures(fy),
            date: None,
            fiscal_year: Some(fy),
            kind: "มาตรการส่งเสริมคุณธรรมและความโปร่งใส".into(),
            where_on_page: n.apply(&format!(
                "ตารางมาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. {} ({} มาตรการ)",
                fy.be(),
                m.data.measures.len()
            )),
            topics: vec!["integrity_measures".into()],
            categories: vec![Category::Paragraph(2)],
            signed_by_position: None,
            unpublished: false,
        });
        let reported = m
            .data
            .measures
            .iter()
            .filter(|x| x.result.is_some())
            .count();
        if reported > 0 {
            out.push(Disclosure {
                title: format!("รายงานผลการดำเนินการตาม{title}"),
                subject: Subject::MeasuresReport(fy),
                date: None,
                fiscal_year: Some(fy),
                kind: "รายงานผลการดำเนินการตามมาตรการ".into(),
                where_on_page: n.apply(&format!(
                    "หัวข้อ \"รายงานผลการดำเนินการตามมาตรการ\" ท้ายหน้า ({reported} มาตรการ)"
                )),
                topics: vec!["integrity_measures_report".into()],
                categories: vec![],
                signed_by_position: None,
                unpublished: false,
            });
        }
    }
    for plan in site.plans.values() {
        let fy = plan.data.fiscal_year.0;
        out.push(Disclosure {
            title: n.apply(&format!("แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {}", fy.be())),
            subject: Subject::Plan(fy),
            date: plan.data.announced.map(|d| d.0),
            fiscal_year: Some(fy),
            kind: "แผนการจัดซื้อจัดจ้าง".into(),
            where_on_page: n.apply(&format!(
                "ตารางแผนการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. {} ({} รายการ)",
                fy.be(),
                plan.data.items.len()
            )),
            topics: vec!["procurement_plan".into()],
            categories: vec![Category::Paragraph(3)],
            signed_by_position: plan
                .data
                .signed_by
                .as_ref()
                .and_then(|s| s.position.clone()),
            unpublished: false,
        });
    }
    for rp in &site.reference_prices {
        let d = &rp.data;
        out.push(Disclosure {
            title: d
                .title
                .clone()
                .unwrap_or_else(|| format!("ประกาศราคากลาง {}", d.project)),
            subject: Subject::ReferencePrice(rp.slug.clone()),
            date: Some(d.priced_on.0),
            fiscal_year: Some(rp.fiscal_year()),
            kind: "ประกาศราคากลาง".into(),
            where_on_page: format!("แบบ {} ราคากลาง {}", d.form.code(), d.project),
            topics: vec!["procurement_notices".into()],
            categories: vec![Category::ProcurementNotices],
            signed_by_position: None,
            unpublished: false,
        });
    }
    for fy in fiscal_years(site) {
        let published = site
            .results
            .keys()
            .filter(|m| m.fiscal_year() == fy)
            .count();
        // Both pages exist for every year with any procurement record; they answer only for
        // what the year has.
        let has_plan = site.plans.contains_key(&fy);
        let has_prices = site.reference_prices.iter().any(|r| r.fiscal_year() == fy);
        let monthly: Vec<String> = if published > 0 {
            vec!["procurement_monthly".into()]
        } else {
            Vec::new()
        };
        out.push(Disclosure {
            title: format!(
                "สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑) ประจำปีงบประมาณ พ.ศ. {}",
                fy.be()
            ),
            subject: Subject::Results(fy),
            date: None,
            fiscal_year: Some(fy),
            kind: "สขร.๑".into(),
            where_on_page: n.apply(&format!(
                "ตาราง สขร.๑ แยกรายเดือน ต.ค.–ก.ย. ปีงบประมาณ พ.ศ. {} (เผยแพร่แล้ว {published} เดือน)",
                fy.be()
            )),
            topics: monthly.clone(),
            categories: vec![],
            signed_by_position: None,
            unpublished: false,
        });
        out.push(Disclosure {
            title: format!(
                "รายการการจัดซื้อจัดจ้างและความก้าวหน้า ประจำปีงบประมาณ พ.ศ. {}",
                fy.be()
            ),
            subject: Subject::Projects(fy),
            date: None,
            fiscal_year: Some(fy),
            kind: "รายการจัดซื้อจัดจ้าง".into(),
            where_on_page: n.apply(&format!(
                "ตารางรายโครงการ (แผน ราคากลาง ผลการจัดซื้อจัดจ้าง) ปีงบประมาณ พ.ศ. {}",
                fy.be()
            )),
            topics: [
                has_plan.then(|| "procurement_plan".to_owned()),
                has_prices.then(|| "procurement_notices".to_owned()),
            ]
            .into_iter()
            .flatten()
            .chain(monthly)
            .collect(),
            categories: vec![],
            signed_by_position: None,
            unpublished: false,
        });
    }
    for results in site.results.values() {
        let m = results.data.month.0;
        let fy = m.fiscal_year();
        let month_name = crate::thai::calendar::format_month_long(m, n);
        let count = results.data.items.len();
        out.push(Disclosure {
            title: format!("สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน {month_name}"),
            subject: Subject::ResultsMonth(m, site.results_split(fy)),
            date: Some(m.last_day()),
            fiscal_year: Some(fy),
            kind: "สขร.๑".into(),
            where_on_page: if count == 0 {
                format!("หัวข้อเดือน{month_name}: ไม่มีการจัดซื้อจัดจ้าง")
            } else {
                n.apply(&format!("หัวข้อเดือน{month_name} ({count} รายการ)"))
            },
            topics: vec![],
            categories: vec![Category::MonthlyResults],
            signed_by_position: None,
            unpublished: false,
        });
    }
    for d in &site.datasets {
        let mut categories: Vec<Category> = d
            .meta
            .section9
            .iter()
            .filter_map(|x| Category::from_number(*x))
            .collect();
        if categories.is_empty() {
            categories.extend(d.meta.topics.iter().filter_map(|t| category_of_topic(t)));
        }
        out.push(Disclosure {
            title: d.meta.title.clone(),
            subject: Subject::Dataset(d.slug.clone()),
            date: None,
            fiscal_year: None,
            kind: "ชุดข้อมูล".into(),
            where_on_page: format!("ตารางชุดข้อมูล \"{}\" พร้อมไฟล์ CSV และ JSON", d.meta.title),
            topics: d.meta.topics.clone(),
            categories,
            signed_by_position: None,
            unpublished: false,
        });
    }
    out
}
