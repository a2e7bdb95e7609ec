//! Test-wise cues: ways a reader who knows no AWS can pick the key from the wording alone
//! (QUESTION-BANK.md, "What separates a professional-level item from a giveaway"). Each
//! function judges one question; `lint` totals them per task file, per domain and for the bank.

use super::model::{Kind, Question};
use std::collections::HashSet;

/// Words that carry no content, left out when comparing the words of two texts.
pub const STOP_WORDS: &[&str] = &[
    "the", "and", "for", "with", "from", "that", "this", "are", "its", "which", "will", "use",
    "uses", "using", "into", "each", "than", "then", "their", "they", "can", "when", "what", "who",
    "how", "not",
];

/// The words of a text: letters and digits, with apostrophes and hyphens inside a word.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

fn is_stop_word(lower: &str) -> bool {
    lower.chars().count() <= 2 || STOP_WORDS.contains(&lower)
}

/// A text's distinct content words, lower-cased.
pub fn content_words(text: &str) -> HashSet<String> {
    words(text)
        .map(str::to_lowercase)
        .filter(|w| !is_stop_word(w))
        .collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// Convergence: the option that shares the most words with the other options is often the key
/// when each distractor is the key with one element swapped. For a single-answer item, the
/// key's share of being that option: 1 when it alone is, 1/k when k options tie for it, 0
/// otherwise; so chance is exactly one in four.
pub fn convergence(q: &Question) -> Option<f64> {
    if q.kind != Kind::Single {
        return None;
    }
    let key = q.options.iter().position(|o| o.correct)?;
    let sets: Vec<HashSet<String>> = q.options.iter().map(|o| content_words(&o.text)).collect();
    let centrality: Vec<f64> = (0..sets.len())
        .map(|i| {
            (0..sets.len())
                .filter(|&j| j != i)
                .map(|j| jaccard(&sets[i], &sets[j]))
                .sum()
        })
        .collect();
    let most = centrality.iter().copied().fold(f64::MIN, f64::max);
    let tied = |x: f64| (most - x).abs() < 1e-9;
    if !tied(centrality[key]) {
        return Some(0.0);
    }
    Some(1.0 / centrality.iter().filter(|&&x| tied(x)).count() as f64)
}

/// Stem echo: what the stem says that a key repeats and no distractor does — a number, a
/// quoted string, a code-like token (`GetMetricData`, `AWS/EC2`, `s3:GetObject`), or a phrase
/// of three words (at most one of them a stop word). Each is a cue that picks the key unread.
pub fn stem_echo(q: &Question) -> Vec<String> {
    let (keys, distractors): (Vec<_>, Vec<_>) = q
        .options
        .iter()
        .map(|o| (o.correct, Said::new(&o.text)))
        .partition(|(correct, _)| *correct);
    let in_any = |said: &[(bool, Said)], cue: &Cue| said.iter().any(|(_, s)| s.has(cue));
    let mut echoed: Vec<String> = Vec::new();
    // The stem position of the last phrase echoed, to join overlapping ones into one.
    let mut last_phrase = None;
    for cue in cues(&q.stem) {
        if !in_any(&keys, &cue) || in_any(&distractors, &cue) || echoed.contains(&cue.shown) {
            continue;
        }
        if let CueKind::Phrase(at) = cue.kind {
            if let (Some(before), Some(joined)) = (last_phrase, echoed.last_mut())
                && before + 1 == at
            {
                let last_word = cue.shown.rsplit(' ').next().unwrap_or_default();
                joined.push(' ');
                joined.push_str(last_word);
                last_phrase = Some(at);
                continue;
            }
            last_phrase = Some(at);
        } else {
            last_phrase = None;
        }
        echoed.push(cue.shown);
    }
    echoed
}

/// Something a stem says that an option may repeat.
struct Cue {
    shown: String,
    kind: CueKind,
}

enum CueKind {
    /// A number or code-like token: matched as a whole token.
    Token,
    /// A quoted string: matched anywhere.
    Quoted,
    /// Three words, lower-cased, starting at this word of the stem: matched as three
    /// consecutive words.
    Phrase(usize),
}

/// An option's text, read once for every cue to be looked up in it.
struct Said<'a> {
    text: &'a str,
    tokens: HashSet<&'a str>,
    phrases: HashSet<String>,
}

