//! Paper assembly: which questions an attempt asks, in what order, with which option order.
//! Deterministic: the same bank, request, seed and seen-counts give the same paper.

use crate::bank::{Bank, Kind, Question};
use crate::blueprint::Blueprint;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

/// What kind of attempt a paper is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// A full timed mock exam.
    Exam,
    /// Practice on one domain or task statement.
    Drill,
    /// Re-asking the questions the history says were missed.
    Review,
}

impl Mode {
    /// Every mode, the mock exam first.
    pub const ALL: [Mode; 3] = [Mode::Exam, Mode::Drill, Mode::Review];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Exam => "exam",
            Mode::Drill => "drill",
            Mode::Review => "review",
        }
    }
}

/// When the candidate learns whether an answer was right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Feedback {
    /// After each answer, with the explanation.
    Now,
    /// Only on the results screen, as on the real exam.
    End,
}

/// Which questions a paper may draw from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "scope", rename_all = "lowercase")]
pub enum Scope {
    /// Every domain, weighted by the blueprint.
    Full,
    Domain {
        domain: u8,
    },
    Task {
        task: String,
    },
    /// The questions that test one knowledge or skill bullet of the exam guide, e.g. "3.3.s2".
    Skill {
        skill: String,
    },
    /// The questions about one AWS service (a canonical name, e.g. `CodeDeploy`), matched
    /// without regard to case.
    Service {
        service: String,
    },
    /// The questions whose stem or options contain these words, without regard to case or to
    /// spaces ("stack set" finds `StackSets`).
    Grep {
        text: String,
    },
    /// Exactly these questions, in this order (missed-answer review).
    Questions {
        ids: Vec<String>,
    },
    /// The spaced-review queue when it was asked: exactly these questions, in this order.
    Due {
        ids: Vec<String>,
    },
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Full => write!(f, "every domain"),
            Scope::Domain { domain } => write!(f, "domain {domain}"),
            Scope::Task { task } => write!(f, "task {task}"),
            Scope::Skill { skill } => write!(f, "skill {skill}"),
            Scope::Service { service } => write!(f, "service {service}"),
            Scope::Grep { text } => write!(f, "the search \"{text}\""),
            Scope::Questions { ids } => write!(f, "{} chosen questions", ids.len()),
            Scope::Due { ids } => write!(f, "{} due questions", ids.len()),
        }
    }
}

impl Scope {
    /// Whether a question of the bank belongs to this scope (a search reads its words).
    pub fn admits(&self, bank: &Bank, q: &Question) -> bool {
        match self {
            Scope::Full => true,
            Scope::Domain { domain } => q.domain == *domain,
            Scope::Task { task } => &q.task == task,
            Scope::Skill { skill } => q.skills.contains(skill),
            Scope::Service { service } => {
                q.services.iter().any(|s| s.eq_ignore_ascii_case(service))
            }
            Scope::Grep { text } => bank.get(&q.id).is_some_and(|q| matches_words(&q, text)),
            Scope::Questions { ids } | Scope::Due { ids } => ids.contains(&q.id),
        }
    }

    /// The exact questions this scope lists, in order, if it lists them.
    pub fn listed(&self) -> Option<&[String]> {
        match self {
            Scope::Questions { ids } | Scope::Due { ids } => Some(ids),
            _ => None,
        }
    }

    /// How many of the bank's questions this scope admits.
    pub fn available(&self, bank: &Bank) -> usize {
        match self.listed() {
            Some(ids) => ids.iter().filter(|id| bank.entry(id).is_some()).count(),
            None => bank
                .entries()
                .iter()
                .filter(|q| self.admits(bank, q))
                .count(),
        }
    }
}

