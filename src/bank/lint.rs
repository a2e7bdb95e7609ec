//! `proctor bank lint`: every rule of QUESTION-BANK.md that a program can check. Errors fail the
//! lint (exit 1); warnings point at something a writer should look at or justify.

use super::cues::{self, KeyPositions, content_words, words};
use super::model::{Kind, Question};
use super::near_duplicates;
use super::parse::LoadError;
use super::services;
use crate::blueprint::Blueprint;
use std::collections::BTreeMap;
use std::fmt::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub file: String,
    pub line: Option<usize>,
    pub question: Option<String>,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}: ")?;
        super::parse::write_located(
            f,
            &self.file,
            self.line,
            self.question.as_deref(),
            &self.message,
        )
    }
}

/// One row of the per-task table.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskRow {
    pub task: String,
    pub questions: usize,
    pub multiple: usize,
    pub single: usize,
    /// Single-answer items whose key is the longest option (ties included).
    pub key_longest: usize,
    /// Single-answer items whose key is the shortest option (ties included).
    pub key_shortest: usize,
    /// Single-answer items whose key shares the most words with the stem (ties included).
    pub key_echoes_stem: usize,
    /// Mean over items of (mean key length / mean distractor length).
    pub mean_length_ratio: f64,
    /// Single-answer items whose key is the option sharing the most words with the others
    /// (k options tied for it count 1/k each), so chance is a quarter of `single`.
    pub key_converges: f64,
    /// Items (any kind) where a key repeats a stem cue that no distractor does.
    pub stem_echo: usize,
    /// Keys by option slot in file order.
    pub positions: KeyPositions,
}

#[derive(Debug)]
pub struct LintReport {
    pub findings: Vec<Finding>,
    pub tasks: Vec<TaskRow>,
    /// Each domain's tasks added up, labelled with the domain's number.
    pub domains: Vec<TaskRow>,
    /// Every task added up, labelled "all".
    pub bank: TaskRow,
    /// How well the questions cover the blueprint's bullets; None when it lists none.
    pub skills: Option<SkillCoverage>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkillCoverage {
    pub bullets: usize,
    /// Bullets named by at least [`MIN_QUESTIONS_PER_SKILL`] questions.
    pub covered: usize,
    /// Questions whose `skills` is empty.
    pub untagged: usize,
}

impl LintReport {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        for f in &self.findings {
            let _ = writeln!(out, "{f}");
        }
        if !self.findings.is_empty() {
            out.push('\n');
        }
        self.render_cues(&mut out);
        self.render_positions(&mut out);
        if let Some(s) = self.skills {
            let _ = writeln!(
                out,
                "\nskills: {} of {} exam-guide bullets tested by {MIN_QUESTIONS_PER_SKILL}+ questions; {} questions name none",
                s.covered, s.bullets, s.untagged
            );
        }
        out.push_str(&legend());
        let _ = write!(
            out,
            "\n{} error{}, {} warning{}",
            self.errors(),
            if self.errors() == 1 { "" } else { "s" },
            self.warnings(),
            if self.warnings() == 1 { "" } else { "s" }
        );
        out
    }
}

impl LintReport {
    fn render_cues(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "{:<6} {:>5} {:>9} {:>12} {:>13} {:>11} {:>9} {:>10} {:>11}",
            "task",
            "count",
            "multiple",
            "key longest",
            "key shortest",
            "key echoes",
            "converge",
            "stem echo",
            "key/distr."
        );
        for t in self.tasks.iter().chain([&self.bank]) {
            let ratio = if t.mean_length_ratio.is_nan() {
                String::new()
            } else {
                format!("{:.2}", t.mean_length_ratio)
            };
            let _ = writeln!(
                out,
                "{:<6} {:>5} {:>9} {:>12} {:>13} {:>11} {:>9} {:>10} {:>11}",
                t.task,
                t.questions,
                percent(t.multiple as f64, t.questions),
                percent(t.key_longest as f64, t.single),
                percent(t.key_shortest as f64, t.single),
                percent(t.key_echoes_stem as f64, t.single),
                percent(t.key_converges, t.single),
                percent(t.stem_echo as f64, t.questions),
                ratio
            );
        }
    }

    fn render_positions(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "\nkey position (file order): share of the options in each slot that are keys (chance)"
        );
        let _ = write!(out, "{:<8}", "task");
        for slot in SLOTS {
            let _ = write!(out, " {slot:>10}");
        }
        out.push('\n');
        let domains = self
            .domains
            .iter()
            .map(|d| (format!("domain {}", d.task), d));
        let rows = self.tasks.iter().map(|t| (t.task.clone(), t));
        for (label, row) in rows.chain(domains).chain([("all".into(), &self.bank)]) {
            let _ = write!(out, "{label:<8}");
            for slot in 0..SLOTS.len() {
                let cell = match row.positions.share(slot) {
                    Some((share, chance)) => format!("{share:.0}% ({chance:.0})"),
                    None => "-".into(),
                };
                let _ = write!(out, " {cell:>10}");
            }
            out.push('\n');
        }
    }
}

