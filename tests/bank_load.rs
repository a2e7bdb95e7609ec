//! Loading reports every problem with its file, question and line, and never panics.
//! One fixture bank per problem lives under tests/fixtures/invalid/.

use proctor::bank::{Bank, BankError};
use proctor::blueprint::Blueprint;
use std::path::Path;

fn load(case: &str) -> Result<Bank, BankError> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/invalid")
        .join(case);
    Bank::from_dir(&dir, &Blueprint::dop_c02())
}

/// (fixture, the file named, the question named, words the message must contain)
const CASES: &[(&str, &str, Option<&str>, &str)] = &[
    ("invalid-toml", "1.1.toml", Some("1.1-002"), "invalid TOML"),
    ("non-utf8", "1.1.toml", None, "not valid UTF-8"),
    (
        "unknown-field",
        "1.1.toml",
        Some("1.1-001"),
        "unknown field `difficulty`",
    ),
    (
        "duplicate-id",
        "b.toml",
        Some("1.1-001"),
        "duplicate id: also used at a.toml",
    ),
    (
        "wrong-key-count",
        "1.1.toml",
        Some("1.1-001"),
        "needs 4 options with 1 correct; it has 4 with 2 correct",
    ),
    (
        "wrong-option-count",
        "1.1.toml",
        Some("1.1-001"),
        "needs 5 or 6 options with 2 or 3 correct; it has 4",
    ),
    (
        "unknown-task",
        "9.9.toml",
        None,
        "task \"9.9\" is not a task statement of DOP-C02",
    ),
    ("empty-stem", "1.1.toml", Some("1.1-001"), "stem is empty"),
    (
        "empty-why",
        "1.1.toml",
        Some("1.1-001"),
        "option 1 why is empty",
    ),
    (
        "control-character",
        "1.1.toml",
        Some("1.1-001"),
        "stem contains the control character U+001B",
    ),
    (
        // A right-to-left override shows the text after it reversed: what the reader sees
        // is not what is there.
        "bidi-control",
        "1.1.toml",
        Some("1.1-001"),
        "stem contains the control character U+202E",
    ),
    (
        "bad-id",
        "1.1.toml",
        Some("1.2-001"),
        "must be \"1.1-\" followed by 3 or more digits",
    ),
    ("no-questions", "1.1.toml", None, "no [[question]] entries"),
    (
        "unknown-skill",
        "1.1.toml",
        Some("1.1-001"),
        "skills: \"1.1.s9\" is not a knowledge or skill bullet of DOP-C02",
    ),
    (
        "too-many-skills",
        "1.1.toml",
        Some("1.1-001"),
        "skills names 4 bullets; a question tests at most 3",
    ),
];

#[test]
fn every_fixture_is_rejected_with_a_message_naming_file_question_and_problem() {
    for &(case, file, question, words) in CASES {
        let err = load(case).expect_err(case);
        let hit = err.errors.iter().find(|e| e.message.contains(words));
        let hit = hit.unwrap_or_else(|| panic!("{case}: no error says {words:?}: {err}"));
        assert_eq!(hit.file, file, "{case}");
        assert_eq!(hit.question.as_deref(), question, "{case}");
        let shown = err.to_string();
        assert!(
            shown.contains(file) && shown.contains(words),
            "{case}: {shown}"
        );
    }
}

#[test]
fn every_fixture_folder_has_a_case() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            CASES.iter().any(|c| c.0 == name),
            "fixture {name} is not tested"
        );
    }
}

#[test]
fn errors_carry_line_numbers() {
    let err = load("wrong-key-count").unwrap_err();
    assert_eq!(
        err.errors[0].line,
        Some(3),
        "the [[question]] header's line"
    );
    let err = load("invalid-toml").unwrap_err();
    assert!(err.errors[0].line.unwrap() > 20, "{:?}", err.errors[0]);
}

#[test]
fn every_problem_in_a_bank_is_reported_at_once() {
    // Copy several broken files into one bank: all of them are reported, not just the first.
    let tmp = tempfile::tempdir().unwrap();
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    for case in ["unknown-field", "empty-stem", "control-character"] {
        std::fs::copy(
            base.join(case).join("1.1.toml"),
            tmp.path().join(format!("{case}.toml")),
        )
        .unwrap();
    }
    let err = Bank::from_dir(tmp.path(), &Blueprint::dop_c02()).unwrap_err();
    let files: Vec<&str> = err.errors.iter().map(|e| e.file.as_str()).collect();
    for case in ["unknown-field", "empty-stem", "control-character"] {
        assert!(
            files.contains(&format!("{case}.toml").as_str()),
            "{files:?}"
        );
    }
}

#[test]
fn a_missing_folder_is_an_error_not_a_panic() {
    let err = Bank::from_dir(Path::new("/nonexistent/bank"), &Blueprint::dop_c02()).unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let err = Bank::from_dir(&file, &Blueprint::dop_c02()).unwrap_err();
    assert!(err.to_string().contains("not a folder"), "{err}");
}

#[test]
fn crlf_files_load_with_plain_newlines() {
    let base =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/unknown-field/1.1.toml");
    let text = std::fs::read_to_string(base)
        .unwrap()
        .replace("difficulty = \"hard\"\n", "");
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("1.1.toml"), text.replace('\n', "\r\n")).unwrap();
    let bank = Bank::from_dir(tmp.path(), &Blueprint::dop_c02()).unwrap();
    assert!(!bank.entries()[0].stem.contains('\r'));
}

