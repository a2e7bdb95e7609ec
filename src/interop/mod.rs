//! Bring your own bank. `proctor import` reads quiz files — GIFT, Aiken, CSV, Markdown
//! checklists — and writes a bank folder in proctor's own format with a blueprint of its own;
//! `proctor bank export` writes a bank as GIFT, an Anki text file or CSV.
//!
//! One file per format. This one holds what they share: the question as a reader found it
//! ([`Draft`]), the checks every draft passes, and building and writing the bank folder. An
//! import either writes a complete folder that loads, or writes nothing and names every
//! problem with its file and line.

pub mod aiken;
pub mod anki;
pub mod csv;
pub mod gift;
mod html;
pub mod markdown;

use crate::bank::{self, AnswerOption, Bank, LoadError};
use crate::blueprint::{
    BANK_BLUEPRINT_FILE, Blueprint, Domain, ItemRules, KindRule, OptionalField, ScaledScore,
    TaskStatement,
};
use crate::exam::apportion;
use indexmap::IndexMap;
use serde::Serialize;
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

/// A format `proctor import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Moodle's GIFT (.gift).
    Gift,
    /// Aiken: a question line, lettered options, `ANSWER: X`.
    Aiken,
    /// CSV with the header described in the README (.csv).
    Csv,
    /// Markdown checklists (.md).
    Md,
}

/// A format `proctor bank export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// GIFT that Moodle's question import takes.
    Gift,
    /// A tab-separated file for Anki's text import (note type Basic).
    Anki,
    /// The CSV format `proctor import` reads.
    Csv,
}

impl Format {
    /// The format a file's extension names. `.txt` names none: Moodle writes GIFT and Aiken
    /// files alike as `.txt`.
    pub fn guess(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "gift" => Some(Format::Gift),
            "aiken" => Some(Format::Aiken),
            "csv" => Some(Format::Csv),
            "md" | "markdown" => Some(Format::Md),
            _ => None,
        }
    }

    /// Reads one file's text; `file` names it in messages.
    pub fn read(self, file: &str, text: &str) -> Read {
        match self {
            Format::Gift => gift::read(file, text),
            Format::Aiken => aiken::read(file, text),
            Format::Csv => csv::read(file, text),
            Format::Md => markdown::read(file, text),
        }
    }
}

/// A question as a reader found it, before it has an id, a task or a file of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The file as named on the command line, and the line the question starts on.
    pub file: String,
    pub line: usize,
    /// The source's own name for the question (a GIFT title, a Markdown heading), for messages.
    pub title: Option<String>,
    /// The domain it belongs to; None: the file's default, named after the file.
    pub domain: Option<String>,
    pub stem: String,
    pub options: Vec<AnswerOption>,
    pub explanation: String,
    pub references: Vec<String>,
}

impl Draft {
    pub fn new(file: &str, line: usize) -> Draft {
        Draft {
            file: file.to_string(),
            line,
            title: None,
            domain: None,
            stem: String::new(),
            options: Vec::new(),
            explanation: String::new(),
            references: Vec::new(),
        }
    }
}

/// A question the source has that proctor cannot ask (an essay, a numerical answer, ...):
/// left out of the bank and named in the import's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub file: String,
    pub line: usize,
    pub title: Option<String>,
    /// What kind of question it is, e.g. "essay".
    pub kind: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.file, self.line)?;
        if let Some(title) = &self.title {
            write!(f, "{} ", quoted(title))?;
        }
        write!(f, "({})", self.kind)
    }
}

/// What reading files gives: the questions, the ones left out, and every problem.
#[derive(Debug, Default)]
pub struct Read {
    pub drafts: Vec<Draft>,
    pub skipped: Vec<Skipped>,
    /// Things a reader changed that the author may want to know (e.g. partial credit dropped).
    pub notes: Vec<LoadError>,
    pub errors: Vec<LoadError>,
}

impl Read {
    fn append(&mut self, mut other: Read) {
        self.drafts.append(&mut other.drafts);
        self.skipped.append(&mut other.skipped);
        self.notes.append(&mut other.notes);
        self.errors.append(&mut other.errors);
    }

