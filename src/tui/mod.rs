//! The terminal front end (ratatui). Placeholder until the tui branch merges.
use crate::bank::Bank;
use crate::blueprint::Blueprint;
use crate::clock::Clock;
use crate::exam::Session;
use crate::store::{Attempt, Records};

pub struct Context {
    pub blueprint: Blueprint,
    pub bank: Bank,
    pub records: Box<dyn Records>,
    pub clock: Box<dyn Clock>,
    pub seeds: Box<dyn FnMut() -> u64>,
}

pub enum Start {
    Home,
    Session(Session),
    AttemptReview(Attempt),
    History,
}

pub fn run(_context: Context, _start: Start) -> std::io::Result<()> {
    Err(std::io::Error::other("the terminal UI is not merged yet"))
}
