//! One module per command, each with `execute`; [`run`] reads the command line, dispatches,
//! and turns what a command returns into the exit code: 0 success, 1 the content has errors,
//! 2 the command line, a folder or the machine stands in the way.

pub mod build;
pub mod check;
pub mod deploy;
pub mod fix_encoding;
pub mod import;
pub mod init;
pub mod new;
pub mod schema;
pub mod serve;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command, Global};
use crate::diagnostic::{Diagnostics, Lang, Msg};

/// Why a command did not succeed.
#[derive(Debug)]
pub enum Failure {
    /// The content has errors, already reported at their places: exit 1.
    Content,
    /// The command line, a folder or the machine stands in the way: exit 2, with what to do.
    System(Msg),
    /// Like [`Failure::System`], already reported (as a diagnostic at its place): exit 2.
    SystemReported,
}

impl Failure {
    /// A system failure said the same way in both languages (a path, a system error).
    pub fn system(th: impl Into<String>, en: impl Into<String>) -> Self {
        Failure::System(Msg::new(th, en))
    }
}

/// What a command returns.
pub type Outcome = Result<(), Failure>;

/// Parses the command line, runs the command, and maps the outcome to an exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    let g = cli.global;
    let outcome = match cli.command {
        Command::Build(a) => build::execute(&a, g),
        Command::Check(a) => check::execute(&a, g),
        Command::Serve(a) => serve::execute(&a, g),
        Command::Init { dir, empty } => init::execute(&dir, empty, g),
        Command::New(a) => new::execute(&a, g),
        Command::Import(a) => import::execute(&a, g),
        Command::FixEncoding { files } => fix_encoding::execute(&files, g),
        Command::Schema { root } => schema::execute(&root, g),
        Command::Deploy(a) => deploy::execute(&a, g),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Content) => ExitCode::from(1),
        Err(Failure::SystemReported) => ExitCode::from(2),
        Err(Failure::System(message)) => {
            eprintln!(
                "prongsai: {}",
                crate::diagnostic::printable(message.get(g.lang))
            );
            ExitCode::from(2)
        }
    }
}

/// A command line clap could not read: its own explanation (in English: clap speaks nothing
/// else), preceded in Thai unless `--lang en` was given. Help and version go out as asked.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let args: Vec<String> = std::env::args().collect();
    let english = args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en")
        || args.iter().any(|a| a == "--lang=en");
    if !english {
        eprintln!(
            "prongsai: คำสั่งหรือตัวเลือกไม่ถูกต้อง (รายละเอียดเป็นภาษาอังกฤษด้านล่าง) ดูวิธีใช้ได้ด้วย prongsai --help หรือ prongsai ชื่อคำสั่ง --help"
        );
    }
    let _ = e.print();
    ExitCode::from(2)
}

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

/// Where the original of `path` is kept when a command replaces it: `FILE.bak`, or
/// `FILE.bak2`, `FILE.bak3` … when taken (the site's loader ignores them all).
pub fn free_backup(path: &std::path::Path) -> std::path::PathBuf {
    let base = path.as_os_str().to_string_lossy().into_owned();
    let mut candidate = std::path::PathBuf::from(format!("{base}.bak"));
    let mut n = 2;
    while candidate.symlink_metadata().is_ok() {
        candidate = std::path::PathBuf::from(format!("{base}.bak{n}"));
        n += 1;
    }
    candidate
}

/// A line of progress on stderr, unless `-q`.
pub fn progress(g: Global, th: &str, en: &str) {
    if !g.quiet {
        let line = if g.lang == Lang::Th { th } else { en };
        eprintln!("{}", crate::diagnostic::printable(line));
    }
}