fn percent(n: f64, of: usize) -> String {
    if of == 0 {
        "-".to_string()
    } else {
        format!("{:.0}%", 100.0 * n / of as f64)
    }
}

/// What the columns mean and where they warn: the thresholds are the constants below.
fn legend() -> String {
    let pct = |x: f64| format!("{:.0}%", 100.0 * x);
    format!(
        "\nkey longest/shortest: single-answer items whose key is the longest/shortest option (ties count);\n\
         \x20 error over {} in a file, warning over {} bank-wide (chance 25% + 8 points).\n\
         key echoes: single-answer items whose key shares the most words with the stem; warning over {}\n\
         \x20 in a file, {} bank-wide.\n\
         converge: single-answer items whose key shares the most words with the other options (ties\n\
         \x20 split, chance 25%); warning over {} in a file, {} bank-wide.\n\
         stem echo: items whose key repeats a stem number, quoted or code-like token, or three-word\n\
         \x20 phrase that no distractor has; each such item is a warning.\n\
         key/distr.: mean key length / mean distractor length; an item outside {}-{} is an error.\n\
         key position: warning where a slot's share of keys is more than {} points from chance in a\n\
         \x20 domain or the bank (chance: keys / options, 25% on single-answer items), judged in a slot\n\
         \x20 that 5 or more items have.\n\
         skills: warning for a bullet tested by fewer than {} questions, and for a question naming none.\n\
         Shares in a file are judged from {} single-answer items up. Bank-wide, from {} single-answer\n\
         \x20 items up, longest, shortest, echoes and converge also warn under {} (chance 25% - 8 points):\n\
         \x20 a key that is almost never that option is a cue too.\n",
        pct(MAX_EXTREME_KEY_SHARE),
        pct(MAX_BANK_CUE_SHARE),
        pct(MAX_ECHO_SHARE),
        pct(MAX_BANK_CUE_SHARE),
        pct(MAX_CONVERGENCE_SHARE),
        pct(MAX_BANK_CUE_SHARE),
        LENGTH_RATIO.start(),
        LENGTH_RATIO.end(),
        MAX_POSITION_DEVIATION,
        MIN_QUESTIONS_PER_SKILL,
        MIN_SINGLES_FOR_SHARE,
        MIN_SINGLES_FOR_FLOOR,
        pct(MIN_BANK_CUE_SHARE),
    )
}

