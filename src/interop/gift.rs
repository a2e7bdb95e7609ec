//! Moodle's GIFT format, read as Moodle's own importer reads it (question/format/gift) and
//! written so that Moodle imports it.
//!
//! - Questions are separated by blank lines; a line starting with `//` is a comment.
//! - `::title::` names a question; `$CATEGORY: path` (a block of its own) sets the category of
//!   the questions after it, and the last part of the path names their domain.
//! - The answers sit in `{ }`. Multiple choice: `=right ~wrong`; several right answers by
//!   weights: `~%50%a ~%50%b ~%-100%c` (the answers with a positive weight are the keys, and
//!   the positive weights add up to 100). True/false: `{T}` `{TRUE}` `{F}` `{FALSE}`, with
//!   `#feedback for a wrong answer#feedback for a right one`. Text after the `}` makes a
//!   missing-word question: the answers stand for a `_____` in the text.
//! - `#feedback` after an answer is that option's reason; `####feedback` at the end of the
//!   answers is the explanation, and lines at its end that are web addresses alone become the
//!   question's references.
//! - `\~ \= \# \{ \} \:` are those characters as text, `\n` a line break, `\\` a backslash.
//! - `[html]`, `[moodle]`, `[plain]`, `[markdown]` before a text say its format; HTML is reduced
//!   to plain text, the others are kept as written. Answers and feedback take the question
//!   text's format unless they name their own.
//! - Essay, numerical, short answer, matching and description questions cannot be asked here:
//!   they are skipped and reported.

use super::{Draft, Read, Skipped, html};
use crate::bank::{AnswerOption, Bank, Kind};
use crate::blueprint::Blueprint;
use std::fmt::Write as _;

/// One character of a question block: escaped characters are text whatever they are.
#[derive(Debug, Clone, Copy)]
struct Tok {
    c: char,
    escaped: bool,
    line: usize,
}

impl Tok {
    fn is(self, c: char) -> bool {
        !self.escaped && self.c == c
    }
}

fn text(toks: &[Tok]) -> String {
    toks.iter().map(|t| t.c).collect()
}

fn find(toks: &[Tok], c: char) -> Option<usize> {
    toks.iter().position(|t| t.is(c))
}

/// The block's characters with the escapes resolved.
fn tokens(lines: &[(usize, &str)]) -> Vec<Tok> {
    let mut toks = Vec::new();
    for (i, &(line, content)) in lines.iter().enumerate() {
        if i > 0 {
            toks.push(Tok {
                c: '\n',
                escaped: false,
                line,
            });
        }
        let mut chars = content.chars().peekable();
        while let Some(c) = chars.next() {
            let escaped = match (c, chars.peek()) {
                ('\\', Some(&next)) if "~=#{}:\\".contains(next) => Some(next),
                ('\\', Some('n')) => Some('\n'),
                _ => None,
            };
            match escaped {
                Some(c) => {
                    chars.next();
                    toks.push(Tok {
                        c,
                        escaped: true,
                        line,
                    });
                }
                None => toks.push(Tok {
                    c,
                    escaped: false,
                    line,
                }),
            }
        }
    }
    toks
}

/// The text formats GIFT names in brackets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Markup {
    Moodle,
    Html,
    Plain,
    Markdown,
}

/// A text with its format marker, if any, applied: HTML reduced to text, the rest trimmed.
fn formatted(raw: &str, default: Markup) -> (String, Markup) {
    let trimmed = raw.trim();
    let mut markup = default;
    let mut body = trimmed;
    if let Some(rest) = trimmed.strip_prefix('[')
        && let Some((name, after)) = rest.split_once(']')
    {
        let named = match name {
            "html" => Some(Markup::Html),
            "moodle" => Some(Markup::Moodle),
            "plain" => Some(Markup::Plain),
            "markdown" => Some(Markup::Markdown),
            _ => None,
        };
        if let Some(named) = named {
            markup = named;
            body = after;
        }
    }
    let text = match markup {
        Markup::Html => html::to_text(body),
        _ => body.trim().to_string(),
    };
    (text, markup)
}

