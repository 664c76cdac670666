//! The annual procurement plan from a sheet: e-GP's plan columns, the columns of the plan CSV
//! prongsai publishes, or a plan typed in Excel, into `content/procurement/plans/YYYY.yaml`.

use super::cells;
use super::yaml;
use super::{Field, Located, Problem, Sheet, find_fiscal_year, find_header, find_month};
use crate::site::methods::Method;
use crate::thai::calendar::{FiscalYear, YearMonth};
use crate::thai::money::Money;

const FIELDS: &[Field] = &[
    Field {
        key: "no",
        exact: &["no", "ลำดับที่", "ลำดับ", "ที่"],
        contains: &[],
    },
    Field {
        key: "id",
        exact: &["id", "รหัสรายการ", "รหัส"],
        contains: &[],
    },
    Field {
        key: "egp_project",
        exact: &["egp_project"],
        contains: &["เลขที่โครงการ", "e-gp"],
    },
    Field {
        key: "title",
        exact: &["title"],
        contains: &["ชื่อโครงการ", "ชื่อรายการ", "รายการ", "งานที่จัดซื้อ", "งาน/โครงการ"],
    },
    Field {
        key: "department",
        exact: &["department"],
        contains: &["หน่วยงาน", "กอง", "ผู้รับผิดชอบ"],
    },
    Field {
        key: "budget_source",
        exact: &["budget_source"],
        contains: &["แหล่งที่มา", "แหล่งเงิน"],
    },
    Field {
        key: "budget",
        exact: &["budget"],
        contains: &["วงเงิน", "งบประมาณ"],
    },
    Field {
        key: "method",
        exact: &["method"],
        contains: &["วิธี"],
    },
    Field {
        key: "expected",
        exact: &["expected", "expected_month"],
        contains: &["ช่วงเวลา", "คาดว่า", "เดือนที่"],
    },
];

#[derive(Debug)]
pub struct Item {
    pub line: usize,
    pub id: Option<String>,
    pub title: String,
    pub department: Option<String>,
    pub budget: Money,
    pub budget_source: Option<String>,
    pub method: Method,
    pub expected: Option<YearMonth>,
    pub egp_project: Option<String>,
}

#[derive(Debug)]
pub struct Plan {
    pub year: FiscalYear,
    pub sheet: String,
    pub items: Vec<Item>,
}