/// Stem length limits, in words, the question line included.
pub const STEM_WORDS: std::ops::RangeInclusive<usize> = 50..=150;
/// Mean key length over mean distractor length must lie in this range on every item.
pub const LENGTH_RATIO: std::ops::RangeInclusive<f64> = 0.67..=1.5;
/// Across a file, the key may be the longest (or the shortest) option in at most this share of
/// single-answer items: more and "pick the longest" beats chance.
pub const MAX_EXTREME_KEY_SHARE: f64 = 0.35;
/// Share of single-answer items in a file whose key may echo the stem most before a warning
/// (chance is about a quarter with four options and ties).
const MAX_ECHO_SHARE: f64 = 0.5;
/// Files with fewer single-answer items than this are too small to judge the share on.
const MIN_SINGLES_FOR_SHARE: usize = 4;
/// Share of single-answer items in a file whose key may be the convergence option before a
/// warning (chance is a quarter; a file has only 6 to 12 of them, so the bar is loose).
const MAX_CONVERGENCE_SHARE: f64 = 0.5;
/// Key positions are judged only in a slot at least this many items have.
const MIN_SLOT_ITEMS: usize = 5;
/// Across the whole bank, the key may be the longest option, the option sharing the most words
/// with the stem, or the one sharing the most with the other options in at most this share of
/// single-answer items: chance (a quarter) plus 8 points.
pub const MAX_BANK_CUE_SHARE: f64 = 0.33;
/// The other side: where the key is the longest, shortest, stem-echoing or central option in
/// fewer than chance minus 8 points of single-answer items, a reader learns to rule that option
/// out. Judged only on banks with enough single-answer items for a share to mean something.
pub const MIN_BANK_CUE_SHARE: f64 = 0.17;
/// With 100 single-answer items one standard deviation of a chance share is about 4 points,
/// so chance minus 8 is two of them below; smaller banks are not judged on the floor.
pub const MIN_SINGLES_FOR_FLOOR: usize = 100;
/// In a domain or the bank, the share of keys in one option position (file order) may differ
/// from chance by at most this many points.
pub const MAX_POSITION_DEVIATION: f64 = 10.0;
/// Each exam-guide bullet should be tested by at least this many questions.
pub const MIN_QUESTIONS_PER_SKILL: usize = 2;
/// Option positions as the file orders them.
const SLOTS: [&str; 6] = ["A", "B", "C", "D", "E", "F"];
/// Word-trigram overlap at which two stems in one domain count as near duplicates.
const NEAR_DUPLICATE: f64 = 0.5;
/// A question names at most this many near duplicates (a bank of copies would list n² pairs).
const NAMED_DUPLICATES: usize = 3;

const ABSOLUTE_WORDS: &[&str] = &[
    "always", "never", "only", "all", "none", "every", "must", "cannot",
];
const BANNED_PHRASES: &[&str] = &[
    "all of the above",
    "none of the above",
    "both of the above",
    "neither of the above",
    "all of these",
    "none of these",
];
/// Services that are retired or closed: never a key.
const RETIRED_SERVICES: &[&str] = &["OpsWorks", "Proton", "CodeStar", "Cloud9"];
/// Old names with the current one to write instead.
const RENAMED: &[(&str, &str)] = &[
    ("CloudWatch Events", "EventBridge"),
    ("CodeStar Connections", "CodeConnections"),
];

/// Lints the questions that loaded; `load_errors` (problems that kept questions from loading)
/// come first in the report, as errors.
pub fn lint(
    questions: &[Question],
    load_errors: &[LoadError],
    blueprint: &Blueprint,
) -> LintReport {
    let mut findings = Vec::new();
    for e in load_errors {
        findings.push(Finding {
            severity: Severity::Error,
            file: e.file.clone(),
            line: e.line,
            question: e.question.clone(),
            message: e.message.clone(),
        });
    }
    let measured: Vec<Measured> = questions.iter().map(Measured::new).collect();
    let mut by_file: BTreeMap<&str, Vec<&Measured>> = BTreeMap::new();
    for m in &measured {
        lint_question(m, &mut findings);
        by_file.entry(&m.q.file).or_default().push(m);
    }
    for (file, ms) in &by_file {
        lint_file(file, ms, &mut findings);
    }
    lint_near_duplicates(questions, &mut findings);
    let skills = lint_skills(questions, blueprint, &mut findings);
    let mut tasks = Vec::new();
    let mut domains = Vec::new();
    for domain in &blueprint.domains {
        let first = tasks.len();
        for task in &domain.tasks {
            let ms: Vec<&Measured> = measured.iter().filter(|m| m.q.task == task.id).collect();
            tasks.push(task_row(&task.id, &ms));
        }
        let rows: Vec<&TaskRow> = tasks[first..].iter().collect();
        domains.push(total(&domain.number.to_string(), &rows));
    }
    let bank = total("all", &tasks.iter().collect::<Vec<_>>());
    let mut report = LintReport {
        findings,
        tasks,
        domains,
        bank,
        skills,
    };
    lint_totals(&mut report);
    report
        .findings
        .sort_by(|a, b| (a.severity, &a.file, a.line).cmp(&(b.severity, &b.file, b.line)));
    report
}

