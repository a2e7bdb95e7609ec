//! A bank file's bytes → parse, the bank-wide checks, lint, stats: never a panic, and nothing
//! printed carries a control character a terminal would act on.
//!
//! Run (nightly, from the project root), seeded with the real bank and the invalid fixtures:
//!   cargo +nightly fuzz run bank fuzz/corpus/bank question_bank tests/fixtures -- -workers=1 -jobs=1
//! A crash found here is minimised (`cargo fuzz tmin`) into fuzz/regressions/bank/, which
//! tests/fuzz_regressions.rs replays in every `cargo test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| proctor::bank::fuzzing::check_file(data));
