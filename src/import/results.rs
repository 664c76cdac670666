//! แบบ สขร.1 from a sheet: the form's nine columns as it prints them, or the columns of the
//! CSV prongsai publishes, into `content/procurement/results/YYYY-MM.yaml`.

use chrono::NaiveDate;

use super::cells::{self, Cell};
use super::yaml;
use super::{Field, Header, Located, Problem, Sheet, find_header, find_month, is_numbering};
use crate::site::methods::Method;
use crate::thai::calendar::{YearMonth, format_month_long};
use crate::thai::money::Money;
use crate::thai::numerals::Numerals;

const FIELDS: &[Field] = &[
    Field {
        key: "month",
        exact: &["month", "เดือน"],
        contains: &[],
    },
    Field {
        key: "no",
        exact: &["no", "ลำดับที่", "ลำดับ", "ที่"],
        contains: &[],
    },
    Field {
        key: "title",
        exact: &["title"],
        contains: &["งานที่จัดซื้อ", "งานที่ซื้อ", "ชื่อรายการ", "รายการพัสดุ", "งานที่จัดจ้าง"],
    },
    Field {
        key: "budget",
        exact: &["budget"],
        contains: &["วงเงิน"],
    },
    Field {
        key: "reference_price",
        exact: &["reference_price"],
        contains: &["ราคากลาง"],
    },
    Field {
        key: "method",
        exact: &["method"],
        contains: &["วิธี"],
    },
    Field {
        key: "bids",
        exact: &["bids"],
        contains: &["ผู้เสนอราคา", "ผู้ยื่นข้อเสนอ"],
    },
    Field {
        key: "winner",
        exact: &["winner"],
        contains: &["ผู้ได้รับการคัดเลือก", "ผู้ได้รับคัดเลือก", "ผู้ชนะ"],
    },
    Field {
        key: "agreed_price",
        exact: &["agreed_price"],
        contains: &["ราคาที่ตกลง"],
    },
    Field {
        key: "reason",
        exact: &["reason"],
        contains: &["เหตุผล"],
    },
    // The form's one column: "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง".
    Field {
        key: "contract",
        exact: &[],
        contains: &["เลขที่และวันที่"],
    },
    Field {
        key: "contract_number",
        exact: &["contract_number"],
        contains: &["เลขที่สัญญา", "เลขที่ของสัญญา"],
    },
    Field {
        key: "contract_date",
        exact: &["contract_date"],
        contains: &["วันที่สัญญา", "วันที่ของสัญญา", "วันที่ลงนาม"],
    },
    Field {
        key: "contract",
        exact: &["contract"],
        contains: &["สัญญา", "ข้อตกลง", "ใบสั่ง"],
    },
    Field {
        key: "plan_item",
        exact: &["plan_item"],
        contains: &["รายการในแผน", "รหัสแผน"],
    },
    Field {
        key: "status",
        exact: &["status"],
        contains: &["สถานะ"],
    },
];

/// One row of the form, read.
#[derive(Debug, PartialEq)]
pub struct Row {
    /// The spreadsheet's row number.
    pub line: usize,
    pub title: String,
    pub budget: Money,
    pub reference_price: Option<Money>,
    pub method: Method,
    pub bids: Vec<(String, Money)>,
    pub winner: Option<(String, Money)>,
    pub reason: Option<String>,
    pub contract: Option<(String, NaiveDate)>,
    pub plan_item: Option<String>,
    /// `pending` or `cancelled`; none when done.
    pub status: Option<&'static str>,
}

/// The rows of one month.
#[derive(Debug)]
pub struct Month {
    pub month: YearMonth,
    pub sheet: String,
    pub rows: Vec<Row>,
}

/// Whether `sheet` looks like a สขร.1 form or its CSV.
pub fn header(sheet: &Sheet) -> Option<Header> {
    find_header(sheet, FIELDS, &["title", "budget", "method"])
}