fn has_absolute_word(text: &str) -> bool {
    words(text).any(|w| ABSOLUTE_WORDS.iter().any(|a| w.eq_ignore_ascii_case(a)))
}

/// A letter or position reference ("Option B", "the first approach"), meaningless once options
/// are shuffled.
fn positional_reference(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = words(&lower).collect();
    for pair in tokens.windows(2) {
        let [a, b] = [pair[0], pair[1]];
        if matches!(a, "option" | "answer" | "choice") && b.len() == 1 && ("a"..="f").contains(&b) {
            return Some(format!("{a} {b}"));
        }
        if matches!(
            a,
            "first" | "second" | "third" | "fourth" | "last" | "previous"
        ) && matches!(b, "option" | "approach" | "answer" | "choice" | "solution")
        {
            return Some(format!("{a} {b}"));
        }
        if a == "both" && b.len() == 1 && ("a"..="f").contains(&b) {
            return Some(format!("{a} {b}"));
        }
    }
    None
}

/// What lint measures on one question, once, for the checks of the question, its file and its
/// task.
struct Measured<'a> {
    q: &'a Question,
    /// Single-answer items: (the key is the longest option, the key is the shortest).
    extremes: Option<(bool, bool)>,
    echoes_stem: bool,
    converges: Option<f64>,
    stem_echo: Vec<String>,
    length_ratio: Option<f64>,
}

impl Measured<'_> {
    fn new(q: &Question) -> Measured<'_> {
        Measured {
            q,
            extremes: key_extremes(q),
            echoes_stem: key_echoes_stem(q) == Some(true),
            converges: cues::convergence(q),
            stem_echo: cues::stem_echo(q),
            length_ratio: length_ratio(q),
        }
    }
}

fn lint_question(m: &Measured, out: &mut Vec<Finding>) {
    let q = m.q;
    let mut push = |severity, message: String| {
        out.push(Finding {
            severity,
            file: q.file.clone(),
            line: Some(q.line),
            question: Some(q.id.clone()),
            message,
        });
    };
    let stem_words = words(&q.stem).count();
    if !STEM_WORDS.contains(&stem_words) {
        push(
            Severity::Error,
            format!("the stem has {stem_words} words; it needs 50 to 150"),
        );
    }
    let lower_stem = q.stem.to_lowercase();
    if lower_stem.contains("(select") || lower_stem.contains("(choose") {
        push(
            Severity::Error,
            "the stem says how many to select; the program adds that from the key count".into(),
        );
    }
    if words(&q.stem).any(|w| w == "NOT" || w == "EXCEPT") {
        push(
            Severity::Error,
            "NOT/EXCEPT stem: ask for what meets the requirement instead".into(),
        );
    }
    let mut texts: Vec<(&str, &str)> = vec![("stem", &q.stem), ("explanation", &q.explanation)];
    for o in &q.options {
        texts.push(("option", &o.text));
        texts.push(("why", &o.why));
    }
    for (field, text) in &texts {
        let lower = text.to_lowercase();
        if let Some(p) = BANNED_PHRASES.iter().find(|p| lower.contains(*p)) {
            push(Severity::Error, format!("\"{p}\" in the {field}"));
        }
        if let Some(p) = positional_reference(text) {
            push(
                Severity::Error,
                format!(
                    "\"{p}\" in the {field}: options are shuffled, so refer to them by content"
                ),
            );
        }
        for (old, new) in RENAMED {
            if text.contains(old) {
                push(
                    Severity::Warning,
                    format!("\"{old}\" in the {field}: the current name is {new}"),
                );
            }
        }
    }
    for key in q.options.iter().filter(|o| o.correct) {
        if let Some(s) = RETIRED_SERVICES.iter().find(|s| key.text.contains(*s)) {
            push(
                Severity::Error,
                format!("a key relies on {s}, which is retired or closed to new customers"),
            );
        }
        if key.text.contains("CodeGuru Reviewer") {
            push(
                Severity::Error,
                "a key relies on CodeGuru Reviewer, which takes no new repository associations"
                    .into(),
            );
        }
    }
    let aws_reference = q.references.iter().any(|r| {
        r.starts_with("https://docs.aws.amazon.com/") || r.starts_with("https://aws.amazon.com/")
    });
    if !aws_reference {
        push(
            Severity::Error,
            "no reference to docs.aws.amazon.com or aws.amazon.com".into(),
        );
    }
    for s in &q.services {
        if !services::is_canonical(s) {
            push(
                Severity::Warning,
                format!("\"{s}\" is not a canonical service name (see src/bank/services.rs)"),
            );
        }
    }
    let echoed = &m.stem_echo;
    if !echoed.is_empty() {
        let shown: Vec<String> = echoed.iter().take(4).map(|c| format!("\"{c}\"")).collect();
        push(
            Severity::Warning,
            format!(
                "stem echo: the key repeats {}{} from the stem and no distractor does; put them in distractors too, or reword",
                shown.join(", "),
                if echoed.len() > 4 { " and more" } else { "" }
            ),
        );
    }
    if let Some(ratio) = m.length_ratio
        && !LENGTH_RATIO.contains(&ratio)
    {
        push(
            Severity::Error,
            format!(
                "mean key length / mean distractor length is {ratio:.2}; keep it between 0.67 and 1.5"
            ),
        );
    }
}

