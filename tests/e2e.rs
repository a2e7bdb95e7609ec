//! End to end, the way a person uses it: the real binary in a tmux pane, keys sent with
//! `send-keys`, the screen read with `capture-pane`. Each test waits for what it expects to see
//! (polling the pane until a deadline), never for a fixed time.
//!
//! Needs tmux (`.ci/run` installs it). Each test runs its own tmux server (`-L`), so they run
//! in parallel without seeing each other.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(30);

struct Pane {
    socket: String,
    /// Where the launcher scripts and exit-status files live.
    dir: tempfile::TempDir,
    runs: std::cell::Cell<usize>,
}

impl Pane {
    /// Starts `proctor ARGS` in a new 120×40 tmux session with its own data dir.
    fn start(data_dir: &Path, args: &str) -> Pane {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let socket = format!(
            "proctor-e2e-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let pane = Pane {
            socket,
            dir: tempfile::tempdir().unwrap(),
            runs: std::cell::Cell::new(0),
        };
        pane.open(data_dir, args);
        pane
    }

    /// Runs `proctor ARGS` in the pane through a small shell script that records proctor's exit
    /// status in a file when it ends: the shell reaps proctor itself, so the test does not
    /// depend on when tmux notices a dead pane.
    fn open(&self, data_dir: &Path, args: &str) {
        let run = self.runs.get() + 1;
        self.runs.set(run);
        let script = self.dir.path().join(format!("run-{run}.sh"));
        std::fs::write(
            &script,
            format!(
                "PROCTOR_DATA_DIR='{}' TERM=xterm-256color '{}' {args}\necho $? > '{}'\n",
                data_dir.display(),
                env!("CARGO_BIN_EXE_proctor"),
                self.status_file().display()
            ),
        )
        .unwrap();
        let command = format!("sh '{}'", script.display());
        // A second run reuses the session's pane (kept by remain-on-exit): killing the session
        // and creating another raced with the tmux server shutting down.
        let args: Vec<&str> = if run == 1 {
            vec![
                "new-session",
                "-d",
                "-s",
                "e2e",
                "-x",
                "120",
                "-y",
                "40",
                &command,
            ]
        } else {
            vec!["respawn-pane", "-k", "-t", "e2e", &command]
        };
        let out = self.tmux(&args);
        assert!(
            out.status.success(),
            "tmux {} failed: {}",
            args[0],
            String::from_utf8_lossy(&out.stderr)
        );
        if run == 1 {
            self.tmux(&["set-option", "-t", "e2e", "remain-on-exit", "on"]);
        }
    }

    fn status_file(&self) -> PathBuf {
        self.dir.path().join(format!("status-{}", self.runs.get()))
    }

    /// The pid of proctor: the child of the pane's shell.
    fn proctor_pid(&self) -> String {
        let shell = self.format("#{pane_pid}");
        let out = Command::new("ps")
            .args(["-o", "pid=", "--ppid", &shell])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs (install it: apt-get install tmux)")
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args).status.success());
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "e2e"]).stdout)
            .into_owned()
    }

    fn format(&self, what: &str) -> String {
        let out = self
            .tmux(&["display-message", "-p", "-t", "e2e", what])
            .stdout;
        String::from_utf8_lossy(&out).trim().to_string()
    }

    /// Waits until the screen shows every one of `texts`; returns the screen.
    fn wait_for(&self, texts: &[&str]) -> String {
        self.wait_until(&format!("{texts:?}"), |screen| {
            texts.iter().all(|t| screen.contains(t))
        })
    }

    /// Waits until `ready(screen)` holds (a capture can catch a frame half drawn, so a test
    /// waits for the state it checks, not for a sign that drawing started).
    fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited {WAIT:?} for {what}; the screen shows:\n{screen}"
            );
            std::thread::yield_now();
        }
    }

    /// Waits until proctor has exited; returns its exit status as the shell saw it (128 + N
    /// when signal N ended it).
    fn wait_for_exit(&self) -> String {
        let deadline = Instant::now() + WAIT;
        let file = self.status_file();
        loop {
            if let Ok(status) = std::fs::read_to_string(&file)
                && status.ends_with('\n')
            {
                return status.trim().to_string();
            }
            assert!(
                Instant::now() < deadline,
                "proctor did not exit:\n{}",
                self.screen()
            );
            std::thread::yield_now();
        }
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

fn data_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data");
    (dir, path)
}

