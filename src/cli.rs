//! The command line: clap definitions and the commands that need no terminal UI.

use crate::bank::{self, Bank, BankError};
use crate::blueprint::Blueprint;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "proctor",
    version,
    about = "Practice exams for AWS Certified DevOps Engineer – Professional (DOP-C02)",
    long_about = "Practice exams for AWS Certified DevOps Engineer – Professional (DOP-C02).\n\
                  With no command, opens the home screen: start a mock, drill a domain or task, \
                  review missed answers, browse history."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct GlobalArgs {
    /// A folder of question files to use instead of the built-in bank.
    #[arg(long, global = true, value_name = "DIR")]
    pub bank: Option<PathBuf>,
    /// Where attempt history and the exam in progress are kept.
    #[arg(long, global = true, value_name = "DIR", env = "PROCTOR_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sit a full timed mock exam (75 questions, 180 minutes, feedback at the end).
    Exam {
        /// Seed for question choice and option order; the same seed gives the same paper.
        #[arg(long)]
        seed: Option<u64>,
        /// Override the time limit, e.g. 90m, 45s, 1h30m.
        #[arg(long, value_parser = parse_duration_secs, value_name = "DURATION")]
        time_limit: Option<u64>,
    },
    /// Drill one domain or task statement, with the explanation after each answer.
    Drill {
        /// Domain number, 1–6.
        #[arg(long, conflicts_with = "task", required_unless_present = "task")]
        domain: Option<u8>,
        /// Task statement, e.g. 1.4.
        #[arg(long)]
        task: Option<String>,
        /// How many questions (default 10, or all the scope has if fewer).
        #[arg(long)]
        count: Option<usize>,
        /// When to show whether an answer was right.
        #[arg(long, value_enum, default_value_t = FeedbackArg::Now)]
        feedback: FeedbackArg,
        #[arg(long)]
        seed: Option<u64>,
        /// Pace the drill with a time limit, e.g. 20m.
        #[arg(long, value_parser = parse_duration_secs, value_name = "DURATION")]
        time_limit: Option<u64>,
    },
    /// Continue the exam in progress where it was left.
    Resume,
    /// Review answers: the latest attempt, one attempt, or a drill of what you missed.
    Review {
        /// Drill the questions whose latest answer was wrong or unanswered.
        #[arg(long, conflicts_with = "attempt")]
        missed: bool,
        /// The attempt to walk through (default: the latest).
        #[arg(long, value_name = "ID")]
        attempt: Option<String>,
        /// With --missed: at most this many questions.
        #[arg(long, requires = "missed")]
        count: Option<usize>,
    },
    /// Past attempts, newest first.
    History {
        /// Print the stable JSON schema described in the README.
        #[arg(long)]
        json: bool,
    },
    /// Write one attempt as JSON, CSV or Markdown to standard output.
    Export {
        id: String,
        #[arg(long, value_enum)]
        format: ExportFormat,
    },
    /// Inspect the question bank.
    Bank {
        #[command(subcommand)]
        command: BankCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Questions by domain, task statement, kind and service.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Check every machine-checkable rule of the question-writing guide.
    Lint,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FeedbackArg {
    Now,
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Md,
}

/// A command that failed: the message says why and what to do. Exit status 1.
#[derive(Debug)]
pub struct CliError(pub String);

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CliError {}

impl From<BankError> for CliError {
    fn from(e: BankError) -> Self {
        CliError(e.to_string())
    }
}

/// "90m", "45s", "1h30m", "2h"; a bare number is minutes. Returns seconds.
pub fn parse_duration_secs(text: &str) -> Result<u64, String> {
    let text = text.trim();
    if let Ok(minutes) = text.parse::<u64>() {
        return positive(minutes * 60, text);
    }
    let mut total = 0u64;
    let mut number = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => {
                return Err(format!(
                    "\"{text}\" is not a duration like 90m, 45s or 1h30m"
                ));
            }
        };
        let n: u64 = number
            .parse()
            .map_err(|_| format!("\"{text}\" is not a duration like 90m, 45s or 1h30m"))?;
        total += n * unit;
        number.clear();
    }
    if !number.is_empty() {
        return Err(format!(
            "\"{text}\": give a unit after {number} (h, m or s)"
        ));
    }
    positive(total, text)
}

fn positive(secs: u64, text: &str) -> Result<u64, String> {
    if secs == 0 {
        Err(format!("\"{text}\": the time limit must be more than zero"))
    } else {
        Ok(secs)
    }
}

/// The bank the command line asks for: `--bank DIR`, else the built-in one.
pub fn load_bank(global: &GlobalArgs, blueprint: &Blueprint) -> Result<Bank, CliError> {
    Ok(match &global.bank {
        Some(dir) => Bank::from_dir(dir, blueprint)?,
        None => Bank::embedded(blueprint)?,
    })
}

/// `proctor bank stats`.
pub fn bank_stats(global: &GlobalArgs, json: bool) -> Result<String, CliError> {
    let blueprint = Blueprint::dop_c02();
    let bank = load_bank(global, &blueprint)?;
    let stats = bank::stats::bank_stats(&bank, &blueprint);
    Ok(if json {
        serde_json::to_string_pretty(&stats).expect("stats serialize")
    } else {
        stats.render()
    })
}

/// `proctor bank lint`: the report, and whether it found errors.
pub fn bank_lint(global: &GlobalArgs) -> Result<(String, bool), CliError> {
    let blueprint = Blueprint::dop_c02();
    let files = match &global.bank {
        None => bank::embedded_files(),
        Some(dir) => bank::read_dir_files(dir)?,
    };
    let (questions, errors) = bank::parse_files(&files, &blueprint);
    let report = bank::lint::lint(&questions, &errors, &blueprint);
    Ok((report.render(), report.errors() > 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration_secs("180m"), Ok(10_800));
        assert_eq!(parse_duration_secs("45s"), Ok(45));
        assert_eq!(parse_duration_secs("1h30m"), Ok(5_400));
        assert_eq!(parse_duration_secs("90"), Ok(5_400));
        assert!(parse_duration_secs("0s").is_err());
        assert!(parse_duration_secs("10x").is_err());
        assert!(parse_duration_secs("1h30").is_err());
    }
}
