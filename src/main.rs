use std::process::ExitCode;

fn main() -> ExitCode {
    prongsai::cli::run()
}
