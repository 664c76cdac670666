//! Progress of a long build on a terminal: after a second, one line on stderr rewritten in
//! place (pages rendered of total, files written of total). Quiet when stderr is not a
//! terminal, with `-q`, or for builds that finish within the second.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

static RENDERED: AtomicUsize = AtomicUsize::new(0);
static TO_RENDER: AtomicUsize = AtomicUsize::new(0);
static WRITTEN: AtomicUsize = AtomicUsize::new(0);
static TO_WRITE: AtomicUsize = AtomicUsize::new(0);

/// Pages about to be rendered.
pub fn rendering(total: usize) {
    TO_RENDER.fetch_add(total, Ordering::Relaxed);
}

pub fn rendered() {
    RENDERED.fetch_add(1, Ordering::Relaxed);
}

/// Files about to be written.
pub fn writing(total: usize) {
    TO_WRITE.store(total, Ordering::Relaxed);
}

pub fn wrote() {
    WRITTEN.fetch_add(1, Ordering::Relaxed);
}

/// Shows progress until dropped.
pub struct Reporter {
    done: Arc<AtomicBool>,
    shown: Arc<Mutex<bool>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Reporter {
    /// Starts reporting, unless `quiet` or stderr is not a terminal.
    pub fn start(quiet: bool, thai: bool) -> Self {
        let done = Arc::new(AtomicBool::new(false));
        let shown = Arc::new(Mutex::new(false));
        let thread = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let (done, shown) = (Arc::clone(&done), Arc::clone(&shown));
            std::thread::spawn(move || {
                let start = Instant::now();
                while !done.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(100));
                    if start.elapsed() < Duration::from_secs(1) || done.load(Ordering::Relaxed) {
                        continue;
                    }
                    let (r, rt) = (
                        RENDERED.load(Ordering::Relaxed),
                        TO_RENDER.load(Ordering::Relaxed),
                    );
                    let (w, wt) = (
                        WRITTEN.load(Ordering::Relaxed),
                        TO_WRITE.load(Ordering::Relaxed),
                    );
                    let line = match (thai, wt) {
                        (true, 0) => format!("กำลังสร้างหน้า {r}/{rt}"),
                        (true, _) => format!("กำลังเขียนไฟล์ {w}/{wt}"),
                        (false, 0) => format!("rendering pages {r}/{rt}"),
                        (false, _) => format!("writing files {w}/{wt}"),
                    };
                    let mut shown = shown.lock().unwrap_or_else(PoisonError::into_inner);
                    *shown = true;
                    let _ = write!(std::io::stderr(), "\r\x1b[2K{line}");
                    let _ = std::io::stderr().flush();
                }
            })
        });
        Self {
            done,
            shown,
            thread,
        }
    }
}

impl Drop for Reporter {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        if *self.shown.lock().unwrap_or_else(PoisonError::into_inner) {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}
