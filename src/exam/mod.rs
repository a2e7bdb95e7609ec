//! The exam engine: paper assembly, the session state machine and scoring. No terminal code.

pub mod paper;
pub mod score;
pub mod session;

pub use paper::{
    AssemblyError, Feedback, Mode, Paper, PaperItem, PaperRequest, Scope, Unavailable, apportion,
    assemble,
};
pub use score::{
    ChangeCounts, ConfidenceMarks, DomainResult, Scorecard, Tally, confidence_marks, score,
};
pub use session::{Action, AnswerChange, Confidence, Millis, Response, Session, Status};