/// Lower case without white space, so that "stack set" and `StackSet` compare alike.
fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether the question's stem or an option holds `text`, ignoring case and spaces. Empty
/// words match nothing: a drill of "everything" is a mock.
fn matches_words(q: &Question, text: &str) -> bool {
    let wanted = squeezed(text);
    if wanted.is_empty() {
        return false;
    }
    std::iter::once(q.stem.as_str())
        .chain(q.options.iter().map(|o| o.text.as_str()))
        .any(|t| squeezed(t).contains(&wanted))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperRequest {
    pub mode: Mode,
    pub scope: Scope,
    pub count: usize,
    pub seed: u64,
    /// None: untimed.
    pub time_limit_secs: Option<u64>,
    pub feedback: Feedback,
}

impl PaperRequest {
    /// The full mock exam of a blueprint: its length, its time, feedback at the end.
    pub fn full_exam(blueprint: &Blueprint, seed: u64) -> PaperRequest {
        PaperRequest {
            mode: Mode::Exam,
            scope: Scope::Full,
            count: blueprint.questions,
            seed,
            time_limit_secs: Some(u64::from(blueprint.minutes) * 60),
            feedback: Feedback::End,
        }
    }
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde passes a reference"
)]
fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paper {
    /// The blueprint code, e.g. "DOP-C02".
    pub exam: String,
    pub mode: Mode,
    #[serde(flatten)]
    pub scope: Scope,
    pub seed: u64,
    pub time_limit_secs: Option<u64>,
    pub feedback: Feedback,
    /// A practice run of the whole exam (feedback after each answer, another length, or
    /// untimed): sat like a mock, never counted as one. Files from before it are mocks.
    #[serde(default, skip_serializing_if = "is_false")]
    pub practice: bool,
    pub items: Vec<PaperItem>,
}

/// One question as this paper asks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperItem {
    pub id: String,
    pub domain: u8,
    pub task: String,
    pub kind: Kind,
    /// Display position → option index in the question file. Letters A–F are positions.
    pub order: Vec<usize>,
    /// The keyed options, as indices in the question file, ascending.
    pub key: Vec<usize>,
}

impl PaperItem {
    fn new(q: &Question, rng: &mut ChaCha8Rng) -> PaperItem {
        let mut order: Vec<usize> = (0..q.options.len()).collect();
        order.shuffle(rng);
        PaperItem {
            id: q.id.clone(),
            domain: q.domain,
            task: q.task.clone(),
            kind: q.kind,
            order,
            key: q.key(),
        }
    }

    /// How many options the candidate must choose.
    pub fn required(&self) -> usize {
        self.key.len()
    }

    /// The bank's question for this item, words and all, if it is still the one that was
    /// asked.
    pub fn question<'b>(&self, bank: &'b Bank) -> Result<Cow<'b, Question>, Unavailable> {
        let entry = bank.entry(&self.id).ok_or(Unavailable::Gone)?;
        if !self.fits(entry) {
            return Err(Unavailable::Changed);
        }
        bank.get(&self.id).ok_or(Unavailable::Gone)
    }

    /// Whether the bank's question is still the one this item asked: the same number of options
    /// and the same key. A bank edited since (a distractor dropped, the key moved) makes an old
    /// attempt's choices point at other options, so they are not shown against the new text.
    pub fn fits(&self, q: &Question) -> bool {
        self.order.len() == q.options.len() && self.key == q.key()
    }

    /// Display positions of the keyed options.
    pub fn key_positions(&self) -> Vec<usize> {
        (0..self.order.len())
            .filter(|&p| self.key.contains(&self.order[p]))
            .collect()
    }
}

/// Why a paper's question cannot be shown from today's bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// The bank no longer has the question.
    Gone,
    /// The bank's question changed (options or key) since it was asked.
    Changed,
}

impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Unavailable::Gone => "This question is no longer in the bank.",
            Unavailable::Changed => {
                "This question has changed in the bank since it was asked; the answers recorded no longer match its options."
            }
        })
    }
}