/// Waits until the saved exam in progress satisfies `ready`; returns it as JSON.
fn wait_for_saved(data: &Path, ready: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
    let deadline = Instant::now() + WAIT;
    loop {
        let text = std::fs::read_to_string(data.join("in-progress-exam.json")).unwrap_or_default();
        if let Ok(file) = serde_json::from_str::<serde_json::Value>(&text)
            && ready(&file["session"])
        {
            return file["session"].clone();
        }
        assert!(
            Instant::now() < deadline,
            "the saved exam never got there: {text}"
        );
        std::thread::yield_now();
    }
}

/// (correct, total) of each domain row on the results screen.
fn domain_rows(screen: &str) -> Vec<(u32, u32)> {
    let names = [
        "1 SDLC Automation",
        "2 Configuration Management",
        "3 Resilient Cloud",
        "4 Monitoring and Logging",
        "5 Incident and Event",
        "6 Security and Compliance",
    ];
    names
        .iter()
        .filter_map(|name| {
            let line = screen.lines().find(|l| l.contains(name))?;
            let cell = line.split_whitespace().find(|w| {
                w.split_once('/')
                    .is_some_and(|(a, b)| a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok())
            })?;
            let (a, b) = cell.split_once('/')?;
            Some((a.parse().ok()?, b.parse().ok()?))
        })
        .collect()
}

#[test]
fn a_full_mock_answered_flagged_and_ended_from_the_review_screen() {
    let (_tmp, data) = data_dir();
    let pane = Pane::start(&data, "exam --seed 3");
    pane.wait_for(&["Question 1 of 75", "3:00:00 left"]);
    pane.keys(&["m"]); // flag question 1
    // a, b, c on every question: a single answer ends on C, a multiple response takes as many
    // as it asks for. `n` moves on; on the last question it opens the review screen.
    for _ in 0..75 {
        pane.keys(&["a", "b", "c", "n"]);
    }
    pane.wait_for(&["Review", "Answered 75 of 75", "Flagged (1)"]);
    pane.keys(&["e"]);
    pane.wait_for(&["End the exam?", "Flagged (1): 1"]);
    pane.keys(&["y"]);
    let screen = pane.wait_until("the results with six domain rows", |screen| {
        screen.contains("75 of 75 answered") && domain_rows(screen).len() == 6
    });
    let rows = domain_rows(&screen);
    let totals: Vec<u32> = rows.iter().map(|r| r.1).collect();
    assert_eq!(totals, vec![17, 13, 11, 11, 10, 13], "{screen}");
    assert!(screen.contains("75 of 75 answered"), "{screen}");
    // The attempt is on disk and the history command reads it.
    let out = Command::new(env!("CARGO_BIN_EXE_proctor"))
        .args(["history", "--json"])
        .env("PROCTOR_DATA_DIR", &data)
        .output()
        .unwrap();
    let history: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(history[0]["questions"], 75);
    assert_eq!(history[0]["answered"], 75);
    let correct: u64 = rows.iter().map(|r| u64::from(r.0)).sum();
    assert_eq!(history[0]["correct"].as_u64(), Some(correct));
    pane.keys(&["q"]);
    assert_eq!(pane.wait_for_exit(), "0");
    assert_eq!(
        pane.format("#{alternate_on}"),
        "0",
        "the terminal is restored"
    );
}

