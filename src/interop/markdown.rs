//! Markdown checklists: a heading per question, its options as task-list items.
//!
//! ```markdown
//! # Networking                      ← a heading with no options names the domain
//!
//! ## Which port does HTTPS use?     ← a heading with options is a question
//!
//! - [ ] 80
//! - [x] 443
//!   Why: the default for TLS.       ← optional, indented under its option
//! - [ ] 22
//!
//! Explanation: HTTPS listens on 443 unless told otherwise.
//! Link: https://example.com/https
//! ```
//!
//! Text between the heading and the options is the question (the heading is then its title);
//! with none, the heading is the question. `- [x]`, `* [X]` and `+ [x]` mark keys. After the
//! options, `Explanation:` starts the explanation (which runs on over the lines that follow)
//! and each `Link:` line adds a reference: a bare address, one in angle brackets, or a
//! Markdown link.
//! Lines inside code fences (three backticks) are text, never headings or options.

use super::{Draft, Read};
use crate::bank::AnswerOption;

/// `- [x] text`: whether it is checked, and the text.
fn checkbox(line: &str) -> Option<(bool, &str)> {
    let rest = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("* "))
        .or_else(|| line.strip_prefix("+ "))?
        .trim_start();
    let (checked, text) = if let Some(t) = rest.strip_prefix("[ ]") {
        (false, t)
    } else if let Some(t) = rest
        .strip_prefix("[x]")
        .or_else(|| rest.strip_prefix("[X]"))
    {
        (true, t)
    } else {
        return None;
    };
    Some((checked, text.trim()))
}

/// `## Heading ##`: its text.
fn heading(line: &str) -> Option<&str> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some(rest.trim().trim_end_matches('#').trim())
}

/// The address of a `Link:` line's value.
fn link(value: &str) -> &str {
    let value = value.trim();
    if let Some(inner) = value.strip_prefix('<').and_then(|v| v.strip_suffix('>')) {
        return inner.trim();
    }
    if let Some(start) = value.find("](")
        && let Some(end) = value[start + 2..].find(')')
    {
        return value[start + 2..start + 2 + end].trim();
    }
    value
}

/// A heading and the lines under it (outside code fences a line keeps its fence state).
struct Section<'a> {
    line: usize,
    heading: &'a str,
    /// (line number, text, inside a code fence)
    body: Vec<(usize, &'a str, bool)>,
}

/// Reads a Markdown file.
pub fn read(file: &str, text: &str) -> Read {
    let mut read = Read::default();
    let mut sections: Vec<Section> = Vec::new();
    let mut fenced = false;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let is_fence = line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~");
        let inside = fenced || is_fence;
        if is_fence {
            fenced = !fenced;
        }
        match heading(line).filter(|_| !inside) {
            Some(h) => sections.push(Section {
                line: n,
                heading: h,
                body: Vec::new(),
            }),
            None => match sections.last_mut() {
                Some(s) => s.body.push((n, line, inside)),
                None if !inside && checkbox(line.trim()).is_some() => read.error(
                    file,
                    n,
                    None,
                    "an option before any heading; each question starts with a heading".into(),
                ),
                None => {}
            },
        }
    }
    let mut domain: Option<String> = None;
    for s in &sections {
        let is_question = s
            .body
            .iter()
            .any(|&(_, line, fenced)| !fenced && checkbox(line.trim()).is_some());
        if is_question {
            question(file, s, domain.clone(), &mut read);
        } else {
            domain = Some(s.heading.to_string());
        }
    }
    read
}

/// Where in a question's section the reader is.
#[derive(PartialEq)]
enum Part {
    Stem,
    Options,
    Explanation,
    After,
}

