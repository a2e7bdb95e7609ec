//! Bring your own bank, through the library and the real binary: every fixture under
//! tests/fixtures/import/ becomes a folder that `--bank` loads, broken input names every
//! problem and writes nothing, and the built-in bank survives GIFT and CSV round trips.

use proctor::bank::{Bank, BankSource, Question};
use proctor::blueprint::Blueprint;
use proctor::interop::{self, BankFiles, ExportFormat, Format};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn proctor(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_proctor"))
        .args(args)
        .env("PROCTOR_DATA_DIR", data_dir)
        .output()
        .expect("the binary runs")
}

/// `proctor import FILES... --out OUT EXTRA...`
fn import(files: &[PathBuf], out: &Path, extra: &[&str], data_dir: &Path) -> Output {
    let mut args: Vec<&str> = vec!["import"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    args.extend(["--out", out.to_str().unwrap()]);
    args.extend_from_slice(extra);
    proctor(&args, data_dir)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn load(built: &BankFiles) -> Bank {
    let files = built
        .files
        .iter()
        .map(|(name, text)| (name.clone(), text.clone().into_bytes()))
        .collect();
    Bank::from_files(files, &built.blueprint, BankSource::Embedded).unwrap()
}

/// The same questions: text, options in order with their keys and reasons, explanation, links.
fn assert_same(before: &[Question], after: &[Question]) {
    assert_eq!(before.len(), after.len());
    for (a, b) in before.iter().zip(after) {
        let what = &a.id;
        assert_eq!(a.stem, b.stem, "{what}: stem");
        assert_eq!(a.kind, b.kind, "{what}: kind");
        assert_eq!(a.options, b.options, "{what}: options, keys and reasons");
        assert_eq!(a.explanation, b.explanation, "{what}: explanation");
        assert_eq!(a.references, b.references, "{what}: references");
    }
}

/// Exports the built-in bank, reads the export back and builds a bank from it.
fn round_trip(export: ExportFormat, import: Format) -> (Bank, Bank, Blueprint) {
    let blueprint = Blueprint::dop_c02();
    let bank = Bank::embedded(&blueprint).unwrap();
    let written = interop::export(&bank, &blueprint, export);
    let read = import.read("exported", &written);
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    let built = interop::build(&read.drafts, "Round trip").unwrap();
    let again = load(&built);
    (bank, again, built.blueprint)
}

#[test]
fn the_built_in_bank_survives_a_gift_round_trip() {
    let (before, after, blueprint) = round_trip(ExportFormat::Gift, Format::Gift);
    assert_same(before.entries(), after.entries());
    // Each domain is a category, so the domains come back with their names.
    let names: Vec<&str> = blueprint.domains.iter().map(|d| d.name.as_str()).collect();
    let dop = Blueprint::dop_c02();
    let expected: Vec<&str> = dop.domains.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, expected);
    assert_eq!(blueprint.domains.iter().map(|d| d.weight).sum::<u32>(), 100);
}

#[test]
fn the_built_in_bank_survives_a_csv_round_trip() {
    let (before, after, blueprint) = round_trip(ExportFormat::Csv, Format::Csv);
    assert_same(before.entries(), after.entries());
    assert_eq!(blueprint.domains.len(), 6);
}

#[test]
fn the_gift_export_is_what_moodle_reads() {
    let blueprint = Blueprint::dop_c02();
    let bank = Bank::embedded(&blueprint).unwrap();
    let gift = interop::export(&bank, &blueprint, ExportFormat::Gift);
    assert!(gift.contains("\n$CATEGORY: $course$/top/DOP-C02/SDLC Automation\n"));
    // Plain text, so Moodle shows "<" and "&" as written; multiple responses keyed by weight
    // with wrong answers at -100%, so choosing every option scores nothing.
    assert!(gift.contains("::1.1-001::[plain]"));
    assert!(gift.contains("\t~%50%") && gift.contains("\t~%-100%"));
    // Every block is one question: no blank line inside one.
    for block in gift.split("\n\n").filter(|b| b.contains("::")) {
        assert_eq!(block.matches('{').count() - block.matches("\\{").count(), 1);
    }
}

#[test]
fn each_fixture_imports_with_what_it_holds() {
    // (file, format, questions, domains, skipped)
    for (file, format, questions, domains, skipped) in [
        (
            "moodle.gift",
            Format::Gift,
            10,
            vec!["Astronomy", "Space flight"],
            5,
        ),
        ("aiken.txt", Format::Aiken, 3, vec!["aiken"], 0),
        (
            "questions.csv",
            Format::Csv,
            4,
            vec!["Databases", "Web", "questions"],
            0,
        ),
        (
            "checklist.md",
            Format::Md,
            3,
            vec!["Branching", "Remotes"],
            0,
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("bank");
        let imported = interop::import(&[fixture(file)], Some(format), &out, None).unwrap();
        assert_eq!(imported.counts.iter().sum::<usize>(), questions, "{file}");
        let names: Vec<&str> = imported
            .blueprint
            .domains
            .iter()
            .map(|d| d.name.as_str())
            .collect();
        assert_eq!(names, domains, "{file}");
        assert_eq!(imported.skipped.len(), skipped, "{file}");
        // The folder loads with its own blueprint, as `--bank` loads it.
        let blueprint = Blueprint::from_bank_dir(&out).unwrap().unwrap();
        let bank = Bank::from_dir(&out, &blueprint).unwrap();
        assert_eq!(bank.len(), questions, "{file}");
        assert_eq!(blueprint.name, "bank", "named after the folder");
    }
}

#[test]
fn gift_constructs_arrive_as_written() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("astro");
    let imported = interop::import(&[fixture("moodle.gift")], None, &out, Some("Astro")).unwrap();
    let kinds: Vec<(usize, &str)> = imported
        .skipped
        .iter()
        .map(|s| (s.line, s.kind.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (59, "essay"),
            (61, "numerical"),
            (63, "short answer"),
            (65, "matching"),
            (71, "description")
        ]
    );
    assert_eq!(imported.notes.len(), 1, "partial credit dropped, said once");
    let blueprint = Blueprint::from_bank_dir(&out).unwrap().unwrap();
    let bank = Bank::from_dir(&out, &blueprint).unwrap();
    let q = |stem_start: &str| {
        bank.entries()
            .iter()
            .find(|q| q.stem.starts_with(stem_start))
            .unwrap_or_else(|| panic!("no question starting {stem_start:?}"))
    };
    let closest = q("Which star is closest");
    assert_eq!(closest.key(), vec![1]);
    assert_eq!(closest.options[1].why, "It is about 8 light-minutes away.");
    assert_eq!(
        closest.explanation,
        "The Sun is a star, and no other star comes near it."
    );
    assert_eq!(closest.references, vec!["https://science.nasa.gov/sun/"]);
    assert_eq!(q("Which planets are gas giants?").key(), vec![0, 1]);
    let pluto = q("Pluto");
    assert_eq!(pluto.key(), vec![1]);
    assert_eq!(pluto.options[1].why, "Right: it is a dwarf planet.");
    // \n is a line break; the loader joins single breaks into a paragraph, as in any bank.
    assert_eq!(
        q("In the set").stem,
        "In the set {1, 2}, is 1 = 1 ~ true? Answer #1 or #2."
    );
    assert_eq!(
        q("Which telescope").stem,
        "Which telescope was launched in 1990?"
    );
    assert_eq!(q("Which telescope").options[2].text, "Spitzer <infrared>");
    assert_eq!(
        q("The Moon orbits").stem,
        "The Moon orbits the _____ about once a month."
    );
    assert_eq!(blueprint.code, "Astro");
    assert_eq!(blueprint.domain(2).unwrap().name, "Space flight");
}

#[test]
fn the_binary_imports_each_fixture_and_runs_bank_commands_on_it() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    for (file, format, questions) in [
        ("moodle.gift", None, 10),
        ("aiken.txt", Some("aiken"), 3),
        ("questions.csv", None, 4),
        ("checklist.md", None, 3),
    ] {
        let out = tmp.path().join(file.replace('.', "-"));
        let extra: Vec<&str> = format.iter().flat_map(|f| ["--format", f]).collect();
        let run = import(&[fixture(file)], &out, &extra, &data);
        assert_eq!(run.status.code(), Some(0), "{file}: {}", text(&run.stderr));
        assert!(
            text(&run.stdout).starts_with(&format!("Imported {questions} questions into ")),
            "{}",
            text(&run.stdout)
        );
        let stats = proctor(
            &["--bank", out.to_str().unwrap(), "bank", "stats", "--json"],
            &data,
        );
        assert_eq!(stats.status.code(), Some(0), "{}", text(&stats.stderr));
        let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
        assert_eq!(stats["questions"], questions, "{file}");
        // And it exports again, to a file and to standard output alike.
        let anki = tmp.path().join("anki.txt");
        let export = |extra: &[&str]| {
            let mut args = vec![
                "--bank",
                out.to_str().unwrap(),
                "bank",
                "export",
                "--format",
                "anki",
            ];
            args.extend_from_slice(extra);
            proctor(&args, &data)
        };
        let to_stdout = export(&[]);
        assert_eq!(to_stdout.status.code(), Some(0));
        assert!(text(&to_stdout.stdout).starts_with("#separator:tab\n#html:false\n"));
        assert_eq!(
            export(&["--out", anki.to_str().unwrap()]).status.code(),
            Some(0)
        );
        assert_eq!(std::fs::read(&anki).unwrap(), to_stdout.stdout);
    }
}

