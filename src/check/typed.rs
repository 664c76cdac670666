//! What staff typed that YAML reads otherwise than they meant: ` #` inside a value starts a
//! comment, so `title: จัดซื้อกระดาษ #A4 80 แกรม` publishes "จัดซื้อกระดาษ". Comments as staff
//! write them (`# หมายเหตุ`, a space after `#`) are left alone.

use crate::diagnostic::{Diagnostic, Diagnostics, Msg};
use crate::site::Source;

/// Values cut short by a `#` that was meant as text.
pub fn check_hash_in_values(src: &Source, diags: &mut Diagnostics) {
    let markdown = src.path.extension().is_some_and(|e| e == "md");
    let mut fences = 0;
    for (i, line) in src.text.lines().enumerate() {
        if markdown {
            if line.trim_end() == "---" {
                fences += 1;
                continue;
            }
            if fences != 1 {
                continue; // the body, or past the front matter
            }
        }
        let Some((value_at, kept, cut)) = cut_by_hash(line) else {
            continue;
        };
        let column = line[..value_at + kept.len()].chars().count() + 2;
        let whole = format!("{kept} #{cut}");
        let quoted = serde_json::to_string(&whole).unwrap_or_default();
        diags.push(
            Diagnostic::warning(crate::diagnostic::codes::HASH_IN_VALUE,
                &src.path,
                Msg::new(
                    format!("ข้อความตั้งแต่ # ถูกอ่านเป็นหมายเหตุ (comment) จึงไม่ถูกเผยแพร่: ค่าที่ใช้จริงคือ \"{kept}\""),
                    format!("the text from # on is read as a comment and not published: the value is \"{kept}\""),
                ),
            )
            .at(&src.text, i + 1, column)
            .help(Msg::new(
                format!("ถ้า # เป็นส่วนหนึ่งของข้อความ ให้ครอบค่าทั้งหมดด้วยเครื่องหมายคำพูด: {quoted}"),
                format!("if the # belongs to the text, put the whole value in quotes: {quoted}"),
            )),
        );
    }
}

/// For `name: text #more`: where the value starts, the text YAML keeps, and what it drops.
/// Only a `#` with a space before it and none after starts the cut (`#A4`, `#2`).
fn cut_by_hash(line: &str) -> Option<(usize, &str, &str)> {
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') {
        return None;
    }
    let body = trimmed.trim_start_matches("- ");
    let colon = body.find(": ")?;
    let value_at = line.len() - body.len() + colon + 2;
    let value = line[value_at..].trim_start();
    let value_at = line.len() - value.len();
    if value.starts_with(['"', '\'', '[', '{', '|', '>', '#']) {
        return None;
    }
    let hash = value.find(" #")?;
    let cut = &value[hash + 2..];
    if cut.is_empty() || cut.starts_with([' ', '#']) {
        return None;
    }
    Some((value_at, value[..hash].trim_end(), cut))
}

#[cfg(test)]
mod tests {
    use super::cut_by_hash;

    #[test]
    fn a_hash_glued_to_text_is_a_cut_value() {
        assert_eq!(
            cut_by_hash("title: จัดซื้อกระดาษ #A4 80 แกรม").map(|c| (c.1, c.2)),
            Some(("จัดซื้อกระดาษ", "A4 80 แกรม"))
        );
        assert!(cut_by_hash("  - title: ซ่อม #2").is_some());
        // Comments as people write them, and quoted values, are fine.
        assert!(cut_by_hash("budget: 500000   # วงเงิน").is_none());
        assert!(cut_by_hash("title: \"จัดซื้อ #A4\"").is_none());
        assert!(cut_by_hash("# title: x #y").is_none());
        assert!(cut_by_hash("title: x ## หัวข้อ").is_none());
    }
}
