//! The command line: clap definitions, and each command as a call into the practice layer
//! ([`crate::practice`]) or a report. Interactive commands start or resume their attempt here,
//! so that a refusal is a message on stderr before any screen opens, then hand the practice
//! layer to a front end: the terminal UI, or the line mode with `--plain`.

use crate::bank::{self, BankError};
use crate::blueprint::Blueprint;
use crate::exam::{Feedback, Mode, Scope};
use crate::interop;
use crate::practice::setup::{Setup, SetupError};
use crate::practice::{
    self, IfInProgress, NewAttempt, Opening, Practice, PracticeError, mode_phrase, policy,
};
use crate::report;
use crate::store::{Access, Records, StoreError};
use crate::study;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
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
    /// A folder of question files to use instead of the built-in bank (with its own
    /// blueprint.toml, it is another exam).
    #[arg(long, global = true, value_name = "DIR")]
    pub bank: Option<PathBuf>,
    /// The exam: a built-in blueprint (dop-c02) or a blueprint file.
    #[arg(long, global = true, value_name = "CODE|FILE")]
    pub exam: Option<String>,
    /// Where attempt history and the attempts in progress are kept.
    #[arg(long, global = true, value_name = "DIR", env = "PROCTOR_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// Line mode: plain text in and out, one command per line (screen readers, scripts).
    #[arg(long, global = true)]
    pub plain: bool,
}

impl GlobalArgs {
    fn setup(&self) -> Setup {
        Setup {
            exam: self.exam.clone(),
            bank: self.bank.clone(),
            data_dir: self.data_dir.clone(),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sit a full timed mock exam (75 questions, 180 minutes, feedback at the end); with
    /// --feedback now, --count or --untimed, a practice run of it that is not counted as a mock.
    Exam {
        /// Seed for question choice and option order; the same seed gives the same paper.
        #[arg(long)]
        seed: Option<u64>,
        /// Override the time limit, e.g. 90m, 45s, 1h30m (at most 24h).
        #[arg(long, value_parser = parse_duration_secs, value_name = "DURATION", conflicts_with = "untimed")]
        time_limit: Option<u64>,
        /// When to show whether an answer was right: now gives the explanation after each.
        #[arg(long, value_enum, default_value_t = FeedbackArg::End)]
        feedback: FeedbackArg,
        /// How many questions, apportioned over the domains by the blueprint's weights (timed
        /// at the mock's pace unless --untimed).
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..=1000))]
        count: Option<u64>,
        /// No clock.
        #[arg(long)]
        untimed: bool,
        /// If a mock exam is in progress, record it as abandoned and start a new one.
        #[arg(long)]
        replace: bool,
    },
    /// Drill one domain, task statement or skill bullet, with the explanation after each answer.
    Drill {
        #[command(flatten)]
        scope: DrillScopeArgs,
        /// How many questions (default 10, or all the scope has if fewer).
        #[arg(long)]
        count: Option<usize>,
        /// When to show whether an answer was right.
        #[arg(long, value_enum, default_value_t = FeedbackArg::Now)]
        feedback: FeedbackArg,
        #[arg(long)]
        seed: Option<u64>,
        /// Pace the drill with a time limit, e.g. 20m (at most 24h).
        #[arg(long, value_parser = parse_duration_secs, value_name = "DURATION")]
        time_limit: Option<u64>,
        /// If a drill is in progress, record it as abandoned and start a new one.
        #[arg(long)]
        replace: bool,
    },
    /// Continue an attempt in progress where it was left.
    Resume {
        /// Which one, when more than one mode has an attempt in progress.
        #[arg(long, value_enum)]
        mode: Option<ModeArg>,
    },
    /// Review answers: the latest attempt, one attempt, a drill of what you missed, or what
    /// spaced review says is due.
    Review {
        /// Drill the questions whose latest answer was wrong or unanswered.
        #[arg(long, conflicts_with_all = ["attempt", "due"])]
        missed: bool,
        /// The spaced-review queue (FSRS): what is due today, misconceptions first.
        #[arg(long, conflicts_with = "attempt")]
        due: bool,
        /// With --due: print the queue as JSON (described in the README) instead of starting.
        #[arg(long, requires = "due")]
        json: bool,
        /// The attempt to walk through (default: the latest).
        #[arg(long, value_name = "ID")]
        attempt: Option<String>,
        /// With --missed or --due: at most this many questions.
        #[arg(long)]
        count: Option<usize>,
        /// With --missed or --due: if a review is in progress, record it as abandoned and
        /// start anew.
        #[arg(long)]
        replace: bool,
    },
    /// The estimated scaled score on a fresh mock, its 80% interval and the chance of passing.
    Readiness {
        #[arg(long)]
        json: bool,
    },
    /// Unseen / seen / due / mastered questions per task statement and skill bullet.
    Progress {
        #[arg(long)]
        json: bool,
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
    /// Turn quiz files (GIFT, Aiken, CSV, Markdown) into a bank folder to run with --bank.
    Import {
        /// The files to read; their questions make one bank.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The files' format (default: from the extension: .gift, .aiken, .csv, .md).
        #[arg(long, value_enum)]
        format: Option<interop::Format>,
        /// The bank folder to write: a new or empty folder.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The exam's name (default: the folder's name).
        #[arg(long, value_name = "NAME")]
        exam_name: Option<String>,
    },
    /// Inspect the question bank.
    Bank {
        #[command(subcommand)]
        command: BankCommand,
    },
}

