//! Attempt history and the exam in progress, on disk.
//!
//! Layout of a data dir:
//! ```text
//! lock                       held (File::try_lock) by the one process that may write; on Unix
//!                            the folder is locked too, so deleting `lock` lets nobody in
//! in-progress-<mode>.json    the attempt in progress of each mode (exam, drill, review),
//!                            rewritten after every action
//! attempts/<id>.json         one file per finished attempt, written once, never rewritten
//! schedule.json              the spaced-review schedule: a cache of what the attempts say,
//!                            rebuilt from them when missing, stale or set aside
//! *.corrupt                  files that failed to parse, set aside (never deleted)
//! ```
//! Every write goes to a temporary file that is fsynced and renamed over the old copy, so a
//! crash or `kill -9` leaves either the old or the new file, never half of one.

pub mod fuzzing;
pub mod records;

pub use records::{Attempt, MemoryRecords, Records};

use crate::exam::{Mode, Scorecard, Session};
use crate::study::schedule::Schedule;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The file of a mode's attempt in progress.
fn progress_file(mode: Mode) -> String {
    format!("in-progress-{}.json", mode.as_str())
}
const ATTEMPTS: &str = "attempts";
const SCHEDULE: &str = "schedule.json";
const LOCK: &str = "lock";

/// Whether this process may write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Takes the lock; fails if another process holds it.
    Exclusive,
    /// Reads only (history, export); works while an exam runs elsewhere.
    ReadOnly,
}

/// Why the history could not be read or written. Every message says what to do next.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data dir cannot be created or used.
    #[error(
        "cannot use {} as the data dir: {reason}. Choose another with --data-dir DIR or PROCTOR_DATA_DIR",
        dir.display()
    )]
    Unusable { dir: PathBuf, reason: String },
    /// Another process holds the lock.
    #[error(
        "another proctor is using {} (an exam is open in another terminal). Close it first, or use another --data-dir",
        dir.display()
    )]
    Locked { dir: PathBuf },
    #[error("there is no attempt {id}; `proctor history` lists the ids")]
    NoSuchAttempt { id: String },
    /// A write was asked of a store opened only to read.
    #[error("the data dir was opened read-only")]
    ReadOnly,
    /// A file could not be written (disk full, permissions, the folder gone).
    #[error("could not write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// The in-progress file: the session and the wall-clock time it started.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct InProgress {
    started: String,
    session: Session,
}

/// A data dir opened for use.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    access: Access,
    /// Held for the life of the store; the OS releases it if the process dies.
    _lock: Vec<File>,
    /// Finished attempts, newest first.
    attempts: Vec<Attempt>,
    /// Each mode's attempt in progress, with the wall-clock time it started.
    progress: BTreeMap<Mode, (String, Session)>,
    /// The spaced-review schedule as last kept, if it loaded.
    schedule: Option<Schedule>,
    /// Problems met while opening (files set aside), for the caller to report.
    pub warnings: Vec<String>,
}

/// The platform's data directory for proctor (e.g. ~/.local/share/proctor).
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "proctor").map(|d| d.data_dir().to_path_buf())
}

/// Now, as RFC 3339 in UTC, to the second.
pub fn now_rfc3339() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .unwrap_or_else(|_| jiff::Timestamp::now())
        .to_string()
}