#[test]
fn moodle_skips_are_reported_by_the_binary_with_file_line_title_and_type() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("astro");
    let path = [fixture("moodle.gift")];
    let run = import(&path, &out, &[], tmp.path());
    let stdout = text(&run.stdout);
    assert!(
        stdout.contains("Skipped 5 questions proctor cannot ask:"),
        "{stdout}"
    );
    assert!(
        stdout.contains("moodle.gift:59: \"Essay\" (essay)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("moodle.gift:65: \"Matching\" (matching)"),
        "{stdout}"
    );
}

#[test]
fn broken_input_names_every_problem_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bank");
    let files: Vec<PathBuf> = [
        "broken/broken.gift",
        "broken/control.gift",
        "broken/broken.csv",
        "broken/broken.md",
        "broken/broken.aiken",
    ]
    .iter()
    .map(|f| fixture(f))
    .collect();
    let run = import(&files, &out, &[], tmp.path());
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    let mut seen = 0;
    for expected in [
        "broken.gift:1: question \"Unclosed\": a { that is never closed with }",
        "broken.gift:3: question \"Weights\": the positive weights add up to 90%, not 100%",
        "broken.gift:5: question \"Lead\": text before the first answer: \"some text\"",
        "broken.gift:7: question \"No key\": no option is marked correct",
        "broken.gift:9: question \"One option\": option 2 has no text",
        "broken.gift:11: question \"Entity\": the question contains the control character U+0085",
        "control.gift:3: the line contains the control character U+001B",
        "control.gift:7: the line contains the control character U+0007",
        "broken.csv:4: correct names C, but there are only 2 options",
        "broken.csv:6: the row has 2 fields; the header has 3",
        "broken.csv:7: no option is marked correct",
        "broken.md:1: an option before any heading",
        "broken.md:7: question \"Stray text\": \"this line does not belong here\" after the options",
        "broken.md:9: it has 1 option; proctor asks questions with 2 to 10",
        "broken.aiken:3: option C where B comes next",
        "broken.aiken:6: the question has no ANSWER: line",
        "Nothing was written.",
    ] {
        // Each one, in the order of the files and then of the lines.
        let at = stderr[seen..].find(expected);
        assert!(
            at.is_some(),
            "{expected}\nnot after byte {seen} of:\n{stderr}"
        );
        seen += at.unwrap_or(0) + expected.len();
    }
    assert!(!stderr.contains('\u{1b}'), "no escape reaches the terminal");
    // Nothing at all was written: not the folder, not a temporary one beside it.
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn an_import_never_writes_over_a_folder_with_something_in_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bank");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let path = [fixture("checklist.md")];
    let run = import(&path, &out, &[], tmp.path());
    assert_eq!(run.status.code(), Some(1));
    assert!(
        text(&run.stderr).contains("exists and is not empty; the import never overwrites"),
        "{}",
        text(&run.stderr)
    );
    let entries: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
    assert_eq!(entries.len(), 1);
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "mine"
    );

    // An empty folder is fine: it becomes the bank.
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let run = import(&path, &empty, &[], tmp.path());
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(empty.join("blueprint.toml").exists());
}

