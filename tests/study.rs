//! The study tools through the practice layer, without a terminal: confidence marks, the
//! practice modes, FSRS spaced review and its schedule file, item statistics and progress.

use proctor::bank::{Bank, BankSource, synthetic};
use proctor::blueprint::Blueprint;
use proctor::clock::{Calendar, FakeClock, FixedCalendar};
use proctor::exam::{
    Action, Confidence, Feedback, Mode, Scope, Scorecard, Session, confidence_marks,
};
use proctor::practice::{Event, IfInProgress, NewAttempt, Practice, PracticeError};
use proctor::store::{Access, Attempt, MemoryRecords, Records, Store, StoreError};
use proctor::study::items::Sort;
use proctor::study::schedule::{Rating, Schedule};
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone, Default)]
struct Shared(Rc<RefCell<MemoryRecords>>);

impl Records for Shared {
    fn save_progress(&mut self, session: &Session) -> Result<(), StoreError> {
        self.0.borrow_mut().save_progress(session)
    }
    fn progress(&self, mode: Mode) -> Option<Session> {
        self.0.borrow().progress(mode)
    }
    fn discard_progress(&mut self, mode: Mode) -> Result<(), StoreError> {
        self.0.borrow_mut().discard_progress(mode)
    }
    fn finish(&mut self, session: &Session, card: &Scorecard) -> Result<Attempt, StoreError> {
        self.0.borrow_mut().finish(session, card)
    }
    fn attempts(&self) -> Vec<Attempt> {
        self.0.borrow().attempts()
    }
    fn schedule(&self) -> Option<Schedule> {
        self.0.borrow().schedule()
    }
    fn save_schedule(&mut self, schedule: &Schedule) -> Result<(), StoreError> {
        self.0.borrow_mut().save_schedule(schedule)
    }
}

const DAY_ONE: &str = "2026-12-01T09:00:00Z";

fn bank(blueprint: &Blueprint) -> Bank {
    let files = synthetic::bank_files(blueprint, 190)
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()))
        .collect();
    Bank::from_files(files, blueprint, BankSource::Folder("synthetic".into())).unwrap()
}

struct Rig {
    practice: Practice,
    records: Shared,
    clock: Rc<FakeClock>,
    calendar: Rc<FixedCalendar>,
}

impl Rig {
    fn new() -> Rig {
        let shared = Shared::default();
        Rig::with_records(Box::new(shared.clone()), shared)
    }

    fn with_records(records: Box<dyn Records>, shared: Shared) -> Rig {
        let blueprint = Blueprint::dop_c02();
        let clock = Rc::new(FakeClock::at(1_000));
        let calendar = Rc::new(FixedCalendar::at(DAY_ONE.parse().unwrap()));
        shared.0.borrow_mut().now = DAY_ONE.into();
        let mut seed = 7;
        let mut practice = Practice::new(
            blueprint.clone(),
            bank(&blueprint),
            records,
            Box::new(clock.clone()),
            Box::new(move || {
                seed += 1;
                seed
            }),
        );
        practice.set_calendar(Box::new(calendar.clone()));
        Rig {
            practice,
            records: shared,
            clock,
            calendar,
        }
    }

    /// Moves the calendar (and the time stamp the records give a finished attempt).
    fn days_later(&self, days: i64) {
        self.calendar.advance_days(days);
        self.records.0.borrow_mut().now = self.calendar.now().to_string();
    }

    fn session(&self) -> &Session {
        self.practice.session().unwrap()
    }

    /// Answers the current question right or wrong, marked `mark`, spending `secs`.
    fn answer(&mut self, right: bool, mark: Option<Confidence>, secs: u64) {
        let s = self.session();
        let item = &s.paper.items[s.current];
        let keys = item.key_positions();
        let wanted: Vec<usize> = if right {
            keys
        } else {
            let wrong = (0..item.order.len()).find(|p| !keys.contains(p)).unwrap();
            let mut w = vec![wrong];
            w.extend(keys.iter().copied().skip(1));
            w
        };
        if let Some(c) = mark {
            self.practice.act(Action::Confidence(c));
        }
        self.clock.advance_secs(secs);
        for p in wanted {
            self.practice.act(Action::Choose(p));
        }
    }

