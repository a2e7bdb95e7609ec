//! Spaced review: every question the candidate has answered is a card, scheduled by FSRS (the
//! `fsrs` crate, with its default parameters). Each answer is a review rated from what the
//! history holds:
//!
//! - wrong → Again;
//! - right, but marked Guess or Unsure, or more than [`policy::SLOW_FACTOR`] times slower than
//!   the candidate's median answer → Hard;
//! - right, marked Sure, and no slower than the median → Easy;
//! - right otherwise → Good.
//!
//! A blank answer is no review (nothing was recalled or misremembered). Days are UTC calendar
//! days; an attempt's answers are reviews on the day it finished. The attempt history is the
//! source of truth: a schedule is replayed from it, oldest attempt first, and the copy kept on
//! disk is only a cache that is checked against the history on every load.

use crate::exam::{Confidence, Millis};
use crate::practice::policy;
use crate::store::Attempt;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    Again,
    Hard,
    Good,
    Easy,
}

impl Rating {
    /// The rating of one answer (see the module's comment).
    pub fn of(
        correct: bool,
        confidence: Option<Confidence>,
        millis: Millis,
        median: Millis,
    ) -> Rating {
        if !correct {
            return Rating::Again;
        }
        let slow = median > 0 && millis > median.saturating_mul(policy::SLOW_FACTOR);
        match confidence {
            Some(Confidence::Guess | Confidence::Unsure) => Rating::Hard,
            _ if slow => Rating::Hard,
            Some(Confidence::Sure) if millis <= median => Rating::Easy,
            _ => Rating::Good,
        }
    }
}

/// One question's memory state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// Days until recall is expected to fall to 90%.
    pub stability: f32,
    /// FSRS difficulty, 1 (easy) to 10 (hard).
    pub difficulty: f32,
    /// The day of the latest answer (UTC).
    pub last_review: Date,
    /// The day it comes due (UTC).
    pub due: Date,
    pub reviews: u32,
    /// Answers rated Again.
    pub lapses: u32,
    pub last_rating: Rating,
    /// The latest answer was marked Sure and was wrong: asked first.
    pub misconception: bool,
}

impl Card {
    pub fn is_due(&self, today: Date) -> bool {
        self.due <= today
    }

    pub fn is_mastered(&self) -> bool {
        self.stability >= policy::MASTERED_STABILITY_DAYS
    }
}

/// A card in the review queue, with its question id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DueCard {
    pub id: String,
    #[serde(flatten)]
    pub card: Card,
}

/// Every card, and what of the history it was built from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// The attempts replayed, oldest first.
    pub applied: Vec<String>,
    /// Every answer time replayed so far, ascending: the median for the next rating.
    pub times: Vec<Millis>,
    /// By question id.
    pub cards: BTreeMap<String, Card>,
}

/// The UTC day of an RFC 3339 stamp.
pub fn day_of(stamp: &str) -> Option<Date> {
    let t: jiff::Timestamp = stamp.parse().ok()?;
    Some(utc_day(t))
}

/// The UTC day of a timestamp.
pub fn utc_day(t: jiff::Timestamp) -> Date {
    jiff::tz::Offset::UTC.to_datetime(t).date()
}

/// Attempts oldest first, the order a schedule replays them in.
fn chronological(attempts: &[Attempt]) -> Vec<&Attempt> {
    let mut sorted: Vec<&Attempt> = attempts.iter().collect();
    sorted.sort_by(|a, b| (&a.finished, &a.id).cmp(&(&b.finished, &b.id)));
    sorted
}

impl Schedule {
    /// The schedule of a whole history, replayed from nothing.
    pub fn rebuild(attempts: &[Attempt]) -> Schedule {
        let mut schedule = Schedule::default();
        let fsrs = fsrs::FSRS::default();
        for attempt in chronological(attempts) {
            schedule.apply(attempt, &fsrs);
        }
        schedule
    }

    /// Brings a kept schedule up to date with the history: the attempts recorded since are
    /// replayed onto it. A schedule that is not a replay of the history's oldest attempts (an
    /// attempt went missing, or one older than it appeared) is rebuilt. Returns whether it
    /// changed.
    pub fn catch_up(&mut self, attempts: &[Attempt]) -> bool {
        let sorted = chronological(attempts);
        let is_prefix = self.applied.len() <= sorted.len()
            && self.applied.iter().zip(&sorted).all(|(id, a)| *id == a.id);
        if !is_prefix {
            *self = Schedule::rebuild(attempts);
            return true;
        }
        if self.applied.len() == sorted.len() {
            return false;
        }
        let fsrs = fsrs::FSRS::default();
        for attempt in &sorted[self.applied.len()..] {
            self.apply(attempt, &fsrs);
        }
        true
    }

