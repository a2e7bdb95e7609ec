//! proctor: a practice-exam simulator for the AWS Certified DevOps Engineer – Professional exam.
//!
//! Data flows one way: [`blueprint`] + [`bank`] → [`exam::Paper`] → [`exam::Session`] →
//! [`exam::Scorecard`] → [`store`]. The engine modules have no terminal code; the `tui` module
//! (behind the default-on `tui` feature) reads sessions and sends them actions.

pub mod bank;
pub mod blueprint;
pub mod cli;
pub mod clock;
pub mod exam;
pub mod format;
pub mod interop;
pub mod plain;
pub mod practice;
pub mod report;
pub mod safe_text;
pub mod store;
pub mod study;
#[cfg(feature = "tui")]
pub mod tui;
