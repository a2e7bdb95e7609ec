//! The terminal UI without a terminal: key handling on `App`, drawing into a `TestBackend`
//! (insta snapshots of every screen at 80×24 and 120×40), and styles that carry meaning.
//! A synthetic bank and a fake clock keep every run identical; nothing sleeps.

use proctor::bank::{Bank, BankSource, synthetic};
use proctor::blueprint::Blueprint;
use proctor::clock::FakeClock;
use proctor::exam::{Action, Feedback, Mode, Scope, Scorecard, Session, Status};
use proctor::practice::{IfInProgress, NewAttempt, Opening, Practice};
use proctor::store::{Attempt, MemoryRecords, Records, StoreError};
use proctor::tui::{App, ScreenKind, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::style::{Color, Modifier};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

const NOW: &str = "2026-11-26T18:15:02Z";
const MIN: u64 = 60;

/// Records shared with the test, counting saves.
#[derive(Clone, Default)]
struct Shared {
    inner: Rc<RefCell<MemoryRecords>>,
    saves: Rc<Cell<usize>>,
}

impl Records for Shared {
    fn save_progress(&mut self, session: &Session) -> Result<(), StoreError> {
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

/// Records whose saves always fail.
struct Failing;

fn disk_full() -> StoreError {
    StoreError::Write {
        path: "in-progress-exam.json".into(),
        source: std::io::Error::other("the disk is full"),
    }
}

impl Records for Failing {
    fn save_progress(&mut self, _: &Session) -> Result<(), StoreError> {
        Err(disk_full())
    }
    fn progress(&self, _: Mode) -> Option<Session> {
        None
    }
    fn discard_progress(&mut self, _: Mode) -> Result<(), StoreError> {
        Ok(())
    }
    fn finish(&mut self, _: &Session, _: &Scorecard) -> Result<Attempt, StoreError> {
        Err(disk_full())
    }
    fn attempts(&self) -> Vec<Attempt> {
        Vec::new()
    }
}

fn bank(blueprint: &Blueprint) -> Bank {
    let files = synthetic::bank_files(blueprint, 190)
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()))
        .collect();
    Bank::from_files(files, blueprint, BankSource::Folder("synthetic".into()))
        .expect("the synthetic bank is valid")
}

struct Rig {
    app: App,
    records: Shared,
    clock: Rc<FakeClock>,
}

fn practice(records: Box<dyn Records>, clock: Rc<FakeClock>) -> Practice {
    let blueprint = Blueprint::dop_c02();
    let bank = bank(&blueprint);
    let mut seed = 41;
    Practice::new(
        blueprint,
        bank,
        records,
        Box::new(clock),
        Box::new(move || {
            seed += 1;
            seed
        }),
    )
}

fn rig_with(records: Shared, start: impl FnOnce(&mut Practice) -> Opening) -> Rig {
    records.inner.borrow_mut().now = NOW.into();
    let clock = Rc::new(FakeClock::at(1_000_000));
    let mut practice = practice(Box::new(records.clone()), clock.clone());
    let opening = start(&mut practice);
    Rig {
        app: App::new(practice, opening, Theme::new(true)),
        records,
        clock,
    }
}

fn rig(start: impl FnOnce(&mut Practice) -> Opening) -> Rig {
    rig_with(Shared::default(), start)
}

fn home(_: &mut Practice) -> Opening {
    Opening::Home
}

/// Starts `request`, replacing any attempt of its mode in progress.
fn sit(practice: &mut Practice, request: NewAttempt) -> Opening {
    practice
        .start(request, IfInProgress::Abandon)
        .expect("the paper assembles");
    Opening::Sitting
}

/// A full mock, seed 7.
fn mock(practice: &mut Practice) -> Opening {
    sit(practice, NewAttempt::mock(Some(7)))
}

fn drill(practice: &mut Practice) -> Opening {
    sit(
        practice,
        NewAttempt::Drill {
            scope: Scope::Domain { domain: 3 },
            count: Some(3),
            feedback: Feedback::Now,
            seed: Some(7),
            time_limit_secs: None,
        },
    )
}

/// The key of an option position: 'a' for 0.
fn letter(pos: usize) -> char {
    proctor::format::letter(pos).to_ascii_lowercase()
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

impl Rig {
    fn press(&mut self, c: char) -> &mut Self {
        self.app.handle_key(key(KeyCode::Char(c)));
        self
    }
    fn code(&mut self, code: KeyCode) -> &mut Self {
        self.app.handle_key(key(code));
        self
    }
    fn keys(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            self.press(c);
        }
        self
    }
    fn session(&self) -> &Session {
        self.app.session().expect("a session is running")
    }
    /// The newest finished attempt.
    fn last_attempt(&self) -> Attempt {
        self.records.inner.borrow().finished[0].clone()
    }
    fn saves(&self) -> usize {
        self.records.saves.get()
    }
    /// The saved attempt in progress of the session on screen's mode.
    fn saved(&self) -> Option<Session> {
        let mode = self.app.session().map_or(Mode::Exam, |s| s.paper.mode);
        self.records.inner.borrow().progress(mode)
    }
    fn draw(&mut self, width: u16, height: u16) -> Terminal<TestBackend> {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|f| self.app.draw(f)).unwrap();
        terminal
    }
    fn text(&mut self, width: u16, height: u16) -> String {
        self.draw(width, height).backend().to_string()
    }
    /// Snapshots at 80×24 and 120×40.
    fn snap(&mut self, name: &str) {
        for (w, h) in [(80, 24), (120, 40)] {
            let terminal = self.draw(w, h);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
        }
    }
}