    /// Sits the whole attempt: `answers[i]` for question i, then ends it.
    fn sit(&mut self, answers: &[(bool, Option<Confidence>, u64)]) -> Attempt {
        for (n, &(right, mark, secs)) in answers.iter().enumerate() {
            self.answer(right, mark, secs);
            if n + 1 < answers.len() {
                self.practice.act(Action::Next);
            }
        }
        let events = self.practice.end();
        events
            .into_iter()
            .find_map(|e| match e {
                Event::Finished(f) => Some(f.attempt),
                _ => None,
            })
            .expect("the attempt finished")
    }

    fn drill(&mut self, task: &str, count: usize) {
        self.practice
            .start(
                NewAttempt::Drill {
                    scope: Scope::Task { task: task.into() },
                    count: Some(count),
                    feedback: Feedback::End,
                    seed: None,
                    time_limit_secs: None,
                },
                IfInProgress::Abandon,
            )
            .unwrap();
    }
}

// ----- confidence -----

#[test]
fn a_confidence_mark_is_optional_toggles_and_locks_with_the_verdict() {
    let mut r = Rig::new();
    r.practice
        .start(
            NewAttempt::drill(Scope::Task { task: "1.1".into() }),
            IfInProgress::Refuse,
        )
        .unwrap();
    assert_eq!(r.session().responses[0].confidence, None);
    r.practice.act(Action::Confidence(Confidence::Unsure));
    assert_eq!(
        r.session().responses[0].confidence,
        Some(Confidence::Unsure)
    );
    r.practice.act(Action::Confidence(Confidence::Unsure));
    assert_eq!(r.session().responses[0].confidence, None, "again clears");
    r.practice.act(Action::Confidence(Confidence::Sure));
    r.answer(true, None, 5);
    r.practice.reveal().unwrap();
    // After the verdict a mark would be hindsight: it stays as it was.
    assert!(
        r.practice
            .act(Action::Confidence(Confidence::Guess))
            .is_empty()
    );
    assert_eq!(r.session().responses[0].confidence, Some(Confidence::Sure));
    // The mark is saved with the answer.
    let saved = r.records.0.borrow().progress(Mode::Drill).unwrap();
    assert_eq!(saved.responses[0].confidence, Some(Confidence::Sure));
}

#[test]
fn a_session_saved_before_confidence_marks_still_loads() {
    let mut r = Rig::new();
    r.drill("1.1", 2);
    let json = serde_json::to_string(r.session()).unwrap();
    assert!(
        !json.contains("confidence"),
        "unmarked answers write no field"
    );
    let old: Session = serde_json::from_str(&json).unwrap();
    assert_eq!(old.responses[0].confidence, None);
}

#[test]
fn results_name_lucky_guesses_and_misconceptions() {
    let mut r = Rig::new();
    r.drill("1.1", 4);
    let attempt = r.sit(&[
        (true, Some(Confidence::Guess), 5),
        (false, Some(Confidence::Sure), 5),
        (false, Some(Confidence::Guess), 5),
        (true, Some(Confidence::Sure), 5),
    ]);
    let marks = confidence_marks(&attempt.session);
    assert_eq!(marks.marked, 4);
    assert_eq!(marks.lucky, vec![0]);
    assert_eq!(marks.misconceptions, vec![1]);
    let lines = proctor::format::confidence_lines(&attempt.session);
    let id = &attempt.session.paper.items[1].id;
    assert!(
        lines[2].starts_with(&format!(
            "Misconceptions (Sure, wrong): 1 — questions 2 ({id})"
        )),
        "{lines:?}"
    );
}

