//! `prongsai deploy`: the last build to the host, only what changed (`crate::deploy`).

use std::io::IsTerminal;
use std::time::Instant;

use crate::cli::{DeployArgs, Global};
use crate::cmd::{Failure, Outcome, progress};
use crate::deploy::{self, Stop, Target, parse_target};
use crate::diagnostic::{Lang, Msg};
use crate::site::Source;

/// The environment variable a password is read from.
pub const PASSWORD_VAR: &str = "PRONGSAI_DEPLOY_PASSWORD";

pub fn execute(args: &DeployArgs, g: Global) -> Outcome {
    let started = Instant::now();
    let url = match &args.to {
        Some(u) => u.clone(),
        None => configured_url(&args.root)?,
    };
    let target = parse_target(&url).map_err(Failure::System)?;
    let public = args.out.clone().unwrap_or_else(|| args.root.join("public"));
    if !public.join(crate::build::MANIFEST).is_file() {
        return Err(Failure::system(
            format!(
                "ไม่พบเว็บไซต์ที่สร้างแล้วใน {}: สั่ง prongsai build ก่อน แล้วจึง deploy",
                public.display()
            ),
            format!(
                "no built site in {}: run prongsai build first, then deploy",
                public.display()
            ),
        ));
    }
    let local = deploy::scan(&public).map_err(|e| {
        Failure::system(
            format!("อ่าน {} ไม่ได้: {e}", public.display()),
            format!("cannot read {}: {e}", public.display()),
        )
    })?;
    let password = match &target {
        Target::File(_) => None,
        // SSH keys first; a password only when one is given.
        Target::Sftp { .. } => std::env::var(PASSWORD_VAR).ok(),
        Target::Ftp { .. } => Some(password(&target, g)?),
    };
    progress(
        g,
        &format!("ส่งเว็บไซต์ไปที่ {}", target.shown()),
        &format!("deploying to {}", target.shown()),
    );
    let mut host = deploy::connect(&target, password).map_err(|s| stop(s, g))?;
    let verbose = g.verbose;
    let bar = !g.quiet && !verbose && std::io::stderr().is_terminal();
    let mut shown = false;
    let mut each = |s: &deploy::Step| {
        if verbose {
            let (th, en) = if s.sent {
                (format!("ส่ง {}", s.rel), format!("sent {}", s.rel))
            } else {
                (format!("ลบ {}", s.rel), format!("removed {}", s.rel))
            };
            progress(g, &th, &en);
        } else if bar {
            // A bar of 30 cells by bytes, with the counts beside it.
            let part = if s.bytes_total == 0 {
                1.0
            } else {
                s.bytes_done as f64 / s.bytes_total as f64
            };
            let cells = (part * 30.0).round() as usize;
            eprint!(
                "\r[{}{}] {}/{} ไฟล์ {}/{} KB",
                "#".repeat(cells),
                " ".repeat(30 - cells.min(30)),
                s.files_done,
                s.files_total,
                s.bytes_done.div_ceil(1024),
                s.bytes_total.div_ceil(1024)
            );
            shown = true;
        }
    };
    let summary = deploy::deploy(host.as_mut(), &local, args.force, args.dry_run, &mut each)
        .map_err(|s| stop(s, g))?;
    if shown {
        eprintln!();
    }
    let secs = started.elapsed().as_secs_f64();
    let kb = summary.bytes.div_ceil(1024);
    if args.dry_run {
        for rel in &summary.sent {
            crate::cmd::stdout_line(&format!("send {rel}"));
        }
        for rel in &summary.deleted {
            crate::cmd::stdout_line(&format!("remove {rel}"));
        }
        progress(
            g,
            &format!(
                "(ทดลอง: ยังไม่ได้ส่งหรือลบสิ่งใด) จะส่ง {} ไฟล์ ({kb} KB) ลบ {} ไฟล์ ไม่เปลี่ยน {} ไฟล์",
                summary.sent.len(),
                summary.deleted.len(),
                summary.unchanged
            ),
            &format!(
                "(dry run: nothing sent or removed) would send {} files ({kb} KB), remove {}, leave {} unchanged",
                summary.sent.len(),
                summary.deleted.len(),
                summary.unchanged
            ),
        );
        return Ok(());
    }
    progress(
        g,
        &format!(
            "ส่งเว็บไซต์แล้ว: ส่ง {} ไฟล์ ({kb} KB) ลบ {} ไฟล์ ไม่เปลี่ยน {} ไฟล์ ใน {secs:.2} วินาที → {}",
            summary.sent.len(),
            summary.deleted.len(),
            summary.unchanged,
            target.shown()
        ),
        &format!(
            "deployed: sent {} files ({kb} KB), removed {}, {} unchanged, in {secs:.2} s → {}",
            summary.sent.len(),
            summary.deleted.len(),
            summary.unchanged,
            target.shown()
        ),
    );
    Ok(())
}

