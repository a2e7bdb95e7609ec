//! The state of one attempt: answers, flags, strike-outs, time, and the answer changes made.
//! A state machine driven by [`Action`]s; time comes from outside (see [`crate::clock`]), so it
//! is tested without sleeping. Serializable, so it can be saved after every action and resumed.

use super::paper::{Feedback, Paper};
use serde::{Deserialize, Serialize};

/// Milliseconds on a monotonic clock (see [`crate::clock::Clock`]).
pub type Millis = u64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    InProgress,
    /// Ended by the candidate.
    Submitted,
    /// Ended by the clock at zero.
    TimeUp,
    /// Given up for a new attempt of the same mode: recorded, never resumed.
    Abandoned,
}

/// Something the candidate does. Positions are display positions (A = 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Choose an option (single answer) or toggle it (multiple response).
    Choose(usize),
    Clear,
    ToggleFlag,
    /// Strike out an option: a visual aid, never scored.
    ToggleStrike(usize),
    Next,
    Previous,
    GoTo(usize),
    /// Drills with immediate feedback: lock the answer and show the verdict.
    Reveal,
    Submit,
    /// Nothing but the passing of time (the clock's once-a-second tick).
    Tick,
    /// Mark how sure the candidate is of the answer; the same mark again removes it. Locked
    /// with the answer once its feedback is shown (a mark given after the verdict says nothing).
    Confidence(Confidence),
}

/// How sure the candidate was of an answer: optional, never required. Right but guessed is a
/// lucky guess; wrong but sure is a misconception, which spaced review asks about first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Guess,
    Unsure,
    Sure,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::Guess, Confidence::Unsure, Confidence::Sure];

    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Guess => "guess",
            Confidence::Unsure => "unsure",
            Confidence::Sure => "sure",
        }
    }
}

/// What the candidate did with one question.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    /// Chosen options as indices in the question file, ascending. Empty: unanswered.
    pub chosen: Vec<usize>,
    pub flagged: bool,
    /// Struck-out options, as indices in the question file.
    pub struck: Vec<usize>,
    /// Time spent on this question.
    pub millis: Millis,
    /// The answer as it stood when the candidate last left the question.
    settled: Vec<usize>,
    pub changes: Vec<AnswerChange>,
    /// Feedback shown (drills): the answer is locked.
    pub revealed: bool,
    /// How sure the candidate said they were, if they said. Files from before it load as None.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

/// A settled answer replaced by a different one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerChange {
    pub was_correct: bool,
    pub now_correct: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub paper: Paper,
    pub responses: Vec<Response>,
    /// The question on screen.
    pub current: usize,
    /// Time used so far; the clock does not run while the program is closed.
    pub elapsed: Millis,
    pub status: Status,
    /// The clock reading that `elapsed` was last brought up to; None while paused.
    #[serde(skip)]
    last_tick: Option<Millis>,
}

impl Session {
    /// A new attempt, with the clock starting at `now`.
    pub fn new(paper: Paper, now: Millis) -> Session {
        let responses = vec![Response::default(); paper.items.len()];
        Session {
            paper,
            responses,
            current: 0,
            elapsed: 0,
            status: Status::InProgress,
            last_tick: Some(now),
        }
    }

