//! A blueprint's `[items]` rules decide what a question must carry: DOP-C02 keeps its strict
//! shape, an imported bank's own blueprint (in the bank folder) allows a looser one.

use proctor::bank::{Bank, BankSource, Kind};
use proctor::blueprint::{BANK_BLUEPRINT_FILE, Blueprint};

const LOOSE: &str = r#"
code = "HIST"
name = "History quiz"
questions = 2
minutes = 5
[scaled]
min = 0
max = 100
pass = 70
cut_percent = 70.0
[items]
single = { options = [2, 10], keys = [1, 1] }
multiple = { options = [2, 10], keys = [2, 10] }
optional = ["services", "references", "verified", "why", "explanation"]
[[domain]]
number = 1
name = "Rome"
weight = 100
[[domain.task]]
id = "1.1"
name = "Rome"
"#;

/// A true/false question and a multiple response with every option keyed: no services,
/// references, verified date, reasons or explanation.
const SPARE: &str = r#"
task = "1.1"

[[question]]
id = "1.1-001"
kind = "single"
stem = "Rome was founded before Carthage."
[[question.option]]
text = "True"
[[question.option]]
text = "False"
correct = true

[[question]]
id = "1.1-002"
kind = "multiple"
stem = "Which were emperors?"
explanation = "Both ruled."
[[question.option]]
text = "Augustus"
correct = true
why = "The first."
[[question.option]]
text = "Nero"
correct = true
"#;

fn files() -> Vec<(String, Vec<u8>)> {
    vec![("1.1.toml".into(), SPARE.as_bytes().to_vec())]
}

#[test]
fn a_loose_blueprint_accepts_spare_questions_the_default_one_refuses() {
    let loose = Blueprint::from_toml(LOOSE).unwrap();
    let bank = Bank::from_files(files(), &loose, BankSource::Embedded).unwrap();
    let q = &bank.entries()[0];
    assert_eq!(
        (q.kind, q.options.len(), q.key()),
        (Kind::Single, 2, vec![1])
    );
    assert!(q.services.is_empty() && q.references.is_empty() && q.verified.is_empty());
    assert_eq!(q.options[0].why, "");
    assert_eq!(bank.entries()[1].key(), vec![0, 1]);

    let strict = Bank::from_files(files(), &Blueprint::dop_c02(), BankSource::Embedded)
        .unwrap_err()
        .to_string();
    for problem in [
        "1.1.toml:4: question 1.1-001: a single-answer question needs 4 options with 1 correct; it has 2 with 1 correct",
        "1.1.toml:4: question 1.1-001: missing field `services`",
        "1.1.toml:4: question 1.1-001: missing field `references`",
        "1.1.toml:4: question 1.1-001: missing field `verified`",
        "1.1.toml:4: question 1.1-001: missing field `explanation`",
        "1.1.toml:4: question 1.1-001: option 1: missing field `why`",
        "1.1.toml:4: question 1.1-001: option 2: missing field `why`",
        "1.1.toml:14: question 1.1-002: a multiple-response question needs 5 or 6 options with 2 or 3 correct; it has 2 with 2 correct",
    ] {
        assert!(strict.contains(problem), "{problem}\nnot in:\n{strict}");
    }
}

#[test]
fn loose_rules_still_bound_options_and_keys() {
    let loose = Blueprint::from_toml(LOOSE).unwrap();
    let one_option = SPARE.replacen("[[question.option]]\ntext = \"True\"\n", "", 1);
    let err = Bank::from_files(
        vec![("1.1.toml".into(), one_option.into_bytes())],
        &loose,
        BankSource::Embedded,
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains(
            "a single-answer question needs 2 to 10 options with 1 correct; it has 1 with 1 correct"
        ),
        "{err}"
    );
    // An optional reason may be left out, but one that is given is checked like any text.
    let bell = SPARE.replace("why = \"The first.\"", "why = \"The first\\u0007\"");
    let err = Bank::from_files(
        vec![("1.1.toml".into(), bell.into_bytes())],
        &loose,
        BankSource::Embedded,
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("question 1.1-002: option 1 why contains the control character U+0007"),
        "{err}"
    );
}

#[test]
fn item_rules_that_make_no_sense_are_refused() {
    for (items, why) in [
        (
            "single = { options = [2, 4], keys = [1, 2] }",
            "exactly 1 key",
        ),
        (
            "multiple = { options = [1, 4], keys = [2, 2] }",
            "within 2 to 26",
        ),
        (
            "multiple = { options = [3, 4], keys = [2, 5] }",
            "within 1 to the most options",
        ),
        ("optional = [\"stem\"]", "unknown variant `stem`"),
    ] {
        let text = LOOSE.replace(
            "[items]\nsingle = { options = [2, 10], keys = [1, 1] }\nmultiple = { options = [2, 10], keys = [2, 10] }\noptional = [\"services\", \"references\", \"verified\", \"why\", \"explanation\"]",
            &format!("[items]\n{items}"),
        );
        let err = Blueprint::from_toml(&text).unwrap_err().to_string();
        assert!(err.contains(why), "{items}: {err}");
    }
}

#[test]
fn the_default_blueprint_has_the_dop_c02_rules() {
    let items = Blueprint::dop_c02().items;
    assert_eq!(items.single.describe(), "4 options with 1 correct");
    assert_eq!(
        items.multiple.describe(),
        "5 or 6 options with 2 or 3 correct"
    );
    assert!(items.optional.is_empty());
}

#[test]
fn a_bank_folder_carries_its_blueprint_and_the_loader_skips_it() {
    let dir = tempfile::tempdir().unwrap();
    assert!(Blueprint::from_bank_dir(dir.path()).is_none());
    std::fs::write(dir.path().join(BANK_BLUEPRINT_FILE), LOOSE).unwrap();
    std::fs::create_dir(dir.path().join("1-rome")).unwrap();
    std::fs::write(dir.path().join("1-rome/1.1.toml"), SPARE).unwrap();
    let blueprint = Blueprint::from_bank_dir(dir.path()).unwrap().unwrap();
    assert_eq!(blueprint.code, "HIST");
    // blueprint.toml is not a question file: loading sees only 1-rome/1.1.toml.
    let bank = Bank::from_dir(dir.path(), &blueprint).unwrap();
    assert_eq!(bank.len(), 2);

    // A name with an escape sequence never reaches the terminal; the error names the file.
    std::fs::write(
        dir.path().join(BANK_BLUEPRINT_FILE),
        LOOSE.replace("History quiz", "History\\u001b[2J quiz"),
    )
    .unwrap();
    let err = Blueprint::from_bank_dir(dir.path())
        .unwrap()
        .unwrap_err()
        .to_string();
    assert!(err.contains("blueprint.toml"), "{err}");
    assert!(err.contains("control character U+001B"), "{err}");

    // A raw escape is a TOML error; the message gives the line, never the raw text.
    std::fs::write(
        dir.path().join(BANK_BLUEPRINT_FILE),
        LOOSE.replace("History quiz", "History\u{1b}[2J quiz"),
    )
    .unwrap();
    let err = Blueprint::from_bank_dir(dir.path())
        .unwrap()
        .unwrap_err()
        .to_string();
    assert!(err.contains("blueprint.toml: line 3: "), "{err}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
}