/// Reads a สขร.1 sheet. `month` is the month given on the command line; otherwise the month
/// column, the title above the header or the sheet's name says it.
pub fn read(file: &str, sheet: &Sheet, month: Option<YearMonth>) -> Result<Vec<Month>, Located> {
    let at = |row, col, problem| Located::at(file, sheet, row, col, problem);
    let Some(h) = header(sheet) else {
        return Err(at(
            None,
            None,
            Problem::new(
                "ไม่พบหัวตารางของแบบ สขร.1 (งานที่จัดซื้อหรือจัดจ้าง วงเงินที่จะซื้อหรือจ้าง วิธีซื้อหรือจ้าง)",
                "no สขร.1 header found (the columns of title, budget and method)",
            )
            .with_help(
                "ตรวจว่าแผ่นงานมีหัวตารางตามแบบ สขร.1 อยู่ในแถวแรก ๆ หรือเลือกแผ่นงานด้วย --sheet",
                "check that the sheet has the สขร.1 column headers near its top, or choose a sheet with --sheet",
            ),
        ));
    };
    // The sheet's own month first: with `--month` the command keeps that month's sheet.
    let sheet_month = find_month(&sheet.title_above(h.row))
        .or_else(|| find_month(&sheet.name))
        .or(month);
    if h.col("month").is_none() && sheet_month.is_none() {
        return Err(at(
            None,
            None,
            Problem::new(
                "ไม่พบเดือนของแผ่นงานนี้ในชื่อแผ่นงานหรือหัวเรื่อง",
                "the month of this sheet is not in its name or title",
            )
            .with_help(
                "ระบุเดือนด้วย --month เช่น --month 2566-10",
                "give the month with --month, e.g. --month 2566-10",
            ),
        ));
    }
    let mut months: Vec<Month> = Vec::new();
    for r in h.row + h.rows..sheet.rows.len() {
        let line = r + 1;
        let get = |key: &str| h.col(key).map(|c| (c, sheet.cell(r, c)));
        let Some((_, title_cell)) = get("title") else {
            break;
        };
        let title = title_cell.text();
        // Blank lines, the numbering row under a header, totals and signatures.
        if title.is_empty() || is_numbering(&title) {
            continue;
        }
        if title.starts_with("รวม") || title.starts_with("ลงชื่อ") || title.contains("ผู้จัดทำ")
        {
            break;
        }
        let month = match get("month") {
            Some((c, cell)) if !cell.is_empty() => {
                let t = cell.text();
                YearMonth::parse(&t)
                    .ok()
                    .or_else(|| find_month(&t))
                    .ok_or_else(|| {
                        at(
                            Some(line),
                            Some(c),
                            Problem::new(
                                format!("อ่าน \"{t}\" เป็นเดือนไม่ได้"),
                                format!("\"{t}\" is not a month"),
                            )
                            .with_help("เขียนเดือนเช่น 2566-10", "write the month as 2566-10"),
                        )
                    })?
            }
            _ => match sheet_month {
                Some(m) => m,
                None => continue,
            },
        };
        let row = read_row(sheet, &h, r).map_err(|(c, p)| at(Some(line), c, p))?;
        match months.iter_mut().find(|m| m.month == month) {
            Some(m) => m.rows.push(row),
            None => months.push(Month {
                month,
                sheet: sheet.name.clone(),
                rows: vec![row],
            }),
        }
    }
    if months.is_empty()
        && let Some(m) = sheet_month
    {
        months.push(Month {
            month: m,
            sheet: sheet.name.clone(),
            rows: Vec::new(),
        });
    }
    Ok(months)
}

/// One row; an error names the column (if one) and what is wrong.
fn read_row(sheet: &Sheet, h: &Header, r: usize) -> Result<Row, (Option<usize>, Problem)> {
    let cell = |key: &str| h.col(key).map(|c| (c, sheet.cell(r, c)));
    let text = |key: &str| {
        cell(key)
            .map(|(_, c)| c.text())
            .filter(|t| !t.is_empty() && t != "-")
    };
    let money = |key: &str| -> Result<Option<Money>, (Option<usize>, Problem)> {
        match cell(key) {
            Some((c, v)) => cells::amount(v).map_err(|p| (Some(c), p)),
            None => Ok(None),
        }
    };
    let title = text("title").unwrap_or_default();
    let budget = money("budget")?.ok_or_else(|| {
        (
            h.col("budget"),
            Problem::new(
                "ไม่มีวงเงินที่จะซื้อหรือจ้าง",
                "the budget (วงเงินที่จะซื้อหรือจ้าง) is empty",
            )
            .with_help("ใส่วงเงินเป็นตัวเลข", "write the budget as a number"),
        )
    })?;
    let reference_price = money("reference_price")?;
    let (method_col, method_cell) = cell("method").unwrap_or((0, &Cell::Empty));
    let method_text = method_cell.text();
    let method = Method::parse(&method_text).ok_or_else(|| {
        (
            Some(method_col),
            Problem::new(
                format!("ไม่รู้จักวิธีซื้อหรือจ้าง \"{method_text}\""),
                format!("\"{method_text}\" is not a procurement method"),
            )
            .with_help(
                "เขียนชื่อวิธีตามแบบฟอร์ม เช่น เฉพาะเจาะจง, คัดเลือก, e-bidding, e-market, สอบราคา หรือรหัสวิธีของ e-GP",
                "write the method as the form names it (เฉพาะเจาะจง, คัดเลือก, e-bidding, e-market, สอบราคา) or its e-GP code",
            ),
        )
    })?;
    let bids = match cell("bids") {
        Some((c, v)) if !v.is_empty() => cells::bidders(&v.text()).map_err(|p| (Some(c), p))?,
        _ => Vec::new(),
    };
    let mut status = None;
    let winner = match cell("winner") {
        Some((c, v)) if !v.is_empty() => {
            let t = v.text();
            if t.contains("ยกเลิก") {
                status = Some("cancelled");
                None
            } else if t.contains("อยู่ระหว่าง") {
                status = Some("pending");
                None
            } else if let Some(price) = money("agreed_price")? {
                Some((t, price))
            } else {
                let mut found = cells::bidders(&t).map_err(|p| (Some(c), p))?;
                if found.len() != 1 {
                    return Err((
                        Some(c),
                        Problem::new(
                            format!("ช่องผู้ได้รับการคัดเลือกมี {} ราย", found.len()),
                            format!("the winner cell names {} suppliers", found.len()),
                        )
                        .with_help(
                            "ใส่ผู้ได้รับการคัดเลือกหนึ่งรายกับราคาที่ตกลง เช่น ร้านตัวอย่าง 11,800.00 บาท",
                            "write one winner with the agreed price",
                        ),
                    ));
                }
                found.pop()
            }
        }
        _ => None,
    };
    if let Some(t) = text("status") {
        status = match t.as_str() {
            "done" | "ดำเนินการแล้ว" => None,
            "pending" | "อยู่ระหว่างดำเนินการ" => {
                Some("pending")
            }
            "cancelled" | "canceled" | "ยกเลิก" | "ยกเลิกการจัดซื้อจัดจ้าง" => {
                Some("cancelled")
            }
            _ => {
                return Err((
                    h.col("status"),
                    Problem::new(
                        format!("ไม่รู้จักสถานะ \"{t}\""),
                        format!("\"{t}\" is not a status"),
                    )
                    .with_help(
                        "ใช้ done, pending หรือ cancelled",
                        "use done, pending or cancelled",
                    ),
                ));
            }
        };
    }
    if winner.is_none() && status.is_none() {
        status = Some("pending");
    }
    let contract = if let Some((c, v)) = cell("contract").filter(|(_, v)| !v.is_empty()) {
        match v {
            Cell::Text(t) if !t.trim().is_empty() && t.trim() != "-" => {
                Some(cells::contract(t).map_err(|p| (Some(c), p))?)
            }
            _ => None,
        }
    } else {
        match (text("contract_number"), cell("contract_date")) {
            (Some(n), Some((c, d))) => cells::date(d)
                .map_err(|p| (Some(c), p))?
                .map(|date| (n, date)),
            _ => None,
        }
    };
    Ok(Row {
        line: r + 1,
        title,
        budget,
        reference_price,
        method,
        bids,
        winner,
        reason: text("reason"),
        contract,
        plan_item: text("plan_item"),
        status,
    })
}

