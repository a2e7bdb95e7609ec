//! Thin entry point: parse the command line, run the command, map the outcome to an exit code
//! (0 ok, 1 the command failed, 2 usage — clap's own exit for usage errors).

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    match proctor::cli::run(proctor::cli::Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            // Not eprintln!: a closed standard error must not turn a message into a panic.
            let _ = writeln!(std::io::stderr(), "proctor: {e}");
            ExitCode::from(1)
        }
    }
}
