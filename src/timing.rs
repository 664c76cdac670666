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
    let cpu_before = cpu_ms();
    let out = f();
    let cpu = match (cpu_before, cpu_ms()) {
        (Some(a), Some(b)) => format!(", cpu {} ms", b.saturating_sub(a)),
        _ => String::new(),
    };
    eprintln!(
        "[timing] {name}: {:.1} ms{cpu}{}",
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

/// The CPU time all the process's threads have used so far (user and system), in ms, where
/// the system says (Linux; counted in ticks of 10 ms). Against a phase's elapsed time it shows
/// how many cores the phase kept busy.
fn cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name may hold spaces; the fields after it are plain numbers.
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace();
    let user: u64 = fields.nth(11)?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some((user + system) * 10)
}

/// Prints what a phase found (how much work it could skip) when timings are on.
pub fn note(what: impl FnOnce() -> String) {
    if enabled() {
        eprintln!("[timing] {}", what());
    }
}
