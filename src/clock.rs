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

/// A shared clock is a clock: a test keeps one handle to move time and gives the engine another.
impl<C: Clock + ?Sized> Clock for std::rc::Rc<C> {
    fn now(&self) -> Millis {
        (**self).now()
    }
}

/// The date and time of day, injected like [`Clock`]: what is due for review and how recent an
/// answer is depend on the day, and tests set the day by hand.
pub trait Calendar {
    fn now(&self) -> jiff::Timestamp;
}

/// The system's wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemCalendar;

impl Calendar for SystemCalendar {
    fn now(&self) -> jiff::Timestamp {
        jiff::Timestamp::now()
    }
}

/// A calendar that moves only when told to.
#[derive(Debug)]
pub struct FixedCalendar {
    now: Cell<jiff::Timestamp>,
}

impl FixedCalendar {
    pub fn at(now: jiff::Timestamp) -> FixedCalendar {
        FixedCalendar {
            now: Cell::new(now),
        }
    }

    pub fn set(&self, now: jiff::Timestamp) {
        self.now.set(now);
    }

    pub fn advance_days(&self, days: i64) {
        let next = self
            .now
            .get()
            .checked_add(jiff::SignedDuration::from_hours(24 * days))
            .unwrap_or(self.now.get());
        self.now.set(next);
    }
}

impl Calendar for FixedCalendar {
    fn now(&self) -> jiff::Timestamp {
        self.now.get()
    }
}

impl<C: Calendar + ?Sized> Calendar for std::rc::Rc<C> {
    fn now(&self) -> jiff::Timestamp {
        (**self).now()
    }
}
