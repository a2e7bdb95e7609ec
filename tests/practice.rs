//! The practice layer's use cases, without a terminal: one policy for every front end.

use proctor::bank::{Bank, BankSource, synthetic};
use proctor::blueprint::Blueprint;
use proctor::clock::FakeClock;
use proctor::exam::{Action, Feedback, Mode, Scope, Scorecard, Session, Status};
use proctor::practice::{Event, IfInProgress, NewAttempt, Practice, PracticeError, policy};
use proctor::store::{Attempt, MemoryRecords, Records, StoreError};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

const MIN: u64 = 60;

/// Records shared with the test; saves can be made to fail.
#[derive(Clone, Default)]
struct Shared {
    inner: Rc<RefCell<MemoryRecords>>,
    saves: Rc<Cell<usize>>,
    fail: Rc<Cell<bool>>,
}

impl Records for Shared {
    fn save_progress(&mut self, session: &Session) -> Result<(), StoreError> {
        if self.fail.get() {
            return Err(StoreError::Write {
                path: "in-progress-exam.json".into(),
                source: std::io::Error::other("the disk is full"),
            });
        }
        self.saves.set(self.saves.get() + 1);
        self.inner.borrow_mut().save_progress(session)
    }
    fn progress(&self, mode: Mode) -> Option<Session> {
        self.inner.borrow().progress(mode)
    }
    fn discard_progress(&mut self, mode: Mode) -> Result<(), StoreError> {
        self.inner.borrow_mut().discard_progress(mode)
    }
    fn finish(&mut self, session: &Session, card: &Scorecard) -> Result<Attempt, StoreError> {
        self.inner.borrow_mut().finish(session, card)
    }
    fn attempts(&self) -> Vec<Attempt> {
        self.inner.borrow().attempts()
    }
}

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
}

fn rig_on(blueprint: Blueprint, records: Shared) -> Rig {
    let clock = Rc::new(FakeClock::at(5_000));
    let bank = bank(&blueprint);
    let mut seed = 100;
    let practice = Practice::new(
        blueprint,
        bank,
        Box::new(records.clone()),
        Box::new(clock.clone()),
        Box::new(move || {
            seed += 1;
            seed
        }),
    );
    Rig {
        practice,
        records,
        clock,
    }
}

fn rig() -> Rig {
    rig_on(Blueprint::dop_c02(), Shared::default())
}

fn task_drill(task: &str) -> NewAttempt {
    NewAttempt::drill(Scope::Task { task: task.into() })
}

fn finished(events: &[Event]) -> Option<&proctor::practice::Finished> {
    events.iter().find_map(|e| match e {
        Event::Finished(f) => Some(f.as_ref()),
        _ => None,
    })
}

