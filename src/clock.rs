//! Time, injected: the engine reads a [`Clock`], so tests drive time by hand and never sleep.

use crate::exam::Millis;
use std::cell::Cell;
use std::time::Instant;

pub trait Clock {
    /// Milliseconds since an arbitrary fixed point; never goes backwards.
    fn now(&self) -> Millis;
}

/// The real monotonic clock.
#[derive(Debug, Clone, Copy)]
pub struct SystemClock {
    start: Instant,
}

impl Default for SystemClock {
    fn default() -> Self {
        SystemClock {
            start: Instant::now(),
        }
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Millis {
        Millis::try_from(self.start.elapsed().as_millis()).unwrap_or(Millis::MAX)
    }
}

/// A clock that moves only when told to.
#[derive(Debug, Default)]
pub struct FakeClock {
    now: Cell<Millis>,
}

impl FakeClock {
    pub fn at(now: Millis) -> FakeClock {
        FakeClock {
            now: Cell::new(now),
        }
    }

    pub fn advance_secs(&self, secs: u64) {
        self.now.set(self.now.get() + secs * 1000);
    }

    pub fn advance_millis(&self, millis: Millis) {
        self.now.set(self.now.get() + millis);
    }
}

impl Clock for FakeClock {
    fn now(&self) -> Millis {
        self.now.get()
    }
}