// ----- practice modes -----

#[test]
fn a_practice_run_is_sat_like_a_mock_but_never_counted_as_one() {
    let mut r = Rig::new();
    r.practice
        .start(
            NewAttempt::Practice {
                count: Some(30),
                feedback: Feedback::Now,
                untimed: false,
                time_limit_secs: None,
                seed: Some(3),
            },
            IfInProgress::Refuse,
        )
        .unwrap();
    let s = r.session();
    assert_eq!(s.len(), 30);
    assert_eq!(s.paper.mode, Mode::Exam);
    assert_eq!(s.paper.feedback, Feedback::Now);
    // Timed at the mock's pace: 2.4 minutes a question.
    assert_eq!(s.paper.time_limit_secs, Some(30 * 144));
    // Apportioned by the weights as a 30-question paper is: 7/5/5/4/4/5.
    let per_domain: Vec<usize> = (1..=6)
        .map(|d| s.paper.items.iter().filter(|i| i.domain == d).count())
        .collect();
    assert_eq!(
        per_domain,
        proctor::exam::apportion(30, &[22, 17, 15, 15, 14, 17])
    );
    let attempt = r.sit(&[(true, None, 1)]);
    assert!(!attempt.is_mock());
    assert!(r.practice.history().iter().all(|s| !s.attempt.is_mock()));

    r.practice
        .start(
            NewAttempt::Practice {
                count: Some(10),
                feedback: Feedback::End,
                untimed: true,
                time_limit_secs: None,
                seed: None,
            },
            IfInProgress::Refuse,
        )
        .unwrap();
    assert_eq!(r.session().paper.time_limit_secs, None);
    assert_eq!(r.session().len(), 10);
    // A real mock still is one.
    r.practice
        .start(NewAttempt::mock(Some(1)), IfInProgress::Abandon)
        .unwrap();
    let mock = r.sit(&[(true, None, 1)]);
    assert!(mock.is_mock());
}

#[test]
fn drills_by_service_and_by_words() {
    let mut r = Rig::new();
    let bank = r.practice.bank();
    let (service, count) = r.practice.services()[0].clone();
    let scope = Scope::Service {
        service: service.to_lowercase(),
    };
    assert_eq!(scope.available(bank), count, "case does not matter");
    r.practice
        .start(NewAttempt::drill(scope), IfInProgress::Refuse)
        .unwrap();
    let s = r.session();
    for item in &s.paper.items {
        let q = r.practice.bank().get(&item.id).unwrap();
        assert!(
            q.services.contains(&service),
            "{} is not about {service}",
            q.id
        );
    }

    // Words: ignoring case and spaces, in the stem or an option.
    let q = &r.practice.bank().entries()[0];
    let word: String = q.stem.split_whitespace().nth(1).unwrap().to_uppercase();
    let spaced: String = word.chars().flat_map(|c| [c, ' ']).collect();
    let scope = Scope::Grep { text: spaced };
    assert!(scope.admits(r.practice.bank(), q));
    let none = Scope::Grep {
        text: "zzz no such words".into(),
    };
    assert_eq!(none.available(r.practice.bank()), 0);
    match r
        .practice
        .start(NewAttempt::drill(none), IfInProgress::Abandon)
    {
        Err(PracticeError::Assembly(e)) => assert_eq!(
            e.to_string(),
            "the search \"zzz no such words\" has 0 questions; this drill needs 1"
        ),
        other => panic!("expected an assembly error, got {:?}", other.err()),
    }
}

// ----- spaced review -----

