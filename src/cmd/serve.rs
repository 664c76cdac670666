//! `prongsai serve`: see [`crate::serve`].

use std::process::ExitCode;

use crate::cli::{Global, ServeArgs};
use crate::diagnostic::Lang;
use crate::serve::{ServeOptions, start, wait_forever};
use crate::site::LoadOptions;

pub fn execute(args: &ServeArgs, g: Global) -> Result<ExitCode, String> {
    let opts = ServeOptions {
        root: args.root.clone(),
        bind: args.bind.clone(),
        port: args.port,
        load: LoadOptions {
            base_url: None,
            drafts: args.drafts,
            today: None,
        },
        lang: g.lang,
        quiet: g.quiet,
    };
    let server = match start(&opts) {
        Ok(s) => s,
        Err(message) => {
            eprintln!("{message}");
            return Ok(ExitCode::from(1));
        }
    };
    let base = server.shared.snapshot().base_path.clone();
    let host = match server.addr.ip() {
        ip if ip.is_unspecified() => "localhost".to_owned(),
        std::net::IpAddr::V6(ip) => format!("[{ip}]"),
        ip => ip.to_string(),
    };
    let url = format!("http://{host}:{}{base}", server.addr.port());
    // The URL alone on stdout, for scripts; the sentence on stderr, for people.
    crate::cmd::stdout_line(&url);
    if !g.quiet {
        match g.lang {
            Lang::Th => eprintln!("เปิดดูเว็บไซต์ได้ที่ {url} (กด Ctrl+C เพื่อหยุด)"),
            Lang::En => eprintln!("serving the site at {url} (Ctrl+C to stop)"),
        }
        if server.addr.ip().is_unspecified() {
            match g.lang {
                Lang::Th => eprintln!(
                    "เครื่องอื่นในเครือข่ายเปิดดูได้ด้วยที่อยู่ IP ของเครื่องนี้ พอร์ต {}",
                    server.addr.port()
                ),
                Lang::En => eprintln!(
                    "other devices on the network can open it at this computer's address, port {}",
                    server.addr.port()
                ),
            }
        }
    }
    if args.open {
        open_browser(&url);
    }
    wait_forever();
    Ok(ExitCode::SUCCESS)
}

fn open_browser(url: &str) {
    let cmd = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(cmd).arg(url).spawn();
}
