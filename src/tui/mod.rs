//! The terminal front end (ratatui). [`App`] routes input to the screens without a terminal
//! (tests drive it directly); [`run`] is the event loop around it.
//!
//! The TUI renders what the practice layer ([`crate::practice`]) holds and sends it what the
//! candidate does; it never builds a paper, computes a score or touches a file.

pub mod app;
pub mod fuzzing;
pub mod keys;
pub mod screens;
pub mod text;
pub mod theme;

pub use app::{App, MIN_HEIGHT, MIN_WIDTH, ScreenKind};
pub use screens::answers::AnswerFilter;
pub use screens::review::Filter;
pub use theme::Theme;

use crate::practice::Opening;
use crate::practice::Practice;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use std::io::{self, stdout};

/// Whether the environment asks for no colour (`NO_COLOR` set and not empty).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Runs the terminal UI until the candidate quits. The terminal is restored on every exit path,
/// a panic included (ratatui's panic hook, plus one that turns mouse capture off). Returns what
/// could not be saved, if anything.
pub fn run(practice: Practice, opening: Opening) -> io::Result<Option<String>> {
    let theme = Theme::new(!no_color_requested());
    let mut app = App::new(practice, opening, theme);
    let mut terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
    let result =
        execute!(stdout(), EnableMouseCapture).and_then(|()| event_loop(&mut terminal, &mut app));
    // Whatever happened, the attempt in progress is paused and saved.
    let unsaved = app.shutdown();
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result.map(|()| unsaved)
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
