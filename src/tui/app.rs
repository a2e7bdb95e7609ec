//! The application state and its input handling, apart from the terminal: tests drive an [`App`]
//! with key and mouse events and a fake clock, and draw it into a `TestBackend`.
//!
//! The engine owns the exam: the app turns keys into [`Action`]s, applies them to the session
//! with the clock's time, saves the session after every change and draws what the session says.

use super::screens;
use super::theme::Theme;
use super::{Context, Start};
use crate::exam::{
    Action, Feedback, Mode, Paper, PaperRequest, Scope, Scorecard, Session, Status, assemble, score,
};
use crate::store::Attempt;
use ratatui::Frame;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use std::time::Duration;

/// Below this size only "enlarge the terminal" is drawn.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

/// Questions in a drill when the pool has enough.
pub const DRILL_COUNT: usize = 10;

/// Which screen is showing (for tests and the loop).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenKind {
    Home,
    Picker,
    Exam,
    Review,
    Confirm,
    Results,
    Answers,
    History,
}

pub(crate) enum Screen {
    Home(Box<HomeState>),
    Picker(PickerState),
    Exam,
    Review(ReviewState),
    /// The end confirmation, over the review screen it came from.
    Confirm(Box<ReviewState>),
    Results(Box<ResultsState>),
    Answers(Box<AnswersState>),
    History(HistoryState),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HomeItem {
    /// Continue the paused attempt of this mode.
    Resume(Mode),
    Mock,
    Drill,
    Missed,
    History,
    Quit,
}

impl HomeItem {
    pub(crate) fn label(self) -> (&'static str, &'static str) {
        match self {
            HomeItem::Resume(Mode::Exam) => ("c", "Continue the mock exam in progress"),
            HomeItem::Resume(Mode::Drill) => ("g", "Go on with the drill in progress"),
            HomeItem::Resume(Mode::Review) => ("v", "Go on with the missed-answer review"),
            HomeItem::Mock => ("m", "Start a full mock exam"),
            HomeItem::Drill => ("d", "Drill a domain or a task"),
            HomeItem::Missed => ("r", "Review missed answers"),
            HomeItem::History => ("h", "History"),
            HomeItem::Quit => ("q", "Quit"),
        }
    }
}

pub(crate) struct HomeState {
    pub items: Vec<HomeItem>,
    pub selected: usize,
    pub last: Option<(Attempt, Scorecard)>,
    /// A new paper would replace the attempt in progress of its mode: asked once, done on
    /// the second press.
    pub replacing: Option<HomeItem>,
}

pub(crate) struct PickerRow {
    pub label: String,
    pub scope: Scope,
    pub available: usize,
    pub is_domain: bool,
}

pub(crate) struct PickerState {
    pub rows: Vec<PickerRow>,
    pub selected: usize,
}

/// Review-screen filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    Incomplete,
    Flagged,
}

impl Filter {
    pub(crate) fn next(self) -> Filter {
        match self {
            Filter::All => Filter::Incomplete,
            Filter::Incomplete => Filter::Flagged,
            Filter::Flagged => Filter::All,
        }
    }
}

pub(crate) struct ReviewState {
    pub filter: Filter,
    /// Position in the filtered list.
    pub selected: usize,
    /// Grid columns at the last draw (for ↑/↓).
    pub columns: usize,
}

pub(crate) struct ResultsState {
    pub attempt: Attempt,
    pub card: Scorecard,
    pub show_tasks: bool,
    pub scroll: u16,
    /// A message about saving the attempt, if it failed.
    pub save_error: Option<String>,
}

/// Answer-review filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerFilter {
    All,
    Incorrect,
    Flagged,
}

pub(crate) enum Back {
    Results(Box<ResultsState>),
    History,
    Home,
}

pub(crate) struct AnswersState {
    pub attempt: Attempt,
    pub filter: AnswerFilter,
    /// Position in the filtered list.
    pub index: usize,
    pub scroll: u16,
    pub max_scroll: u16,
    pub back: Back,
}

impl AnswersState {
    pub(crate) fn visible(&self) -> Vec<usize> {
        let s = &self.attempt.session;
        (0..s.len())
            .filter(|&i| match self.filter {
                AnswerFilter::All => true,
                AnswerFilter::Incorrect => !s.is_correct(i),
                AnswerFilter::Flagged => s.responses[i].flagged,
            })
            .collect()
    }
}