    /// (line, message) of every error, for tests.
    #[cfg(test)]
    pub(crate) fn problems(&self) -> Vec<(Option<usize>, &str)> {
        self.errors
            .iter()
            .map(|e| (e.line, e.message.as_str()))
            .collect()
    }

    /// A problem at `line` of `file`, in the question named `title` if it has a name.
    pub(crate) fn error(&mut self, file: &str, line: usize, title: Option<&str>, message: String) {
        self.errors.push(problem(file, Some(line), title, message));
    }
}

/// A title as messages show it: quoted, and cut short when long.
fn quoted(title: &str) -> String {
    const MOST: usize = 60;
    match title.char_indices().nth(MOST) {
        Some((cut, _)) => format!("\"{}…\"", &title[..cut]),
        None => format!("\"{title}\""),
    }
}

fn problem(file: &str, line: Option<usize>, title: Option<&str>, message: String) -> LoadError {
    LoadError {
        file: file.to_string(),
        line,
        question: title.map(quoted),
        message,
    }
}

/// The item rules of an imported bank: 2–10 options, any number of keys from 1, and only a
/// stem and options required (the sources have no AWS services, and most no references,
/// verified date, reasons or explanation).
pub fn imported_rules() -> ItemRules {
    ItemRules {
        single: KindRule {
            options: [2, MOST_OPTIONS],
            keys: [1, 1],
        },
        multiple: KindRule {
            options: [2, MOST_OPTIONS],
            keys: [2, MOST_OPTIONS],
        },
        optional: vec![
            OptionalField::Services,
            OptionalField::References,
            OptionalField::Verified,
            OptionalField::Why,
            OptionalField::Explanation,
        ],
    }
}

/// The most options an imported question may have.
pub const MOST_OPTIONS: usize = 10;
/// A mock exam of an imported bank asks at most this many questions...
pub const MOST_PAPER_QUESTIONS: usize = 65;
/// ...and gives 2.4 minutes for each (DOP-C02's 180 minutes for 75), as 12/5.
const MINUTES_PER_QUESTION: (usize, usize) = (12, 5);

/// Reads a file as text: UTF-8 (a byte-order mark dropped), CRLF folded to LF, and no control
/// characters but newline and tab — each one found is a problem with its line.
pub fn read_text(file: &str, bytes: &[u8]) -> Result<String, Vec<LoadError>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let line = bytes[..e.valid_up_to()].split(|&b| b == b'\n').count();
            return Err(vec![problem(
                file,
                Some(line),
                None,
                format!(
                    "not valid UTF-8 (byte {} of the file); save it as UTF-8",
                    e.valid_up_to() + 1
                ),
            )]);
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n");
    let errors: Vec<LoadError> = text
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let c = crate::safe_text::first_unsafe(line)?;
            Some(problem(
                file,
                Some(i + 1),
                None,
                control_message("the line", c),
            ))
        })
        .collect();
    if errors.is_empty() {
        Ok(text)
    } else {
        Err(errors)
    }
}

fn control_message(what: &str, c: char) -> String {
    format!(
        "{what} contains the control character U+{:04X}; only newline and tab are allowed",
        c as u32
    )
}

/// The checks every draft passes whatever its source: the imported item rules, text in the
/// stem and every option, and no control characters anywhere (HTML entities can make them).
fn check_draft(d: &Draft) -> Vec<LoadError> {
    let mut errors = Vec::new();
    let mut fail = |message: String| {
        errors.push(problem(&d.file, Some(d.line), d.title.as_deref(), message));
    };
    if d.stem.trim().is_empty() {
        fail("the question has no text".into());
    }
    let options = d.options.len();
    let keys = d.options.iter().filter(|o| o.correct).count();
    if !(2..=MOST_OPTIONS).contains(&options) {
        fail(format!(
            "it has {options} option{}; proctor asks questions with 2 to {MOST_OPTIONS}",
            if options == 1 { "" } else { "s" }
        ));
    }
    if keys == 0 {
        fail("no option is marked correct".into());
    }
    for (i, o) in d.options.iter().enumerate() {
        if o.text.trim().is_empty() {
            fail(format!("option {} has no text", i + 1));
        }
    }
    let texts = [("the title", d.title.as_deref().unwrap_or_default())]
        .into_iter()
        .chain([
            ("the domain", d.domain.as_deref().unwrap_or_default()),
            ("the question", d.stem.as_str()),
            ("the explanation", d.explanation.as_str()),
        ])
        .chain(d.references.iter().map(|r| ("a reference", r.as_str())))
        .chain(
            d.options
                .iter()
                .flat_map(|o| [("an option", o.text.as_str()), ("a reason", o.why.as_str())]),
        );
    for (what, text) in texts {
        if let Some(c) = crate::safe_text::first_unsafe(text) {
            fail(control_message(what, c));
        }
    }
    errors
}

