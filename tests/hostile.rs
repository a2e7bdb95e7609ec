//! History files that parse but say nonsense, text that would drive the terminal, a bank that
//! changed under an old attempt, a closed pipe, a lock file deleted while held, a data dir that
//! stops taking writes: each once made proctor panic, lie or lose work.

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
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// No raw escape, C1 or bidi control anywhere in what proctor printed.
fn assert_inert(output: &Output) {
    for stream in [&output.stdout, &output.stderr] {
        let s = text(stream);
        let bad = s.chars().find(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        });
        assert_eq!(bad, None, "a control character reached the terminal: {s:?}");
    }
}

fn no_panic(output: &Output) {
    let stderr = text(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(output.status.code(), Some(101), "{stderr}");
}

/// Two finished drills in a fresh data dir; returns the attempt files, oldest first.
fn two_attempts(data: &Path) -> Vec<PathBuf> {
    for task in ["1.1", "2.1"] {
        let out = run(
            &["--plain", "drill", "--task", task, "--count", "2"],
            "a\nnext\nb\nend\nyes\n",
            data,
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(data.join("attempts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2);
    files
}

fn edit_json(path: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    edit(&mut value);
    std::fs::write(path, serde_json::to_vec(&value).unwrap()).unwrap();
}

fn id_of(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

#[test]
fn an_attempt_with_a_missing_answer_is_set_aside_and_the_rest_still_lists() {
    let tmp = tempfile::tempdir().unwrap();
    let files = two_attempts(tmp.path());
    edit_json(&files[0], |v| {
        v["session"]["responses"].as_array_mut().unwrap().pop();
    });
    let good = id_of(&files[1]);
    for args in [
        vec!["history"],
        vec!["history", "--json"],
        vec!["export", good.as_str(), "--format", "md"],
        vec!["export", good.as_str(), "--format", "csv"],
    ] {
        let out = run(&args, "", tmp.path());
        no_panic(&out);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    // The first command set the file aside, with a message, without deleting it.
    assert!(!files[0].exists());
    let aside = files[0].with_extension("json.corrupt");
    assert!(aside.exists(), "kept for recovery by hand");
    let out = run(&["--plain", "review", "--missed"], "quit\n", tmp.path());
    no_panic(&out);
    let out = run(&["history", "--json"], "", tmp.path());
    let history: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(history.as_array().unwrap().len(), 1);
}

#[test]
fn a_set_aside_file_is_named_in_a_message() {
    let tmp = tempfile::tempdir().unwrap();
    let files = two_attempts(tmp.path());
    edit_json(&files[1], |v| {
        v["session"]["paper"]["items"][0]["key"] = serde_json::json!([9]);
    });
    let out = run(&["history"], "", tmp.path());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("could not be read (question 1 has a broken key)")
            && stderr.contains("moved aside"),
        "{stderr}"
    );
}

#[test]
fn inconsistent_attempts_in_progress_are_set_aside_not_resumed() {
    type Edit = fn(&mut serde_json::Value);
    let cases: [(&str, Edit); 4] = [
        ("current out of range", |v| {
            v["session"]["current"] = 500.into();
        }),
        ("empty items", |v| {
            v["session"]["paper"]["items"] = serde_json::json!([]);
            v["session"]["responses"] = serde_json::json!([]);
        }),
        ("one response too many", |v| {
            let extra = v["session"]["responses"][0].clone();
            v["session"]["responses"]
                .as_array_mut()
                .unwrap()
                .push(extra);
        }),
        ("an option index out of range", |v| {
            v["session"]["responses"][0]["chosen"] = serde_json::json!([7]);
        }),
    ];
    for (case, edit) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let out = run(&["--plain", "exam", "--seed", "2"], "a\n", tmp.path());
        assert_eq!(out.status.code(), Some(0), "{case}");
        let file = tmp.path().join("in-progress-exam.json");
        edit_json(&file, edit);
        let out = run(&["--plain", "resume"], "", tmp.path());
        no_panic(&out);
        let stderr = text(&out.stderr);
        assert!(stderr.contains("moved aside"), "{case}: {stderr}");
        assert!(
            stderr.contains("nothing in progress to resume"),
            "{case}: {stderr}"
        );
        // And a new mock starts: nothing blocks it.
        let out = run(&["--plain", "exam"], "", tmp.path());
        assert_eq!(out.status.code(), Some(0), "{case}: {}", text(&out.stderr));
    }
}

#[test]
fn control_characters_in_history_never_reach_the_terminal() {
    let vectors = [
        "\u{1b}[2J",
        "\u{1b}]52;c;SU5KRUNURUQ=\u{7}",
        "\u{7}",
        "\u{9b}31m",
        "\u{202e}evil",
    ];
    for vector in vectors {
        let tmp = tempfile::tempdir().unwrap();
        let files = two_attempts(tmp.path());
        edit_json(&files[0], |v| {
            v["id"] = format!("x{vector}").into();
            v["session"]["paper"]["exam"] = vector.into();
            v["session"]["paper"]["items"][0]["id"] = vector.into();
        });
        edit_json(&files[1], |v| {
            v["session"]["status"] = format!("done{vector}").into();
        });
        for args in [vec!["history"], vec!["history", "--json"]] {
            let out = run(&args, "", tmp.path());
            no_panic(&out);
            assert_inert(&out);
        }
        let out = run(&["--plain"], "history\nquit\n", tmp.path());
        assert_inert(&out);
    }
}

/// A task file of the mini exam: questions 1.1-001.. with their keys at the given positions.
fn storage_file(keys: &[usize]) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("task = \"1.1\"\n");
    for (n, &key) in keys.iter().enumerate() {
        let _ = write!(
            out,
            "\n[[question]]\nid = \"1.1-{:03}\"\nkind = \"single\"\nservices = [\"S3\"]\n\
             verified = 2026-12-01\nstem = \"Storage question {n} for a made-up exam: which choice fits?\"\n\
             explanation = \"Only the keyed choice fits.\"\n\
             references = [\"https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html\"]\n",
            n + 1
        );
        for option in 0..4 {
            let _ = write!(
                out,
                "\n[[question.option]]\ntext = \"Choice {option} of question {n}\"\ncorrect = {}\nwhy = \"Reason {option}.\"\n",
                option == key
            );
        }
    }
    out
}

#[test]
fn an_attempt_on_an_older_bank_still_exports_and_reviews() {
    let tmp = tempfile::tempdir().unwrap();
    let bank = tmp.path().join("bank");
    std::fs::create_dir(&bank).unwrap();
    let mini = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exams/mini");
    for f in ["blueprint.toml", "networking.toml"] {
        std::fs::copy(mini.join(f), bank.join(f)).unwrap();
    }
    std::fs::write(bank.join("storage.toml"), storage_file(&[0, 1, 2])).unwrap();
    let data = tmp.path().join("data");
    let b = bank.to_str().unwrap();
    let out = run(
        &[
            "--plain", "--bank", b, "drill", "--task", "1.1", "--seed", "4",
        ],
        "a\nnext\nb\nnext\nc\nnext\n",
        &data,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // The bank is edited: two questions' keys move and the third question is gone.
    std::fs::write(bank.join("storage.toml"), storage_file(&[3, 3])).unwrap();
    let out = run(&["--bank", b, "history", "--json"], "", &data);
    let history: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let id = history[0]["id"].as_str().unwrap();
    let out = run(&["--bank", b, "export", id, "--format", "md"], "", &data);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0));
    let md = text(&out.stdout);
    assert_eq!(
        md.matches("changed in the bank since it was asked").count(),
        2,
        "{md}"
    );
    assert_eq!(md.matches("no longer in the bank").count(), 1, "{md}");
    let out = run(
        &["--plain", "--bank", b],
        &format!("answers {id}\nquit\n"),
        &data,
    );
    no_panic(&out);
    assert!(text(&out.stdout).contains("changed in the bank since it was asked"));
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(
        &["--plain", "exam", "--seed", "1"],
        "a\nend\nyes\n",
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let history = run(&["history", "--json"], "", tmp.path());
    let value: serde_json::Value = serde_json::from_slice(&history.stdout).unwrap();
    let id = value[0]["id"].as_str().unwrap().to_string();
    let bin = env!("CARGO_BIN_EXE_proctor");
    for command in [
        format!("'{bin}' export {id} --format md | head -c 10"),
        format!("'{bin}' history --json | head -n 1"),
        format!("'{bin}' bank lint | head -n 1"),
    ] {
        let out = Command::new("bash")
            .arg("-c")
            .arg(format!("{command} >/dev/null; echo ${{PIPESTATUS[0]}}"))
            .env("PROCTOR_DATA_DIR", tmp.path())
            .output()
            .unwrap();
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "{command}: {stderr}");
        assert_eq!(text(&out.stdout).trim(), "0", "{command}: {stderr}");
    }
}

#[test]
fn a_deleted_lock_file_does_not_let_a_second_writer_in() {
    let tmp = tempfile::tempdir().unwrap();
    let mut first = Command::new(env!("CARGO_BIN_EXE_proctor"))
        .args(["--plain", "exam"])
        .env("PROCTOR_DATA_DIR", tmp.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Once the first has saved its attempt, it holds the data dir.
    let saved = tmp.path().join("in-progress-exam.json");
    let mut stdout = first.stdout.take().unwrap();
    let mut byte = [0u8; 1];
    std::io::Read::read_exact(&mut stdout, &mut byte).unwrap();
    assert!(saved.exists());
    std::fs::remove_file(tmp.path().join("lock")).unwrap();
    let second = run(&["--plain", "drill", "--task", "1.1"], "", tmp.path());
    assert_eq!(second.status.code(), Some(1), "{}", text(&second.stderr));
    assert!(text(&second.stderr).contains("another proctor is using"));
    drop(first.stdin.take());
    assert!(first.wait().unwrap().success());
}

#[test]
fn work_that_could_not_be_saved_is_reported_on_exit_with_failure() {
    let tmp = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_proctor"))
        .args(["--plain", "exam"])
        .env("PROCTOR_DATA_DIR", tmp.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut byte = [0u8; 1];
    std::io::Read::read_exact(&mut stdout, &mut byte).unwrap();
    // The saved copy's place is taken by a folder: every later save fails (as root too).
    let saved = tmp.path().join("in-progress-exam.json");
    std::fs::remove_file(&saved).unwrap();
    std::fs::create_dir(&saved).unwrap();
    std::fs::write(saved.join("keep"), "").unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"b\nquit\n").unwrap();
    drop(stdin);
    let mut rest = Vec::new();
    std::io::Read::read_to_end(&mut stdout, &mut rest).unwrap();
    let out = child.wait_with_output().unwrap();
    let shown = text(&rest);
    assert!(shown.contains("Could not save progress"), "{shown}");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("The last answers were not saved"),
        "{stderr}"
    );
}

#[test]
fn messages_about_the_data_dir_say_what_is_wrong() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(&["--plain", "--data-dir", "/proc", "exam"], "", tmp.path());
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("cannot create /proc/attempts")
            && stderr.contains("a folder proctor can write in"),
        "{stderr}"
    );
}

#[test]
fn a_drill_without_a_scope_names_every_way_to_give_one() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(&["drill"], "", tmp.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    for flag in ["--domain", "--task", "--skill"] {
        assert!(stderr.contains(flag), "{stderr}");
    }
}
