//! An attempt file's bytes → load, score, history table and JSON, every export, the line
//! mode's answer review: never a panic, nothing printed that a terminal would act on.
//!   cargo +nightly fuzz run attempt fuzz/corpus/attempt -- -workers=1 -jobs=1
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| proctor::store::fuzzing::check_attempt(data));
