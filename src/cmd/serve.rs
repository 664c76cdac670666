//! `prongsai serve`: see [`crate::serve`].

use crate::cli::{Global, ServeArgs};
use crate::cmd::{Failure, Outcome};
use crate::diagnostic::Lang;
use crate::serve::{ServeOptions, StartError, start, wait_forever};
use crate::site::LoadOptions;

pub fn execute(args: &ServeArgs, g: Global) -> Outcome {
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
        allow_hosts: args.allow_hosts.clone(),
    };
    let server = match start(&opts) {
        Ok(s) => s,
        Err(StartError::Build(message)) => {
            eprintln!("{}", message.get(g.lang));
            return Err(Failure::Content);
        }
        // A port or a watcher the machine will not give: not the content's fault.
        Err(StartError::System(message)) => return Err(Failure::System(message)),
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
    }
    if server.addr.ip().is_unspecified() {
        // What a phone on the office network can open: said even under -q, since it is what
        // --bind 0.0.0.0 was asked for.
        let urls = lan_urls(server.addr.port(), &base);
        match (g.lang, urls.is_empty()) {
            (Lang::Th, false) => eprintln!(
                "โทรศัพท์หรือเครื่องอื่นในเครือข่ายเดียวกันเปิดได้ที่ {}",
                urls.join(" หรือ ")
            ),
            (Lang::En, false) => eprintln!(
                "phones and other computers on the same network can open {}",
                urls.join(" or ")
            ),
            (Lang::Th, true) => eprintln!(
                "เครื่องนี้ยังไม่ได้ต่อเครือข่าย: เมื่อต่อแล้วเครื่องอื่นเปิดได้ที่ http://ที่อยู่-IP-ของเครื่องนี้:{}{base}",
                server.addr.port()
            ),
            (Lang::En, true) => eprintln!(
                "this computer is on no network: once it is, others can open http://ITS-IP-ADDRESS:{}{base}",
                server.addr.port()
            ),
        }
    }
    if args.open {
        open_browser(&url);
    }
    wait_forever();
    Ok(())
}

/// The addresses of this computer on its networks (IPv4, not loopback), as URLs of the site.
fn lan_urls(port: u16, base: &str) -> Vec<String> {
    let mut urls: Vec<String> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| !i.is_loopback())
        .filter_map(|i| match i.ip() {
            std::net::IpAddr::V4(ip) if !ip.is_link_local() => {
                Some(format!("http://{ip}:{port}{base}"))
            }
            _ => None,
        })
        .collect();
    urls.sort();
    urls.dedup();
    urls
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
