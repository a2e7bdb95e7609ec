//! The exam screen (mocks, drills and missed-answer review): the header with progress and the
//! clock, the question, its options, and — once revealed in a drill — the verdict, each option's
//! why, the explanation and the references.

use super::{header, hints};
use crate::bank::Question;
use crate::exam::{Feedback, Mode, Scope, Session};
use crate::tui::app::App;
use crate::tui::text::{self, wrap};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

/// Width of the option prefix: cursor, verdict, space, mark, space, letter, dot, space.
const PREFIX: usize = 10;

pub(crate) fn mode_label(session: &Session) -> String {
    let p = &session.paper;
    match (p.mode, &p.scope) {
        (Mode::Exam, _) => "Mock exam".into(),
        (Mode::Drill, Scope::Domain { domain }) => format!("Drill · domain {domain}"),
        (Mode::Drill, Scope::Task { task }) => format!("Drill · task {task}"),
        (Mode::Drill, _) => "Drill".into(),
        (Mode::Review, _) => "Missed-answer review".into(),
    }
}

/// The clock for the header — remaining time (timed) or elapsed time — and the pace mark.
fn clock_spans(session: &Session, theme: Theme) -> (Vec<Span<'static>>, Option<String>) {
    let Some(left) = session.remaining() else {
        return (
            vec![Span::raw(format!(
                "elapsed {} ",
                text::clock(session.elapsed)
            ))],
            None,
        );
    };
    let limit = session.paper.time_limit_secs.unwrap_or(0) * 1000;
    let style = if left <= 5 * 60_000 {
        theme.alert()
    } else if left <= 30 * 60_000 {
        theme.warn()
    } else {
        theme.header()
    };
    let per_question = limit / session.len().max(1) as u64;
    // Ahead when at least as many questions are answered as the time used would allow.
    let pace = session.elapsed.checked_div(per_question).map(|expected| {
        let mark = if session.answered_count() as u64 >= expected {
            "▲ ahead of"
        } else {
            "▼ behind"
        };
        format!(
            "{mark} pace ({:.1} min per question) ",
            per_question as f64 / 60_000.0
        )
    });
    (
        vec![Span::styled(format!(" {} left ", text::clock(left)), style)],
        pace,
    )
}

pub(crate) fn draw(frame: &mut Frame, app: &mut App) {
    let theme = app.theme;
    let [head, status, notice, body, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    let Some(session) = &app.session else {
        return;
    };
    let i = session.current;
    let item = &session.paper.items[i];
    let response = &session.responses[i];

    let (clock, pace) = clock_spans(session, theme);
    header(
        frame,
        head,
        theme,
        Line::raw(format!(
            " {} · {} · Question {} of {}",
            session.paper.exam,
            mode_label(session),
            i + 1,
            session.len(),
        )),
        Line::from(clock),
    );
    let mut left = vec![Span::raw(format!(
        " Answered {} of {} · Flagged {}",
        session.answered_count(),
        session.len(),
        session.flagged_count(),
    ))];
    if response.flagged {
        left.push(Span::raw("   "));
        left.push(Span::styled("⚑ FLAGGED", theme.flagged()));
    }
    let left = Line::from(left);
    let room = usize::from(status.width).saturating_sub(left.width() + 1);
    frame.render_widget(Paragraph::new(left), status);
    // The pace mark gives way to the counts on a narrow screen: first its detail, then itself.
    let pace = pace.and_then(|full| {
        let short = full.split(" (").next().unwrap_or_default().to_string() + " ";
        [full, short].into_iter().find(|p| text::width(p) <= room)
    });
    if let Some(pace) = pace {
        frame.render_widget(
            Paragraph::new(pace).alignment(ratatui::layout::Alignment::Right),
            status,
        );
    }

    if let Some(m) = &app.message {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {m}"), theme.error())),
            notice,
        );
    } else if let Some(n) = app.notice.as_ref().filter(|n| session.elapsed < n.until) {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" Notice: {}", n.text), theme.warn())),
            notice,
        );
    }

    let width = usize::from(body.width.saturating_sub(3)).max(10);
    let (lines, option_lines) = match app.ctx.bank.get(&item.id) {
        Some(q) => question_lines(session, q, app.view.cursor, width, theme),
        None => (
            vec![Line::styled(
                format!("Question {} is no longer in the bank.", item.id),
                theme.error(),
            )],
            Vec::new(),
        ),
    };
    let total = lines.len();
    let height = usize::from(body.height);
    let max_scroll = total.saturating_sub(height) as u16;
    let view = &mut app.view;
    view.max_scroll = max_scroll;
    view.scroll = view.scroll.min(max_scroll);
    view.body = body;
    view.option_lines = option_lines;
    frame.render_widget(
        Paragraph::new(lines).scroll((view.scroll, 0)),
        body.inner(ratatui::layout::Margin::new(1, 0)),
    );
    if max_scroll > 0 {
        let mut state = ScrollbarState::new(usize::from(max_scroll) + 1)
            .position(usize::from(view.scroll))
            .viewport_content_length(height);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            body,
            &mut state,
        );
    }

    let revealed = session.is_revealed(i);
    let mut keys: Vec<(&str, &str)> = vec![("a–f", "choose"), ("↑↓ space", "select")];
    if session.paper.feedback == Feedback::Now && !revealed {
        keys.push(("enter", "submit"));
    }
    keys.extend([
        ("x", "strike"),
        ("←→/p n", "move"),
        ("m", "flag"),
        ("r", "review"),
        ("q", "pause"),
        ("?", "keys"),
    ]);
    frame.render_widget(Paragraph::new(hints(theme, &keys)), foot);
}