impl Store {
    pub fn open(dir: &Path, access: Access) -> Result<Store, StoreError> {
        let unusable = |reason: String| StoreError::Unusable {
            dir: dir.to_path_buf(),
            reason,
        };
        if dir.exists() && !dir.is_dir() {
            return Err(unusable("it is a file, not a folder".into()));
        }
        let lock = match access {
            Access::Exclusive => {
                let attempts = dir.join(ATTEMPTS);
                fs::create_dir_all(&attempts).map_err(|e| {
                    unusable(format!(
                        "cannot create {} ({e}); the data dir must be a folder proctor can write in",
                        attempts.display()
                    ))
                })?;
                let path = dir.join(LOCK);
                let file = OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(&path)
                    .map_err(|e| unusable(format!("cannot open {}: {e}", path.display())))?;
                let mut held = vec![file];
                // The lock file can be deleted while held, and a second proctor would then lock
                // a new one. The folder itself cannot go while it holds the history, so where
                // folders can be locked (Unix), it is locked too.
                #[cfg(unix)]
                held.push(File::open(dir).map_err(|e| unusable(e.to_string()))?);
                for handle in &held {
                    match handle.try_lock() {
                        Ok(()) => {}
                        Err(fs::TryLockError::WouldBlock) => {
                            return Err(StoreError::Locked {
                                dir: dir.to_path_buf(),
                            });
                        }
                        Err(fs::TryLockError::Error(e)) => return Err(unusable(e.to_string())),
                    }
                }
                held
            }
            Access::ReadOnly => Vec::new(),
        };
        let mut store = Store {
            dir: dir.to_path_buf(),
            access,
            _lock: lock,
            attempts: Vec::new(),
            progress: BTreeMap::new(),
            schedule: None,
            warnings: Vec::new(),
        };
        store.load_attempts();
        store.load_progress();
        store.load_schedule();
        Ok(store)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The finished attempt with this id, or the newest with None.
    pub fn attempt(&self, id: Option<&str>) -> Result<&Attempt, StoreError> {
        match id {
            Some(id) => self.attempts.iter().find(|a| a.id == id),
            None => self.attempts.first(),
        }
        .ok_or_else(|| StoreError::NoSuchAttempt {
            id: id.unwrap_or("(none yet)").to_string(),
        })
    }

    fn load_attempts(&mut self) {
        let Ok(entries) = fs::read_dir(self.dir.join(ATTEMPTS)) else {
            return;
        };
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        for path in paths {
            match read_file(&path).and_then(|bytes| read_attempt(&bytes)) {
                Ok(attempt) => self.attempts.push(attempt),
                Err(reason) => self.set_aside(&path, &reason),
            }
        }
        self.attempts
            .sort_by(|a, b| (&b.finished, &b.id).cmp(&(&a.finished, &a.id)));
    }

    fn load_progress(&mut self) {
        for mode in Mode::ALL {
            let path = self.dir.join(progress_file(mode));
            if !path.exists() {
                continue;
            }
            match read_file(&path).and_then(|bytes| read_in_progress(&bytes, mode)) {
                Ok(started_and_session) => {
                    self.progress.insert(mode, started_and_session);
                }
                Err(reason) => self.set_aside(&path, &reason),
            }
        }
    }

    fn load_schedule(&mut self) {
        let path = self.dir.join(SCHEDULE);
        if !path.exists() {
            return;
        }
        let read = read_file(&path).and_then(|bytes| {
            let schedule: Schedule = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
            schedule.validate()?;
            Ok(schedule)
        });
        match read {
            Ok(schedule) => self.schedule = Some(schedule),
            Err(reason) => {
                // Nothing is lost: the schedule is rebuilt from the attempts.
                self.set_aside(&path, &reason);
                if let Some(w) = self.warnings.last_mut() {
                    w.push_str(" The review schedule is rebuilt from the attempts.");
                }
            }
        }
    }

    /// Renames a file that fails to parse to `<name>.corrupt` (or `.corrupt.N`), never deleting
    /// it: the candidate's data may still be recoverable by hand.
    fn set_aside(&mut self, path: &Path, reason: &str) {
        let mut target = path.with_extension("json.corrupt");
        let mut n = 1;
        while target.exists() {
            target = path.with_extension(format!("json.corrupt.{n}"));
            n += 1;
        }
        let outcome = match fs::rename(path, &target) {
            Ok(()) => format!("moved aside to {}", target.display()),
            Err(e) => format!("left in place ({e})"),
        };
        // The reason may quote the file's own bytes (serde quotes a bad value): escape it all.
        self.warnings.push(format!(
            "{} could not be read ({}); {}. The rest of the history is unaffected.",
            crate::safe_text::line(&path.display().to_string()),
            crate::safe_text::line(reason),
            crate::safe_text::line(&outcome)
        ));
    }

    /// When this session began, if it is the one saved in progress for its mode.
    fn started(&self, session: &Session) -> Option<String> {
        match self.progress.get(&session.paper.mode) {
            Some((started, saved)) if saved.paper == session.paper => Some(started.clone()),
            _ => None,
        }
    }

    fn writable(&self) -> Result<(), StoreError> {
        match self.access {
            Access::Exclusive => Ok(()),
            Access::ReadOnly => Err(StoreError::ReadOnly),
        }
    }
}

/// The largest history file read: a finished mock is about 60 KB, so this is plenty, and a
/// file past it (or a FIFO, a device) cannot hang or exhaust the program.
const MAX_HISTORY_FILE_BYTES: u64 = 16 * 1024 * 1024;

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    crate::bank::files::read_regular_file(path, MAX_HISTORY_FILE_BYTES)
}