/// Where `text` starts in the buffer (one cell per character).
fn find(buffer: &Buffer, text: &str) -> Option<(u16, u16)> {
    let chars: Vec<String> = text.chars().map(|c| c.to_string()).collect();
    let area = buffer.area;
    for y in 0..area.height {
        for x in 0..area.width {
            if (0..chars.len()).all(|k| {
                let cx = usize::from(x) + k;
                cx < usize::from(area.width)
                    && buffer[(u16::try_from(cx).unwrap(), y)].symbol() == chars[k]
            }) {
                return Some((x, y));
            }
        }
    }
    None
}

/// A question index of the session that is multiple response.
fn multiple_index(s: &Session) -> usize {
    (0..s.len())
        .find(|&i| s.paper.items[i].required() > 1)
        .expect("the paper has a multiple-response question")
}

// ----- key handling -----

#[test]
fn letters_choose_options_and_every_change_is_saved() {
    let mut r = rig(mock);
    assert_eq!(r.app.screen(), ScreenKind::Exam);
    let before = r.saves();
    r.press('b');
    assert!(r.session().is_chosen(0, 1));
    assert_eq!(r.saves(), before + 1);
    assert_eq!(r.saved().as_ref(), r.app.session());
    // Single answer: choosing another replaces it.
    r.press('c');
    assert!(!r.session().is_chosen(0, 1) && r.session().is_chosen(0, 2));
    assert_eq!(r.saves(), before + 2);
    // Choosing the same option again changes nothing and saves nothing.
    r.press('c');
    assert_eq!(r.saves(), before + 2);
    // A letter beyond the options does nothing at all.
    r.press('f');
    assert_eq!(r.app.screen(), ScreenKind::Exam);
    assert_eq!(r.session().responses[0].chosen.len(), 1);
}

#[test]
fn multiple_response_toggles_with_letters_and_space() {
    let mut r = rig(|p| {
        mock(p);
        let j = multiple_index(p.session().unwrap());
        p.act(Action::GoTo(j));
        Opening::Sitting
    });
    let i = r.session().current;
    r.keys("ab");
    assert!(r.session().is_chosen(i, 0) && r.session().is_chosen(i, 1));
    assert!(r.session().is_answered(i));
    r.press('a');
    assert!(!r.session().is_chosen(i, 0));
    // Cursor + space.
    r.code(KeyCode::Down).code(KeyCode::Down);
    r.press(' ');
    assert!(r.session().is_chosen(i, 2));
    assert_eq!(r.saved().as_ref(), r.app.session());
    let text = r.text(120, 40);
    assert!(text.contains("(Select TWO.)"), "{text}");
    assert!(text.contains("[x]") && text.contains("[ ]"));
}

#[test]
fn strike_flag_and_navigation() {
    let mut r = rig(mock);
    r.code(KeyCode::Down).press('x');
    assert!(r.session().is_struck(0, 1));
    r.press('m');
    assert!(r.session().responses[0].flagged);
    assert_eq!(r.saved().unwrap().responses[0].struck.len(), 1);
    r.press('n');
    assert_eq!(r.session().current, 1);
    r.press(' ');
    assert!(
        r.session().is_chosen(1, 0),
        "the cursor resets to the first option on a new question"
    );
    r.code(KeyCode::Right);
    assert_eq!(r.session().current, 2);
    r.press('p');
    assert_eq!(r.session().current, 1);
    r.code(KeyCode::Left);
    assert_eq!(r.session().current, 0);
    assert_eq!(r.saved().unwrap().current, 0);
}

#[test]
fn struck_option_is_crossed_out_and_flag_is_shown() {
    let mut r = rig(mock);
    r.code(KeyCode::Down).press('x').press('m');
    let terminal = r.draw(120, 40);
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "B. ").expect("option B is drawn");
    let text_cell = &buffer[(x + 3, y)];
    assert!(text_cell.modifier.contains(Modifier::CROSSED_OUT));
    let (ax, ay) = find(buffer, "A. ").unwrap();
    assert!(
        !buffer[(ax + 3, ay)]
            .modifier
            .contains(Modifier::CROSSED_OUT)
    );
    assert!(find(buffer, "⚑ FLAGGED").is_some());
}

#[test]
fn next_on_the_last_question_opens_the_review_screen() {
    let mut r = rig(|p| {
        mock(p);
        let last = p.session().unwrap().len() - 1;
        p.act(Action::GoTo(last));
        Opening::Sitting
    });
    r.press('n');
    assert_eq!(r.app.screen(), ScreenKind::Review);
    // enter jumps to the selected question (the current one), esc returns.
    r.code(KeyCode::Esc);
    assert_eq!(r.app.screen(), ScreenKind::Exam);
    r.press('r').code(KeyCode::Home);
    r.press('1');
    r.code(KeyCode::Enter);
    assert_eq!(r.app.screen(), ScreenKind::Exam);
    assert_eq!(r.session().current, 0);
}

