//! A practice exam as the candidate wants it: how many questions (apportioned by the
//! blueprint's weights), feedback after each answer or at the end, timed at the mock's pace or
//! untimed. Never counted as a mock.

use super::{Intent, Screen, View, header, message, wrapped_note};
use crate::exam::Feedback;
use crate::practice::{IfInProgress, NewAttempt, Practice};
use crate::tui::app::ScreenKind;
use crate::tui::keys::{Binding, Cmd, Keys};
use crate::tui::text;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The lengths offered; the blueprint's own length is added when missing.
const LENGTHS: [usize; 6] = [10, 20, 30, 45, 60, 75];

pub(crate) struct Setup {
    lengths: Vec<usize>,
    length: usize,
    feedback_now: bool,
    untimed: bool,
    /// The field under the cursor: 0 length, 1 feedback, 2 time.
    field: usize,
}

impl Setup {
    pub(crate) fn new(practice: &Practice) -> Setup {
        let full = practice.blueprint().questions;
        let mut lengths: Vec<usize> = LENGTHS.iter().copied().filter(|&n| n < full).collect();
        lengths.push(full);
        Setup {
            length: lengths.len() - 1,
            lengths,
            feedback_now: true,
            untimed: false,
            field: 0,
        }
    }

    fn count(&self) -> usize {
        self.lengths[self.length]
    }

    fn change(&mut self, forward: bool) {
        match self.field {
            0 if forward => self.length = (self.length + 1).min(self.lengths.len() - 1),
            0 => self.length = self.length.saturating_sub(1),
            1 => self.feedback_now = !self.feedback_now,
            _ => self.untimed = !self.untimed,
        }
    }
}

impl Screen for Setup {
    fn kind(&self) -> ScreenKind {
        ScreenKind::Setup
    }

    fn bindings(&self, _: &Practice) -> Vec<Binding> {
        vec![
            Binding::new(Keys::Codes(&[KeyCode::Up]), "↑↓", "field", Cmd::Up, 4),
            Binding::new(
                Keys::Codes(&[KeyCode::Down]),
                "↓",
                "next field",
                Cmd::Down,
                0,
            )
            .secondary(),
            Binding::new(
                Keys::Codes(&[KeyCode::Left]),
                "←→",
                "change",
                Cmd::Previous,
                5,
            ),
            Binding::new(
                Keys::Codes(&[KeyCode::Right, KeyCode::Char(' ')]),
                "→",
                "change",
                Cmd::Next,
                0,
            )
            .secondary(),
            Binding::new(
                Keys::Codes(&[KeyCode::Enter]),
                "enter",
                "start",
                Cmd::Open,
                6,
            ),
            Binding::new(
                Keys::Codes(&[KeyCode::Esc, KeyCode::Char('q')]),
                "esc",
                "back",
                Cmd::Back,
                3,
            ),
        ]
    }

    fn on(&mut self, cmd: Cmd, _: KeyEvent, _: &Practice) -> Intent {
        match cmd {
            Cmd::Up => self.field = self.field.saturating_sub(1),
            Cmd::Down => self.field = (self.field + 1).min(2),
            Cmd::Previous => self.change(false),
            Cmd::Next => self.change(true),
            Cmd::Back => return Intent::Back,
            Cmd::Open => {
                return Intent::Start(
                    NewAttempt::Practice {
                        count: Some(self.count()),
                        feedback: if self.feedback_now {
                            Feedback::Now
                        } else {
                            Feedback::End
                        },
                        untimed: self.untimed,
                        time_limit_secs: None,
                        seed: None,
                    },
                    IfInProgress::Abandon,
                );
            }
            _ => {}
        }
        Intent::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let theme = view.theme;
        let [head, note, body] = super::layout(area);
        let bp = view.practice.blueprint();
        header(
            frame,
            head,
            theme,
            Line::raw(
                " Practice exam · every domain at the exam's weights · not counted as a mock",
            ),
            Line::raw(""),
        );
        message(frame, note, view);
        let time = if self.untimed {
            "untimed".to_string()
        } else {
            format!(
                "{} at the mock's pace",
                text::duration(bp.pace_secs(self.count()))
            )
        };
        let fields = [
            ("Questions", format!("{}", self.count())),
            (
                "Feedback",
                if self.feedback_now {
                    "after each answer, with the explanation".into()
                } else {
                    "at the end, as on the exam".into()
                },
            ),
            ("Time", time),
        ];
        let mut lines = vec![Line::raw("")];
        for (n, (name, value)) in fields.iter().enumerate() {
            let selected = n == self.field;
            lines.push(Line::from(vec![
                Span::raw(if selected { " › " } else { "   " }),
                Span::raw(format!("{name:<10}")),
                Span::styled(
                    format!("‹ {value} ›"),
                    if selected {
                        theme.cursor()
                    } else {
                        theme.plain()
                    },
                ),
            ]));
        }
        lines.push(Line::raw(""));
        lines.extend(wrapped_note(
            &format!(
                "A full mock ({} questions, {} minutes, feedback at the end) is `m` on the home screen.",
                bp.questions, bp.minutes
            ),
            body.width,
            theme.dim(),
        ));
        frame.render_widget(Paragraph::new(lines), body);
    }
}
