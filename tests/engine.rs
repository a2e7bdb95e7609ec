//! The engine's promises: weighted, deterministic papers; all-or-nothing scoring; a clock that
//! ends the exam at zero. Banks here are generated (see `bank::synthetic`), so these tests do not
//! depend on the shipped questions.

use proctor::bank::{Bank, BankSource, synthetic};
use proctor::blueprint::Blueprint;
use proctor::clock::{Clock, FakeClock};
use proctor::exam::{
    Action, AssemblyError, Mode, PaperRequest, Scope, Session, Status, apportion, assemble, score,
};
use std::collections::{HashMap, HashSet};

fn bank_of(total: usize) -> (Blueprint, Bank) {
    let blueprint = Blueprint::dop_c02();
    let files: Vec<(String, Vec<u8>)> = synthetic::bank_files(&blueprint, total)
        .into_iter()
        .map(|(n, t)| (n, t.into_bytes()))
        .collect();
    let bank =
        Bank::from_files(files, &blueprint, BankSource::Embedded).expect("synthetic bank is valid");
    (blueprint, bank)
}

fn dop_weights() -> Vec<u32> {
    Blueprint::dop_c02()
        .domains
        .iter()
        .map(|d| d.weight)
        .collect()
}

#[test]
fn apportionment_matches_the_blueprint_for_75_and_other_lengths() {
    let w = dop_weights();
    assert_eq!(apportion(75, &w), vec![17, 13, 11, 11, 10, 13]);
    // 65: quotas 14.3 / 11.05 / 9.75 / 9.75 / 9.1 / 11.05 -> floors 14/11/9/9/9/11 (63), + D3, D4.
    assert_eq!(apportion(65, &w), vec![14, 11, 10, 10, 9, 11]);
    // 20: 4.4 / 3.4 / 3 / 3 / 2.8 / 3.4 -> floors 4/3/3/3/2/3 (18), + D5 (.8), then D1 (.4, heavier than D2/D6).
    assert_eq!(apportion(20, &w), vec![5, 3, 3, 3, 3, 3]);
    // 1: every remainder ties with its weight's share; the heaviest domain wins.
    assert_eq!(apportion(1, &w), vec![1, 0, 0, 0, 0, 0]);
    for n in 0..200 {
        assert_eq!(apportion(n, &w).iter().sum::<usize>(), n);
    }
}

#[test]
fn apportionment_ties_go_to_the_larger_weight_then_the_earlier_entry() {
    // Equal remainders (.5 each): the heavier entry gets the seat.
    assert_eq!(apportion(1, &[30, 50, 20]), vec![0, 1, 0]);
    // Equal weights and remainders: the earlier entry.
    assert_eq!(apportion(2, &[25, 25, 25, 25]), vec![1, 1, 0, 0]);
    assert_eq!(apportion(3, &[1, 1, 1]), vec![1, 1, 1]);
}

#[test]
fn a_full_paper_has_the_domain_counts_and_no_repeats() {
    let (bp, bank) = bank_of(450);
    let paper = assemble(
        &bp,
        &bank,
        &PaperRequest::full_exam(&bp, 7),
        &HashMap::new(),
    )
    .unwrap();
    assert_eq!(paper.items.len(), 75);
    let ids: HashSet<&str> = paper.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), 75, "no question twice");
    let per_domain: Vec<usize> = (1..=6)
        .map(|d| paper.items.iter().filter(|i| i.domain == d).count())
        .collect();
    assert_eq!(per_domain, vec![17, 13, 11, 11, 10, 13]);
    // Inside a domain the tasks are spread evenly: 17 over 4 tasks is 5/4/4/4.
    let mut d1: Vec<usize> = ["1.1", "1.2", "1.3", "1.4"]
        .iter()
        .map(|t| paper.items.iter().filter(|i| i.task == *t).count())
        .collect();
    d1.sort_unstable();
    assert_eq!(d1, vec![4, 4, 4, 5]);
    assert_eq!(paper.time_limit_secs, Some(180 * 60));
}

#[test]
fn the_same_seed_gives_the_same_paper_and_another_seed_another() {
    let (bp, bank) = bank_of(450);
    let req = PaperRequest::full_exam(&bp, 42);
    let a = assemble(&bp, &bank, &req, &HashMap::new()).unwrap();
    let b = assemble(&bp, &bank, &req, &HashMap::new()).unwrap();
    assert_eq!(a, b);
    let c = assemble(
        &bp,
        &bank,
        &PaperRequest::full_exam(&bp, 43),
        &HashMap::new(),
    )
    .unwrap();
    assert_ne!(a.items, c.items);
}

