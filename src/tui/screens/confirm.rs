//! Ending the exam: a confirmation over the review screen that lists what is unanswered and
//! flagged.

use super::{Intent, Screen, View, centered};
use crate::practice::Practice;
use crate::tui::app::ScreenKind;
use crate::tui::keys::{Binding, Cmd, Keys};
use crate::tui::text::wrap;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

pub(crate) struct Confirm;

fn numbers(list: &[usize]) -> String {
    list.iter()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Screen for Confirm {
    fn kind(&self) -> ScreenKind {
        ScreenKind::Confirm
    }

    fn is_overlay(&self) -> bool {
        true
    }

    fn bindings(&self, _: &Practice) -> Vec<Binding> {
        vec![
            Binding::new(Keys::Chars("yY"), "y", "end the exam", Cmd::Confirm, 9),
            Binding::new(
                Keys::Codes(&[KeyCode::Char('n'), KeyCode::Esc]),
                "n/esc",
                "go back",
                Cmd::Cancel,
                8,
            ),
        ]
    }

    fn on(&mut self, cmd: Cmd, _: KeyEvent, _: &Practice) -> Intent {
        match cmd {
            Cmd::Confirm => Intent::End,
            Cmd::Cancel => Intent::Back,
            _ => Intent::None,
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let theme = view.theme;
        let area = centered(area, 70, 16);
        let width = usize::from(area.width.saturating_sub(4));
        let Some(s) = view.practice.session() else {
            return;
        };
        let unanswered = s.unanswered();
        let flagged = s.flagged();
        let mut lines = vec![Line::styled("End the exam?", theme.title()), Line::raw("")];
        if unanswered.is_empty() {
            lines.push(Line::raw("Every question is answered."));
        } else {
            let text = format!(
                "Unanswered ({}): {} — they count as wrong.",
                unanswered.len(),
                numbers(&unanswered)
            );
            lines.extend(
                wrap(&text, width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.warn())),
            );
        }
        if flagged.is_empty() {
            lines.push(Line::raw("No question is flagged."));
        } else {
            let text = format!("Flagged ({}): {}", flagged.len(), numbers(&flagged));
            lines.extend(
                wrap(&text, width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.flagged())),
            );
        }
        lines.push(Line::raw(""));
        lines.push(crate::tui::keys::footer(
            theme,
            &self.bindings(view.practice),
            area.width,
        ));
        frame.render_widget(Clear, area);
        frame.render_widget(
            Paragraph::new(lines).block(
                Block::bordered()
                    .title(" End exam ")
                    .padding(ratatui::widgets::Padding::horizontal(1)),
            ),
            area,
        );
    }
}
