//! A compiled copy of a folder bank in the data dir, so that a large bank starts fast and small.
//!
//! Parsing and validating 20,000 questions of TOML takes over a second and holds every word in
//! memory. The first load of a folder writes two files under `cache/<folder's hash>/`:
//! `index.json` — what every question is without its words (id, task, kind, services, skills,
//! key) and where its words are — and `words.jsonl`, each question whole on one line. Later
//! loads read only the index, and a question's words are read when it is shown. The cache is
//! used only while its key matches: every question file's name, size and modification time,
//! the blueprint, and this format. Anything else — a file edited, added or removed, a damaged
//! cache — and the folder is parsed again (and the cache rewritten). The cache is a copy:
//! nothing is lost when it is deleted.

use super::model::{AnswerOption, Question};
use crate::blueprint::Blueprint;
use serde::{Deserialize, Serialize};
use std::collections::hash_map::DefaultHasher;
use std::fs::File;
use std::hash::{Hash, Hasher};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Bumped whenever the files' shape changes: an old cache is then rebuilt, never misread.
const FORMAT: u32 = 1;
const INDEX: &str = "index.json";
const WORDS: &str = "words.jsonl";

/// What decides whether a cache still describes its folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    format: u32,
    /// A hash of the blueprint the bank was validated against.
    blueprint: u64,
    /// (name under the folder, size, modification time in nanoseconds), sorted by name.
    files: Vec<(String, u64, u128)>,
}

impl Key {
    /// The key of `dir` as it is now, or None if a file cannot be looked at (no cache then).
    pub fn of(dir: &Path, blueprint: &Blueprint) -> Option<Key> {
        let (paths, errors) = super::files::toml_files(dir, super::files::Limits::BANK);
        if !errors.is_empty() {
            return None;
        }
        let mut files = Vec::with_capacity(paths.len());
        for (name, path) in paths {
            let meta = std::fs::metadata(&path).ok()?;
            let modified = meta
                .modified()
                .ok()?
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?
                .as_nanos();
            files.push((name, meta.len(), modified));
        }
        let mut hasher = DefaultHasher::new();
        serde_json::to_string(blueprint).ok()?.hash(&mut hasher);
        Some(Key {
            format: FORMAT,
            blueprint: hasher.finish(),
            files,
        })
    }
}

#[derive(Serialize, Deserialize)]
struct Index {
    key: Key,
    /// Each question without its words (empty text, options with their `correct` flags).
    entries: Vec<Question>,
    /// Where each question's line is in the words file: (offset, length).
    spans: Vec<(u64, u32)>,
}

/// The folder's cache directory under `cache_root` (one per folder, by its canonical path).
pub fn dir_for(cache_root: &Path, bank_dir: &Path) -> PathBuf {
    let canonical = bank_dir
        .canonicalize()
        .unwrap_or_else(|_| bank_dir.to_path_buf());
    let mut hasher = DefaultHasher::new();
    canonical.hash(&mut hasher);
    cache_root.join(format!("{:016x}", hasher.finish()))
}

/// A question without its words: what papers, scopes and statistics need.
pub fn entry_of(q: &Question) -> Question {
    Question {
        id: q.id.clone(),
        task: q.task.clone(),
        domain: q.domain,
        kind: q.kind,
        services: q.services.clone(),
        skills: q.skills.clone(),
        verified: q.verified.clone(),
        stem: String::new(),
        explanation: String::new(),
        references: Vec::new(),
        options: q
            .options
            .iter()
            .map(|o| AnswerOption {
                text: String::new(),
                correct: o.correct,
                why: String::new(),
            })
            .collect(),
        file: q.file.clone(),
        line: q.line,
    }
}

/// Writes the cache of `questions` (a bank just parsed) under `dir`, replacing any there. A
/// failure only costs the next start its speed, so it is returned for the caller to ignore.
pub fn write(dir: &Path, key: Key, questions: &[Question]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut words = Vec::new();
    let mut spans = Vec::with_capacity(questions.len());
    for q in questions {
        let start = words.len();
        serde_json::to_writer(&mut words, q).map_err(std::io::Error::other)?;
        words.push(b'\n');
        let len = u32::try_from(words.len() - start).map_err(std::io::Error::other)?;
        spans.push((start as u64, len));
    }
    let index = Index {
        key,
        entries: questions.iter().map(entry_of).collect(),
        spans,
    };
    // Words first: an index never points into words that are not there yet.
    replace(&dir.join(WORDS), &words)?;
    let index = serde_json::to_vec(&index).map_err(std::io::Error::other)?;
    replace(&dir.join(INDEX), &index)
}

/// Writes `path` through a temporary file of this process's own (two proctors may rebuild the
/// same cache at once: `history` and `export` run beside an exam) and renames it into place.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// The words of a cached bank, read a question at a time.
#[derive(Debug)]
pub struct Words {
    file: Mutex<File>,
    spans: Vec<(u64, u32)>,
}

impl Words {
    /// Question `at`'s words, if the cache still holds them for `entry`. The cache is a file
    /// like any other: what it gives must be the question its index promised, with no control
    /// characters in its words, or it is not used.
    pub fn read(&self, at: usize, entry: &Question) -> Option<Question> {
        let &(offset, len) = self.spans.get(at)?;
        let mut buf = vec![0; len as usize];
        {
            let mut file = self.file.lock().ok()?;
            file.seek(SeekFrom::Start(offset)).ok()?;
            file.read_exact(&mut buf).ok()?;
        }
        let q: Question = serde_json::from_slice(&buf).ok()?;
        let words = [&q.stem, &q.explanation]
            .into_iter()
            .chain(q.references.iter())
            .chain(q.options.iter().flat_map(|o| [&o.text, &o.why]));
        let clean = words
            .into_iter()
            .all(|t| crate::safe_text::first_unsafe(t).is_none());
        (clean && entry_of(&q) == *entry).then_some(q)
    }
}

/// The cache under `dir` if it matches `key`: every question without its words, and the words.
pub fn read(dir: &Path, key: &Key) -> Option<(Vec<Question>, Words)> {
    // The index is read whole (it is small: no words); the words file stays open.
    let bytes = super::files::read_regular_file(&dir.join(INDEX), 256 * 1024 * 1024).ok()?;
    let index: Index = serde_json::from_slice(&bytes).ok()?;
    if &index.key != key || index.entries.len() != index.spans.len() {
        return None;
    }
    let file = File::open(dir.join(WORDS)).ok()?;
    let size = file.metadata().ok()?.len();
    if index
        .spans
        .iter()
        .any(|&(offset, len)| offset + u64::from(len) > size)
    {
        return None;
    }
    Some((
        index.entries,
        Words {
            file: Mutex::new(file),
            spans: index.spans,
        },
    ))
}
