//! The question bank: loading (embedded at build time, or a folder), validation, statistics and
//! the lint rules of QUESTION-BANK.md.

pub mod cache;
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
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
///
/// Its entries always say what each question is (id, task, domain, kind, services, skills, the
/// number of options and which are keyed). Their words — stem, options' text and why,
/// explanation, references — are in memory too, except for a large folder bank read from its
/// cache ([`cache`]), where [`Bank::get`] reads a question's words when they are needed.
#[derive(Debug, Clone)]
pub struct Bank {
    entries: Vec<Question>,
    by_id: HashMap<String, usize>,
    /// Where the words are when the entries lack them.
    words: Option<Arc<cache::Words>>,
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
            entries: questions,
            by_id,
            words: None,
            source,
        }
    }

    /// A folder bank through its cache under `cache_root`: read from the cache when it still
    /// matches the folder, else parsed (as [`Bank::from_dir`]) and the cache written for next
    /// time. A cache that cannot be written only costs that speed.
    pub fn from_dir_cached(
        dir: &Path,
        blueprint: &Blueprint,
        cache_root: &Path,
    ) -> Result<Bank, BankError> {
        let cache_dir = cache::dir_for(cache_root, dir);
        let key = cache::Key::of(dir, blueprint);
        if let Some(key) = &key
            && let Some((entries, words)) = cache::read(&cache_dir, key)
        {
            let mut bank = Bank::new(entries, BankSource::Folder(dir.to_path_buf()));
            bank.words = Some(Arc::new(words));
            return Ok(bank);
        }
        let bank = Bank::from_dir(dir, blueprint)?;
        if let Some(key) = key {
            let _ = cache::write(&cache_dir, key, &bank.entries);
        }
        Ok(bank)
    }

    /// What every question is, in bank order: id, task, domain, kind, services, skills, and
    /// its options with their `correct` flags. The words may be empty (a bank read from its
    /// cache): [`Bank::get`] and [`Bank::all`] give them.
    pub fn entries(&self) -> &[Question] {
        &self.entries
    }

    /// The question with this id, words and all.
    pub fn get(&self, id: &str) -> Option<Cow<'_, Question>> {
        let &at = self.by_id.get(id)?;
        match &self.words {
            None => Some(Cow::Borrowed(&self.entries[at])),
            Some(words) => words.read(at, &self.entries[at]).map(Cow::Owned),
        }
    }

    /// The entry (no words needed) with this id.
    pub fn entry(&self, id: &str) -> Option<&Question> {
        self.by_id.get(id).map(|&at| &self.entries[at])
    }

    /// Every question, words and all, in bank order (reads them all from a cache).
    pub fn all(&self) -> Vec<Cow<'_, Question>> {
        self.entries
            .iter()
            .filter_map(|q| self.get(&q.id))
            .collect()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
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
