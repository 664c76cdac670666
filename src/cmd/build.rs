//! `prongsai build`

use std::time::Instant;

use crate::cli::{BuildArgs, Global};
use crate::cmd::{Failure, Outcome, progress, report};
use crate::site::LoadOptions;

pub fn execute(args: &BuildArgs, g: Global) -> Outcome {
    let start = Instant::now();
    let options = LoadOptions {
        base_url: args.base_url.clone(),
        drafts: args.drafts,
        today: None,
    };
    let thai = g.lang == crate::diagnostic::Lang::Th;
    let reporter = crate::progress::Reporter::start(g.quiet, thai);
    let out = args.out.clone().unwrap_or_else(|| args.root.join("public"));
    // What earlier builds into this output left to reuse; nothing is written to it unless
    // this build's output is written.
    let store = crate::cache::Store::beside(&out);
    // The output folder, opened before rendering: the pages it holds are not rendered again,
    // and the others are written into its staging folder as they are rendered.
    let opened = crate::build::Stream::before_render(&out, &args.root, store.as_ref());
    let to = crate::build::Destination {
        store: store.as_ref(),
        previous: opened.as_ref().and_then(|o| o.previous()),
        sink: opened.as_ref().map(|o| o as &dyn crate::output::PageSink),
    };
    let (built, diags) = crate::build::build_stored(&args.root, &options, to);
    drop(reporter);
    report(&diags, g);
    let Some((site, outputs)) = built else {
        progress(
            g,
            "สร้างเว็บไซต์ไม่สำเร็จ: แก้ข้อผิดพลาดข้างต้นแล้วสั่งใหม่ (เว็บไซต์เดิมยังอยู่ครบ ไม่มีการเปลี่ยนแปลง)",
            "build failed: fix the errors above and run again (the previous output is untouched)",
        );
        return Err(Failure::Content);
    };
    let rendered = start.elapsed();
    let reporter = crate::progress::Reporter::start(g.quiet, thai);
    let written = crate::build::write(&outputs, &out, &args.root, store.as_ref(), opened);
    drop(reporter);
    match written {
        Ok(stats) => {
            let pages = outputs.pages().count();
            let ms = start.elapsed().as_millis();
            if g.verbose {
                let (made, wrote) = (
                    rendered.as_millis(),
                    (start.elapsed() - rendered).as_millis(),
                );
                let kept = outputs
                    .files
                    .iter()
                    .filter(|(k, b)| {
                        k.ends_with(".html") && matches!(b, crate::output::Body::Kept(_))
                    })
                    .count();
                progress(
                    g,
                    &format!(
                        "อ่าน ตรวจ และสร้างหน้า {made} ms (ใช้หน้าเดิมที่ไม่เปลี่ยน {kept} หน้า), เขียนไฟล์ {wrote} ms"
                    ),
                    &format!(
                        "load+check+render {made} ms ({kept} unchanged pages kept), write {wrote} ms"
                    ),
                );
            }
            progress(
                g,
                &format!(
                    "สร้างเว็บไซต์เสร็จ: {pages} หน้า {} ไฟล์ ({:.1} MB, เขียนใหม่ {} ไฟล์) ใน {ms} ms → {}",
                    stats.files,
                    mb(stats.bytes),
                    stats.written,
                    out.display()
                ),
                &format!(
                    "built {pages} pages, {} files ({:.1} MB, {} written) in {ms} ms → {}",
                    stats.files,
                    mb(stats.bytes),
                    stats.written,
                    out.display()
                ),
            );
            left_out(&site, g);
            compliance_summary(&site, g);
            // The process ends here: let the system take the memory back at once rather than
            // freeing a large site's millions of allocations one by one.
            std::mem::forget(outputs);
            std::mem::forget(site);
            Ok(())
        }
        Err(d) => {
            // The content is fine; the folder could not or may not be written.
            eprint!("{}", d.render(g.lang));
            Err(Failure::SystemReported)
        }
    }
}

/// One line for each kind of document the build left out, with how to publish it. Said even
/// under `-q`: staff must not believe a notice is published when it is not.
fn left_out(site: &crate::site::Site, g: Global) {
    use crate::site::Withheld;
    let n = crate::thai::numerals::Numerals::Arabic;
    let list = |future: bool| -> Vec<String> {
        site.unpublished
            .iter()
            .filter_map(|u| match (u.why, future) {
                (Withheld::Draft, false) => Some(u.path.display().to_string()),
                (Withheld::Future(d), true) => Some(format!(
                    "{} ({})",
                    u.path.display(),
                    crate::thai::calendar::format_date(d, n)
                )),
                _ => None,
            })
            .collect()
    };
    let say = |th: String, en: String| {
        eprintln!(
            "{}",
            if g.lang == crate::diagnostic::Lang::Th {
                th
            } else {
                en
            }
        );
    };
    let drafts = list(false);
    if !drafts.is_empty() {
        say(
            format!(
                "ไม่ได้เผยแพร่ฉบับร่าง {} ฉบับ: {} (เผยแพร่ได้โดยแก้เป็น draft: false แล้วสั่ง build อีกครั้ง)",
                drafts.len(),
                drafts.join(", ")
            ),
            format!(
                "left out {} draft(s): {} (set draft: false and build again to publish)",
                drafts.len(),
                drafts.join(", ")
            ),
        );
    }
    let future = list(true);
    if !future.is_empty() {
        say(
            format!(
                "ไม่ได้เผยแพร่ {} ฉบับที่ลงวันที่หลังวันนี้: {} (จะเผยแพร่เมื่อสั่ง build ในวันนั้นหรือหลังจากนั้น หรือแก้วันที่ถ้าพิมพ์ผิด)",
                future.len(),
                future.join(", ")
            ),
            format!(
                "left out {} document(s) dated after today: {} (they are published by a build on or after that day; correct the date if it is a typo)",
                future.len(),
                future.join(", ")
            ),
        );
    }
}

/// One line on what the disclosure rules still miss; `prongsai check` gives the details.
fn compliance_summary(site: &crate::site::Site, g: Global) {
    let as_of = crate::compliance::judged_on(site, None);
    let findings = crate::compliance::report(site, as_of).len();
    let fy = crate::thai::calendar::FiscalYear::of(as_of).be();
    if findings == 0 {
        progress(
            g,
            &format!("การเปิดเผยข้อมูลปีงบประมาณ {fy}: ครบถ้วน"),
            &format!("disclosure for fiscal year {fy}: complete"),
        );
    } else {
        progress(
            g,
            &format!(
                "การเปิดเผยข้อมูลปีงบประมาณ {fy}: ยังขาด {findings} รายการ (ดูรายละเอียดด้วย prongsai check)"
            ),
            &format!(
                "disclosure for fiscal year {fy}: {findings} item(s) missing (details: prongsai check)"
            ),
        );
    }
}

#[allow(clippy::cast_precision_loss)]
fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}
