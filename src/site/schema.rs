//! JSON Schemas of every kind of content file, generated from the types that read them (so
//! they cannot drift), with Thai descriptions, for editors that validate and complete YAML as
//! it is typed (VS Code with the YAML extension). `prongsai schema` and `init` write them.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value};

use crate::site::methods::Method;
use crate::site::notices::NoticeKind;
use crate::site::values::{Amount, AreaCode, Date, Fy, Month};

/// What a generated schema file says of itself: files carrying it are prongsai's to replace.
pub const MARK: &str = "prongsai schema: written by prongsai; `prongsai schema` replaces it";

const DIGITS: &str = "[0-9๐-๙]";

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": format!("^\\s*{DIGITS}{{4}}-{DIGITS}{{1,2}}-{DIGITS}{{1,2}}\\s*$"),
            "description": "วันที่ ปี-เดือน-วัน ปี พ.ศ. หรือ ค.ศ. เช่น 2566-01-15",
            "examples": ["2566-01-15"]
        })
    }
}

impl JsonSchema for Month {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Month".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": format!("^\\s*{DIGITS}{{4}}-{DIGITS}{{1,2}}\\s*$"),
            "description": "เดือน ปี-เดือน เช่น 2566-10",
            "examples": ["2566-10"]
        })
    }
}

impl JsonSchema for Fy {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FiscalYear".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                {"type": "string", "pattern": format!("^\\s*{DIGITS}{{4}}\\s*$")}
            ],
            "description": "ปีงบประมาณ พ.ศ. 4 หลัก เช่น 2566",
            "examples": [2566]
        })
    }
}

impl JsonSchema for AreaCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AreaCode".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                {"type": "integer", "minimum": 10, "maximum": 999999},
                {"type": "string", "pattern": format!("^\\s*({DIGITS}{{2}}){{1,3}}\\s*$")}
            ],
            "description": "รหัสพื้นที่ของกรมการปกครอง: ตำบล 6 หลัก อำเภอ 4 หลัก จังหวัด 2 หลัก เช่น \"840803\"",
            "examples": ["840803"]
        })
    }
}

impl JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                {"type": "number", "minimum": 0},
                {"type": "string", "pattern": "^\\s*[\"“”]?\\+?[0-9๐-๙][0-9๐-๙, ]*(\\.[0-9๐-๙]*)?(\\.-)?\\s*(บาท)?[\"“”]?\\s*$"}
            ],
            "description": "จำนวนเงิน (บาท) เช่น 500000 หรือ \"500,000.00\"",
            "examples": [500000, "500,000.00"]
        })
    }
}

impl JsonSchema for Method {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Method".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let keys: Vec<&str> = Method::ALL.iter().map(|m| m.key()).collect();
        // The Thai names as forms print them, without "วิธี", and the other ways staff write them.
        let mut names: Vec<&str> = Vec::new();
        for m in Method::ALL {
            let label = m.label_th();
            names.push(label);
            if let Some(bare) = label.strip_prefix("วิธี") {
                names.push(bare);
            }
            names.extend(m.aliases());
        }
        names.dedup();
        let codes: Vec<&str> = Method::ALL.iter().map(|m| m.egp_code()).collect();
        let numbers: Vec<u64> = codes.iter().filter_map(|c| c.parse().ok()).collect();
        let listed: Vec<String> = Method::ALL
            .iter()
            .map(|m| format!("{} = {} (e-GP {})", m.key(), m.label_th(), m.egp_code()))
            .collect();
        json_schema!({
            "anyOf": [
                {"enum": keys},
                {"enum": names},
                {"enum": codes},
                {"enum": numbers}
            ],
            "description": format!("วิธีจัดซื้อจัดจ้าง: {}", listed.join("; ")),
        })
    }
}