/// A bank folder's contents, built in memory: the blueprint and the question files (path
/// under the folder, TOML text).
#[derive(Debug)]
pub struct BankFiles {
    pub blueprint: Blueprint,
    pub blueprint_toml: String,
    pub files: Vec<(String, String)>,
}

/// Builds a bank from checked drafts: a domain per distinct domain name in order of first
/// appearance, one task statement per domain, weights by question share (largest remainder,
/// summing to 100), ids `<task>-001` upward in source order.
pub fn build(drafts: &[Draft], exam_name: &str) -> Result<BankFiles, Vec<LoadError>> {
    let mut domains: IndexMap<&str, Vec<&Draft>> = IndexMap::new();
    for d in drafts {
        let name = d.domain.as_deref().unwrap_or_default();
        domains.entry(name).or_default().push(d);
    }
    if domains.len() > usize::from(u8::MAX) {
        return Err(vec![problem(
            ".",
            None,
            None,
            format!(
                "{} domains (categories); a bank has at most {}",
                domains.len(),
                u8::MAX
            ),
        )]);
    }
    let counts: Vec<usize> = domains.values().map(Vec::len).collect();
    let sizes: Vec<u32> = counts
        .iter()
        .map(|&n| u32::try_from(n).unwrap_or(u32::MAX))
        .collect();
    // Shares of 100: each fits a u32.
    let weights: Vec<u32> = apportion(100, &sizes)
        .into_iter()
        .map(|w| u32::try_from(w).unwrap_or(100))
        .collect();
    let questions = paper_size(&counts, &weights);
    let (per, over) = MINUTES_PER_QUESTION;
    let blueprint = Blueprint {
        code: exam_code(exam_name),
        name: exam_name.to_string(),
        questions,
        minutes: u32::try_from((questions * per).div_ceil(over)).unwrap_or(u32::MAX),
        // The scaled score is the percentage itself, with a pass mark of 70%.
        scaled: ScaledScore {
            min: 0,
            max: 100,
            pass: 70,
            cut_percent: 70.0,
        },
        items: imported_rules(),
        domains: domains
            .keys()
            .zip(&weights)
            .enumerate()
            .map(|(i, (name, &weight))| {
                // At most 255 domains (checked above), so the number fits.
                let number = u8::try_from(i + 1).unwrap_or(u8::MAX);
                Domain {
                    number,
                    name: name.to_string(),
                    weight,
                    tasks: vec![TaskStatement {
                        id: format!("{number}.1"),
                        name: name.to_string(),
                        skills: Vec::new(),
                    }],
                }
            })
            .collect(),
    };
    let blueprint_toml = blueprint_text(&blueprint);
    // Read back through the real loader: what is written is what `--bank` will load.
    let blueprint = Blueprint::from_toml(&blueprint_toml)
        .map_err(|e| vec![problem(BANK_BLUEPRINT_FILE, None, None, e.to_string())])?;
    let files: Vec<(String, String)> = blueprint
        .domains
        .iter()
        .zip(domains.values())
        .map(|(domain, drafts)| question_file(domain, drafts))
        .collect();
    let raw: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(name, text)| (name.clone(), text.clone().into_bytes()))
        .collect();
    let (_, errors) = bank::parse_files(&raw, &blueprint);
    if errors.is_empty() {
        Ok(BankFiles {
            blueprint,
            blueprint_toml,
            files,
        })
    } else {
        Err(errors)
    }
}

