//! One module per screen; each draws from the [`App`]'s state with the [`Theme`]'s styles.

pub mod answers;
pub mod confirm;
pub mod exam;
pub mod help;
pub mod history;
pub mod home;
pub mod picker;
pub mod results;
pub mod review;

use super::app::{App, MIN_HEIGHT, MIN_WIDTH};
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Header, notice line, body, footer.
pub(crate) fn layout(area: Rect) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The header bar: `left` text, `right` text aligned right, reversed.
/// The left side is cut short so that it never runs into the right side.
pub(crate) fn header(frame: &mut Frame, area: Rect, theme: Theme, left: Line, right: Line) {
    frame.render_widget(Paragraph::new("").style(theme.header()), area);
    let room = area.width.saturating_sub(right.width() as u16 + 1);
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

/// The footer: key hints.
pub(crate) fn hints(theme: Theme, keys: &[(&str, &str)]) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, (key, what)) in keys.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(key.to_string(), theme.key()));
        spans.push(Span::raw(format!(" {what}")));
    }
    Line::from(spans)
}

/// The message line: the app's error/information message, if any.
pub(crate) fn message(frame: &mut Frame, area: Rect, app: &App) {
    if let Some(m) = &app.message {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {m}"), app.theme.error())),
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

pub(crate) fn too_small(frame: &mut Frame, app: &App) {
    let text = format!("Enlarge the terminal to {MIN_WIDTH}×{MIN_HEIGHT}");
    let area = frame.area();
    let y = area.height / 2;
    let line = Rect::new(area.x, area.y + y, area.width, area.height - y);
    frame.render_widget(
        Paragraph::new(text)
            .style(app.theme.warn())
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        line,
    );
}