/// Splits trailing lines that are web addresses alone off a general feedback: they are the
/// question's references.
fn split_references(feedback: &str) -> (String, Vec<String>) {
    let mut lines: Vec<&str> = feedback.lines().collect();
    let mut references = Vec::new();
    while let Some(last) = lines.last().map(|l| l.trim()) {
        let is_link = (last.starts_with("https://") || last.starts_with("http://"))
            && !last.contains(char::is_whitespace);
        if is_link {
            references.push(last.to_string());
        } else if last.is_empty() && !references.is_empty() {
            // The blank line between the explanation and its links.
        } else {
            break;
        }
        lines.pop();
    }
    references.reverse();
    (lines.join("\n").trim().to_string(), references)
}

/// Reads a GIFT file.
pub fn read(file: &str, text: &str) -> Read {
    let mut read = Read::default();
    let mut category: Option<String> = None;
    let mut block: Vec<(usize, &str)> = Vec::new();
    let lines = text.lines().map(str::trim).enumerate();
    for (i, line) in lines.chain([(usize::MAX - 1, "")]) {
        if !line.is_empty() {
            if !line.starts_with("//") {
                block.push((i + 1, line));
            }
            continue;
        }
        if block.is_empty() {
            continue;
        }
        if let Some(path) = block[0].1.strip_prefix("$CATEGORY:") {
            category = Some(domain_of(path));
            block.remove(0);
            if block.is_empty() {
                continue;
            }
        }
        question(file, &block, category.as_deref(), &mut read);
        block.clear();
    }
    read
}

/// The domain a category path names: its last part (`$course$/top/Networking` → Networking),
/// with `//` (a slash inside a name) read as `/`.
fn domain_of(path: &str) -> String {
    let path = path.trim().replace("//", "\u{0}");
    let last = path.rsplit('/').next().unwrap_or_default();
    last.replace('\u{0}', "/").trim().to_string()
}

