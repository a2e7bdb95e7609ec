//! The question model, as the engine uses it after loading.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Four options, exactly one correct.
    Single,
    /// Five or six options, two or three correct.
    Multiple,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Single => "single",
            Kind::Multiple => "multiple",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// "<task>-<number>", unique in the bank.
    pub id: String,
    /// The task statement, e.g. "1.4".
    pub task: String,
    /// The domain number the task belongs to.
    pub domain: u8,
    pub kind: Kind,
    /// Canonical service names, most central first.
    pub services: Vec<String>,
    /// The blueprint's knowledge and skill bullets this question tests (e.g. "1.1.s4"), 1–3.
    #[serde(default)]
    pub skills: Vec<String>,
    /// The date (YYYY-MM-DD) the facts were last checked against AWS documentation.
    pub verified: String,
    pub stem: String,
    pub explanation: String,
    pub references: Vec<String>,
    /// In file order. The order carries no meaning: papers shuffle it per attempt.
    pub options: Vec<AnswerOption>,
    /// The file the question came from, relative to the bank's root.
    pub file: String,
    /// The line of its `[[question]]` header in that file.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerOption {
    pub text: String,
    pub correct: bool,
    pub why: String,
}

impl Question {
    /// Indices (file order) of the keyed options.
    pub fn key(&self) -> Vec<usize> {
        self.options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.correct)
            .map(|(i, _)| i)
            .collect()
    }

    /// How many options a candidate must choose.
    pub fn key_count(&self) -> usize {
        self.options.iter().filter(|o| o.correct).count()
    }
}
