//! Reference-price forms (บก.01–บก.07): what a file holds that its form has no row for, and
//! the forms whose rows no published copy confirmed (`docs/sources.md`).

use crate::diagnostic::{Diagnostic, Diagnostics, Msg, codes};
use crate::site::procurement::{Form, ReferencePrice};

pub fn check(rp: &ReferencePrice, diags: &mut Diagnostics) {
    let src = &rp.source;
    let d = &rp.data;
    let code = d.form.code();
    if !d.form.verified() {
        let (l, c) = src.locate("form:", 1).unwrap_or((0, 0));
        diags.push(
            Diagnostic::warning(
                codes::FORM_UNVERIFIED,
                &src.path,
                Msg::new(
                    format!(
                        "ยังไม่ได้ตรวจหัวข้อของแบบ {code} กับแบบฟอร์มของกรมบัญชีกลาง หน้าเว็บจึงแสดงข้อมูลโดยไม่มีเลขข้อของแบบ"
                    ),
                    format!(
                        "the rows of form {} were not checked against the Comptroller General's form, so the page shows the data without the form's row numbers",
                        d.form.key()
                    ),
                ),
            )
            .at(&src.text, l, c)
            .field("form")
            .help(Msg::new(
                "แนบไฟล์แบบฟอร์มที่ลงนามแล้วไว้ใน attachments: เพื่อให้ผู้อ่านเห็นแบบตามที่ประกาศ",
                "attach the signed form under attachments: so readers see the form as announced",
            )),
        );
    }
    let design_only = [
        ("staff:", "staff", d.staff.is_some(), "ค่าตอบแทนบุคลากร"),
        (
            "materials:",
            "materials",
            d.materials.is_some(),
            "ค่าวัสดุอุปกรณ์",
        ),
        (
            "other_costs:",
            "other_costs",
            d.other_costs.is_some(),
            "ค่าใช้จ่ายอื่นๆ",
        ),
    ];
    if d.form != Form::Bk03 {
        for (key, field, present, thai) in design_only {
            if !present {
                continue;
            }
            let (l, c) = src.locate(key, 1).unwrap_or((0, 0));
            diags.push(
                Diagnostic::warning(
                    codes::FORM_FIELD_UNUSED,
                    &src.path,
                    Msg::new(
                        format!("{field} ({thai}) เป็นข้อของแบบ บก.03 ไม่แสดงในแบบ {code}"),
                        format!(
                            "{field} is a row of form bk03 and is not shown on form {}",
                            d.form.key()
                        ),
                    ),
                )
                .at(&src.text, l, c)
                .field(field)
                .help(Msg::new(
                    "ถ้าเป็นงานจ้างออกแบบ ให้ใช้ form: bk03 ถ้าไม่ใช่ ให้ย้ายรายการนี้ไปไว้ใน breakdown:",
                    "for a design job use form: bk03; otherwise move it into breakdown:",
                )),
            );
        }
    } else if d.staff.is_none() {
        let (l, c) = src.locate("form:", 1).unwrap_or((0, 0));
        diags.push(
            Diagnostic::warning(
                codes::FORM_ROW_EMPTY,
                &src.path,
                Msg::new(
                    "แบบ บก.03 ข้อ 5 ค่าตอบแทนบุคลากร ยังไม่มีข้อมูล",
                    "form bk03 row 5 (staff fees) is empty",
                ),
            )
            .at(&src.text, l, c)
            .field("staff")
            .help(Msg::new(
                "เพิ่ม staff: {amount: จำนวนเงิน, project_leads: จำนวนคนระดับหัวหน้าโครงการ, operators: ระดับผู้ดำเนินงาน, assistants: ระดับผู้ช่วย}",
                "add staff: {amount, project_leads, operators, assistants} (people at each level)",
            )),
        );
    }
}
