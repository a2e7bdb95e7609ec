//! CSV (RFC 4180, read and written with the `csv` crate): a header row naming the columns, in
//! any order, then one question a row.
//!
//! | column | required | holds |
//! | --- | --- | --- |
//! | `question` | yes | the question's text |
//! | `options` | yes | the options, one a line (a line break inside the quoted cell) |
//! | `correct` | yes | the letters of the right options: `B`, or `A,C` for several |
//! | `explanation` | no | why the key is right |
//! | `domain` | no | the domain; empty: the file's name |
//! | `references` | no | web addresses, separated by spaces or line breaks |
//! | `why` | no | one line per option, in the same order: why it is right or wrong |

use super::{Draft, Read, letter};
use crate::bank::{AnswerOption, Bank};
use crate::blueprint::Blueprint;

/// The columns, in the order `bank export` writes them.
pub const COLUMNS: [&str; 7] = [
    "question",
    "options",
    "correct",
    "explanation",
    "domain",
    "references",
    "why",
];
const REQUIRED: [&str; 3] = ["question", "options", "correct"];

/// Reads a CSV file.
pub fn read(file: &str, text: &str) -> Read {
    let mut read = Read::default();
    let mut reader = ::csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(e) => {
            read.error(file, 1, None, format!("cannot read the header row: {e}"));
            return read;
        }
    };
    // Where each known column is.
    let mut at: [Option<usize>; COLUMNS.len()] = [None; COLUMNS.len()];
    for (i, name) in header.iter().enumerate() {
        let name = name.trim().to_ascii_lowercase();
        match COLUMNS.iter().position(|&c| c == name) {
            Some(c) if at[c].is_some() => read.error(
                file,
                1,
                None,
                format!("the column \"{name}\" appears twice"),
            ),
            Some(c) => at[c] = Some(i),
            None => read.error(
                file,
                1,
                None,
                format!(
                    "unknown column \"{}\"; the columns are {}",
                    name.escape_debug(),
                    COLUMNS.join(", ")
                ),
            ),
        }
    }
    for required in REQUIRED {
        if at[COLUMNS.iter().position(|&c| c == required).unwrap()].is_none() {
            read.error(
                file,
                1,
                None,
                format!("no \"{required}\" column; the header row names the columns"),
            );
        }
    }
    if !read.errors.is_empty() {
        return read;
    }
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e
                    .position()
                    .map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
                let message = match e.kind() {
                    ::csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!("the row has {len} fields; the header has {expected_len}"),
                    _ => e.to_string(),
                };
                read.error(file, line, None, message);
                continue;
            }
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = record
            .position()
            .map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        let cell = |column: usize| at[column].and_then(|i| record.get(i)).unwrap_or("");
        let mut draft = Draft {
            stem: cell(0).trim().to_string(),
            explanation: cell(3).trim().to_string(),
            domain: Some(cell(4).trim().to_string()).filter(|d| !d.is_empty()),
            references: cell(5).split_whitespace().map(str::to_string).collect(),
            ..Draft::new(file, line)
        };
        draft.options = cell(1)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|text| AnswerOption {
                text: text.to_string(),
                correct: false,
                why: String::new(),
            })
            .collect();
        let whys: Vec<&str> = cell(6).trim_end().lines().map(str::trim).collect();
        if whys.len() > draft.options.len() {
            read.error(
                file,
                line,
                None,
                format!(
                    "{} why lines for {} options; give one line per option, in order",
                    whys.len(),
                    draft.options.len()
                ),
            );
            continue;
        }
        for (o, why) in draft.options.iter_mut().zip(whys) {
            o.why = why.to_string();
        }
        match keys(cell(2), draft.options.len()) {
            Ok(keys) => {
                for k in keys {
                    draft.options[k].correct = true;
                }
                read.drafts.push(draft);
            }
            Err(message) => read.error(file, line, None, message),
        }
    }
    read
}