#[test]
fn kill_9_mid_exam_loses_no_answer_and_resume_brings_it_back() {
    let (_tmp, data) = data_dir();
    let pane = Pane::start(&data, "exam --seed 5");
    pane.wait_for(&["Question 1 of 75"]);
    // Question 1: B. Question 2: flagged, and a, b, c answer it in full whatever its kind.
    pane.keys(&["b", "n", "m", "a", "b", "c"]);
    // The last key has been handled once the saved copy shows it.
    let saved = wait_for_saved(&data, |s| {
        s["responses"][1]["flagged"] == true
            && s["responses"][1]["chosen"].as_array().map(Vec::len)
                == s["paper"]["items"][1]["key"].as_array().map(Vec::len)
    });
    let answered = (0..2)
        .filter(|&i| {
            saved["responses"][i]["chosen"].as_array().map(Vec::len)
                == saved["paper"]["items"][i]["key"].as_array().map(Vec::len)
        })
        .count();
    // While it runs, a second proctor on the same data dir is refused.
    let second = Command::new(env!("CARGO_BIN_EXE_proctor"))
        .args(["--plain", "exam"])
        .env("PROCTOR_DATA_DIR", &data)
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&second.stderr).contains("another proctor is using"));

    let pid = pane.proctor_pid();
    assert!(
        Command::new("kill")
            .args(["-9", &pid])
            .status()
            .unwrap()
            .success()
    );
    assert_eq!(pane.wait_for_exit(), "137", "ended by signal 9");
    assert!(data.join("in-progress-exam.json").exists());

    pane.open(&data, "resume");
    // Everything that was on screen is back: the question, the answers, the flag.
    pane.wait_for(&[
        "Question 2 of 75",
        &format!("Answered {answered} of 75"),
        "Flagged 1",
    ]);
    // Question 1 still has B chosen.
    pane.keys(&["p"]);
    pane.wait_until("question 1 with B chosen", |screen| {
        screen.contains("Question 1 of 75")
            && screen
                .lines()
                .any(|l| l.contains("B.") && (l.contains("(•)") || l.contains("[x]")))
    });
    pane.keys(&["q"]);
    pane.wait_for(&["Continue the mock exam in progress"]);
}

#[test]
fn a_domain_drill_gives_feedback_after_each_answer() {
    let (_tmp, data) = data_dir();
    let pane = Pane::start(&data, "drill --domain 4 --count 3 --seed 2");
    for n in 1..=3 {
        let header = format!("Question {n} of 3");
        // The new question, not yet answered: no verdict on screen.
        pane.wait_until(&header, |screen| {
            screen.contains(&header) && !screen.contains("Explanation")
        });
        pane.keys(&["a", "b", "Enter"]);
        let screen = pane.wait_until("the verdict", |screen| {
            screen.contains(&header)
                && screen.contains("Explanation")
                && screen.contains('✓')
                && (screen.contains("Correct") || screen.contains("Incorrect"))
        });
        assert!(screen.contains("Answered"), "{screen}");
        pane.keys(&["n"]);
    }
    let screen = pane.wait_until("the drill's results", |screen| {
        screen.contains("Results") && domain_rows(screen).len() == 1
    });
    assert_eq!(
        domain_rows(&screen).iter().map(|r| r.1).collect::<Vec<_>>(),
        vec![3]
    );
    pane.keys(&["q"]);
    assert_eq!(pane.wait_for_exit(), "0");
}