/// Why a paper cannot be assembled.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssemblyError {
    /// A part of the bank has fewer questions than the request needs.
    #[error("{what} has {have} question{}; {purpose} needs {need}", if *have == 1 { "" } else { "s" })]
    TooFew {
        what: String,
        have: usize,
        need: usize,
        purpose: String,
    },
    #[error("there is no domain {0} in this exam")]
    UnknownDomain(u8),
    #[error("there is no task statement {0} in this exam")]
    UnknownTask(String),
    #[error(
        "there is no knowledge or skill bullet {0} in this exam (`proctor bank stats` lists them)"
    )]
    UnknownSkill(String),
    #[error("question {0} is not in the bank")]
    UnknownQuestion(String),
    #[error("a paper needs at least one question")]
    Empty,
}

/// Largest-remainder (Hamilton) apportionment of `total` seats over `weights`. Ties on the
/// remainder go to the larger weight, then to the earlier entry — the rule that turns the DOP-C02
/// weights into 17/13/11/11/10/13 for 75 questions.
pub fn apportion(total: usize, weights: &[u32]) -> Vec<usize> {
    let sum: u64 = weights.iter().map(|&w| u64::from(w)).sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let total_u64 = total as u64;
    let quota = |w: u32| {
        (
            total_u64 * u64::from(w) / sum,
            total_u64 * u64::from(w) % sum,
        )
    };
    // A share of `total`, so it fits wherever `total` does.
    let seats_of = |w: u32| usize::try_from(quota(w).0).unwrap_or(total);
    let mut seats: Vec<usize> = weights.iter().map(|&w| seats_of(w)).collect();
    let left = total - seats.iter().sum::<usize>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        quota(weights[b])
            .1
            .cmp(&quota(weights[a]).1)
            .then(weights[b].cmp(&weights[a]))
            .then(a.cmp(&b))
    });
    for &i in order.iter().take(left) {
        seats[i] += 1;
    }
    seats
}

/// Assembles a paper. `seen` says how often each question id was already asked of this user:
/// the least-seen come first, so successive mocks do not repeat until they must.
pub fn assemble(
    blueprint: &Blueprint,
    bank: &Bank,
    request: &PaperRequest,
    seen: &HashMap<String, u32>,
) -> Result<Paper, AssemblyError> {
    // A scope that names nothing in the exam is the clearer error, whatever the count.
    match &request.scope {
        Scope::Domain { domain } if blueprint.domain(*domain).is_none() => {
            return Err(AssemblyError::UnknownDomain(*domain));
        }
        Scope::Task { task } if blueprint.task(task).is_none() => {
            return Err(AssemblyError::UnknownTask(task.clone()));
        }
        Scope::Skill { skill } if blueprint.skill(skill).is_none() => {
            return Err(AssemblyError::UnknownSkill(skill.clone()));
        }
        _ => {}
    }
    if request.count == 0 {
        return Err(AssemblyError::Empty);
    }
    let mut rng = ChaCha8Rng::seed_from_u64(request.seed);
    let chosen: Vec<&Question> = match &request.scope {
        Scope::Questions { ids } | Scope::Due { ids } => {
            let mut chosen = Vec::new();
            for id in ids.iter().take(request.count) {
                chosen.push(
                    bank.entry(id)
                        .ok_or_else(|| AssemblyError::UnknownQuestion(id.clone()))?,
                );
            }
            chosen
        }
        Scope::Task { .. } | Scope::Skill { .. } | Scope::Service { .. } | Scope::Grep { .. } => {
            let pool: Vec<&Question> = bank
                .entries()
                .iter()
                .filter(|q| request.scope.admits(bank, q))
                .collect();
            if pool.len() < request.count {
                return Err(AssemblyError::TooFew {
                    what: request.scope.to_string(),
                    have: pool.len(),
                    need: request.count,
                    purpose: "this drill".into(),
                });
            }
            least_seen(pool, request.count, seen, &mut rng)
        }
        Scope::Domain { domain } => {
            let d = blueprint
                .domain(*domain)
                .ok_or(AssemblyError::UnknownDomain(*domain))?;
            pick_from_domain(d, bank, request.count, seen, &mut rng, "this drill")?
        }
        Scope::Full => {
            let weights: Vec<u32> = blueprint.domains.iter().map(|d| d.weight).collect();
            let counts = apportion(request.count, &weights);
            let purpose = if request.count == blueprint.questions {
                "a full mock".to_string()
            } else {
                format!("a {}-question paper", request.count)
            };
            let mut chosen = Vec::new();
            for (d, &n) in blueprint.domains.iter().zip(&counts) {
                chosen.extend(pick_from_domain(d, bank, n, seen, &mut rng, &purpose)?);
            }
            chosen
        }
    };
    let mut chosen = chosen;
    if request.scope.listed().is_none() {
        // Mixed order, as on the real exam: no run of one domain.
        chosen.shuffle(&mut rng);
    }
    let items = chosen.iter().map(|q| PaperItem::new(q, &mut rng)).collect();
    Ok(Paper {
        exam: blueprint.code.clone(),
        mode: request.mode,
        scope: request.scope.clone(),
        seed: request.seed,
        time_limit_secs: request.time_limit_secs,
        feedback: request.feedback,
        practice: false,
        items,
    })
}