fn length_ratio(q: &Question) -> Option<f64> {
    let len = |t: &str| t.chars().count() as f64;
    let (keys, distractors): (Vec<_>, Vec<_>) = q.options.iter().partition(|o| o.correct);
    if keys.is_empty() || distractors.is_empty() {
        return None;
    }
    let mean = |v: &[&super::model::AnswerOption]| {
        v.iter().map(|o| len(&o.text)).sum::<f64>() / v.len() as f64
    };
    Some(mean(&keys) / mean(&distractors))
}

/// Whether a single-answer item's key shares the largest share of its words with the stem:
/// a reader who knows no AWS picks the option that repeats the question.
fn key_echoes_stem(q: &Question) -> Option<bool> {
    if q.kind != Kind::Single {
        return None;
    }
    let stem = content_words(&q.stem);
    let overlap: Vec<f64> = q
        .options
        .iter()
        .map(|o| {
            let w = content_words(&o.text);
            w.intersection(&stem).count() as f64 / w.len().max(1) as f64
        })
        .collect();
    let key = q.options.iter().position(|o| o.correct)?;
    Some(overlap.iter().all(|&x| x <= overlap[key]))
}

/// One line per single-answer item with the wording cues a program can see on it: the key is
/// the centre of the options (convergence), it shares the most words with the stem, it is the
/// longest or the shortest option. For writers fixing a file: `bank lint --items`.
pub fn item_cues(questions: &[Question]) -> String {
    let mut out = String::from("id           converge  echoes-stem  longest  shortest\n");
    for q in questions.iter().filter(|q| q.kind == Kind::Single) {
        let m = Measured::new(q);
        let flag = |b: bool| if b { "yes" } else { "-" };
        let converge = m.converges.map_or("-".to_string(), |c| {
            if c >= 1.0 {
                "yes".into()
            } else if c > 0.0 {
                format!("tie {c:.2}")
            } else {
                "-".into()
            }
        });
        let (longest, shortest) = m.extremes.unwrap_or((false, false));
        let _ = writeln!(
            out,
            "{:<12} {:<9} {:<12} {:<8} {}",
            crate::safe_text::line(&q.id),
            converge,
            flag(m.echoes_stem),
            flag(longest),
            flag(shortest)
        );
    }
    out
}

/// (key is longest, key is shortest) for a single-answer item.
fn key_extremes(q: &Question) -> Option<(bool, bool)> {
    if q.kind != Kind::Single {
        return None;
    }
    let lens: Vec<usize> = q.options.iter().map(|o| o.text.chars().count()).collect();
    let key = q.options.iter().position(|o| o.correct)?;
    let max = *lens.iter().max()?;
    let min = *lens.iter().min()?;
    Some((lens[key] == max, lens[key] == min))
}

