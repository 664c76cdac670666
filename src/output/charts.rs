//! Charts as inline SVG, drawn at build time: horizontal bars, one row per category with its
//! label above the bar, so that long Thai labels never collide and the chart reads the same at
//! 320 px and on a wide screen (bar lengths are percentages of the width, text keeps its size).
//!
//! The theme styles the text (`.chart text`, `.chart .l` labels, `.chart .n` notes) and the bar
//! outlines (`.chart rect`).
//!
//! Every chart is an `<svg role="img">` named by its `<title>` and described by its `<desc>`
//! (which states the figures in words); the page shows the table the chart comes from beside it.
//! Series differ by pattern as well as colour, and every bar carries its value as text.

use std::fmt::Write as _;

use crate::thai::money::Money;
use crate::thai::numerals::{Numerals, group_thousands};

/// How a bar is painted. Colours have at least 3:1 contrast with white (WCAG 1.4.11).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    Solid(&'static str),
    /// Diagonal stripes of the colour on white, outlined in the colour.
    Hatch(&'static str),
}

pub const BLUE: &str = "#0b4f8a";
pub const GREEN: &str = "#1d6b33";
pub const ORANGE: &str = "#8a4b00";
pub const GREY: &str = "#595959";

#[derive(Clone, Debug)]
pub struct Series {
    pub name: String,
    pub fill: Fill,
}

/// One category: its label and one value a series. A value of `None` draws no bar; when every
/// value is `None` the row shows `note` instead (e.g. "not published yet").
#[derive(Clone, Debug, Default)]
pub struct Row {
    pub label: String,
    pub values: Vec<Option<i64>>,
    /// The value as people read it, one a series: `๔๙๘,๐๐๐ บาท`.
    pub texts: Vec<String>,
    pub note: Option<String>,
    /// Paints this row's bars differently from its series (e.g. one colour a status).
    pub fill: Option<Fill>,
}

#[derive(Clone, Debug)]
pub struct Chart {
    /// Unique on the page: ids of the title, description and patterns derive from it.
    pub id: String,
    pub title: String,
    pub desc: String,
    pub series: Vec<Series>,
    pub rows: Vec<Row>,
}

const LABEL_H: u32 = 24;
const BAR_H: u32 = 18;
const BAR_GAP: u32 = 6;
const ROW_GAP: u32 = 12;
const LEGEND_H: u32 = 26;
/// The longest bar, in percent of the width: the rest is room for the value after it.
const MAX_BAR: f64 = 55.0;