#[test]
fn review_filters_and_jump() {
    let mut r = rig(mock);
    r.press('a').press('n').press('m').press('n');
    r.press('r');
    assert_eq!(r.app.screen(), ScreenKind::Review);
    r.press('3'); // flagged only: question 2
    r.code(KeyCode::Enter);
    assert_eq!(r.app.screen(), ScreenKind::Exam);
    assert_eq!(r.session().current, 1);
    r.press('r').press('2'); // incomplete: 2, 3, ...
    r.code(KeyCode::Right).code(KeyCode::Enter);
    assert_eq!(r.session().current, 2);
    r.press('r')
        .code(KeyCode::Tab)
        .code(KeyCode::Tab)
        .code(KeyCode::Tab);
    r.code(KeyCode::Enter);
    assert_eq!(r.session().current, 0, "tab cycles back to All");
}

#[test]
fn end_flow_confirms_then_records_the_attempt() {
    let mut r = rig(mock);
    r.press('a').press('m');
    r.press('r').press('e');
    assert_eq!(r.app.screen(), ScreenKind::Confirm);
    let text = r.text(80, 24);
    assert!(text.contains("Unanswered (74)"), "{text}");
    assert!(text.contains("Flagged (1): 1"), "{text}");
    r.press('n');
    assert_eq!(r.app.screen(), ScreenKind::Review);
    r.press('e').press('y');
    assert_eq!(r.app.screen(), ScreenKind::Results);
    assert!(r.app.session().is_none());
    let inner = r.records.inner.borrow();
    assert_eq!(inner.finished.len(), 1);
    assert!(inner.progress.is_empty());
    assert_eq!(inner.finished[0].session.status, Status::Submitted);
    drop(inner);
    let attempt = r.last_attempt();
    assert_eq!(attempt.session.responses[0].chosen.len(), 1);
    assert_eq!(
        attempt.scorecard.unwrap().total,
        75,
        "recorded with its scorecard"
    );
}

#[test]
fn q_pauses_saves_and_home_offers_resume() {
    let mut r = rig(mock);
    r.press('b').press('n');
    r.clock.advance_secs(90);
    r.press('q');
    assert_eq!(r.app.screen(), ScreenKind::Home);
    let saved = r.saved().expect("progress is saved");
    assert!(saved.is_paused());
    assert_eq!(saved.current, 1);
    assert_eq!(saved.elapsed, 90_000);
    assert!(
        r.text(80, 24)
            .contains("Continue the mock exam in progress")
    );
    // Time away does not count.
    r.clock.advance_secs(3600);
    r.press('c');
    assert_eq!(r.app.screen(), ScreenKind::Exam);
    assert_eq!(r.session().current, 1);
    assert!(r.session().is_chosen(0, 1));
    assert_eq!(r.session().elapsed, 90_000);
    r.clock.advance_secs(5);
    r.app.tick();
    assert_eq!(r.session().elapsed, 95_000);
}

#[test]
fn a_new_paper_replaces_the_exam_in_progress_only_when_asked_twice() {
    let mut r = rig(mock);
    r.press('a').press('q');
    r.press('m');
    assert_eq!(r.app.screen(), ScreenKind::Home);
    assert!(r.app.message().unwrap().contains("in progress"));
    assert!(
        r.saved().unwrap().is_chosen(0, 0),
        "the saved exam is untouched"
    );
    r.press('m');
    assert_eq!(r.app.screen(), ScreenKind::Exam);
    assert!(r.saved().unwrap().responses[0].chosen.is_empty());
}

#[test]
fn ctrl_c_saves_and_quits_at_once() {
    let mut r = rig(mock);
    r.press('a');
    r.clock.advance_secs(10);
    r.app
        .handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(r.app.should_quit());
    let saved = r.saved().unwrap();
    assert!(saved.is_paused());
    assert_eq!(saved.elapsed, 10_000);
}

#[test]
fn esc_also_pauses() {
    let mut r = rig(mock);
    r.code(KeyCode::Esc);
    assert_eq!(r.app.screen(), ScreenKind::Home);
    assert!(r.saved().unwrap().is_paused());
}

