//! The exam engine: paper assembly, the session state machine and scoring. No terminal code.

pub mod paper;
pub mod score;
pub mod session;

pub use paper::{
    AssemblyError, Feedback, Mode, Paper, PaperItem, PaperRequest, Scope, Unavailable, apportion,
    assemble,
};
pub use score::{ChangeCounts, DomainResult, Scorecard, Tally, score};
pub use session::{Action, AnswerChange, Millis, Response, Session, Status};
