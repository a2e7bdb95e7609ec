//! Readiness: the scaled score the candidate can expect on a fresh mock, with an 80% interval,
//! and the probability of passing one.
//!
//! Method. Each domain's share correct has a Beta posterior (prior [`policy::READINESS_PRIOR`])
//! from the candidate's answers, each answer weighted: by recency (half as much every
//! [`policy::RECENCY_HALF_LIFE_DAYS`]) and, for a repeat answer to a question already answered,
//! by [`policy::REPEAT_WEIGHT`]. A fresh mock asks each domain its apportioned share of the
//! blueprint's questions, so the expected percentage is the share-weighted sum of the domains'
//! means; its variance is the weighted sum of their variances (a normal approximation). The
//! 80% interval is the mean ± 1.2816 standard deviations, clamped to 0–100%, mapped through
//! the blueprint's scaled-estimate formula (monotone, so the interval maps to an interval). The
//! pass probability adds a fresh mock's own binomial spread and asks for the pass mark's count
//! of right answers. `tests/readiness.rs` checks the calibration by simulation.

use crate::blueprint::Blueprint;
use crate::exam::apportion;
use crate::practice::policy;
use serde::Serialize;
use std::collections::HashMap;

/// One answer, as readiness sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub question: String,
    pub domain: u8,
    pub correct: bool,
    /// When it was given.
    pub at: jiff::Timestamp,
}

/// A domain's evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainEvidence {
    pub domain: u8,
    pub name: String,
    /// Answers given in this domain.
    pub answers: usize,
    /// The same, weighted for recency and repeats.
    pub weighted: f64,
    /// The posterior mean share correct, 0–1.
    pub mean: f64,
    /// Questions a fresh mock asks from this domain.
    pub mock_questions: usize,
}

/// The estimate, when the data allow one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    /// The scaled score at the expected percentage.
    pub scaled: u32,
    /// The 80% interval of the expected scaled score.
    pub low: u32,
    pub high: u32,
    /// The expected percentage correct on a fresh mock, and its interval.
    pub percent: f64,
    pub percent_low: f64,
    pub percent_high: f64,
    /// The probability that a fresh mock passes, 0–1.
    pub pass_probability: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readiness {
    pub pass_mark: u32,
    /// None when some domain has too few answers.
    pub estimate: Option<Estimate>,
    /// Domains with fewer than [`policy::READINESS_MIN_ANSWERS`] answers.
    pub thin_domains: Vec<u8>,
    /// About how many more answers, in the thin domains, give an estimate.
    pub answers_needed: usize,
    pub domains: Vec<DomainEvidence>,
}

impl Readiness {
    /// The estimate in a line: "Readiness: 712 (80%: 668–756) · pass 38%", or what is missing.
    pub fn line(&self) -> String {
        if let Some(e) = &self.estimate {
            format!(
                "Readiness: estimated scaled score {} (80% interval {}–{}) · chance of passing {}",
                e.scaled,
                e.low,
                e.high,
                chance(e.pass_probability)
            )
        } else {
            let domains: Vec<String> = self.thin_domains.iter().map(ToString::to_string).collect();
            let list = match domains.as_slice() {
                [one] => format!("domain {one}"),
                [rest @ .., last] => format!("domains {} and {last}", rest.join(", ")),
                [] => "the domains".into(),
            };
            format!(
                "Readiness: answer about {} more questions in {list} for an estimate",
                self.answers_needed
            )
        }
    }
}

/// A probability as a person reads it: never a flat 0% or 100% from an estimate.
pub fn chance(p: f64) -> String {
    if p > 0.99 {
        "over 99%".into()
    } else if p < 0.01 {
        "under 1%".into()
    } else {
        format!("{:.0}%", p * 100.0)
    }
}

/// The standard normal CDF (Abramowitz and Stegun 7.1.26, error below 1.5e-7).
fn normal_cdf(z: f64) -> f64 {
    let x = z.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-x * x).exp();
    if z >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

/// The z of an 80% two-sided interval.
const Z80: f64 = 1.281_551_565_5;

