//! The binary's contract: exit codes (0 ok, 1 failed, 2 usage), messages, and the stable
//! `history --json` schema.

use proctor::bank::Bank;
use proctor::blueprint::Blueprint;
use proctor::exam::{Action, PaperRequest, Session, assemble};
use proctor::store::{Access, Records, Store};
use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Output};

fn proctor(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_proctor"))
        .args(args)
        .env("PROCTOR_DATA_DIR", data_dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn fixture(case: &str) -> String {
    format!(
        "{}/tests/fixtures/invalid/{case}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn the_built_in_bank_lints_clean() {
    let dir = tempfile::tempdir().unwrap();
    let out = proctor(&["bank", "lint"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("task   count  multiple"),
        "the per-task table: {stdout}"
    );
    let last = stdout.trim_end().lines().last().unwrap_or_default();
    assert!(last.starts_with("0 errors,"), "{stdout}");
}

#[test]
fn a_broken_bank_exits_1_naming_file_question_and_problem() {
    let dir = tempfile::tempdir().unwrap();
    // --bank accepted before or after the subcommand.
    for args in [
        vec!["--bank", &fixture("unknown-field"), "bank", "stats"],
        vec!["bank", "stats", "--bank", &fixture("unknown-field")],
    ] {
        let out = proctor(&args, dir.path());
        assert_eq!(out.status.code(), Some(1));
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("1.1.toml:3: question 1.1-001: unknown field `difficulty`"),
            "{stderr}"
        );
    }
    let out = proctor(
        &["bank", "lint", "--bank", &fixture("wrong-key-count")],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("needs 4 options with 1 correct"));
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(proctor(&["frobnicate"], dir.path()).status.code(), Some(2));
    assert_eq!(
        proctor(&["drill"], dir.path()).status.code(),
        Some(2),
        "drill needs a scope"
    );
    assert_eq!(
        proctor(&["exam", "--time-limit", "soon"], dir.path())
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn bank_stats_json_counts_every_domain() {
    let dir = tempfile::tempdir().unwrap();
    let out = proctor(&["bank", "stats", "--json"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let domains = stats["domains"].as_array().unwrap();
    assert_eq!(domains.len(), 6);
    let sum: u64 = domains
        .iter()
        .map(|d| d["questions"].as_u64().unwrap())
        .sum();
    assert_eq!(sum, stats["questions"].as_u64().unwrap());
}

#[test]
fn a_drill_of_a_scope_the_exam_lacks_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = proctor(&["--plain", "drill", "--task", "9.9"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("there is no task statement 9.9"),
        "{}",
        text(&out.stderr)
    );
    let out = proctor(
        &["--plain", "drill", "--domain", "3", "--count", "99"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("domain 3 has"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_file_as_data_dir_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f");
    std::fs::write(&file, "").unwrap();
    let out = proctor(
        &["history", "--data-dir", file.to_str().unwrap()],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("cannot use"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_second_instance_on_one_data_dir_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let _held = Store::open(dir.path(), Access::Exclusive).unwrap();
    let out = proctor(&["--plain", "exam"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("another proctor is using"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn unknown_attempts_and_empty_histories_are_handled() {
    let dir = tempfile::tempdir().unwrap();
    let out = proctor(&["history", "--json"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout).trim(), "[]");
    let out = proctor(&["export", "nope", "--format", "csv"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("there is no attempt nope"));
    let out = proctor(&["--plain", "resume"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("there is nothing in progress to resume"),
        "{}",
        text(&out.stderr)
    );
}

/// Records a full mock in which the first question is answered right, the second wrong and
/// flagged, and the rest left blank.
fn record_attempt(dir: &Path) -> String {
    let bp = Blueprint::dop_c02();
    let bank = Bank::embedded(&bp).unwrap();
    let mut request = PaperRequest::full_exam(&bp, 5);
    request.count = 20;
    let mut s = Session::new(assemble(&bp, &bank, &request, &HashMap::new()).unwrap(), 0);
    for p in s.paper.items[0].key_positions() {
        s.apply(Action::Choose(p), 30_000);
    }
    s.apply(Action::Next, 30_000);
    // A complete but wrong answer: one wrong option, the rest from the key.
    let item = s.paper.items[1].clone();
    let key = item.key_positions();
    let wrong = (0..item.order.len()).find(|p| !key.contains(p)).unwrap();
    s.apply(Action::Choose(wrong), 40_000);
    for &p in key.iter().take(item.required() - 1) {
        s.apply(Action::Choose(p), 40_000);
    }
    s.apply(Action::ToggleFlag, 40_000);
    s.apply(Action::Submit, 50_000);
    let mut store = Store::open(dir, Access::Exclusive).unwrap();
    store.finish(&s, &proctor::exam::score(&s, &bp)).unwrap().id
}

#[test]
fn history_json_follows_the_documented_schema() {
    let dir = tempfile::tempdir().unwrap();
    let id = record_attempt(dir.path());
    let out = proctor(&["history", "--json"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = &v[0];
    for field in [
        "id",
        "mode",
        "exam",
        "started",
        "finished",
        "seed",
        "questions",
        "answered",
        "correct",
        "percent",
        "scaled_estimate",
        "passed",
        "seconds",
        "domains",
        "tasks",
        "items",
    ] {
        assert!(a.get(field).is_some(), "missing {field}");
    }
    assert_eq!(a["id"], id.as_str());
    assert_eq!(a["mode"], "exam");
    assert_eq!(a["exam"], "DOP-C02");
    assert_eq!(a["questions"], 20);
    assert_eq!(
        (a["answered"].as_u64(), a["correct"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(a["percent"], 5.0);
    assert_eq!(a["passed"], false);
    assert_eq!(a["seconds"], 50);
    assert!(
        a["finished"].as_str().unwrap().ends_with('Z'),
        "RFC 3339 UTC"
    );
    let domains = a["domains"].as_array().unwrap();
    assert_eq!(domains.len(), 6);
    assert!(domains[0].get("name").is_some() && domains[0].get("total").is_some());
    let items = a["items"].as_array().unwrap();
    assert_eq!(items.len(), 20);
    assert_eq!(items[0]["correct"], true);
    assert_eq!(items[0]["seconds"], 30);
    assert_eq!(items[1]["flagged"], true);
    assert!(!items[1]["chosen"].as_array().unwrap().is_empty());
    assert_eq!(items[1]["correct"], false);
    assert_eq!(
        items[2]["chosen"].as_array().unwrap().len(),
        0,
        "unanswered is empty"
    );
    for field in [
        "id", "domain", "task", "chosen", "key", "correct", "flagged", "seconds",
    ] {
        assert!(items[0].get(field).is_some(), "item missing {field}");
    }
}

#[test]
fn exports_write_csv_json_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let id = record_attempt(dir.path());
    let csv = proctor(&["export", &id, "--format", "csv"], dir.path());
    assert_eq!(csv.status.code(), Some(0));
    let csv = text(&csv.stdout);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "id,domain,task,chosen,key,correct,flagged,seconds"
    );
    assert_eq!(lines.len(), 21);
    assert!(lines[1].ends_with(",true,false,30"), "{}", lines[1]);
    assert!(lines[2].contains(",false,true,20"), "{}", lines[2]);
    let json = proctor(&["export", &id, "--format", "json"], dir.path());
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["id"], id.as_str());
    let md = text(&proctor(&["export", &id, "--format", "md"], dir.path()).stdout);
    assert!(md.starts_with("# DOP-C02 exam"), "{md}");
    assert!(md.contains("| Domain | Correct | Percent |"));
    assert!(md.contains("✓ correct") && md.contains("✗ incorrect") && md.contains("✗ unanswered"));
}

#[test]
fn a_corrupt_attempt_file_is_reported_and_history_still_works() {
    let dir = tempfile::tempdir().unwrap();
    record_attempt(dir.path());
    std::fs::write(
        dir.path().join("attempts/20250101-000000-exam.json"),
        "garbage",
    )
    .unwrap();
    let out = proctor(&["history"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stderr).contains("could not be read"),
        "{}",
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("exam"));
    assert!(
        dir.path()
            .join("attempts/20250101-000000-exam.json.corrupt")
            .exists()
    );
}
