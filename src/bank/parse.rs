//! Reading question files: TOML in, validated [`Question`]s or a list of every problem out.
//!
//! Depends only on serde, toml, the blueprint and the model, because the build script compiles
//! this file too: the embedded bank is validated at build time with the same code that validates
//! a `--bank` folder at run time.

use super::model::{AnswerOption, Kind, Question};
use crate::blueprint::{Blueprint, OptionalField};
use crate::safe_text;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;

/// A question names at most this many exam-guide bullets in `skills`.
pub const MAX_SKILLS: usize = 3;

/// One problem in a question bank: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file, relative to the bank's root.
    pub file: String,
    pub line: Option<usize>,
    pub question: Option<String>,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_located(
            f,
            &self.file,
            self.line,
            self.question.as_deref(),
            &self.message,
        )
    }
}

/// `file:line: question id: message`, for load errors and lint findings. File names, ids and
/// the values quoted in messages come from the bank: they are made safe for a terminal, on one
/// line each.
pub fn write_located(
    f: &mut fmt::Formatter<'_>,
    file: &str,
    line: Option<usize>,
    question: Option<&str>,
    message: &str,
) -> fmt::Result {
    write!(f, "{}", safe_text::line(file))?;
    if let Some(line) = line {
        write!(f, ":{line}")?;
    }
    if let Some(id) = question {
        write!(f, ": question {}", safe_text::line(id))?;
    }
    write!(f, ": {}", safe_text::line(message))
}

/// A question file as written (see QUESTION-BANK.md). Each question stays a raw table here so a
/// problem in one question does not hide the problems in the others.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    task: String,
    #[serde(default)]
    question: Vec<toml::Spanned<toml::Table>>,
}

/// The same file typed all the way down: the fast path for a valid file, one pass with no
/// intermediate tables. Any error sends the file through [`RawFile`] to find every problem.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TypedFile {
    task: String,
    #[serde(default)]
    question: Vec<toml::Spanned<RawQuestion>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    kind: String,
    // Required unless the blueprint's item rules make them optional (see `build_question`).
    services: Option<Vec<String>>,
    #[serde(default)]
    skills: Vec<String>,
    verified: Option<toml::value::Datetime>,
    stem: String,
    explanation: Option<String>,
    references: Option<Vec<String>>,
    #[serde(default)]
    option: Vec<RawOption>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    text: String,
    #[serde(default)]
    correct: bool,
    why: Option<String>,
}

/// 1-based line of a byte offset (for one error; [`LineIndex`] answers many).
fn line_of(text: &[u8], offset: usize) -> usize {
    text[..offset.min(text.len())]
        .split(|&b| b == b'\n')
        .count()
}

