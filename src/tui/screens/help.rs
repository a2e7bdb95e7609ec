//! The key list (`?`).

use super::centered;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

const KEYS: &[(&str, &str)] = &[
    ("a–f", "choose an option (toggle in multiple response)"),
    ("↑ ↓", "move the option cursor"),
    ("space", "toggle the option under the cursor"),
    ("x", "strike out the option under the cursor"),
    ("→ n", "next question (on the last: review screen)"),
    ("← p", "previous question"),
    ("m", "mark (flag) for review"),
    ("r", "review screen: tab/1-3 filter, enter jump, e end"),
    ("enter", "drills: submit the answer and show the verdict"),
    ("PgUp PgDn", "scroll long questions (or the mouse wheel)"),
    ("q esc", "pause and go home (the exam is saved)"),
    ("ctrl+c", "pause and quit at once"),
];

pub(crate) fn draw(frame: &mut Frame, app: &mut App) {
    let theme = app.theme;
    let area = centered(frame.area(), 72, KEYS.len() as u16 + 4);
    let mut lines: Vec<Line> = KEYS
        .iter()
        .map(|(k, what)| {
            Line::from(vec![
                Span::styled(format!("{k:>10}  "), theme.key()),
                Span::raw(*what),
            ])
        })
        .collect();
    lines.push(Line::styled("any key closes this", theme.dim()));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(" Keys ")),
        area,
    );
}