fn question(file: &str, s: &Section, domain: Option<String>, read: &mut Read) {
    let mut d = Draft {
        domain,
        ..Draft::new(file, s.line)
    };
    let mut stem: Vec<&str> = Vec::new();
    let mut explanation: Vec<&str> = Vec::new();
    let mut part = Part::Stem;
    for &(n, raw, fenced) in &s.body {
        let line = raw.trim();
        let indented = raw.starts_with("  ") || raw.starts_with('\t');
        if !fenced && let Some((checked, text)) = checkbox(line) {
            if part != Part::Stem && part != Part::Options {
                read.error(
                    file,
                    n,
                    Some(s.heading),
                    "an option after the explanation or links; the options come first".into(),
                );
                return;
            }
            part = Part::Options;
            d.options.push(AnswerOption {
                text: text.to_string(),
                correct: checked,
                why: String::new(),
            });
            continue;
        }
        let keyword = |word: &str| {
            line.get(..word.len())
                .filter(|w| w.eq_ignore_ascii_case(word))
                .map(|_| line[word.len()..].trim())
        };
        if part != Part::Stem && !fenced {
            if let Some(url) = keyword("link:") {
                d.references.push(link(url).to_string());
                part = Part::After;
                continue;
            }
            if let Some(text) = keyword("explanation:") {
                explanation.push(text);
                part = Part::Explanation;
                continue;
            }
        }
        match part {
            Part::Stem => stem.push(raw.trim_end()),
            Part::Options if line.is_empty() => {}
            Part::Options if indented => {
                let option = d.options.last_mut().expect("an option came first");
                match keyword("why:") {
                    Some(why) => option.why = why.to_string(),
                    None if !option.why.is_empty() => {
                        option.why.push(' ');
                        option.why.push_str(line);
                    }
                    None => {
                        option.text.push(' ');
                        option.text.push_str(line);
                    }
                }
            }
            Part::Explanation => explanation.push(line),
            Part::Options | Part::After if line.is_empty() => {}
            Part::Options | Part::After => {
                read.error(
                    file,
                    n,
                    Some(s.heading),
                    format!(
                        "\"{line}\" after the options: only indented Why: lines, Explanation: and Link: lines may follow them"
                    ),
                );
                return;
            }
        }
    }
    let stem = stem.join("\n").trim().to_string();
    if stem.is_empty() {
        d.stem = s.heading.to_string();
    } else {
        d.title = Some(s.heading.to_string());
        d.stem = stem;
    }
    d.explanation = explanation.join("\n").trim().to_string();
    read.drafts.push(d);
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn headings_options_reasons_explanation_and_links() {
        let r = read(
            "q.md",
            "Intro text.\n\n# Networking\n\n## Which port does HTTPS use?\n\n- [ ] 80\n- [x] 443\n  Why: the TLS default.\n- [ ] 22\n\nExplanation: HTTPS listens on 443\nunless told otherwise.\nLink: https://example.com/a\nLink: [spec](https://example.com/b)\n\n## Question 2\n\nPick the primes, with\n```\n- [x] not an option in a fence\n# nor a heading\n```\n* [X] 2\n+ [x] 3\n- [ ] 4\n  which is even\n",
        );
        assert!(r.errors.is_empty(), "{r:?}");
        assert_eq!(r.drafts.len(), 2);
        let q = &r.drafts[0];
        assert_eq!(q.domain.as_deref(), Some("Networking"));
        assert_eq!(
            (q.title.as_deref(), q.stem.as_str()),
            (None, "Which port does HTTPS use?")
        );
        assert_eq!(q.line, 5);
        assert!(q.options[1].correct && !q.options[0].correct);
        assert_eq!(q.options[1].why, "the TLS default.");
        assert_eq!(
            q.explanation,
            "HTTPS listens on 443\nunless told otherwise."
        );
        assert_eq!(
            q.references,
            vec!["https://example.com/a", "https://example.com/b"]
        );
        let q = &r.drafts[1];
        assert_eq!(q.title.as_deref(), Some("Question 2"));
        assert!(
            q.stem
                .starts_with("Pick the primes, with\n```\n- [x] not an option")
        );
        assert_eq!(q.options.len(), 3);
        assert_eq!(q.options[2].text, "4 which is even");
        assert_eq!(q.domain.as_deref(), Some("Networking"));
    }

    #[test]
    fn misplaced_lines_are_errors_with_their_line() {
        let r = read(
            "q.md",
            "- [x] stray\n\n## Q1\n- [x] a\n- [ ] b\nloose text\n\n## Q2\n- [x] a\nExplanation: e\n- [ ] late\n",
        );
        let lines: Vec<Option<usize>> = r.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![Some(1), Some(6), Some(11)], "{r:?}");
        assert!(r.drafts.is_empty());
    }
}
