//! Study tools built on the attempt history, no terminal code: FSRS spaced review
//! ([`schedule`]), the readiness estimate ([`readiness`]), per-question statistics
//! ([`items`]) and progress over the exam guide ([`progress`]).

pub mod items;
pub mod progress;
pub mod readiness;
pub mod schedule;