/// Reads one question block into `read`.
fn question(file: &str, block: &[(usize, &str)], category: Option<&str>, read: &mut Read) {
    let line = block[0].0;
    let mut toks = tokens(block);
    let mut title = None;
    if toks.len() >= 2 && toks[0].is(':') && toks[1].is(':') {
        let close = toks[2..]
            .windows(2)
            .position(|w| w[0].is(':') && w[1].is(':'));
        let Some(close) = close else {
            read.error(
                file,
                line,
                None,
                "the title opened with :: has no closing ::".into(),
            );
            return;
        };
        title = Some(text(&toks[2..2 + close]).trim().to_string());
        toks.drain(..close + 4);
    }
    let title = title.as_deref().filter(|t| !t.is_empty());
    let skip = |read: &mut Read, kind: &str| {
        read.skipped.push(Skipped {
            file: file.to_string(),
            line,
            title: title.map(str::to_string),
            kind: kind.to_string(),
        });
    };
    let (open, close) = (find(&toks, '{'), find(&toks, '}'));
    let (open, close) = match (open, close) {
        (None, None) => return skip(read, "description"),
        (Some(open), Some(close)) if open < close => (open, close),
        (Some(open), _) => {
            let at = toks[open].line;
            return read.error(file, at, title, "a { that is never closed with }".into());
        }
        (None, Some(close)) => {
            let at = toks[close].line;
            return read.error(file, at, title, "a } with no { before it".into());
        }
    };
    if let Some(again) = find(&toks[close + 1..], '{') {
        let at = toks[close + 1 + again].line;
        return read.error(
            file,
            at,
            title,
            "a second { } answer set; a GIFT question has one".into(),
        );
    }
    let (before, answers, after) = (&toks[..open], &toks[open + 1..close], &toks[close + 1..]);
    let (mut stem, markup) = formatted(&text(before), Markup::Moodle);
    let after = formatted(&text(after), markup).0;
    if !after.is_empty() {
        // Missing word: the answers fill the blank where the braces stood.
        stem = format!("{stem} _____ {after}").trim().to_string();
    }
    // General feedback: after the last "####".
    let general = answers
        .windows(4)
        .rposition(|w| w.iter().all(|t| t.is('#')));
    let (answers, feedback) = match general {
        Some(at) => (&answers[..at], &answers[at + 4..]),
        None => (answers, &answers[answers.len()..]),
    };
    let (explanation, references) = split_references(&formatted(&text(feedback), markup).0);
    let mut draft = Draft {
        title: title.map(str::to_string),
        domain: category.map(str::to_string),
        stem,
        explanation,
        references,
        ..Draft::new(file, line)
    };
    let body = text(answers);
    let body = body.trim();
    let first_special = answers.iter().find(|t| !t.c.is_whitespace());
    if body.is_empty() {
        return skip(read, "essay");
    }
    if first_special.is_some_and(|t| t.is('#')) {
        return skip(read, "numerical");
    }
    if find(answers, '~').is_some() {
        match multiple_choice(answers, markup, &mut draft, read) {
            Err((at, message)) => read.error(file, at, title, message),
            Ok(Some(kind)) => skip(read, &kind),
            Ok(None) => read.drafts.push(draft),
        }
        return;
    }
    if find(answers, '=').is_some() && body.contains("->") {
        return skip(read, "matching");
    }
    let answer = match find(answers, '#') {
        Some(hash) => text(&answers[..hash]),
        None => body.to_string(),
    };
    let truth = match answer.trim() {
        "T" | "TRUE" => true,
        "F" | "FALSE" => false,
        _ => return skip(read, "short answer"),
    };
    // {TRUE#feedback for a wrong answer#feedback for a right one}
    let parts: Vec<String> = split_at_hashes(answers, 3)
        .iter()
        .map(|part| formatted(&text(part), markup).0)
        .collect();
    let wrong = parts.get(1).cloned().unwrap_or_default();
    let right = parts.get(2).cloned().unwrap_or_default();
    let (true_why, false_why) = if truth {
        (right, wrong)
    } else {
        (wrong, right)
    };
    draft.options = vec![
        AnswerOption {
            text: "True".into(),
            correct: truth,
            why: true_why,
        },
        AnswerOption {
            text: "False".into(),
            correct: !truth,
            why: false_why,
        },
    ];
    read.drafts.push(draft);
}

/// Splits at unescaped `#`, into at most `most` parts.
fn split_at_hashes(toks: &[Tok], most: usize) -> Vec<&[Tok]> {
    let mut parts = Vec::new();
    let mut rest = toks;
    while parts.len() + 1 < most {
        match find(rest, '#') {
            Some(at) => {
                parts.push(&rest[..at]);
                rest = &rest[at + 1..];
            }
            None => break,
        }
    }
    parts.push(rest);
    parts
}

/// An answer's weight, `%50%` or `%-33.3%` at its start, and the text after it.
fn weight(toks: &[Tok]) -> Option<(f64, &[Tok])> {
    let start = toks.iter().position(|t| !t.c.is_whitespace())?;
    if !toks[start].is('%') {
        return None;
    }
    let close = start + 1 + find(&toks[start + 1..], '%')?;
    let number: f64 = text(&toks[start + 1..close]).trim().parse().ok()?;
    number.is_finite().then_some((number, &toks[close + 1..]))
}

