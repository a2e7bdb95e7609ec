//! The line mode end to end: commands piped into the real binary, as a script or a screen
//! reader's user would send them. Also: no terminal, no screen — a clear refusal instead.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], input: &str, data: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_proctor"))
        .args(args)
        .env("PROCTOR_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn attempts(data: &Path) -> Vec<serde_json::Value> {
    let dir = data.join("attempts");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        found.push(serde_json::from_slice(&bytes).unwrap());
    }
    found
}

fn mini() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exams/mini")
}

#[test]
fn a_mock_is_answered_flagged_ended_and_scored_in_plain_text() {
    let tmp = tempfile::tempdir().unwrap();
    // The paper first (the end of input pauses it): which question asks for several answers.
    run(&["--plain", "exam", "--seed", "5"], "", tmp.path());
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("in-progress-exam.json")).unwrap())
            .unwrap();
    let items = saved["session"]["paper"]["items"].as_array().unwrap();
    let keys = |i: usize| items[i]["key"].as_array().unwrap().len();
    let multi = (1..items.len())
        .find(|&i| keys(i) > 1)
        .expect("a multiple-response question after the first");
    let required = items[multi]["key"].as_array().unwrap().len();
    let all = ["a", "b", "c", "d", "e", "f"];
    let short = all[..required - 1].join(" ");
    let full = all[..required].join(" ");
    // Question 1 answered (B, or B C … as it asks). Then a multiple-response question, flagged:
    // one answer short, then in full.
    let first = all[1..=keys(0)].join(" ");
    let input = format!(
        "{first}\ngo {}\nflag\n{short}\n{full}\nreview flagged\nend\nyes\nquit\n",
        multi + 1
    );
    let out = run(&["--plain", "resume"], &input, tmp.path());
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    // Resumed with the clock where it was left: still about three hours.
    assert!(
        stdout.contains("Question 1 of 75 · 3:00:00 left")
            || stdout.contains("Question 1 of 75 · 2:59:5"),
        "{stdout}"
    );
    assert!(stdout.contains("A. ") && stdout.contains("D. "));
    assert!(stdout.contains(&format!("Answer: {}.", first.to_uppercase())));
    assert!(stdout.contains(&format!("Question {} of 75", multi + 1)));
    assert!(stdout.contains("Flagged."));
    let word = if required == 2 { "TWO" } else { "THREE" };
    assert!(stdout.contains(&format!("(Select {word}.)")), "{stdout}");
    let upper = |s: &str| s.to_uppercase();
    assert!(
        stdout.contains(&format!("Answer: {}.\nChoose 1 more.", upper(&short))),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("Answer: {}.", upper(&full))),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{}: answered, flagged", multi + 1)),
        "the flagged list names it: {stdout}"
    );
    assert!(stdout.contains("Unanswered (73)"), "{stdout}");
    assert!(stdout.contains("Results · mock exam"));
    assert!(stdout.contains("Domain · weight · correct · percent · competency"));
    assert!(stdout.contains("1 SDLC Automation · 22% · "), "{stdout}");
    // No cursor addressing, no colour: nothing but text and newlines.
    assert!(
        !stdout.contains('\u{1b}'),
        "an escape sequence in plain output"
    );
    let recorded = attempts(tmp.path());
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0]["session"]["status"], "submitted");
    assert_eq!(recorded[0]["session"]["responses"][multi]["flagged"], true);
}

#[test]
fn the_end_of_input_pauses_and_resume_brings_the_answers_back() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(
        &["--plain", "exam", "--seed", "5"],
        "b\nnext\nd\n",
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(tmp.path().join("in-progress-exam.json").exists());
    assert!(attempts(tmp.path()).is_empty());
    let out = run(&["--plain", "resume"], "back\n", tmp.path());
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Question 2 of 75"),
        "resumes where it was left: {stdout}"
    );
    assert!(stdout.contains("Your answer: D."), "{stdout}");
    assert!(stdout.contains("Your answer: B."), "{stdout}");
}

#[test]
fn a_drill_judges_each_answer_and_explains_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(
        &[
            "--plain", "drill", "--task", "1.1", "--count", "2", "--seed", "3",
        ],
        "a\nnext\nb\nnext\n",
        tmp.path(),
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        stdout.matches("The answer is").count(),
        2,
        "a verdict per answer: {stdout}"
    );
    assert!(stdout.contains("Explanation: "));
    assert!(stdout.contains("Reference: https://"));
    assert!(stdout.contains("Results · drill"));
    assert!(stdout.contains("Task statement · correct · percent"));
}

