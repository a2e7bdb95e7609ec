//! The router: a stack of screens over the practice layer. It turns keys and mouse events into
//! the top screen's commands, carries out the [`Intent`] the screen returns, reacts to what the
//! practice layer reports (saves, time warnings, a finished attempt), and draws the stack with
//! a footer made from the top screen's key table. Tests drive it without a terminal.

use super::keys;
use super::screens::{self, Intent, Screen, View};
use super::theme::Theme;
use crate::exam::Session;
use crate::practice::Opening;
use crate::practice::{Event, Finished, Practice};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent};
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Paragraph};
use std::time::Duration;

/// Below this size only "enlarge the terminal" is drawn, and keys wait.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

/// Which screen is on top (for tests and the loop).
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
    Progress,
    Search,
    Setup,
}

/// A time warning on screen until the attempt's clock reaches `until`.
struct Notice {
    text: String,
    until: u64,
}

pub struct App {
    practice: Practice,
    theme: Theme,
    /// Bottom to top; never empty.
    stack: Vec<Box<dyn Screen>>,
    notice: Option<Notice>,
    /// A line of information or error, cleared by the next key.
    message: Option<String>,
    help: bool,
    quit: bool,
    /// The size of the last frame: keys wait while it is too small to show what they do.
    area: Rect,
}