#[test]
fn least_seen_questions_come_first() {
    let (bp, bank) = bank_of(450);
    let first = assemble(
        &bp,
        &bank,
        &PaperRequest::full_exam(&bp, 1),
        &HashMap::new(),
    )
    .unwrap();
    let seen: HashMap<String, u32> = first.items.iter().map(|i| (i.id.clone(), 1)).collect();
    // 450 questions hold six mocks: the second paper shares nothing with the first.
    let second = assemble(&bp, &bank, &PaperRequest::full_exam(&bp, 1), &seen).unwrap();
    let overlap = second
        .items
        .iter()
        .filter(|i| seen.contains_key(&i.id))
        .count();
    assert_eq!(overlap, 0);
}

#[test]
fn when_every_question_was_seen_the_least_seen_still_win() {
    let (bp, bank) = bank_of(19 * 3); // 3 per task
    let mut seen: HashMap<String, u32> = bank.entries().iter().map(|q| (q.id.clone(), 5)).collect();
    seen.insert("2.3-002".into(), 0);
    let req = PaperRequest {
        mode: Mode::Drill,
        scope: Scope::Task { task: "2.3".into() },
        count: 1,
        seed: 9,
        time_limit_secs: None,
        feedback: proctor::exam::Feedback::Now,
    };
    let paper = assemble(&bp, &bank, &req, &seen).unwrap();
    assert_eq!(paper.items[0].id, "2.3-002");
}

#[test]
fn shuffled_options_keep_their_correct_flag_and_why() {
    let (bp, bank) = bank_of(450);
    let paper = assemble(
        &bp,
        &bank,
        &PaperRequest::full_exam(&bp, 3),
        &HashMap::new(),
    )
    .unwrap();
    let mut moved = 0;
    for item in &paper.items {
        let q = bank.get(&item.id).unwrap();
        let mut order = item.order.clone();
        order.sort_unstable();
        assert_eq!(
            order,
            (0..q.options.len()).collect::<Vec<_>>(),
            "a permutation"
        );
        for pos in item.key_positions() {
            assert!(q.options[item.order[pos]].correct);
        }
        assert_eq!(item.key, q.key());
        moved += usize::from(item.order != (0..q.options.len()).collect::<Vec<_>>());
    }
    assert!(moved > 50, "options are shuffled ({moved} of 75 moved)");
}