impl JsonSchema for NoticeKind {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "NoticeKind".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let keys: Vec<&str> = NoticeKind::ALL.iter().map(|k| k.key()).collect();
        let codes: Vec<&str> = NoticeKind::ALL
            .iter()
            .filter_map(|k| k.egp_code())
            .collect();
        json_schema!({
            "anyOf": [{"enum": keys}, {"enum": codes}, {"type": "string"}],
            "description": "ขั้นตอนของประกาศ: draft ร่างเอกสาร, invitation ประกาศเชิญชวน, invitation_changed, invitation_cancelled, winner ประกาศผู้ชนะ, winner_changed, winner_cancelled, contract สัญญา (หรือรหัสประกาศของ e-GP เช่น D0, W0)"
        })
    }
}

/// One kind of content file: the schema's file name, the files it describes (globs from the
/// site folder) and the schema.
pub struct Kind {
    pub file: &'static str,
    pub globs: &'static [&'static str],
    pub title: &'static str,
    generate: fn(&mut SchemaGenerator) -> Schema,
}

fn schema_of<T: JsonSchema>(g: &mut SchemaGenerator) -> Schema {
    g.root_schema_for::<T>()
}

pub const KINDS: &[Kind] = &[
    Kind {
        file: "site.schema.json",
        globs: &["content/site.yaml"],
        title: "การตั้งค่าเว็บไซต์ (content/site.yaml)",
        generate: schema_of::<crate::site::config::Config>,
    },
    Kind {
        file: "measures.schema.json",
        globs: &["content/measures/*.yaml"],
        title: "มาตรการส่งเสริมคุณธรรมและความโปร่งใส (content/measures/ปี.yaml)",
        generate: schema_of::<crate::site::measures::MeasuresFile>,
    },
    Kind {
        file: "plan.schema.json",
        globs: &["content/procurement/plans/*.yaml"],
        title: "แผนการจัดซื้อจัดจ้าง (content/procurement/plans/ปี.yaml)",
        generate: schema_of::<crate::site::procurement::PlanFile>,
    },
    Kind {
        file: "reference-price.schema.json",
        globs: &["content/procurement/reference-prices/*.yaml"],
        title: "ประกาศราคากลาง แบบ บก.01–07 (content/procurement/reference-prices/)",
        generate: schema_of::<crate::site::procurement::ReferencePriceFile>,
    },
    Kind {
        file: "results.schema.json",
        globs: &["content/procurement/results/*.yaml"],
        title: "สรุปผลการจัดซื้อจัดจ้างรายเดือน แบบ สขร.1 (content/procurement/results/ปี-เดือน.yaml)",
        generate: schema_of::<crate::site::procurement::ResultsFile>,
    },
    Kind {
        file: "dataset.schema.json",
        globs: &["content/data/*.yaml"],
        title: "คำอธิบายชุดข้อมูล (content/data/ชื่อ.yaml)",
        generate: schema_of::<crate::site::dataset::DatasetMeta>,
    },
    Kind {
        file: "budget.schema.json",
        globs: &["content/budget/*.yaml"],
        title: "งบประมาณรายจ่ายประจำปี (content/budget/ปี.yaml)",
        generate: schema_of::<crate::site::budget::BudgetFile>,
    },
    Kind {
        file: "people.schema.json",
        globs: &["content/people.yaml"],
        title: "โครงสร้างและผู้บริหาร (content/people.yaml)",
        generate: schema_of::<crate::site::people::PeopleFile>,
    },
    Kind {
        file: "ita.schema.json",
        globs: &["content/ita/*.yaml"],
        title: "รายการข้อของการประเมิน ITA (content/ita/ปี.yaml)",
        generate: schema_of::<crate::site::ita::Catalog>,
    },
    Kind {
        file: "front-matter.schema.json",
        globs: &[],
        title: "ส่วนหัวของประกาศและหน้าเว็บ (ระหว่างบรรทัด --- ของไฟล์ .md)",
        generate: schema_of::<crate::site::document::FrontMatter>,
    },
];

/// Every schema, as written to `schemas/`: (file name, JSON text ending in a newline).
pub fn all() -> Vec<(&'static str, String)> {
    KINDS
        .iter()
        .map(|k| {
            let mut g = SchemaSettings::draft07().into_generator();
            let schema = (k.generate)(&mut g);
            let mut value = schema.to_value();
            if let Value::Object(map) = &mut value {
                map.insert("$comment".into(), Value::from(MARK));
                map.insert("title".into(), Value::from(k.title));
            }
            describe(&mut value);
            let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
            text.push('\n');
            (k.file, text)
        })
        .collect()
}