#[test]
fn each_imported_fixture_runs_a_drill() {
    let (tmp, data) = data_dir();
    for (file, format) in [
        ("moodle.gift", ""),
        ("aiken.txt", "--format aiken"),
        ("questions.csv", ""),
        ("checklist.md", ""),
    ] {
        let out = tmp.path().join(file.replace('.', "-"));
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(file);
        let import = Command::new(env!("CARGO_BIN_EXE_proctor"))
            .arg("import")
            .arg(&fixture)
            .arg("--out")
            .arg(&out)
            .args(format.split_whitespace())
            .output()
            .unwrap();
        assert!(
            import.status.success(),
            "{}",
            String::from_utf8_lossy(&import.stderr)
        );
        let pane = Pane::start(
            &data,
            &format!(
                "--bank '{}' drill --domain 1 --count 2 --seed 1",
                out.display()
            ),
        );
        // The exam is the imported one: its code (the folder's name) heads the screen.
        let code = file.replace('.', "-");
        for n in 1..=2 {
            let header = format!("Question {n} of 2");
            let verdict = |screen: &str| screen.contains("Correct") || screen.contains("Incorrect");
            pane.wait_until(&header, |screen| {
                screen.contains(&header) && screen.contains(&code) && !verdict(screen)
            });
            // a, b, c answers any of these in full: a single answer ends on the last letter it
            // has, a multiple response takes as many as it asks for.
            pane.keys(&["a", "b", "c", "Enter"]);
            // Imported questions may have no explanation: the verdict is what is awaited.
            pane.wait_until("the verdict", |screen| {
                screen.contains(&header) && verdict(screen)
            });
            pane.keys(&["n"]);
        }
        pane.wait_for(&["Results", "2 of 2 answered"]);
        pane.keys(&["q"]);
        assert_eq!(pane.wait_for_exit(), "0", "{file}");
    }
}

/// A finished drill of task 1.1, three questions, yesterday (UTC): the first answered wrong and
/// marked Sure (a misconception), the second wrong, the third right. Written as the store
/// writes attempts, so the binary reads it as history.
fn history_yesterday(data: &Path) {
    use proctor::exam::{Action, Confidence, Feedback, Mode, PaperRequest, Scope, Session};
    let blueprint = proctor::blueprint::Blueprint::dop_c02();
    let bank = proctor::bank::Bank::embedded(&blueprint).unwrap();
    let request = PaperRequest {
        mode: Mode::Drill,
        scope: Scope::Task { task: "1.1".into() },
        count: 3,
        seed: 11,
        time_limit_secs: None,
        feedback: Feedback::End,
    };
    let paper = proctor::exam::assemble(
        &blueprint,
        &bank,
        &request,
        &std::collections::HashMap::new(),
    )
    .unwrap();
    let mut session = Session::new(paper, 0);
    for i in 0..3 {
        let item = &session.paper.items[i];
        let keys = item.key_positions();
        let wrong = (0..item.order.len()).find(|p| !keys.contains(p)).unwrap();
        let mut picks = if i == 2 { keys.clone() } else { vec![wrong] };
        picks.extend(keys.iter().copied().skip(1).filter(|_| i != 2));
        if i == 0 {
            session.apply(Action::Confidence(Confidence::Sure), 1_000);
        }
        for p in picks {
            session.apply(Action::Choose(p), 20_000 * (i as u64 + 1));
        }
        session.apply(Action::Next, 20_000 * (i as u64 + 1));
    }
    session.apply(Action::Submit, 70_000);
    let finished = (jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24)).to_string();
    let attempt = proctor::store::Attempt {
        id: "20261101-120000-drill".into(),
        started: finished.clone(),
        finished,
        scorecard: Some(proctor::exam::score(&session, &blueprint)),
        session,
    };
    std::fs::create_dir_all(data.join("attempts")).unwrap();
    std::fs::write(
        data.join("attempts/20261101-120000-drill.json"),
        serde_json::to_vec_pretty(&attempt).unwrap(),
    )
    .unwrap();
}

