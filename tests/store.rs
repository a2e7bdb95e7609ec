//! The data dir: atomic saves, attempts written once, corrupt files set aside, one writer.

use proctor::bank::{Bank, BankSource, synthetic};
use proctor::blueprint::Blueprint;
use proctor::exam::{Action, Feedback, Mode, PaperRequest, Scope, Session, assemble, score};
use proctor::store::{Access, MemoryRecords, Records, Store, StoreError};
use std::collections::HashMap;

fn bank() -> (Blueprint, Bank) {
    let blueprint = Blueprint::dop_c02();
    let files = synthetic::bank_files(&blueprint, 19 * 4)
        .into_iter()
        .map(|(n, t)| (n, t.into_bytes()))
        .collect();
    let bank = Bank::from_files(files, &blueprint, BankSource::Embedded).unwrap();
    (blueprint, bank)
}

fn drill(bp: &Blueprint, bank: &Bank, ids: &[&str]) -> Session {
    let request = PaperRequest {
        mode: Mode::Drill,
        scope: Scope::Questions {
            ids: ids.iter().map(std::string::ToString::to_string).collect(),
        },
        count: ids.len(),
        seed: 1,
        time_limit_secs: None,
        feedback: Feedback::Now,
    };
    Session::new(assemble(bp, bank, &request, &HashMap::new()).unwrap(), 0)
}

/// Chooses the key (right) or a wrong option for the current question.
fn answer(s: &mut Session, right: bool) {
    let item = s.paper.items[s.current].clone();
    let key = item.key_positions();
    if right {
        for p in key {
            s.apply(Action::Choose(p), 0);
        }
    } else {
        let wrong = (0..item.order.len()).find(|p| !key.contains(p)).unwrap();
        s.apply(Action::Choose(wrong), 0);
    }
}

#[test]
fn progress_is_saved_and_read_back_after_every_action() {
    let (bp, bank) = bank();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), Access::Exclusive).unwrap();
    let mut s = drill(&bp, &bank, &["1.1-001", "1.1-002"]);
    answer(&mut s, true);
    store.save_progress(&s).unwrap();
    s.apply(Action::ToggleFlag, 0);
    store.save_progress(&s).unwrap();
    drop(store);
    let again = Store::open(dir.path(), Access::Exclusive).unwrap();
    s.pause(0); // a loaded session comes back paused, its clock stopped
    assert_eq!(again.progress(Mode::Drill), Some(s));
    assert!(
        !dir.path().join("in-progress-drill.tmp").exists(),
        "no temp file left behind"
    );
}

#[test]
fn a_finished_attempt_is_its_own_file_and_clears_the_progress() {
    let (bp, bank) = bank();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), Access::Exclusive).unwrap();
    let mut s = drill(&bp, &bank, &["2.1-001"]);
    answer(&mut s, true);
    store.save_progress(&s).unwrap();
    s.apply(Action::Submit, 0);
    let first = store.finish(&s, &score(&s, &bp)).unwrap();
    let second = store.finish(&s, &score(&s, &bp)).unwrap();
    assert_ne!(first.id, second.id, "two attempts never share a file");
    assert!(store.modes_in_progress().is_empty());
    let files = std::fs::read_dir(dir.path().join("attempts"))
        .unwrap()
        .count();
    assert_eq!(files, 2);
    let reopened = Store::open(dir.path(), Access::ReadOnly).unwrap();
    assert_eq!(reopened.attempts().len(), 2);
    assert_eq!(reopened.attempts()[0].id, second.id, "newest first");
}

#[test]
fn a_corrupt_file_is_set_aside_and_the_rest_still_loads() {
    let (bp, bank) = bank();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), Access::Exclusive).unwrap();
    let mut s = drill(&bp, &bank, &["3.1-001"]);
    s.apply(Action::Submit, 0);
    store.finish(&s, &score(&s, &bp)).unwrap();
    drop(store);
    let bad = dir.path().join("attempts/20260101-000000-exam.json");
    std::fs::write(&bad, "{ not json").unwrap();
    std::fs::write(dir.path().join("in-progress-drill.json"), [0xff, 0x00]).unwrap();
    let store = Store::open(dir.path(), Access::Exclusive).unwrap();
    assert_eq!(store.attempts().len(), 1);
    assert!(store.modes_in_progress().is_empty());
    assert_eq!(store.warnings.len(), 2, "{:?}", store.warnings);
    assert!(store.warnings[0].contains("20260101-000000-exam.json"));
    assert!(!bad.exists());
    let aside = dir
        .path()
        .join("attempts/20260101-000000-exam.json.corrupt");
    assert_eq!(
        std::fs::read_to_string(aside).unwrap(),
        "{ not json",
        "kept, not deleted"
    );
    assert!(dir.path().join("in-progress-drill.json.corrupt").exists());
}

#[test]
fn a_second_writer_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let _first = Store::open(dir.path(), Access::Exclusive).unwrap();
    match Store::open(dir.path(), Access::Exclusive) {
        Err(StoreError::Locked { .. }) => {}
        other => panic!("expected Locked, got {other:?}"),
    }
    // Readers are welcome.
    assert!(Store::open(dir.path(), Access::ReadOnly).is_ok());
}

#[test]
fn a_file_is_not_a_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain");
    std::fs::write(&file, "x").unwrap();
    let err = Store::open(&file, Access::Exclusive).unwrap_err();
    assert!(err.to_string().contains("it is a file"), "{err}");
}

#[test]
fn the_missed_pool_holds_latest_wrong_answers_and_shrinks_when_answered_right() {
    let (bp, bank) = bank();
    let mut records = MemoryRecords::default();
    let mut s = drill(&bp, &bank, &["4.1-001", "4.1-002", "4.1-003"]);
    answer(&mut s, false);
    s.apply(Action::Next, 0);
    answer(&mut s, true);
    s.apply(Action::Submit, 0); // 4.1-003 left blank: missed too
    records.finish(&s, &score(&s, &bp)).unwrap();
    assert_eq!(
        records.missed(),
        vec!["4.1-001".to_string(), "4.1-003".to_string()]
    );
    // Later, 4.1-003 is answered right: it leaves the pool.
    let mut again = drill(&bp, &bank, &["4.1-003"]);
    answer(&mut again, true);
    again.apply(Action::Submit, 0);
    records.finish(&again, &score(&again, &bp)).unwrap();
    assert_eq!(records.missed(), vec!["4.1-001".to_string()]);
    assert_eq!(records.seen_counts()["4.1-003"], 2);
}
