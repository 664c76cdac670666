//! `prongsai check`: validates everything a build would, writes nothing.

use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{CheckArgs, Format, Global};
use crate::cmd::{progress, report};
use crate::diagnostic::{Diagnostics, Severity};
use crate::site::LoadOptions;
use crate::thai::calendar::parse_date;

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
    match args.format {
        Format::Text => {
            report(&diags, g);
            if built.is_some() && diags.is_empty() {
                progress(g, "ตรวจแล้ว ไม่พบข้อผิดพลาด", "checked: no problems found");
            }
        }
        Format::Json => println!("{}", to_json(&diags, g)),
    }
    let fail = diags.has_errors() || (args.strict && diags.warnings() > 0);
    Ok(if fail {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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
}

fn to_json(diags: &Diagnostics, g: Global) -> String {
    let items: Vec<JsonDiagnostic> = diags
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
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({
        "errors": diags.errors(),
        "warnings": diags.warnings(),
        "diagnostics": items,
    }))
    .unwrap_or_default()
}