pub(crate) struct HistoryState {
    pub attempts: Vec<(Attempt, Scorecard)>,
    pub selected: usize,
}

/// Where things are on the exam screen after a draw: for scrolling and mouse clicks.
#[derive(Debug, Clone, Default)]
pub(crate) struct ExamView {
    /// The question this view belongs to; the cursor and scroll reset on another question.
    pub question: usize,
    pub cursor: usize,
    pub scroll: u16,
    pub max_scroll: u16,
    pub body: Rect,
    /// For each option (display position): its first and last line in the body text.
    pub option_lines: Vec<(usize, usize)>,
}

pub(crate) struct Notice {
    pub text: String,
    /// Shown until the session's elapsed time reaches this.
    pub until: u64,
}

/// How often the running clock is saved between actions.
const TIME_SAVE_MILLIS: u64 = 10_000;

pub struct App {
    pub(crate) ctx: Context,
    pub(crate) theme: Theme,
    pub(crate) screen: Screen,
    pub(crate) session: Option<Session>,
    pub(crate) view: ExamView,
    pub(crate) notice: Option<Notice>,
    /// Time warnings given: 30 and 5 minutes.
    warned: (bool, bool),
    /// An error or information line, cleared by the next key.
    pub(crate) message: Option<String>,
    pub(crate) help: bool,
    quit: bool,
}

impl App {
    pub fn new(ctx: Context, start: Start, theme: Theme) -> App {
        let mut app = App {
            ctx,
            theme,
            screen: Screen::Exam,
            session: None,
            view: ExamView::default(),
            notice: None,
            warned: (false, false),
            message: None,
            help: false,
            quit: false,
        };
        match start {
            Start::Home => app.go_home(),
            Start::Session(session) => app.enter_session(session),
            Start::AttemptReview(attempt) => app.open_answers(attempt, Back::Home),
            Start::History => app.open_history(),
        }
        app
    }

    pub fn screen(&self) -> ScreenKind {
        match self.screen {
            Screen::Home(_) => ScreenKind::Home,
            Screen::Picker(_) => ScreenKind::Picker,
            Screen::Exam => ScreenKind::Exam,
            Screen::Review(_) => ScreenKind::Review,
            Screen::Confirm(_) => ScreenKind::Confirm,
            Screen::Results(_) => ScreenKind::Results,
            Screen::Answers(_) => ScreenKind::Answers,
            Screen::History(_) => ScreenKind::History,
        }
    }

    /// The session being sat, if any.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// The option cursor on the exam screen.
    pub fn cursor(&self) -> usize {
        self.view.cursor
    }

