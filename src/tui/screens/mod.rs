//! One file per screen. Each screen owns its state, its key table ([`Binding`]s: what keys do,
//! what the footer and `?` show), its key handling and its rendering; rendering takes `&self`.
//! A screen never changes the attempt itself: it returns an [`Intent`] and the router
//! ([`super::app::App`]) carries it out through the practice layer.

pub mod answers;
pub mod confirm;
pub mod exam;
pub mod history;
pub mod home;
pub mod picker;
pub mod progress;
pub mod results;
pub mod review;
pub mod search;
pub mod setup;

use super::app::{MIN_HEIGHT, MIN_WIDTH, ScreenKind};
use super::keys::{Binding, Cmd};
use super::theme::Theme;
use crate::exam::{Action, Mode};
use crate::practice::{IfInProgress, NewAttempt, Practice};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyEvent, MouseEvent, MouseEventKind};
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// What a screen asks the router to do after a key.
pub(crate) enum Intent {
    None,
    /// Show a line of information or error.
    Message(String),
    /// An action on the attempt being sat.
    Act(Action),
    /// Drills: judge the current answer.
    Reveal,
    /// End the attempt being sat and show its results.
    End,
    /// Pause the attempt being sat and go home.
    Pause,
    Start(NewAttempt, IfInProgress),
    Resume(Mode),
    /// Open a screen on top of this one.
    Open(Box<dyn Screen>),
    /// Put a screen in place of the top one.
    Replace(Box<dyn Screen>),
    /// Close this screen (home when it was the last).
    Back,
    Home,
    Quit,
    /// Several of the above, in order.
    Many(Vec<Intent>),
}

/// What every screen may read while drawing.
pub(crate) struct View<'a> {
    pub practice: &'a Practice,
    pub theme: Theme,
    /// The line of information or error, cleared by the next key.
    pub message: Option<&'a str>,
    /// A time warning, shown for a minute.
    pub notice: Option<&'a str>,
}

pub(crate) trait Screen {
    fn kind(&self) -> ScreenKind;
    /// The keys this screen answers to now, in footer order.
    fn bindings(&self, practice: &Practice) -> Vec<Binding>;
    /// What a bound key does. `key` tells which letter or digit it was.
    fn on(&mut self, cmd: Cmd, key: KeyEvent, practice: &Practice) -> Intent;
    fn on_mouse(&mut self, _mouse: MouseEvent, _practice: &Practice) -> Intent {
        Intent::None
    }
    /// Works out where things go in `area` for the next frame (wrapping, scrolling, what the
    /// mouse can hit); called before every render.
    fn layout(&mut self, _area: Rect, _practice: &Practice, _theme: Theme) {}
    fn render(&self, frame: &mut Frame, area: Rect, view: &View);
    /// Drawn over the screen below it (a dialog), which stays visible.
    fn is_overlay(&self) -> bool {
        false
    }
}

/// Header, message line, body (the router draws the footer below).
pub(crate) fn layout(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area)
}

/// The header bar: `left` text, `right` text aligned right, reversed.
/// The left side is cut short so that it never runs into the right side.
pub(crate) fn header(frame: &mut Frame, area: Rect, theme: Theme, left: Line, right: Line) {
    frame.render_widget(Paragraph::new("").style(theme.header()), area);
    let room = area
        .width
        .saturating_sub(cells(right.width()).saturating_add(1));
    let left_area = Rect::new(area.x, area.y, room, area.height);
    frame.render_widget(Paragraph::new(left).style(theme.header()), left_area);
    frame.render_widget(
        Paragraph::new(right)
            .style(theme.header())
            .alignment(Alignment::Right),
        area,
    );
}

/// The header of a screen about a finished attempt: exam, screen name, mode, and when it ended.
pub(crate) fn attempt_header(
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
    attempt: &crate::store::Attempt,
    screen: &str,
) {
    let session = &attempt.session;
    header(
        frame,
        area,
        theme,
        Line::raw(format!(
            " {} · {screen} · {}",
            session.paper.exam,
            exam::mode_label(session)
        )),
        Line::raw(format!("{} ", super::text::date(&attempt.finished))),
    );
}

/// The message line: the router's error/information message, if any.
pub(crate) fn message(frame: &mut Frame, area: Rect, view: &View) {
    if let Some(m) = view.message {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {m}"), view.theme.error())),
            area,
        );
    }
}

/// Filter tabs: "[1] All (75)" with the active one reversed.
pub(crate) fn tabs(theme: Theme, tabs: &[(String, bool)]) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for (i, (label, active)) in tabs.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        let label = format!("[{}] {label}", i + 1);
        spans.push(if *active {
            Span::styled(format!("▸{label}"), theme.cursor())
        } else {
            Span::raw(format!(" {label}"))
        });
    }
    Line::from(spans)
}

/// Cuts `s` to `width` cells, ending with "…" when cut.
pub(crate) fn fit(s: &str, width: usize) -> String {
    if super::text::width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = super::text::width(c.encode_utf8(&mut [0; 4]));
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `s` padded or cut to exactly `width` cells.
/// A note of any length as lines that fit `width` cells, each indented by one space.
pub(crate) fn wrapped_note(text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    crate::tui::text::wrap(text, usize::from(width.saturating_sub(2)))
        .into_iter()
        .map(|row| Line::styled(format!(" {row}"), style))
        .collect()
}

pub(crate) fn pad(s: &str, width: usize) -> String {
    let s = fit(s, width);
    let w = super::text::width(&s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// A rectangle of at most `width`×`height` centred in `area`.
pub(crate) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub(crate) fn too_small(frame: &mut Frame, theme: Theme) {
    let text = format!("Enlarge the terminal to {MIN_WIDTH}×{MIN_HEIGHT} (ctrl+c saves and quits)");
    let area = frame.area();
    let y = area.height / 2;
    let line = Rect::new(area.x, area.y + y, area.width, area.height - y);
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.warn())
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        line,
    );
}

/// `scroll` moved by `delta` lines, kept within 0..=max.
pub(crate) fn scroll_to(scroll: u16, delta: i32, max: u16) -> u16 {
    let moved = (i32::from(scroll) + delta).clamp(0, i32::from(max));
    u16::try_from(moved).unwrap_or(max)
}

/// Lines one notch of the mouse wheel scrolls.
pub(crate) const WHEEL_LINES: i32 = 3;

/// `scroll` after a wheel event (unchanged by any other mouse event), kept within 0..=max.
pub(crate) fn wheel_scroll(scroll: u16, kind: MouseEventKind, max: u16) -> u16 {
    match kind {
        MouseEventKind::ScrollDown => scroll_to(scroll, WHEEL_LINES, max),
        MouseEventKind::ScrollUp => scroll_to(scroll, -WHEEL_LINES, max),
        _ => scroll,
    }
}

/// A count of lines or cells as a terminal coordinate (terminals are far smaller than u16).
pub(crate) fn cells(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
