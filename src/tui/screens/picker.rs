//! The drill picker: the domains and their task statements, with question counts.

use super::{fit, header, hints, layout, message};
use crate::tui::app::{App, DRILL_COUNT, Screen};
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub(crate) fn draw(frame: &mut Frame, app: &mut App) {
    let theme = app.theme;
    let [head, note, body, foot] = layout(frame.area());
    let Screen::Picker(p) = &app.screen else {
        return;
    };
    header(
        frame,
        head,
        theme,
        Line::raw(format!(
            " Drill a domain or a task · up to {DRILL_COUNT} questions, feedback after each"
        )),
        Line::raw(""),
    );
    message(frame, note, app);
    let height = usize::from(body.height);
    let offset = p.selected.saturating_sub(height.saturating_sub(1));
    let width = usize::from(body.width).saturating_sub(12);
    let lines: Vec<Line> = p
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(n, row)| {
            let indent = if row.is_domain { "" } else { "   " };
            let label = fit(&format!("{indent}{}", row.label), width);
            let style = match (n == p.selected, row.is_domain) {
                (true, _) => theme.cursor(),
                (false, true) => theme.title(),
                (false, false) => theme.plain(),
            };
            Line::from(vec![
                Span::raw(if n == p.selected { " › " } else { "   " }),
                Span::styled(label, style),
                Span::styled(format!(" ({})", row.available), theme.dim()),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
    frame.render_widget(
        Paragraph::new(hints(
            theme,
            &[("↑↓", "move"), ("enter", "start drill"), ("esc", "back")],
        )),
        foot,
    );
}