#[test]
fn a_paused_drill_is_never_discarded_by_the_next_drill() {
    let tmp = tempfile::tempdir().unwrap();
    run(&["--plain", "drill", "--task", "1.1"], "a\n", tmp.path());
    let out = run(&["--plain", "drill", "--task", "2.1"], "", tmp.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("a drill is in progress")
            && stderr.contains("proctor resume --mode drill")
            && stderr.contains("--replace"),
        "{stderr}"
    );
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("in-progress-drill.json")).unwrap())
            .unwrap();
    assert_eq!(saved["session"]["paper"]["task"], "1.1");
    // --replace records the first drill, answers and all, before starting the new one.
    let out = run(
        &["--plain", "drill", "--task", "2.1", "--replace"],
        "",
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let recorded = attempts(tmp.path());
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0]["session"]["status"], "abandoned");
    assert_eq!(recorded[0]["session"]["paper"]["task"], "1.1");
    assert_eq!(
        recorded[0]["session"]["responses"][0]["chosen"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
}

#[test]
fn resume_asks_which_when_two_modes_are_in_progress() {
    let tmp = tempfile::tempdir().unwrap();
    run(&["--plain", "exam"], "", tmp.path());
    run(&["--plain", "drill", "--domain", "2"], "", tmp.path());
    let out = run(&["--plain", "resume"], "", tmp.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("a mock exam and a drill are in progress")
            && stderr.contains("`proctor resume --mode exam` or `proctor resume --mode drill`"),
        "{stderr}"
    );
    let out = run(&["--plain", "resume", "--mode", "drill"], "", tmp.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("Question 1 of 10"));
}

#[test]
fn without_a_terminal_an_interactive_command_refuses_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [vec!["exam"], vec!["drill", "--task", "1.1"], vec![]] {
        let out = run(&args, "", tmp.path());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("needs a terminal") && stderr.contains("--plain"),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    assert!(!tmp.path().join("in-progress-exam.json").exists());
    assert!(!tmp.path().join("in-progress-drill.json").exists());
}

#[test]
fn the_home_menu_starts_drills_and_lists_history() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(
        &["--plain"],
        "drill 3\nquit\nresume\nend\nyes\nhistory\nquit\n",
        tmp.path(),
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(stdout.contains("Commands: exam · drill"), "{stdout}");
    assert!(stdout.contains("Drill") || stdout.contains("Question 1 of 10"));
    assert!(stdout.contains("Paused and saved"), "{stdout}");
    assert!(stdout.contains("Results · drill"), "{stdout}");
    assert!(stdout.contains("· drill · 0/10 (0%)"), "{stdout}");
}

#[test]
fn a_second_exam_is_a_blueprint_file_with_its_own_bank_and_history() {
    let tmp = tempfile::tempdir().unwrap();
    let bank = mini();
    let bank = bank.to_str().unwrap();
    let out = run(
        &["--plain", "--bank", bank, "exam", "--seed", "1"],
        "a\nnext\nb\nnext\nc\nnext\nd\nend\nyes\n",
        tmp.path(),
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains("Question 1 of 4 · 0:10:00 left"),
        "its length and time: {stdout}"
    );
    assert!(stdout.contains("1 Storage · 50% · "), "{stdout}");
    assert!(stdout.contains("2 Networking · 50% · "), "{stdout}");
    // Its history lives apart from DOP-C02's, and every report reads it.
    assert!(attempts(tmp.path()).is_empty());
    assert_eq!(attempts(&tmp.path().join("exams/mini-101")).len(), 1);
    let out = run(&["--bank", bank, "history", "--json"], "", tmp.path());
    let history: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(history[0]["exam"], "MINI-101");
    assert_eq!(history[0]["questions"], 4);
    let id = history[0]["id"].as_str().unwrap().to_string();
    for format in ["csv", "md", "json"] {
        let out = run(
            &["--bank", bank, "export", &id, "--format", format],
            "",
            tmp.path(),
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            text(&out.stderr)
        );
    }
    let md = run(
        &["--bank", bank, "export", &id, "--format", "md"],
        "",
        tmp.path(),
    );
    assert!(
        text(&md.stdout).contains("# MINI-101 exam"),
        "{}",
        text(&md.stdout)
    );
    // A drill of one of its domains.
    let out = run(
        &["--plain", "--bank", bank, "drill", "--domain", "2"],
        "a\nnext\n",
        tmp.path(),
    );
    assert!(
        text(&out.stdout).contains("Question 1 of 3"),
        "{}",
        text(&out.stdout)
    );
    // --exam with the blueprint file works too; with the built-in bank it cannot.
    let blueprint = mini().join("blueprint.toml");
    let out = run(
        &["--exam", blueprint.to_str().unwrap(), "bank", "stats"],
        "",
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(
            "the built-in bank is for DOP-C02; give --bank DIR with questions for MINI-101"
        ),
        "{}",
        text(&out.stderr)
    );
    let out = run(&["--exam", "nope", "history"], "", tmp.path());
    assert!(text(&out.stderr).contains("there is no built-in exam \"nope\" (built in: dop-c02)"));
}

#[test]
fn six_mocks_in_a_row_on_a_fresh_data_dir_ask_450_different_questions() {
    let tmp = tempfile::tempdir().unwrap();
    for seed in 1..=6 {
        let seed = seed.to_string();
        let out = run(
            &["--plain", "exam", "--seed", &seed],
            "end\nyes\n",
            tmp.path(),
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    }
    let recorded = attempts(tmp.path());
    assert_eq!(recorded.len(), 6);
    let mut asked = std::collections::HashSet::new();
    for attempt in &recorded {
        for item in attempt["session"]["paper"]["items"].as_array().unwrap() {
            asked.insert(item["id"].as_str().unwrap().to_string());
        }
    }
    assert_eq!(
        asked.len(),
        450,
        "six mocks of 75 with no question asked twice"
    );
}
