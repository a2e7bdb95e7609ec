//! Attempt history and the exam in progress, on disk: atomic writes, a lock, corrupt files set
//! aside. See [`records::Records`] for what the screens use.

pub mod records;

pub use records::{Attempt, MemoryRecords, Records};