/// What a drill takes its questions from: exactly one.
#[derive(Debug, Args, Clone)]
#[group(required = true, multiple = false)]
pub struct DrillScopeArgs {
    /// Domain number, e.g. 3.
    #[arg(long)]
    pub domain: Option<u8>,
    /// Task statement, e.g. 1.4.
    #[arg(long)]
    pub task: Option<String>,
    /// Knowledge or skill bullet of the exam guide, e.g. 3.3.s2 (`proctor bank stats` lists them).
    #[arg(long)]
    pub skill: Option<String>,
    /// The questions about one AWS service, e.g. `CodeDeploy` (`proctor bank stats` lists them).
    #[arg(long)]
    pub service: Option<String>,
    /// The questions whose text holds these words, ignoring case and spaces, e.g. "stack set".
    #[arg(long, value_name = "WORDS")]
    pub grep: Option<String>,
}

impl DrillScopeArgs {
    fn scope(&self) -> Scope {
        if let Some(domain) = self.domain {
            Scope::Domain { domain }
        } else if let Some(task) = &self.task {
            Scope::Task { task: task.clone() }
        } else if let Some(skill) = &self.skill {
            Scope::Skill {
                skill: skill.clone(),
            }
        } else if let Some(service) = &self.service {
            Scope::Service {
                service: service.clone(),
            }
        } else if let Some(text) = &self.grep {
            Scope::Grep { text: text.clone() }
        } else {
            // clap's group requires exactly one; a domain nobody has is the clearest error.
            Scope::Domain { domain: 0 }
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Questions by domain, task statement, skill bullet, kind and service; with --items,
    /// per-question statistics from your own history.
    Stats {
        #[arg(long)]
        json: bool,
        /// Per question: times asked, share correct, median time, each option's picks, and
        /// possible miskeys.
        #[arg(long)]
        items: bool,
        /// With --items: `missed` lists the most-missed first.
        #[arg(long, value_enum, requires = "items")]
        sort: Option<ItemSort>,
    },
    /// Check every machine-checkable rule of the question-writing guide.
    Lint {
        /// Also list every single-answer item's wording cues (convergence, stem echo,
        /// longest, shortest), to find the ones to rewrite.
        #[arg(long)]
        items: bool,
    },
    /// Write the whole bank as GIFT (Moodle), an Anki text file, or CSV.
    Export {
        #[arg(long, value_enum)]
        format: interop::ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ItemSort {
    /// The bank's order.
    Id,
    /// Lowest share correct first.
    Missed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FeedbackArg {
    Now,
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    Exam,
    Drill,
    Review,
}

impl From<FeedbackArg> for Feedback {
    fn from(f: FeedbackArg) -> Feedback {
        match f {
            FeedbackArg::Now => Feedback::Now,
            FeedbackArg::End => Feedback::End,
        }
    }
}

impl From<ModeArg> for Mode {
    fn from(m: ModeArg) -> Mode {
        match m {
            ModeArg::Exam => Mode::Exam,
            ModeArg::Drill => Mode::Drill,
            ModeArg::Review => Mode::Review,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Md,
}

/// A command that failed: the message says why and what to do. Exit status 1.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Message(String),
    #[error(transparent)]
    Setup(#[from] SetupError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Bank(#[from] BankError),
    #[error("terminal error: {0}")]
    Terminal(#[from] std::io::Error),
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode, CliError> {
    let global = &cli.global;
    let setup = global.setup();
    let out = |text: String| {
        print_out(&text)?;
        Ok(ExitCode::SUCCESS)
    };
    match cli.command {
        Some(Command::Bank {
            command:
                BankCommand::Stats {
                    json,
                    items: true,
                    sort,
                },
        }) => {
            let practice = read_practice(&setup)?;
            let sort = match sort {
                Some(ItemSort::Missed) => study::items::Sort::Missed,
                _ => study::items::Sort::Id,
            };
            let rows = practice.item_stats(sort);
            out(if json {
                to_json(&rows)
            } else {
                study::items::render(&rows)
            })
        }
        Some(Command::Bank {
            command: BankCommand::Stats { json, .. },
        }) => {
            let blueprint = setup.blueprint()?;
            out(bank_stats(&setup, &blueprint, json)?)
        }
        Some(Command::Readiness { json }) => {
            let readiness = read_practice(&setup)?.readiness();
            out(if json {
                to_json(&readiness)
            } else {
                readiness_text(&readiness)
            })
        }
        Some(Command::Progress { json }) => {
            let progress = read_practice(&setup)?.progress();
            out(if json {
                to_json(&progress)
            } else {
                study::progress::render(&progress)
            })
        }
        Some(Command::Review {
            due: true,
            json: true,
            count,
            ..
        }) => {
            let practice = read_practice(&setup)?;
            let mut queue = practice.due_queue();
            queue.truncate(count.unwrap_or(usize::MAX));
            out(to_json(&queue))
        }
        Some(Command::Bank {
            command: BankCommand::Lint { items },
        }) => {
            let blueprint = setup.blueprint()?;
            let (report, failed) = bank_lint(&setup, &blueprint, items)?;
            print_out(&report)?;
            Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Some(Command::Import {
            files,
            format,
            out: dir,
            exam_name,
        }) => {
            let imported = interop::import(&files, format, &dir, exam_name.as_deref())
                .map_err(|e| CliError::Message(e.to_string()))?;
            out(imported.render())
        }
        Some(Command::Bank {
            command: BankCommand::Export { format, out: file },
        }) => {
            let blueprint = setup.blueprint()?;
            let text = interop::export(&setup.bank(&blueprint)?, &blueprint, format);
            match file {
                None => print_out(&text)?,
                Some(path) => crate::store::write_atomic(&path, text.as_bytes()).map_err(|e| {
                    CliError::Message(format!("cannot write {}: {e}", path.display()))
                })?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::History { json }) => {
            let blueprint = setup.blueprint()?;
            let history = read_history(&setup, &blueprint)?;
            if json {
                out(report::history_json(&history))
            } else {
                out(report::history_table(&history))
            }
        }
        Some(Command::Export { id, format }) => {
            let blueprint = setup.blueprint()?;
            let history = read_history(&setup, &blueprint)?;
            let scored = history
                .iter()
                .find(|s| s.attempt.id == id)
                .ok_or(StoreError::NoSuchAttempt { id })?;
            out(match format {
                ExportFormat::Json => report::export_json(scored),
                ExportFormat::Csv => report::export_csv(scored),
                ExportFormat::Md => report::export_markdown(scored, &setup.bank(&blueprint)?),
            })
        }
        command => interactive(global, &setup, command),
    }
}

/// Writes a command's output. A reader that stopped early (`proctor history --json | head`)
/// is not an error: there is just nobody left to tell.
fn print_out(text: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{}", text.trim_end_matches('\n')).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::Terminal(e)),
        _ => Ok(()),
    }
}

/// Finished attempts, newest first, read without taking the lock (so they can be listed while
/// an exam runs elsewhere).
fn read_history(setup: &Setup, blueprint: &Blueprint) -> Result<Vec<practice::Scored>, CliError> {
    let store = setup.store(blueprint, Access::ReadOnly)?;
    report_warnings(&store.warnings);
    Ok(store
        .attempts()
        .into_iter()
        .map(|a| practice::scored(a, blueprint))
        .collect())
}

/// The practice layer over the history opened read-only: for the reports (readiness,
/// progress, the review queue, item statistics), which work while an exam runs elsewhere.
fn read_practice(setup: &Setup) -> Result<Practice, CliError> {
    let blueprint = setup.blueprint()?;
    let bank = setup.bank(&blueprint)?;
    let store = setup.store(&blueprint, Access::ReadOnly)?;
    report_warnings(&store.warnings);
    Ok(Practice::new(
        blueprint,
        bank,
        Box::new(store),
        Box::new(crate::clock::SystemClock::default()),
        Box::new(fresh_seed),
    ))
}

fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).expect("reports serialize")
}

/// `proctor readiness`: the estimate, then the evidence per domain.
fn readiness_text(r: &study::readiness::Readiness) -> String {
    let mut lines = vec![r.line()];
    if let Some(e) = &r.estimate {
        lines.push(format!(
            "Expected {:.0}% correct on a fresh mock (80% interval {:.0}–{:.0}%); pass mark {}.",
            e.percent, e.percent_low, e.percent_high, r.pass_mark
        ));
    }
    lines.push(String::new());
    lines.push("domain  answers  weighted  estimated share correct  questions in a mock".into());
    for d in &r.domains {
        lines.push(format!(
            "{:<6} {:>8} {:>9.1} {:>23.0}% {:>20}",
            d.domain,
            d.answers,
            d.weighted,
            d.mean * 100.0,
            d.mock_questions
        ));
    }
    lines.push(
        "An estimate, not AWS's scoring: recent answers count more, repeats of a question less."
            .into(),
    );
    lines.join("\n")
}

fn report_warnings(warnings: &[String]) {
    let mut stderr = std::io::stderr();
    for warning in warnings {
        let _ = writeln!(stderr, "proctor: {warning}");
    }
}

/// A seed for a new paper when none is given: the clock's nanoseconds, mixed.
fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| {
            d.as_secs() ^ u64::from(d.subsec_nanos()).rotate_left(32)
        });
    nanos.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ u64::from(std::process::id())
}

fn interactive(
    global: &GlobalArgs,
    setup: &Setup,
    command: Option<Command>,
) -> Result<ExitCode, CliError> {
    // Without a terminal the screen cannot start: say so before anything is written.
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    if !global.plain && !terminal {
        return Err(CliError::Message(
            "this command needs a terminal (standard input and output are not one); \
             add --plain for the line mode, which reads commands from standard input"
                .into(),
        ));
    }
    let blueprint = setup.blueprint()?;
    let bank = setup.bank(&blueprint)?;
    let store = setup.store(&blueprint, Access::Exclusive)?;
    report_warnings(&store.warnings);
    let mut practice = Practice::new(
        blueprint,
        bank,
        Box::new(store),
        Box::new(crate::clock::SystemClock::default()),
        Box::new(fresh_seed),
    );
    let policy = |replace: bool| {
        if replace {
            IfInProgress::Abandon
        } else {
            IfInProgress::Refuse
        }
    };
    let started = match command {
        None => return launch(global, practice, Opening::Home),
        Some(Command::Exam {
            seed,
            time_limit,
            feedback,
            count,
            untimed,
            replace,
        }) => {
            let request = if feedback == FeedbackArg::End && count.is_none() && !untimed {
                NewAttempt::Mock {
                    seed,
                    time_limit_secs: time_limit,
                }
            } else {
                NewAttempt::Practice {
                    count: count.and_then(|n| usize::try_from(n).ok()),
                    feedback: feedback.into(),
                    untimed,
                    time_limit_secs: time_limit,
                    seed,
                }
            };
            practice.start(request, policy(replace))
        }
        Some(Command::Drill {
            scope,
            count,
            feedback,
            seed,
            time_limit,
            replace,
        }) => practice.start(
            NewAttempt::Drill {
                scope: scope.scope(),
                count,
                feedback: feedback.into(),
                seed,
                time_limit_secs: time_limit,
            },
            policy(replace),
        ),
        Some(Command::Resume { mode }) => practice.resume(mode.map(Mode::from)),
        Some(Command::Review {
            missed: true,
            count,
            replace,
            ..
        }) => practice.start(NewAttempt::Missed { count }, policy(replace)),
        Some(Command::Review {
            due: true,
            count,
            replace,
            ..
        }) => practice.start(NewAttempt::Due { count }, policy(replace)),
        Some(Command::Review { attempt, .. }) => {
            let scored = practice
                .attempt(attempt.as_deref())
                .map_err(|e| CliError::Message(e.to_string()))?;
            return launch(global, practice, Opening::AttemptReview(Box::new(scored)));
        }
        Some(_) => {
            return Err(CliError::Message(
                "not an interactive command (a bug: report it)".into(),
            ));
        }
    };
    match started {
        Ok(_) => launch(global, practice, Opening::Sitting),
        Err(e) => Err(CliError::Message(refusal(&e))),
    }
}

/// A practice error as the command line says it: with the commands that resolve it.
fn refusal(e: &PracticeError) -> String {
    match e {
        PracticeError::InProgress { mode } => format!(
            "{} is in progress: `proctor resume --mode {}` continues it, or run this command \
             again with --replace to record it as abandoned and start a new one",
            mode_phrase(*mode),
            mode.as_str()
        ),
        PracticeError::WhichToResume(modes) => format!(
            "{e}: {}",
            modes
                .iter()
                .map(|m| format!("`proctor resume --mode {}`", m.as_str()))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
        PracticeError::NothingDue { .. } => {
            format!("{e}; `proctor review --missed` re-asks what you got wrong")
        }
        PracticeError::NothingToResume => {
            format!("{e}; start one with `proctor exam` or `proctor drill`")
        }
        _ => e.to_string(),
    }
}

fn launch(global: &GlobalArgs, practice: Practice, opening: Opening) -> Result<ExitCode, CliError> {
    let unsaved = if global.plain {
        let stdin = std::io::stdin();
        match crate::plain::run(practice, opening, stdin.lock(), std::io::stdout()) {
            // Whoever read the output went away; the attempt was paused and saved all the same.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => None,
            other => other?,
        }
    } else {
        terminal(practice, opening)?
    };
    match unsaved {
        // The work was shown but is not on disk: say so, and fail, so nobody is misled.
        Some(problem) => Err(CliError::Message(format!(
            "{problem}. The last answers were not saved."
        ))),
        None => Ok(ExitCode::SUCCESS),
    }
}

#[cfg(feature = "tui")]
fn terminal(practice: Practice, opening: Opening) -> Result<Option<String>, CliError> {
    Ok(crate::tui::run(practice, opening)?)
}

#[cfg(not(feature = "tui"))]
fn terminal(_: Practice, _: Opening) -> Result<Option<String>, CliError> {
    Err(CliError::Message(
        "this build has no terminal UI (built without the `tui` feature); use --plain".into(),
    ))
}

/// "90m", "45s", "1h30m", "2h"; a bare number is minutes. Returns seconds, at most
/// [`policy::MAX_TIME_LIMIT_SECS`].
pub fn parse_duration_secs(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let bad = || format!("\"{text}\" is not a duration like 90m, 45s or 1h30m");
    let too_long = || {
        format!(
            "\"{text}\" is longer than the longest time limit, {}h",
            policy::MAX_TIME_LIMIT_SECS / 3600
        )
    };
    let mut total = 0u64;
    if let Ok(minutes) = text.parse::<u64>() {
        total = minutes.checked_mul(60).ok_or_else(too_long)?;
    } else {
        let mut number = String::new();
        for c in text.chars() {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let unit: u64 = match c {
                'h' => 3600,
                'm' => 60,
                's' => 1,
                _ => return Err(bad()),
            };
            let n: u64 = number.parse().map_err(|_| bad())?;
            total = n
                .checked_mul(unit)
                .and_then(|secs| total.checked_add(secs))
                .ok_or_else(too_long)?;
            number.clear();
        }
        if !number.is_empty() {
            return Err(format!(
                "\"{text}\": give a unit after {number} (h, m or s)"
            ));
        }
    }
    if total == 0 {
        Err(format!("\"{text}\": the time limit must be more than zero"))
    } else if total > policy::MAX_TIME_LIMIT_SECS {
        Err(too_long())
    } else {
        Ok(total)
    }
}

/// `proctor bank stats`.
pub fn bank_stats(setup: &Setup, blueprint: &Blueprint, json: bool) -> Result<String, CliError> {
    let bank = setup.bank(blueprint)?;
    let stats = bank::stats::bank_stats(&bank, blueprint);
    Ok(if json {
        crate::safe_text::json(serde_json::to_string_pretty(&stats).expect("stats serialize"))
    } else {
        stats.render()
    })
}

/// `proctor bank lint`: the report, and whether it found errors.
pub fn bank_lint(
    setup: &Setup,
    blueprint: &Blueprint,
    items: bool,
) -> Result<(String, bool), CliError> {
    let files = match &setup.bank {
        None => bank::embedded_files(),
        Some(dir) => bank::read_dir_files(dir)?,
    };
    let (questions, errors) = bank::parse_files(&files, blueprint);
    let report = bank::lint::lint(&questions, &errors, blueprint);
    let mut text = report.render();
    if items {
        text = format!("{}\n{text}", bank::lint::item_cues(&questions));
    }
    Ok((text, report.errors() > 0))
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
        assert_eq!(parse_duration_secs("24h"), Ok(86_400));
        assert!(parse_duration_secs("0s").is_err());
        assert!(parse_duration_secs("10x").is_err());
        assert!(parse_duration_secs("1h30").is_err());
    }

    #[test]
    fn time_limits_past_a_day_are_refused_not_wrapped() {
        for text in ["18446744073709552s", "25h", "1441", "18446744073709551615"] {
            let err = parse_duration_secs(text).unwrap_err();
            assert!(err.contains("longest time limit"), "{text}: {err}");
        }
    }
}
