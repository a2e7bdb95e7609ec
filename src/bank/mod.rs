//! The question bank: loading (embedded at build time, or a folder), validation, statistics and
//! the lint rules of QUESTION-BANK.md.

pub mod cues;
pub mod files;
/// What the fuzz target checks, shared with the test that replays its findings.
#[doc(hidden)]
pub mod fuzzing;
pub mod lint;
pub mod model;
pub mod near_duplicates;
pub mod parse;
pub mod services;
pub mod stats;
pub mod synthetic;

pub use model::{AnswerOption, Kind, Question};
pub use parse::LoadError;

use crate::blueprint::Blueprint;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_bank.rs"));
}

/// Where a bank was loaded from, for messages and the home screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankSource {
    Embedded,
    Folder(PathBuf),
}

impl fmt::Display for BankSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BankSource::Embedded => write!(f, "the built-in bank"),
            BankSource::Folder(path) => {
                write!(f, "{}", crate::safe_text::line(&path.display().to_string()))
            }
        }
    }
}

/// A loaded, validated question bank.
#[derive(Debug, Clone)]
pub struct Bank {
    questions: Vec<Question>,
    by_id: HashMap<String, usize>,
    pub source: BankSource,
}

/// Every problem found while loading a bank.
#[derive(Debug)]
pub struct BankError {
    pub source: BankSource,
    pub errors: Vec<LoadError>,
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.errors.len();
        writeln!(
            f,
            "{} has {n} problem{}:",
            self.source,
            if n == 1 { "" } else { "s" }
        )?;
        for e in &self.errors {
            writeln!(f, "  {e}")?;
        }
        write!(
            f,
            "Fix them and try again; `proctor bank lint` checks a bank without running it."
        )
    }
}

impl std::error::Error for BankError {}

impl Bank {
    /// The default bank compiled into the binary.
    pub fn embedded(blueprint: &Blueprint) -> Result<Bank, BankError> {
        if let Some(json) = embedded::PARSED {
            // Validated by the build script with the same parser; decoding JSON is the cheap path.
            return Ok(Bank::from_prevalidated_json(json, BankSource::Embedded)
                .expect("the build script wrote valid JSON"));
        }
        Bank::from_files(embedded_files(), blueprint, BankSource::Embedded)
    }

    /// Every `.toml` file below `dir`, in any depth of folders.
    pub fn from_dir(dir: &Path, blueprint: &Blueprint) -> Result<Bank, BankError> {
        let files = read_dir_files(dir)?;
        Bank::from_files(files, blueprint, BankSource::Folder(dir.to_path_buf()))
    }

    /// A bank from files (name, contents); see [`parse_files`]. The files are handed over:
    /// callers build them for this call alone.
    #[expect(clippy::needless_pass_by_value)]
    pub fn from_files(
        files: Vec<(String, Vec<u8>)>,
        blueprint: &Blueprint,
        source: BankSource,
    ) -> Result<Bank, BankError> {
        let (questions, errors) = parse_files(&files, blueprint);
        if errors.is_empty() {
            Ok(Bank::new(questions, source))
        } else {
            Err(BankError { source, errors })
        }
    }
    /// Questions that were validated when the JSON was written (the build script's output).
    pub fn from_prevalidated_json(json: &str, source: BankSource) -> serde_json::Result<Bank> {
        Ok(Bank::new(serde_json::from_str(json)?, source))
    }

    /// A bank of already-validated questions (tests and the embedded path).
    pub fn new(questions: Vec<Question>, source: BankSource) -> Bank {
        let by_id = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        Bank {
            questions,
            by_id,
            source,
        }
    }

    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    pub fn get(&self, id: &str) -> Option<&Question> {
        self.by_id.get(id).map(|&i| &self.questions[i])
    }

    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }
}

/// Parses files (name, contents) in parallel across the machine's cores — a large bank is mostly
/// TOML parsing, and the files are independent — and runs the cross-file checks. Returns the
/// questions that are valid and every problem found, so `bank lint` can judge both.
pub fn parse_files(
    files: &[(String, Vec<u8>)],
    blueprint: &Blueprint,
) -> (Vec<Question>, Vec<LoadError>) {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(files.len().max(1));
    let chunk = files.len().div_ceil(threads).max(1);
    let results: Vec<(Vec<Question>, Vec<LoadError>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut questions = Vec::new();
                    let mut errors = Vec::new();
                    for (name, bytes) in part {
                        let (mut q, mut e) = parse::parse_file(name, bytes, blueprint);
                        questions.append(&mut q);
                        errors.append(&mut e);
                    }
                    (questions, errors)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a parser thread panicked"))
            .collect()
    });
    let mut questions = Vec::new();
    let mut errors = Vec::new();
    for (mut q, mut e) in results {
        questions.append(&mut q);
        errors.append(&mut e);
    }
    errors.extend(parse::check_bank(&questions));
    (questions, errors)
}

/// The embedded bank's raw files, for `bank lint`, which always reads the text as written.
pub fn embedded_files() -> Vec<(String, Vec<u8>)> {
    embedded::FILES
        .iter()
        .map(|(name, bytes)| (name.to_string(), bytes.to_vec()))
        .collect()
}

/// Reads every `.toml` file below `dir` as (path relative to `dir`, contents), sorted by path;
/// see [`files`] for what is refused.
pub fn read_dir_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, BankError> {
    files::read_bank_dir(dir, files::Limits::BANK).map_err(|errors| BankError {
        source: BankSource::Folder(dir.to_path_buf()),
        errors,
    })
}