#[test]
fn ratings_follow_the_answer_the_mark_and_the_time() {
    let median = 60_000;
    assert_eq!(
        Rating::of(false, Some(Confidence::Sure), 1, median),
        Rating::Again
    );
    assert_eq!(
        Rating::of(true, Some(Confidence::Guess), 1, median),
        Rating::Hard
    );
    assert_eq!(
        Rating::of(true, Some(Confidence::Unsure), 1, median),
        Rating::Hard
    );
    assert_eq!(Rating::of(true, None, 3 * median, median), Rating::Hard);
    assert_eq!(Rating::of(true, None, median, median), Rating::Good);
    assert_eq!(
        Rating::of(true, Some(Confidence::Sure), median, median),
        Rating::Easy
    );
    assert_eq!(
        Rating::of(true, Some(Confidence::Sure), median + 1, median),
        Rating::Good,
        "sure but slower than usual"
    );
}

#[test]
fn what_is_due_comes_back_misconceptions_first_and_right_answers_wait_longer() {
    let mut r = Rig::new();
    r.drill("1.1", 4);
    let attempt = r.sit(&[
        (false, None, 30),
        (false, Some(Confidence::Sure), 30),
        (true, Some(Confidence::Sure), 10),
        (true, None, 30),
    ]);
    let ids: Vec<String> = attempt
        .session
        .paper
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    assert!(
        r.practice.due_queue().is_empty(),
        "nothing is due the same day"
    );
    match r
        .practice
        .start(NewAttempt::Due { count: None }, IfInProgress::Refuse)
    {
        Err(PracticeError::NothingDue { next: Some(day) }) => assert_eq!(day, "2026-12-02"),
        other => panic!("expected nothing due, got {:?}", other.err()),
    }
    r.days_later(1);
    let due: Vec<String> = r.practice.due_queue().into_iter().map(|c| c.id).collect();
    assert_eq!(due.len(), 2, "the two wrong answers: {due:?}");
    assert_eq!(due[0], ids[1], "the misconception first");
    assert_eq!(due[1], ids[0]);
    let schedule = r.practice.schedule();
    let easy = &schedule.cards[&ids[2]];
    let good = &schedule.cards[&ids[3]];
    assert_eq!(easy.last_rating, Rating::Easy);
    assert!(easy.due > good.due, "sure and fast waits longer than right");

    // The review asks exactly the queue, in order.
    r.practice
        .start(NewAttempt::Due { count: None }, IfInProgress::Refuse)
        .unwrap();
    let asked: Vec<String> = r
        .session()
        .paper
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    assert_eq!(asked, due);
    assert_eq!(r.session().paper.mode, Mode::Review);
    // Answered right now, both leave the queue.
    r.sit(&[(true, None, 30), (true, None, 30)]);
    assert!(r.practice.due_queue().is_empty());
    assert_eq!(r.practice.schedule().cards[&ids[1]].reviews, 2);
    assert!(!r.practice.schedule().cards[&ids[1]].misconception);
}

#[test]
fn the_kept_schedule_is_the_replay_of_the_history() {
    let mut r = Rig::new();
    for (day, task) in ["1.1", "1.2", "2.1"].iter().enumerate() {
        r.drill(task, 3);
        r.sit(&[
            (day % 2 == 0, None, 20),
            (true, Some(Confidence::Sure), 5),
            (false, Some(Confidence::Guess), 60),
        ]);
        r.days_later(2);
    }
    let kept = r
        .records
        .0
        .borrow()
        .schedule
        .clone()
        .expect("kept after each attempt");
    let attempts = r.records.0.borrow().attempts();
    assert_eq!(kept, Schedule::rebuild(&attempts));
    assert_eq!(kept.applied.len(), 3);
    // A kept schedule that misses an attempt catches up to the same result.
    let mut stale = Schedule::rebuild(&attempts[1..]);
    assert!(stale.catch_up(&attempts));
    assert_eq!(stale, kept);
}

