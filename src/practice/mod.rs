//! The use cases every front end shares — start a mock, a drill or a missed-answer review,
//! resume one, act on it, let time pass, finish and record it, read the history — with one
//! policy for when to save, when to warn and what may replace what. No terminal code: the TUI,
//! the line mode and the command line all call this layer and render what it returns.
//!
//! Rules that live here and nowhere else:
//! - every change to an attempt in progress is saved at once; the running clock every
//!   [`policy::AUTOSAVE_MILLIS`];
//! - each mode keeps one attempt in progress, and nothing replaces it silently: starting a new
//!   one either refuses ([`IfInProgress::Refuse`]) or records the old one as abandoned
//!   ([`IfInProgress::Abandon`]);
//! - a finished attempt is recorded with its scorecard, scored on the blueprint it was sat on.

pub mod policy;
pub mod setup;

use crate::bank::Bank;
use crate::blueprint::Blueprint;
use crate::clock::{Calendar, Clock, SystemCalendar};
use crate::exam::{
    Action, AssemblyError, Feedback, Mode, PaperRequest, Scope, Scorecard, Session, Status,
    assemble, score,
};
use crate::store::{Attempt, Records, StoreError};
use crate::study::schedule::{DueCard, Schedule, utc_day};
use std::time::Duration;

/// A new attempt, as a front end asks for it. What is left out takes the policy's default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewAttempt {
    /// A full mock exam of the blueprint: its length, its time, feedback at the end.
    Mock {
        seed: Option<u64>,
        time_limit_secs: Option<u64>,
    },
    /// Practice on one part of the bank (a domain, task statement or skill bullet).
    Drill {
        scope: Scope,
        count: Option<usize>,
        feedback: Feedback,
        seed: Option<u64>,
        time_limit_secs: Option<u64>,
    },
    /// A practice run of the whole exam: every domain at the blueprint's weights, of any
    /// length, with the explanation after each answer or at the end, timed at the mock's pace
    /// or untimed. Sat like a mock, never counted as one.
    Practice {
        count: Option<usize>,
        feedback: Feedback,
        /// No clock at all; otherwise `time_limit_secs`, else the mock's pace for the length.
        untimed: bool,
        time_limit_secs: Option<u64>,
        seed: Option<u64>,
    },
    /// The questions whose latest answer was wrong or blank, most recently missed first.
    Missed { count: Option<usize> },
    /// The spaced-review queue: what FSRS says is due today, misconceptions first.
    Due { count: Option<usize> },
}

impl NewAttempt {
    pub fn mode(&self) -> Mode {
        match self {
            NewAttempt::Mock { .. } | NewAttempt::Practice { .. } => Mode::Exam,
            NewAttempt::Drill { .. } => Mode::Drill,
            NewAttempt::Missed { .. } | NewAttempt::Due { .. } => Mode::Review,
        }
    }

    /// A mock with the blueprint's own time limit.
    pub fn mock(seed: Option<u64>) -> NewAttempt {
        NewAttempt::Mock {
            seed,
            time_limit_secs: None,
        }
    }

    /// A drill of the default length with feedback after each answer.
    pub fn drill(scope: Scope) -> NewAttempt {
        NewAttempt::Drill {
            scope,
            count: None,
            feedback: Feedback::Now,
            seed: None,
            time_limit_secs: None,
        }
    }
}

/// What a front end opens on.
pub enum Opening {
    Home,
    /// The attempt just started or resumed.
    Sitting,
    /// The answer review of a finished attempt.
    AttemptReview(Box<Scored>),
}

/// What to do when the new attempt's mode already has one in progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfInProgress {
    /// Start nothing; say so ([`PracticeError::InProgress`]).
    Refuse,
    /// Record the old attempt as abandoned (it stays in the history), then start.
    Abandon,
}

/// Something the front end should show or act on.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The attempt in progress was written to disk.
    Saved,
    /// It could not be: the message says why. The work is kept in memory.
    SaveFailed(String),
    /// A timed attempt reached one of [`policy::TIME_WARNINGS_MINUTES`].
    TimeWarning { minutes_left: u64 },
    /// The attempt ended (submitted or out of time) and was recorded.
    Finished(Box<Finished>),
}

