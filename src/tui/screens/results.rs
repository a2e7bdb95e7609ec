//! The results: score, the estimated scaled score, pass/fail, per-domain (and per-task) table,
//! time and answer changes.

use super::{Intent, Screen, View, message, pad};
use crate::blueprint::Blueprint;
use crate::exam::{Mode, Status};
use crate::practice::{Finished, Practice};
use crate::tui::app::ScreenKind;
use crate::tui::keys::{Binding, Cmd, Keys};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const BAR: usize = 10;

pub(crate) struct Results {
    finished: Finished,
    show_tasks: bool,
    scroll: u16,
    max_scroll: u16,
    lines: Vec<Line<'static>>,
}

impl Results {
    pub(crate) fn new(finished: Finished) -> Results {
        // A drill is about task statements: its results open on them.
        let show_tasks = finished.attempt.mode() != Mode::Exam;
        Results {
            finished,
            show_tasks,
            scroll: 0,
            max_scroll: 0,
            lines: Vec::new(),
        }
    }
}

impl Screen for Results {
    fn kind(&self) -> ScreenKind {
        ScreenKind::Results
    }

    fn bindings(&self, _: &Practice) -> Vec<Binding> {
        let tasks = if self.show_tasks {
            "hide tasks"
        } else {
            "per task"
        };
        vec![
            Binding::new(
                Keys::Codes(&[KeyCode::Char('v')]),
                "v",
                "review answers",
                Cmd::Answers,
                8,
            ),
            Binding::new(
                Keys::Codes(&[KeyCode::Char('t')]),
                "t",
                tasks,
                Cmd::ToggleTasks,
                7,
            )
            .detail("show or hide the per-task table"),
            Binding::new(
                Keys::Codes(&[KeyCode::PageDown, KeyCode::Down]),
                "PgUp/PgDn",
                "scroll",
                Cmd::PageDown,
                4,
            ),
            Binding::new(
                Keys::Codes(&[KeyCode::PageUp, KeyCode::Up]),
                "PgUp",
                "scroll up",
                Cmd::PageUp,
                0,
            )
            .secondary(),
            Binding::new(
                Keys::Codes(&[KeyCode::Char('h'), KeyCode::Esc]),
                "h",
                "home",
                Cmd::Home,
                6,
            ),
            Binding::new(
                Keys::Codes(&[KeyCode::Char('q')]),
                "q",
                "quit",
                Cmd::Quit,
                5,
            ),
        ]
    }

    fn on(&mut self, cmd: Cmd, _: KeyEvent, _: &Practice) -> Intent {
        match cmd {
            Cmd::ToggleTasks => {
                self.show_tasks = !self.show_tasks;
                self.scroll = 0;
            }
            Cmd::PageDown => self.scroll = super::scroll_to(self.scroll, 5, self.max_scroll),
            Cmd::PageUp => self.scroll = super::scroll_to(self.scroll, -5, self.max_scroll),
            Cmd::Answers => {
                let answers = super::answers::Answers::new(self.finished.attempt.clone());
                return Intent::Open(Box::new(answers));
            }
            Cmd::Home => return Intent::Home,
            Cmd::Quit => return Intent::Quit,
            _ => {}
        }
        Intent::None
    }

    fn on_mouse(&mut self, mouse: MouseEvent, _: &Practice) -> Intent {
        self.scroll = super::wheel_scroll(self.scroll, mouse.kind, self.max_scroll);
        Intent::None
    }

    fn layout(&mut self, area: Rect, practice: &Practice, theme: Theme) {
        let [_, _, body] = super::layout(area);
        self.lines = result_lines(
            &self.finished,
            self.show_tasks,
            practice.blueprint(),
            body,
            theme,
        );
        self.max_scroll = super::cells(self.lines.len().saturating_sub(usize::from(body.height)));
        self.scroll = self.scroll.min(self.max_scroll);
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let [head, note, body] = super::layout(area);
        super::attempt_header(frame, head, view.theme, &self.finished.attempt, "Results");
        message(frame, note, view);
        frame.render_widget(
            Paragraph::new(self.lines.clone()).scroll((self.scroll, 0)),
            body.inner(ratatui::layout::Margin::new(1, 0)),
        );
    }
}

/// The score, the domain table (and the task table), the time and the answer changes.
fn result_lines(
    finished: &Finished,
    show_tasks: bool,
    blueprint: &Blueprint,
    area: Rect,
    theme: Theme,
) -> Vec<Line<'static>> {
    let card = &finished.card;
    let session = &finished.attempt.session;
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines = Vec::new();
    if session.status == Status::TimeUp {
        lines.push(Line::styled(
            "Time ran out: the exam ended itself.",
            theme.warn(),
        ));
    }
    if let Some(e) = &finished.save_error {
        lines.push(Line::styled(e.clone(), theme.error()));
    }
    let mut score = vec![Span::styled(
        format!(
            "{}/{} correct ({:.1}%)",
            card.correct, card.total, card.percent
        ),
        theme.title(),
    )];
    if finished.attempt.is_mock() {
        score.push(Span::raw("   "));
        score.push(if card.passed {
            Span::styled(" PASS ", theme.pass())
        } else {
            Span::styled(" FAIL ", theme.fail())
        });
    }
    lines.push(Line::from(score));
    if finished.attempt.is_mock() {
        lines.push(Line::raw(format!(
            "Estimated scaled score {} (an estimate; pass mark {}, range {}–{})",
            card.scaled_estimate, card.pass_mark, blueprint.scaled.min, blueprint.scaled.max
        )));
    } else {
        lines.push(Line::styled(
            "Practice: no pass/fail or scaled score (those are for full mock exams).",
            theme.dim(),
        ));
    }
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
    if show_tasks {
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
    let marks = crate::format::confidence_lines(session);
    if !marks.is_empty() {
        lines.push(Line::raw(""));
        lines.extend(marks.into_iter().map(Line::raw));
    }
    lines
}
