//! Finished attempts as other programs and people read them: the stable `history --json`
//! schema (documented in the README), CSV and Markdown exports, and the history table.

use crate::bank::Bank;
use crate::exam::score;
use crate::practice::Scored;
use crate::safe_text;
use crate::store::Attempt;
use serde::Serialize;
use std::fmt::Write;

/// One attempt in `proctor history --json`. Field names and meanings are a stable contract.
#[derive(Debug, Serialize)]
pub struct HistoryEntry {
    pub id: String,
    /// "exam" | "drill" | "review"
    pub mode: &'static str,
    /// Blueprint code, e.g. "DOP-C02".
    pub exam: String,
    /// RFC 3339.
    pub started: String,
    pub finished: String,
    pub seed: u64,
    pub questions: usize,
    pub answered: usize,
    pub correct: usize,
    pub percent: f64,
    /// An estimate: AWS does not publish its raw-to-scaled conversion. Mock exams only: null
    /// for drills, reviews and abandoned attempts.
    pub scaled_estimate: Option<u32>,
    /// Mock exams only, like `scaled_estimate`.
    pub passed: Option<bool>,
    /// `submitted`, `time_up` or `abandoned`.
    pub status: &'static str,
    /// Time used, in seconds.
    pub seconds: u64,
    pub domains: Vec<DomainEntry>,
    pub tasks: Vec<TaskEntry>,
    /// In paper order.
    pub items: Vec<ItemEntry>,
}

#[derive(Debug, Serialize)]
pub struct DomainEntry {
    pub domain: u8,
    pub name: String,
    pub correct: usize,
    pub total: usize,
}

#[derive(Debug, Serialize)]
pub struct TaskEntry {
    pub task: String,
    pub name: String,
    pub correct: usize,
    pub total: usize,
}

#[derive(Debug, Serialize)]
pub struct ItemEntry {
    pub id: String,
    pub domain: u8,
    pub task: String,
    /// Option indices in the question file's order; empty when unanswered.
    pub chosen: Vec<usize>,
    pub key: Vec<usize>,
    pub correct: bool,
    pub flagged: bool,
    pub seconds: u64,
    /// The candidate's confidence mark, null when unmarked.
    pub confidence: Option<crate::exam::Confidence>,
}

/// An attempt in the stable schema, with the scorecard it was given when it finished.
pub fn history_entry(scored: &Scored) -> HistoryEntry {
    let Scored { attempt, card } = scored;
    let s = &attempt.session;
    HistoryEntry {
        id: attempt.id.clone(),
        mode: s.paper.mode.as_str(),
        exam: s.paper.exam.clone(),
        started: attempt.started.clone(),
        finished: attempt.finished.clone(),
        seed: s.paper.seed,
        questions: card.total,
        answered: card.answered,
        correct: card.correct,
        percent: (card.percent * 10.0).round() / 10.0,
        scaled_estimate: attempt.is_mock().then_some(card.scaled_estimate),
        passed: attempt.is_mock().then_some(card.passed),
        status: match s.status {
            crate::exam::Status::InProgress => "in_progress",
            crate::exam::Status::Submitted => "submitted",
            crate::exam::Status::TimeUp => "time_up",
            crate::exam::Status::Abandoned => "abandoned",
        },
        seconds: card.seconds_used,
        domains: card
            .domains
            .iter()
            .map(|d| DomainEntry {
                domain: d.tally.id.parse().unwrap_or_default(),
                name: d.tally.name.clone(),
                correct: d.tally.correct,
                total: d.tally.total,
            })
            .collect(),
        tasks: card
            .tasks
            .iter()
            .map(|t| TaskEntry {
                task: t.id.clone(),
                name: t.name.clone(),
                correct: t.correct,
                total: t.total,
            })
            .collect(),
        items: s
            .paper
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| ItemEntry {
                id: item.id.clone(),
                domain: item.domain,
                task: item.task.clone(),
                chosen: s.responses[i].chosen.clone(),
                key: item.key.clone(),
                correct: s.is_correct(i),
                flagged: s.responses[i].flagged,
                seconds: (s.responses[i].millis + 500) / 1000,
                confidence: s.responses[i].confidence,
            })
            .collect(),
    }
}

pub fn history_json(attempts: &[Scored]) -> String {
    let entries: Vec<HistoryEntry> = attempts.iter().map(history_entry).collect();
    safe_text::json(serde_json::to_string_pretty(&entries).expect("history serializes"))
}

/// PASS / FAIL for a mock, "abandoned" for one given up, "—" for practice.
fn verdict(e: &HistoryEntry) -> &'static str {
    match (e.passed, e.status) {
        (Some(true), _) => "PASS",
        (Some(false), _) => "FAIL",
        (None, "abandoned") => "aband.",
        (None, _) => "—",
    }
}

/// "1h 02m 05s" / "4m 10s" / "9s".
pub fn duration(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, _) => format!("{m}m {s:02}s"),
        _ => format!("{h}h {m:02}m {s:02}s"),
    }
}

/// The date and time part of an RFC 3339 stamp, for tables: "2026-11-26 18:15".
pub fn short_time(rfc3339: &str) -> String {
    rfc3339.get(..16).unwrap_or(rfc3339).replace('T', " ")
}

