//! Item statistics from the candidate's own history (`proctor bank stats --items`): per
//! question, how often it was asked, the share answered right, the median time, how often each
//! option was chosen, and a miskey flag — a distractor chosen more often than the key by a
//! candidate who is otherwise strong, which says "check this key" more often than "you are
//! wrong".

use crate::bank::Bank;
use crate::exam::score::percent;
use crate::practice::policy;
use crate::store::Attempt;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemStats {
    pub id: String,
    pub task: String,
    /// Times the question was on a paper (blank answers included).
    pub asked: usize,
    pub correct: usize,
    /// correct / asked × 100, one decimal.
    pub percent_correct: f64,
    /// Median seconds spent on it, over the times it was asked.
    pub median_seconds: u64,
    /// How often each option was chosen, in the question file's order.
    pub chosen: Vec<usize>,
    /// The keyed options, as indices in the question file's order.
    pub key: Vec<usize>,
    /// A distractor was chosen more often than a key, by a candidate otherwise strong.
    pub possible_miskey: bool,
}

/// How to order the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// The bank's order.
    Id,
    /// The most missed first: lowest share correct, then most often asked.
    Missed,
}

/// The statistics of every question the history asked and the bank still has in the same
/// shape (an answer to a question whose options have changed since says nothing of today's).
pub fn item_stats(bank: &Bank, attempts: &[Attempt], sort: Sort) -> Vec<ItemStats> {
    struct Tally {
        asked: usize,
        correct: usize,
        millis: Vec<u64>,
        chosen: Vec<usize>,
    }
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    for attempt in attempts {
        let s = &attempt.session;
        for (i, item) in s.paper.items.iter().enumerate() {
            let Some(q) = bank.entry(&item.id).filter(|q| item.fits(q)) else {
                continue;
            };
            let t = tallies.entry(q.id.as_str()).or_insert_with(|| Tally {
                asked: 0,
                correct: 0,
                millis: Vec::new(),
                chosen: vec![0; q.options.len()],
            });
            t.asked += 1;
            t.correct += usize::from(s.is_correct(i));
            t.millis.push(s.responses[i].millis);
            for &o in &s.responses[i].chosen {
                if let Some(n) = t.chosen.get_mut(o) {
                    *n += 1;
                }
            }
        }
    }
    let total_asked: usize = tallies.values().map(|t| t.asked).sum();
    let total_correct: usize = tallies.values().map(|t| t.correct).sum();
    let mut rows: Vec<ItemStats> = bank
        .entries()
        .iter()
        .filter_map(|q| {
            let t = tallies.get(q.id.as_str())?;
            let mut millis = t.millis.clone();
            millis.sort_unstable();
            let key = q.key();
            // Strong elsewhere: the candidate's record without this question.
            let others = total_asked - t.asked;
            let strong = others >= policy::STRONG_MIN_ANSWERS
                && percent(total_correct - t.correct, others) >= policy::STRONG_SHARE * 100.0;
            let least_key = key.iter().map(|&k| t.chosen[k]).min().unwrap_or(0);
            let best_distractor = (0..t.chosen.len())
                .filter(|o| !key.contains(o))
                .map(|o| t.chosen[o])
                .max()
                .unwrap_or(0);
            Some(ItemStats {
                id: q.id.clone(),
                task: q.task.clone(),
                asked: t.asked,
                correct: t.correct,
                percent_correct: (percent(t.correct, t.asked) * 10.0).round() / 10.0,
                median_seconds: millis.get(millis.len() / 2).copied().unwrap_or(0) / 1000,
                possible_miskey: strong
                    && t.asked >= policy::MISKEY_MIN_ASKED
                    && best_distractor > least_key,
                chosen: t.chosen.clone(),
                key,
            })
        })
        .collect();
    if sort == Sort::Missed {
        rows.sort_by(|a, b| {
            a.percent_correct
                .total_cmp(&b.percent_correct)
                .then(b.asked.cmp(&a.asked))
        });
    }
    rows
}

/// The table `proctor bank stats --items` prints.
pub fn render(rows: &[ItemStats]) -> String {
    use std::fmt::Write;
    if rows.is_empty() {
        return "No question has been asked yet: finish a drill or a mock first.".into();
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<10} {:>5} {:>7} {:>6}  chosen (key *)",
        "question", "asked", "correct", "median"
    );
    for r in rows {
        let chosen: Vec<String> = r
            .chosen
            .iter()
            .enumerate()
            .map(|(o, n)| {
                let mark = if r.key.contains(&o) { "*" } else { "" };
                format!("{}{mark}{n}", crate::format::letter(o))
            })
            .collect();
        let _ = writeln!(
            out,
            "{:<10} {:>5} {:>6.0}% {:>5}s  {}{}",
            crate::safe_text::line(&r.id),
            r.asked,
            r.percent_correct,
            r.median_seconds,
            chosen.join(" "),
            if r.possible_miskey {
                "  possible miskey: check the key"
            } else {
                ""
            }
        );
    }
    let _ = write!(
        out,
        "Letters are the options in the question file's order (a paper shuffles them)."
    );
    out
}
