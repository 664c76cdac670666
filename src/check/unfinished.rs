//! What `prongsai new` leaves for staff to fill in, left unfilled: values that are or end in
//! `...` (`"มาตรการ..."`, `"..."`), the template's sample body lines, and official fields
//! left empty (an announcement's number, its signatory). Warnings, so a draft can be saved
//! half done; `check --strict` makes them errors.

use crate::diagnostic::{Diagnostic, Diagnostics, Msg};
use crate::site::{Document, Source};

/// Body lines of `new announcement` that are instructions, not text.
const TEMPLATE_BODY: &[&str] = &[
    "เนื้อหาของประกาศ เขียนแบบ Markdown: บรรทัดว่างคั่นย่อหน้า, ## หัวข้อ, 1. รายการ",
    "ประกาศ ณ วันที่ ...",
];

/// Placeholders in a YAML file or a Markdown file's front matter and body.
pub fn check_placeholders(src: &Source, diags: &mut Diagnostics) {
    let markdown = src.path.extension().is_some_and(|e| e == "md");
    // In a Markdown file, YAML runs from the first `---` line to the next.
    let mut in_yaml = !markdown;
    let mut fences = 0;
    let mut found = 0;
    for (i, line) in src.text.lines().enumerate() {
        if markdown && fences < 2 && line.trim_end() == "---" {
            fences += 1;
            in_yaml = fences == 1;
            continue;
        }
        let column = if in_yaml {
            yaml_placeholder(line)
        } else if TEMPLATE_BODY.contains(&line.trim()) {
            Some(line.len() - line.trim_start().len())
        } else {
            None
        };
        let Some(byte) = column else {
            continue;
        };
        let column = line[..byte].chars().count() + 1;
        diags.push(
            Diagnostic::warning(crate::diagnostic::codes::PLACEHOLDER,
                &src.path,
                Msg::new(
                    "ยังไม่ได้กรอกข้อมูล: ค่านี้เป็นตัวอย่างจากแม่แบบ (มี ... หรือเป็นคำอธิบาย)",
                    "not filled in: this is the template's sample (it has ... or is an instruction)",
                ),
            )
            .at(&src.text, i + 1, column)
            .help(Msg::new(
                "แทนที่ด้วยข้อมูลจริง หรือลบบรรทัดนี้ถ้าไม่ใช้",
                "replace it with the real value, or delete the line if it is not used",
            )),
        );
        found += 1;
        if found == 20 {
            break;
        }
    }
}

/// Where a YAML line's value is a placeholder: `...` or `…` at the end of a value (before a
/// closing quote, `}`, `]`, `,` or the end of the line), outside comments.
fn yaml_placeholder(line: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    let bytes: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(at, c)) in bytes.iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && (prev.is_whitespace() || at == 0) => return None,
            None => {}
        }
        let dots = if line[at..].starts_with("...") {
            3
        } else if c == '…' {
            1
        } else {
            0
        };
        if dots > 0 {
            let after = bytes
                .get(k + dots)
                .map(|&(a, _)| &line[a..])
                .unwrap_or("")
                .trim_start();
            let ends = after.is_empty()
                || after.starts_with(['"', '\'', '}', ']', ','])
                || (quote.is_none() && after.starts_with('#'));
            if ends {
                // The start of the value it ends.
                let start = line[..at]
                    .rfind([':', '-', '[', '{', ','])
                    .map_or(0, |p| p + 1);
                return Some(start + (line[start..].len() - line[start..].trim_start().len()));
            }
        }
        prev = c;
    }
    None
}

/// Official fields of an announcement written but left empty.
pub fn check_empty_official_fields(doc: &Document, diags: &mut Diagnostics) {
    let src = doc.source();
    let f = &doc.front;
    let mut empty = |field: &str, th: &str, en: &str| {
        let (l, c) = src.locate(&format!("{field}:"), 1).unwrap_or((0, 0));
        diags.push(
            Diagnostic::warning(
                crate::diagnostic::codes::OFFICIAL_FIELD_EMPTY,
                &src.path,
                Msg::new(format!("{th}ว่างอยู่"), format!("{en} is empty")),
            )
            .at(&src.text, l, c)
            .field(field)
            .help(Msg::new(
                format!("กรอก{th}ตามฉบับที่ลงนาม หรือลบบรรทัดนี้ถ้าประกาศไม่มี"),
                format!("fill in the {en} as signed, or delete the line if the notice has none"),
            )),
        );
    };
    if f.number.as_deref().is_some_and(|n| n.trim().is_empty()) {
        empty(
            "number",
            "เลขที่ประกาศ (number) ",
            "the notice number (number)",
        );
    }
    if let Some(s) = &f.signed_by {
        if s.name.trim().is_empty() {
            empty(
                "signed_by",
                "ชื่อผู้ลงนาม (signed_by.name) ",
                "the signatory's name (signed_by.name)",
            );
        } else if s.position.as_deref().is_some_and(|p| p.trim().is_empty()) {
            empty(
                "signed_by",
                "ตำแหน่งผู้ลงนาม (signed_by.position) ",
                "the signatory's position (signed_by.position)",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::yaml_placeholder;

    #[test]
    fn placeholders_are_values_ending_in_dots() {
        assert_eq!(yaml_placeholder("    title: \"มาตรการ...\""), Some(11));
        assert_eq!(yaml_placeholder("      - \"...\""), Some(8));
        assert_eq!(yaml_placeholder("name: ..."), Some(6));
        assert_eq!(yaml_placeholder("  - {bidder: ร้าน..., price: 1}"), Some(13));
        assert_eq!(yaml_placeholder("title: องค์การบริหารส่วนตำบล…"), Some(7));
        // Comments, and dots inside a value, are not placeholders.
        assert_eq!(yaml_placeholder("# title: โครงการ..."), None);
        assert_eq!(yaml_placeholder("title: x   # เช่น จัดซื้อ..."), None);
        assert_eq!(yaml_placeholder("summary: \"ข้อ 1...3 ของระเบียบ\""), None);
        assert_eq!(yaml_placeholder("title: จัดซื้อวัสดุ"), None);
    }
}
