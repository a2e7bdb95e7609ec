//! A tab-separated file for Anki's text import (File > Import), one note per question, for
//! Anki's built-in note type **Basic**:
//!
//! - **Front**: the question, `(Select TWO.)` when several options are keys, and the options
//!   lettered A, B, ... in the bank's order;
//! - **Back**: `Answer: B` (or `B, D`) with the keyed options' text, the explanation and the
//!   reference links;
//! - **Tags**: the exam code, `<code>::<task>` and `<code>::<question id>` (spaces become `_`).
//!
//! The file starts with Anki's header lines (`#separator:tab`, `#html:false`, `#notetype:Basic`,
//! `#deck:<exam name>`, `#tags column:3`, `#columns:...`), so Anki needs no settings changed;
//! fields with line breaks, tabs or quotes are quoted as Anki's importer expects.

use super::letter;
use crate::bank::{Bank, Question};
use crate::blueprint::Blueprint;
use std::fmt::Write as _;

/// "TWO" for "(Select TWO.)", as the exam screen writes it.
fn count_word(n: usize) -> String {
    const WORDS: [&str; 9] = [
        "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN",
    ];
    n.checked_sub(2)
        .and_then(|i| WORDS.get(i))
        .map_or_else(|| n.to_string(), std::string::ToString::to_string)
}

fn front(q: &Question) -> String {
    let mut text = q.stem.clone();
    if q.key_count() > 1 {
        let _ = write!(text, " (Select {}.)", count_word(q.key_count()));
    }
    text.push('\n');
    for (i, o) in q.options.iter().enumerate() {
        let _ = write!(text, "\n{}. {}", letter(i), o.text);
    }
    text
}

fn back(q: &Question) -> String {
    let key = q.key();
    let letters: Vec<String> = key.iter().map(|&k| letter(k).to_string()).collect();
    let mut text = format!("Answer: {}", letters.join(", "));
    for &k in &key {
        let _ = write!(text, "\n{}. {}", letter(k), q.options[k].text);
    }
    if !q.explanation.is_empty() {
        text.push_str("\n\n");
        text.push_str(&q.explanation);
    }
    if !q.references.is_empty() {
        text.push('\n');
        for r in &q.references {
            text.push('\n');
            text.push_str(r);
        }
    }
    text
}

/// The bank as an Anki text file.
pub fn write(bank: &Bank, blueprint: &Blueprint) -> String {
    let tag = |s: &str| s.split_whitespace().collect::<Vec<_>>().join("_");
    let code = tag(&blueprint.code);
    let mut out = format!(
        "#separator:tab\n#html:false\n#notetype:Basic\n#deck:{}\n#tags column:3\n#columns:Front\tBack\tTags\n",
        blueprint.name
    );
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .from_writer(Vec::new());
    for q in &bank.all() {
        let tags = format!("{code} {code}::{} {code}::{}", tag(&q.task), tag(&q.id));
        writer
            .write_record([front(q), back(q), tags])
            .expect("writing to memory");
    }
    let rows = writer.into_inner().expect("writing to memory");
    out.push_str(&String::from_utf8(rows).expect("UTF-8 in, UTF-8 out"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{AnswerOption, BankSource, Kind};

    fn question() -> Question {
        let option = |text: &str, correct| AnswerOption {
            text: text.into(),
            correct,
            why: "w".into(),
        };
        Question {
            id: "1.1-001".into(),
            task: "1.1".into(),
            domain: 1,
            kind: Kind::Multiple,
            services: vec![],
            skills: vec![],
            verified: String::new(),
            stem: "Which \"two\"?\tReally".into(),
            explanation: "Because.".into(),
            references: vec!["https://example.com/x".into()],
            options: vec![option("a", true), option("b", false), option("c", true)],
            file: "f".into(),
            line: 1,
        }
    }

    #[test]
    fn a_note_per_question_with_anki_headers_and_quoted_fields() {
        let bank = Bank::new(vec![question()], BankSource::Embedded);
        let text = write(&bank, &Blueprint::dop_c02());
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("#separator:tab"));
        assert_eq!(lines.next(), Some("#html:false"));
        assert_eq!(lines.next(), Some("#notetype:Basic"));
        // Read back as Anki does: tab-separated, quoted fields, after the header lines.
        let body: String = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n");
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(b'\t')
            .has_headers(false)
            .from_reader(body.as_bytes());
        let note = reader.records().next().unwrap().unwrap();
        assert_eq!(
            &note[0],
            "Which \"two\"?\tReally (Select TWO.)\n\nA. a\nB. b\nC. c"
        );
        assert_eq!(
            &note[1],
            "Answer: A, C\nA. a\nC. c\n\nBecause.\n\nhttps://example.com/x"
        );
        assert_eq!(&note[2], "DOP-C02 DOP-C02::1.1 DOP-C02::1.1-001");
    }
}