#[test]
fn the_embedded_bank_loads_and_matches_its_source_files() {
    let blueprint = Blueprint::dop_c02();
    let bank = Bank::embedded(&blueprint).expect("the built-in bank is valid");
    let (parsed, errors) = proctor::bank::parse_files(&proctor::bank::embedded_files(), &blueprint);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        bank.entries(),
        parsed.as_slice(),
        "pre-parsed JSON and TOML agree"
    );
}

#[test]
fn the_blueprint_is_valid_and_rejects_bad_weights() {
    let bp = Blueprint::dop_c02();
    assert_eq!((bp.questions, bp.minutes, bp.domains.len()), (75, 180, 6));
    assert_eq!(bp.tasks().count(), 19);
    let bad = proctor::blueprint::DOP_C02_TOML.replace("weight = 22", "weight = 23");
    let err = Blueprint::from_toml(&bad).unwrap_err();
    assert!(err.to_string().contains("sum to 101"), "{err}");
    let dup = proctor::blueprint::DOP_C02_TOML.replace("id = \"1.2\"", "id = \"1.1\"");
    assert!(
        Blueprint::from_toml(&dup)
            .unwrap_err()
            .to_string()
            .contains("task 1.1 appears twice")
    );
}

#[test]
fn the_blueprint_carries_the_exam_guides_140_bullets_and_they_are_optional() {
    let bp = Blueprint::dop_c02();
    assert_eq!(bp.skills().count(), 140);
    assert_eq!(bp.skill("3.3.s2").map(|(t, _)| t.id.as_str()), Some("3.3"));
    let misplaced = proctor::blueprint::DOP_C02_TOML.replace("\"1.1.k2\"", "\"1.2.k9\"");
    let err = Blueprint::from_toml(&misplaced).unwrap_err().to_string();
    assert!(
        err.contains("skill 1.2.k9 is listed under task 1.1"),
        "{err}"
    );
    // Another exam's blueprint may list no bullets: its questions then name none.
    let bare: String = proctor::blueprint::DOP_C02_TOML
        .lines()
        .filter(|l| {
            !l.trim_start().starts_with("{ id = \"") && !l.starts_with("skills") && *l != "]"
        })
        .collect::<Vec<_>>()
        .join("\n");
    let bare = Blueprint::from_toml(&bare).unwrap();
    assert!(!bare.has_skills());
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/unknown-field/1.1.toml");
    let text = std::fs::read_to_string(dir)
        .unwrap()
        .replace("difficulty = \"hard\"\n", "");
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("1.1.toml"), text).unwrap();
    assert_eq!(
        Bank::from_dir(tmp.path(), &bare).unwrap().entries().len(),
        1
    );
}

/// A folder bank of `n` generated questions, and a data dir for its cache.
fn generated_bank(n: usize) -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let bank = tmp.path().join("bank");
    let blueprint = Blueprint::dop_c02();
    for (name, text) in proctor::bank::synthetic::bank_files(&blueprint, n) {
        let path = bank.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let cache = tmp.path().join("cache");
    (tmp, bank, cache)
}

#[test]
fn a_folder_bank_is_read_from_its_cache_until_a_file_changes() {
    let (_tmp, dir, cache) = generated_bank(60);
    let bp = Blueprint::dop_c02();
    let parsed = Bank::from_dir(&dir, &bp).unwrap();
    let first = Bank::from_dir_cached(&dir, &bp, &cache).unwrap();
    assert!(
        std::fs::read_dir(&cache).unwrap().count() == 1,
        "the cache is written"
    );
    let cached = Bank::from_dir_cached(&dir, &bp, &cache).unwrap();
    // From the cache: the entries carry no words, and every question reads back whole.
    assert!(cached.entries().iter().all(|q| q.stem.is_empty()));
    assert_eq!(first.entries(), parsed.entries());
    for q in parsed.entries() {
        assert_eq!(cached.get(&q.id).as_deref(), Some(q));
    }
    // An edited file is seen: the folder is parsed again and the cache follows.
    let file = dir.join("1-domain/1.1.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("A company", "A different company", 1)).unwrap();
    let after = Bank::from_dir_cached(&dir, &bp, &cache).unwrap();
    let q = &after.entries()[0];
    assert!(
        after
            .get(&q.id)
            .unwrap()
            .stem
            .starts_with("A different company")
    );
    let again = Bank::from_dir_cached(&dir, &bp, &cache).unwrap();
    assert!(
        again
            .get(&q.id)
            .unwrap()
            .stem
            .starts_with("A different company")
    );
}

#[test]
fn a_damaged_cache_is_never_believed() {
    let (_tmp, dir, cache) = generated_bank(40);
    let bp = Blueprint::dop_c02();
    Bank::from_dir_cached(&dir, &bp, &cache).unwrap();
    let folder = std::fs::read_dir(&cache)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    // A garbled index: the folder is parsed instead.
    std::fs::write(folder.join("index.json"), b"{ not json").unwrap();
    let bank = Bank::from_dir_cached(&dir, &bp, &cache).unwrap();
    assert!(!bank.entries()[0].stem.is_empty(), "parsed, not cached");
    // Words edited to carry an escape sequence: that question is not shown from the cache.
    Bank::from_dir_cached(&dir, &bp, &cache).unwrap();
    let words = folder.join("words.jsonl");
    let text = std::fs::read_to_string(&words).unwrap();
    std::fs::write(&words, text.replacen("A company", "\\u001b[2JA company", 1)).unwrap();
    let bank = Bank::from_dir_cached(&dir, &bp, &cache).unwrap();
    let first = bank.entries()[0].id.clone();
    assert!(bank.get(&first).is_none_or(|q| !q.stem.contains('\u{1b}')));
}