#[test]
fn drill_reveals_verdict_and_ends_after_the_last_question() {
    let mut r = rig(drill);
    assert!(r.text(80, 24).contains("enter submit"));
    // Enter without an answer does nothing but say what is missing.
    r.code(KeyCode::Enter);
    assert!(!r.session().is_revealed(0));
    assert!(r.text(80, 24).contains("Choose 1 option first"));
    let key = r.session().paper.items[0].key_positions()[0];
    r.press(letter(key));
    r.code(KeyCode::Enter);
    assert!(r.session().is_revealed(0));
    assert!(r.saved().unwrap().is_revealed(0));
    let terminal = r.draw(120, 40);
    let buffer = terminal.backend().buffer();
    assert!(find(buffer, "✓ Correct").is_some());
    assert!(find(buffer, "Explanation").is_some());
    assert!(find(buffer, "Right: ").is_some());
    // The answer is locked.
    let other = (key + 1) % 4;
    r.press(letter(other));
    assert!(!r.session().is_chosen(0, other));
    // A wrong answer on the next question: ✗ on the choice, ✓ on the key.
    r.press('n');
    let key = r.session().paper.items[1].key_positions()[0];
    let wrong = (0..4).find(|p| *p != key).unwrap();
    r.press(letter(wrong)).code(KeyCode::Enter);
    let text = r.text(120, 40);
    assert!(text.contains("✗ Incorrect"), "{text}");
    assert!(text.contains('✗') && text.contains('✓'));
    r.press('n').keys("a").code(KeyCode::Enter);
    r.press('n');
    assert_eq!(r.app.screen(), ScreenKind::Results);
    assert_eq!(r.records.inner.borrow().finished.len(), 1);
    // A drill's results end with the per-task breakdown, without asking.
    assert!(r.text(120, 40).contains("Task statement"));
}

#[test]
fn drill_from_the_home_picker() {
    let mut r = rig(home);
    r.press('d');
    assert_eq!(r.app.screen(), ScreenKind::Picker);
    r.code(KeyCode::Down).code(KeyCode::Enter); // task 1.1
    assert_eq!(r.app.screen(), ScreenKind::Exam);
    let s = r.session();
    assert_eq!(s.paper.mode, Mode::Drill);
    assert_eq!(s.paper.feedback, Feedback::Now);
    assert_eq!(s.len(), 10);
    assert!(s.paper.items.iter().all(|i| i.task == "1.1"));
    assert!(r.saved().is_some(), "a new session is saved at once");
}

#[test]
fn mock_from_home_uses_the_seed_source() {
    let mut r = rig(home);
    r.press('m');
    assert_eq!(r.app.screen(), ScreenKind::Exam);
    assert_eq!(r.session().paper.seed, 42);
    assert_eq!(r.session().len(), 75);
    assert_eq!(r.session().paper.time_limit_secs, Some(180 * MIN));
}

#[test]
fn missed_review_says_when_there_is_nothing() {
    let mut r = rig(home);
    r.press('r');
    assert_eq!(r.app.screen(), ScreenKind::Home);
    assert!(r.app.message().unwrap().contains("No missed answers"));
    // After a failed attempt there is.
    r.press('m')
        .keys("a")
        .press('r')
        .press('e')
        .press('y')
        .press('h');
    r.press('r');
    assert_eq!(r.app.screen(), ScreenKind::Exam);
    assert_eq!(r.session().paper.mode, Mode::Review);
    assert!(r.session().len() >= 74);
}

#[test]
fn time_warnings_and_time_up() {
    let mut r = rig(mock);
    r.clock.advance_secs(150 * MIN + 1);
    r.app.tick();
    assert!(r.text(80, 24).contains("30 minutes left"));
    r.clock.advance_secs(25 * MIN);
    r.app.tick();
    assert!(r.text(80, 24).contains("5 minutes left"));
    r.press('a');
    r.clock.advance_secs(5 * MIN);
    r.app.tick();
    assert_eq!(r.app.screen(), ScreenKind::Results);
    assert_eq!(r.last_attempt().session.status, Status::TimeUp);
    assert!(r.text(80, 24).contains("Time ran out"));
}

#[test]
fn a_key_after_the_deadline_does_not_count() {
    let mut r = rig(mock);
    r.clock.advance_secs(181 * MIN);
    r.press('h'); // would be "home" on the results screen if the key counted
    assert_eq!(r.app.screen(), ScreenKind::Results);
}

#[test]
fn next_tick_waits_for_the_next_whole_second() {
    let mut r = rig(mock);
    r.clock.advance_millis(300);
    r.app.tick();
    assert_eq!(r.app.next_tick().as_millis(), 700);
    r.press('q');
    assert!(r.app.next_tick().as_secs() >= 1);
}

#[test]
fn mouse_click_chooses_and_wheel_scrolls() {
    let mut r = rig(mock);
    let terminal = r.draw(120, 40);
    let (x, y) = find(terminal.backend().buffer(), "C. ").unwrap();
    r.app.handle_mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x + 5,
        row: y,
        modifiers: KeyModifiers::NONE,
    });
    assert!(r.session().is_chosen(0, 2));
    assert_eq!(r.saved().as_ref(), r.app.session());
    // At 60×18 the question overflows; the wheel scrolls it.
    let _ = r.draw(60, 18);
    r.app.handle_mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 1,
        row: 5,
        modifiers: KeyModifiers::NONE,
    });
    let after = r.text(60, 18);
    assert!(!after.contains("A company"), "scrolled past the stem start");
    r.code(KeyCode::PageUp);
    assert!(r.text(60, 18).contains("A company"));
}

