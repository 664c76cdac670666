//! The metadata the Thai government data catalog asks of every dataset, in its own labels and
//! order: shown on `/data/` and each dataset's page, and as `/data/catalog.csv` for staff who
//! fill the national catalog by hand. Values come from the same place as the DCAT catalog's.

use chrono::NaiveDate;

use crate::output::catalog::{area, period, record_dates};
use crate::output::table::{Col, Dataset, Table};
use crate::render::Urls;
use crate::site::Site;
use crate::site::dataset::ColumnType;
use crate::thai::calendar::format_date;
use crate::thai::numerals::Numerals;

/// One field: its Thai label, its value as the page shows it, and as the CSV writes it.
#[derive(serde::Serialize)]
pub struct Field {
    pub label: &'static str,
    pub shown: String,
    pub data: String,
}

fn field(label: &'static str, value: String) -> Field {
    Field {
        label,
        shown: if value.is_empty() {
            "-".into()
        } else {
            value.clone()
        },
        data: value,
    }
}

fn date_field(label: &'static str, d: Option<NaiveDate>, n: Numerals) -> Field {
    Field {
        label,
        shown: d.map(|d| format_date(d, n)).unwrap_or_else(|| "-".into()),
        data: d.map(|d| d.to_string()).unwrap_or_default(),
    }
}

/// The fields of `ds`, in the national catalog's order.
pub fn fields(site: &Site, ds: &Dataset, urls: &Urls) -> Vec<Field> {
    let c = &site.config;
    let n = c.numerals;
    let (issued, modified) = record_dates(site, ds);
    let covered = period(ds, issued, modified);
    let formats: Vec<&str> = ds
        .files()
        .iter()
        .map(|(_, media)| if *media == "text/csv" { "CSV" } else { "JSON" })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    vec![
        field("ชื่อชุดข้อมูล", ds.title.clone()),
        field("หน่วยงานเจ้าของข้อมูล", c.name.clone()),
        field(
            "ผู้ติดต่อ",
            ds.contact
                .as_ref()
                .map_or_else(|| c.name.clone(), |p| p.name.clone()),
        ),
        field(
            "อีเมลผู้ติดต่อ",
            ds.contact
                .as_ref()
                .map_or(c.email.clone(), |p| p.email.clone())
                .unwrap_or_default(),
        ),
        field("วัตถุประสงค์", ds.objective.clone()),
        field("ความถี่ในการปรับปรุงข้อมูล", ds.frequency.label_th().to_owned()),
        field(
            "ขอบเขตเชิงภูมิศาสตร์",
            match area(site, urls) {
                Some(a) => match a.code {
                    Some(code) => format!("{} (รหัสพื้นที่ {code})", a.label),
                    None => a.label,
                },
                None => c.name.clone(),
            },
        ),
        Field {
            label: "ช่วงเวลาของข้อมูล",
            shown: covered
                .map(|(a, b)| format!("{} – {}", format_date(a, n), format_date(b, n)))
                .unwrap_or_else(|| "-".into()),
            data: covered.map(|(a, b)| format!("{a}/{b}")).unwrap_or_default(),
        },
        field("แหล่งที่มา", ds.source.clone()),
        field("รูปแบบการเก็บข้อมูล", formats.join(", ")),
        field("หมวดหมู่ข้อมูล", ds.category.label_th().into()),
        field("สัญญาอนุญาต", ds.license.clone()),
        date_field("วันที่เริ่มต้นสร้าง", issued, n),
        date_field("วันที่ปรับปรุงข้อมูลล่าสุด", modified, n),
        field("ประเภทชุดข้อมูล", ds.dataset_type.clone()),
        field("คำสำคัญ", ds.keywords.join(", ")),
        field("รายละเอียด", ds.description.clone()),
        field("ที่อยู่ของชุดข้อมูล", urls.abs(&ds.dir)),
    ]
}

/// `/data/catalog.csv`: every dataset, one a row, the fields as columns.
pub fn catalog_table(site: &Site, datasets: &[Dataset], urls: &Urls) -> Option<Table> {
    let first = datasets.first()?;
    let columns = fields(site, first, urls)
        .iter()
        .enumerate()
        .map(|(i, f)| Col::thai(&format!("f{i}"), f.label, ColumnType::String))
        .collect();
    Some(Table {
        name: "catalog".into(),
        file: "catalog.csv".into(),
        title: "บัญชีชุดข้อมูล".into(),
        columns,
        rows: datasets
            .iter()
            .map(|ds| fields(site, ds, urls).into_iter().map(|f| f.data).collect())
            .collect(),
    })
}
