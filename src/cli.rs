//! The command line: clap definitions and the commands that need no terminal UI.

use crate::bank::{self, Bank, BankError};
use crate::blueprint::Blueprint;
use crate::exam::{Feedback, Mode, PaperRequest, Scope, assemble};
use crate::report;
use crate::store::{self, Access, Records, Store, StoreError};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::fmt;
use std::path::PathBuf;
use std::process::ExitCode;

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

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        CliError(e.to_string())
    }
}

impl From<crate::exam::AssemblyError> for CliError {
    fn from(e: crate::exam::AssemblyError) -> Self {
        CliError(format!("cannot assemble the paper: {e}"))
    }
}

impl From<BankError> for CliError {
    fn from(e: BankError) -> Self {
        CliError(e.to_string())
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode, CliError> {
    let global = &cli.global;
    let blueprint = Blueprint::dop_c02();
    let out = |text: String| {
        println!("{}", text.trim_end_matches('\n'));
        Ok(ExitCode::SUCCESS)
    };
    match cli.command {
        Some(Command::Bank {
            command: BankCommand::Stats { json },
        }) => out(bank_stats(global, &blueprint, json)?),
        Some(Command::Bank {
            command: BankCommand::Lint,
        }) => {
            let (report, failed) = bank_lint(global, &blueprint)?;
            println!("{report}");
            Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Some(Command::History { json }) => {
            let store = open_store(global, Access::ReadOnly)?;
            let attempts = store.attempts();
            if json {
                out(report::history_json(&attempts, &blueprint))
            } else {
                out(report::history_table(&attempts, &blueprint))
            }
        }
        Some(Command::Export { id, format }) => {
            let store = open_store(global, Access::ReadOnly)?;
            let attempt = store.attempt(Some(&id))?;
            out(match format {
                ExportFormat::Json => report::export_json(attempt, &blueprint),
                ExportFormat::Csv => report::export_csv(attempt, &blueprint),
                ExportFormat::Md => {
                    let bank = load_bank(global, &blueprint)?;
                    report::export_markdown(attempt, &blueprint, &bank)
                }
            })
        }
        command => interactive(global, blueprint, command),
    }
}

/// The data dir: --data-dir, else PROCTOR_DATA_DIR (clap reads both), else the platform's.
pub fn data_dir(global: &GlobalArgs) -> Result<PathBuf, CliError> {
    global
        .data_dir
        .clone()
        .or_else(store::default_dir)
        .ok_or_else(|| {
            CliError("no data dir: this platform has no home folder; give --data-dir DIR".into())
        })
}

fn open_store(global: &GlobalArgs, access: Access) -> Result<Store, CliError> {
    let store = Store::open(&data_dir(global)?, access)?;
    for warning in &store.warnings {
        eprintln!("proctor: {warning}");
    }
    Ok(store)
}

/// A seed for a new paper when none is given: the clock's nanoseconds, mixed.
fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    nanos.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ u64::from(std::process::id())
}

/// What an interactive command opens on.
#[cfg_attr(not(feature = "tui"), allow(dead_code))]
enum Opening {
    Home,
    Session(crate::exam::Session),
    AttemptReview(store::Attempt),
}

fn interactive(
    global: &GlobalArgs,
    blueprint: Blueprint,
    command: Option<Command>,
) -> Result<ExitCode, CliError> {
    let bank = load_bank(global, &blueprint)?;
    let store = open_store(global, Access::Exclusive)?;
    let clock = crate::clock::SystemClock::default();
    use crate::clock::Clock;
    let new_session = |request: PaperRequest| -> Result<Opening, CliError> {
        let paper = assemble(&blueprint, &bank, &request, &store.seen_counts())?;
        Ok(Opening::Session(crate::exam::Session::new(
            paper,
            clock.now(),
        )))
    };
    let opening = match command {
        None => Opening::Home,
        Some(Command::Exam { seed, time_limit }) => {
            if store.progress(Mode::Exam).is_some() {
                return Err(CliError(
                    "an exam is in progress: `proctor resume` continues it (or open `proctor` and choose)".into(),
                ));
            }
            let mut request = PaperRequest::full_exam(&blueprint, seed.unwrap_or_else(fresh_seed));
            if time_limit.is_some() {
                request.time_limit_secs = time_limit;
            }
            new_session(request)?
        }
        Some(Command::Drill {
            domain,
            task,
            count,
            feedback,
            seed,
            time_limit,
        }) => {
            let scope = match (domain, task) {
                (Some(d), _) => Scope::Domain { domain: d },
                (None, Some(t)) => Scope::Task { task: t },
                (None, None) => unreachable!("clap requires --domain or --task"),
            };
            let available = bank
                .questions()
                .iter()
                .filter(|q| match &scope {
                    Scope::Domain { domain } => q.domain == *domain,
                    Scope::Task { task } => &q.task == task,
                    _ => true,
                })
                .count();
            new_session(PaperRequest {
                mode: Mode::Drill,
                scope,
                count: count.unwrap_or(available.min(10)),
                seed: seed.unwrap_or_else(fresh_seed),
                time_limit_secs: time_limit,
                feedback: match feedback {
                    FeedbackArg::Now => Feedback::Now,
                    FeedbackArg::End => Feedback::End,
                },
            })?
        }
        Some(Command::Resume) => match store.in_progress() {
            Some(session) => Opening::Session(session),
            None => return Err(CliError("there is no exam in progress to resume".into())),
        },
        Some(Command::Review {
            missed: true,
            count,
            ..
        }) => {
            let ids = store.missed();
            if ids.is_empty() {
                return Err(CliError(
                    "nothing to review: no question's latest answer was wrong".into(),
                ));
            }
            new_session(PaperRequest {
                mode: Mode::Review,
                count: count.unwrap_or(ids.len()).min(ids.len()),
                scope: Scope::Questions { ids },
                seed: fresh_seed(),
                time_limit_secs: None,
                feedback: Feedback::Now,
            })?
        }
        Some(Command::Review { attempt, .. }) => {
            Opening::AttemptReview(store.attempt(attempt.as_deref())?.clone())
        }
        Some(_) => unreachable!("non-interactive commands are handled by run"),
    };
    launch(blueprint, bank, store, clock, opening)
}

#[cfg(feature = "tui")]
fn launch(
    blueprint: Blueprint,
    bank: Bank,
    store: Store,
    clock: crate::clock::SystemClock,
    opening: Opening,
) -> Result<ExitCode, CliError> {
    use crate::tui::{self, Context, Start};
    let start = match opening {
        Opening::Home => Start::Home,
        Opening::Session(s) => Start::Session(s),
        Opening::AttemptReview(a) => Start::AttemptReview(a),
    };
    let context = Context {
        blueprint,
        bank,
        records: Box::new(store),
        clock: Box::new(clock),
        seeds: Box::new(fresh_seed),
    };
    tui::run(context, start).map_err(|e| CliError(format!("terminal error: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "tui"))]
fn launch(
    _: Blueprint,
    _: Bank,
    _: Store,
    _: crate::clock::SystemClock,
    _: Opening,
) -> Result<ExitCode, CliError> {
    Err(CliError(
        "this build has no terminal UI (built without the `tui` feature); available: bank, history, export".into(),
    ))
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
pub fn bank_stats(
    global: &GlobalArgs,
    blueprint: &Blueprint,
    json: bool,
) -> Result<String, CliError> {
    let bank = load_bank(global, blueprint)?;
    let stats = bank::stats::bank_stats(&bank, blueprint);
    Ok(if json {
        crate::safe_text::json(serde_json::to_string_pretty(&stats).expect("stats serialize"))
    } else {
        stats.render()
    })
}

/// `proctor bank lint`: the report, and whether it found errors.
pub fn bank_lint(global: &GlobalArgs, blueprint: &Blueprint) -> Result<(String, bool), CliError> {
    let files = match &global.bank {
        None => bank::embedded_files(),
        Some(dir) => bank::read_dir_files(dir)?,
    };
    let (questions, errors) = bank::parse_files(&files, blueprint);
    let report = bank::lint::lint(&questions, &errors, blueprint);
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