#[test]
fn save_failure_shows_a_line_and_does_not_crash() {
    let clock = Rc::new(FakeClock::at(0));
    let mut p = practice(Box::new(Failing), clock);
    let opening = mock(&mut p);
    let mut app = App::new(p, opening, Theme::new(true));
    app.handle_key(key(KeyCode::Char('a')));
    assert!(app.message().unwrap().contains("the disk is full"));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    assert!(terminal.backend().to_string().contains("Could not save"));
    for c in "ryey".chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
    assert_eq!(app.screen(), ScreenKind::Results);
}

#[test]
fn tiny_terminals_never_panic() {
    let mut r = rig(mock);
    r.press('a').press('x');
    for screen in [
        "exam", "review", "confirm", "results", "answers", "home", "history", "help",
    ] {
        match screen {
            "review" => {
                r.press('r');
            }
            "confirm" => {
                r.press('e');
            }
            "results" => {
                r.press('y');
            }
            "answers" => {
                r.press('v');
            }
            "home" => {
                r.code(KeyCode::Esc).press('h');
            }
            "history" => {
                r.press('h');
            }
            "help" => {
                r.press('?');
            }
            _ => {}
        }
        for (w, h) in [(1, 1), (20, 6), (59, 17), (60, 18), (200, 60)] {
            let _ = r.draw(w, h);
        }
    }
    assert!(r.text(20, 6).contains("Enlarge"));
}

#[test]
fn no_color_theme_uses_no_colours() {
    let clock = Rc::new(FakeClock::at(0));
    let records = Shared::default();
    let mut p = practice(Box::new(records), clock);
    let opening = drill(&mut p);
    let mut app = App::new(p, opening, Theme::new(false));
    app.handle_key(key(KeyCode::Char('a')));
    app.handle_key(key(KeyCode::Down));
    app.handle_key(key(KeyCode::Char('x')));
    app.handle_key(key(KeyCode::Enter));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert_eq!(cell.fg, Color::Reset);
        assert_eq!(cell.bg, Color::Reset);
    }
    // Meaning is still carried: the struck option is crossed out, the verdict is bold.
    let (x, y) = find(buffer, "B. ").unwrap();
    assert!(buffer[(x + 3, y)].modifier.contains(Modifier::CROSSED_OUT));
    let (x, y) = find(buffer, "Correct")
        .or_else(|| find(buffer, "Incorrect"))
        .unwrap();
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn results_history_and_answer_review() {
    let mut r = rig(mock);
    let key = r.session().paper.items[0].key_positions()[0];
    r.press(letter(key)).press('m');
    r.keys("n").press('a');
    r.keys("rey");
    assert_eq!(r.app.screen(), ScreenKind::Results);
    let text = r.text(120, 40);
    assert!(text.contains("Estimated scaled score"), "{text}");
    assert!(text.contains("FAIL"));
    assert!(text.contains("Needs Improvement"));
    r.press('t');
    assert!(r.text(120, 40).contains("Task statement"));
    r.press('v');
    assert_eq!(r.app.screen(), ScreenKind::Answers);
    let terminal = r.draw(120, 40);
    let buffer = terminal.backend().buffer();
    assert!(find(buffer, "✓ Correct").is_some());
    // The key carries ✓ in its own style.
    let (x, y) = find(buffer, "✓ (•)").expect("the chosen key is marked");
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
    r.code(KeyCode::Right);
    assert!(r.text(120, 40).contains("Question 2 of 75"));
    r.press('2'); // incorrect only: question 1 is correct, so 2 comes first
    assert!(r.text(120, 40).contains("Question 2 of 75"));
    r.press('3');
    assert!(r.text(120, 40).contains("Question 1 of 75"));
    r.code(KeyCode::Esc);
    assert_eq!(r.app.screen(), ScreenKind::Results);
    r.press('h').press('h');
    assert_eq!(r.app.screen(), ScreenKind::History);
    r.code(KeyCode::Enter);
    assert_eq!(r.app.screen(), ScreenKind::Answers);
    r.code(KeyCode::Esc);
    assert_eq!(r.app.screen(), ScreenKind::History);
    r.code(KeyCode::Esc);
    assert_eq!(r.app.screen(), ScreenKind::Home);
    r.press('q');
    assert!(r.app.should_quit());
}

// ----- snapshots -----

/// A records store with two finished attempts (one better than the other).
fn with_history() -> Shared {
    let records = Shared::default();
    let mut r = rig_with(records.clone(), mock);
    r.keys("a").press('n').keys("b").keys("rey");
    let mut r = rig_with(records.clone(), |p| sit(p, NewAttempt::mock(Some(8))));
    // Answer every question with its key except a few.
    for i in 0..75 {
        let item = &r.session().paper.items[i];
        let keys = item.key_positions();
        if i % 5 != 0 {
            for k in keys {
                r.press(letter(k));
            }
        }
        if i % 9 == 0 {
            r.press('m');
        }
        r.clock.advance_secs(100);
        r.press('n');
    }
    r.keys("ey");
    records
}

