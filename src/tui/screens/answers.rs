//! The answer review of a finished attempt: each question with the candidate's choice, the key,
//! every option's why, the explanation and the references.

use super::{hints, layout, message, tabs};
use crate::tui::app::{AnswerFilter, App, Screen};
use crate::tui::text::{self, wrap};
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Width of the option prefix: key mark, space, choice mark, space, letter, dot, space.
const PREFIX: usize = 9;

pub(crate) fn draw(frame: &mut Frame, app: &mut App) {
    let theme = app.theme;
    let [head, note, body, foot] = layout(frame.area());
    let Screen::Answers(a) = &app.screen else {
        return;
    };
    let s = &a.attempt.session;
    let visible = a.visible();
    super::attempt_header(frame, head, theme, &a.attempt, "Answer review");
    message(frame, note, app);

    let width = usize::from(body.width.saturating_sub(2)).max(10);
    let incorrect = (0..s.len()).filter(|&i| !s.is_correct(i)).count();
    let mut lines = vec![
        tabs(
            theme,
            &[
                (format!("All ({})", s.len()), a.filter == AnswerFilter::All),
                (
                    format!("Incorrect ({incorrect})"),
                    a.filter == AnswerFilter::Incorrect,
                ),
                (
                    format!("Flagged ({})", s.flagged_count()),
                    a.filter == AnswerFilter::Flagged,
                ),
            ],
        ),
        Line::raw(""),
    ];
    match visible.get(a.index).copied() {
        None => lines.push(Line::raw("No questions under this filter.")),
        Some(i) => {
            let item = &s.paper.items[i];
            let response = &s.responses[i];
            let mut top = vec![Span::raw(format!(
                "Question {} of {} · {} · {} of {} shown   ",
                i + 1,
                s.len(),
                item.id,
                a.index + 1,
                visible.len(),
            ))];
            top.push(if s.is_correct(i) {
                Span::styled("✓ Correct", theme.correct())
            } else if response.chosen.is_empty() {
                Span::styled("✗ Unanswered", theme.wrong())
            } else {
                Span::styled("✗ Incorrect", theme.wrong())
            });
            if response.flagged {
                top.push(Span::raw("  "));
                top.push(Span::styled("⚑ flagged", theme.flagged()));
            }
            lines.push(Line::from(top));
            lines.push(Line::raw(""));
            match app.ctx.bank.get(&item.id) {
                None => lines.push(Line::styled(
                    "This question is no longer in the bank.",
                    theme.error(),
                )),
                Some(q) => {
                    lines.extend(wrap(&q.stem, width).into_iter().map(Line::raw));
                    lines.push(Line::raw(""));
                    let multiple = item.required() > 1;
                    if multiple {
                        lines.push(Line::styled(
                            format!("(Select {}.)", text::count_word(item.required())),
                            theme.section(),
                        ));
                    }
                    lines.push(Line::styled(
                        "✓ the key   ✗ your wrong choice   [x]/(•) your choice",
                        theme.dim(),
                    ));
                    lines.push(Line::raw(""));
                    let keys = item.key_positions();
                    for (pos, &f) in item.order.iter().enumerate() {
                        let option = &q.options[f];
                        let chosen = s.is_chosen(i, pos);
                        let is_key = keys.contains(&pos);
                        let verdict = if is_key {
                            Span::styled("✓", theme.correct())
                        } else if chosen {
                            Span::styled("✗", theme.wrong())
                        } else {
                            Span::raw(" ")
                        };
                        let mark = match (multiple, chosen) {
                            (true, true) => "[x]",
                            (true, false) => "[ ]",
                            (false, true) => "(•)",
                            (false, false) => "( )",
                        };
                        let style = if chosen {
                            theme.chosen()
                        } else {
                            theme.plain()
                        };
                        let rows = wrap(&option.text, width.saturating_sub(PREFIX).max(1));
                        for (n, row) in rows.into_iter().enumerate() {
                            let mut spans = if n == 0 {
                                vec![
                                    verdict.clone(),
                                    Span::raw(" "),
                                    Span::styled(mark, style),
                                    Span::raw(format!(" {}. ", text::letter(pos))),
                                ]
                            } else {
                                vec![Span::raw(" ".repeat(PREFIX))]
                            };
                            spans.push(Span::styled(row, style));
                            lines.push(Line::from(spans));
                        }
                        super::exam::why_lines(&mut lines, option, is_key, PREFIX, width, theme);
                        lines.push(Line::raw(""));
                    }
                    super::exam::explanation_lines(&mut lines, q, width, theme);
                }
            }
        }
    }
    let max_scroll = lines.len().saturating_sub(usize::from(body.height)) as u16;
    let scroll = a.scroll.min(max_scroll);
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)),
        body.inner(ratatui::layout::Margin::new(1, 0)),
    );
    if let Screen::Answers(a) = &mut app.screen {
        a.scroll = scroll;
        a.max_scroll = max_scroll;
    }
    frame.render_widget(
        Paragraph::new(hints(
            theme,
            &[
                ("←→/p n", "move"),
                ("tab 1-3", "filter"),
                ("↑↓ PgUp/PgDn", "scroll"),
                ("esc", "back"),
            ],
        )),
        foot,
    );
}