/// The body of the question: its lines, and for each option its first and last line.
fn question_lines(
    session: &Session,
    q: &Question,
    cursor: usize,
    width: usize,
    theme: Theme,
) -> (Vec<Line<'static>>, Vec<(usize, usize)>) {
    let i = session.current;
    let item = &session.paper.items[i];
    let revealed = session.is_revealed(i);
    let multiple = item.required() > 1;
    let keys = item.key_positions();
    let mut lines: Vec<Line> = Vec::new();

    if revealed {
        let verdict = if session.is_correct(i) {
            Line::styled("✓ Correct", theme.correct())
        } else {
            Line::styled("✗ Incorrect", theme.wrong())
        };
        lines.push(verdict);
        lines.push(Line::raw(""));
    }
    lines.extend(wrap(&q.stem, width).into_iter().map(Line::raw));
    lines.push(Line::raw(""));
    if multiple {
        lines.push(Line::styled(
            format!("(Select {}.)", text::count_word(item.required())),
            theme.section(),
        ));
        lines.push(Line::raw(""));
    }
    let mut option_lines = Vec::new();
    for (pos, &file_index) in item.order.iter().enumerate() {
        let option = &q.options[file_index];
        let chosen = session.is_chosen(i, pos);
        let struck = session.is_struck(i, pos);
        let under_cursor = pos == cursor;
        let mark = match (multiple, chosen) {
            (true, true) => "[x]",
            (true, false) => "[ ]",
            (false, true) => "(•)",
            (false, false) => "( )",
        };
        let verdict = if !revealed {
            Span::raw(" ")
        } else if keys.contains(&pos) {
            Span::styled("✓", theme.correct())
        } else if chosen {
            Span::styled("✗", theme.wrong())
        } else {
            Span::raw(" ")
        };
        let mut text_style = theme.plain();
        if chosen {
            text_style = text_style.patch(theme.chosen());
        }
        if struck {
            text_style = text_style.patch(theme.struck());
        }
        let first = lines.len();
        for (n, row) in wrap(&option.text, width.saturating_sub(PREFIX).max(1))
            .into_iter()
            .enumerate()
        {
            let mut spans = Vec::new();
            if n == 0 {
                let letter_style = if under_cursor {
                    theme.cursor()
                } else {
                    text_style
                };
                spans.push(Span::styled(
                    if under_cursor { "›" } else { " " },
                    theme.key(),
                ));
                spans.push(verdict.clone());
                spans.push(Span::raw(" "));
                spans.push(Span::styled(
                    mark,
                    if chosen {
                        theme.chosen()
                    } else {
                        theme.plain()
                    },
                ));
                spans.push(Span::raw(" "));
                spans.push(Span::styled(
                    format!("{}.", text::letter(pos)),
                    letter_style,
                ));
                spans.push(Span::raw(" "));
            } else {
                spans.push(Span::raw(" ".repeat(PREFIX)));
            }
            spans.push(Span::styled(row, text_style));
            lines.push(Line::from(spans));
        }
        option_lines.push((first, lines.len() - 1));
        if revealed {
            why_lines(
                &mut lines,
                option,
                keys.contains(&pos),
                PREFIX,
                width,
                theme,
            );
        }
        lines.push(Line::raw(""));
    }
    if revealed {
        explanation_lines(&mut lines, q, width, theme);
    }
    (lines, option_lines)
}

/// An option's reason, indented under its text: "Right: …" for a key, "Wrong: …" otherwise.
pub(crate) fn why_lines(
    lines: &mut Vec<Line<'static>>,
    option: &crate::bank::AnswerOption,
    is_key: bool,
    indent: usize,
    width: usize,
    theme: Theme,
) {
    let label = if is_key { "Right" } else { "Wrong" };
    for row in wrap(
        &format!("{label}: {}", option.why),
        width.saturating_sub(indent).max(1),
    ) {
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(indent)),
            Span::styled(row, theme.dim()),
        ]));
    }
}

/// "Explanation" and "References" sections (shared with the answer review).
pub(crate) fn explanation_lines(
    lines: &mut Vec<Line<'static>>,
    q: &Question,
    width: usize,
    theme: Theme,
) {
    lines.push(Line::styled("Explanation", theme.section()));
    lines.extend(wrap(&q.explanation, width).into_iter().map(Line::raw));
    if !q.references.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("References", theme.section()));
        for r in &q.references {
            lines.extend(wrap(&format!("• {r}"), width).into_iter().map(Line::raw));
        }
    }
}
