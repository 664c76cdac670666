//! `prongsai check`: validates everything a build would, writes nothing.

use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{CheckArgs, Format, Global};
use crate::cmd::{progress, report};
use crate::diagnostic::{Diagnostics, Lang, Severity};
use crate::site::LoadOptions;
use crate::thai::calendar::{FiscalYear, format_date, parse_date};

pub fn execute(args: &CheckArgs, g: Global) -> Result<ExitCode, String> {
    let today = match &args.as_of {
        Some(s) => Some(parse_date(s).map_err(|e| format!("--as-of {s}: {}", e.en()))?),
        None => None,
    };
    let options = LoadOptions {
        base_url: None,
        drafts: true,
        today,
    };
    // Rendering is part of checking: template errors and broken links are found there.
    let (built, diags) = crate::build::build(&args.root, &options);
    let compliance = built.as_ref().map(|(site, _)| {
        let as_of = crate::compliance::judged_on(site, today);
        (as_of, Diagnostics(crate::compliance::report(site, as_of)))
    });
    match args.format {
        Format::Text => {
            report(&diags, g);
            if let Some((as_of, findings)) = &compliance {
                eprint!("{}", compliance_text(findings, *as_of, g));
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
            println!(
                "{}",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            );
        }
    }
    let findings = compliance.as_ref().map_or(0, |(_, f)| f.0.len());
    let fail = diags.has_errors() || (args.strict && (diags.warnings() > 0 || findings > 0));
    Ok(if fail {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The compliance report for people: grouped by the rule each finding comes from.
pub fn compliance_text(findings: &Diagnostics, as_of: chrono::NaiveDate, g: Global) -> String {
    use std::fmt::Write;
    let fy = FiscalYear::of(as_of);
    let n = crate::thai::numerals::Numerals::Arabic;
    let mut out = String::new();
    let _ = match g.lang {
        Lang::Th => writeln!(
            out,
            "\nรายงานการเปิดเผยข้อมูล ปีงบประมาณ {} (ณ วันที่ {})",
            fy.be(),
            format_date(as_of, n)
        ),
        Lang::En => writeln!(
            out,
            "\nDisclosure report, fiscal year {} (as of {as_of})",
            fy.be()
        ),
    };
    if findings.is_empty() {
        let _ = match g.lang {
            Lang::Th => writeln!(out, "ครบถ้วน ไม่พบรายการที่ยังขาด"),
            Lang::En => writeln!(out, "complete: nothing is missing"),
        };
        return out;
    }
    let mut rules: Vec<&crate::diagnostic::Msg> = Vec::new();
    for f in &findings.0 {
        if let Some(r) = &f.rule
            && !rules.contains(&r)
        {
            rules.push(r);
        }
    }
    for rule in rules {
        // Thai first, with the English rule name for outsiders.
        let _ = match g.lang {
            Lang::Th => writeln!(out, "\n== {} ({}) ==", rule.th, rule.en),
            Lang::En => writeln!(out, "\n== {} ==", rule.en),
        };
        for f in findings.0.iter().filter(|f| f.rule.as_ref() == Some(rule)) {
            let mut f = f.clone();
            f.rule = None;
            out.push_str(&f.render(g.lang));
        }
    }
    let _ = match g.lang {
        Lang::Th => writeln!(out, "\nยังขาด {} รายการ", findings.0.len()),
        Lang::En => writeln!(out, "\n{} item(s) missing", findings.0.len()),
    };
    out
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: &'static str,
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