/// Gives every property its Thai description (the types' doc comments are for developers):
/// the description of its name, ahead of what the type says. Topic and section-9 lists get the
/// values they take.
fn describe(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get_mut("properties") {
                for (name, prop) in props.iter_mut() {
                    annotate(name, prop);
                }
            }
            for (_, child) in map.iter_mut() {
                describe(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(describe),
        _ => {}
    }
}

fn annotate(name: &str, prop: &mut Value) {
    let Value::Object(p) = prop else { return };
    if name == "topics" {
        let keys: Vec<Value> = crate::site::topics::KEYS
            .iter()
            .map(|k| Value::from(*k))
            .collect();
        p.insert(
            "items".into(),
            Value::Object(Map::from_iter([("enum".to_owned(), Value::Array(keys))])),
        );
    }
    if name == "section9" {
        p.insert(
            "items".into(),
            serde_json::json!({"type": "integer", "minimum": 1, "maximum": 8}),
        );
    }
    // A field whose own documentation is Thai keeps it: the name alone can mean two things
    // (`theme` of the site, `theme` of a dataset).
    let documented_in_thai = p
        .get("description")
        .and_then(Value::as_str)
        .is_some_and(|d| d.chars().any(is_thai));
    if documented_in_thai {
        return;
    }
    if let Some(th) = thai(name) {
        let en = p
            .get("description")
            .and_then(Value::as_str)
            .filter(|d| !d.chars().any(is_thai))
            .map(str::to_owned);
        let text = match en {
            Some(en) => format!("{th} ({en})"),
            None => th.to_owned(),
        };
        p.insert("description".into(), Value::from(text));
    }
}

pub fn is_thai(c: char) -> bool {
    ('\u{0e00}'..='\u{0e7f}').contains(&c)
}

/// The Thai description of a field, by its name: the names mean the same in every file.
fn thai(name: &str) -> Option<&'static str> {
    Some(match name {
        "name" => "ชื่อ",
        "name_en" => "ชื่อภาษาอังกฤษ",
        "base_url" => "ที่อยู่เว็บไซต์ เช่น https://www.example.go.th/",
        "fiscal_year" => "ปีงบประมาณ พ.ศ.",
        "numerals" => "ตัวเลขบนหน้าเว็บ: thai (เลขไทย) หรือ arabic (เลขอารบิก)",
        "description" => "คำอธิบาย",
        "address" => "ที่อยู่",
        "phone" => "โทรศัพท์",
        "email" => "อีเมล",
        "district" => "อำเภอ",
        "subdistrict" => "ตำบล",
        "province" => "จังหวัด",
        "area_code" => "รหัสพื้นที่ของกรมการปกครอง (ตำบล 6 หลัก เช่น \"840803\")",
        "area_uri" => "ที่อยู่ URI ถาวรของพื้นที่ในทะเบียนอื่น (ถ้ามี) เช่น Wikidata",
        "category" => "หมวดหมู่ข้อมูลตามธรรมาภิบาลข้อมูลภาครัฐ",
        "ita_year" => "ปีการประเมิน ITA ที่รายงานใช้ (พ.ศ.)",
        "ocid_prefix" => "รหัสนำหน้า OCDS ที่ได้จาก Open Contracting Partnership เช่น ocds-abc123",
        "license" => "สัญญาอนุญาตของข้อมูลเปิด เช่น CC-BY-4.0",
        "theme" => "ชื่อโฟลเดอร์ธีมใน themes/",
        "theme_outside_site" => "อนุญาตให้ธีมเป็นลิงก์ไปนอกโฟลเดอร์เว็บไซต์",
        "raw_html" => "HTML ที่พิมพ์ในเนื้อหา: sanitize (กรอง), escape (แสดงเป็นข้อความ), trust (เชื่อถือ)",
        "search" => "คำและคำพ้องความหมายของการค้นหา",
        "deploy" => "ที่ส่งเว็บไซต์ขึ้นเครื่องแม่ข่าย (prongsai deploy) ไม่ใส่รหัสผ่านในไฟล์นี้",
        "url" => "ที่อยู่ เช่น ftps://ชื่อผู้ใช้@ftp.example.go.th/public_html หรือ file:///var/www/html",
        "words" => "คำที่การค้นหาต้องรู้จัก เช่น ชื่อหมู่บ้าน ชื่อกอง",
        "synonyms" => "กลุ่มคำที่มีความหมายเดียวกัน",
        "extra" => "ข้อมูลอื่นที่ต้องการเก็บไว้ (ไม่ได้ตรวจ)",
        "title" => "ชื่อเรื่อง",
        "date" => "วันที่ (ปี-เดือน-วัน)",
        "updated" => "วันที่แก้ไขล่าสุด",
        "number" => "เลขที่",
        "signed_by" => "ผู้ลงนาม",
        "position" => "ตำแหน่ง",
        "summary" => "สรุปหนึ่งบรรทัด แสดงในรายการและฟีด",
        "topics" => "หัวข้อการประเมิน ITA ที่เนื้อหานี้ตอบ",
        "section9" => "หมวดตามมาตรา 9 แห่ง พ.ร.บ.ข้อมูลข่าวสารของราชการ (1–8)",
        "attachments" => "ไฟล์แนบ (อยู่ใต้ content/files/)",
        "file" => "ไฟล์ เทียบจาก content/ เช่น files/2566/ประกาศ.pdf",
        "draft" => "ฉบับร่าง: true ยังไม่เผยแพร่",
        "slug" => "ชื่อในที่อยู่ของหน้า",
        "weight" => "ลำดับในเมนูและรายการ (น้อยมาก่อน)",
        "embed" => "แสดงตารางของข้อมูลนี้ใต้เนื้อหา เช่น procurement/plans/2566",
        "procurement" => "ขั้นตอนของการจัดซื้อจัดจ้างที่ประกาศนี้แจ้ง",
        "notice" => "ชนิดของประกาศ",
        "plan_item" => "รหัสรายการในแผนการจัดซื้อจัดจ้าง เช่น \"66-001\"",
        "egp_project" => "เลขที่โครงการในระบบ e-GP",
        "announced" => "วันที่ประกาศ",
        "items" => "รายการ",
        "id" => "รหัสรายการ ไม่ซ้ำกันในปี",
        "department" => "หน่วยงานที่รับผิดชอบ",
        "budget" => "วงเงิน (บาท)",
        "budget_source" => "แหล่งที่มาของงบประมาณ",
        "method" => "วิธีจัดซื้อจัดจ้าง",
        "expected" => "เดือนที่คาดว่าจะประกาศจัดซื้อจัดจ้าง",
        "form" => "แบบประกาศราคากลาง bk01–bk07 (บก.01–บก.07)",
        "project" => "ชื่อโครงการ",
        "owner" => "หน่วยงานเจ้าของโครงการ",
        "price" => "ราคา (บาท)",
        "priced_on" => "วันที่กำหนดราคากลาง",
        "breakdown" => "ประมาณการราคากลาง หรือราคาต่อหน่วย: รายการและจำนวนเงิน",
        "item" => "รายการ",
        "amount" => "จำนวนเงิน (บาท)",
        "staff" => "ค่าตอบแทนบุคลากร (แบบ บก.03 ข้อ 5)",
        "project_leads" => "ระดับหัวหน้าโครงการ (คน)",
        "operators" => "ระดับผู้ดำเนินงาน (คน)",
        "assistants" => "ระดับผู้ช่วย (คน)",
        "materials" => "ค่าวัสดุอุปกรณ์ (แบบ บก.03 ข้อ 6)",
        "other_costs" => "ค่าใช้จ่ายอื่นๆ (แบบ บก.03 ข้อ 7)",
        "sources" => "แหล่งที่มาของราคากลาง (ราคาอ้างอิง) เรียงตามลำดับ",
        "committee" => "คณะกรรมการหรือเจ้าหน้าที่ผู้กำหนดราคากลาง",
        "month" => "เดือน (ปี-เดือน) ต้องตรงกับชื่อไฟล์",
        "reference_price" => "ราคากลาง (บาท)",
        "bids" => "รายชื่อผู้เสนอราคาและราคาที่เสนอ",
        "bidder" => "ผู้เสนอราคา",
        "tax_id" => "เลขประจำตัวผู้เสียภาษี",
        "winner" => "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง",
        "reason" => "เหตุผลที่คัดเลือกโดยสรุป หรือเหตุผลที่ยกเลิก",
        "contract" => "เลขที่และวันที่ของสัญญาหรือข้อตกลง",
        "status" => "สถานะ",
        "objective" => "วัตถุประสงค์",
        "keywords" => "คำสำคัญ",
        "update_frequency" => "ความถี่ในการปรับปรุงข้อมูล",
        "source" => "หน่วยงานที่เป็นแหล่งข้อมูล",
        "dataset_type" => "ประเภทชุดข้อมูล เช่น ข้อมูลสถิติ",
        "contact_name" => "ผู้ติดต่อ",
        "contact_email" => "อีเมลผู้ติดต่อ",
        "columns" => "คอลัมน์ของไฟล์ CSV เรียงตามลำดับ",
        "type" => "ชนิดของค่า: string, integer, number, date, boolean",
        "total" => "ยอดรวม (บาท)",
        "appropriations" => "งบประมาณรายจ่ายจำแนกตามแผนงาน",
        "plan" => "แผนงาน",
        "spending" => "ผลการใช้จ่ายงบประมาณรายไตรมาส",
        "quarter" => "ไตรมาส 1 (ต.ค.–ธ.ค.) ถึง 4 (ก.ค.–ก.ย.)",
        "political" => "ฝ่ายการเมือง",
        "civil_service" => "ฝ่ายประจำ",
        "authority" => "อำนาจหน้าที่",
        "photo" => "รูปถ่าย (อยู่ใต้ content/files/)",
        "division" => "ส่วนราชการที่รับผิดชอบ",
        "year" => "ปี พ.ศ.",
        "confirmed" => "ตรวจกับคู่มือการประเมินแล้ว",
        "note" => "หมายเหตุ",
        "groups" => "กลุ่มตัวชี้วัด",
        "code" => "รหัส",
        "covers" => "ปีงบประมาณที่ข้อนี้ถาม: assessment_year, previous_year หรือ in_force",
        "measures" => "มาตรการ",
        "report_date" => "วันที่รายงาน",
        "intro" => "ข้อความนำ (Markdown)",
        "result" => "ผลการดำเนินงาน",
        "evidence" => "หลักฐานการดำเนินงาน: ชื่อและลิงก์",
        "href" => "ลิงก์ไปยังหน้าเว็บหรือไฟล์",
        "from" => "ตั้งแต่เดือน (ปี-เดือน)",
        "to" => "ถึงเดือน (ปี-เดือน)",
        "methods" => "วิธีการดำเนินงาน เรียงตามลำดับ",
        "responsible" => "ผู้รับผิดชอบ",
        "period" => "ระยะเวลาดำเนินการ (ไม่ใส่ = ทั้งปีงบประมาณ)",
        "follow_up" => "การติดตามผล",
        "issued" => "วันที่เริ่มเผยแพร่",
        "modified" => "วันที่ปรับปรุงข้อมูลล่าสุด",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_the_schema_offers_is_one_prongsai_reads() {
        let mut g = SchemaSettings::draft07().into_generator();
        let schema = Method::json_schema(&mut g).to_value();
        let mut offered = 0;
        for alt in schema["anyOf"].as_array().unwrap() {
            for v in alt["enum"].as_array().unwrap() {
                let text = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
                assert!(Method::parse(&text).is_some(), "{text}");
                offered += 1;
            }
        }
        assert!(offered > 3 * Method::ALL.len());
    }
}