#[test]
fn a_new_attempt_never_silently_replaces_one_in_progress() {
    let mut r = rig();
    r.practice
        .start(task_drill("1.1"), IfInProgress::Refuse)
        .unwrap();
    r.practice.act(Action::Choose(1));
    r.practice.act(Action::Next);
    r.practice.act(Action::Choose(0));
    r.practice.pause();
    let first = r.records.inner.borrow().progress(Mode::Drill).unwrap();

    // Refused: the paused drill and its answers are as they were, nothing recorded.
    match r.practice.start(task_drill("2.1"), IfInProgress::Refuse) {
        Err(PracticeError::InProgress { mode: Mode::Drill }) => {}
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(
        r.records.inner.borrow().progress(Mode::Drill),
        Some(first.clone())
    );
    assert!(r.records.inner.borrow().finished.is_empty());

    // Abandon: the old drill is recorded (with its answers) before the new one starts.
    r.practice
        .start(task_drill("2.1"), IfInProgress::Abandon)
        .unwrap();
    let inner = r.records.inner.borrow();
    assert_eq!(inner.finished.len(), 1);
    let old = &inner.finished[0].session;
    assert_eq!(old.status, Status::Abandoned);
    assert_eq!(old.responses[0].chosen, first.responses[0].chosen);
    assert!(old.paper.items.iter().all(|i| i.task == "1.1"));
    let now = inner.progress(Mode::Drill).unwrap();
    assert!(now.paper.items.iter().all(|i| i.task == "2.1"));
}

#[test]
fn a_request_that_cannot_be_met_changes_nothing() {
    let mut r = rig();
    r.practice
        .start(task_drill("1.1"), IfInProgress::Refuse)
        .unwrap();
    r.practice.pause();
    let before = r.records.inner.borrow().progress(Mode::Drill);
    let err = r
        .practice
        .start(
            NewAttempt::Drill {
                scope: Scope::Task { task: "9.9".into() },
                count: None,
                feedback: Feedback::Now,
                seed: None,
                time_limit_secs: None,
            },
            IfInProgress::Abandon,
        )
        .unwrap_err();
    assert!(err.to_string().contains("no task statement 9.9"), "{err}");
    assert_eq!(r.records.inner.borrow().progress(Mode::Drill), before);
    assert!(r.records.inner.borrow().finished.is_empty());
}

#[test]
fn each_mode_keeps_its_attempt_and_resume_asks_which_when_several() {
    let mut r = rig();
    r.practice
        .start(NewAttempt::mock(Some(3)), IfInProgress::Refuse)
        .unwrap();
    r.practice.act(Action::Choose(2));
    r.practice
        .start(task_drill("3.1"), IfInProgress::Refuse)
        .unwrap();
    r.practice.pause();
    assert_eq!(
        r.practice.modes_in_progress(),
        vec![Mode::Exam, Mode::Drill]
    );
    match r.practice.resume(None) {
        Err(PracticeError::WhichToResume(modes)) => {
            assert_eq!(modes, vec![Mode::Exam, Mode::Drill]);
        }
        other => panic!("expected a question, got {other:?}"),
    }
    r.practice.resume(Some(Mode::Exam)).unwrap();
    let s = r.practice.session().unwrap();
    assert_eq!(s.paper.mode, Mode::Exam);
    assert!(s.is_chosen(0, 2), "the mock is as it was left");
    assert!(matches!(
        r.practice.resume(Some(Mode::Review)),
        Err(PracticeError::NotInProgress { mode: Mode::Review })
    ));
}

#[test]
fn the_only_attempt_in_progress_resumes_without_naming_it() {
    let mut r = rig();
    assert!(matches!(
        r.practice.resume(None),
        Err(PracticeError::NothingToResume)
    ));
    r.practice
        .start(task_drill("4.2"), IfInProgress::Refuse)
        .unwrap();
    r.practice.pause();
    r.practice.resume(None).unwrap();
    assert_eq!(r.practice.session().unwrap().paper.mode, Mode::Drill);
}

#[test]
fn drills_default_to_the_policy_count_or_all_the_scope_has() {
    let mut r = rig();
    r.practice
        .start(
            NewAttempt::drill(Scope::Domain { domain: 1 }),
            IfInProgress::Refuse,
        )
        .unwrap();
    assert_eq!(r.practice.session().unwrap().len(), policy::DRILL_COUNT);
    // The synthetic bank of 190 has 10 per task; a count asked for is honoured.
    let mut r = rig();
    r.practice
        .start(
            NewAttempt::Drill {
                scope: Scope::Task { task: "1.1".into() },
                count: Some(4),
                feedback: Feedback::End,
                seed: Some(1),
                time_limit_secs: None,
            },
            IfInProgress::Refuse,
        )
        .unwrap();
    let s = r.practice.session().unwrap();
    assert_eq!((s.len(), s.paper.feedback), (4, Feedback::End));
}

#[test]
fn every_change_is_saved_and_the_clock_every_ten_seconds() {
    let mut r = rig();
    r.practice
        .start(NewAttempt::mock(Some(1)), IfInProgress::Refuse)
        .unwrap();
    // A single-answer question, where choosing the chosen option again changes nothing.
    let s = r.practice.session().unwrap();
    let single = (0..s.len())
        .find(|&i| s.paper.items[i].required() == 1)
        .unwrap();
    r.practice.act(Action::GoTo(single));
    let saves = r.records.saves.get();
    assert_eq!(r.practice.act(Action::Choose(0)), vec![Event::Saved]);
    assert_eq!(
        r.practice.act(Action::Choose(0)),
        vec![],
        "no change, no save"
    );
    assert_eq!(r.records.saves.get(), saves + 1);
    for _ in 0..9 {
        r.clock.advance_secs(1);
        assert!(r.practice.tick().is_empty());
    }
    r.clock.advance_secs(1);
    assert_eq!(r.practice.tick(), vec![Event::Saved]);
    let saved = r.records.inner.borrow().progress(Mode::Exam).unwrap();
    assert_eq!(saved.elapsed, policy::AUTOSAVE_MILLIS);
}

#[test]
fn time_warnings_come_once_each_and_time_up_records_the_attempt() {
    let mut r = rig();
    r.practice
        .start(NewAttempt::mock(Some(1)), IfInProgress::Refuse)
        .unwrap();
    r.clock.advance_secs(150 * MIN + 1);
    assert!(
        r.practice
            .tick()
            .contains(&Event::TimeWarning { minutes_left: 30 })
    );
    r.clock.advance_secs(1);
    assert!(
        !r.practice
            .tick()
            .iter()
            .any(|e| matches!(e, Event::TimeWarning { .. }))
    );
    r.clock.advance_secs(25 * MIN);
    assert!(
        r.practice
            .tick()
            .contains(&Event::TimeWarning { minutes_left: 5 })
    );
    r.clock.advance_secs(5 * MIN);
    let events = r.practice.tick();
    let f = finished(&events).expect("time up ends the attempt");
    assert_eq!(f.attempt.session.status, Status::TimeUp);
    assert!(r.practice.session().is_none());
    assert_eq!(r.records.inner.borrow().finished.len(), 1);
}

#[test]
fn a_resumed_attempt_inside_the_last_window_warns_once_with_the_smallest() {
    let mut r = rig();
    r.practice
        .start(NewAttempt::mock(Some(1)), IfInProgress::Refuse)
        .unwrap();
    r.clock.advance_secs(176 * MIN);
    r.practice.pause();
    let events = r.practice.resume(Some(Mode::Exam)).unwrap();
    let warnings: Vec<&Event> = events
        .iter()
        .filter(|e| matches!(e, Event::TimeWarning { .. }))
        .collect();
    assert_eq!(warnings, vec![&Event::TimeWarning { minutes_left: 5 }]);
}

#[test]
fn a_drill_judges_only_a_complete_answer() {
    let mut r = rig();
    r.practice
        .start(task_drill("1.1"), IfInProgress::Refuse)
        .unwrap();
    match r.practice.reveal() {
        Err(PracticeError::Incomplete { required }) => assert!(required >= 1),
        other => panic!("expected Incomplete, got {other:?}"),
    }
    let s = r.practice.session().unwrap();
    let key = s.paper.items[0].key_positions();
    for p in key {
        r.practice.act(Action::Choose(p));
    }
    r.practice.reveal().unwrap();
    let s = r.practice.session().unwrap();
    assert!(s.is_revealed(0) && s.is_correct(0));
}

#[test]
fn a_finished_attempt_keeps_the_score_it_was_given() {
    let records = Shared::default();
    let mut r = rig_on(Blueprint::dop_c02(), records.clone());
    r.practice
        .start(NewAttempt::mock(Some(9)), IfInProgress::Refuse)
        .unwrap();
    let key = r.practice.session().unwrap().paper.items[0].key_positions();
    for p in key {
        r.practice.act(Action::Choose(p));
    }
    let events = r.practice.end();
    let card = finished(&events).unwrap().card.clone();
    assert_eq!(card.correct, 1);
    // The same history read under a blueprint whose cut has moved: still as it was scored.
    let moved = proctor::blueprint::DOP_C02_TOML.replace("cut_percent = 72.0", "cut_percent = 1.0");
    let r = rig_on(Blueprint::from_toml(&moved).unwrap(), records);
    let history = r.practice.history();
    assert_eq!(history[0].card, card);
    assert!(!history[0].card.passed);
}

#[test]
fn a_failed_save_is_reported_and_remembered_until_one_succeeds() {
    let mut r = rig();
    r.practice
        .start(NewAttempt::mock(Some(1)), IfInProgress::Refuse)
        .unwrap();
    r.records.fail.set(true);
    let events = r.practice.act(Action::Choose(1));
    assert!(matches!(&events[..], [Event::SaveFailed(m)] if m.contains("the disk is full")));
    assert!(r.practice.unsaved().unwrap().contains("the disk is full"));
    r.records.fail.set(false);
    r.practice.act(Action::Choose(2));
    assert_eq!(r.practice.unsaved(), None);
}

#[test]
fn the_missed_pool_is_what_the_bank_still_has() {
    let mut r = rig();
    r.practice
        .start(task_drill("5.1"), IfInProgress::Refuse)
        .unwrap();
    r.practice.end();
    let missed = r.practice.missed();
    assert_eq!(
        missed.len(),
        policy::DRILL_COUNT,
        "every blank answer is missed"
    );
    r.practice
        .start(NewAttempt::Missed { count: Some(3) }, IfInProgress::Refuse)
        .unwrap();
    let s = r.practice.session().unwrap();
    assert_eq!((s.paper.mode, s.len()), (Mode::Review, 3));
    assert_eq!(s.paper.items[0].id, missed[0]);
}

#[test]
fn drill_scopes_list_every_domain_and_task_with_counts() {
    let r = rig();
    let rows = r.practice.drill_scopes();
    assert_eq!(rows.len(), 6 + 19);
    assert_eq!(rows[0].label, "Domain 1: SDLC Automation");
    assert_eq!(rows[1].scope, Scope::Task { task: "1.1".into() });
    assert_eq!(rows[1].available, 10);
}