fn lint_file(file: &str, ms: &[&Measured], out: &mut Vec<Finding>) {
    let mut push = |severity, message: String| {
        out.push(Finding {
            severity,
            file: file.to_string(),
            line: None,
            question: None,
            message,
        });
    };
    let extremes: Vec<(bool, bool)> = ms.iter().filter_map(|m| m.extremes).collect();
    let singles = extremes.len();
    let echoing: Vec<&str> = ms
        .iter()
        .filter(|m| m.echoes_stem)
        .map(|m| m.q.id.as_str())
        .collect();
    let echoes = echoing.len();
    if singles >= MIN_SINGLES_FOR_SHARE && echoes as f64 > MAX_ECHO_SHARE * singles as f64 {
        push(
            Severity::Warning,
            format!(
                "the key repeats the stem's words more than any distractor in {echoes} of {singles} single-answer items; put stem nouns in distractors too: {}",
                echoing.join(", ")
            ),
        );
    }
    let converges: f64 = ms.iter().filter_map(|m| m.converges).sum();
    if singles >= MIN_SINGLES_FOR_SHARE && converges > MAX_CONVERGENCE_SHARE * singles as f64 {
        // Which items, so a writer can fix them: those whose key alone is the centre first.
        let centred: Vec<&str> = ms
            .iter()
            .filter(|m| m.converges.is_some_and(|c| c >= 1.0))
            .map(|m| m.q.id.as_str())
            .collect();
        push(
            Severity::Warning,
            format!(
                "the key is the option sharing the most words with the other options in {converges:.0} of {singles} single-answer items (chance: a quarter); vary the distractors on several elements, or make the options equidistant. The key alone is the centre in: {}",
                centred.join(", ")
            ),
        );
    }
    if singles >= MIN_SINGLES_FOR_SHARE {
        let longest = extremes.iter().filter(|e| e.0).count();
        let shortest = extremes.iter().filter(|e| e.1).count();
        for (n, what) in [(longest, "longest"), (shortest, "shortest")] {
            if n as f64 > MAX_EXTREME_KEY_SHARE * singles as f64 {
                push(
                    Severity::Error,
                    format!(
                        "the key is the {what} option in {n} of {singles} single-answer items; at most 35% may be"
                    ),
                );
            }
        }
    }
    let (mut keys, mut key_abs, mut distractors, mut distractor_abs) = (0, 0, 0, 0);
    for o in ms.iter().flat_map(|m| &m.q.options) {
        let absolute = usize::from(has_absolute_word(&o.text));
        if o.correct {
            keys += 1;
            key_abs += absolute;
        } else {
            distractors += 1;
            distractor_abs += absolute;
        }
    }
    if keys > 0 && distractors > 0 {
        let key_rate = key_abs as f64 / f64::from(keys);
        let distractor_rate = distractor_abs as f64 / f64::from(distractors);
        if distractor_rate > key_rate {
            push(
                Severity::Error,
                format!(
                    "absolute words ({}) appear in {distractor_abs} of {distractors} distractors but {key_abs} of {keys} keys: a test-wise reader drops them",
                    ABSOLUTE_WORDS.join(", ")
                ),
            );
        }
    }
}

/// Rule 9: no two questions test the same fact in the same way. Stems in one domain that share
/// most of their word trigrams are flagged for a person to look at; a question names at most
/// [`NAMED_DUPLICATES`] of the earlier ones it resembles and counts the rest.
fn lint_near_duplicates(questions: &[Question], out: &mut Vec<Finding>) {
    let stems: Vec<(u8, Vec<String>)> = questions
        .iter()
        .map(|q| (q.domain, words(&q.stem).map(str::to_lowercase).collect()))
        .collect();
    let mut resembles: BTreeMap<usize, Vec<(usize, f64)>> = BTreeMap::new();
    for pair in near_duplicates::similar_pairs(&stems, NEAR_DUPLICATE) {
        resembles
            .entry(pair.second)
            .or_default()
            .push((pair.first, pair.jaccard));
    }
    for (j, earlier) in resembles {
        let q = &questions[j];
        for (n, &(i, jaccard)) in earlier.iter().enumerate() {
            let mut message = format!(
                "the stem is a near duplicate of {} ({:.0}% of word trigrams shared)",
                questions[i].id,
                100.0 * jaccard
            );
            if n + 1 == NAMED_DUPLICATES && earlier.len() > NAMED_DUPLICATES {
                let _ = write!(
                    message,
                    ", and of {} more",
                    earlier.len() - NAMED_DUPLICATES
                );
            }
            out.push(Finding {
                severity: Severity::Warning,
                file: q.file.clone(),
                line: Some(q.line),
                question: Some(q.id.clone()),
                message,
            });
            if n + 1 == NAMED_DUPLICATES {
                break;
            }
        }
    }
}

