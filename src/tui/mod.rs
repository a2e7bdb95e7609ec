//! The terminal front end (ratatui). Being written.