pub fn history_table(attempts: &[Scored]) -> String {
    if attempts.is_empty() {
        return "No finished attempts yet. Start one with `proctor exam` or `proctor drill`."
            .into();
    }
    let mut out = format!(
        "{:<26} {:<16} {:<7} {:>9} {:>8} {:>6} {:>12}\n",
        "id", "finished (UTC)", "mode", "score", "scaled*", "result", "time used"
    );
    for a in attempts {
        let e = history_entry(a);
        let _ = writeln!(
            out,
            "{:<26} {:<16} {:<7} {:>9} {:>8} {:>6} {:>12}",
            safe_text::line(&e.id),
            safe_text::line(&short_time(&e.finished)),
            e.mode,
            format!("{}/{} {:.0}%", e.correct, e.questions, e.percent),
            e.scaled_estimate.map_or("—".into(), |s| s.to_string()),
            verdict(&e),
            duration(e.seconds)
        );
    }
    out.push_str("* estimated scaled score, for mock exams; AWS does not publish its conversion.");
    out
}

fn indices(v: &[usize]) -> String {
    v.iter().map(usize::to_string).collect::<Vec<_>>().join(" ")
}

/// One row per question: id, domain, task, chosen, key, correct, flagged, seconds. Option
/// indices are in the question file's order, space-separated.
pub fn export_csv(attempt: &Scored) -> String {
    let e = history_entry(attempt);
    let mut out = String::from("id,domain,task,chosen,key,correct,flagged,seconds\n");
    for i in &e.items {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{}",
            safe_text::line(&i.id),
            i.domain,
            safe_text::line(&i.task),
            indices(&i.chosen),
            indices(&i.key),
            i.correct,
            i.flagged,
            i.seconds
        );
    }
    out
}

pub fn export_json(attempt: &Scored) -> String {
    safe_text::json(
        serde_json::to_string_pretty(&history_entry(attempt)).expect("attempt serializes"),
    )
}

/// A readable report: the score, the domain table, then every question with the candidate's
/// answer, the key and the explanation.
pub fn export_markdown(scored: &Scored, bank: &Bank) -> String {
    let e = history_entry(scored);
    let attempt: &Attempt = &scored.attempt;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} {} — {}\n",
        safe_text::line(&e.exam),
        e.mode,
        safe_text::line(&short_time(&e.finished))
    );
    let _ = write!(
        out,
        "**{}/{} correct ({:.1}%)** · ",
        e.correct, e.questions, e.percent
    );
    if let Some(scaled) = e.scaled_estimate {
        let _ = write!(
            out,
            "estimated scaled score **{scaled}** (an estimate) · **{}** · ",
            verdict(&e)
        );
    }
    let _ = writeln!(out, "time used {}\n", duration(e.seconds));
    out.push_str("| Domain | Correct | Percent |\n|---|---|---|\n");
    for d in &e.domains {
        let _ = writeln!(
            out,
            "| {} {} | {}/{} | {:.0}% |",
            d.domain,
            safe_text::line(&d.name),
            d.correct,
            d.total,
            score::percent(d.correct, d.total)
        );
    }
    let letter = |item: &crate::exam::PaperItem, option: usize| {
        let pos = item.order.iter().position(|&o| o == option).unwrap_or(0);
        crate::format::letter(pos)
    };
    for (n, (item, entry)) in attempt.session.paper.items.iter().zip(&e.items).enumerate() {
        let verdict = if entry.correct {
            "✓ correct"
        } else if entry.chosen.is_empty() {
            "✗ unanswered"
        } else {
            "✗ incorrect"
        };
        let _ = writeln!(
            out,
            "\n## {}. {} ({}){}\n",
            n + 1,
            safe_text::line(&item.id),
            verdict,
            if entry.flagged { " ⚑" } else { "" }
        );
        let q = match item.question(bank) {
            Ok(q) => q,
            Err(why) => {
                let _ = writeln!(out, "_{why}_");
                continue;
            }
        };
        let _ = writeln!(out, "{}\n", q.stem);
        if item.required() > 1 {
            let _ = writeln!(
                out,
                "_(Select {}.)_\n",
                crate::format::count_word(item.required())
            );
        }
        for (pos, &option) in item.order.iter().enumerate() {
            let Some(o) = q.options.get(option) else {
                continue;
            };
            let chosen = if entry.chosen.contains(&option) {
                " ← your answer"
            } else {
                ""
            };
            let key = if o.correct { " ✓" } else { "" };
            let _ = writeln!(
                out,
                "- **{}.** {}{}{}  \n  _{}_",
                crate::format::letter(pos),
                o.text,
                key,
                chosen,
                o.why
            );
        }
        let key_letters: Vec<String> = entry
            .key
            .iter()
            .map(|&k| letter(item, k).to_string())
            .collect();
        let _ = writeln!(
            out,
            "\nKey: {}. {}\n",
            key_letters.join(", "),
            q.explanation
        );
        for r in &q.references {
            let _ = writeln!(out, "- <{r}>");
        }
    }
    out
}
