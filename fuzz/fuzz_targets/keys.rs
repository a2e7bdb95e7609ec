//! A sequence of keys, clicks, resizes and passing time → the TUI on a TestBackend, drawn after
//! every event: never a panic.
//!   cargo +nightly fuzz run --sanitizer none -a keys fuzz/corpus/keys -- -max_len=512
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| proctor::tui::fuzzing::check_keys(data));