impl App {
    pub fn new(practice: Practice, opening: Opening, theme: Theme) -> App {
        let first: Box<dyn Screen> = match opening {
            Opening::Home => Box::new(screens::home::Home::new(&practice)),
            Opening::Sitting => Box::new(screens::exam::Exam::new(&practice)),
            Opening::AttemptReview(scored) => {
                Box::new(screens::answers::Answers::new(scored.attempt))
            }
        };
        App {
            practice,
            theme,
            stack: vec![first],
            notice: None,
            message: None,
            help: false,
            quit: false,
            area: Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT),
        }
    }

    pub fn screen(&self) -> ScreenKind {
        self.top().kind()
    }

    pub fn practice(&self) -> &Practice {
        &self.practice
    }

    /// The attempt being sat, if any.
    pub fn session(&self) -> Option<&Session> {
        self.practice.session()
    }

    /// The error or information line, if one is showing.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// Pauses and saves the attempt in progress (the program is closing). Returns what could
    /// not be saved, if anything.
    pub fn shutdown(mut self) -> Option<String> {
        let events = self.practice.pause();
        self.handle_events(events);
        self.practice.unsaved().map(str::to_string)
    }

    /// How long the loop may wait for input before the screen needs a redraw.
    pub fn next_tick(&self) -> Duration {
        self.practice.next_tick()
    }

    /// The passing of time: the practice layer advances the clock and says what happened.
    pub fn tick(&mut self) {
        let events = self.practice.tick();
        self.handle_events(events);
    }

    fn top(&self) -> &dyn Screen {
        self.stack
            .last()
            .expect("the stack is never empty")
            .as_ref()
    }

    fn too_small(&self) -> bool {
        self.area.width < MIN_WIDTH || self.area.height < MIN_HEIGHT
    }

    // ----- input -----

    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind != KeyEventKind::Press {
            return;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            let events = self.practice.pause();
            self.handle_events(events);
            self.quit = true;
            return;
        }
        if self.too_small() {
            // Nothing the key would change can be seen: it does nothing.
            return;
        }
        self.message = None;
        if self.help {
            self.help = false;
            return;
        }
        if key.code == KeyCode::Char('?') {
            self.help = true;
            return;
        }
        // Bring the clock up to date first: if time ran out, the key does not count.
        let before = self.stack.len();
        let kind = self.screen();
        self.tick();
        if self.screen() != kind || self.stack.len() != before {
            return;
        }
        let bindings = self.top().bindings(&self.practice);
        let Some(cmd) = keys::find(&bindings, &key).map(|b| b.cmd) else {
            return;
        };
        let top = self.stack.last_mut().expect("the stack is never empty");
        let intent = top.on(cmd, key, &self.practice);
        self.carry_out(intent);
    }

    pub fn handle_mouse(&mut self, mouse: MouseEvent) {
        if self.too_small() || self.help {
            return;
        }
        let top = self.stack.last_mut().expect("the stack is never empty");
        let intent = top.on_mouse(mouse, &self.practice);
        self.carry_out(intent);
    }

    fn carry_out(&mut self, intent: Intent) {
        match intent {
            Intent::None => {}
            Intent::Message(m) => self.message = Some(m),
            Intent::Act(action) => {
                let events = self.practice.act(action);
                self.handle_events(events);
            }
            Intent::Reveal => match self.practice.reveal() {
                Ok(events) => self.handle_events(events),
                Err(e) => self.message = Some(sentence(&e.to_string())),
            },
            Intent::End => {
                let events = self.practice.end();
                self.handle_events(events);
            }
            Intent::Pause => {
                let events = self.practice.pause();
                self.go_home();
                self.handle_events(events);
            }
            Intent::Start(request, policy) => {
                let started = self.practice.start(request, policy);
                self.enter(started);
            }
            Intent::Resume(mode) => {
                let resumed = self.practice.resume(Some(mode));
                self.enter(resumed);
            }
            Intent::Open(screen) => self.stack.push(screen),
            Intent::Replace(screen) => {
                self.stack.pop();
                self.stack.push(screen);
            }
            Intent::Back => {
                self.stack.pop();
                if self.stack.is_empty() {
                    self.go_home();
                }
            }
            Intent::Home => self.go_home(),
            Intent::Quit => self.quit = true,
            Intent::Many(intents) => {
                for intent in intents {
                    self.carry_out(intent);
                }
            }
        }
    }

    /// After a start or resume: the exam screen, or the reason there is none.
    fn enter(&mut self, outcome: Result<Vec<Event>, crate::practice::PracticeError>) {
        match outcome {
            Ok(events) => {
                self.notice = None;
                self.stack = vec![Box::new(screens::exam::Exam::new(&self.practice))];
                self.handle_events(events);
            }
            Err(e) => self.message = Some(format!("Cannot start: {e}.")),
        }
    }

    fn handle_events(&mut self, events: Vec<Event>) {
        for event in events {
            match event {
                Event::Saved => {}
                Event::SaveFailed(m) => self.message = Some(m),
                Event::TimeWarning { minutes_left } => {
                    let elapsed = self.practice.session().map_or(0, |s| s.elapsed);
                    self.notice = Some(Notice {
                        text: Event::time_warning_text(minutes_left),
                        until: elapsed + 60_000,
                    });
                }
                Event::Finished(finished) => self.show_results(*finished),
            }
        }
    }

    fn show_results(&mut self, finished: Finished) {
        self.notice = None;
        self.stack = vec![Box::new(screens::results::Results::new(finished))];
    }

    fn go_home(&mut self) {
        self.stack = vec![Box::new(screens::home::Home::new(&self.practice))];
    }

    // ----- drawing -----

    pub fn draw(&mut self, frame: &mut Frame) {
        self.area = frame.area();
        if self.too_small() {
            screens::too_small(frame, self.theme);
            return;
        }
        // Everything but the last row is the screens'; the last row is the footer.
        let area = self.area;
        let body = Rect::new(area.x, area.y, area.width, area.height - 1);
        let foot = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
        // An overlay shows the screen below it too.
        let from = self
            .stack
            .iter()
            .rposition(|s| !s.is_overlay())
            .unwrap_or(0);
        for screen in &mut self.stack[from..] {
            screen.layout(body, &self.practice, self.theme);
        }
        self.render(frame, body, foot);
    }

    fn render(&self, frame: &mut Frame, body: Rect, foot: Rect) {
        let notice = self
            .notice
            .as_ref()
            .filter(|n| self.practice.session().is_some_and(|s| s.elapsed < n.until))
            .map(|n| n.text.as_str());
        let view = View {
            practice: &self.practice,
            theme: self.theme,
            message: self.message.as_deref(),
            notice,
        };
        let from = self
            .stack
            .iter()
            .rposition(|s| !s.is_overlay())
            .unwrap_or(0);
        for screen in &self.stack[from..] {
            screen.render(frame, body, &view);
        }
        let bindings = self.top().bindings(&self.practice);
        frame.render_widget(
            Paragraph::new(keys::footer(self.theme, &bindings, foot.width)),
            foot,
        );
        if self.help {
            let mut lines = keys::help_lines(self.theme, &bindings);
            lines.push(ratatui::text::Line::styled(
                "any key closes this",
                self.theme.dim(),
            ));
            let area = screens::centered(body, 72, screens::cells(lines.len()).saturating_add(2));
            frame.render_widget(Clear, area);
            frame.render_widget(
                Paragraph::new(lines).block(Block::bordered().title(" Keys ")),
                area,
            );
        }
    }
}

/// An error message as a sentence on screen: capital first letter, full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{}.", chars.as_str())
}
