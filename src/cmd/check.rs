//! `prongsai check`: validates everything a build would, writes nothing.

use serde::Serialize;

use crate::cli::{CheckArgs, Format, Global};
use crate::cmd::{Failure, Outcome, progress, report};
use crate::diagnostic::{Diagnostics, Lang, Severity};
use crate::site::LoadOptions;
use crate::thai::calendar::{FiscalYear, format_date, parse_date};

pub fn execute(args: &CheckArgs, g: Global) -> Outcome {
    let today = match &args.as_of {
        Some(s) => Some(parse_date(s).map_err(|e| {
            Failure::system(
                format!("--as-of {s}: {}", e.th()),
                format!("--as-of {s}: {}", e.en()),
            )
        })?),
        None => None,
    };
    let options = LoadOptions {
        base_url: None,
        drafts: true,
        today,
    };
    // Rendering is part of checking: template errors and broken links are found there.
    let (built, diags) = crate::build::build(&args.root, &options);
    // With errors, the report still judges the files that parse (and says so).
    let partial = match &built {
        Some(_) => None,
        None => crate::build::load_partial(&args.root, &options),
    };
    let judged = built.as_ref().map(|(site, _)| site).or(partial.as_ref());
    let compliance = judged.map(|site| {
        let as_of = crate::compliance::judged_on(site, today);
        (as_of, Diagnostics(crate::compliance::report(site, as_of)))
    });
    match args.format {
        Format::Text => {
            report(&diags, g);
            if let Some((as_of, findings)) = &compliance {
                eprint!("{}", compliance_text(findings, *as_of, g));
                if let Some((year, count)) =
                    judged.and_then(|s| crate::compliance::unverified(s, *as_of))
                {
                    progress(
                        g,
                        &format!(
                            "(รายการข้อของ ITA ปี {year} ยังไม่ได้ตรวจกับคู่มือการประเมินฉบับทางการของ ป.ป.ช. {count} ข้อ: ตรวจชื่อข้อกับคู่มือของปีนั้นก่อนใช้ตอบแบบประเมิน)"
                        ),
                        &format!(
                            "({count} item(s) of the ITA {year} catalog are not yet checked against the NACC's official manual: check their titles against that year's manual before answering the assessment)"
                        ),
                    );
                }
                if partial.is_some() {
                    progress(
                        g,
                        "(รายงานนี้นับเฉพาะไฟล์ที่ไม่มีข้อผิดพลาด: ไฟล์ที่มีข้อผิดพลาดข้างต้นยังไม่ถูกนับ แก้แล้วตรวจใหม่)",
                        "(this report counts the files without errors only: fix the files above and check again)",
                    );
                }
            }
            if built.is_some() && !diags.has_errors() {
                progress(g, "ตรวจเนื้อหาแล้ว ไม่พบข้อผิดพลาด", "content checked: no errors");
            }
        }
        Format::Json => {
            let mut value = to_json(&diags, g);
            if let Some((as_of, findings)) = &compliance {
                value["compliance"] = serde_json::json!({
                    "as_of": as_of.to_string(),
                    "fiscal_year": FiscalYear::of(*as_of).be(),
                    "findings": items(findings, g),
                });
            }
            crate::cmd::stdout_line(&serde_json::to_string_pretty(&value).unwrap_or_default());
        }
    }
    let findings = compliance.as_ref().map_or(0, |(_, f)| f.0.len());
    let fail = diags.has_errors() || (args.strict && (diags.warnings() > 0 || findings > 0));
    if fail { Err(Failure::Content) } else { Ok(()) }
}

