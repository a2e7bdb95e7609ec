//! The property the fuzz target (`fuzz/fuzz_targets/bank.rs`) checks, here so that
//! `tests/fuzz_regressions.rs` replays saved inputs through the very same code.

use super::{Bank, BankSource, lint, parse, stats};
use crate::blueprint::Blueprint;
use crate::safe_text;
use std::sync::OnceLock;

/// One question file's bytes through parsing, the bank-wide checks, lint and stats. Panics if
/// anything panics, if a loaded question breaks the schema's rules, or if any output holds a
/// character a terminal would act on.
pub fn check_file(bytes: &[u8]) {
    static BLUEPRINT: OnceLock<Blueprint> = OnceLock::new();
    let blueprint = BLUEPRINT.get_or_init(|| {
        // One bullet per task keeps the skills checks in play without 140 coverage warnings
        // to format on every run, which made the fuzzer several times slower.
        let mut blueprint = Blueprint::dop_c02();
        for task in blueprint.domains.iter_mut().flat_map(|d| &mut d.tasks) {
            task.skills.truncate(1);
        }
        blueprint
    });
    let (questions, mut errors) = parse::parse_file("fuzz/1.1.toml", bytes, blueprint);
    errors.extend(parse::check_bank(&questions));
    for q in &questions {
        let texts = [&q.stem, &q.explanation]
            .into_iter()
            .chain(q.options.iter().flat_map(|o| [&o.text, &o.why]));
        for text in texts {
            assert!(safe_text::first_unsafe(text).is_none(), "{text:?} loaded");
        }
        let keys = q.key_count();
        assert!(keys >= 1 && keys < q.options.len(), "{keys} keys");
    }
    let mut shown = lint::lint(&questions, &errors, blueprint).render();
    for e in &errors {
        shown.push_str(&e.to_string());
    }
    let bank = Bank::new(questions, BankSource::Folder("fuzz".into()));
    let stats = stats::bank_stats(&bank, blueprint);
    shown.push_str(&stats.render());
    shown.push_str(&safe_text::json(
        serde_json::to_string(&stats).expect("stats serialize"),
    ));
    if let Some(c) = shown
        .chars()
        .find(|&c| c != '\n' && safe_text::is_unsafe(c))
    {
        panic!("U+{:04X} reaches the terminal in {shown:?}", c as u32);
    }
}