#[test]
fn the_answer_review_shows_each_confidence_mark_and_a_sure_miss_stands_out() {
    let mut r = rig(mock);
    let key = r.session().paper.items[0].key_positions()[0];
    // Question 1 right and marked a guess, question 2 wrong and marked sure.
    r.press(letter(key)).press('1').press('n');
    let key2 = r.session().paper.items[1].key_positions()[0];
    let wrong2 = (0..4).find(|&p| p != key2).unwrap();
    r.press(letter(wrong2)).press('3');
    r.keys("rey");
    r.press('v');
    assert_eq!(r.app.screen(), ScreenKind::Answers);
    assert!(r.text(120, 40).contains("✓ Correct  you marked ? GUESS"));
    r.code(KeyCode::Right);
    let terminal = r.draw(120, 40);
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "you marked ✓ SURE").expect("the sure mark is shown");
    let wrong_style = find(buffer, "✗ Incorrect").map(|(wx, wy)| buffer[(wx, wy)].fg);
    assert_eq!(
        Some(buffer[(x, y)].fg),
        wrong_style,
        "a sure answer that was wrong is drawn like the verdict"
    );
}

#[test]
fn snapshot_study_screens() {
    let mut r = rig(home);
    r.press('p');
    r.snap("practice_setup");
    let mut r = rig(home);
    r.press('w');
    r.keys("rollback");
    r.snap("search");
    let mut r = rig_with(with_history(), home);
    r.press('o');
    r.snap("progress");
}

#[test]
fn snapshot_home() {
    rig(home).snap("home_empty");
    let mut r = rig_with(with_history(), home);
    r.snap("home_history");
}

#[test]
fn snapshot_picker() {
    let mut r = rig(home);
    r.press('d');
    for _ in 0..8 {
        r.code(KeyCode::Down);
    }
    r.snap("picker");
}

#[test]
fn snapshot_exam() {
    let mut r = rig(mock);
    r.press('b')
        .code(KeyCode::Down)
        .code(KeyCode::Down)
        .press('x')
        .press('m');
    r.clock.advance_secs(125);
    r.app.tick();
    r.snap("exam_single");
    let j = multiple_index(r.session());
    r.press('r').code(KeyCode::Esc);
    while r.session().current < j {
        r.press('n');
    }
    r.press('a');
    r.snap("exam_multiple");
    r.clock.advance_secs(150 * MIN);
    r.app.tick();
    r.snap("exam_30_minutes");
}

#[test]
fn snapshot_drill_revealed() {
    let mut r = rig(drill);
    r.press('b').code(KeyCode::Enter);
    r.snap("drill_revealed");
}

#[test]
fn snapshot_review_and_confirm() {
    let mut r = rig(mock);
    r.keys("a").press('n').press('m').press('n').keys("c");
    r.press('r');
    r.snap("review");
    r.press('e');
    r.snap("confirm");
}

#[test]
fn snapshot_help() {
    let mut r = rig(mock);
    r.press('?');
    r.snap("help");
}

#[test]
fn snapshot_results_answers_history() {
    let records = with_history();
    let attempt = records.inner.borrow().finished[0].clone();
    let mut r = rig_with(records.clone(), |p| {
        let scored = p.attempt(Some(&attempt.id)).unwrap();
        Opening::AttemptReview(Box::new(scored))
    });
    r.snap("answers");
    r.code(KeyCode::Right);
    r.snap("answers_second");
    let mut r = rig_with(records.clone(), home);
    r.press('h');
    r.snap("history");
    let mut r = rig_with(records, mock);
    r.keys("a").keys("rey");
    r.snap("results");
    r.press('t');
    r.snap("results_tasks");
}

#[test]
fn snapshot_too_small() {
    let mut r = rig(mock);
    let terminal = r.draw(40, 10);
    insta::assert_snapshot!("too_small_40x10", terminal.backend());
}

#[test]
fn the_running_clock_is_saved_every_ten_seconds() {
    let mut r = rig(mock);
    let before = r.saves();
    for _ in 0..9 {
        r.clock.advance_secs(1);
        r.app.tick();
    }
    assert_eq!(r.saves(), before, "no save in the first 9 s");
    r.clock.advance_secs(1);
    r.app.tick();
    assert_eq!(r.saves(), before + 1);
    let saved = r.records.inner.borrow().progress(Mode::Exam).unwrap();
    assert_eq!(saved.elapsed, 10_000, "the saved copy has the time used");
}

#[test]
fn a_drill_leaves_the_paused_mock_alone_and_both_can_be_continued() {
    let mut r = rig(mock);
    r.press('b').press('q'); // the mock, paused with B chosen
    r.press('d'); // no question asked: a drill does not replace a mock
    assert_eq!(r.app.screen(), ScreenKind::Picker);
    r.code(KeyCode::Down).code(KeyCode::Enter);
    assert_eq!(r.session().paper.mode, Mode::Drill);
    r.press('a').press('q');
    let home = r.text(80, 24);
    assert!(
        home.contains("[c] Continue the mock exam in progress"),
        "{home}"
    );
    assert!(
        home.contains("[g] Go on with the drill in progress"),
        "{home}"
    );
    r.press('c');
    assert_eq!(r.session().paper.mode, Mode::Exam);
    assert!(r.session().is_chosen(0, 1), "the mock is as it was left");
    r.press('q').press('g');
    assert_eq!(r.session().paper.mode, Mode::Drill);
    assert!(r.session().is_chosen(0, 0));
}