    /// The error or information line, if one is showing.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The finished attempt on the results screen.
    pub fn result(&self) -> Option<(&Attempt, &Scorecard)> {
        match &self.screen {
            Screen::Results(r) => Some((&r.attempt, &r.card)),
            _ => None,
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// Pauses and saves the exam in progress (the program is closing).
    pub fn shutdown(&mut self) {
        self.pause_session();
    }

    fn now(&self) -> u64 {
        self.ctx.clock.now()
    }

    /// How long the loop may wait for input before the clock on screen needs a redraw: up to the
    /// next whole second of the exam clock while a session runs.
    pub fn next_tick(&self) -> Duration {
        match &self.session {
            Some(s) if !s.is_paused() => Duration::from_millis(1000 - s.elapsed % 1000),
            _ => Duration::from_secs(60),
        }
    }

    /// The passing of time: advances the exam clock, gives the time warnings, ends the exam at
    /// zero. Cheap when nothing runs.
    pub fn tick(&mut self) {
        let now = self.now();
        let Some(s) = self.session.as_mut() else {
            return;
        };
        if s.is_paused() {
            return;
        }
        let before = s.elapsed;
        s.apply(Action::Tick, now);
        // Answers are saved as they are given; the clock every 10 s, so a crash costs the
        // candidate at most 10 s of the time they had used, never time they had left.
        if s.elapsed / TIME_SAVE_MILLIS != before / TIME_SAVE_MILLIS && !s.is_finished() {
            self.save();
        }
        self.after_time_passed();
    }

    fn after_time_passed(&mut self) {
        let Some(s) = &self.session else { return };
        if s.status == Status::TimeUp {
            self.finish();
            return;
        }
        let (Some(left), Some(limit)) = (s.remaining(), s.paper.time_limit_secs) else {
            return;
        };
        let elapsed = s.elapsed;
        const MIN: u64 = 60_000;
        if !self.warned.1 && limit * 1000 > 5 * MIN && left <= 5 * MIN {
            self.warned = (true, true);
            self.notice = Some(Notice {
                text: "5 minutes left. Unanswered questions count as wrong.".into(),
                until: elapsed + MIN,
            });
        } else if !self.warned.0 && limit * 1000 > 30 * MIN && left <= 30 * MIN {
            self.warned.0 = true;
            self.notice = Some(Notice {
                text: "30 minutes left.".into(),
                until: elapsed + MIN,
            });
        }
    }

    // ----- input -----

    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind != KeyEventKind::Press {
            return;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.pause_session();
            self.quit = true;
            return;
        }
        self.message = None;
        if self.help {
            self.help = false;
            return;
        }
        // Bring the clock up to date first: if time ran out, the key does not count.
        let before = self.screen();
        self.tick();
        if self.screen() != before {
            return;
        }
        match self.screen() {
            ScreenKind::Home => self.home_key(key),
            ScreenKind::Picker => self.picker_key(key),
            ScreenKind::Exam => self.exam_key(key),
            ScreenKind::Review => self.review_key(key),
            ScreenKind::Confirm => self.confirm_key(key),
            ScreenKind::Results => self.results_key(key),
            ScreenKind::Answers => self.answers_key(key),
            ScreenKind::History => self.history_key(key),
        }
    }

    pub fn handle_mouse(&mut self, mouse: MouseEvent) {
        let scroll = match mouse.kind {
            MouseEventKind::ScrollDown => 3,
            MouseEventKind::ScrollUp => -3,
            MouseEventKind::Down(MouseButton::Left) => 0,
            _ => return,
        };
        match &mut self.screen {
            Screen::Exam if scroll != 0 => self.view.scroll_by(scroll),
            Screen::Exam => {
                let v = &self.view;
                let (x, y) = (mouse.column, mouse.row);
                let b = v.body;
                if x < b.x || x >= b.x + b.width || y < b.y || y >= b.y + b.height {
                    return;
                }
                let line = usize::from(v.scroll) + usize::from(y - b.y);
                if let Some(pos) = v
                    .option_lines
                    .iter()
                    .position(|&(first, last)| (first..=last).contains(&line))
                {
                    self.message = None;
                    self.view.cursor = pos;
                    self.act(Action::Choose(pos));
                }
            }
            Screen::Answers(a) if scroll != 0 => {
                a.scroll = scroll_to(a.scroll, scroll, a.max_scroll);
            }
            Screen::Results(r) if scroll != 0 => {
                r.scroll = scroll_to(r.scroll, scroll, u16::MAX);
            }
            _ => {}
        }
    }

    // ----- session -----

    /// Applies an action to the session and saves it if anything changed.
    fn act(&mut self, action: Action) {
        let now = self.now();
        let Some(s) = self.session.as_mut() else {
            return;
        };
        let changed = s.apply(action, now);
        if changed {
            self.save();
        }
        self.sync_view();
        self.after_time_passed();
    }

    /// Drills: `enter` shows the verdict, once as many options are chosen as the question asks.
    fn submit_answer(&mut self) {
        let Some(s) = &self.session else { return };
        let i = s.current;
        let required = s.paper.items[i].required();
        if !s.is_revealed(i) && !s.is_answered(i) {
            self.message = Some(format!(
                "Choose {required} option{} first, then enter.",
                if required == 1 { "" } else { "s" }
            ));
            return;
        }
        self.act(Action::Reveal);
    }

    fn save(&mut self) {
        if let Some(s) = &self.session
            && let Err(e) = self.ctx.records.save_progress(s)
        {
            self.message = Some(format!("Could not save progress: {e}"));
        }
    }

    fn sync_view(&mut self) {
        if let Some(s) = &self.session
            && s.current != self.view.question
        {
            self.view = ExamView {
                question: s.current,
                ..ExamView::default()
            };
        }
    }

    fn enter_session(&mut self, mut session: Session) {
        if session.is_finished() {
            self.session = Some(session);
            self.finish();
            return;
        }
        session.resume(self.now());
        self.view = ExamView {
            question: session.current,
            ..ExamView::default()
        };
        self.warned = (false, false);
        self.notice = None;
        self.session = Some(session);
        self.save();
        self.screen = Screen::Exam;
        self.after_time_passed();
    }

    fn start_paper(&mut self, paper: Paper) {
        let session = Session::new(paper, self.now());
        self.enter_session(session);
    }

    /// Stops the clock and saves: the exam resumes where it was left.
    fn pause_session(&mut self) {
        let now = self.now();
        if let Some(s) = self.session.as_mut()
            && !s.is_finished()
        {
            s.pause(now);
            self.save();
        }
    }

    /// Submits the session and shows the results.
    fn end_exam(&mut self) {
        self.act(Action::Submit);
        if self.session.is_some() {
            self.finish();
        }
    }

    /// Records the finished session and opens the results.
    fn finish(&mut self) {
        let Some(session) = self.session.take() else {
            return;
        };
        self.notice = None;
        let (attempt, save_error) = match self.ctx.records.finish(&session) {
            Ok(a) => (a, None),
            Err(e) => (
                Attempt {
                    id: "unsaved".into(),
                    started: String::new(),
                    finished: String::new(),
                    session,
                },
                Some(format!("Could not record this attempt: {e}")),
            ),
        };
        let card = score(&attempt.session, &self.ctx.blueprint);
        // A drill is about task statements: its results open on them.
        let show_tasks = attempt.session.paper.mode != Mode::Exam;
        self.screen = Screen::Results(Box::new(ResultsState {
            attempt,
            card,
            show_tasks,
            scroll: 0,
            save_error,
        }));
    }

    // ----- navigation between screens -----

    fn go_home(&mut self) {
        let mut items: Vec<HomeItem> = Mode::ALL
            .into_iter()
            .filter(|&m| self.ctx.records.progress(m).is_some())
            .map(HomeItem::Resume)
            .collect();
        items.extend([
            HomeItem::Mock,
            HomeItem::Drill,
            HomeItem::Missed,
            HomeItem::History,
            HomeItem::Quit,
        ]);
        let last = self.ctx.records.attempts().into_iter().next().map(|a| {
            let card = score(&a.session, &self.ctx.blueprint);
            (a, card)
        });
        self.screen = Screen::Home(Box::new(HomeState {
            items,
            selected: 0,
            last,
            replacing: None,
        }));
    }

    fn open_history(&mut self) {
        let attempts = self
            .ctx
            .records
            .attempts()
            .into_iter()
            .map(|a| {
                let card = score(&a.session, &self.ctx.blueprint);
                (a, card)
            })
            .collect();
        self.screen = Screen::History(HistoryState {
            attempts,
            selected: 0,
        });
    }

    fn open_answers(&mut self, attempt: Attempt, back: Back) {
        self.screen = Screen::Answers(Box::new(AnswersState {
            attempt,
            filter: AnswerFilter::All,
            index: 0,
            scroll: 0,
            max_scroll: 0,
            back,
        }));
    }

    fn open_review(&mut self) {
        let selected = self.session.as_ref().map_or(0, |s| s.current);
        self.screen = Screen::Review(ReviewState {
            filter: Filter::All,
            selected,
            columns: 10,
        });
    }

    fn open_picker(&mut self) {
        let bank = &self.ctx.bank;
        let mut rows = Vec::new();
        for d in &self.ctx.blueprint.domains {
            rows.push(PickerRow {
                label: format!("Domain {}: {}", d.number, d.name),
                scope: Scope::Domain { domain: d.number },
                available: bank
                    .questions()
                    .iter()
                    .filter(|q| q.domain == d.number)
                    .count(),
                is_domain: true,
            });
            for t in &d.tasks {
                rows.push(PickerRow {
                    label: format!("Task {}: {}", t.id, t.name),
                    scope: Scope::Task { task: t.id.clone() },
                    available: bank.questions().iter().filter(|q| q.task == t.id).count(),
                    is_domain: false,
                });
            }
        }
        self.screen = Screen::Picker(PickerState { rows, selected: 0 });
    }

    fn start_request(&mut self, request: PaperRequest) {
        let seen = self.ctx.records.seen_counts();
        match assemble(&self.ctx.blueprint, &self.ctx.bank, &request, &seen) {
            Ok(paper) => self.start_paper(paper),
            Err(e) => self.message = Some(format!("Cannot start: {e}")),
        }
    }

    // ----- keys per screen -----

    fn home_key(&mut self, key: KeyEvent) {
        let Screen::Home(home) = &mut self.screen else {
            return;
        };
        let chosen = match key.code {
            KeyCode::Up | KeyCode::Char('k') => {
                home.selected = home.selected.saturating_sub(1);
                None
            }
            KeyCode::Down | KeyCode::Char('j') => {
                home.selected = (home.selected + 1).min(home.items.len() - 1);
                None
            }
            KeyCode::Enter => Some(home.items[home.selected]),
            KeyCode::Esc => Some(HomeItem::Quit),
            KeyCode::Char('?') => {
                self.help = true;
                None
            }
            KeyCode::Char(c) => home
                .items
                .iter()
                .copied()
                .find(|i| i.label().0.starts_with(c)),
            _ => None,
        };
        // Each mode keeps one attempt in progress: starting another of the same mode asks first.
        let replaces = match chosen {
            Some(HomeItem::Mock) => Some(Mode::Exam),
            Some(HomeItem::Drill) => Some(Mode::Drill),
            Some(HomeItem::Missed) => Some(Mode::Review),
            _ => None,
        };
        if let Some(mode) = replaces
            && home.items.contains(&HomeItem::Resume(mode))
            && home.replacing != chosen
        {
            home.replacing = chosen;
            let (key, _) = HomeItem::Resume(mode).label();
            let what = match mode {
                Mode::Exam => "A mock exam",
                Mode::Drill => "A drill",
                Mode::Review => "A missed-answer review",
            };
            self.message = Some(format!(
                "{what} is in progress: choose again to replace it, or {key} to continue it."
            ));
            return;
        }
        match chosen {
            Some(HomeItem::Resume(mode)) => match self.ctx.records.progress(mode) {
                Some(s) => self.enter_session(s),
                None => self.message = Some("That attempt is no longer in progress.".into()),
            },
            Some(HomeItem::Mock) => {
                let seed = (self.ctx.seeds)();
                let request = PaperRequest::full_exam(&self.ctx.blueprint, seed);
                self.start_request(request);
            }
            Some(HomeItem::Drill) => self.open_picker(),
            Some(HomeItem::Missed) => {
                let ids: Vec<String> = self
                    .ctx
                    .records
                    .missed()
                    .into_iter()
                    .filter(|id| self.ctx.bank.get(id).is_some())
                    .collect();
                if ids.is_empty() {
                    self.message =
                        Some("No missed answers to review: finish an attempt first.".into());
                    return;
                }
                let request = PaperRequest {
                    mode: Mode::Review,
                    count: ids.len(),
                    scope: Scope::Questions { ids },
                    seed: (self.ctx.seeds)(),
                    time_limit_secs: None,
                    feedback: Feedback::Now,
                };
                self.start_request(request);
            }
            Some(HomeItem::History) => self.open_history(),
            Some(HomeItem::Quit) => self.quit = true,
            None => {}
        }
    }

    fn picker_key(&mut self, key: KeyEvent) {
        let Screen::Picker(p) = &mut self.screen else {
            return;
        };
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => p.selected = p.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                p.selected = (p.selected + 1).min(p.rows.len().saturating_sub(1));
            }
            KeyCode::PageUp => p.selected = p.selected.saturating_sub(10),
            KeyCode::PageDown => p.selected = (p.selected + 10).min(p.rows.len() - 1),
            KeyCode::Esc | KeyCode::Char('q') => self.go_home(),
            KeyCode::Enter => {
                let row = &p.rows[p.selected];
                if row.available == 0 {
                    self.message = Some(format!("{} has no questions in this bank.", row.label));
                    return;
                }
                let request = PaperRequest {
                    mode: Mode::Drill,
                    scope: row.scope.clone(),
                    count: row.available.min(DRILL_COUNT),
                    seed: (self.ctx.seeds)(),
                    time_limit_secs: None,
                    feedback: Feedback::Now,
                };
                self.start_request(request);
            }
            _ => {}
        }
    }

    fn exam_key(&mut self, key: KeyEvent) {
        let Some(s) = &self.session else {
            self.go_home();
            return;
        };
        let i = s.current;
        let options = s.paper.items[i].order.len();
        let last = i + 1 == s.len();
        let feedback_now = s.paper.feedback == Feedback::Now;
        let revealed = s.is_revealed(i);
        match key.code {
            // Letters a–f choose options, and nothing else.
            KeyCode::Char(c @ ('a'..='f' | 'A'..='F')) => {
                let pos = usize::from(c.to_ascii_lowercase() as u8 - b'a');
                if pos < options {
                    self.view.cursor = pos;
                    self.act(Action::Choose(pos));
                }
            }
            KeyCode::Up => self.view.cursor = self.view.cursor.saturating_sub(1),
            KeyCode::Down => self.view.cursor = (self.view.cursor + 1).min(options - 1),
            KeyCode::Char(' ') => self.act(Action::Choose(self.view.cursor)),
            KeyCode::Char('x') => self.act(Action::ToggleStrike(self.view.cursor)),
            KeyCode::Char('m') => self.act(Action::ToggleFlag),
            KeyCode::Enter if feedback_now => self.submit_answer(),
            KeyCode::Right | KeyCode::Char('n') if last => {
                if feedback_now && revealed {
                    self.end_exam();
                } else {
                    self.open_review();
                }
            }
            KeyCode::Right | KeyCode::Char('n') => self.act(Action::Next),
            KeyCode::Left | KeyCode::Char('p') => self.act(Action::Previous),
            KeyCode::Char('r') => self.open_review(),
            KeyCode::PageDown => self.view.page(1),
            KeyCode::PageUp => self.view.page(-1),
            KeyCode::Char('q') | KeyCode::Esc => {
                self.pause_session();
                self.session = None;
                self.go_home();
            }
            KeyCode::Char('?') => self.help = true,
            _ => {}
        }
    }

    /// The question indices the review screen lists under its filter.
    pub(crate) fn review_list(&self, filter: Filter) -> Vec<usize> {
        let Some(s) = &self.session else {
            return Vec::new();
        };
        (0..s.len())
            .filter(|&i| match filter {
                Filter::All => true,
                Filter::Incomplete => !s.is_answered(i),
                Filter::Flagged => s.responses[i].flagged,
            })
            .collect()
    }

    fn review_key(&mut self, key: KeyEvent) {
        let Screen::Review(r) = &self.screen else {
            return;
        };
        let (filter, selected, columns) = (r.filter, r.selected, r.columns.max(1));
        let list = self.review_list(filter);
        let len = list.len();
        let set = |app: &mut App, filter: Filter, selected: usize| {
            if let Screen::Review(r) = &mut app.screen {
                r.filter = filter;
                r.selected = selected;
            }
        };
        match key.code {
            KeyCode::Left => set(self, filter, selected.saturating_sub(1)),
            KeyCode::Right => set(self, filter, (selected + 1).min(len.saturating_sub(1))),
            KeyCode::Up => set(self, filter, selected.saturating_sub(columns)),
            KeyCode::Down => {
                let below = selected + columns;
                set(self, filter, if below < len { below } else { selected });
            }
            KeyCode::Tab => set(self, filter.next(), 0),
            KeyCode::Char('1') => set(self, Filter::All, 0),
            KeyCode::Char('2') => set(self, Filter::Incomplete, 0),
            KeyCode::Char('3') => set(self, Filter::Flagged, 0),
            KeyCode::Enter => {
                if let Some(&i) = list.get(selected) {
                    self.act(Action::GoTo(i));
                    if self.session.is_some() {
                        self.screen = Screen::Exam;
                    }
                }
            }
            KeyCode::Esc | KeyCode::Char('r') => self.screen = Screen::Exam,
            KeyCode::Char('e') => {
                self.screen = Screen::Confirm(Box::new(ReviewState {
                    filter,
                    selected,
                    columns,
                }))
            }
            KeyCode::Char('q') => {
                self.pause_session();
                self.session = None;
                self.go_home();
            }
            KeyCode::Char('?') => self.help = true,
            _ => {}
        }
    }

    fn confirm_key(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') => self.end_exam(),
            KeyCode::Char('n') | KeyCode::Esc => {
                if let Screen::Confirm(r) = std::mem::replace(&mut self.screen, Screen::Exam) {
                    self.screen = Screen::Review(*r);
                }
            }
            _ => {}
        }
    }

    fn results_key(&mut self, key: KeyEvent) {
        let Screen::Results(r) = &mut self.screen else {
            return;
        };
        match key.code {
            KeyCode::Char('t') => {
                r.show_tasks = !r.show_tasks;
                r.scroll = 0;
            }
            KeyCode::PageDown | KeyCode::Down => r.scroll = r.scroll.saturating_add(5),
            KeyCode::PageUp | KeyCode::Up => r.scroll = r.scroll.saturating_sub(5),
            KeyCode::Char('v') => {
                let Screen::Results(r) = std::mem::replace(&mut self.screen, Screen::Exam) else {
                    unreachable!("matched above");
                };
                let attempt = r.attempt.clone();
                self.open_answers(attempt, Back::Results(r));
            }
            KeyCode::Char('h') | KeyCode::Esc => self.go_home(),
            KeyCode::Char('q') => self.quit = true,
            KeyCode::Char('?') => self.help = true,
            _ => {}
        }
    }

    fn answers_key(&mut self, key: KeyEvent) {
        let Screen::Answers(a) = &mut self.screen else {
            return;
        };
        let len = a.visible().len();
        match key.code {
            KeyCode::Right | KeyCode::Char('n') if a.index + 1 < len => {
                a.index += 1;
                a.scroll = 0;
            }
            KeyCode::Left | KeyCode::Char('p') if a.index > 0 => {
                a.index -= 1;
                a.scroll = 0;
            }
            KeyCode::Down => a.scroll = scroll_to(a.scroll, 1, a.max_scroll),
            KeyCode::Up => a.scroll = scroll_to(a.scroll, -1, a.max_scroll),
            KeyCode::PageDown => a.scroll = scroll_to(a.scroll, 10, a.max_scroll),
            KeyCode::PageUp => a.scroll = scroll_to(a.scroll, -10, a.max_scroll),
            KeyCode::Tab | KeyCode::Char('1' | '2' | '3') => {
                a.filter = match key.code {
                    KeyCode::Char('1') => AnswerFilter::All,
                    KeyCode::Char('2') => AnswerFilter::Incorrect,
                    KeyCode::Char('3') => AnswerFilter::Flagged,
                    _ => match a.filter {
                        AnswerFilter::All => AnswerFilter::Incorrect,
                        AnswerFilter::Incorrect => AnswerFilter::Flagged,
                        AnswerFilter::Flagged => AnswerFilter::All,
                    },
                };
                a.index = 0;
                a.scroll = 0;
            }
            KeyCode::Esc | KeyCode::Char('q') => {
                let Screen::Answers(a) = std::mem::replace(&mut self.screen, Screen::Exam) else {
                    unreachable!("matched above");
                };
                match a.back {
                    Back::Results(r) => self.screen = Screen::Results(r),
                    Back::History => self.open_history(),
                    Back::Home => self.go_home(),
                }
            }
            KeyCode::Char('?') => self.help = true,
            _ => {}
        }
    }

    fn history_key(&mut self, key: KeyEvent) {
        let Screen::History(h) = &mut self.screen else {
            return;
        };
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => h.selected = h.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                h.selected = (h.selected + 1).min(h.attempts.len().saturating_sub(1));
            }
            KeyCode::Enter => {
                if let Some((a, _)) = h.attempts.get(h.selected) {
                    let a = a.clone();
                    self.open_answers(a, Back::History);
                }
            }
            KeyCode::Esc | KeyCode::Char('h') => self.go_home(),
            KeyCode::Char('q') => self.quit = true,
            KeyCode::Char('?') => self.help = true,
            _ => {}
        }
    }

    // ----- drawing -----

    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            screens::too_small(frame, self);
            return;
        }
        match self.screen() {
            ScreenKind::Home => screens::home::draw(frame, self),
            ScreenKind::Picker => screens::picker::draw(frame, self),
            ScreenKind::Exam => screens::exam::draw(frame, self),
            ScreenKind::Review => screens::review::draw(frame, self),
            ScreenKind::Confirm => screens::confirm::draw(frame, self),
            ScreenKind::Results => screens::results::draw(frame, self),
            ScreenKind::Answers => screens::answers::draw(frame, self),
            ScreenKind::History => screens::history::draw(frame, self),
        }
        if self.help {
            screens::help::draw(frame, self);
        }
    }
}

impl ExamView {
    fn scroll_by(&mut self, delta: i32) {
        self.scroll = scroll_to(self.scroll, delta, self.max_scroll);
    }

    fn page(&mut self, direction: i32) {
        let page = i32::from(self.body.height.saturating_sub(1).max(1));
        self.scroll_by(direction * page);
    }
}

fn scroll_to(scroll: u16, delta: i32, max: u16) -> u16 {
    (i32::from(scroll) + delta).clamp(0, i32::from(max)) as u16
}
