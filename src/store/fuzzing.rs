//! The properties the history fuzz targets check (`fuzz/fuzz_targets/attempt.rs` and
//! `in_progress.rs`), here so that `tests/fuzz_regressions.rs` replays saved inputs through the
//! very same code: a history file's bytes are loaded, scored, exported, reviewed and resumed
//! without a panic, and nothing printed carries a character a terminal would act on.

use super::{MemoryRecords, read_attempt, read_in_progress};
use crate::bank::{Bank, BankSource, synthetic};
use crate::blueprint::Blueprint;
use crate::clock::FakeClock;
use crate::exam::{Action, Mode};
use crate::practice::{self, Opening, Practice};
use crate::{plain, report, safe_text};
use std::sync::OnceLock;

/// A blueprint and a small generated bank (5 questions a task, enough for a full mock): cheap
/// to clone for every run.
fn exam() -> &'static (Blueprint, Bank) {
    static EXAM: OnceLock<(Blueprint, Bank)> = OnceLock::new();
    EXAM.get_or_init(|| {
        let blueprint = Blueprint::dop_c02();
        let files = synthetic::bank_files(&blueprint, 95)
            .into_iter()
            .map(|(name, text)| (name, text.into_bytes()))
            .collect();
        let bank = Bank::from_files(files, &blueprint, BankSource::Folder("fuzz".into()))
            .expect("the generated bank is valid");
        (blueprint, bank)
    })
}

/// Panics if `shown` holds a character a terminal acts on (newline and tab are text).
pub fn assert_inert(shown: &str) {
    if let Some(c) = shown
        .chars()
        .find(|&c| c != '\n' && c != '\t' && safe_text::is_unsafe(c))
    {
        panic!("U+{:04X} reaches the terminal in {shown:?}", c as u32);
    }
}

/// An attempt file's bytes through loading, the history table and JSON, every export, and the
/// line mode's answer review.
pub fn check_attempt(bytes: &[u8]) {
    let Ok(attempt) = read_attempt(bytes) else {
        return;
    };
    let (blueprint, bank) = exam();
    let scored = practice::scored(attempt, blueprint);
    let mut shown = report::history_table(std::slice::from_ref(&scored));
    shown.push_str(&report::history_json(std::slice::from_ref(&scored)));
    shown.push_str(&report::export_csv(&scored));
    shown.push_str(&report::export_json(&scored));
    shown.push_str(&report::export_markdown(&scored, bank));
    let practice = new_practice(MemoryRecords::default());
    let mut out = Vec::new();
    plain::run(
        practice,
        Opening::AttemptReview(Box::new(scored)),
        "quit\n".as_bytes(),
        &mut out,
    )
    .expect("writing to memory");
    shown.push_str(&String::from_utf8_lossy(&out));
    assert_inert(&shown);
}

/// An in-progress file's bytes, as each mode's: loaded, resumed, acted on, ended and scored
/// through the practice layer and the line mode.
pub fn check_in_progress(bytes: &[u8]) {
    for mode in Mode::ALL {
        let Ok((_, session)) = read_in_progress(bytes, mode) else {
            continue;
        };
        let mut records = MemoryRecords::default();
        records.progress.insert(mode, session);
        let mut practice = new_practice(records.clone());
        practice
            .resume(Some(mode))
            .expect("a validated attempt resumes");
        for action in [
            Action::Choose(0),
            Action::Choose(5),
            Action::ToggleStrike(1),
            Action::ToggleFlag,
            Action::Next,
            Action::Previous,
            Action::GoTo(usize::MAX),
        ] {
            practice.act(action);
        }
        let _ = practice.reveal();
        practice.end();
        let mut out = Vec::new();
        plain::run(
            new_practice(records),
            Opening::Home,
            "resume\nshow\nb\nreview\nnext\nend\nyes\nhistory\nquit\n".as_bytes(),
            &mut out,
        )
        .expect("writing to memory");
        assert_inert(&String::from_utf8_lossy(&out));
    }
}

fn new_practice(records: MemoryRecords) -> Practice {
    let (blueprint, bank) = exam();
    Practice::new(
        blueprint.clone(),
        bank.clone(),
        Box::new(records),
        Box::new(FakeClock::at(0)),
        Box::new(|| 7),
    )
}