// ----- rough edges found by trying it as a new user -----

#[test]
fn below_the_minimum_size_keys_wait_until_the_screen_can_show_them() {
    let mut r = rig(mock);
    let _ = r.draw(40, 10);
    r.press('a').press('m').press('n');
    assert!(
        r.session().responses[0].chosen.is_empty(),
        "no answer while hidden"
    );
    assert!(!r.session().responses[0].flagged);
    assert_eq!(r.session().current, 0);
    let _ = r.draw(80, 24);
    r.press('a');
    assert!(r.session().is_chosen(0, 0));
}

#[test]
fn at_80x24_the_view_follows_the_option_cursor() {
    let mut r = rig(mock);
    // The first question whose options run below an 80×24 screen.
    let mut found = false;
    for _ in 0..75 {
        let _ = r.draw(80, 24);
        for _ in 0..5 {
            r.code(KeyCode::Down);
        }
        let text = r.text(80, 24);
        let last = r.session().paper.items[r.session().current].order.len() - 1;
        let mark = format!("›  ( ) {}.", letter(last).to_ascii_uppercase());
        let mark_multi = format!("›  [ ] {}.", letter(last).to_ascii_uppercase());
        assert!(
            text.contains(&mark) || text.contains(&mark_multi),
            "the cursor's option is on screen: {text}"
        );
        if r.app.session().is_some_and(|s| s.current > 0) {
            found = true;
        }
        r.press(' ');
        assert!(
            r.session().is_chosen(r.session().current, last),
            "space chose the option the user can see"
        );
        r.press('n');
        if found {
            break;
        }
    }
}

#[test]
fn striking_out_a_chosen_option_withdraws_the_choice() {
    let mut r = rig(mock);
    r.press('b');
    assert!(r.session().is_chosen(0, 1));
    r.press('x'); // the cursor is on the option just chosen
    assert!(r.session().is_struck(0, 1));
    assert!(!r.session().is_chosen(0, 1), "struck and chosen at once");
    assert!(r.saved().unwrap().responses[0].chosen.is_empty());
}

#[test]
fn a_pick_beyond_select_two_says_why_nothing_happened() {
    let mut r = rig(|p| {
        mock(p);
        let j = multiple_index(p.session().unwrap());
        p.act(Action::GoTo(j));
        Opening::Sitting
    });
    let i = r.session().current;
    let required = r.session().paper.items[i].required();
    for p in 0..required {
        r.press(letter(p));
    }
    r.press(letter(required));
    assert!(!r.session().is_chosen(i, required));
    let message = r.app.message().expect("a message");
    assert!(
        message.contains(&format!("takes {required} answers")),
        "{message}"
    );
}

#[test]
fn each_screen_lists_its_own_keys() {
    let mut r = rig(home);
    r.press('?');
    let text = r.text(80, 24);
    assert!(
        text.contains("shortcut") && !text.contains("strike"),
        "{text}"
    );
    r.press('?'); // closes
    r.press('m').keys("rey");
    assert_eq!(r.app.screen(), ScreenKind::Results);
    r.press('?');
    let text = r.text(120, 40);
    assert!(
        text.contains("review answers") && !text.contains("strike"),
        "{text}"
    );
}

#[test]
fn home_and_end_jump_in_the_review_grid() {
    let mut r = rig(mock);
    r.press('r').code(KeyCode::End).code(KeyCode::Enter);
    assert_eq!(r.session().current, 74);
    r.press('r').code(KeyCode::Home).code(KeyCode::Enter);
    assert_eq!(r.session().current, 0);
}

#[test]
fn a_short_time_limit_reads_its_pace_in_seconds() {
    let mut r = rig(|p| {
        sit(
            p,
            NewAttempt::Mock {
                seed: Some(7),
                time_limit_secs: Some(45),
            },
        )
    });
    r.clock.advance_secs(1);
    r.app.tick();
    let text = r.text(120, 40);
    assert!(
        text.contains("0 s per question") || text.contains("s per question"),
        "{text}"
    );
    assert!(!text.contains("0.0 min"), "{text}");
}

#[test]
fn references_are_never_split_mid_url() {
    let mut r = rig(drill);
    r.press('a').code(KeyCode::Enter);
    let q = r.session().paper.items[0].id.clone();
    let url = r.app.practice().bank().get(&q).unwrap().references[0].clone();
    for (w, h) in [(80, 24), (60, 18), (120, 40)] {
        let _ = r.draw(w, h);
        for _ in 0..20 {
            r.code(KeyCode::PageDown);
        }
        let text = r.text(w, h);
        let start: String = url.chars().take(usize::from(w) - 4).collect();
        assert!(
            text.contains(&start),
            "{w}×{h}: the URL starts whole on a line: {text}"
        );
    }
}