#[test]
fn a_bank_too_small_is_a_clear_error_not_a_short_paper() {
    let (bp, bank) = bank_of(19 * 2); // domain 3 has 6 questions
    let err = assemble(
        &bp,
        &bank,
        &PaperRequest::full_exam(&bp, 1),
        &HashMap::new(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "domain 1 has 8 questions; a full mock needs 17"
    );
    let req = PaperRequest {
        scope: Scope::Domain { domain: 3 },
        count: 11,
        ..PaperRequest::full_exam(&bp, 1)
    };
    let err = assemble(&bp, &bank, &req, &HashMap::new()).unwrap_err();
    assert_eq!(
        err,
        AssemblyError::TooFew {
            what: "domain 3".into(),
            have: 6,
            need: 11,
            purpose: "this drill".into()
        }
    );
}

#[test]
fn a_domain_drill_asks_only_that_domain() {
    let (bp, bank) = bank_of(450);
    let req = PaperRequest {
        mode: Mode::Drill,
        scope: Scope::Domain { domain: 4 },
        count: 20,
        ..PaperRequest::full_exam(&bp, 5)
    };
    let paper = assemble(&bp, &bank, &req, &HashMap::new()).unwrap();
    assert_eq!(paper.items.len(), 20);
    assert!(paper.items.iter().all(|i| i.domain == 4));
}

fn full_session(seed: u64) -> (Blueprint, Session, FakeClock) {
    let (bp, bank) = bank_of(450);
    let paper = assemble(
        &bp,
        &bank,
        &PaperRequest::full_exam(&bp, seed),
        &HashMap::new(),
    )
    .unwrap();
    let clock = FakeClock::at(1_000);
    let session = Session::new(paper, clock.now());
    (bp, session, clock)
}

/// Answers question `i` (the current one) with its key, or with a wrong option.
fn answer(session: &mut Session, clock: &FakeClock, right: bool) {
    let item = session.paper.items[session.current].clone();
    let key = item.key_positions();
    let picks: Vec<usize> = if right {
        key
    } else {
        let wrong = (0..item.order.len()).find(|p| !key.contains(p)).unwrap();
        let mut picks = vec![wrong];
        picks.extend(key.iter().take(item.required() - 1));
        picks
    };
    for p in picks {
        session.apply(Action::Choose(p), clock.now());
    }
}

#[test]
fn scoring_is_all_or_nothing_and_unanswered_is_wrong() {
    let (bp, mut s, clock) = full_session(11);
    // A multiple-response item with only part of the key chosen scores nothing.
    let multi = s.paper.items.iter().position(|i| i.required() > 1).unwrap();
    s.apply(Action::GoTo(multi), clock.now());
    let first_key = s.paper.items[multi].key_positions()[0];
    s.apply(Action::Choose(first_key), clock.now());
    assert!(!s.is_correct(multi) && !s.is_answered(multi));
    // Answer ten others right, leave the rest blank.
    let mut right = 0;
    for i in (0..s.len()).filter(|&i| i != multi).take(10) {
        s.apply(Action::GoTo(i), clock.now());
        answer(&mut s, &clock, true);
        right += 1;
    }
    s.apply(Action::Submit, clock.now());
    let card = score(&s, &bp);
    assert_eq!(
        (card.correct, card.total, card.answered),
        (right, 75, right)
    );
    assert_eq!(
        card.domains.iter().map(|d| d.tally.total).sum::<usize>(),
        75
    );
    assert_eq!(
        card.domains.iter().map(|d| d.tally.correct).sum::<usize>(),
        right
    );
    assert!(!card.passed);
}

#[test]
fn a_perfect_paper_passes_with_every_domain_meeting_competencies() {
    let (bp, mut s, clock) = full_session(12);
    for i in 0..s.len() {
        s.apply(Action::GoTo(i), clock.now());
        answer(&mut s, &clock, true);
    }
    s.apply(Action::Submit, clock.now());
    let card = score(&s, &bp);
    assert_eq!(card.scaled_estimate, 1000);
    assert!(card.passed && card.domains.iter().all(|d| d.meets_competencies));
}

#[test]
fn a_multiple_response_item_takes_no_more_than_it_asks_for() {
    let (_, mut s, clock) = full_session(13);
    let multi = s
        .paper
        .items
        .iter()
        .position(|i| i.required() == 2)
        .unwrap();
    s.apply(Action::GoTo(multi), clock.now());
    for p in 0..s.paper.items[multi].order.len() {
        s.apply(Action::Choose(p), clock.now());
    }
    assert_eq!(s.responses[multi].chosen.len(), 2);
    // Choosing a chosen option again un-chooses it.
    s.apply(Action::Choose(0), clock.now());
    assert_eq!(s.responses[multi].chosen.len(), 1);
}

#[test]
fn the_scaled_estimate_is_piecewise_linear_through_the_cut() {
    let bp = Blueprint::dop_c02();
    assert_eq!(bp.scaled_estimate(0.0), 100);
    assert_eq!(bp.scaled_estimate(72.0), 750);
    assert_eq!(bp.scaled_estimate(100.0), 1000);
    assert_eq!(bp.scaled_estimate(36.0), 425); // halfway to the cut
    assert_eq!(bp.scaled_estimate(86.0), 875); // halfway from the cut to 100%
}

#[test]
fn the_exam_submits_itself_at_the_deadline() {
    let (bp, mut s, clock) = full_session(14);
    answer(&mut s, &clock, true);
    clock.advance_secs(180 * 60 - 1);
    assert!(s.apply(Action::Tick, clock.now()));
    assert_eq!(s.status, Status::InProgress);
    assert_eq!(s.remaining(), Some(1_000));
    clock.advance_secs(5);
    s.apply(Action::Tick, clock.now());
    assert_eq!(s.status, Status::TimeUp);
    assert_eq!(s.elapsed, 180 * 60 * 1000, "time used stops at the limit");
    // Nothing more can be changed.
    assert!(!s.apply(Action::Choose(0), clock.now()));
    assert_eq!(score(&s, &bp).correct, 1);
}

#[test]
fn an_action_after_the_deadline_does_not_count() {
    let (_, mut s, clock) = full_session(15);
    clock.advance_secs(181 * 60);
    s.apply(Action::Choose(0), clock.now());
    assert_eq!(s.status, Status::TimeUp);
    assert!(s.responses[0].chosen.is_empty());
}

#[test]
fn time_is_recorded_per_question_and_stops_while_paused() {
    let (_, mut s, clock) = full_session(16);
    clock.advance_secs(30);
    s.apply(Action::Next, clock.now());
    clock.advance_secs(10);
    s.pause(clock.now());
    clock.advance_secs(3600); // closed for an hour
    s.resume(clock.now());
    clock.advance_secs(5);
    s.apply(Action::Next, clock.now());
    assert_eq!(s.responses[0].millis, 30_000);
    assert_eq!(s.responses[1].millis, 15_000);
    assert_eq!(s.elapsed, 45_000);
}

#[test]
fn answer_changes_are_counted_by_direction() {
    let (bp, mut s, clock) = full_session(17);
    // Question 0: right, leave, come back, change to wrong: right -> wrong.
    answer(&mut s, &clock, true);
    s.apply(Action::Next, clock.now());
    s.apply(Action::Previous, clock.now());
    answer(&mut s, &clock, false);
    s.apply(Action::Next, clock.now());
    // Question 1: wrong, leave, clear and answer right: wrong -> right (clearing is not an answer).
    answer(&mut s, &clock, false);
    s.apply(Action::Next, clock.now());
    s.apply(Action::Previous, clock.now());
    s.apply(Action::Clear, clock.now());
    answer(&mut s, &clock, true);
    s.apply(Action::Submit, clock.now());
    let changes = score(&s, &bp).changes;
    assert_eq!((changes.right_to_wrong, changes.wrong_to_right), (1, 1));
}

#[test]
fn flags_and_strikes_are_recorded_but_never_scored() {
    let (bp, mut s, clock) = full_session(18);
    s.apply(Action::ToggleFlag, clock.now());
    let key = s.paper.items[0].key_positions()[0];
    s.apply(Action::ToggleStrike(key), clock.now());
    assert!(s.is_struck(0, key));
    answer(&mut s, &clock, true);
    assert!(!s.is_struck(0, key), "choosing an option un-strikes it");
    assert_eq!(s.flagged(), vec![0]);
    s.apply(Action::Submit, clock.now());
    assert_eq!(score(&s, &bp).correct, 1);
}

#[test]
fn a_session_survives_a_json_round_trip() {
    let (_, mut s, clock) = full_session(19);
    answer(&mut s, &clock, true);
    s.apply(Action::ToggleFlag, clock.now());
    clock.advance_secs(12);
    s.pause(clock.now());
    let text = serde_json::to_string(&s).unwrap();
    let back: Session = serde_json::from_str(&text).unwrap();
    assert_eq!(back, s);
    assert!(back.is_paused());
}

#[test]
fn a_drill_judges_only_a_complete_answer() {
    let (bp, bank) = bank_of(450);
    let request = PaperRequest {
        mode: Mode::Drill,
        scope: Scope::Task { task: "1.1".into() },
        count: 20,
        seed: 4,
        time_limit_secs: None,
        feedback: proctor::exam::Feedback::Now,
    };
    let paper = assemble(&bp, &bank, &request, &HashMap::new()).unwrap();
    let multi = paper.items.iter().position(|i| i.required() == 2).unwrap();
    let mut s = Session::new(paper, 0);
    s.apply(Action::GoTo(multi), 0);
    let key = s.paper.items[multi].key_positions();
    s.apply(Action::Choose(key[0]), 0);
    assert!(
        !s.apply(Action::Reveal, 0),
        "half a multiple response is not judged"
    );
    s.apply(Action::Choose(key[1]), 0);
    assert!(s.apply(Action::Reveal, 0));
    assert!(s.is_revealed(multi) && s.is_correct(multi));
}

/// A bank of exactly six mocks' worth per domain (17/13/11/11/10/13 × 6 = 450), its task
/// statements unevenly filled as a real bank's are.
fn six_mocks_bank() -> (Blueprint, Bank) {
    let per_task: HashMap<&str, usize> = [
        ("1.1", 26),
        ("1.2", 26),
        ("1.3", 25),
        ("1.4", 25),
        ("2.1", 28),
        ("2.2", 25),
        ("2.3", 25),
        ("3.1", 23),
        ("3.2", 23),
        ("3.3", 20),
        ("4.1", 25),
        ("4.2", 21),
        ("4.3", 20),
        ("5.1", 20),
        ("5.2", 20),
        ("5.3", 20),
        ("6.1", 27),
        ("6.2", 31),
        ("6.3", 20),
    ]
    .into_iter()
    .collect();
    let (blueprint, big) = bank_of(19 * 31);
    let mut taken: HashMap<String, usize> = HashMap::new();
    let questions: Vec<_> = big
        .entries()
        .iter()
        .filter(|q| {
            let n = taken.entry(q.task.clone()).or_default();
            *n += 1;
            *n <= per_task[q.task.as_str()]
        })
        .cloned()
        .collect();
    assert_eq!(questions.len(), 450);
    (blueprint, Bank::new(questions, BankSource::Embedded))
}

#[test]
fn six_mocks_from_a_bank_of_six_mocks_repeat_nothing() {
    let (bp, bank) = six_mocks_bank();
    let mut seen: HashMap<String, u32> = HashMap::new();
    for seed in 0..6 {
        let paper = assemble(&bp, &bank, &PaperRequest::full_exam(&bp, seed), &seen).unwrap();
        for item in &paper.items {
            *seen.entry(item.id.clone()).or_default() += 1;
        }
    }
    assert_eq!(seen.len(), 450, "every question asked once");
    assert!(seen.values().all(|&n| n == 1));
}
