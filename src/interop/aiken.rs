//! The Aiken format (Moodle's simplest): the question's text, its options one a line as
//! `A. text` or `A) text` in letter order, then `ANSWER: B`. One key per question; no
//! feedback. Blank lines between questions are optional; a question's text may run over
//! several lines.

use super::{Draft, Read};
use crate::bank::AnswerOption;

/// `A. text` or `A) text` for the option at `pos`: its text.
fn option(line: &str, pos: usize) -> Option<&str> {
    let mut chars = line.chars();
    let letter = chars.next()?;
    let mark = chars.next()?;
    let space = chars.next()?;
    (pos < 26
        && letter == super::letter(pos)
        && (mark == '.' || mark == ')')
        && (space == ' ' || space == '\t'))
        .then(|| line[3..].trim())
}

/// Some letter and a `.` or `)` and a space: an option, whichever letter.
fn looks_like_option(line: &str) -> bool {
    let b = line.as_bytes();
    b.len() >= 3 && b[0].is_ascii_uppercase() && (b[1] == b'.' || b[1] == b')') && b[2] == b' '
}

/// Reads an Aiken file.
pub fn read(file: &str, text: &str) -> Read {
    let mut read = Read::default();
    let mut draft: Option<Draft> = None;
    // After a problem, the rest of that question up to its ANSWER line is passed over, so one
    // mistake is reported once.
    let mut skipping = false;
    for (i, line) in text.lines().enumerate() {
        let (n, line) = (i + 1, line.trim());
        if line.is_empty() {
            continue;
        }
        let answer = line.strip_prefix("ANSWER:");
        if skipping {
            skipping = answer.is_none();
            continue;
        }
        let d = draft.get_or_insert_with(|| Draft::new(file, n));
        let title = None;
        if let Some(answer) = answer {
            let answer = answer.trim();
            let pos = match answer.as_bytes() {
                [l] if l.is_ascii_uppercase() => usize::from(l - b'A'),
                _ => {
                    read.error(
                        file,
                        n,
                        title,
                        format!("ANSWER: \"{answer}\" is not one option letter (A, B, ...)"),
                    );
                    draft = None;
                    continue;
                }
            };
            let mut d = draft.take().expect("a question is open");
            if d.options.is_empty() {
                read.error(
                    file,
                    n,
                    title,
                    "ANSWER: comes before any option (A. ...)".into(),
                );
            } else if pos >= d.options.len() {
                read.error(
                    file,
                    n,
                    title,
                    format!(
                        "ANSWER: {answer}, but the options run from A to {}",
                        super::letter(d.options.len() - 1)
                    ),
                );
            } else {
                d.options[pos].correct = true;
                read.drafts.push(d);
            }
            continue;
        }
        if let Some(text) = option(line, d.options.len()) {
            d.options.push(AnswerOption {
                text: text.to_string(),
                correct: false,
                why: String::new(),
            });
        } else if d.options.is_empty() {
            if !d.stem.is_empty() {
                d.stem.push('\n');
            }
            d.stem.push_str(line);
        } else {
            let expected = super::letter(d.options.len());
            let message = if looks_like_option(line) {
                format!("option {} where {expected} comes next", &line[..1])
            } else {
                format!("expected option {expected}. or the ANSWER: line here")
            };
            read.error(file, n, title, message);
            draft = None;
            skipping = true;
        }
    }
    if let Some(d) = draft {
        read.error(
            file,
            d.line,
            None,
            "the question has no ANSWER: line".into(),
        );
    }
    read
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn questions_with_either_letter_style_and_multi_line_text() {
        let r = read(
            "a.txt",
            "What is the correct answer to this question?\nA. Is it this one?\nB. Maybe this answer?\nC. Possibly this one?\nD. Must be this one!\nANSWER: D\n\nWhich LMS has the most\nquiz import formats?\nA) Moodle\nB) ATutor\nANSWER: A\n",
        );
        assert!(r.errors.is_empty(), "{r:?}");
        assert_eq!(r.drafts.len(), 2);
        assert_eq!(r.drafts[0].options.len(), 4);
        assert!(r.drafts[0].options[3].correct);
        assert_eq!(
            r.drafts[1].stem,
            "Which LMS has the most\nquiz import formats?"
        );
        assert_eq!(r.drafts[1].line, 8);
        assert!(r.drafts[1].options[0].correct);
    }

    #[test]
    fn every_broken_question_is_named_once() {
        let r = read(
            "a.txt",
            "Q1\nA. x\nC. y\nANSWER: A\n\nQ2\nA. x\nB. y\nANSWER: E\n\nQ3\nA. x\nB. y\nANSWER: AB\n\nQ4\nA. x\nstray text\nANSWER: A\n\nQ5 never answered\nA. x\n",
        );
        assert_eq!(
            r.problems(),
            vec![
                (Some(3), "option C where B comes next"),
                (Some(9), "ANSWER: E, but the options run from A to B"),
                (
                    Some(14),
                    "ANSWER: \"AB\" is not one option letter (A, B, ...)"
                ),
                (Some(18), "expected option B. or the ANSWER: line here"),
                (Some(21), "the question has no ANSWER: line"),
            ]
        );
        assert!(r.drafts.is_empty());
    }
}
