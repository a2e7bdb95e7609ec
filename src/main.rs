//! Thin entry point: parse the command line, run the command, map the outcome to an exit code
//! (0 ok, 1 the command failed, 2 usage — clap's own exit for usage errors).

use clap::Parser;
use proctor::cli::{self, BankCommand, Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("proctor: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, cli::CliError> {
    match cli.command {
        Some(Command::Bank { command: BankCommand::Stats { json } }) => {
            println!("{}", cli::bank_stats(&cli.global, json)?);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Bank { command: BankCommand::Lint }) => {
            let (report, failed) = cli::bank_lint(&cli.global)?;
            println!("{report}");
            Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        _ => Err(cli::CliError(
            "the exam screens are not built yet; available now: `proctor bank stats`, `proctor bank lint`".into(),
        )),
    }
}