    /// Checks what a saved session must hold before anything indexes into it: a file that
    /// parses can still say nonsense (one response too few, `current` past the end, an option
    /// that does not exist). Returns the first problem, as words.
    pub fn validate(&self) -> Result<(), String> {
        let items = &self.paper.items;
        if items.is_empty() {
            return Err("the paper has no questions".into());
        }
        if self.responses.len() != items.len() {
            return Err(format!(
                "{} answers for {} questions",
                self.responses.len(),
                items.len()
            ));
        }
        if self.current >= items.len() {
            return Err(format!(
                "the current question is {} of {}",
                self.current + 1,
                items.len()
            ));
        }
        for (n, (item, response)) in items.iter().zip(&self.responses).enumerate() {
            let options = item.order.len();
            let mut order = item.order.clone();
            order.sort_unstable();
            if options < 2 || order.iter().enumerate().any(|(i, &o)| i != o) {
                return Err(format!("question {} has a broken option order", n + 1));
            }
            let in_range = |list: &[usize]| list.iter().all(|&o| o < options);
            let ascending = |list: &[usize]| list.windows(2).all(|w| w[0] < w[1]);
            if item.key.is_empty() || !in_range(&item.key) || !ascending(&item.key) {
                return Err(format!("question {} has a broken key", n + 1));
            }
            if !in_range(&response.chosen)
                || !ascending(&response.chosen)
                || response.chosen.len() > item.key.len()
                || !in_range(&response.struck)
                || !in_range(&response.settled)
            {
                return Err(format!(
                    "question {} has an answer outside its options",
                    n + 1
                ));
            }
        }
        Ok(())
    }

    /// Stops the clock (the program is closing or the exam is paused).
    pub fn pause(&mut self, now: Millis) {
        self.advance_clock(now);
        self.last_tick = None;
    }

    /// Restarts the clock after a pause or after loading a saved session.
    pub fn resume(&mut self, now: Millis) {
        if self.status == Status::InProgress {
            self.last_tick = Some(now);
        }
    }

    /// Ends the attempt unfinished, because the candidate started a new one in its place.
    pub fn abandon(&mut self, now: Millis) {
        if !self.is_finished() {
            self.advance_clock(now);
            self.settle(self.current);
            self.status = Status::Abandoned;
            self.last_tick = None;
        }
    }

    pub fn is_paused(&self) -> bool {
        self.last_tick.is_none()
    }

    pub fn is_finished(&self) -> bool {
        self.status != Status::InProgress
    }

    /// Time left, for a timed paper.
    pub fn remaining(&self) -> Option<Millis> {
        self.paper
            .time_limit_secs
            .map(|s| (s * 1000).saturating_sub(self.elapsed))
    }

    pub fn len(&self) -> usize {
        self.responses.len()
    }

    pub fn is_empty(&self) -> bool {
        self.responses.is_empty()
    }

    /// Whether question `i` has as many options chosen as it asks for.
    pub fn is_answered(&self, i: usize) -> bool {
        self.responses[i].chosen.len() == self.paper.items[i].required()
    }

    pub fn answered_count(&self) -> usize {
        (0..self.len()).filter(|&i| self.is_answered(i)).count()
    }

    pub fn flagged_count(&self) -> usize {
        self.responses.iter().filter(|r| r.flagged).count()
    }

    pub fn unanswered(&self) -> Vec<usize> {
        (0..self.len()).filter(|&i| !self.is_answered(i)).collect()
    }

    pub fn flagged(&self) -> Vec<usize> {
        (0..self.len())
            .filter(|&i| self.responses[i].flagged)
            .collect()
    }

    /// All-or-nothing: exactly the keyed set.
    pub fn is_correct(&self, i: usize) -> bool {
        self.responses[i].chosen == self.paper.items[i].key
    }

    /// Whether display position `pos` of question `i` is chosen.
    pub fn is_chosen(&self, i: usize, pos: usize) -> bool {
        let option = self.paper.items[i].order[pos];
        self.responses[i].chosen.contains(&option)
    }

    pub fn is_struck(&self, i: usize, pos: usize) -> bool {
        let option = self.paper.items[i].order[pos];
        self.responses[i].struck.contains(&option)
    }

    /// Whether the answer to question `i` is locked because its feedback was shown.
    pub fn is_revealed(&self, i: usize) -> bool {
        self.responses[i].revealed
    }