#[test]
fn a_partly_answered_multiple_response_is_incomplete_in_the_grid() {
    let mut r = rig(|p| {
        mock(p);
        let j = multiple_index(p.session().unwrap());
        p.act(Action::GoTo(j));
        Opening::Sitting
    });
    r.press('a').press('r');
    let text = r.text(120, 40);
    assert!(text.contains('◐'), "{text}");
    r.press('2');
    let text = r.text(120, 40);
    assert!(text.contains("Incomplete (75)"), "{text}");
}

#[test]
fn drills_and_reviews_are_not_mocks() {
    let records = Shared::default();
    let mut r = rig_with(records.clone(), drill);
    r.keys("a").code(KeyCode::Enter).press('n');
    r.keys("a").code(KeyCode::Enter).press('n');
    r.keys("a").code(KeyCode::Enter).press('n');
    assert_eq!(r.app.screen(), ScreenKind::Results);
    let text = r.text(120, 40);
    assert!(!text.contains("PASS") && !text.contains("FAIL"), "{text}");
    assert!(!text.contains("Estimated scaled score"), "{text}");
    assert!(text.contains("no pass/fail"), "{text}");
    r.press('h');
    let text = r.text(120, 40);
    assert!(text.contains("No mock exam finished yet."), "{text}");
    r.press('h');
    let text = r.text(120, 40);
    // The drill is listed, but the mock trend has no point for it.
    assert!(text.contains("drill") && text.contains("—"), "{text}");
    assert!(text.contains("Mock exam trend"), "{text}");
    assert!(!text.contains('▁') && !text.contains('█'), "{text}");
}

// ----- study tools (issue 12) -----

#[test]
fn confidence_keys_mark_the_answer_and_show_on_the_status_line() {
    let mut r = rig(mock);
    r.press('b').press('3');
    assert_eq!(
        r.session().responses[0].confidence,
        Some(proctor::exam::Confidence::Sure)
    );
    assert!(r.text(120, 40).contains("✓ SURE"));
    r.press('3');
    assert_eq!(r.session().responses[0].confidence, None, "again clears");
    r.press('1');
    assert!(r.text(120, 40).contains("? GUESS"));
    assert_eq!(
        r.session().responses[0].chosen.len(),
        1,
        "the answer is untouched"
    );
}

#[test]
fn from_the_flagged_filter_next_and_previous_step_through_flagged_questions_only() {
    let mut r = rig(mock);
    // Flag questions 2, 5 and 9.
    for i in 0..9 {
        if [1, 4, 8].contains(&i) {
            r.press('m');
        }
        r.press('n');
    }
    r.press('r').press('3').code(KeyCode::Enter);
    assert_eq!(r.session().current, 1);
    assert!(r.text(120, 40).contains("Reviewing flagged 1 of 3"));
    r.press('n');
    assert_eq!(r.session().current, 4);
    r.code(KeyCode::Right);
    assert_eq!(r.session().current, 8);
    r.press('p');
    assert_eq!(r.session().current, 4);
    r.press('n').press('n');
    assert_eq!(
        r.app.screen(),
        ScreenKind::Review,
        "past the last flagged question: the review screen"
    );
    // The All filter walks every question again.
    r.press('1').code(KeyCode::Home).code(KeyCode::Enter);
    assert_eq!(r.session().current, 0);
    r.press('n');
    assert_eq!(r.session().current, 1);
}

#[test]
fn every_study_mode_is_reachable_from_the_home_screen() {
    let mut r = rig(home);
    r.press('p');
    assert_eq!(r.app.screen(), ScreenKind::Setup);
    // 30 questions, untimed, feedback now.
    r.code(KeyCode::Left)
        .code(KeyCode::Left)
        .code(KeyCode::Left);
    r.code(KeyCode::Down)
        .code(KeyCode::Down)
        .code(KeyCode::Right);
    r.code(KeyCode::Enter);
    assert_eq!(r.app.screen(), ScreenKind::Exam);
    let s = r.session();
    assert_eq!(s.len(), 30);
    assert_eq!(s.paper.feedback, Feedback::Now);
    assert_eq!(s.paper.time_limit_secs, None);
    assert!(s.paper.practice);
    assert!(r.text(120, 40).contains("Practice exam"));

    let mut r = rig(home);
    r.press('s');
    assert_eq!(r.app.screen(), ScreenKind::Picker);
    r.code(KeyCode::Enter);
    assert!(matches!(r.session().paper.scope, Scope::Service { .. }));

    let mut r = rig(home);
    r.press('w');
    assert_eq!(r.app.screen(), ScreenKind::Search);
    let word = r.app.practice().bank().entries()[0]
        .stem
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    r.keys(&word).code(KeyCode::Enter);
    assert_eq!(r.app.screen(), ScreenKind::Exam);
    assert!(matches!(r.session().paper.scope, Scope::Grep { .. }));

    let mut r = rig(home);
    r.press('o');
    assert_eq!(r.app.screen(), ScreenKind::Progress);
    assert!(
        r.text(120, 40)
            .contains("All questions: 190 questions · 190 unseen")
    );
    r.code(KeyCode::Esc);
    r.press('u');
    assert_eq!(
        r.app.message(),
        Some(
            "Nothing is due for review today: answered questions come back as FSRS schedules them."
        )
    );
}
