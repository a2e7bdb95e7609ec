//! The readiness estimate, validated by simulation: seeded candidates with known per-domain
//! ability answer a bank the size of the built-in one (450 questions spread over the task
//! statements, generated so the test does not move with every edit to the shipped questions);
//! the 80% interval must cover each candidate's true expected score in 75–85% of runs, and
//! narrow as answers accumulate.

use proctor::bank::Bank;
use proctor::blueprint::Blueprint;
use proctor::exam::apportion;
use proctor::study::readiness::{Observation, estimate};
use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

const RUNS: usize = 1000;
/// Answers given before each look at the estimate: 60, 100, the whole bank once, and the whole
/// bank twice (the second time, every answer is a repeat).
fn stages(bank_size: usize) -> [usize; 4] {
    [60, 100, bank_size, 2 * bank_size]
}

fn now() -> jiff::Timestamp {
    "2026-12-01T12:00:00Z".parse().unwrap()
}

/// The percentage a candidate with these true abilities gets on a fresh mock, on average.
fn true_percent(blueprint: &Blueprint, ability: &[f64]) -> f64 {
    let weights: Vec<u32> = blueprint.domains.iter().map(|d| d.weight).collect();
    let mock = apportion(blueprint.questions, &weights);
    let total = blueprint.questions as f64;
    mock.iter()
        .zip(ability)
        .map(|(&n, p)| n as f64 / total * p)
        .sum::<f64>()
        * 100.0
}

#[test]
fn the_80_percent_interval_covers_the_true_expected_score_about_80_percent_of_the_time() {
    let blueprint = Blueprint::dop_c02();
    let files = proctor::bank::synthetic::bank_files(&blueprint, 450)
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()))
        .collect();
    let bank = Bank::from_files(files, &blueprint, proctor::bank::BankSource::Embedded).unwrap();
    let stages = stages(bank.len());
    assert!(
        bank.len() > 100,
        "the stages need a bank of more than 100 questions"
    );
    let mut rng = ChaCha8Rng::seed_from_u64(20_261_201);
    let mut covered = [0usize; 4];
    let mut estimated = [0usize; 4];
    let mut width = [0f64; 4];
    for _ in 0..RUNS {
        let ability: Vec<f64> = blueprint
            .domains
            .iter()
            .map(|_| rng.random_range(0.35..0.95))
            .collect();
        let truth = true_percent(&blueprint, &ability);
        let mut questions: Vec<_> = bank.entries().iter().collect();
        questions.shuffle(&mut rng);
        // The second pass: the same questions again, in another order.
        let mut again = questions.clone();
        again.shuffle(&mut rng);
        questions.extend(again);
        let mut observations = Vec::new();
        let mut given = 0;
        for (stage, &upto) in stages.iter().enumerate() {
            for q in &questions[given..upto.min(questions.len())] {
                let d = usize::from(q.domain) - 1;
                observations.push(Observation {
                    question: q.id.clone(),
                    domain: q.domain,
                    correct: rng.random_bool(ability[d]),
                    at: now(),
                });
            }
            given = upto.min(questions.len());
            let r = estimate(&blueprint, &observations, now());
            if let Some(e) = r.estimate {
                estimated[stage] += 1;
                width[stage] += e.percent_high - e.percent_low;
                if e.percent_low <= truth && truth <= e.percent_high {
                    covered[stage] += 1;
                }
            }
        }
    }
    let mut previous_width = f64::INFINITY;
    for (stage, &answers) in stages.iter().enumerate() {
        // Sixty answers leave some domain thin in a few runs (the bank is not spread evenly).
        assert!(
            estimated[stage] >= RUNS * 3 / 4,
            "{answers} answers gave an estimate in only {} of {RUNS} runs",
            estimated[stage]
        );
        let coverage = covered[stage] as f64 / estimated[stage] as f64;
        let mean_width = width[stage] / estimated[stage] as f64;
        eprintln!(
            "after {answers} answers: coverage {:.1}% over {} runs, mean 80% interval width {mean_width:.1} points",
            coverage * 100.0,
            estimated[stage]
        );
        assert!(
            (0.75..=0.85).contains(&coverage),
            "after {answers} answers the 80% interval covered the truth in {:.1}% of runs",
            coverage * 100.0
        );
        assert!(
            mean_width < previous_width,
            "the interval did not narrow: {mean_width:.2} after {answers} answers"
        );
        previous_width = mean_width;
    }
}

#[test]
fn thin_data_says_which_domains_need_answers_and_gives_no_estimate() {
    let blueprint = Blueprint::dop_c02();
    let mut observations = Vec::new();
    for domain in [1u8, 2, 4, 6] {
        for n in 0..6 {
            observations.push(Observation {
                question: format!("{domain}.1-{n:03}"),
                domain,
                correct: n % 2 == 0,
                at: now(),
            });
        }
    }
    // Domain 3 has two answers, domain 5 none.
    for n in 0..2 {
        observations.push(Observation {
            question: format!("3.1-{n:03}"),
            domain: 3,
            correct: true,
            at: now(),
        });
    }
    let r = estimate(&blueprint, &observations, now());
    assert_eq!(r.estimate, None);
    assert_eq!(r.thin_domains, vec![3, 5]);
    assert_eq!(r.answers_needed, 3 + 5);
    assert_eq!(
        r.line(),
        "Readiness: answer about 8 more questions in domains 3 and 5 for an estimate"
    );
}

#[test]
fn recent_answers_weigh_more_and_repeats_less() {
    let blueprint = Blueprint::dop_c02();
    let answer = |q: &str, domain: u8, correct: bool, days_ago: i64| Observation {
        question: q.into(),
        domain,
        correct,
        at: now() - jiff::SignedDuration::from_hours(24 * days_ago),
    };
    let mut base = Vec::new();
    for domain in 1..=6u8 {
        for n in 0..10 {
            base.push(answer(&format!("{domain}-{n}"), domain, n < 7, 0));
        }
    }
    // Ten wrong answers in domain 1: given today they pull the estimate down further than the
    // same answers given 90 days ago.
    let wrong = |days: i64| -> Vec<Observation> {
        (0..10)
            .map(|n| answer(&format!("1-x{n}"), 1, false, days))
            .collect()
    };
    let mean = |extra: Vec<Observation>| {
        let mut all = base.clone();
        all.extend(extra);
        estimate(&blueprint, &all, now()).domains[0].mean
    };
    assert!(mean(wrong(0)) < mean(wrong(90)));
    // The same ten wrong answers as repeats of questions answered before weigh less than ten
    // answers to new questions.
    let repeats: Vec<Observation> = (0..10)
        .map(|n| answer(&format!("1-{n}"), 1, false, 0))
        .collect();
    assert!(mean(wrong(0)) < mean(repeats));
}
