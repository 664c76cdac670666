//! A workbook of monthly procurement results shaped as offices keep them, for timing `import`.

use prongsai::thai::FiscalYear;
use prongsai::thai::calendar::{MONTHS, MONTHS_ABBR, be};
use rust_xlsxwriter::{Format, Workbook};

/// Writes a year of แบบ สขร.1 as a workbook: one sheet a month (ต.ค.66 … ก.ย.67), each with the
/// title merged over the form and ROWS rows. `cargo run --release --example results_workbook --
/// OUT.xlsx [ROWS]`; `benches/import.sh` times `prongsai import` on it.
fn main() {
    let rows: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(40);
    let mut book = Workbook::new();
    let header = [
        "ลำดับที่",
        "งานที่จัดซื้อหรือจัดจ้าง",
        "วงเงินที่จะซื้อหรือจ้าง (บาท)",
        "ราคากลาง (บาท)",
        "วิธีซื้อหรือจ้าง",
        "รายชื่อผู้เสนอราคาและราคาที่เสนอ",
        "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง",
        "เหตุผลที่คัดเลือกโดยสรุป",
        "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง",
    ];
    for ym in FiscalYear(2567).months() {
        let (month, year) = (ym.month, be(ym.year));
        let abbr = MONTHS_ABBR[month as usize - 1];
        let name = format!("{abbr}{}", year % 100);
        let title = format!("{} {year}", MONTHS[month as usize - 1]);
        let s = book.add_worksheet();
        s.set_name(&name).unwrap();
        s.merge_range(
            0,
            0,
            0,
            8,
            &format!("สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน {title}"),
            &Format::new(),
        )
        .unwrap();
        for (c, h) in header.iter().enumerate() {
            s.write(2, c as u16, *h).unwrap();
        }
        for i in 0..rows {
            let r = 3 + i as u32;
            let price = 5000.0 + (i as f64) * 1234.5;
            s.write(r, 0, (i + 1) as f64).unwrap();
            s.write(r, 1, format!("จัดซื้อวัสดุสำนักงาน รายการที่ {}", i + 1))
                .unwrap();
            s.write(r, 2, price + 500.0).unwrap();
            s.write(r, 3, price + 500.0).unwrap();
            s.write(r, 4, "เฉพาะเจาะจง").unwrap();
            s.write(
                r,
                5,
                format!(
                    "1. ร้านตัวอย่างพาณิชย์ {price:.2} บาท\n2. ร้านทดลองการค้า {:.2} บาท",
                    price + 200.0
                ),
            )
            .unwrap();
            s.write(r, 6, format!("ร้านตัวอย่างพาณิชย์ ราคา {price:.2} บาท"))
                .unwrap();
            s.write(r, 7, "เสนอราคาต่ำสุดและมีคุณสมบัติครบถ้วน").unwrap();
            s.write(
                r,
                8,
                format!(
                    "ใบสั่งซื้อเลขที่ {}/{} ลงวันที่ {} {} {}",
                    i + 1,
                    year,
                    1 + i % 28,
                    abbr,
                    year
                ),
            )
            .unwrap();
        }
    }
    book.save(std::env::args().nth(1).unwrap()).unwrap();
}