/// The largest mock, up to 65 questions and the bank's size, that every domain can fill when
/// the questions are shared out by the weights as a paper shares them.
fn paper_size(counts: &[usize], weights: &[u32]) -> usize {
    let most = counts.iter().sum::<usize>().min(MOST_PAPER_QUESTIONS);
    (1..=most)
        .rev()
        .find(|&n| {
            apportion(n, weights)
                .iter()
                .zip(counts)
                .all(|(a, c)| a <= c)
        })
        .unwrap_or(1)
}

/// The short code headers show: the exam name, cut at a word to 24 characters.
fn exam_code(name: &str) -> String {
    const MOST: usize = 24;
    if name.chars().count() <= MOST {
        return name.to_string();
    }
    // One more than fits, so a word that ends exactly at the limit is kept.
    let cut: String = name.chars().take(MOST + 1).collect();
    match cut.rfind(' ') {
        Some(space) if space > 0 => cut[..space].to_string(),
        _ => cut,
    }
}

fn blueprint_text(blueprint: &Blueprint) -> String {
    format!(
        "# Written by `proctor import`. Edit freely: proctor reads this file whenever it runs with\n\
         # --bank on this folder.\n\
         # Weights: each domain's share of the questions, rounded to sum to 100 (largest remainder).\n\
         # questions: the largest mock up to 65 that every domain can fill; minutes: 2.4 a question.\n\
         # scaled: the score shown is the percentage itself; the pass mark is 70%.\n\
         # items: 2-10 options; one key (single) or several (multiple); services, references,\n\
         # verified, why and explanation may be left out.\n\n{}",
        toml::to_string(blueprint).expect("a blueprint serializes")
    )
}

/// A question as its TOML file holds it.
#[derive(Serialize)]
struct QuestionToml<'a> {
    id: String,
    kind: &'static str,
    stem: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    explanation: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    references: &'a [String],
    option: Vec<OptionToml<'a>>,
}

#[derive(Serialize)]
struct OptionToml<'a> {
    text: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    correct: bool,
    #[serde(skip_serializing_if = "str::is_empty")]
    why: &'a str,
}

/// One domain's question file: `<n>-<slug>/<n>.1-<slug>.toml`, each question preceded by a
/// comment naming where it came from.
fn question_file(domain: &Domain, drafts: &[&Draft]) -> (String, String) {
    let task = &domain.tasks[0].id;
    let slug = slug(&domain.name);
    let name = format!("{}-{slug}/{task}-{slug}.toml", domain.number);
    let mut text = format!("# Imported by `proctor import`.\ntask = \"{task}\"\n");
    for (i, d) in drafts.iter().enumerate() {
        let keys = d.options.iter().filter(|o| o.correct).count();
        let question = QuestionToml {
            id: format!("{task}-{:03}", i + 1),
            kind: if keys == 1 { "single" } else { "multiple" },
            stem: &d.stem,
            explanation: &d.explanation,
            references: &d.references,
            option: d
                .options
                .iter()
                .map(|o| OptionToml {
                    text: &o.text,
                    correct: o.correct,
                    why: &o.why,
                })
                .collect(),
        };
        #[derive(Serialize)]
        struct One<'a> {
            question: [QuestionToml<'a>; 1],
        }
        let _ = write!(text, "\n# from {}:{}", d.file, d.line);
        if let Some(title) = &d.title {
            let _ = write!(text, " {}", quoted(title).replace('\n', " "));
        }
        text.push('\n');
        text.push_str(
            &toml::to_string(&One {
                question: [question],
            })
            .expect("a question serializes"),
        );
    }
    (name, text)
}

/// A folder name from a domain name: lowercase ASCII letters and digits joined by dashes, at
/// most 40 characters ("domain" when nothing is left).
fn slug(name: &str) -> String {
    let mut slug = String::new();
    for word in name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if slug.len() + word.len() + 1 > 40 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    if slug.is_empty() {
        "domain".into()
    } else {
        slug
    }
}