/// A finished attempt from a file's bytes: parsed, then checked for what parsing cannot see
/// ([`Attempt::validate`]). The one way in for attempt files (the fuzz target uses it too).
pub fn read_attempt(bytes: &[u8]) -> Result<Attempt, String> {
    let attempt: Attempt = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    attempt.validate()?;
    Ok(attempt)
}

/// An attempt in progress of `mode` from a file's bytes: when it started, and the session,
/// validated like a finished attempt.
pub fn read_in_progress(bytes: &[u8], mode: Mode) -> Result<(String, Session), String> {
    let p: InProgress = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    p.session.validate()?;
    records::no_control_characters(&p)?;
    if p.session.paper.mode != mode {
        return Err("it holds an attempt of another mode".into());
    }
    Ok((p.started, p.session))
}

/// [`write_atomic`], with the path in the error.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic(path, bytes).map_err(|source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, fsynced, renamed over the
/// old copy, and the folder fsynced so the rename itself survives a power cut.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = path.with_extension("tmp");
    {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    fs::rename(&tmp, path)?;
    if let Ok(d) = File::open(dir) {
        // Not every platform can fsync a folder; the rename is already done.
        let _ = d.sync_all();
    }
    Ok(())
}

impl Records for Store {
    fn save_progress(&mut self, session: &Session) -> Result<(), StoreError> {
        self.writable()?;
        let mode = session.paper.mode;
        let started = self.started(session).unwrap_or_else(now_rfc3339);
        let file = InProgress {
            started,
            session: session.clone(),
        };
        let json = serde_json::to_vec(&file).expect("a session serializes");
        write_file(&self.dir.join(progress_file(mode)), &json)?;
        self.progress.insert(mode, (file.started, file.session));
        Ok(())
    }

    fn progress(&self, mode: Mode) -> Option<Session> {
        self.progress.get(&mode).map(|(_, s)| s.clone())
    }

    fn discard_progress(&mut self, mode: Mode) -> Result<(), StoreError> {
        self.writable()?;
        self.progress.remove(&mode);
        let path = self.dir.join(progress_file(mode));
        match fs::remove_file(&path) {
            Err(source) if source.kind() != io::ErrorKind::NotFound => {
                Err(StoreError::Write { path, source })
            }
            _ => Ok(()),
        }
    }

    fn finish(&mut self, session: &Session, card: &Scorecard) -> Result<Attempt, StoreError> {
        self.writable()?;
        let mode = session.paper.mode;
        let finished = now_rfc3339();
        let started = self.started(session).unwrap_or_else(|| finished.clone());
        let stamp: String = finished
            .chars()
            .filter(char::is_ascii_digit)
            .take(14)
            .collect();
        let base = format!(
            "{}-{}-{}",
            &stamp[..8.min(stamp.len())],
            &stamp[8.min(stamp.len())..],
            mode.as_str()
        );
        let mut id = base.clone();
        let mut n = 2;
        while self.dir.join(ATTEMPTS).join(format!("{id}.json")).exists() {
            id = format!("{base}-{n}");
            n += 1;
        }
        let attempt = Attempt {
            id,
            started,
            finished,
            session: session.clone(),
            scorecard: Some(card.clone()),
        };
        let json = serde_json::to_vec_pretty(&attempt).expect("an attempt serializes");
        let path = self.dir.join(ATTEMPTS).join(format!("{}.json", attempt.id));
        write_file(&path, &json)?;
        // Only now that the attempt is safe does the in-progress copy go.
        self.discard_progress(mode)?;
        self.attempts.insert(0, attempt.clone());
        Ok(attempt)
    }

    fn attempts(&self) -> Vec<Attempt> {
        self.attempts.clone()
    }

    fn schedule(&self) -> Option<Schedule> {
        self.schedule.clone()
    }

    fn save_schedule(&mut self, schedule: &Schedule) -> Result<(), StoreError> {
        self.writable()?;
        let json = serde_json::to_vec(schedule).expect("a schedule serializes");
        write_file(&self.dir.join(SCHEDULE), &json)?;
        self.schedule = Some(schedule.clone());
        Ok(())
    }
}
