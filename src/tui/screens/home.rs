//! The home screen: the exam, the bank, the last result, and what to do next.

use super::{header, hints, layout, message};
use crate::tui::app::{App, Screen};
use crate::tui::text;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub(crate) fn draw(frame: &mut Frame, app: &mut App) {
    let theme = app.theme;
    let [head, note, body, foot] = layout(frame.area());
    let Screen::Home(home) = &app.screen else {
        return;
    };
    let bp = &app.ctx.blueprint;
    header(
        frame,
        head,
        theme,
        Line::raw(format!(" proctor · {} practice exams", bp.code)),
        Line::raw(format!("{} ", app.ctx.bank.source)),
    );
    message(frame, note, app);

    let mut lines = vec![
        Line::styled(format!("{} ({})", bp.name, bp.code), theme.title()),
        Line::raw(format!(
            "{} questions in the bank · a mock is {} questions in {} minutes",
            app.ctx.bank.len(),
            bp.questions,
            bp.minutes
        )),
        Line::raw(""),
    ];
    match &home.last {
        Some((attempt, card)) => {
            let verdict = if card.passed {
                Span::styled("PASS", theme.pass())
            } else {
                Span::styled("FAIL", theme.fail())
            };
            lines.push(Line::from(vec![
                Span::raw(format!(
                    "Last result: {} · {} · {}/{} ({:.0}%) · estimated scaled score {} · ",
                    text::date(&attempt.finished),
                    attempt.mode().as_str(),
                    card.correct,
                    card.total,
                    card.percent,
                    card.scaled_estimate
                )),
                verdict,
            ]));
        }
        None => lines.push(Line::styled("No finished attempts yet.", theme.dim())),
    }
    lines.push(Line::raw(""));
    for (n, item) in home.items.iter().enumerate() {
        let (key, label) = item.label();
        let selected = n == home.selected;
        lines.push(Line::from(vec![
            Span::raw(if selected { " › " } else { "   " }),
            Span::styled(format!("[{key}]"), theme.key()),
            Span::raw(" "),
            Span::styled(
                label,
                if selected {
                    theme.cursor()
                } else {
                    theme.plain()
                },
            ),
        ]));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        body.inner(ratatui::layout::Margin::new(2, 1)),
    );
    frame.render_widget(
        Paragraph::new(hints(
            theme,
            &[
                ("↑↓", "move"),
                ("enter", "open"),
                ("letter", "shortcut"),
                ("q", "quit"),
            ],
        )),
        foot,
    );
}