/// Reads a plan sheet; `year` is the fiscal year given on the command line, else the title's.
pub fn read(file: &str, sheet: &Sheet, year: Option<FiscalYear>) -> Result<Plan, Located> {
    let at = |row, col, problem| Located::at(file, sheet, row, col, problem);
    let Some(h) = find_header(sheet, FIELDS, &["title", "budget", "method"]) else {
        return Err(at(
            None,
            None,
            Problem::new(
                "ไม่พบหัวตารางของแผนการจัดซื้อจัดจ้าง (ชื่อโครงการ วงเงินงบประมาณ วิธีจัดซื้อจัดจ้าง)",
                "no plan header found (the columns of title, budget and method)",
            )
            .with_help(
                "ตรวจว่าแผ่นงานมีหัวตารางอยู่ในแถวแรก ๆ หรือเลือกแผ่นงานด้วย --sheet",
                "check that the sheet has its column headers near its top, or choose a sheet with --sheet",
            ),
        ));
    };
    let year = year
        .or_else(|| find_fiscal_year(&sheet.title_above(h.row)))
        .or_else(|| find_fiscal_year(&sheet.name))
        .ok_or_else(|| {
            at(
                None,
                None,
                Problem::new(
                    "ไม่พบปีงบประมาณของแผนในหัวเรื่องของแผ่นงาน",
                    "the plan's fiscal year is not in the sheet's title",
                )
                .with_help(
                    "ระบุปีด้วย --year เช่น --year 2567",
                    "give it with --year, e.g. --year 2567",
                ),
            )
        })?;
    let mut items = Vec::new();
    for r in h.row + h.rows..sheet.rows.len() {
        let line = r + 1;
        let cell = |key: &str| h.col(key).map(|c| (c, sheet.cell(r, c)));
        let text = |key: &str| {
            cell(key)
                .map(|(_, c)| c.text())
                .filter(|t| !t.is_empty() && t != "-")
        };
        let Some(title) = text("title") else {
            continue;
        };
        let bare = crate::thai::numerals::to_arabic_digits(&title);
        if bare
            .trim_matches(|c: char| "() ".contains(c))
            .bytes()
            .all(|b| b.is_ascii_digit())
        {
            continue;
        }
        if title.starts_with("รวม") || title.starts_with("ลงชื่อ") {
            break;
        }
        let (bc, bcell) = cell("budget").expect("a required column");
        let budget = cells::amount(bcell)
            .map_err(|p| at(Some(line), Some(bc), p))?
            .ok_or_else(|| {
                at(
                    Some(line),
                    Some(bc),
                    Problem::new("ไม่มีวงเงินงบประมาณ", "the budget is empty")
                        .with_help("ใส่วงเงินเป็นตัวเลข", "write the budget as a number"),
                )
            })?;
        let (mc, mcell) = cell("method").expect("a required column");
        let mt = mcell.text();
        let method = Method::parse(&mt).ok_or_else(|| {
            at(
                Some(line),
                Some(mc),
                Problem::new(
                    format!("ไม่รู้จักวิธีจัดซื้อจัดจ้าง \"{mt}\""),
                    format!("\"{mt}\" is not a procurement method"),
                )
                .with_help(
                    "เขียนชื่อวิธีตามแบบฟอร์ม เช่น เฉพาะเจาะจง, คัดเลือก, e-bidding, e-market, สอบราคา หรือรหัสวิธีของ e-GP",
                    "write the method as the form names it or its e-GP code",
                ),
            )
        })?;
        let expected = match cell("expected") {
            Some((c, v)) if !v.is_empty() => {
                let t = v.text();
                let m = match v {
                    super::Cell::Date(d) => Some(YearMonth::of(*d)),
                    _ => YearMonth::parse(&t).ok().or_else(|| find_month(&t)),
                };
                Some(m.ok_or_else(|| {
                    at(
                        Some(line),
                        Some(c),
                        Problem::new(
                            format!("อ่าน \"{t}\" เป็นเดือนไม่ได้"),
                            format!("\"{t}\" is not a month"),
                        )
                        .with_help(
                            "เขียนเดือนและปีเช่น ธ.ค. 2566 หรือ 2566-12",
                            "write the month and year, e.g. ธ.ค. 2566 or 2566-12",
                        ),
                    )
                })?)
            }
            _ => None,
        };
        items.push(Item {
            line,
            id: text("id"),
            title,
            department: text("department"),
            budget,
            budget_source: text("budget_source"),
            method,
            expected,
            egp_project: text("egp_project"),
        });
    }
    Ok(Plan {
        year,
        sheet: sheet.name.clone(),
        items,
    })
}

pub fn to_yaml(p: &Plan, file: &str) -> String {
    let mut out = format!(
        "# แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ {}\n# นำเข้าจาก {file} แผ่นงาน {}\n# ปีงบประมาณ (ต้องตรงกับชื่อไฟล์)\nfiscal_year: {}\nitems:\n",
        p.year.be(),
        p.sheet,
        p.year.be()
    );
    if p.items.is_empty() {
        out = out.replace("items:\n", "items: []\n");
    }
    let yy = p.year.be() % 100;
    for (i, it) in p.items.iter().enumerate() {
        let id = it
            .id
            .clone()
            .unwrap_or_else(|| format!("{yy:02}-{:03}", i + 1));
        out.push_str(&format!("  # แถว {} ของแผ่นงาน\n", it.line));
        out.push_str(&format!(
            "  - id: {}    # รหัสรายการ ใช้อ้างถึงใน plan_item:\n",
            yaml::string(&id)
        ));
        out.push_str(&format!("    title: {}\n", yaml::string(&it.title)));
        if let Some(d) = &it.department {
            out.push_str(&format!("    department: {}\n", yaml::string(d)));
        }
        out.push_str(&format!(
            "    budget: {}    # วงเงินงบประมาณ (บาท)\n",
            yaml::money(it.budget)
        ));
        if let Some(s) = &it.budget_source {
            out.push_str(&format!("    budget_source: {}\n", yaml::string(s)));
        }
        out.push_str(&format!(
            "    method: {}    # {}\n",
            it.method.key(),
            it.method.label_th()
        ));
        if let Some(m) = it.expected {
            out.push_str(&format!(
                "    expected: {}    # ช่วงเวลาที่คาดว่าจะประกาศจัดซื้อจัดจ้าง\n",
                yaml::month(m)
            ));
        }
        if let Some(e) = &it.egp_project {
            out.push_str(&format!("    egp_project: {}\n", yaml::string(e)));
        }
    }
    out
}
