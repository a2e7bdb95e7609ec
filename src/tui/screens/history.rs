//! Past attempts, newest first, and each domain's trend over them.

use super::{header, hints, layout, message, pad};
use crate::tui::app::{App, Screen};
use crate::tui::text;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub(crate) fn draw(frame: &mut Frame, app: &mut App) {
    let theme = app.theme;
    let [head, note, body, foot] = layout(frame.area());
    let Screen::History(h) = &app.screen else {
        return;
    };
    header(
        frame,
        head,
        theme,
        Line::raw(format!(" {} · History", app.ctx.blueprint.code)),
        Line::raw(format!(
            "{} attempt{} ",
            h.attempts.len(),
            if h.attempts.len() == 1 { "" } else { "s" }
        )),
    );
    message(frame, note, app);
    let width = usize::from(body.width.saturating_sub(2));
    let mut lines = Vec::new();
    if h.attempts.is_empty() {
        lines.push(Line::raw("No finished attempts yet."));
    } else {
        lines.push(Line::styled(
            format!(
                "   {}{}{:>7}{:>8}  {:<6}{:>9}",
                pad("Date", 18),
                pad("Mode", 8),
                "Score",
                "Scaled",
                "Result",
                "Time"
            ),
            theme.section(),
        ));
        // Keep room for the trend below the list.
        let domains = app.ctx.blueprint.domains.len();
        let room = usize::from(body.height).saturating_sub(domains + 4).max(3);
        let offset = h.selected.saturating_sub(room - 1);
        for (n, (a, card)) in h.attempts.iter().enumerate().skip(offset).take(room) {
            let selected = n == h.selected;
            let style = if selected {
                theme.cursor()
            } else {
                theme.plain()
            };
            lines.push(Line::from(vec![
                Span::raw(if selected { " › " } else { "   " }),
                Span::styled(
                    format!(
                        "{}{}{:>6.0}%{:>8}  ",
                        pad(&text::date(&a.finished), 18),
                        pad(a.mode().as_str(), 8),
                        card.percent,
                        card.scaled_estimate
                    ),
                    style,
                ),
                if card.passed {
                    Span::styled("PASS  ", theme.pass())
                } else {
                    Span::styled("FAIL  ", theme.fail())
                },
                Span::styled(format!("{:>9}", text::duration(card.seconds_used)), style),
            ]));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "Trend by domain, % correct (oldest → newest)",
            theme.section(),
        ));
        let name_w = width.saturating_sub(30).clamp(10, 40);
        for d in &app.ctx.blueprint.domains {
            let values: Vec<f64> = h
                .attempts
                .iter()
                .rev()
                .filter_map(|(_, c)| {
                    c.domains
                        .iter()
                        .find(|r| r.tally.id == d.number.to_string())
                        .map(|r| r.tally.percent())
                })
                .collect();
            // The newest attempts that fit.
            let room = width.saturating_sub(name_w + 8);
            let spark = text::sparkline(&values[values.len().saturating_sub(room)..]);
            let last = values
                .last()
                .map_or("  —".to_string(), |v| format!("{v:>3.0}%"));
            lines.push(Line::from(vec![
                Span::raw(pad(&format!("{} {}", d.number, d.name), name_w)),
                Span::raw(" "),
                Span::raw(format!("{last:>5} ")),
                Span::styled(spark, theme.bar()),
            ]));
        }
    }
    frame.render_widget(
        Paragraph::new(lines),
        body.inner(ratatui::layout::Margin::new(1, 0)),
    );
    frame.render_widget(
        Paragraph::new(hints(
            theme,
            &[
                ("↑↓", "move"),
                ("enter", "review answers"),
                ("esc", "home"),
                ("q", "quit"),
            ],
        )),
        foot,
    );
}
