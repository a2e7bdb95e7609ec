//! Inputs saved under fuzz/regressions/<target>/ — crashes the fuzz targets found (minimised),
//! and files that broke loading before — replayed through the very checks the fuzz targets run:
//! a bank file through parse, checks, lint and stats; an attempt or in-progress file through
//! loading, scoring, exports and the line mode; a key sequence through the TUI. None may panic
//! or print anything a terminal acts on.

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut failed = Vec::new();
    let mut replayed = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        replayed += 1;
        if std::panic::catch_unwind(|| check(&bytes)).is_err() {
            failed.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    assert!(failed.is_empty(), "{target}: failed: {failed:?}");
    replayed
}

#[test]
fn every_saved_bank_input_passes_the_fuzz_check() {
    let replayed = replay("bank", proctor::bank::fuzzing::check_file);
    assert!(replayed >= 3, "the saved inputs are there");
}

#[test]
fn every_saved_history_input_passes_the_fuzz_checks() {
    assert!(replay("attempt", proctor::store::fuzzing::check_attempt) >= 3);
    assert!(replay("in_progress", proctor::store::fuzzing::check_in_progress) >= 3);
}

#[test]
fn every_saved_key_sequence_passes_the_fuzz_check() {
    assert!(replay("keys", proctor::tui::fuzzing::check_keys) >= 3);
}
