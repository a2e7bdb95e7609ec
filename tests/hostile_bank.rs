//! A bank folder is untrusted input (issue 11): whatever it holds, loading it never hangs, never
//! reads without bound, and nothing from it reaches the terminal as an escape sequence.

use proctor::bank::files::MAX_FILE_BYTES;
use proctor::bank::{Bank, BankError, synthetic};
use proctor::blueprint::Blueprint;
use proctor::safe_text::is_unsafe;
use std::path::Path;
use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

/// One valid question file for task 1.1.
fn valid_file() -> String {
    synthetic::bank_files(&Blueprint::dop_c02(), 19)
        .swap_remove(0)
        .1
}

fn load(dir: &Path) -> Result<Bank, BankError> {
    Bank::from_dir(dir, &Blueprint::dop_c02())
}

/// Runs `f` on a thread and waits at most `limit` for it: a bound on a hang, not a timing.
fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit)
        .expect("still running: the walk or the read does not end")
}

fn load_within(dir: &Path) -> Result<Bank, BankError> {
    let dir = dir.to_path_buf();
    within(Duration::from_secs(60), move || load(&dir))
}

/// Whether a terminal would act on something in `output`.
fn has_controls(output: &str) -> bool {
    output.chars().any(|c| is_unsafe(c) && c != '\n')
}