/// The weight of each answer: recency, then a discount for repeats. Observations in any order.
fn weights(observations: &[Observation], now: jiff::Timestamp) -> Vec<f64> {
    let mut order: Vec<usize> = (0..observations.len()).collect();
    order.sort_by_key(|&i| observations[i].at);
    let mut seen: HashMap<&str, u32> = HashMap::new();
    let mut weights = vec![0.0; observations.len()];
    for i in order {
        let o = &observations[i];
        let age_days = (now.as_second() - o.at.as_second()).max(0) as f64 / 86_400.0;
        let mut w = 0.5f64.powf(age_days / policy::RECENCY_HALF_LIFE_DAYS);
        let times = seen.entry(o.question.as_str()).or_insert(0);
        if *times > 0 {
            w *= policy::REPEAT_WEIGHT;
        }
        *times += 1;
        weights[i] = w;
    }
    weights
}

/// The readiness estimate from the candidate's answers, as of `now`.
pub fn estimate(
    blueprint: &Blueprint,
    observations: &[Observation],
    now: jiff::Timestamp,
) -> Readiness {
    let w = weights(observations, now);
    let domain_weights: Vec<u32> = blueprint.domains.iter().map(|d| d.weight).collect();
    let mock = apportion(blueprint.questions, &domain_weights);
    let total = blueprint.questions.max(1) as f64;
    let (a0, b0) = policy::READINESS_PRIOR;
    let mut domains = Vec::new();
    let (mut mean, mut variance, mut spread) = (0.0, 0.0, 0.0);
    let mut thin = Vec::new();
    let mut needed = 0;
    for (d, &n) in blueprint.domains.iter().zip(&mock) {
        let (mut right, mut wrong, mut answers) = (0.0, 0.0, 0);
        for (o, &weight) in observations.iter().zip(&w) {
            if o.domain == d.number {
                answers += 1;
                if o.correct {
                    right += weight;
                } else {
                    wrong += weight;
                }
            }
        }
        let strength = a0 + b0 + right + wrong;
        let m = (a0 + right) / strength;
        let v = m * (1.0 - m) / (strength + 1.0);
        let share = n as f64 / total;
        mean += share * m;
        variance += share * share * v;
        // A fresh mock's own spread: n answers, each right with the domain's (uncertain) share.
        spread += n as f64 * (m * (1.0 - m) - v).max(0.0);
        if n > 0 && answers < policy::READINESS_MIN_ANSWERS {
            thin.push(d.number);
            needed += policy::READINESS_MIN_ANSWERS - answers;
        }
        domains.push(DomainEvidence {
            domain: d.number,
            name: d.name.clone(),
            answers,
            weighted: right + wrong,
            mean: m,
            mock_questions: n,
        });
    }
    let estimate = thin.is_empty().then(|| {
        let sd = variance.sqrt();
        let low = (mean - Z80 * sd).clamp(0.0, 1.0);
        let high = (mean + Z80 * sd).clamp(0.0, 1.0);
        // Passing takes the cut's share of the questions; a count is whole, hence the half.
        let need = (blueprint.scaled.cut_percent / 100.0 * total).ceil();
        let predictive = (total * total * variance + spread).sqrt().max(1e-9);
        let pass = 1.0 - normal_cdf((need - 0.5 - total * mean) / predictive);
        Estimate {
            scaled: blueprint.scaled_estimate(mean * 100.0),
            low: blueprint.scaled_estimate(low * 100.0),
            high: blueprint.scaled_estimate(high * 100.0),
            percent: mean * 100.0,
            percent_low: low * 100.0,
            percent_high: high * 100.0,
            pass_probability: pass.clamp(0.0, 1.0),
        }
    });
    Readiness {
        pass_mark: blueprint.scaled.pass,
        estimate,
        thin_domains: thin,
        answers_needed: needed,
        domains,
    }
}

/// Every answered question of a history, for [`estimate`]. Blank answers are left out (an
/// unreached question says nothing of ability); attempts without a readable time are too.
pub fn observations(attempts: &[crate::store::Attempt]) -> Vec<Observation> {
    let mut out = Vec::new();
    for attempt in attempts {
        let Ok(at) = attempt.finished.parse::<jiff::Timestamp>() else {
            continue;
        };
        let s = &attempt.session;
        for (i, item) in s.paper.items.iter().enumerate() {
            if s.responses[i].chosen.is_empty() {
                continue;
            }
            out.push(Observation {
                question: item.id.clone(),
                domain: item.domain,
                correct: s.is_correct(i),
                at,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_normal_cdf_is_accurate() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(Z80) - 0.9).abs() < 1e-6);
        assert!((normal_cdf(-1.96) - 0.025).abs() < 1e-4);
    }
}