fn pick_from_domain<'b>(
    domain: &crate::blueprint::Domain,
    bank: &'b Bank,
    count: usize,
    seen: &HashMap<String, u32>,
    rng: &mut ChaCha8Rng,
    purpose: &str,
) -> Result<Vec<&'b Question>, AssemblyError> {
    let pools: Vec<Vec<&Question>> = domain
        .tasks
        .iter()
        .map(|t| bank.entries().iter().filter(|q| q.task == t.id).collect())
        .collect();
    let capacity: usize = pools.iter().map(Vec::len).sum();
    if capacity < count {
        return Err(AssemblyError::TooFew {
            what: format!("domain {}", domain.number),
            have: capacity,
            need: count,
            purpose: purpose.to_string(),
        });
    }
    // Each task's questions, least seen first (ties in a seeded order).
    let pools: Vec<Vec<&Question>> = pools
        .into_iter()
        .map(|pool| {
            let n = pool.len();
            least_seen(pool, n, seen, rng)
        })
        .collect();
    // Which task gets the extra question when the count does not divide evenly varies with the
    // seed, so successive papers cover the tasks alike.
    let mut order: Vec<usize> = (0..pools.len()).collect();
    order.shuffle(rng);
    // Deal one question at a time to the task whose next question is least seen, evenly
    // among equals: tasks are covered alike, and no question repeats while another task of the
    // domain still has one unseen (six mocks from a bank of six mocks' size repeat nothing).
    let times_seen = |q: &Question| seen.get(&q.id).copied().unwrap_or(0);
    let mut dealt = vec![0usize; pools.len()];
    for _ in 0..count {
        let next = order
            .iter()
            .copied()
            .filter(|&t| dealt[t] < pools[t].len())
            .min_by_key(|&t| (times_seen(pools[t][dealt[t]]), dealt[t]));
        if let Some(t) = next {
            dealt[t] += 1;
        }
    }
    let mut chosen = Vec::new();
    for (pool, n) in pools.into_iter().zip(dealt) {
        chosen.extend_from_slice(&pool[..n]);
    }
    Ok(chosen)
}

/// The `n` least-seen questions of a pool; among equally seen ones, a seeded random choice.
fn least_seen<'b>(
    mut pool: Vec<&'b Question>,
    n: usize,
    seen: &HashMap<String, u32>,
    rng: &mut ChaCha8Rng,
) -> Vec<&'b Question> {
    pool.shuffle(rng);
    pool.sort_by_key(|q| seen.get(&q.id).copied().unwrap_or(0));
    pool.truncate(n);
    pool
}