impl Chart {
    /// The `<svg>` element.
    #[must_use]
    pub fn svg(&self) -> String {
        let id = esc(&self.id);
        let max = self
            .rows
            .iter()
            .flat_map(|r| r.values.iter().flatten())
            .copied()
            .max()
            .unwrap_or(0);
        let legend = if self.series.len() > 1 {
            self.series.len()
        } else {
            0
        };
        let mut height = u32::try_from(legend).unwrap_or(0) * LEGEND_H;
        if legend > 0 {
            height += 6;
        }
        for r in &self.rows {
            height += LABEL_H + ROW_GAP + bars_of(r, self.series.len()) * (BAR_H + BAR_GAP);
        }
        let mut s = String::new();
        let _ = write!(
            s,
            r#"<svg class="chart" width="100%" height="{height}" role="img" aria-labelledby="{id}-t" aria-describedby="{id}-d" focusable="false"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
            esc(&self.title),
            esc(&self.desc)
        );
        // Patterns: one for every hatched fill in use.
        let mut hatches: Vec<&'static str> = self
            .series
            .iter()
            .map(|x| x.fill)
            .chain(self.rows.iter().filter_map(|r| r.fill))
            .filter_map(|f| match f {
                Fill::Hatch(c) => Some(c),
                Fill::Solid(_) => None,
            })
            .collect();
        hatches.sort_unstable();
        hatches.dedup();
        if !hatches.is_empty() {
            s.push_str("<defs>");
            for c in &hatches {
                let _ = write!(
                    s,
                    r##"<pattern id="{id}-h{}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><rect width="3" height="6" fill="{c}"/></pattern>"##,
                    &c[1..]
                );
            }
            s.push_str("</defs>");
        }
        let mut y = 0;
        for x in self.series.iter().take(legend) {
            s.push_str(&swatch(&id, x.fill, 0, y + 4, 28, 16));
            let _ = write!(s, r#"<text x="36" y="{}">{}</text>"#, y + 17, esc(&x.name));
            y += LEGEND_H;
        }
        if legend > 0 {
            y += 6;
        }
        for r in &self.rows {
            let _ = write!(
                s,
                r#"<text class="l" y="{}">{}</text>"#,
                y + 17,
                esc(&r.label)
            );
            y += LABEL_H;
            if r.values.iter().all(Option::is_none) {
                if let Some(note) = &r.note {
                    let _ = write!(s, r#"<text class="n" y="{}">{}</text>"#, y + 14, esc(note));
                }
                y += BAR_H + BAR_GAP;
            } else {
                for (i, v) in r.values.iter().enumerate() {
                    let Some(v) = *v else { continue };
                    let fill = r
                        .fill
                        .or_else(|| self.series.get(i).map(|x| x.fill))
                        .unwrap_or(Fill::Solid(BLUE));
                    let pct = percent(v, max);
                    if pct > 0.0 {
                        s.push_str(&bar(&id, fill, pct, y));
                    }
                    let text = r.texts.get(i).map_or("", String::as_str);
                    let _ = write!(
                        s,
                        r#"<text x="{pct:.2}%" dx="{}" y="{}">{}</text>"#,
                        if pct > 0.0 { 6 } else { 0 },
                        y + 14,
                        esc(text)
                    );
                    y += BAR_H + BAR_GAP;
                }
            }
            y += ROW_GAP;
        }
        s.push_str("</svg>");
        s
    }
}

fn bars_of(r: &Row, series: usize) -> u32 {
    if r.values.iter().all(Option::is_none) {
        1
    } else {
        u32::try_from(r.values.iter().flatten().count().min(series.max(1))).unwrap_or(1)
    }
}

#[allow(clippy::cast_precision_loss)]
fn percent(v: i64, max: i64) -> f64 {
    if v <= 0 || max <= 0 {
        return 0.0;
    }
    (v as f64 / max as f64 * MAX_BAR).max(0.6)
}

fn paint(id: &str, fill: Fill) -> (String, &'static str) {
    match fill {
        Fill::Solid(c) => (c.to_owned(), c),
        Fill::Hatch(c) => (format!("url(#{id}-h{})", &c[1..]), c),
    }
}

fn bar(id: &str, fill: Fill, pct: f64, y: u32) -> String {
    let (f, stroke) = paint(id, fill);
    format!(r#"<rect y="{y}" width="{pct:.2}%" height="{BAR_H}" fill="{f}" stroke="{stroke}"/>"#)
}

fn swatch(id: &str, fill: Fill, x: u32, y: u32, w: u32, h: u32) -> String {
    let (f, stroke) = paint(id, fill);
    format!(r#"<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{f}" stroke="{stroke}"/>"#)
}

/// Escapes text for SVG (XML) content and attributes.
fn esc(s: &str) -> String {
    crate::output::xml::escape(s)
}

/// An amount short enough to stand beside a bar on a phone: `๔๙๘,๐๐๐ บาท`, `๑.๘๕ ล้านบาท`.
#[must_use]
pub fn baht_short(m: Money, numerals: Numerals) -> String {
    let baht = m.0.unsigned_abs() / 100;
    let text = if baht >= 1_000_000 {
        // Two decimals of a million, rounded; trailing zeros dropped.
        let hundredths = (baht + 5_000) / 10_000;
        let (whole, frac) = (hundredths / 100, hundredths % 100);
        let frac = match frac {
            0 => String::new(),
            f if f % 10 == 0 => format!(".{}", f / 10),
            f => format!(".{f:02}"),
        };
        format!("{}{frac} ล้านบาท", group_thousands(whole))
    } else {
        // Whole baht, rounded half up.
        let rounded = (m.0.unsigned_abs() + 50) / 100;
        format!("{} บาท", group_thousands(rounded))
    };
    numerals.apply(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_amounts() {
        let a = Numerals::Arabic;
        assert_eq!(baht_short(Money(49_800_000), a), "498,000 บาท");
        assert_eq!(baht_short(Money(185_000_000), a), "1.85 ล้านบาท");
        assert_eq!(baht_short(Money(200_000_000), a), "2 ล้านบาท");
        assert_eq!(baht_short(Money(125_000_000), a), "1.25 ล้านบาท");
        assert_eq!(baht_short(Money(130_000_000), a), "1.3 ล้านบาท");
        assert_eq!(baht_short(Money(1_250_050), a), "12,501 บาท");
        assert_eq!(baht_short(Money(49_800_000), Numerals::Thai), "๔๙๘,๐๐๐ บาท");
    }

    fn chart() -> Chart {
        Chart {
            id: "c1".into(),
            title: "ยอด <รวม>".into(),
            desc: "คำอธิบาย".into(),
            series: vec![
                Series {
                    name: "แผน".into(),
                    fill: Fill::Solid(BLUE),
                },
                Series {
                    name: "สัญญา".into(),
                    fill: Fill::Hatch(ORANGE),
                },
            ],
            rows: vec![
                Row {
                    label: "กองช่าง".into(),
                    values: vec![Some(100), Some(50)],
                    texts: vec!["100".into(), "50".into()],
                    ..Row::default()
                },
                Row {
                    label: "สำนักปลัด".into(),
                    values: vec![None, None],
                    note: Some("ยังไม่มีข้อมูล".into()),
                    ..Row::default()
                },
            ],
        }
    }

    #[test]
    fn svg_is_named_described_and_escaped() {
        let svg = chart().svg();
        assert!(svg.starts_with("<svg class=\"chart\""));
        assert!(svg.contains(r#"role="img" aria-labelledby="c1-t" aria-describedby="c1-d""#));
        assert!(svg.contains(r#"<title id="c1-t">ยอด &lt;รวม&gt;</title>"#));
        assert!(svg.contains(r#"<pattern id="c1-h8a4b00""#));
        assert!(svg.contains(r#"fill="url(#c1-h8a4b00)""#));
        // The longest bar is MAX_BAR percent, the other in proportion.
        assert!(svg.contains(r#"width="55.00%""#));
        assert!(svg.contains(r#"width="27.50%""#));
        assert!(svg.contains("<text class=\"n\" y=\"180\">ยังไม่มีข้อมูล</text>"));
        assert!(svg.contains(">แผน</text>") && svg.contains(">สัญญา</text>"));
        assert!(svg.ends_with("</svg>"));
    }
}
