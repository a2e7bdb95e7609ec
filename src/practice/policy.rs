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