    /// Applies an action at clock reading `now`. Returns whether anything a screen or the saved
    /// file shows changed (a Tick changes the time, so it returns true while the clock runs).
    pub fn apply(&mut self, action: Action, now: Millis) -> bool {
        if self.is_finished() {
            return false;
        }
        self.advance_clock(now);
        if self.is_finished() {
            // The deadline passed before this action: it does not count.
            return true;
        }
        let i = self.current;
        let item = &self.paper.items[i];
        let locked = self.responses[i].revealed;
        match action {
            Action::Tick => return self.last_tick.is_some(),
            Action::Choose(pos) if pos < item.order.len() && !locked => {
                let option = item.order[pos];
                let required = item.required();
                let chosen = &mut self.responses[i].chosen;
                if required == 1 {
                    if chosen.as_slice() == [option] {
                        return false;
                    }
                    *chosen = vec![option];
                } else if let Some(at) = chosen.iter().position(|&o| o == option) {
                    chosen.remove(at);
                } else if chosen.len() < required {
                    chosen.push(option);
                    chosen.sort_unstable();
                } else {
                    // As on the real exam, no more than the asked-for number can be chosen.
                    return false;
                }
                // Choosing an option un-strikes it: a struck choice would be a contradiction.
                self.responses[i].struck.retain(|&o| o != option);
            }
            Action::Clear if !locked && !self.responses[i].chosen.is_empty() => {
                self.responses[i].chosen.clear();
            }
            Action::ToggleFlag => {
                self.responses[i].flagged = !self.responses[i].flagged;
            }
            Action::ToggleStrike(pos) if pos < item.order.len() => {
                let option = item.order[pos];
                let response = &mut self.responses[i];
                if let Some(at) = response.struck.iter().position(|&o| o == option) {
                    response.struck.remove(at);
                } else {
                    response.struck.push(option);
                    // Striking out a choice withdraws it (unless the answer is locked): a
                    // struck choice would be a contradiction, the mirror of choosing un-striking.
                    if !locked {
                        response.chosen.retain(|&o| o != option);
                    }
                }
            }
            Action::Confidence(c) if !locked => {
                let mark = &mut self.responses[i].confidence;
                *mark = if *mark == Some(c) { None } else { Some(c) };
            }
            Action::Next if i + 1 < self.len() => self.go_to(i + 1),
            Action::Previous if i > 0 => self.go_to(i - 1),
            Action::GoTo(j) if j < self.len() && j != i => self.go_to(j),
            // Only a complete answer is judged: half a multiple response is not an answer yet.
            Action::Reveal
                if self.paper.feedback == Feedback::Now && !locked && self.is_answered(i) =>
            {
                self.settle(i);
                self.responses[i].revealed = true;
            }
            Action::Submit => {
                self.settle(i);
                self.status = Status::Submitted;
                self.last_tick = None;
            }
            _ => return false,
        }
        true
    }

    fn go_to(&mut self, j: usize) {
        self.settle(self.current);
        self.current = j;
    }

    /// Records an answer change when the candidate leaves a question with a different answer
    /// from the one they left it with before. Clearing does not settle: "A, clear, B" is one
    /// change, A to B.
    fn settle(&mut self, i: usize) {
        let key = &self.paper.items[i].key;
        let r = &mut self.responses[i];
        if r.chosen.is_empty() || r.chosen == r.settled {
            return;
        }
        if !r.settled.is_empty() {
            r.changes.push(AnswerChange {
                was_correct: &r.settled == key,
                now_correct: &r.chosen == key,
            });
        }
        r.settled = r.chosen.clone();
    }

    /// Brings `elapsed` and the current question's time up to `now`; submits at the deadline.
    fn advance_clock(&mut self, now: Millis) {
        let Some(last) = self.last_tick else {
            return;
        };
        let mut delta = now.saturating_sub(last);
        if let Some(remaining) = self.remaining() {
            delta = delta.min(remaining);
        }
        self.elapsed += delta;
        self.responses[self.current].millis += delta;
        self.last_tick = Some(now);
        if self.remaining() == Some(0) {
            self.settle(self.current);
            self.status = Status::TimeUp;
            self.last_tick = None;
        }
    }
}