impl Event {
    /// The time warning as the candidate reads it.
    pub fn time_warning_text(minutes_left: u64) -> String {
        if minutes_left <= 5 {
            format!("{minutes_left} minutes left. Unanswered questions count as wrong.")
        } else {
            format!("{minutes_left} minutes left.")
        }
    }
}

/// A finished attempt, its score, and whether recording it failed.
#[derive(Debug, Clone, PartialEq)]
pub struct Finished {
    pub attempt: Attempt,
    pub card: Scorecard,
    pub save_error: Option<String>,
}

/// A finished attempt with the scorecard it was given.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub attempt: Attempt,
    pub card: Scorecard,
}

/// An attempt with its recorded scorecard; attempts recorded before scorecards were kept are
/// scored on `blueprint`.
pub fn scored(attempt: Attempt, blueprint: &Blueprint) -> Scored {
    let card = attempt
        .scorecard
        .clone()
        .unwrap_or_else(|| score(&attempt.session, blueprint));
    Scored { attempt, card }
}

/// A part of the bank a drill can take, with how many questions it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrillScope {
    pub scope: Scope,
    /// "Domain 3: Resilient Cloud Solutions", "Task 3.2: …".
    pub label: String,
    pub available: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum PracticeError {
    #[error("{} is in progress", mode_phrase(*mode))]
    InProgress { mode: Mode },
    #[error("there is nothing in progress to resume")]
    NothingToResume,
    #[error("there is no {} in progress", mode_noun(*mode))]
    NotInProgress { mode: Mode },
    #[error("{} are in progress; say which to resume", list_modes(.0))]
    WhichToResume(Vec<Mode>),
    #[error("nothing to review: no question's latest answer was wrong")]
    NothingMissed,
    #[error("nothing is due for review today{}", match next { Some(day) => format!(" (the next is due {day})"), None => String::new() })]
    NothingDue { next: Option<String> },
    #[error("choose {required} option{} first", if *required == 1 { "" } else { "s" })]
    Incomplete { required: usize },
    #[error("cannot assemble the paper: {0}")]
    Assembly(#[from] AssemblyError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// "a mock exam", "a drill", "a missed-answer review".
pub fn mode_phrase(mode: Mode) -> String {
    format!("a {}", mode_noun(mode))
}

pub fn mode_noun(mode: Mode) -> &'static str {
    match mode {
        Mode::Exam => "mock exam",
        Mode::Drill => "drill",
        Mode::Review => "review",
    }
}

fn list_modes(modes: &[Mode]) -> String {
    let nouns: Vec<String> = modes.iter().map(|&m| mode_phrase(m)).collect();
    nouns.join(" and ")
}

/// The attempt being sat, with the warnings already given.
struct Sitting {
    session: Session,
    /// How many of [`policy::TIME_WARNINGS_MINUTES`] have been given (they go largest first).
    warned: usize,
}

/// The practice layer: one exam's blueprint and bank, one candidate's history, a clock.
pub struct Practice {
    blueprint: Blueprint,
    bank: Bank,
    records: Box<dyn Records>,
    clock: Box<dyn Clock>,
    /// The day, for what is due and how recent an answer is (the system's, unless a test sets
    /// one with [`Practice::set_calendar`]).
    calendar: Box<dyn Calendar>,
    seeds: Box<dyn FnMut() -> u64>,
    sitting: Option<Sitting>,
    /// The last save's failure, until a save succeeds: what would be lost on quitting.
    unsaved: Option<String>,
}

impl Practice {
    /// `seeds` gives the seed of a paper the request names none for (time-based in use, fixed
    /// in tests).
    pub fn new(
        blueprint: Blueprint,
        bank: Bank,
        records: Box<dyn Records>,
        clock: Box<dyn Clock>,
        seeds: Box<dyn FnMut() -> u64>,
    ) -> Practice {
        let mut practice = Practice {
            blueprint,
            bank,
            records,
            clock,
            calendar: Box::new(SystemCalendar),
            seeds,
            sitting: None,
            unsaved: None,
        };
        // A schedule set aside as corrupt, or missing attempts, is rebuilt now.
        practice.keep_schedule();
        practice
    }

    /// Sets the day the practice layer lives in (tests).
    pub fn set_calendar(&mut self, calendar: Box<dyn Calendar>) {
        self.calendar = calendar;
    }

    pub fn now(&self) -> jiff::Timestamp {
        self.calendar.now()
    }

    /// Today, as a UTC calendar day.
    pub fn today(&self) -> jiff::civil::Date {
        utc_day(self.calendar.now())
    }

    pub fn blueprint(&self) -> &Blueprint {
        &self.blueprint
    }

    pub fn bank(&self) -> &Bank {
        &self.bank
    }

    /// The attempt being sat, if any.
    pub fn session(&self) -> Option<&Session> {
        self.sitting.as_ref().map(|s| &s.session)
    }

    /// The modes with an attempt in progress (saved, not being sat), the mock exam first.
    pub fn modes_in_progress(&self) -> Vec<Mode> {
        self.records.modes_in_progress()
    }

    /// Why the work on screen is not on disk, if the last save failed.
    pub fn unsaved(&self) -> Option<&str> {
        self.unsaved.as_deref()
    }

    // ----- starting and resuming -----

    /// Starts a new attempt (pausing any being sat). The new attempt is saved at once.
    pub fn start(
        &mut self,
        request: NewAttempt,
        if_in_progress: IfInProgress,
    ) -> Result<Vec<Event>, PracticeError> {
        let mode = request.mode();
        let mut events = self.pause();
        let replaced = self.records.progress(mode);
        if replaced.is_some() && if_in_progress == IfInProgress::Refuse {
            return Err(PracticeError::InProgress { mode });
        }
        // Assemble before giving anything up: a request that cannot be met changes nothing.
        let practice_run = matches!(request, NewAttempt::Practice { .. });
        let request = self.paper_request(request)?;
        let mut paper = assemble(
            &self.blueprint,
            &self.bank,
            &request,
            &self.records.seen_counts(),
        )?;
        paper.practice = practice_run;
        if let Some(mut old) = replaced {
            old.abandon(self.clock.now());
            let card = score(&old, &self.blueprint);
            self.records.finish(&old, &card)?;
        }
        events.extend(self.enter(Session::new(paper, self.clock.now())));
        Ok(events)
    }

    /// Resumes the attempt in progress of `mode`, or — with no mode — the only one there is.
    pub fn resume(&mut self, mode: Option<Mode>) -> Result<Vec<Event>, PracticeError> {
        let mut events = self.pause();
        let mode = match (mode, self.records.modes_in_progress().as_slice()) {
            (Some(mode), _) => mode,
            (None, []) => return Err(PracticeError::NothingToResume),
            (None, [only]) => *only,
            (None, several) => return Err(PracticeError::WhichToResume(several.to_vec())),
        };
        let session = self
            .records
            .progress(mode)
            .ok_or(PracticeError::NotInProgress { mode })?;
        events.extend(self.enter(session));
        Ok(events)
    }

    /// The paper a request asks for, with the policy's defaults filled in.
    fn paper_request(&mut self, request: NewAttempt) -> Result<PaperRequest, PracticeError> {
        Ok(match request {
            NewAttempt::Mock {
                seed,
                time_limit_secs,
            } => {
                let seed = seed.unwrap_or_else(|| (self.seeds)());
                let mut request = PaperRequest::full_exam(&self.blueprint, seed);
                if time_limit_secs.is_some() {
                    request.time_limit_secs = time_limit_secs;
                }
                request
            }
            NewAttempt::Drill {
                scope,
                count,
                feedback,
                seed,
                time_limit_secs,
            } => {
                let available = scope.available(&self.bank);
                let searched = matches!(scope, Scope::Service { .. } | Scope::Grep { .. });
                if available == 0 && searched {
                    // Said as "has 0 questions", not "a paper needs at least one question"
                    // (other scopes are checked against the blueprint first).
                    return Err(AssemblyError::TooFew {
                        what: scope.to_string(),
                        have: 0,
                        need: count.unwrap_or(1).max(1),
                        purpose: "this drill".into(),
                    }
                    .into());
                }
                PaperRequest {
                    mode: Mode::Drill,
                    count: count.unwrap_or_else(|| available.min(policy::DRILL_COUNT)),
                    scope,
                    seed: seed.unwrap_or_else(|| (self.seeds)()),
                    time_limit_secs,
                    feedback,
                }
            }
            NewAttempt::Practice {
                count,
                feedback,
                untimed,
                time_limit_secs,
                seed,
            } => {
                let seed = seed.unwrap_or_else(|| (self.seeds)());
                let mut request = PaperRequest::full_exam(&self.blueprint, seed);
                request.count = count.unwrap_or(self.blueprint.questions);
                request.feedback = feedback;
                request.time_limit_secs = if untimed {
                    None
                } else {
                    time_limit_secs.or_else(|| Some(self.blueprint.pace_secs(request.count)))
                };
                request
            }
            NewAttempt::Due { count } => {
                let queue = self.due_queue();
                if queue.is_empty() {
                    return Err(PracticeError::NothingDue {
                        next: self.schedule().next_due(self.today()),
                    });
                }
                let ids: Vec<String> = queue.into_iter().map(|c| c.id).collect();
                PaperRequest {
                    mode: Mode::Review,
                    count: count.unwrap_or(ids.len()).min(ids.len()),
                    scope: Scope::Due { ids },
                    seed: (self.seeds)(),
                    time_limit_secs: None,
                    feedback: Feedback::Now,
                }
            }
            NewAttempt::Missed { count } => {
                let ids = self.missed();
                if ids.is_empty() {
                    return Err(PracticeError::NothingMissed);
                }
                PaperRequest {
                    mode: Mode::Review,
                    count: count.unwrap_or(ids.len()).min(ids.len()),
                    scope: Scope::Questions { ids },
                    seed: (self.seeds)(),
                    time_limit_secs: None,
                    feedback: Feedback::Now,
                }
            }
        })
    }

    /// Makes `session` the one being sat, its clock running from now.
    fn enter(&mut self, mut session: Session) -> Vec<Event> {
        session.resume(self.clock.now());
        let finished = session.is_finished();
        self.sitting = Some(Sitting { session, warned: 0 });
        if finished {
            // Saved after its time ran out but before it was recorded: record it now.
            return self.finish();
        }
        let mut events = vec![self.save()];
        // A resumed attempt may already be inside a warning's window: say so once, for the
        // smallest window it is in.
        self.after_time_passed(&mut events);
        events
    }

    // ----- sitting -----

    /// Applies the candidate's action; saves if anything changed.
    pub fn act(&mut self, action: Action) -> Vec<Event> {
        let now = self.clock.now();
        let Some(sitting) = self.sitting.as_mut() else {
            return Vec::new();
        };
        let mut events = Vec::new();
        if sitting.session.apply(action, now) {
            events.push(self.save());
        }
        self.after_time_passed(&mut events);
        events
    }

    /// Drills with feedback after each answer: judges the current answer, once it is complete.
    pub fn reveal(&mut self) -> Result<Vec<Event>, PracticeError> {
        if let Some(s) = self.session() {
            let i = s.current;
            let required = s.paper.items[i].required();
            if !s.is_revealed(i) && !s.is_answered(i) {
                return Err(PracticeError::Incomplete { required });
            }
        }
        Ok(self.act(Action::Reveal))
    }

    /// Ends the attempt being sat and records it.
    pub fn end(&mut self) -> Vec<Event> {
        let mut events = self.act(Action::Submit);
        if self.sitting.is_some() {
            events.extend(self.finish());
        }
        events
    }

    /// The passing of time: advances the clock, saves it every [`policy::AUTOSAVE_MILLIS`],
    /// gives the time warnings, and ends the attempt at zero. Cheap when nothing runs.
    pub fn tick(&mut self) -> Vec<Event> {
        let now = self.clock.now();
        let Some(sitting) = self.sitting.as_mut() else {
            return Vec::new();
        };
        let s = &mut sitting.session;
        if s.is_paused() {
            return Vec::new();
        }
        let before = s.elapsed;
        s.apply(Action::Tick, now);
        let crossed = s.elapsed / policy::AUTOSAVE_MILLIS != before / policy::AUTOSAVE_MILLIS;
        let mut events = Vec::new();
        if crossed && !s.is_finished() {
            events.push(self.save());
        }
        self.after_time_passed(&mut events);
        events
    }

    /// How long a front end may wait for input before the clock on screen needs a redraw: up
    /// to the next whole second of the attempt's clock while one runs.
    pub fn next_tick(&self) -> Duration {
        match self.session() {
            Some(s) if !s.is_paused() => Duration::from_millis(1000 - s.elapsed % 1000),
            _ => Duration::from_secs(60),
        }
    }

    /// Stops the clock, saves, and leaves the attempt: it resumes where it was left.
    pub fn pause(&mut self) -> Vec<Event> {
        let now = self.clock.now();
        let Some(mut sitting) = self.sitting.take() else {
            return Vec::new();
        };
        if sitting.session.is_finished() {
            self.sitting = Some(sitting);
            return self.finish();
        }
        sitting.session.pause(now);
        self.sitting = Some(sitting);
        let saved = self.save();
        self.sitting = None;
        vec![saved]
    }

    fn save(&mut self) -> Event {
        let Some(sitting) = &self.sitting else {
            return Event::Saved;
        };
        match self.records.save_progress(&sitting.session) {
            Ok(()) => {
                self.unsaved = None;
                Event::Saved
            }
            Err(e) => {
                let message = format!("Could not save progress: {e}");
                self.unsaved = Some(message.clone());
                Event::SaveFailed(message)
            }
        }
    }

    fn after_time_passed(&mut self, events: &mut Vec<Event>) {
        let Some(sitting) = self.sitting.as_mut() else {
            return;
        };
        let s = &sitting.session;
        if s.status == Status::TimeUp {
            events.extend(self.finish());
            return;
        }
        let (Some(left), Some(limit)) = (s.remaining(), s.paper.time_limit_secs) else {
            return;
        };
        const MINUTE: u64 = 60_000;
        // The smallest window the clock is in, if not warned of yet; larger ones are then moot.
        let due = policy::TIME_WARNINGS_MINUTES
            .iter()
            .enumerate()
            .rfind(|&(_, &m)| limit * 1000 > m * MINUTE && left <= m * MINUTE);
        if let Some((n, &minutes)) = due
            && n >= sitting.warned
        {
            sitting.warned = n + 1;
            events.push(Event::TimeWarning {
                minutes_left: minutes,
            });
        }
    }

    /// Records the attempt being sat (submitted or out of time) and scores it.
    fn finish(&mut self) -> Vec<Event> {
        let Some(Sitting { session, .. }) = self.sitting.take() else {
            return Vec::new();
        };
        let card = score(&session, &self.blueprint);
        let recorded = self.records.finish(&session, &card);
        self.keep_schedule();
        let finished = match recorded {
            Ok(attempt) => Finished {
                attempt,
                card,
                save_error: None,
            },
            Err(e) => Finished {
                save_error: Some(format!("Could not record this attempt: {e}")),
                attempt: Attempt {
                    id: "unsaved".into(),
                    started: String::new(),
                    finished: String::new(),
                    session,
                    scorecard: Some(card.clone()),
                },
                card,
            },
        };
        vec![Event::Finished(Box::new(finished))]
    }

    // ----- history -----

    /// Finished attempts, newest first, each with the scorecard it was given.
    pub fn history(&self) -> Vec<Scored> {
        self.records
            .attempts()
            .into_iter()
            .map(|attempt| self.scored(attempt))
            .collect()
    }

    /// The finished attempt with this id, or the newest with None.
    pub fn attempt(&self, id: Option<&str>) -> Result<Scored, PracticeError> {
        let attempts = self.records.attempts();
        let found = match id {
            Some(id) => attempts.into_iter().find(|a| a.id == id),
            None => attempts.into_iter().next(),
        };
        found.map(|a| self.scored(a)).ok_or_else(|| {
            StoreError::NoSuchAttempt {
                id: id.unwrap_or("(none yet)").to_string(),
            }
            .into()
        })
    }

    fn scored(&self, attempt: Attempt) -> Scored {
        scored(attempt, &self.blueprint)
    }

    /// Question ids whose latest answer was wrong or blank and that the bank still has, most
    /// recently missed first.
    pub fn missed(&self) -> Vec<String> {
        self.records
            .missed()
            .into_iter()
            .filter(|id| self.bank.get(id).is_some())
            .collect()
    }

    // ----- spaced review -----

    /// The spaced-review schedule of the whole history.
    pub fn schedule(&self) -> Schedule {
        let attempts = self.records.attempts();
        match self.records.schedule() {
            Some(mut kept) => {
                kept.catch_up(&attempts);
                kept
            }
            None => Schedule::rebuild(&attempts),
        }
    }

    /// Brings the kept schedule up to date with the history and writes it if it changed. A
    /// failed write loses nothing (the history is the source of truth): it is tried again
    /// next time.
    fn keep_schedule(&mut self) {
        let kept = self.records.schedule();
        let fresh = self.schedule();
        if kept.as_ref() != Some(&fresh) {
            let _ = self.records.save_schedule(&fresh);
        }
    }

    /// What is due today and still in the bank: misconceptions first, then the longest
    /// overdue.
    pub fn due_queue(&self) -> Vec<DueCard> {
        self.schedule()
            .due(self.today())
            .into_iter()
            .filter(|c| self.bank.get(&c.id).is_some())
            .collect()
    }

    /// How ready the candidate is for the exam, from the whole history, as of today.
    pub fn readiness(&self) -> crate::study::readiness::Readiness {
        let observations = crate::study::readiness::observations(&self.records.attempts());
        crate::study::readiness::estimate(&self.blueprint, &observations, self.now())
    }

    /// Unseen / seen / due / mastered per task statement and skill bullet.
    pub fn progress(&self) -> crate::study::progress::Progress {
        crate::study::progress::progress(
            &self.blueprint,
            &self.bank,
            &self.schedule(),
            self.today(),
        )
    }

    /// Per-question statistics from the history.
    pub fn item_stats(
        &self,
        sort: crate::study::items::Sort,
    ) -> Vec<crate::study::items::ItemStats> {
        crate::study::items::item_stats(&self.bank, &self.records.attempts(), sort)
    }

    /// Every service the bank's questions name, with its question count, most first.
    pub fn services(&self) -> Vec<(String, usize)> {
        let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for q in self.bank.entries() {
            for s in &q.services {
                *counts.entry(s.as_str()).or_insert(0) += 1;
            }
        }
        let mut list: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(s, n)| (s.to_string(), n))
            .collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        list
    }

    /// Every domain and task statement a drill can take, with its question count.
    pub fn drill_scopes(&self) -> Vec<DrillScope> {
        let mut rows = Vec::new();
        for d in &self.blueprint.domains {
            let scope = Scope::Domain { domain: d.number };
            rows.push(DrillScope {
                label: format!("Domain {}: {}", d.number, d.name),
                available: scope.available(&self.bank),
                scope,
            });
            for t in &d.tasks {
                let scope = Scope::Task { task: t.id.clone() };
                rows.push(DrillScope {
                    label: format!("Task {}: {}", t.id, t.name),
                    available: scope.available(&self.bank),
                    scope,
                });
            }
        }
        rows
    }
}