/// Why an import wrote nothing.
#[derive(Debug)]
pub enum ImportError {
    /// Problems in the input files, every one found.
    Problems(Vec<LoadError>),
    /// The output folder cannot be written.
    Output(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Output(message) => write!(f, "{message}"),
            ImportError::Problems(errors) => {
                let n = errors.len();
                writeln!(
                    f,
                    "the import found {n} problem{}:",
                    if n == 1 { "" } else { "s" }
                )?;
                for e in errors {
                    writeln!(f, "  {e}")?;
                }
                write!(f, "Nothing was written. Fix them and run the import again.")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// What an import did.
#[derive(Debug)]
pub struct Imported {
    pub out: PathBuf,
    pub blueprint: Blueprint,
    /// Questions per domain, in domain order.
    pub counts: Vec<usize>,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<LoadError>,
}

impl Imported {
    /// The report `proctor import` prints.
    pub fn render(&self) -> String {
        let b = &self.blueprint;
        let total: usize = self.counts.iter().sum();
        let mut out = format!(
            "Imported {total} question{} into {} — \"{}\": {} domain{}, a {}-question mock in {} minutes.\n",
            if total == 1 { "" } else { "s" },
            self.out.display(),
            b.name,
            b.domains.len(),
            if b.domains.len() == 1 { "" } else { "s" },
            b.questions,
            b.minutes
        );
        for (d, n) in b.domains.iter().zip(&self.counts) {
            let _ = writeln!(
                out,
                "  {:>3}  {:>5} question{}  {:>3}%  {}",
                d.number,
                n,
                if *n == 1 { " " } else { "s" },
                d.weight,
                d.name
            );
        }
        if !self.skipped.is_empty() {
            let _ = writeln!(
                out,
                "Skipped {} question{} proctor cannot ask:",
                self.skipped.len(),
                if self.skipped.len() == 1 { "" } else { "s" }
            );
            for s in &self.skipped {
                let _ = writeln!(out, "  {s}");
            }
        }
        if !self.notes.is_empty() {
            let _ = writeln!(out, "Notes:");
            for n in &self.notes {
                let _ = writeln!(out, "  {n}");
            }
        }
        let _ = write!(
            out,
            "Run it: proctor --bank {} (a mock, drills and reviews; the blueprint is {}/{BANK_BLUEPRINT_FILE})",
            self.out.display(),
            self.out.display()
        );
        out
    }
}

/// `proctor import FILE... [--format F] --out DIR [--exam-name NAME]`: reads every file, and
/// when all of them are free of problems writes the bank folder `out` (never over a folder
/// that has anything in it). The exam is named `exam_name`, else after the folder.
pub fn import(
    files: &[PathBuf],
    format: Option<Format>,
    out: &Path,
    exam_name: Option<&str>,
) -> Result<Imported, ImportError> {
    check_out(out)?;
    let mut read = Read::default();
    for path in files {
        let name = path.display().to_string();
        let Some(format) = format.or_else(|| Format::guess(path)) else {
            read.errors.push(problem(
                &name,
                None,
                None,
                "cannot tell the format from the file name; give --format gift|aiken|csv|md".into(),
            ));
            continue;
        };
        let text = match std::fs::read(path) {
            Ok(bytes) => read_text(&name, &bytes),
            Err(e) => Err(vec![problem(
                &name,
                None,
                None,
                format!("cannot read: {e}"),
            )]),
        };
        let mut file_read = match text {
            Ok(text) => format.read(&name, &text),
            Err(errors) => Read {
                errors,
                ..Read::default()
            },
        };
        // Questions with no domain of their own take the file's name.
        let default_domain = path
            .file_stem()
            .map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
        for d in &mut file_read.drafts {
            let given = d.domain.as_deref().map(str::trim).unwrap_or_default();
            d.domain = Some(if given.is_empty() {
                default_domain.clone()
            } else {
                given.to_string()
            });
        }
        read.append(file_read);
    }
    for d in &read.drafts {
        read.errors.extend(check_draft(d));
    }
    if read.errors.is_empty() && read.drafts.is_empty() {
        read.errors.push(problem(
            &files
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            None,
            None,
            "no question proctor can ask (single or multiple choice, or true/false)".into(),
        ));
    }
    if !read.errors.is_empty() {
        // In the order a reader goes through them: file by file, top to bottom.
        let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        read.errors
            .sort_by_key(|e| (names.iter().position(|n| *n == e.file), e.line));
        return Err(ImportError::Problems(read.errors));
    }
    let name = exam_name.map_or_else(
        || {
            out.file_name().map_or_else(
                || "Imported bank".into(),
                |n| n.to_string_lossy().into_owned(),
            )
        },
        str::to_string,
    );
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return Err(ImportError::Output(control_message("the exam name", c)));
    }
    let name = name.trim();
    if name.is_empty() {
        return Err(ImportError::Output(
            "the exam name is empty; give --exam-name NAME".into(),
        ));
    }
    let bank = build(&read.drafts, name).map_err(ImportError::Problems)?;
    write_bank(out, &bank).map_err(ImportError::Output)?;
    let counts = bank
        .blueprint
        .domains
        .iter()
        .map(|d| {
            read.drafts
                .iter()
                .filter(|q| q.domain.as_deref() == Some(d.name.as_str()))
                .count()
        })
        .collect();
    Ok(Imported {
        out: out.to_path_buf(),
        blueprint: bank.blueprint,
        counts,
        skipped: read.skipped,
        notes: read.notes,
    })
}

/// An import writes only a new folder or an empty one.
fn check_out(out: &Path) -> Result<(), ImportError> {
    let taken = |why: &str| {
        Err(ImportError::Output(format!(
            "{} {why}; the import never overwrites: give --out a new folder",
            out.display()
        )))
    };
    match std::fs::read_dir(out).map(|mut entries| entries.next().is_none()) {
        Ok(false) => taken("exists and is not empty"),
        Err(_) if out.exists() => taken("exists and is not a folder"),
        // An empty folder, or none yet.
        _ => Ok(()),
    }
}

/// Writes the folder beside `out` under a temporary name and renames it into place when every
/// file is written and flushed, so a failure or a crash leaves no half-written bank.
fn write_bank(out: &Path, bank: &BankFiles) -> Result<(), String> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let base = out
        .file_name()
        .map_or_else(|| "bank".into(), |n| n.to_string_lossy().into_owned());
    let fail = |e: std::io::Error| format!("cannot write {}: {e}", out.display());
    std::fs::create_dir_all(&parent).map_err(fail)?;
    let tmp = parent.join(format!(".{base}.importing-{}", std::process::id()));
    std::fs::create_dir(&tmp).map_err(fail)?;
    let written = (|| {
        let files = bank
            .files
            .iter()
            .map(|(name, text)| (name.as_str(), text))
            .chain([(BANK_BLUEPRINT_FILE, &bank.blueprint_toml)]);
        for (name, text) in files {
            let path = tmp.join(name);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            crate::store::write_atomic(&path, text.as_bytes())?;
        }
        if out.exists() {
            // check_out allowed only an empty folder; remove_dir refuses anything else.
            std::fs::remove_dir(out)?;
        }
        std::fs::rename(&tmp, out)
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_dir_all(&tmp);
        fail(e)
    })
}

/// `proctor bank export`: the whole bank in one format.
pub fn export(bank: &Bank, blueprint: &Blueprint, format: ExportFormat) -> String {
    match format {
        ExportFormat::Gift => gift::write(bank, blueprint),
        ExportFormat::Anki => anki::write(bank, blueprint),
        ExportFormat::Csv => csv::write(bank, blueprint),
    }
}

/// The letter of an option position (A for 0); `?` past Z.
fn letter(pos: usize) -> char {
    u32::try_from(pos)
        .ok()
        .filter(|&p| p < 26)
        .and_then(|p| char::from_u32('A' as u32 + p))
        .unwrap_or('?')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(domain: &str, options: &[(&str, bool)]) -> Draft {
        Draft {
            domain: Some(domain.into()),
            stem: "Which one?".into(),
            options: options
                .iter()
                .map(|&(text, correct)| AnswerOption {
                    text: text.into(),
                    correct,
                    why: String::new(),
                })
                .collect(),
            ..Draft::new("quiz.gift", 1)
        }
    }

    #[test]
    fn weights_follow_the_question_share_and_sum_to_100() {
        let mut drafts = Vec::new();
        for (domain, n) in [("A", 1), ("B", 1), ("C", 1)] {
            for _ in 0..n {
                drafts.push(draft(domain, &[("x", true), ("y", false)]));
            }
        }
        let bank = build(&drafts, "Thirds").unwrap();
        let weights: Vec<u32> = bank.blueprint.domains.iter().map(|d| d.weight).collect();
        assert_eq!(weights, vec![34, 33, 33]);
        assert_eq!(bank.blueprint.questions, 3);
        assert_eq!(
            bank.blueprint.minutes, 8,
            "2.4 minutes a question, rounded up"
        );
    }

    #[test]
    fn the_mock_is_the_largest_every_domain_can_fill() {
        // 71 questions, 1 of them in domain 2: weights 28/2/25/45. A 65-question paper
        // would ask 2 of domain 2 (65 × 2% = 1.3, and its remainder wins a seat), so the
        // mock shrinks to 64, which asks 18/1/16/29.
        let counts = [20, 1, 18, 32];
        let weights: Vec<u32> = apportion(100, &[20, 1, 18, 32])
            .into_iter()
            .map(|w| u32::try_from(w).unwrap())
            .collect();
        assert_eq!(weights, vec![28, 2, 25, 45]);
        assert_eq!(apportion(65, &weights)[1], 2);
        assert_eq!(paper_size(&counts, &weights), 64);
        assert_eq!(apportion(64, &weights), vec![18, 1, 16, 29]);
        // A small bank is asked whole; a large one 65 at a time.
        assert_eq!(paper_size(&[1, 1, 1], &[34, 33, 33]), 3);
        assert_eq!(paper_size(&[70, 1], &[99, 1]), 65);
    }

    #[test]
    fn a_built_bank_loads_with_its_own_blueprint() {
        let drafts = vec![
            draft("Rome", &[("a", true), ("b", false)]),
            draft("Greece", &[("a", true), ("b", true), ("c", false)]),
            draft("Rome", &[("a", false), ("b", true), ("c", false)]),
        ];
        let built = build(&drafts, "Ancient history").unwrap();
        let raw: Vec<(String, Vec<u8>)> = built
            .files
            .iter()
            .map(|(n, t)| (n.clone(), t.clone().into_bytes()))
            .collect();
        let bank = Bank::from_files(raw, &built.blueprint, bank::BankSource::Embedded).unwrap();
        let ids: Vec<&str> = bank.entries().iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, vec!["1.1-001", "1.1-002", "2.1-001"]);
        assert_eq!(built.files[0].0, "1-rome/1.1-rome.toml");
        assert_eq!(bank.entries()[2].kind, bank::Kind::Multiple);
        assert!(built.files[0].1.contains("# from quiz.gift:1"));
    }

