//! One module per command; each has `execute`, returning the exit code or a usage/system error.

pub mod build;
pub mod check;
pub mod init;
pub mod new;
pub mod serve;

use crate::cli::Global;
use crate::diagnostic::{Diagnostics, Lang};

/// Prints diagnostics to stderr: errors always, warnings unless `-q`.
pub fn report(diags: &Diagnostics, g: Global) {
    if diags.is_empty() {
        return;
    }
    let shown = if g.quiet {
        Diagnostics(diags.0.iter().filter(|d| d.is_error()).cloned().collect())
    } else {
        diags.clone()
    };
    if !shown.is_empty() {
        eprint!("{}", shown.render(g.lang));
    }
}

/// Writes `text` and a newline to stdout. A reader that stops early (`| head`) ends the
/// output quietly: the rest is not wanted, and that is not an error.
pub fn stdout_line(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}").and_then(|()| out.flush());
}

/// A line of progress on stderr, unless `-q`.
pub fn progress(g: Global, th: &str, en: &str) {
    if !g.quiet {
        let line = if g.lang == Lang::Th { th } else { en };
        eprintln!("{}", crate::diagnostic::printable(line));
    }
}