fn cli(data: &Path, args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_proctor"))
        .args(args)
        .env("PROCTOR_DATA_DIR", data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?} printed no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

#[test]
fn spaced_review_confidence_progress_and_readiness_in_the_terminal_and_the_cli() {
    let (_tmp, data) = data_dir();
    history_yesterday(&data);

    // The command line sees the same schedule the screens do.
    let due = cli(&data, &["review", "--due", "--json"]);
    let due = due.as_array().unwrap();
    assert_eq!(due.len(), 2, "{due:?}");
    assert_eq!(due[0]["misconception"], true, "the misconception first");
    assert_eq!(due[0]["last_rating"], "again");
    let progress = cli(&data, &["progress", "--json"]);
    assert_eq!(
        progress["total"]["unseen"],
        progress["total"]["questions"].as_u64().unwrap() - 3
    );
    assert_eq!(progress["total"]["due"], 2);
    let readiness = cli(&data, &["readiness", "--json"]);
    assert_eq!(readiness["estimate"], serde_json::Value::Null);
    assert_eq!(readiness["thin_domains"].as_array().unwrap().len(), 6);
    let items = cli(
        &data,
        &["bank", "stats", "--items", "--json", "--sort", "missed"],
    );
    assert_eq!(items.as_array().unwrap().len(), 3);
    assert_eq!(items[0]["correct"], 0);
    assert!(data.join("schedule.json").exists() || !data.join("lock").exists());

    // The home screen: readiness and what is due; u starts the spaced review.
    let pane = Pane::start(&data, "");
    pane.wait_for(&["Readiness: answer about", "Spaced review: 2 due today"]);
    pane.keys(&["u"]);
    pane.wait_for(&["Spaced review · Question 1 of 2"]);
    pane.keys(&["3"]); // sure
    pane.wait_for(&["✓ SURE"]);
    pane.keys(&["a", "Enter"]);
    pane.wait_for(&["orrect"]); // Correct or Incorrect
    pane.keys(&["n", "1", "a", "Enter"]);
    pane.wait_for(&["Question 2 of 2", "? GUESS", "Explanation"]);
    pane.keys(&["n"]);
    pane.wait_for(&[
        "Results",
        "Confidence marked on 2 of 2 answers",
        "Lucky guesses",
    ]);
    assert!(data.join("schedule.json").exists(), "the schedule is kept");

    // Progress: three questions seen, the rest unseen.
    pane.keys(&["h"]);
    pane.wait_for(&["[o] Progress"]);
    pane.keys(&["o"]);
    let total = progress["total"]["questions"].as_u64().unwrap();
    pane.wait_for(&[&format!(
        "All questions: {total} questions · {} unseen",
        total - 3
    )]);
    pane.keys(&["Escape"]);

    // A practice exam: 10 questions, untimed; then the flagged walk on the review screen.
    pane.wait_for(&["[p] Practice exam"]);
    pane.keys(&["p"]);
    pane.wait_for(&["Questions", "‹ 75 ›"]);
    pane.keys(&[
        "Left", "Left", "Left", "Left", "Left", "Down", "Down", "Right",
    ]);
    pane.wait_for(&["‹ 10 ›", "‹ untimed ›"]);
    pane.keys(&["Enter"]);
    pane.wait_for(&["Practice exam · Question 1 of 10", "elapsed"]);
    pane.keys(&["m", "n", "n", "m", "r"]);
    pane.wait_for(&["Flagged (2)"]);
    pane.keys(&["3", "Enter"]);
    pane.wait_for(&["Question 1 of 10", "Reviewing flagged 1 of 2"]);
    pane.keys(&["n"]);
    pane.wait_for(&["Question 3 of 10", "Reviewing flagged 2 of 2"]);
    pane.keys(&["n"]);
    pane.wait_for(&["Review · Answered", "▸[3] Flagged (2)"]);
    pane.keys(&["q"]);
    pane.wait_for(&["[c] Continue"]);
    pane.keys(&["q"]);
    assert_eq!(pane.wait_for_exit(), "0");

    // Drills by service and by words, from the command line (line mode).
    for args in [
        vec![
            "--plain",
            "drill",
            "--service",
            "CodeDeploy",
            "--count",
            "2",
        ],
        vec![
            "--plain",
            "drill",
            "--grep",
            "stack set",
            "--count",
            "1",
            "--replace",
        ],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_proctor"))
            .args(&args)
            .env("PROCTOR_DATA_DIR", &data)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdin.take());
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{args:?}: {stdout}");
        assert!(stdout.contains("Question 1 of"), "{args:?}: {stdout}");
    }
}