#[test]
fn a_corrupt_schedule_file_is_set_aside_and_rebuilt_from_the_attempts() {
    let dir = tempfile::tempdir().unwrap();
    let open = || Store::open(dir.path(), Access::Exclusive).unwrap();
    let expected = {
        let mut r = Rig::with_records(Box::new(open()), Shared::default());
        r.drill("1.1", 2);
        r.sit(&[(false, None, 10), (true, None, 10)]);
        r.practice.schedule()
    };
    let path = dir.path().join("schedule.json");
    let kept: Schedule = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(kept, expected);
    assert_eq!(kept.cards.len(), 2);

    std::fs::write(&path, b"{\"cards\": [not json").unwrap();
    let store = open();
    assert!(
        store
            .warnings
            .iter()
            .any(|w| w.contains("schedule.json") && w.contains("rebuilt")),
        "{:?}",
        store.warnings
    );
    assert!(
        dir.path().join("schedule.json.corrupt").exists(),
        "set aside, not deleted"
    );
    let r = Rig::with_records(Box::new(store), Shared::default());
    assert_eq!(r.practice.schedule(), expected);
    let rewritten: Schedule = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(rewritten, expected, "rebuilt and written again");
}

#[test]
fn a_schedule_that_parses_but_says_nonsense_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path()).unwrap();
    let bad = r#"{"applied":[],"times":[],"cards":{"1.1-001":{"stability":-3.0,"difficulty":5.0,"last_review":"2026-12-01","due":"2026-12-02","reviews":1,"lapses":0,"last_rating":"good","misconception":false}}}"#;
    std::fs::write(dir.path().join("schedule.json"), bad).unwrap();
    let store = Store::open(dir.path(), Access::Exclusive).unwrap();
    assert!(
        store.warnings.iter().any(|w| w.contains("impossible")),
        "{:?}",
        store.warnings
    );
    assert!(store.schedule().is_none());
}

// ----- item statistics and progress -----

#[test]
fn item_statistics_find_the_most_missed_and_a_possible_miskey() {
    let mut r = Rig::new();
    // A strong candidate: 24 right answers elsewhere...
    for task in ["2.1", "2.2", "2.3"] {
        r.drill(task, 8);
        r.sit(&[(true, None, 20); 8]);
    }
    // ...who twice picks the same distractor on one question.
    r.drill("1.1", 1);
    let first = r.sit(&[(false, None, 40)]);
    let target = first.session.paper.items[0].id.clone();
    r.practice
        .start(NewAttempt::Missed { count: Some(1) }, IfInProgress::Abandon)
        .unwrap();
    let again = r.sit(&[(false, None, 40)]);
    assert_eq!(again.session.paper.items[0].id, target);
    let rows = r.practice.item_stats(Sort::Missed);
    let top = &rows[0];
    assert_eq!(top.id, target);
    assert_eq!((top.asked, top.correct), (2, 0));
    assert_eq!(top.median_seconds, 40);
    assert!(top.possible_miskey);
    assert_eq!(top.chosen.iter().sum::<usize>(), 2 * top.key.len());
    assert!(rows[1..].iter().all(|row| !row.possible_miskey));
    assert_eq!(rows.len(), 25);
}

#[test]
fn progress_counts_add_up_per_task_and_mastery_needs_stability() {
    let mut r = Rig::new();
    r.drill("1.1", 3);
    r.sit(&[
        (true, Some(Confidence::Sure), 1),
        (false, None, 5),
        (true, None, 5),
    ]);
    let p = r.practice.progress();
    let t = p.tasks.iter().find(|t| t.task == "1.1").unwrap();
    let c = &t.counts;
    assert_eq!(c.unseen + c.seen + c.due + c.mastered, c.questions);
    assert_eq!(c.questions - c.unseen, 3);
    assert_eq!((c.due, c.mastered), (0, 0));
    r.days_later(1);
    let p = r.practice.progress();
    let c = &p.tasks.iter().find(|t| t.task == "1.1").unwrap().counts;
    assert_eq!(c.due, 1, "the wrong answer is due the next day");
    assert_eq!(p.total.questions, r.practice.bank().len());
}
