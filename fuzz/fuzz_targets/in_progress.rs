//! An in-progress file's bytes → load, resume, act, end, score, the line mode: never a panic,
//! nothing printed that a terminal would act on.
//!   cargo +nightly fuzz run in_progress fuzz/corpus/in_progress -- -workers=1 -jobs=1
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| proctor::store::fuzzing::check_in_progress(data));
