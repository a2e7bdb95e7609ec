//! The terminal front end (ratatui). [`App`] holds the state and handles input without a
//! terminal (tests drive it directly); [`run`] is the event loop around it.
//!
//! The TUI reads the session and sends it actions; it never computes a score (the engine's
//! [`crate::exam::score`] does) or touches a file (the [`Records`] do).

pub mod app;
pub mod screens;
pub mod text;
pub mod theme;

pub use app::{AnswerFilter, App, Filter, MIN_HEIGHT, MIN_WIDTH, ScreenKind};
pub use theme::Theme;

use crate::bank::Bank;
use crate::blueprint::Blueprint;
use crate::clock::Clock;
use crate::exam::Session;
use crate::store::{Attempt, Records};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use std::io::{self, stdout};

/// What the screens work with.
pub struct Context {
    pub blueprint: Blueprint,
    pub bank: Bank,
    pub records: Box<dyn Records>,
    pub clock: Box<dyn Clock>,
    /// Seeds for new papers; the CLI passes a time-based source, tests a fixed one.
    pub seeds: Box<dyn FnMut() -> u64>,
}

/// The first screen.
pub enum Start {
    Home,
    /// A new or resumed session (resumed ones are paused: the app resumes the clock).
    Session(Session),
    /// The answer review of a finished attempt.
    AttemptReview(Attempt),
    History,
}

/// Whether the environment asks for no colour (`NO_COLOR` set and not empty).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Runs the terminal UI until the candidate quits. The terminal is restored on every exit path,
/// a panic included (ratatui's panic hook, plus one that turns mouse capture off).
pub fn run(context: Context, start: Start) -> io::Result<()> {
    let theme = Theme::new(!no_color_requested());
    let mut app = App::new(context, start, theme);
    let mut terminal = ratatui::init();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
    let result =
        execute!(stdout(), EnableMouseCapture).and_then(|()| event_loop(&mut terminal, &mut app));
    // Whatever happened, the exam in progress is paused and saved.
    app.shutdown();
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    terminal.draw(|frame| app.draw(frame))?;
    while !app.should_quit() {
        // Block until input or the next whole second of the exam clock: no busy polling.
        if event::poll(app.next_tick())? {
            match event::read()? {
                Event::Key(key) => app.handle_key(key),
                Event::Mouse(mouse) => app.handle_mouse(mouse),
                Event::Resize(..) => {}
                _ => continue,
            }
        }
        app.tick();
        if app.should_quit() {
            break;
        }
        terminal.draw(|frame| app.draw(frame))?;
    }
    Ok(())
}