    /// Replays one attempt: each answered question is a review on the day it finished.
    fn apply(&mut self, attempt: &Attempt, fsrs: &fsrs::FSRS) {
        self.applied.push(attempt.id.clone());
        let Some(day) = day_of(&attempt.finished) else {
            // A history without a date (kept in memory) schedules nothing.
            return;
        };
        let session = &attempt.session;
        let answered: Vec<usize> = (0..session.len())
            .filter(|&i| !session.responses[i].chosen.is_empty())
            .collect();
        for &i in &answered {
            let at = self
                .times
                .partition_point(|&t| t <= session.responses[i].millis);
            self.times.insert(at, session.responses[i].millis);
        }
        let median = self.times.get(self.times.len() / 2).copied().unwrap_or(0);
        for i in answered {
            let response = &session.responses[i];
            let correct = session.is_correct(i);
            let rating = Rating::of(correct, response.confidence, response.millis, median);
            let id = &session.paper.items[i].id;
            let card = review(self.cards.get(id), rating, day, fsrs);
            let card = Card {
                misconception: !correct && response.confidence == Some(Confidence::Sure),
                ..card
            };
            self.cards.insert(id.clone(), card);
        }
    }

    /// The cards due on `today`, misconceptions first, then the longest overdue, then by id.
    pub fn due(&self, today: Date) -> Vec<DueCard> {
        let mut due: Vec<DueCard> = self
            .cards
            .iter()
            .filter(|(_, c)| c.is_due(today))
            .map(|(id, c)| DueCard {
                id: id.clone(),
                card: c.clone(),
            })
            .collect();
        due.sort_by(|a, b| {
            b.card
                .misconception
                .cmp(&a.card.misconception)
                .then(a.card.due.cmp(&b.card.due))
                .then(a.id.cmp(&b.id))
        });
        due
    }

    /// The first day after `today` that something comes due, as "2026-12-03".
    pub fn next_due(&self, today: Date) -> Option<String> {
        self.cards
            .values()
            .map(|c| c.due)
            .filter(|&d| d > today)
            .min()
            .map(|d| d.to_string())
    }

    /// What a schedule read from a file must hold: finite positive memory states, dates in
    /// order, sorted times, ids that are safe to print.
    pub fn validate(&self) -> Result<(), String> {
        if self.times.windows(2).any(|w| w[0] > w[1]) {
            return Err("its answer times are out of order".into());
        }
        for (id, card) in &self.cards {
            let sane = |x: f32| x.is_finite() && x > 0.0;
            if !sane(card.stability) || !sane(card.difficulty) {
                return Err(format!("card {id} has an impossible memory state"));
            }
            if card.due < card.last_review {
                return Err(format!("card {id} is due before its last review"));
            }
        }
        crate::store::records::no_control_characters(self)
    }
}

/// A card after one more answer, rated `rating`, on `day`.
fn review(card: Option<&Card>, rating: Rating, day: Date, fsrs: &fsrs::FSRS) -> Card {
    let memory = card.map(|c| fsrs::MemoryState {
        stability: c.stability,
        difficulty: c.difficulty,
    });
    let elapsed = card.map_or(0, |c| {
        let days = (day - c.last_review).get_days();
        u32::try_from(days.max(0)).unwrap_or(0)
    });
    let states = fsrs
        .next_states(memory, policy::DESIRED_RETENTION, elapsed)
        // A state FSRS cannot continue from starts over, as a new card.
        .or_else(|_| fsrs.next_states(None, policy::DESIRED_RETENTION, 0));
    let (stability, difficulty, interval) = match states {
        Ok(next) => {
            let state = match rating {
                Rating::Again => next.again,
                Rating::Hard => next.hard,
                Rating::Good => next.good,
                Rating::Easy => next.easy,
            };
            (
                state.memory.stability,
                state.memory.difficulty,
                state.interval,
            )
        }
        Err(_) => (1.0, 5.0, 1.0),
    };
    // Whole days, at least one: an answer is never due again the same day.
    #[expect(
        clippy::cast_possible_truncation,
        reason = "clamped to 1..=36500 first"
    )]
    let days = interval.round().clamp(1.0, 36_500.0) as i32;
    let due = day.checked_add(jiff::Span::new().days(days)).unwrap_or(day);
    Card {
        stability,
        difficulty,
        last_review: day,
        due,
        reviews: card.map_or(0, |c| c.reviews) + 1,
        lapses: card.map_or(0, |c| c.lapses) + u32::from(rating == Rating::Again),
        last_rating: rating,
        misconception: false,
    }
}
