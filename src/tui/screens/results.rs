//! The results: score, the estimated scaled score, pass/fail, per-domain (and per-task) table,
//! time and answer changes.

use super::{hints, layout, message, pad};
use crate::exam::Status;
use crate::tui::app::{App, Screen};
use crate::tui::text;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const BAR: usize = 10;

pub(crate) fn draw(frame: &mut Frame, app: &mut App) {
    let theme = app.theme;
    let [head, note, body, foot] = layout(frame.area());
    let Screen::Results(r) = &app.screen else {
        return;
    };
    let card = &r.card;
    let session = &r.attempt.session;
    super::attempt_header(frame, head, theme, &r.attempt, "Results");
    message(frame, note, app);

    let width = usize::from(body.width.saturating_sub(2));
    let mut lines = Vec::new();
    if session.status == Status::TimeUp {
        lines.push(Line::styled(
            "Time ran out: the exam ended itself.",
            theme.warn(),
        ));
    }
    if let Some(e) = &r.save_error {
        lines.push(Line::styled(e.clone(), theme.error()));
    }
    let verdict = if card.passed {
        Span::styled(" PASS ", theme.pass())
    } else {
        Span::styled(" FAIL ", theme.fail())
    };
    lines.push(Line::from(vec![
        Span::styled(
            format!(
                "{}/{} correct ({:.1}%)",
                card.correct, card.total, card.percent
            ),
            theme.title(),
        ),
        Span::raw("   "),
        verdict,
    ]));
    lines.push(Line::raw(format!(
        "Estimated scaled score {} (an estimate; pass mark {}, range {}–{})",
        card.scaled_estimate,
        card.pass_mark,
        app.ctx.blueprint.scaled.min,
        app.ctx.blueprint.scaled.max
    )));
    lines.push(Line::raw(""));

    // Domain / weight / correct / percent / bar / competency.
    let fixed = 7 + 8 + 6 + BAR + 2 + 19;
    let name_w = width.saturating_sub(fixed).max(8);
    lines.push(Line::styled(
        format!(
            "{}{:>7}{:>8}{:>6}  {}  {}",
            pad("Domain", name_w),
            "Weight",
            "Correct",
            "%",
            pad("", BAR),
            "Competency"
        ),
        theme.section(),
    ));
    for d in &card.domains {
        let t = &d.tally;
        let (competency, style) = if d.meets_competencies {
            ("Meets Competencies", theme.correct())
        } else {
            ("Needs Improvement", theme.wrong())
        };
        lines.push(Line::from(vec![
            Span::raw(format!(
                "{}{:>6}%{:>8}{:>5.0}%  ",
                pad(&format!("{} {}", t.id, t.name), name_w),
                d.weight,
                format!("{}/{}", t.correct, t.total),
                t.percent()
            )),
            Span::styled(text::bar(t.percent(), BAR), theme.bar()),
            Span::raw("  "),
            Span::styled(competency, style),
        ]));
    }
    lines.push(Line::raw(""));
    if r.show_tasks {
        let name_w = width.saturating_sub(8 + 6 + BAR + 2).max(8);
        lines.push(Line::styled(
            format!(
                "{}{:>8}{:>6}",
                pad("Task statement", name_w),
                "Correct",
                "%"
            ),
            theme.section(),
        ));
        for t in &card.tasks {
            lines.push(Line::from(vec![
                Span::raw(format!(
                    "{}{:>8}{:>5.0}%  ",
                    pad(&format!("{} {}", t.id, t.name), name_w),
                    format!("{}/{}", t.correct, t.total),
                    t.percent()
                )),
                Span::styled(text::bar(t.percent(), BAR), theme.bar()),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::raw(format!(
        "Time used {} · mean {:.0}s per question · {} of {} answered",
        text::duration(card.seconds_used),
        card.mean_seconds_per_question(),
        card.answered,
        card.total
    )));
    lines.push(Line::raw(format!(
        "Answer changes: right→wrong {} · wrong→right {} · wrong→wrong {}",
        card.changes.right_to_wrong, card.changes.wrong_to_right, card.changes.wrong_to_wrong
    )));
    let max_scroll = lines.len().saturating_sub(usize::from(body.height)) as u16;
    let scroll = r.scroll.min(max_scroll);
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)),
        body.inner(ratatui::layout::Margin::new(1, 0)),
    );
    let tasks = if r.show_tasks {
        "hide tasks"
    } else {
        "per task"
    };
    if let Screen::Results(r) = &mut app.screen {
        r.scroll = scroll;
    }
    frame.render_widget(
        Paragraph::new(hints(
            theme,
            &[
                ("v", "review answers"),
                ("t", tasks),
                ("PgUp/PgDn", "scroll"),
                ("h", "home"),
                ("q", "quit"),
            ],
        )),
        foot,
    );
}