/// Issue 9: every exam-guide bullet is tested by at least [`MIN_QUESTIONS_PER_SKILL`]
/// questions, and every question names the bullets it tests. Silent for a blueprint without
/// bullets.
fn lint_skills(
    questions: &[Question],
    blueprint: &Blueprint,
    out: &mut Vec<Finding>,
) -> Option<SkillCoverage> {
    if !blueprint.has_skills() {
        return None;
    }
    let warn = |file: String, line, question, message| Finding {
        severity: Severity::Warning,
        file,
        line,
        question,
        message,
    };
    let untagged: Vec<&Question> = questions.iter().filter(|q| q.skills.is_empty()).collect();
    for q in &untagged {
        out.push(warn(
            q.file.clone(),
            Some(q.line),
            Some(q.id.clone()),
            format!(
                "names no skills: add the 1 to 3 exam-guide bullets of task {} it tests (`proctor bank stats` lists them)",
                q.task
            ),
        ));
    }
    let counts = super::stats::skill_counts(questions, blueprint);
    for c in counts
        .iter()
        .filter(|c| c.questions < MIN_QUESTIONS_PER_SKILL)
    {
        out.push(warn(
            format!("task {}", c.task),
            None,
            None,
            format!(
                "bullet {} ({}) is tested by {} question{}; each bullet needs at least {MIN_QUESTIONS_PER_SKILL}",
                c.skill,
                c.text,
                c.questions,
                if c.questions == 1 { "" } else { "s" }
            ),
        ));
    }
    Some(SkillCoverage {
        bullets: counts.len(),
        covered: counts
            .iter()
            .filter(|c| c.questions >= MIN_QUESTIONS_PER_SKILL)
            .count(),
        untagged: untagged.len(),
    })
}

fn task_row(task: &str, ms: &[&Measured]) -> TaskRow {
    let extremes: Vec<(bool, bool)> = ms.iter().filter_map(|m| m.extremes).collect();
    let ratios: Vec<f64> = ms.iter().filter_map(|m| m.length_ratio).collect();
    let mut positions = KeyPositions::default();
    for m in ms {
        positions.add(m.q);
    }
    TaskRow {
        task: task.to_string(),
        questions: ms.len(),
        multiple: ms.iter().filter(|m| m.q.kind == Kind::Multiple).count(),
        single: extremes.len(),
        key_longest: extremes.iter().filter(|e| e.0).count(),
        key_shortest: extremes.iter().filter(|e| e.1).count(),
        key_echoes_stem: ms.iter().filter(|m| m.echoes_stem).count(),
        mean_length_ratio: if ratios.is_empty() {
            0.0
        } else {
            ratios.iter().sum::<f64>() / ratios.len() as f64
        },
        key_converges: ms.iter().filter_map(|m| m.converges).sum(),
        stem_echo: ms.iter().filter(|m| !m.stem_echo.is_empty()).count(),
        positions,
    }
}

/// The rows of several tasks added up (a domain, the bank); the length ratio is left out.
fn total(label: &str, rows: &[&TaskRow]) -> TaskRow {
    let sum = |f: fn(&TaskRow) -> usize| rows.iter().map(|r| f(r)).sum::<usize>();
    let mut positions = KeyPositions::default();
    for r in rows {
        positions.merge(&r.positions);
    }
    TaskRow {
        task: label.to_string(),
        questions: sum(|t| t.questions),
        multiple: sum(|t| t.multiple),
        single: sum(|t| t.single),
        key_longest: sum(|t| t.key_longest),
        key_shortest: sum(|t| t.key_shortest),
        key_echoes_stem: sum(|t| t.key_echoes_stem),
        mean_length_ratio: f64::NAN,
        key_converges: rows.iter().map(|r| r.key_converges).sum(),
        stem_echo: sum(|t| t.stem_echo),
        positions,
    }
}