    #[test]
    fn every_draft_problem_is_named() {
        let mut d = draft("Rome", &[("only", false)]);
        d.stem = " ".into();
        d.options[0].why = "bell\u{7}".into();
        let messages: Vec<String> = check_draft(&d).iter().map(|e| e.message.clone()).collect();
        assert_eq!(
            messages,
            vec![
                "the question has no text",
                "it has 1 option; proctor asks questions with 2 to 10",
                "no option is marked correct",
                "a reason contains the control character U+0007; only newline and tab are allowed",
            ]
        );
    }

    #[test]
    fn read_text_names_every_control_character_line() {
        let errors = read_text("f.gift", b"ok\r\nbad \x1b[2J\nfine\nalso\x07bad\n").unwrap_err();
        let lines: Vec<Option<usize>> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![Some(2), Some(4)]);
        assert_eq!(read_text("f", b"\xef\xbb\xbfa\r\nb").unwrap(), "a\nb");
        let bad = read_text("f", b"a\nb\xff").unwrap_err();
        assert_eq!(bad[0].line, Some(2));
    }

    #[test]
    fn slugs_and_codes() {
        assert_eq!(slug("SDLC Automation"), "sdlc-automation");
        assert_eq!(slug("Ünïcode ☃"), "n-code");
        assert_eq!(slug("☃"), "domain");
        assert_eq!(exam_code("Short"), "Short");
        assert_eq!(
            exam_code("Introduction to Computer Networking Fundamentals"),
            "Introduction to Computer"
        );
    }
}