fn configured_url(root: &std::path::Path) -> Result<String, Failure> {
    let source = Source::read(
        root,
        std::path::Path::new(crate::site::config::Config::FILE),
    )
    .map_err(|d| Failure::System(d.message.clone()))?;
    let config = crate::site::config::Config::load(&source, None)
        .map_err(|d| Failure::System(d.message.clone()))?;
    config.deploy.map(|d| d.url).ok_or_else(|| {
        Failure::system(
            "ยังไม่ได้บอกว่าจะส่งเว็บไซต์ไปที่ใด: เพิ่มใน content/site.yaml เช่น deploy: {url: ftps://ชื่อผู้ใช้@ftp.example.go.th/public_html} หรือสั่ง prongsai deploy --to ที่อยู่",
            "no deploy address: add e.g. deploy: {url: ftps://user@ftp.example.go.th/public_html} to content/site.yaml, or give --to",
        )
    })
}

/// The password: from the environment, else asked on the terminal. Never printed.
fn password(target: &Target, g: Global) -> Result<String, Failure> {
    if let Ok(p) = std::env::var(PASSWORD_VAR) {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::system(
            format!(
                "ต้องใช้รหัสผ่านของ {}: ตั้งตัวแปร {PASSWORD_VAR} หรือสั่งจากหน้าต่างคำสั่งเพื่อพิมพ์รหัสผ่าน",
                target.shown()
            ),
            format!(
                "{} needs a password: set {PASSWORD_VAR}, or run from a terminal to type it",
                target.shown()
            ),
        ));
    }
    let prompt = if g.lang == Lang::Th {
        format!("รหัสผ่านของ {}: ", target.shown())
    } else {
        format!("password for {}: ", target.shown())
    };
    rpassword::prompt_password(prompt).map_err(|e| {
        Failure::system(
            format!("อ่านรหัสผ่านไม่ได้: {e}"),
            format!("cannot read the password: {e}"),
        )
    })
}

/// A stop as the staff see it: exit 2, with what to do.
fn stop(s: Stop, g: Global) -> Failure {
    let _ = g;
    match s {
        Stop::Host(m) => Failure::System(m),
        Stop::Changed(files) => Failure::System(Msg::new(
            format!(
                "ไฟล์บนเครื่องแม่ข่ายถูกแก้ไขโดยไม่ผ่าน prongsai {} ไฟล์: {} จึงไม่ได้ส่งหรือลบสิ่งใด (ตรวจว่าใครแก้ ถ้าต้องการแทนที่ด้วยเว็บไซต์ที่สร้างล่าสุด ให้สั่ง prongsai deploy --force)",
                files.len(),
                files.join(", ")
            ),
            format!(
                "{} files on the host were changed outside prongsai: {}; nothing was sent or removed (check who changed them; to replace them with the last build, run prongsai deploy --force)",
                files.len(),
                files.join(", ")
            ),
        )),
        Stop::Foreign(files) => Failure::System(Msg::new(
            format!(
                "บนเครื่องแม่ข่ายมีไฟล์ที่ prongsai ไม่ได้ส่งไว้ ในตำแหน่งที่เว็บไซต์จะใช้ {} ไฟล์: {} จึงไม่ได้ส่งสิ่งใด (ย้ายไฟล์เหล่านั้นออก หรือสั่ง prongsai deploy --force เพื่อแทนที่)",
                files.len(),
                files.join(", ")
            ),
            format!(
                "{} files on the host that prongsai did not put there are where the site's files go: {}; nothing was sent (move them away, or run prongsai deploy --force to replace them)",
                files.len(),
                files.join(", ")
            ),
        )),
    }
}