/// The content file of `m`, with Thai comments as `prongsai new` writes them.
pub fn to_yaml(m: &Month, file: &str) -> String {
    let name = format_month_long(m.month, Numerals::Arabic);
    let mut out = format!(
        "# สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน {name} (แบบ สขร.๑)\n# นำเข้าจาก {file} แผ่นงาน {}\n# เดือน (ต้องตรงกับชื่อไฟล์)\nmonth: {}\n",
        m.sheet,
        yaml::month(m.month)
    );
    if m.rows.is_empty() {
        out.push_str("# เดือนนี้ไม่มีการจัดซื้อจัดจ้าง\nitems: []\n");
        return out;
    }
    out.push_str("items:\n");
    for r in &m.rows {
        out.push_str(&format!("  # แถว {} ของแผ่นงาน\n", r.line));
        out.push_str(&format!(
            "  - title: {}    # งานที่จัดซื้อหรือจัดจ้าง\n",
            yaml::string(&r.title)
        ));
        out.push_str(&format!(
            "    budget: {}    # วงเงินที่จะซื้อหรือจ้าง\n",
            yaml::money(r.budget)
        ));
        if let Some(p) = r.reference_price {
            out.push_str(&format!(
                "    reference_price: {}    # ราคากลาง\n",
                yaml::money(p)
            ));
        }
        out.push_str(&format!(
            "    method: {}    # {}\n",
            r.method.key(),
            r.method.label_th()
        ));
        if !r.bids.is_empty() {
            out.push_str("    bids:    # รายชื่อผู้เสนอราคาและราคาที่เสนอ\n");
            for (name, price) in &r.bids {
                out.push_str(&format!(
                    "      - {{bidder: {}, price: {}}}\n",
                    yaml::string(name),
                    yaml::money(*price)
                ));
            }
        }
        if let Some((name, price)) = &r.winner {
            out.push_str(&format!(
                "    winner: {{name: {}, price: {}}}    # ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง\n",
                yaml::string(name),
                yaml::money(*price)
            ));
        }
        if let Some(reason) = &r.reason {
            out.push_str(&format!(
                "    reason: {}    # เหตุผลที่คัดเลือกโดยสรุป\n",
                yaml::string(reason)
            ));
        }
        if let Some((number, date)) = &r.contract {
            out.push_str(&format!(
                "    contract: {{number: {}, date: {}}}    # เลขที่และวันที่ของสัญญาหรือข้อตกลง\n",
                yaml::string(number),
                yaml::date(*date)
            ));
        }
        if let Some(p) = &r.plan_item {
            out.push_str(&format!("    plan_item: {}\n", yaml::string(p)));
        }
        if let Some(s) = r.status {
            let th = if s == "pending" {
                "อยู่ระหว่างดำเนินการ: ยังไม่มีผู้ได้รับการคัดเลือกในแผ่นงาน"
            } else {
                "ยกเลิก"
            };
            out.push_str(&format!("    status: {s}    # {th}\n"));
        }
    }
    out
}