fn proctor(args: &[&str]) -> (Option<i32>, String, String) {
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_proctor"))
        .args(args)
        .env("PROCTOR_DATA_DIR", data.path())
        .output()
        .expect("the binary runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const OSC52: &str = "\\u001b]52;c;SU5KRUNURUQ=\\u0007";

#[cfg(unix)]
#[test]
fn escape_sequences_in_a_bank_never_reach_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    // Folder and file names are the bank's too.
    let folder = tmp.path().join("\x1b[2J");
    std::fs::create_dir(&folder).unwrap();
    // A lint finding names this one.
    let says_select = valid_file().replace("Which solution", "(Select TWO.) Which solution");
    std::fs::write(folder.join("1.1.toml"), says_select).unwrap();
    std::fs::write(
        folder.join("\x1b]0;title\x07.toml"),
        format!("task = \"{OSC52}\"\n"),
    )
    .unwrap();
    let valid = valid_file();
    let (head, options) = valid.split_at(valid.find("\n[[question.option]]").unwrap());
    // An unknown key (serde quotes it) and hostile id, kind, skills and stem.
    let unknown_key = format!("{head}\n\"{OSC52}\" = 1\n{options}").replace("1.1-001", "1.1-002");
    let hostile = format!("{head}\nskills = [\"\\u202e1.1.k1\"]\n{options}")
        .replace("1.1-001", "1.1-\\u001b[31m001")
        .replace("kind = \"single\"", "kind = \"\\u009b2J\\nerror: forged\"")
        .replace("A company", "A \\u202ecompany");
    std::fs::write(
        tmp.path().join("2.1.toml"),
        unknown_key + &hostile.replacen("task = \"1.1\"\n", "", 1),
    )
    .unwrap();
    let bank = tmp.path().to_str().unwrap();

    let (code, stdout, stderr) = proctor(&["--bank", bank, "bank", "stats"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        !has_controls(&stdout) && !has_controls(&stderr),
        "{stderr:?}"
    );
    // Each problem is still named, escaped.
    for shown in [
        "task \"\\u{1b}]52;c;SU5KRUNURUQ=\\u{7}\" is not a task statement",
        "unknown field `\\u{1b}]52;c;SU5KRUNURUQ=\\u{7}`",
        "id \"1.1-\\u{1b}[31m001\"",
        "kind \"\\u{9b}2J\\nerror: forged\"",
        "skills: \"\\u{202e}1.1.k1\"",
        "stem contains the control character U+202E",
        "\\u{1b}[2J/\\u{1b}]0;title\\u{7}.toml",
    ] {
        assert!(stderr.contains(shown), "{shown} in {stderr}");
    }
    assert!(
        !stderr.lines().any(|l| l.starts_with("error: forged")),
        "a value cannot start a line of its own"
    );

    let (code, stdout, stderr) = proctor(&["--bank", bank, "bank", "lint"]);
    assert_eq!(code, Some(1));
    assert!(
        !has_controls(&stdout) && !has_controls(&stderr),
        "{stdout:?}"
    );
    assert!(stdout.contains("\\u{1b}[2J/1.1.toml"), "{stdout}");

    let (_, _, stderr) = proctor(&["--bank", &format!("{bank}/\x1b[2J\x07"), "bank", "stats"]);
    assert!(
        !has_controls(&stderr) && stderr.contains("does not exist"),
        "{stderr:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_named_toml_is_refused_without_reading_it() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("1.1.toml"), valid_file()).unwrap();
    let fifo = tmp.path().join("fifo.toml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::os::unix::fs::symlink("/dev/zero", tmp.path().join("zero.toml")).unwrap();
    std::os::unix::fs::symlink("/dev/urandom", tmp.path().join("urandom.toml")).unwrap();
    let err = load_within(tmp.path()).unwrap_err();
    let shown = err.to_string();
    for expected in [
        "fifo.toml: is a FIFO (named pipe), not a regular file",
        "urandom.toml: is a character device, not a regular file",
        "zero.toml: is a character device, not a regular file",
    ] {
        assert!(shown.contains(expected), "{expected} in {shown}");
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_the_limit() {
    let tmp = tempfile::tempdir().unwrap();
    // Sparse: no disk is written, and before the limit it was read whole.
    let file = std::fs::File::create(tmp.path().join("1.1.toml")).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    let err = load(tmp.path()).unwrap_err();
    assert_eq!(err.errors.len(), 1, "{err}");
    assert!(
        err.errors[0]
            .message
            .contains("larger than 16 MiB, the most a question file may hold"),
        "{err}"
    );
}

#[test]
fn the_largest_generated_files_are_under_the_limits() {
    // A generated 20,000-question bank (examples/generate_bank) must still load: its files are
    // the largest a test or a benchmark writes.
    let blueprint = Blueprint::dop_c02();
    let files = synthetic::bank_files(&blueprint, 20_000);
    let largest = files.iter().map(|(_, text)| text.len()).max().unwrap();
    assert!(largest as u64 * 4 < MAX_FILE_BYTES, "{largest} bytes");
    let (name, text) = files.into_iter().max_by_key(|f| f.1.len()).unwrap();
    let (questions, errors) = proctor::bank::parse::parse_file(&name, text.as_bytes(), &blueprint);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(questions.len(), 1053);
}

#[test]
fn a_file_of_blank_lines_is_refused_before_the_parser_allocates_for_each() {
    // 1.2 MB of line breaks: the TOML parser keeps about 48 bytes for each token.
    let text = format!("task = \"1.1\"\n{}", "\n".repeat(1_200_000));
    let (questions, errors) =
        proctor::bank::parse::parse_file("1.1.toml", text.as_bytes(), &Blueprint::dop_c02());
    assert!(questions.is_empty());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.contains("more than 1000000 TOML tokens"),
        "{errors:?}"
    );
    // The same count of tokens spread over long lines is refused alike.
    let text = format!("task = \"1.1\"\nx = [{}1]\n", "1,".repeat(600_000));
    let (_, errors) =
        proctor::bank::parse::parse_file("1.1.toml", text.as_bytes(), &Blueprint::dop_c02());
    assert!(errors[0].message.contains("TOML tokens"), "{errors:?}");
}

#[cfg(unix)]
#[test]
fn symlinked_folders_are_read_once_however_they_loop() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let domain = tmp.path().join("1-sdlc");
    std::fs::create_dir(&domain).unwrap();
    std::fs::write(domain.join("1.1.toml"), valid_file()).unwrap();
    // Back to the root, back to the parent, and two links to the root side by side: followed
    // blindly, 2^depth paths.
    symlink(tmp.path(), tmp.path().join("root")).unwrap();
    symlink("..", domain.join("up")).unwrap();
    symlink(".", tmp.path().join("a")).unwrap();
    symlink(".", tmp.path().join("b")).unwrap();
    let bank = load_within(tmp.path()).expect("loads");
    assert_eq!(bank.len(), 1);
}

#[cfg(target_os = "linux")]
#[test]
fn bank_sys_ends_with_a_message() {
    // /sys is a maze of symlinked folders; --bank /sys once ran for minutes.
    let err = load_within(Path::new("/sys")).unwrap_err();
    assert!(!err.errors.is_empty());
}

#[cfg(unix)]
#[test]
fn a_subfolder_that_cannot_be_read_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("1.1.toml"), valid_file()).unwrap();
    // Folders nested past the system's path length limit (4,096 bytes on Linux), with a
    // question file at the bottom: built in two halves that each fit, then one moved under
    // the other.
    let name = "d".repeat(250);
    let lower = tmp.path().join("x").join([name.as_str(); 14].join("/"));
    std::fs::create_dir_all(&lower).unwrap();
    std::fs::write(lower.join("9.9.toml"), "task = \"9.9\"\n").unwrap();
    let upper = tmp.path().join([name.as_str(); 3].join("/"));
    std::fs::create_dir_all(&upper).unwrap();
    std::fs::rename(tmp.path().join("x"), upper.join("x")).unwrap();
    let err = load_within(tmp.path()).unwrap_err();
    let hit = err
        .errors
        .iter()
        .find(|e| e.message.contains("File name too long"))
        .unwrap_or_else(|| panic!("not reported: {err}"));
    assert!(hit.file.starts_with(&format!("{name}/{name}/")), "{hit}");

    // Permissions, where they apply (not to root).
    let locked = tmp.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read_dir(&locked).is_err() {
        let err = load(tmp.path()).unwrap_err();
        assert!(
            err.errors
                .iter()
                .any(|e| e.file == "locked" && e.message.contains("cannot read the folder")),
            "{err}"
        );
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}
