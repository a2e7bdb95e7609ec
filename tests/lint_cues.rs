//! `bank lint` measures the test-wise cues (issue 8): each check on a fixture bank under
//! tests/fixtures/lint/ that trips it and one that passes it.

use proctor::bank::lint::{LintReport, Severity, lint};
use proctor::bank::{parse_files, read_dir_files};
use proctor::blueprint::Blueprint;
use std::fmt::Write;
use std::path::Path;

fn lint_fixture(case: &str) -> LintReport {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lint")
        .join(case);
    let blueprint = Blueprint::dop_c02();
    let (questions, errors) = parse_files(&read_dir_files(&dir).unwrap(), &blueprint);
    let report = lint(&questions, &errors, &blueprint);
    assert_eq!(report.errors(), 0, "{case}: {}", report.render());
    report
}

/// The warnings, as printed, but for the exam-guide bullets these small banks leave untested
/// (`tests/skills_coverage.rs` checks those).
fn warnings(report: &LintReport) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning && !f.file.starts_with("task "))
        .map(ToString::to_string)
        .collect()
}

fn count(warnings: &[String], words: &str) -> usize {
    warnings.iter().filter(|w| w.contains(words)).count()
}

#[test]
fn convergence_on_the_key_is_measured_and_warned() {
    let trips = lint_fixture("convergence-trips");
    assert!((trips.bank.key_converges - 8.0).abs() < 1e-9);
    let w = warnings(&trips);
    assert_eq!(
        count(
            &w,
            "1.1.toml: the key is the option sharing the most words with the other options in 8 of 8"
        ),
        1,
        "{w:#?}"
    );
    assert_eq!(
        count(
            &w,
            "bank: the key shares the most words with the other options in 100%"
        ),
        1,
        "{w:#?}"
    );
    assert!(trips.render().contains("     100%"), "the converge column");

    let passes = lint_fixture("convergence-passes");
    assert!(passes.bank.key_converges.abs() < 1e-9);
    assert_eq!(warnings(&passes), Vec::<String>::new());
}

#[test]
fn stem_echo_lists_each_item_with_the_words_it_echoes() {
    let trips = lint_fixture("stem-echo-trips");
    assert_eq!(trips.bank.stem_echo, 8);
    let w = warnings(&trips);
    assert_eq!(count(&w, "stem echo: the key repeats"), 8, "{w:#?}");
    for (question, echoed) in [
        ("1.1-001", "\"42\""),
        ("1.1-002", "\"OrderPlaced\""),
        ("1.1-003", "\"blue\""),
        ("1.1-004", "\"the nightly batch window\""),
    ] {
        assert!(
            w.iter()
                .any(|w| w.contains(&format!("question {question}: stem echo"))
                    && w.contains(echoed)),
            "{question} {echoed}: {w:#?}"
        );
    }
    // Echoing stem words raises the key's overlap with the stem past the bank's bar too.
    assert_eq!(
        count(
            &w,
            "bank: the key shares the most words with the stem in 75%"
        ),
        1
    );

    let passes = lint_fixture("stem-echo-passes");
    assert_eq!(passes.bank.stem_echo, 0);
    assert_eq!(warnings(&passes), Vec::<String>::new());
}

#[test]
fn the_key_as_longest_option_is_judged_bank_wide() {
    // 7 of 20 is 35%: within a file's limit (an error past 35%), past the bank's 33%.
    let trips = lint_fixture("key-longest-trips");
    assert_eq!(
        warnings(&trips),
        [
            "warning: bank: the key is the longest option in 35% of single-answer items; at most 33% (chance 25% + 8 points)"
        ]
    );
    assert_eq!(
        warnings(&lint_fixture("key-longest-passes")),
        Vec::<String>::new()
    );
}

#[test]
fn key_positions_are_compared_with_chance_per_domain_and_bank() {
    let single = lint_fixture("key-position-single-trips");
    let w = warnings(&single);
    for place in ["bank", "domain 1"] {
        assert_eq!(
            count(
                &w,
                &format!(
                    "{place}: keys by option position in file order are uneven: A 100% (chance 25%), B 0% (chance 25%)"
                )
            ),
            1,
            "{w:#?}"
        );
    }
    // Multiple response: 2 keys of 5 options make 40% the chance of every slot.
    let multiple = lint_fixture("key-position-multiple-trips");
    let w = warnings(&multiple);
    assert_eq!(
        count(
            &w,
            "domain 1: keys by option position in file order are uneven: A 100% (chance 40%), B 100% (chance 40%), C 0% (chance 40%), D 0% (chance 40%), E 0% (chance 40%)"
        ),
        1,
        "{w:#?}"
    );

    let passes = lint_fixture("key-position-passes");
    assert_eq!(warnings(&passes), Vec::<String>::new());
    for slot in 0..5 {
        let (share, chance) = passes.bank.positions.share(slot).unwrap();
        assert!(
            (share - chance).abs() < 1e-9,
            "slot {slot}: {share} vs {chance}"
        );
    }
    assert_eq!(
        passes.bank.positions.share(5),
        None,
        "no item has a sixth option"
    );
    let table = passes.render();
    assert!(
        table.contains("domain 1   31% (31)   31% (31)   31% (31)   31% (31)   40% (40)"),
        "{table}"
    );
}

