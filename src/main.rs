use std::process::ExitCode;

/// Builds allocate and free millions of small strings from both cores; mimalloc does that with
/// less locking and returns less memory to the system only to ask for it again.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    prongsai::cmd::run()
}