impl<'a> Said<'a> {
    fn new(text: &'a str) -> Said<'a> {
        Said {
            text,
            tokens: tokens(text).collect(),
            phrases: phrases(text).map(|(_, p)| p).collect(),
        }
    }

    fn has(&self, cue: &Cue) -> bool {
        match cue.kind {
            CueKind::Token => self.tokens.contains(cue.shown.as_str()),
            CueKind::Quoted => self.text.contains(&cue.shown),
            CueKind::Phrase(_) => self.phrases.contains(&cue.shown),
        }
    }
}

fn cues(stem: &str) -> Vec<Cue> {
    let mut cues: Vec<Cue> = tokens(stem)
        .filter(|t| is_number(t) || is_code_like(t))
        .map(|t| Cue {
            shown: t.to_string(),
            kind: CueKind::Token,
        })
        .collect();
    cues.extend(quoted(stem).map(|q| Cue {
        shown: q.to_string(),
        kind: CueKind::Quoted,
    }));
    cues.extend(phrases(stem).map(|(at, p)| Cue {
        shown: p,
        kind: CueKind::Phrase(at),
    }));
    cues
}

/// Whitespace-separated tokens without the punctuation around them.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(|t| t.trim_matches(|c: char| ".,;:!?()[]{}\"'“”‘’`".contains(c)))
        .filter(|t| !t.is_empty())
}

fn is_number(token: &str) -> bool {
    token.bytes().any(|b| b.is_ascii_digit())
}

/// CamelCase inside a word, or the punctuation of code, paths and ARNs between letters.
fn is_code_like(token: &str) -> bool {
    let chars: Vec<char> = token.chars().collect();
    let camel = chars
        .windows(2)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase());
    let inner = chars.len() >= 4
        && chars[1..chars.len() - 1]
            .iter()
            .any(|c| "_/:=*$@.".contains(*c));
    camel || inner
}

/// Text between double quotes or backticks, up to 60 characters.
fn quoted(text: &str) -> impl Iterator<Item = &str> {
    [('"', '"'), ('“', '”'), ('`', '`')]
        .into_iter()
        .flat_map(move |(open, close)| {
            let mut rest = text;
            std::iter::from_fn(move || {
                loop {
                    let start = rest.find(open)? + open.len_utf8();
                    let len = rest[start..].find(close)?;
                    let inner = &rest[start..start + len];
                    rest = &rest[start + len + close.len_utf8()..];
                    if !inner.trim().is_empty() && inner.chars().count() <= 60 {
                        return Some(inner);
                    }
                }
            })
        })
}

/// Lower-cased runs of three words with at most one stop word among them, with the index of
/// their first word.
fn phrases(text: &str) -> impl Iterator<Item = (usize, String)> {
    let lower: Vec<String> = words(text).map(str::to_lowercase).collect();
    let mut out = Vec::new();
    for (at, w) in lower.windows(3).enumerate() {
        if w.iter().filter(|w| is_stop_word(w)).count() <= 1 {
            out.push((at, w.join(" ")));
        }
    }
    out.into_iter()
}

/// Keys by option slot (file order): for each slot A–F, the items that have it, how many of
/// them key it, and how many would by chance (each item adds keys / options to every slot).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct KeyPositions {
    pub items: [usize; 6],
    pub keyed: [usize; 6],
    pub chance: [f64; 6],
}

impl KeyPositions {
    pub fn add(&mut self, q: &Question) {
        let share = q.key_count() as f64 / q.options.len() as f64;
        for (slot, option) in q.options.iter().enumerate().take(6) {
            self.items[slot] += 1;
            self.keyed[slot] += usize::from(option.correct);
            self.chance[slot] += share;
        }
    }

    pub fn merge(&mut self, other: &KeyPositions) {
        for slot in 0..6 {
            self.items[slot] += other.items[slot];
            self.keyed[slot] += other.keyed[slot];
            self.chance[slot] += other.chance[slot];
        }
    }

    /// How many items have an option in `slot`.
    pub fn items_in(&self, slot: usize) -> usize {
        self.items.get(slot).copied().unwrap_or(0)
    }

    /// A slot's keyed share and its chance share, in percent; None for a slot no item has.
    pub fn share(&self, slot: usize) -> Option<(f64, f64)> {
        let n = self.items[slot] as f64;
        (self.items[slot] > 0).then(|| {
            (
                100.0 * self.keyed[slot] as f64 / n,
                100.0 * self.chance[slot] / n,
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_like_tokens_numbers_and_quotes_are_cues() {
        let t: Vec<&str> = tokens("Call GetMetricData (every 5 minutes) for AWS/EC2.").collect();
        assert_eq!(
            t,
            [
                "Call",
                "GetMetricData",
                "every",
                "5",
                "minutes",
                "for",
                "AWS/EC2"
            ]
        );
        assert!(is_code_like("GetMetricData") && is_code_like("AWS/EC2"));
        assert!(is_code_like("s3:GetObject") && is_code_like("app.example.com"));
        assert!(!is_code_like("company") && !is_code_like("LEAST") && !is_code_like("e.g"));
        assert!(is_number("99.9%") && !is_number("nine"));
        let q: Vec<&str> = quoted("a \"prod\" tag, `x-api-key` and “blue”").collect();
        assert_eq!(q, ["prod", "blue", "x-api-key"]);
    }

    #[test]
    fn phrases_skip_runs_of_stop_words() {
        let p: Vec<String> = phrases("Route the test listener to it")
            .map(|p| p.1)
            .collect();
        assert_eq!(
            p,
            ["route the test", "the test listener", "test listener to"]
        );
    }
}