/// Reads `=right ~wrong ~%50%partly` answers into the draft's options. Ok(Some(kind)): a
/// variant proctor cannot ask, to skip; Err: where and what is wrong.
fn multiple_choice(
    answers: &[Tok],
    markup: Markup,
    draft: &mut Draft,
    read: &mut Read,
) -> Result<Option<String>, (usize, String)> {
    let starts: Vec<usize> = (0..answers.len())
        .filter(|&i| answers[i].is('~') || answers[i].is('='))
        .collect();
    let lead = text(&answers[..starts[0]]);
    if !lead.trim().is_empty() {
        return Err((
            answers[0].line,
            format!(
                "text before the first answer: \"{}\"; each answer starts with = or ~",
                lead.trim()
            ),
        ));
    }
    // Only multiple choice with an "=" answer is single-answer in Moodle.
    let single = starts.iter().any(|&i| answers[i].is('='));
    let mut weights = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(answers.len());
        let marker = answers[start];
        let mut body = &answers[start + 1..end];
        // As in Moodle, only a ~ answer carries a weight; "=%50% off" is the text "%50% off".
        let mut w = if marker.c == '=' { 100.0 } else { 0.0 };
        if marker.c == '~'
            && let Some((given, rest)) = weight(body)
        {
            w = given;
            body = rest;
        }
        let (answer, why) = match find(body, '#') {
            Some(hash) => (&body[..hash], &body[hash + 1..]),
            None => (body, &body[body.len()..]),
        };
        draft.options.push(AnswerOption {
            text: formatted(&text(answer), markup).0,
            correct: false,
            why: formatted(&text(why), markup).0,
        });
        weights.push(w);
    }
    let positive: f64 = weights.iter().filter(|&&w| w > 0.0).sum();
    if single {
        let full: Vec<usize> = (0..weights.len())
            .filter(|&i| (weights[i] - 100.0).abs() < 0.01)
            .collect();
        if full.len() > 1 {
            // Moodle accepts any one of them; proctor's single answer has one key.
            return Ok(Some(format!(
                "multiple choice with {} answers each fully right",
                full.len()
            )));
        }
        let partial = weights.iter().filter(|&&w| w > 0.0 && w < 100.0).count();
        if partial > 0 {
            read.notes.push(super::problem(
                &draft.file,
                Some(draft.line),
                draft.title.as_deref(),
                format!(
                    "partial credit for {partial} answer{} dropped: proctor scores all or nothing, so only the = answer is right",
                    if partial == 1 { "" } else { "s" }
                ),
            ));
        }
        for &i in &full {
            draft.options[i].correct = true;
        }
    } else {
        if positive > 0.0 && (positive - 100.0).abs() >= 0.01 {
            return Err((
                draft.line,
                format!(
                    "the positive weights add up to {positive}%, not 100%: which answers together are the right choice?"
                ),
            ));
        }
        for (o, &w) in draft.options.iter_mut().zip(&weights) {
            o.correct = w > 0.0;
        }
    }
    Ok(None)
}

/// A text as GIFT writes it: the special characters escaped, line breaks as `\n`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '~' | '=' | '#' | '{' | '}' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