/// "B", "A,C", "a; c", "A C", "AC": option positions.
fn keys(cell: &str, options: usize) -> Result<Vec<usize>, String> {
    let mut keys = Vec::new();
    for c in cell
        .chars()
        .filter(|c| !matches!(c, ',' | ';' | ' ' | '\t'))
    {
        let pos = match c.to_ascii_uppercase() {
            l @ 'A'..='Z' => (l as u8 - b'A') as usize,
            _ => {
                return Err(format!(
                    "correct \"{}\" should be option letters, like B or A,C",
                    cell.escape_debug()
                ));
            }
        };
        if pos >= options {
            return Err(format!(
                "correct names {}, but there {} only {options} option{}",
                c.to_ascii_uppercase(),
                if options == 1 { "is" } else { "are" },
                if options == 1 { "" } else { "s" }
            ));
        }
        if !keys.contains(&pos) {
            keys.push(pos);
        }
    }
    Ok(keys)
}

/// The bank in this format, a row per question in bank order. An option's line breaks become
/// spaces (one option a line).
pub fn write(bank: &Bank, blueprint: &Blueprint) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let lines = |texts: &mut dyn Iterator<Item = &str>| {
        texts
            .map(|t| t.replace('\n', " "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    writer.write_record(COLUMNS).expect("writing to memory");
    for q in &bank.all() {
        let correct: Vec<String> = q.key().into_iter().map(|k| letter(k).to_string()).collect();
        let domain = blueprint
            .domain(q.domain)
            .map(|d| d.name.as_str())
            .unwrap_or_default();
        let why = lines(&mut q.options.iter().map(|o| o.why.as_str()));
        writer
            .write_record([
                q.stem.as_str(),
                &lines(&mut q.options.iter().map(|o| o.text.as_str())),
                &correct.join(","),
                &q.explanation,
                domain,
                &q.references.join("\n"),
                why.trim_end(),
            ])
            .expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("UTF-8 in, UTF-8 out")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_questions_with_quoted_cells_and_any_column_order() {
        let r = read(
            "q.csv",
            "Domain,Question,Options,Correct,Why\n\
             Net,\"Which port, by default, does HTTPS use?\",\"80\n443\n22\",B,\"Plain HTTP.\nRight.\"\n\
             ,\"Pick the \"\"primes\"\"\",\"2\n3\n4\",\"a, b\",\n",
        );
        assert!(r.errors.is_empty(), "{r:?}");
        assert_eq!(r.drafts[0].stem, "Which port, by default, does HTTPS use?");
        assert_eq!(r.drafts[0].options[1].text, "443");
        assert!(r.drafts[0].options[1].correct);
        assert_eq!(r.drafts[0].options[0].why, "Plain HTTP.");
        assert_eq!(r.drafts[0].options[2].why, "");
        assert_eq!(r.drafts[0].domain.as_deref(), Some("Net"));
        assert_eq!(r.drafts[1].stem, "Pick the \"primes\"");
        assert_eq!(r.drafts[1].line, 6);
        let keys: Vec<bool> = r.drafts[1].options.iter().map(|o| o.correct).collect();
        assert_eq!(keys, vec![true, true, false]);
    }

    #[test]
    fn header_and_row_problems_all_at_once() {
        let r = read("q.csv", "question,options,answer,options\n");
        let messages: Vec<&str> = r.errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].starts_with("unknown column \"answer\""));
        assert_eq!(messages[1], "the column \"options\" appears twice");
        assert!(messages[2].starts_with("no \"correct\" column"));

        let r = read(
            "q.csv",
            "question,options,correct\nQ1,\"a\nb\",C\nQ2,a\nQ3,\"a\nb\",?\nQ4,\"a\nb\",A\n",
        );
        assert_eq!(
            r.problems(),
            vec![
                (Some(2), "correct names C, but there are only 2 options"),
                (Some(4), "the row has 2 fields; the header has 3"),
                (
                    Some(5),
                    "correct \"?\" should be option letters, like B or A,C"
                ),
            ]
        );
        assert_eq!(r.drafts.len(), 1);
    }
}
