//! Drill the questions whose text holds some words: type them, see how many questions match,
//! enter starts the drill.

use super::{Intent, Screen, View, header, message, wrapped_note};
use crate::exam::Scope;
use crate::practice::{IfInProgress, NewAttempt, Practice};
use crate::tui::app::ScreenKind;
use crate::tui::keys::{Binding, Cmd, Keys};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Longer than any sensible search; keeps the line on screen.
const MAX_CHARS: usize = 60;

pub(crate) struct Search {
    text: String,
}

impl Search {
    pub(crate) fn new() -> Search {
        Search {
            text: String::new(),
        }
    }

    fn scope(&self) -> Scope {
        Scope::Grep {
            text: self.text.trim().to_string(),
        }
    }
}

impl Screen for Search {
    fn kind(&self) -> ScreenKind {
        ScreenKind::Search
    }

    fn bindings(&self, _: &Practice) -> Vec<Binding> {
        vec![
            Binding::new(Keys::Typed, "type", "words", Cmd::Type, 4)
                .detail("the words to look for (case and spaces do not matter)"),
            Binding::new(
                Keys::Codes(&[KeyCode::Backspace]),
                "⌫",
                "delete",
                Cmd::Delete,
                3,
            ),
            Binding::new(
                Keys::Codes(&[KeyCode::Enter]),
                "enter",
                "start drill",
                Cmd::Open,
                6,
            ),
            Binding::new(Keys::Codes(&[KeyCode::Esc]), "esc", "back", Cmd::Back, 5),
        ]
    }

    fn on(&mut self, cmd: Cmd, key: KeyEvent, practice: &Practice) -> Intent {
        match cmd {
            Cmd::Type => {
                if let KeyCode::Char(c) = key.code
                    && !c.is_control()
                    && self.text.chars().count() < MAX_CHARS
                {
                    self.text.push(c);
                }
            }
            Cmd::Delete => {
                self.text.pop();
            }
            Cmd::Back => return Intent::Back,
            Cmd::Open => {
                if self.text.trim().is_empty() {
                    return Intent::Message("Type the words to look for first.".into());
                }
                if self.scope().available(practice.bank()) == 0 {
                    return Intent::Message("No question holds these words.".into());
                }
                return Intent::Start(NewAttempt::drill(self.scope()), IfInProgress::Abandon);
            }
            _ => {}
        }
        Intent::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let theme = view.theme;
        let [head, note, body] = super::layout(area);
        header(
            frame,
            head,
            theme,
            Line::raw(" Drill the questions that mention some words"),
            Line::raw(""),
        );
        message(frame, note, view);
        let matching = if self.text.trim().is_empty() {
            String::new()
        } else {
            let n = self.scope().available(view.practice.bank());
            format!("{n} question{} match", if n == 1 { "" } else { "s" })
        };
        let mut lines = vec![
            Line::raw(""),
            Line::from(vec![
                Span::raw(" Words: "),
                Span::styled(format!("{}▏", self.text), theme.cursor()),
            ]),
            Line::raw(""),
            Line::styled(format!(" {matching}"), theme.title()),
        ];
        lines.extend(wrapped_note(
            "In the question or its options, ignoring case and spaces: \"stack set\" finds StackSets.",
            body.width,
            theme.dim(),
        ));
        frame.render_widget(Paragraph::new(lines), body);
    }
}