/// The weight of one key when `keys` options must all be chosen, as Moodle lists grades.
fn key_weight(keys: usize) -> String {
    let w = 100.0 / keys as f64;
    let text = format!("{w:.5}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The bank as GIFT, a `$CATEGORY` per domain, for Moodle's question import (plain text).
pub fn write(bank: &Bank, blueprint: &Blueprint) -> String {
    let mut out = format!(
        "// {} ({}): {} questions, written by `proctor bank export --format gift`.\n\
         // Moodle: Question bank > Import > GIFT format; the $CATEGORY lines make one category per domain.\n",
        blueprint.name,
        blueprint.code,
        bank.len()
    );
    for domain in &blueprint.domains {
        let all = bank.all();
        let questions: Vec<_> = all.iter().filter(|q| q.domain == domain.number).collect();
        if questions.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "\n$CATEGORY: $course$/top/{}/{}\n",
            blueprint.code.replace('/', "//"),
            domain.name.replace('/', "//")
        );
        for q in questions {
            let keys = q.key_count();
            let _ = write!(
                out,
                "\n// {} (task {})\n::{}::[plain]{}{{\n",
                q.id,
                q.task,
                escape(&q.id),
                escape(&q.stem)
            );
            for o in &q.options {
                let mark = match (q.kind, o.correct) {
                    (Kind::Single, true) => "=".to_string(),
                    // An explicit 0% keeps a text that starts "%50%" from reading as a weight.
                    (Kind::Single, false) if o.text.starts_with('%') => "~%0%".to_string(),
                    (Kind::Single, false) => "~".to_string(),
                    (Kind::Multiple, true) => format!("~%{}%", key_weight(keys)),
                    (Kind::Multiple, false) => "~%-100%".to_string(),
                };
                let _ = write!(out, "\t{mark}{}", escape(&o.text));
                if !o.why.is_empty() {
                    let _ = write!(out, "#{}", escape(&o.why));
                }
                out.push('\n');
            }
            let feedback = [q.explanation.as_str()]
                .into_iter()
                .chain(q.references.iter().map(String::as_str))
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>();
            if !feedback.is_empty() {
                let mut text = feedback[0].to_string();
                for (i, part) in feedback.iter().enumerate().skip(1) {
                    // A blank line between the explanation and the links, one link a line.
                    text.push_str(if i == 1 && !q.explanation.is_empty() {
                        "\n\n"
                    } else {
                        "\n"
                    });
                    text.push_str(part);
                }
                let _ = writeln!(out, "\t####{}", escape(&text));
            }
            out.push_str("}\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Draft {
        let read = read("t.gift", text);
        assert!(read.errors.is_empty(), "{:?}", read.errors);
        assert_eq!(read.drafts.len(), 1, "{read:?}");
        read.drafts.into_iter().next().unwrap()
    }

    fn keys(d: &Draft) -> Vec<usize> {
        (0..d.options.len())
            .filter(|&i| d.options[i].correct)
            .collect()
    }

    #[test]
    fn multiple_choice_with_title_feedback_and_general_feedback() {
        let d = one(
            "::Tomb::Who's buried in Grant's tomb?{\n~Grant#He is not.\n=no one#Right: it is above ground.\n~Jefferson\n####Grant's tomb is a mausoleum.}",
        );
        assert_eq!(d.title.as_deref(), Some("Tomb"));
        assert_eq!(d.stem, "Who's buried in Grant's tomb?");
        assert_eq!(keys(&d), vec![1]);
        assert_eq!(d.options[0].why, "He is not.");
        assert_eq!(d.options[1].text, "no one");
        assert_eq!(d.options[2].why, "");
        assert_eq!(d.explanation, "Grant's tomb is a mausoleum.");
    }

    #[test]
    fn weights_make_a_multiple_response_with_the_positive_ones_keyed() {
        let d = one("Which are primes? {~%50%2 ~%50%3 ~%-100%4 ~%-100%6}");
        assert_eq!(keys(&d), vec![0, 1]);
        let d = one("Pick three {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}");
        assert_eq!(keys(&d), vec![0, 1, 2]);
        // Weights that do not add up are an error naming the sum.
        let r = read("t.gift", "Q {~%50%a ~%40%b ~c}");
        assert!(r.errors[0].message.contains("add up to 90%"), "{r:?}");
    }

    #[test]
    fn true_false_is_a_two_option_single_with_each_feedback_on_its_option() {
        let d = one("The sun is a star.{TRUE#No, it is.#Yes.}");
        assert_eq!(
            (d.options[0].text.as_str(), d.options[1].text.as_str()),
            ("True", "False")
        );
        assert_eq!(keys(&d), vec![0]);
        assert_eq!(d.options[0].why, "Yes.");
        assert_eq!(d.options[1].why, "No, it is.");
        let d = one("Grant is buried in Grant's tomb.{F}");
        assert_eq!(keys(&d), vec![1]);
    }

    #[test]
    fn escapes_are_text() {
        let d = one(
            "Which is 1\\=1 \\{set\\} \\#1 \\~ \\: a\\\\b?\\nSecond line {=a \\= b#why \\# x ~c}",
        );
        assert_eq!(d.stem, "Which is 1=1 {set} #1 ~ : a\\b?\nSecond line");
        assert_eq!(d.options[0].text, "a = b");
        assert_eq!(d.options[0].why, "why # x");
    }

    #[test]
    fn comments_categories_and_blocks() {
        let r = read(
            "t.gift",
            "// a comment\n$CATEGORY: $course$/top/Net//works\n\n::A::One? {=x ~y}\n\n// between\n::B::Two?\n// inside\n{=x ~y}\n",
        );
        assert!(r.errors.is_empty(), "{r:?}");
        let domains: Vec<_> = r.drafts.iter().map(|d| d.domain.as_deref()).collect();
        assert_eq!(domains, vec![Some("Net/works"), Some("Net/works")]);
        assert_eq!(r.drafts[1].stem, "Two?");
        assert_eq!(r.drafts[1].line, 7);
    }

    #[test]
    fn format_markers_and_html() {
        let d = one("[html]<p>Who is <b>buried</b>&nbsp;here?</p>{=<i>no one</i> ~Grant}");
        assert_eq!(d.stem, "Who is buried\u{a0}here?");
        assert_eq!(d.options[0].text, "no one");
        let d = one("[markdown]Is **this** kept?{=[plain]<b> ~b}");
        assert_eq!(d.stem, "Is **this** kept?");
        assert_eq!(d.options[0].text, "<b>");
    }

    #[test]
    fn missing_word_questions_keep_a_blank() {
        let d = one("Grant is {~buried =entombed ~living} in Grant's tomb.");
        assert_eq!(d.stem, "Grant is _____ in Grant's tomb.");
    }

    #[test]
    fn questions_proctor_cannot_ask_are_skipped_and_named() {
        let r = read(
            "t.gift",
            "::E::Write about it.{}\n\n::N::Year?{#1822:5}\n\n::S::Who?{=Grant =Ulysses}\n\n::M::Match {=a -> 1 =b -> 2 =c -> 3}\n\nJust a description.\n",
        );
        let kinds: Vec<(&str, usize)> = r
            .skipped
            .iter()
            .map(|s| (s.kind.as_str(), s.line))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("essay", 1),
                ("numerical", 3),
                ("short answer", 5),
                ("matching", 7),
                ("description", 9)
            ]
        );
        assert_eq!(r.skipped[0].title.as_deref(), Some("E"));
        assert!(r.drafts.is_empty() && r.errors.is_empty());
    }

    #[test]
    fn broken_blocks_are_errors_with_their_line() {
        let r = read(
            "t.gift",
            "Q1 {=a ~b\n\n::T2 no close {=a ~b}\n\nQ3 } {=a ~b}\n\nQ4 {=a ~b} and {=c ~d}\n\nQ5 lead {text =a ~b}\n",
        );
        let lines: Vec<Option<usize>> = r.errors.iter().map(|e| e.line).collect();
        assert_eq!(
            lines,
            vec![Some(1), Some(3), Some(5), Some(7), Some(9)],
            "{r:?}"
        );
    }

    #[test]
    fn trailing_links_in_the_general_feedback_are_references() {
        let d = one("Q {=a ~b ####Because.\\n\\nhttps://example.com/a\\nhttps://example.com/b}");
        assert_eq!(d.explanation, "Because.");
        assert_eq!(
            d.references,
            vec!["https://example.com/a", "https://example.com/b"]
        );
    }

    #[test]
    fn escape_round_trips_through_the_reader() {
        let nasty = "a ~ b = c # d { e } f : g \\ h\nnext";
        let d = one(&format!("{}{{={} ~x}}", escape(nasty), escape(nasty)));
        assert_eq!(d.stem, nasty);
        assert_eq!(d.options[0].text, nasty);
        // An option that starts like a weight stays text, whichever mark it gets.
        let blueprint = Blueprint::dop_c02();
        let mut q = Bank::embedded(&blueprint).unwrap().entries()[0].clone();
        q.kind = Kind::Single;
        q.options.truncate(2);
        q.options[0] = AnswerOption {
            text: "%50% of it".into(),
            correct: true,
            why: String::new(),
        };
        q.options[1] = AnswerOption {
            text: "%25% of it".into(),
            correct: false,
            why: String::new(),
        };
        let bank = Bank::new(vec![q], crate::bank::BankSource::Embedded);
        let d = one(write(&bank, &blueprint).split("\n\n").last().unwrap());
        assert_eq!(d.options[0].text, "%50% of it");
        assert_eq!(d.options[1].text, "%25% of it");
        assert_eq!(keys(&d), vec![0]);
        assert_eq!(key_weight(3), "33.33333");
        assert_eq!(key_weight(2), "50");
        assert_eq!(key_weight(6), "16.66667");
    }
}