/// Byte offsets of a text's line starts, so each question's line is a binary search rather
/// than a scan from the top of the file (which made large files quadratic).
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(
                text.bytes()
                    .enumerate()
                    .filter(|&(_, b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        LineIndex(starts)
    }

    fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

/// A file may hold at most this many TOML tokens. The toml crate lexes a whole document into
/// tokens and events before it builds anything, about 48 bytes for each, and a blank line or a
/// comma is a token of its own: 10 MB of blank lines took 0.5 GB. A real question is about 150
/// tokens; a generated 1,050-question file is 161,000.
pub const MAX_TOKENS: usize = 1_000_000;

/// Whether `text` holds more than [`MAX_TOKENS`] tokens, counted by the lexer alone (no
/// allocation) and only when it could: every token is at least one byte long.
fn too_many_tokens(text: &str) -> bool {
    text.len() > MAX_TOKENS
        && toml_parser::Source::new(text)
            .lex()
            .nth(MAX_TOKENS)
            .is_some()
}

/// Windows editors save CRLF; a multi-line string would keep the CR. Fold it to LF.
fn normalize_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

/// Writers break long lines in the TOML file wherever their editor does; those breaks mean
/// nothing, and kept, they make ragged text on any screen narrower than the file. So lines
/// are joined into paragraphs. What stays: blank lines (paragraph breaks) and list items
/// ("- ", "* ", "1. "). In a stem, the question — the last sentence, when it ends in "?" —
/// goes on a line of its own, wherever the source broke its lines.
pub fn reflow(text: String, question_line_apart: bool) -> String {
    let trimmed = text.trim();
    if !trimmed.contains('\n') && !question_line_apart {
        // One line, the common case for options and whys: nothing to join, nothing to copy.
        return if trimmed.len() == text.len() {
            text
        } else {
            trimmed.to_string()
        };
    }
    let lines: Vec<&str> = text.trim().lines().map(str::trim).collect();
    let starts_item = |line: &str| {
        line.starts_with("- ")
            || line.starts_with("* ")
            || line
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let previous = lines[i - 1];
            if line.is_empty() || previous.is_empty() {
                // Blank lines: one paragraph break (two newlines) however many there were.
                while !out.ends_with("\n\n") {
                    out.push('\n');
                }
                if line.is_empty() {
                    continue;
                }
            } else if starts_item(line) {
                out.push('\n');
            } else {
                out.push(' ');
            }
        }
        out.push_str(line);
    }
    if question_line_apart {
        set_question_apart(&mut out);
    }
    out
}

/// Puts the stem's final question on a line of its own: the last sentence, if it ends in "?"
/// and follows another sentence of the same paragraph.
fn set_question_apart(stem: &mut String) {
    if !stem.ends_with('?') {
        return;
    }
    let paragraph = stem.rfind('\n').map_or(0, |at| at + 1);
    let body = &stem[paragraph..stem.len() - 1];
    // A sentence starts after ". ", "? " or "! " followed by a capital letter ("e.g. the" and
    // "v1.2 of" do not end one).
    let starts_sentence = |&(at, c): &(usize, char)| {
        matches!(c, '.' | '?' | '!')
            && body[at + 1..].starts_with(' ')
            && body[at + 2..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    let start = body
        .char_indices()
        .rfind(starts_sentence)
        .map(|(at, _)| paragraph + at + 1);
    if let Some(space) = start {
        stem.replace_range(space..=space, "\n");
    }
}

/// Parses one question file. `file` names it in messages. Every problem found is returned;
/// questions with problems are left out of the result.
pub fn parse_file(
    file: &str,
    bytes: &[u8],
    blueprint: &Blueprint,
) -> (Vec<Question>, Vec<LoadError>) {
    let mut errors = Vec::new();
    let err = |line: Option<usize>, question: Option<String>, message: String| LoadError {
        file: file.to_string(),
        line,
        question,
        message,
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            errors.push(err(
                Some(line_of(bytes, e.valid_up_to())),
                None,
                format!("not valid UTF-8 (byte {} of the file)", e.valid_up_to() + 1),
            ));
            return (Vec::new(), errors);
        }
    };
    if too_many_tokens(text) {
        errors.push(err(
            None,
            None,
            format!(
                "more than {MAX_TOKENS} TOML tokens (line breaks, keys, values, punctuation), far more than a question file holds: split it"
            ),
        ));
        return (Vec::new(), errors);
    }
    // A question as read: where it starts in the file, and its fields or why they don't fit.
    type Entry = (usize, Result<RawQuestion, (Option<String>, String)>);
    let (task, entries): (String, Vec<Entry>) = match toml::from_str::<TypedFile>(text) {
        Ok(typed) => (
            typed.task,
            typed
                .question
                .into_iter()
                .map(|q| (q.span().start, Ok(q.into_inner())))
                .collect(),
        ),
        // Something does not fit the schema: read each question on its own to find every
        // problem, not just the first.
        Err(_) => match toml::from_str::<RawFile>(text) {
            Ok(raw) => (
                raw.task,
                raw.question
                    .into_iter()
                    .map(|spanned| {
                        let start = spanned.span().start;
                        let table = spanned.into_inner();
                        let id = table.get("id").and_then(|v| v.as_str()).map(str::to_string);
                        let question = toml::Value::Table(table)
                            .try_into()
                            .map_err(|e: toml::de::Error| (id, e.message().trim().to_string()));
                        (start, question)
                    })
                    .collect(),
            ),
            Err(e) => {
                let line = e.span().map(|s| line_of(text.as_bytes(), s.start));
                let question = e.span().and_then(|s| question_id_before(text, s.start));
                errors.push(err(
                    line,
                    question,
                    format!("invalid TOML: {}", e.message().trim()),
                ));
                return (Vec::new(), errors);
            }
        },
    };
    let Some((domain, _)) = blueprint.task(&task) else {
        errors.push(err(
            Some(1),
            None,
            format!(
                "task \"{task}\" is not a task statement of {}",
                blueprint.code
            ),
        ));
        return (Vec::new(), errors);
    };
    if entries.is_empty() {
        errors.push(err(
            None,
            None,
            "the file has no [[question]] entries".into(),
        ));
    }
    let lines = LineIndex::new(text);
    let mut questions = Vec::new();
    for (start, entry) in entries {
        let line = lines.line(start);
        let built = entry
            .map_err(|(id, problem)| (id, vec![problem]))
            .and_then(|q| {
                build_question(q, &task, domain.number, blueprint, file, line)
                    .map_err(|(id, problems)| (Some(id), problems))
            });
        match built {
            Ok(question) => questions.push(question),
            Err((id, problems)) => {
                for problem in problems {
                    errors.push(err(Some(line), id.clone(), problem));
                }
            }
        }
    }
    (questions, errors)
}

/// Checks one question against the schema's rules, returning it or every problem found.
fn build_question(
    q: RawQuestion,
    task: &str,
    domain: u8,
    blueprint: &Blueprint,
    file: &str,
    line: usize,
) -> Result<Question, (String, Vec<String>)> {
    let mut problems = Vec::new();
    let id_ok =
        q.id.strip_prefix(task)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|n| n.len() >= 3 && n.bytes().all(|b| b.is_ascii_digit()));
    if !id_ok {
        problems.push(format!(
            "id \"{}\" must be \"{task}-\" followed by 3 or more digits",
            q.id
        ));
    }
    let kind = match q.kind.as_str() {
        "single" => Some(Kind::Single),
        "multiple" => Some(Kind::Multiple),
        other => {
            problems.push(format!(
                "kind \"{other}\" is not \"single\" or \"multiple\""
            ));
            None
        }
    };
    let keys = q.option.iter().filter(|o| o.correct).count();
    let options = q.option.len();
    let rules = &blueprint.items;
    let shape = match kind {
        Some(Kind::Single) => Some(("a single-answer", rules.single)),
        Some(Kind::Multiple) => Some(("a multiple-response", rules.multiple)),
        None => None,
    };
    if let Some((name, rule)) = shape
        && !rule.allows(options, keys)
    {
        problems.push(format!(
            "{name} question needs {}; it has {options} with {keys} correct",
            rule.describe()
        ));
    }
    // A field the rules require must be there (and a list not empty); an optional one may be
    // left out, which reads as empty.
    use OptionalField as F;
    let missing = [
        (F::Services, "services", q.services.is_none()),
        (F::References, "references", q.references.is_none()),
        (F::Verified, "verified", q.verified.is_none()),
        (F::Explanation, "explanation", q.explanation.is_none()),
    ];
    for (field, name, missing) in missing {
        if missing && rules.requires(field) {
            problems.push(format!("missing field `{name}`"));
        }
    }
    for (field, name, list) in [
        (F::Services, "services", &q.services),
        (F::References, "references", &q.references),
    ] {
        if list.as_ref().is_some_and(Vec::is_empty) && rules.requires(field) {
            problems.push(format!("{name} is empty"));
        }
    }
    if rules.requires(F::Why) {
        for (i, o) in q.option.iter().enumerate() {
            if o.why.is_none() {
                problems.push(format!("option {}: missing field `why`", i + 1));
            }
        }
    }
    if let Some(date) = &q.verified
        && (date.date.is_none() || date.time.is_some())
    {
        problems.push(format!(
            "verified = {date} must be a date (YYYY-MM-DD) without a time"
        ));
    }
    if q.skills.len() > MAX_SKILLS {
        problems.push(format!(
            "skills names {} bullets; a question tests at most {MAX_SKILLS}",
            q.skills.len()
        ));
    }
    for skill in &q.skills {
        if blueprint.skill(skill).is_none() {
            problems.push(format!(
                "skills: \"{skill}\" is not a knowledge or skill bullet of {}",
                blueprint.code
            ));
        }
    }
    let (services, references) = (
        q.services.unwrap_or_default(),
        q.references.unwrap_or_default(),
    );
    // Whether to check a text field: not when it is missing (reported above), nor when it is
    // optional and empty.
    let worth_checking = |field: OptionalField, present: bool, text: &str| {
        present && (rules.requires(field) || !text.is_empty())
    };
    let mut check_text = |field: &str, text: &str| {
        if text.trim().is_empty() {
            problems.push(format!("{field} is empty"));
        } else if let Some(c) = safe_text::first_unsafe(text) {
            problems.push(format!(
                "{field} contains the control character U+{:04X}; only newline and tab are allowed",
                c as u32
            ));
        }
    };
    let stem = reflow(normalize_newlines(q.stem), true);
    let explanation_given = q.explanation.is_some();
    let explanation = reflow(normalize_newlines(q.explanation.unwrap_or_default()), false);
    check_text("stem", &stem);
    if worth_checking(F::Explanation, explanation_given, &explanation) {
        check_text("explanation", &explanation);
    }
    for (i, s) in services.iter().enumerate() {
        check_text(&format!("services[{}]", i + 1), s);
    }
    for (i, r) in references.iter().enumerate() {
        check_text(&format!("references[{}]", i + 1), r);
    }
    let why_given: Vec<bool> = q.option.iter().map(|o| o.why.is_some()).collect();
    let options: Vec<AnswerOption> = q
        .option
        .into_iter()
        .map(|o| AnswerOption {
            text: reflow(normalize_newlines(o.text), false),
            correct: o.correct,
            why: reflow(normalize_newlines(o.why.unwrap_or_default()), false),
        })
        .collect();
    for (i, o) in options.iter().enumerate() {
        check_text(&format!("option {} text", i + 1), &o.text);
        if worth_checking(F::Why, why_given[i], &o.why) {
            check_text(&format!("option {} why", i + 1), &o.why);
        }
    }
    match (problems.is_empty(), kind) {
        (true, Some(kind)) => Ok(Question {
            id: q.id,
            task: task.to_string(),
            domain,
            kind,
            services,
            skills: q.skills,
            verified: q.verified.map(|d| d.to_string()).unwrap_or_default(),
            stem,
            explanation,
            references,
            options,
            file: file.to_string(),
            line,
        }),
        _ => Err((q.id, problems)),
    }
}

/// For a syntax error, the id of the question it is in: the first `id = "..."` after the last
/// `[[question]]` header before the error.
fn question_id_before(text: &str, offset: usize) -> Option<String> {
    let head = &text[..offset.min(text.len())];
    let start = head.rfind("[[question]]")?;
    text[start..].lines().skip(1).find_map(|line| {
        let rest = line.trim_start().strip_prefix("id")?.trim_start();
        let rest = rest.strip_prefix('=')?.trim();
        let id = rest.strip_prefix('"')?.split('"').next()?;
        Some(id.to_string())
    })
}

/// Checks that hold across files: ids unique, at least one question.
pub fn check_bank(questions: &[Question]) -> Vec<LoadError> {
    let mut errors = Vec::new();
    let mut first_seen: HashMap<&str, &Question> = HashMap::new();
    for q in questions {
        if let Some(first) = first_seen.get(q.id.as_str()) {
            errors.push(LoadError {
                file: q.file.clone(),
                line: Some(q.line),
                question: Some(q.id.clone()),
                message: format!("duplicate id: also used at {}:{}", first.file, first.line),
            });
        } else {
            first_seen.insert(&q.id, q);
        }
    }
    if questions.is_empty() {
        errors.push(LoadError {
            file: ".".into(),
            line: None,
            question: None,
            message: "the bank has no questions".into(),
        });
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::reflow;

    #[test]
    fn editor_line_breaks_are_joined_and_meaningful_ones_kept() {
        let stem = "A company runs an API\non ECS.\nIt needs tests.\nWhich solution meets this?";
        assert_eq!(
            reflow(stem.into(), true),
            "A company runs an API on ECS. It needs tests.\nWhich solution meets this?"
        );
        // A question broken across source lines stays one sentence, on a line of its own.
        let stem = "A company runs an API on ECS. Which solution meets\nthese requirements with the\nLEAST overhead?";
        assert_eq!(
            reflow(stem.into(), true),
            "A company runs an API on ECS.\nWhich solution meets these requirements with the LEAST overhead?"
        );
        // The question starts a sentence only after a full stop and a capital: e.g. and v1.2
        // stay inside their sentences.
        let stem = "It uses v1.2 of the agent, e.g. for logs. Which fix works?";
        assert_eq!(
            reflow(stem.into(), true),
            "It uses v1.2 of the agent, e.g. for logs.\nWhich fix works?"
        );
        assert_eq!(
            reflow("One question only?".into(), true),
            "One question only?"
        );
        assert_eq!(
            reflow("One\n\n\nTwo\nlines".into(), false),
            "One\n\nTwo lines"
        );
        assert_eq!(
            reflow("Steps:\n- first\n- second\n2. third".into(), false),
            "Steps:\n- first\n- second\n2. third"
        );
        assert_eq!(reflow("Is it?".into(), true), "Is it?");
    }
}