#[test]
fn a_txt_file_needs_format_and_the_message_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let path = [fixture("aiken.txt")];
    let out = tmp.path().join("bank");
    let run = import(&path, &out, &[], tmp.path());
    assert_eq!(run.status.code(), Some(1));
    assert!(text(&run.stderr).contains("give --format gift|aiken|csv|md"));
    assert!(!out.exists());
}

/// Any text at all, and the readers return problems, never panic or hang: texts made of the
/// characters each format gives meaning to, shuffled by a fixed generator.
#[test]
fn no_input_makes_a_reader_panic() {
    const PIECES: &str = "{|}|~|=|#|####|::|:|\\|\\n|%|%50%|%-100%|->|[html]|[plain]|<p>|<b|>|\
        &#x85;|&amp;|<!--|<script>|\n|\n\n|//|$CATEGORY:|A. |B) |ANSWER: |ANSWER: Z|\"|,|\"\"|\
        - [x] |- [ ] |## |# |```|  Why: |Explanation: |Link: |T|é|☃| |text|TRUE#|\t";
    let pieces: Vec<&str> = PIECES.split('|').collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = usize::try_from(next() % 60).unwrap();
        let text: String = (0..len)
            .map(|_| pieces[usize::try_from(next() % pieces.len() as u64).unwrap()])
            .collect();
        for format in [Format::Gift, Format::Aiken, Format::Csv, Format::Md] {
            let read = format.read("fuzz", &text);
            // Whatever was read is checkable and buildable without a panic either.
            if read.errors.is_empty() && !read.drafts.is_empty() {
                let _ = interop::build(&read.drafts, "fuzz");
            }
        }
    }
}

#[test]
fn the_exam_name_must_be_printable_text() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bank");
    for (name, why) in [
        (
            "Net\u{1b}[2Jworks",
            "the exam name contains the control character U+001B",
        ),
        ("   ", "the exam name is empty"),
    ] {
        let err = interop::import(&[fixture("checklist.md")], None, &out, Some(name))
            .unwrap_err()
            .to_string();
        assert!(err.contains(why), "{err}");
        assert!(!out.exists());
    }
}
