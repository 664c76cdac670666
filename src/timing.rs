//! Phase timings on stderr when `PRONGSAI_TIMINGS` is set: where a build spends its time, for
//! profiling without a profiler.

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("PRONGSAI_TIMINGS").is_some())
}

/// Runs `f`, printing how long it took when timings are on.
pub fn phase<T>(name: &str, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let start = Instant::now();
    let out = f();
    eprintln!(
        "[timing] {name}: {:.1} ms{}",
        start.elapsed().as_secs_f64() * 1000.0,
        resident()
            .map(|m| format!(", resident {m} MiB"))
            .unwrap_or_default()
    );
    out
}

/// The memory the process holds now, in MiB, where the system says (Linux).
fn resident() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some((pages * 4096) >> 20)
}

/// Prints what a phase found (how much work it could skip) when timings are on.
pub fn note(what: impl FnOnce() -> String) {
    if enabled() {
        eprintln!("[timing] {}", what());
    }
}
