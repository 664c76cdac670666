//! The command line as clap reads it: the commands, their arguments and options. What they
//! do is [`crate::cmd`]'s.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::diagnostic::Lang;

#[derive(Parser, Debug)]
#[command(
    name = "prongsai",
    version,
    about = "Builds the transparency-disclosure website of a Thai local government from YAML and Markdown",
    long_about = None
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: Global,
}

/// Options every command takes.
#[derive(Args, Debug, Clone, Copy)]
pub struct Global {
    /// Language of messages about content: th (Thai, default) or en (English)
    #[arg(long, global = true, value_enum, default_value = "th")]
    pub lang: Lang,
    /// Print only errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more about what is done
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the site from DIR/content into DIR/public
    Build(BuildArgs),
    /// Check all content without writing anything
    Check(CheckArgs),
    /// Build and preview the site over HTTP on this computer
    Serve(ServeArgs),
    /// Create a new site in DIR from the example content
    Init {
        /// Folder to create (must not exist or be empty)
        dir: PathBuf,
        /// Start without the example municipality's content: only site.yaml to fill in
        #[arg(long)]
        empty: bool,
    },
    /// Create a new content file with Thai comments on each field
    New(NewArgs),
    /// Turn a spreadsheet (.xlsx, .xls, .ods, .csv) into content files
    Import(ImportArgs),
    /// Send the last build to the municipality's host: only what changed, removing what the
    /// site no longer has
    Deploy(DeployArgs),
    /// Write the JSON Schemas of the content files into schemas/ (and .vscode/settings.json
    /// when there is none), so an editor checks and completes every field
    Schema {
        /// Site folder (the one holding content/)
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Rewrite files saved in the old Thai encoding (Windows-874) or UTF-16 as UTF-8,
    /// keeping each original as FILE.bak
    FixEncoding {
        /// The files to convert
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Args, Debug)]
pub struct DeployArgs {
    /// Site folder (the one holding content/)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The built site to send (default: ROOT/public)
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Where to send it, instead of deploy: url in site.yaml: sftp://user@host/path,
    /// ftps://user@host/path, ftp://… or file:///path
    #[arg(long)]
    pub to: Option<String>,
    /// Show what would be sent and removed; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Replace files on the host that were changed by hand or not put there by prongsai
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// What the spreadsheet holds
    #[arg(value_enum)]
    pub kind: ImportKind,
    /// The spreadsheet: .xlsx, .xls, .ods or .csv
    pub file: PathBuf,
    /// The dataset's file name (import dataset only): letters a-z, digits and -
    pub name: Option<String>,
    /// Site folder (the one holding content/)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The month of the results (YYYY-MM, BE or CE) when the sheet does not say it
    #[arg(long)]
    pub month: Option<String>,
    /// The fiscal year of the plan when the sheet does not say it
    #[arg(long)]
    pub year: Option<String>,
    /// Only this sheet of the workbook
    #[arg(long)]
    pub sheet: Option<String>,
    /// Show what would be written; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Replace files that exist (each old file is kept as NAME.bak)
    #[arg(long)]
    pub force: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ImportKind {
    /// Monthly procurement results (แบบ สขร.1): one file per month found
    Results,
    /// The annual procurement plan
    Plan,
    /// Any table, as a dataset (content/data/NAME.csv and NAME.yaml)
    Dataset,
}

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// Site folder (the one holding content/)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Output folder (default: ROOT/public)
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Build for this address instead of base_url in site.yaml
    #[arg(long)]
    pub base_url: Option<String>,
    /// Include documents marked draft: true
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Site folder (the one holding content/)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Check as of this date (YYYY-MM-DD) instead of today
    #[arg(long)]
    pub as_of: Option<String>,
    /// Exit 1 on warnings too
    #[arg(long)]
    pub strict: bool,
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Site folder (the one holding content/)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Address to listen on; 0.0.0.0 lets other devices in the office see it
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: String,
    /// Port to listen on
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Open the site in the web browser
    #[arg(long)]
    pub open: bool,
    /// Include documents marked draft: true
    #[arg(long)]
    pub drafts: bool,
    /// Also answer requests that name this host (e.g. the computer's name on the office
    /// network); the bound address and localhost always are. May be repeated
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_hosts: Vec<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Args, Debug)]
pub struct NewArgs {
    /// What to create
    #[arg(value_enum)]
    pub kind: NewKind,
    /// The title (announcement, reference-price), fiscal year (measures, plan), month
    /// (results) or file name (dataset)
    pub value: String,
    /// Site folder (the one holding content/)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum NewKind {
    /// An announcement (ประกาศ): prongsai new announcement "ชื่อเรื่อง"
    Announcement,
    /// The integrity measures of a fiscal year: prongsai new measures 2567
    Measures,
    /// The procurement plan of a fiscal year: prongsai new plan 2567
    Plan,
    /// A reference-price disclosure: prongsai new reference-price "ชื่อโครงการ"
    ReferencePrice,
    /// A month's procurement results (สขร.1): prongsai new results 2567-03
    Results,
    /// A dataset (CSV with its description): prongsai new dataset NAME
    Dataset,
}

/// `--lang th|en`: the command line's spelling of [`Lang`], kept here so the messages know
/// nothing of the argument parser.
impl ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &[Lang::Th, Lang::En]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(match self {
            Lang::Th => clap::builder::PossibleValue::new("th").help("Thai (default)"),
            Lang::En => clap::builder::PossibleValue::new("en").help("English"),
        })
    }
}
