//! What the screens need from the attempt history, as a trait: the on-disk [`super::Store`]
//! implements it for real use, [`MemoryRecords`] for tests of the screens.

use super::StoreError;
use crate::exam::{Mode, Scorecard, Session};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A finished attempt: the whole session (answers, flags, times) and when it ran.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// Sortable and unique: the finish time, e.g. "20261126-181502-exam".
    pub id: String,
    /// RFC 3339, UTC.
    pub started: String,
    pub finished: String,
    pub session: Session,
    /// The score as computed when the attempt finished, on the blueprint it was sat on, so
    /// history shows it as it was scored. Files from before this field are scored on reading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scorecard: Option<Scorecard>,
}

impl Attempt {
    pub fn mode(&self) -> Mode {
        self.session.paper.mode
    }

    /// Whether this attempt is a mock exam sat to the end: only those get a pass/fail verdict
    /// and a scaled estimate, and only those feed the mock trend. A drill or a review of 2
    /// questions says nothing about passing the exam, and neither does a practice run of it
    /// (explanations after each answer, another length, no clock).
    pub fn is_mock(&self) -> bool {
        let paper = &self.session.paper;
        self.mode() == Mode::Exam
            && !paper.practice
            && self.session.status != crate::exam::Status::Abandoned
    }

    /// What a finished attempt read from a file must hold (see [`Session::validate`]), and no
    /// string in it may carry a control character: ids, times and codes reach the terminal.
    pub fn validate(&self) -> Result<(), String> {
        self.session.validate()?;
        if let Some(card) = &self.scorecard
            && card.total != self.session.len()
        {
            return Err(format!(
                "its scorecard counts {} questions, its paper {}",
                card.total,
                self.session.len()
            ));
        }
        no_control_characters(self)
    }
}

/// Fails on the first string anywhere in `value` that holds a character [`crate::safe_text`]
/// would have to escape.
pub(crate) fn no_control_characters(value: &impl Serialize) -> Result<(), String> {
    fn walk(v: &serde_json::Value) -> Option<char> {
        match v {
            serde_json::Value::String(s) => crate::safe_text::first_unsafe(s)
                .or_else(|| s.chars().find(|&c| c == '\n' || c == '\t')),
            serde_json::Value::Array(a) => a.iter().find_map(walk),
            serde_json::Value::Object(o) => o
                .iter()
                .find_map(|(k, v)| walk(&serde_json::Value::String(k.clone())).or_else(|| walk(v))),
            _ => None,
        }
    }
    let value = serde_json::to_value(value).map_err(|e| e.to_string())?;
    match walk(&value) {
        Some(c) => Err(format!(
            "it holds the control character U+{:04X}",
            u32::from(c)
        )),
        None => Ok(()),
    }
}

/// The history of one candidate.
///
/// Each mode keeps its own attempt in progress, so a quick drill never costs the paused mock.
pub trait Records {
    /// Saves an attempt in progress (called after every action), in its mode's slot.
    fn save_progress(&mut self, session: &Session) -> Result<(), StoreError>;
    /// The attempt in progress in this mode, if any.
    fn progress(&self, mode: Mode) -> Option<Session>;
    /// Forgets the attempt in progress in this mode without recording it.
    fn discard_progress(&mut self, mode: Mode) -> Result<(), StoreError>;
    /// Records a finished attempt (once) with its scorecard and clears its mode's attempt in
    /// progress.
    fn finish(&mut self, session: &Session, card: &Scorecard) -> Result<Attempt, StoreError>;
    /// Finished attempts, newest first.
    fn attempts(&self) -> Vec<Attempt>;

    /// The spaced-review schedule kept beside the history, if there is one that loaded.
    fn schedule(&self) -> Option<crate::study::schedule::Schedule> {
        None
    }

    /// Keeps the spaced-review schedule (a cache of what the history says: losing it loses
    /// nothing, so records that keep none need not).
    fn save_schedule(
        &mut self,
        _schedule: &crate::study::schedule::Schedule,
    ) -> Result<(), StoreError> {
        Ok(())
    }

    /// The modes that have an attempt in progress, the mock exam first.
    fn modes_in_progress(&self) -> Vec<Mode> {
        Mode::ALL
            .into_iter()
            .filter(|&m| self.progress(m).is_some())
            .collect()
    }

    /// How often each question was asked across finished attempts.
    fn seen_counts(&self) -> HashMap<String, u32> {
        let mut seen = HashMap::new();
        for attempt in self.attempts() {
            for item in &attempt.session.paper.items {
                *seen.entry(item.id.clone()).or_insert(0) += 1;
            }
        }
        seen
    }

    /// Question ids whose latest recorded answer was wrong or blank, most recently missed first.
    fn missed(&self) -> Vec<String> {
        let mut latest: HashMap<&str, bool> = HashMap::new();
        let attempts = self.attempts();
        let mut missed = Vec::new();
        for attempt in &attempts {
            // Newest first: the first time an id is met is its latest answer.
            for (i, item) in attempt.session.paper.items.iter().enumerate() {
                if latest.contains_key(item.id.as_str()) {
                    continue;
                }
                let correct = attempt.session.is_correct(i);
                latest.insert(&item.id, correct);
                if !correct {
                    missed.push(item.id.clone());
                }
            }
        }
        missed
    }
}

/// Records kept in memory: for tests, and when no data dir can be used.
#[derive(Debug, Default, Clone)]
pub struct MemoryRecords {
    pub progress: BTreeMap<Mode, Session>,
    /// Newest first.
    pub finished: Vec<Attempt>,
    /// The time stamp given to the next finished attempt (tests fix it).
    pub now: String,
    pub schedule: Option<crate::study::schedule::Schedule>,
}

impl Records for MemoryRecords {
    fn save_progress(&mut self, session: &Session) -> Result<(), StoreError> {
        self.progress.insert(session.paper.mode, session.clone());
        Ok(())
    }

    fn progress(&self, mode: Mode) -> Option<Session> {
        self.progress.get(&mode).cloned()
    }

    fn discard_progress(&mut self, mode: Mode) -> Result<(), StoreError> {
        self.progress.remove(&mode);
        Ok(())
    }

    fn finish(&mut self, session: &Session, card: &Scorecard) -> Result<Attempt, StoreError> {
        let attempt = Attempt {
            id: format!(
                "{}-{}",
                self.finished.len() + 1,
                session.paper.mode.as_str()
            ),
            started: self.now.clone(),
            finished: self.now.clone(),
            session: session.clone(),
            scorecard: Some(card.clone()),
        };
        self.finished.insert(0, attempt.clone());
        self.progress.remove(&session.paper.mode);
        Ok(attempt)
    }

    fn attempts(&self) -> Vec<Attempt> {
        self.finished.clone()
    }

    fn schedule(&self) -> Option<crate::study::schedule::Schedule> {
        self.schedule.clone()
    }

    fn save_schedule(
        &mut self,
        schedule: &crate::study::schedule::Schedule,
    ) -> Result<(), StoreError> {
        self.schedule = Some(schedule.clone());
        Ok(())
    }
}
