//! Scoring a finished (or unfinished) session against its blueprint.

use super::session::{Confidence, Session};
use crate::blueprint::Blueprint;
use serde::{Deserialize, Serialize};

/// Correct out of total for one part of the paper.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    /// The domain number ("3") or task id ("3.2").
    pub id: String,
    pub name: String,
    pub correct: usize,
    pub total: usize,
}

impl Tally {
    pub fn percent(&self) -> f64 {
        percent(self.correct, self.total)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainResult {
    pub tally: Tally,
    pub weight: u32,
    /// At or above the cut percentage: "Meets Competencies"; below: "Needs Improvement".
    pub meets_competencies: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeCounts {
    pub right_to_wrong: usize,
    pub wrong_to_right: usize,
    pub wrong_to_wrong: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub correct: usize,
    pub total: usize,
    pub answered: usize,
    pub percent: f64,
    /// An estimate: AWS does not publish its raw-to-scaled conversion. See
    /// [`Blueprint::scaled_estimate`] for the formula.
    pub scaled_estimate: u32,
    pub pass_mark: u32,
    pub passed: bool,
    /// Domains that the paper asked questions from, in blueprint order.
    pub domains: Vec<DomainResult>,
    /// Task statements that the paper asked questions from, in blueprint order.
    pub tasks: Vec<Tally>,
    pub seconds_used: u64,
    pub changes: ChangeCounts,
}

impl Scorecard {
    pub fn mean_seconds_per_question(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.seconds_used as f64 / self.total as f64
        }
    }
}

pub fn percent(correct: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        100.0 * correct as f64 / total as f64
    }
}

/// All-or-nothing per question; unanswered is wrong.
pub fn score(session: &Session, blueprint: &Blueprint) -> Scorecard {
    let items = &session.paper.items;
    let correct_at: Vec<bool> = (0..items.len()).map(|i| session.is_correct(i)).collect();
    let tally = |id: String, name: String, member: &dyn Fn(usize) -> bool| {
        let members: Vec<usize> = (0..items.len()).filter(|&i| member(i)).collect();
        Tally {
            id,
            name,
            correct: members.iter().filter(|&&i| correct_at[i]).count(),
            total: members.len(),
        }
    };
    let cut = blueprint.scaled.cut_percent;
    let domains = blueprint
        .domains
        .iter()
        .map(|d| {
            let tally = tally(d.number.to_string(), d.name.clone(), &|i| {
                items[i].domain == d.number
            });
            DomainResult {
                meets_competencies: tally.percent() >= cut,
                tally,
                weight: d.weight,
            }
        })
        .filter(|d| d.tally.total > 0)
        .collect();
    let tasks = blueprint
        .tasks()
        .map(|(_, t)| tally(t.id.clone(), t.name.clone(), &|i| items[i].task == t.id))
        .filter(|t| t.total > 0)
        .collect();
    let mut changes = ChangeCounts::default();
    for change in session.responses.iter().flat_map(|r| &r.changes) {
        match (change.was_correct, change.now_correct) {
            (true, false) => changes.right_to_wrong += 1,
            (false, true) => changes.wrong_to_right += 1,
            (false, false) => changes.wrong_to_wrong += 1,
            (true, true) => {}
        }
    }
    let correct = correct_at.iter().filter(|&&c| c).count();
    let pct = percent(correct, items.len());
    let scaled = blueprint.scaled_estimate(pct);
    Scorecard {
        correct,
        total: items.len(),
        answered: session.answered_count(),
        percent: pct,
        scaled_estimate: scaled,
        pass_mark: blueprint.scaled.pass,
        passed: scaled >= blueprint.scaled.pass,
        domains,
        tasks,
        seconds_used: session.elapsed / 1000,
        changes,
    }
}

/// What the candidate's confidence marks say about an attempt, as question indices in paper
/// order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ConfidenceMarks {
    /// How many answers carry a mark at all.
    pub marked: usize,
    /// Marked Guess, and right: knowledge that is not there yet.
    pub lucky: Vec<usize>,
    /// Marked Sure, and wrong: a belief to unlearn, which spaced review asks first.
    pub misconceptions: Vec<usize>,
}

pub fn confidence_marks(session: &Session) -> ConfidenceMarks {
    let mut marks = ConfidenceMarks::default();
    for (i, response) in session.responses.iter().enumerate() {
        let Some(confidence) = response.confidence else {
            continue;
        };
        marks.marked += 1;
        let correct = session.is_correct(i);
        match confidence {
            Confidence::Guess if correct => marks.lucky.push(i),
            Confidence::Sure if !correct && session.is_answered(i) => marks.misconceptions.push(i),
            _ => {}
        }
    }
    marks
}