/// Bank-wide shares of single-answer items past [`MAX_BANK_CUE_SHARE`], and key positions
/// past [`MAX_POSITION_DEVIATION`] in a domain or the bank.
fn lint_totals(report: &mut LintReport) {
    let mut warn = |file: String, message: String| {
        report.findings.push(Finding {
            severity: Severity::Warning,
            file,
            line: None,
            question: None,
            message,
        });
    };
    let all = &report.bank;
    if all.single >= MIN_SINGLES_FOR_SHARE {
        let n = all.single as f64;
        for (count, what) in [
            (all.key_longest as f64, "is the longest option"),
            (
                all.key_echoes_stem as f64,
                "shares the most words with the stem",
            ),
            (
                all.key_converges,
                "shares the most words with the other options",
            ),
        ] {
            if count > MAX_BANK_CUE_SHARE * n {
                warn(
                    "bank".into(),
                    format!(
                        "the key {what} in {:.0}% of single-answer items; at most {:.0}% (chance 25% + 8 points)",
                        100.0 * count / n,
                        100.0 * MAX_BANK_CUE_SHARE
                    ),
                );
            }
        }
    }
    if all.single >= MIN_SINGLES_FOR_FLOOR {
        let n = all.single as f64;
        for (count, what) in [
            (all.key_longest as f64, "is the longest option"),
            (all.key_shortest as f64, "is the shortest option"),
            (
                all.key_echoes_stem as f64,
                "shares the most words with the stem",
            ),
            (
                all.key_converges,
                "shares the most words with the other options",
            ),
        ] {
            if count < MIN_BANK_CUE_SHARE * n {
                warn(
                    "bank".into(),
                    format!(
                        "the key {what} in only {:.0}% of single-answer items; at least {:.0}% (chance 25% - 8 points), or a reader learns to rule that option out",
                        100.0 * count / n,
                        100.0 * MIN_BANK_CUE_SHARE
                    ),
                );
            }
        }
    }
    for row in report.domains.iter().chain([all]) {
        let place = if row.task == "all" {
            "bank".to_string()
        } else {
            format!("domain {}", row.task)
        };
        let off: Vec<String> = (0..SLOTS.len())
            .filter_map(|slot| {
                // A slot few items have (the sixth option of a handful of items) cannot be
                // even: one item is all or nothing. It is judged from MIN_SLOT_ITEMS up.
                if row.positions.items_in(slot) < MIN_SLOT_ITEMS {
                    return None;
                }
                let (share, chance) = row.positions.share(slot)?;
                ((share - chance).abs() > MAX_POSITION_DEVIATION)
                    .then(|| format!("{} {share:.0}% (chance {chance:.0}%)", SLOTS[slot]))
            })
            .collect();
        if !off.is_empty() {
            warn(
                place,
                format!(
                    "keys by option position in file order are uneven: {}; exports show file order, so spread keys evenly",
                    off.join(", ")
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positional_references_are_found() {
        assert_eq!(
            positional_reference("Unlike Option B, this"),
            Some("option b".into())
        );
        assert_eq!(
            positional_reference("as in the first approach"),
            Some("first approach".into())
        );
        assert_eq!(positional_reference("Use option groups in RDS"), None);
    }

    #[test]
    fn near_duplicates_in_the_real_bank_are_those_every_pair_finds() {
        let blueprint = Blueprint::dop_c02();
        let bank = crate::bank::Bank::embedded(&blueprint).unwrap();
        // The real stems, and a variant of each with every 3rd to 30th word changed (every
        // 9th is about the threshold): pairs on both sides of it, among the real overlaps.
        let mut stems: Vec<(u8, Vec<String>)> = Vec::new();
        for (k, q) in bank.entries().iter().enumerate() {
            let w: Vec<String> = words(&q.stem).map(str::to_lowercase).collect();
            let step = 3 + k % 28;
            let changed = w
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if i % step == 0 {
                        format!("x{i}")
                    } else {
                        w.clone()
                    }
                })
                .collect();
            stems.push((q.domain, w));
            stems.push((q.domain, changed));
        }
        let expected = near_duplicates::every_pair(&stems, NEAR_DUPLICATE);
        assert!(expected.len() > bank.len() / 2, "{}", expected.len());
        assert_eq!(
            near_duplicates::similar_pairs(&stems, NEAR_DUPLICATE),
            expected
        );
    }

    #[test]
    fn absolute_words_match_whole_words_only() {
        assert!(has_absolute_word("Deny all traffic"));
        assert!(!has_absolute_word("Install the agent on smaller fleets"));
    }
}