/// The compliance report for people: a summary first (how much is missing, by group, what
/// the law requires before what the ITA assessment scores), then each group's findings.
/// `-q` prints the summary alone. Headings are in the chosen language only and lines are
/// wrapped to 80 columns.
pub fn compliance_text(findings: &Diagnostics, as_of: chrono::NaiveDate, g: Global) -> String {
    use std::fmt::Write;
    let fy = FiscalYear::of(as_of);
    let n = crate::thai::numerals::Numerals::Arabic;
    let th = g.lang == Lang::Th;
    let mut out = String::new();
    let title = if th {
        format!(
            "รายงานการเปิดเผยข้อมูล ปีงบประมาณ {} (ณ วันที่ {})",
            fy.be(),
            format_date(as_of, n)
        )
    } else {
        format!("Disclosure report, fiscal year {} (as of {as_of})", fy.be())
    };
    if findings.is_empty() {
        let _ = writeln!(
            out,
            "\n{title}: {}",
            if th {
                "ครบถ้วน ไม่พบรายการที่ยังขาด"
            } else {
                "complete, nothing is missing"
            }
        );
        return out;
    }
    // Groups in the order they are first met, what the law requires before what ITA scores.
    let mut rules: Vec<&crate::diagnostic::Msg> = Vec::new();
    for f in &findings.0 {
        if let Some(r) = &f.rule
            && !rules.contains(&r)
        {
            rules.push(r);
        }
    }
    rules.sort_by_key(|r| r.en.starts_with("ITA"));
    let count = |rule: &crate::diagnostic::Msg| {
        findings
            .0
            .iter()
            .filter(|f| f.rule.as_ref() == Some(rule))
            .count()
    };
    let total = findings.0.len();
    let _ = writeln!(
        out,
        "\n{title}: {}",
        if th {
            format!("ยังขาด {total} รายการ")
        } else {
            format!("{total} item(s) missing")
        }
    );
    for rule in &rules {
        let line = format!("{:>3}  {}", count(rule), rule.get(g.lang));
        out.push_str(&wrap(&line, 80, 5));
    }
    let unruled = findings.0.iter().filter(|f| f.rule.is_none()).count();
    if unruled > 0 {
        let other = if th { "อื่น ๆ" } else { "other" };
        let _ = writeln!(out, "{unruled:>3}  {other}");
    }
    if g.quiet {
        return out;
    }
    for rule in &rules {
        out.push('\n');
        out.push_str(&wrap(&format!("== {} ==", rule.get(g.lang)), 80, 3));
        for f in findings.0.iter().filter(|f| f.rule.as_ref() == Some(*rule)) {
            let mut f = f.clone();
            f.rule = None;
            out.push_str(&f.render(g.lang));
        }
    }
    for f in findings.0.iter().filter(|f| f.rule.is_none()) {
        out.push_str(&f.render(g.lang));
    }
    out
}

/// `text` broken at spaces into lines of at most `width` columns (Thai vowel and tone marks
/// take none), later lines indented by `indent`; each line ends in a newline.
fn wrap(text: &str, width: usize, indent: usize) -> String {
    let columns = |s: &str| s.chars().filter(|c| !crate::thai::is_combining(*c)).count();
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let room = if out.is_empty() {
            width
        } else {
            width - indent
        };
        if !line.is_empty() && columns(&line) + 1 + columns(word) > room {
            out.push_str(&line);
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            line.clear();
        } else if !line.is_empty() || (out.is_empty() && text.starts_with(' ')) {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: &'static str,
    /// The stable code of the finding (`Y0202`) and its name (`missing-field`).
    code: &'static str,
    code_name: &'static str,
    file: String,
    line: usize,
    column: usize,
    field: Option<&'a str>,
    message: &'a str,
    help: Option<&'a str>,
    rule: Option<&'a str>,
}

fn to_json(diags: &Diagnostics, g: Global) -> serde_json::Value {
    serde_json::json!({
        "errors": diags.errors(),
        "warnings": diags.warnings(),
        "diagnostics": items(diags, g),
    })
}

fn items(diags: &Diagnostics, g: Global) -> Vec<JsonDiagnostic<'_>> {
    diags
        .0
        .iter()
        .map(|d| JsonDiagnostic {
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            code: d.code.id,
            code_name: d.code.name,
            file: d.file.display().to_string(),
            line: d.line,
            column: d.column,
            field: d.field.as_deref(),
            message: d.message.get(g.lang),
            help: d.help.as_ref().map(|h| h.get(g.lang)),
            rule: d.rule.as_ref().map(|r| r.get(g.lang)),
        })
        .collect()
}
