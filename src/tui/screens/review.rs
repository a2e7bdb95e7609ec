//! The review screen: every question's number with its state, filtered All / Incomplete /
//! Flagged; jump to one, or end the exam.

use super::{header, hints, layout, message, tabs};
use crate::tui::app::{App, Filter, ReviewState, Screen};
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Cells per grid entry: " 12 ●⚑ ".
const CELL: u16 = 8;

pub(crate) fn draw(frame: &mut Frame, app: &mut App) {
    let theme = app.theme;
    let [head, note, body, foot] = layout(frame.area());
    let r: &ReviewState = match &app.screen {
        Screen::Review(r) => r,
        Screen::Confirm(r) => r,
        _ => return,
    };
    let (filter, selected) = (r.filter, r.selected);
    let list = app.review_list(filter);
    let counts = [
        app.review_list(Filter::All).len(),
        app.review_list(Filter::Incomplete).len(),
        app.review_list(Filter::Flagged).len(),
    ];
    let Some(s) = &app.session else { return };
    header(
        frame,
        head,
        theme,
        Line::raw(format!(
            " {} · Review · Answered {} of {} · Flagged {}",
            s.paper.exam,
            s.answered_count(),
            s.len(),
            s.flagged_count()
        )),
        Line::raw(match s.remaining() {
            Some(left) => format!("{} left ", crate::tui::text::clock(left)),
            None => String::new(),
        }),
    );
    message(frame, note, app);

    let columns = usize::from((body.width.saturating_sub(2) / CELL).max(1));
    let mut lines = vec![
        tabs(
            theme,
            &[
                (format!("All ({})", counts[0]), filter == Filter::All),
                (
                    format!("Incomplete ({})", counts[1]),
                    filter == Filter::Incomplete,
                ),
                (
                    format!("Flagged ({})", counts[2]),
                    filter == Filter::Flagged,
                ),
            ],
        ),
        Line::styled(
            " ● answered   ○ unanswered   ⚑ flagged   ▸ current question",
            theme.dim(),
        ),
        Line::raw(""),
    ];
    if list.is_empty() {
        lines.push(Line::raw(" No questions under this filter."));
    }
    let grid_rows = usize::from(body.height).saturating_sub(lines.len()).max(1);
    let selected_row = selected / columns;
    let first_row = selected_row.saturating_sub(grid_rows - 1);
    for (row, chunk) in list
        .chunks(columns)
        .enumerate()
        .skip(first_row)
        .take(grid_rows)
    {
        let mut spans = vec![Span::raw(" ")];
        for (col, &i) in chunk.iter().enumerate() {
            let at = row * columns + col;
            let state = if s.is_answered(i) { "●" } else { "○" };
            let flag = if s.responses[i].flagged { "⚑" } else { " " };
            let current = if i == s.current { "▸" } else { " " };
            let style = if at == selected {
                theme.cursor()
            } else if s.responses[i].flagged {
                theme.flagged()
            } else if s.is_answered(i) {
                theme.plain()
            } else {
                theme.warn()
            };
            spans.push(Span::styled(
                format!("{current}{:>3} {state}{flag}", i + 1),
                style,
            ));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), body);
    match &mut app.screen {
        Screen::Review(r) => r.columns = columns,
        Screen::Confirm(r) => r.columns = columns,
        _ => {}
    }
    frame.render_widget(
        Paragraph::new(hints(
            theme,
            &[
                ("←↑↓→", "move"),
                ("enter", "go to"),
                ("tab 1-3", "filter"),
                ("e", "end exam"),
                ("esc", "back"),
            ],
        )),
        foot,
    );
}