#[test]
fn the_legend_states_every_threshold() {
    let shown = lint_fixture("convergence-passes").render();
    for words in [
        "error over 35% in a file, warning over 33% bank-wide",
        "converge: single-answer items whose key shares the most words with the other options",
        "warning over 50% in a file, 33% bank-wide",
        "stem echo: items whose key repeats a stem number",
        "more than 10 points from chance",
        "also warn under 17% (chance 25% - 8 points)",
    ] {
        assert!(shown.contains(words), "{words}: {shown}");
    }
}

#[test]
fn a_slot_only_a_few_items_have_is_not_judged() {
    // One six-option item: its sixth slot is 0% keyed against a chance of a third, which one
    // item cannot help; the slot is not judged until five items have it.
    let sparse = lint_fixture("key-position-sparse-slot");
    let (share, _) = sparse.bank.positions.share(5).unwrap();
    assert!(share.abs() < 1e-9);
    let w = warnings(&sparse);
    assert!(w.iter().all(|w| !w.contains(" F ")), "{w:#?}");
}

/// A bank of `n` single-answer items in which the key is always the shortest option, shares no
/// word with the stem and the fewest with the other options: the opposite of a giveaway, and
/// just as learnable.
fn bank_whose_key_is_never_the_obvious_option(n: usize) -> Vec<(String, Vec<u8>)> {
    // Each stem draws its own words, so no two stems are near duplicates.
    let word = |i: usize, j: usize| format!("w{}x{}", i * 7919 + j * 104_729, j);
    let mut text = String::from("task = \"1.1\"\n");
    for i in 0..n {
        let stem: Vec<String> = (0..60).map(|j| word(i, j)).collect();
        let shared = "ledger rows staging pool behind private endpoint network transfers";
        let _ = write!(
            text,
            "\n[[question]]\nid = \"1.1-{:03}\"\nkind = \"single\"\nservices = [\"CodePipeline\"]\n\
             skills = [\"1.1.k1\"]\nverified = 2026-11-26\nstem = \"\"\"\nA company {}.\n\
             Which solution will meet these requirements?\n\"\"\"\nexplanation = \"Why.\"\n\
             references = [\"https://docs.aws.amazon.com/codepipeline/latest/userguide/welcome.html\"]\n",
            i + 1,
            stem.join(" ")
        );
        let options = [
            (
                format!(
                    "Archive quarterly figures inside cold vault {}",
                    word(i, 90)
                ),
                true,
            ),
            (
                format!("Route {shared} {} {} one", word(i, 1), word(i, 91)),
                false,
            ),
            (
                format!("Route {shared} {} {} two", word(i, 2), word(i, 92)),
                false,
            ),
            (
                format!("Route {shared} {} {} three", word(i, 3), word(i, 93)),
                false,
            ),
        ];
        for (option, correct) in options {
            let _ = write!(
                text,
                "\n[[question.option]]\ntext = \"{option}\"\n{}why = \"The fact.\"\n",
                if correct { "correct = true\n" } else { "" }
            );
        }
    }
    vec![("1-sdlc-automation/1.1.toml".to_string(), text.into_bytes())]
}

#[test]
fn a_bank_whose_key_is_almost_never_the_obvious_option_is_warned_too() {
    let blueprint = Blueprint::dop_c02();
    let lint_files = |files: &[(String, Vec<u8>)]| {
        let (questions, errors) = parse_files(files, &blueprint);
        assert!(errors.is_empty(), "{errors:?}");
        lint(&questions, &errors, &blueprint)
    };
    let report = lint_files(&bank_whose_key_is_never_the_obvious_option(120));
    let w = warnings(&report);
    for what in [
        "bank: the key is the longest option in only 0% of single-answer items; at least 17%",
        "bank: the key shares the most words with the stem in only 0%",
        "bank: the key shares the most words with the other options in only 0%",
    ] {
        assert_eq!(count(&w, what), 1, "{what}: {w:#?}");
    }
    assert_eq!(count(&w, "is the shortest option in only"), 0, "{w:#?}");

    // Under 100 single-answer items a share is too noisy to judge on the floor.
    let small = lint_files(&bank_whose_key_is_never_the_obvious_option(60));
    assert_eq!(count(&warnings(&small), "in only"), 0);

    // The built-in bank sits inside both bounds.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("question_bank");
    let built_in = lint_files(&read_dir_files(&dir).unwrap());
    assert_eq!(
        count(&warnings(&built_in), "in only"),
        0,
        "{}",
        built_in.render()
    );
}
