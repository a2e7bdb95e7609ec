//! Inputs saved under fuzz/regressions/bank/ — crashes the fuzz target found (minimised), and
//! question files that broke loading before — replayed through the very check the fuzz target
//! runs: parse, bank checks, lint and stats never panic, and print nothing a terminal acts on.

use proctor::bank::fuzzing::check_file;
use std::path::Path;

#[test]
fn every_saved_input_passes_the_fuzz_check() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/bank");
    let mut failed = Vec::new();
    let mut replayed = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        replayed += 1;
        if std::panic::catch_unwind(|| check_file(&bytes)).is_err() {
            failed.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    assert!(replayed >= 3, "the saved inputs are there");
    assert!(failed.is_empty(), "failed: {failed:?}");
}
