//! The numbers that decide how practice behaves, in one place so every front end agrees.

/// Questions in a drill when the request names no count and the scope has enough.
pub const DRILL_COUNT: usize = 10;

/// How often the running clock is saved between actions. Answers are saved as they are given;
/// the clock every 10 s, so a crash costs at most 10 s of time used, never time left.
pub const AUTOSAVE_MILLIS: u64 = 10_000;

/// Minutes left at which a timed attempt warns the candidate, largest first. A warning is given
/// only when the time limit is longer than its threshold.
pub const TIME_WARNINGS_MINUTES: [u64; 2] = [30, 5];

/// The longest time limit a paper may have: longer is surely a typo (and overflows arithmetic).
pub const MAX_TIME_LIMIT_SECS: u64 = 24 * 60 * 60;

// ----- spaced review (FSRS) -----

/// The share of cards FSRS aims to have remembered on the day they come due.
pub const DESIRED_RETENTION: f32 = 0.9;

/// A right answer this many times slower than the candidate's median answer time is rated Hard:
/// it was worked out, not known.
pub const SLOW_FACTOR: u64 = 2;

/// A card is mastered when FSRS puts its stability (the days until recall falls to 90%) at this
/// or more: three weeks without forgetting.
pub const MASTERED_STABILITY_DAYS: f32 = 21.0;

// ----- readiness -----

/// Answers a domain needs before the readiness estimate is given: fewer and the interval would
/// be mostly prior.
pub const READINESS_MIN_ANSWERS: usize = 5;

/// An answer this many days old counts half as much as one given today: what the candidate
/// knew a month ago says less about today.
pub const RECENCY_HALF_LIFE_DAYS: f64 = 30.0;

/// A repeat answer to a question already answered before counts this much: part of it is
/// memory of that question, not of the domain.
pub const REPEAT_WEIGHT: f64 = 0.5;

/// The Beta prior of each domain's share correct: worth two answers, centred on 65%. A uniform
/// prior pulls every candidate toward 50%, and in the simulation (`tests/readiness.rs`) its 80%
/// interval covered the truth in only 76% of runs after 60 answers; this one, 80%.
pub const READINESS_PRIOR: (f64, f64) = (1.3, 0.7);

// ----- item statistics -----

/// An item is looked at for a miskey once it was asked this often.
pub const MISKEY_MIN_ASKED: usize = 2;

/// "Otherwise strong": this share correct over the candidate's other answers...
pub const STRONG_SHARE: f64 = 0.7;

/// ...over at least this many of them.
pub const STRONG_MIN_ANSWERS: usize = 20;
