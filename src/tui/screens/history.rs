//! Past attempts, newest first, and each domain's trend over them.

use super::{Intent, Screen, View, header, message, pad};
use crate::practice::{Practice, Scored};
use crate::tui::app::ScreenKind;
use crate::tui::keys::{self, Binding, Cmd, Keys};
use crate::tui::text;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub(crate) struct History {
    attempts: Vec<Scored>,
    selected: usize,
}

impl History {
    pub(crate) fn new(practice: &Practice) -> History {
        History {
            attempts: practice.history(),
            selected: 0,
        }
    }
}

impl Screen for History {
    fn kind(&self) -> ScreenKind {
        ScreenKind::History
    }

    fn bindings(&self, _: &Practice) -> Vec<Binding> {
        let [up, down] = keys::list_moves();
        vec![
            up,
            down,
            Binding::new(
                Keys::Codes(&[KeyCode::Enter]),
                "enter",
                "review answers",
                Cmd::Open,
                7,
            ),
            Binding::new(
                Keys::Codes(&[KeyCode::Esc, KeyCode::Char('h')]),
                "esc",
                "home",
                Cmd::Home,
                6,
            ),
            Binding::new(
                Keys::Codes(&[KeyCode::Char('q')]),
                "q",
                "quit",
                Cmd::Quit,
                4,
            ),
        ]
    }

    fn on(&mut self, cmd: Cmd, _: KeyEvent, _: &Practice) -> Intent {
        match cmd {
            Cmd::Up => self.selected = self.selected.saturating_sub(1),
            Cmd::Down => {
                self.selected = (self.selected + 1).min(self.attempts.len().saturating_sub(1));
            }
            Cmd::Open => {
                if let Some(scored) = self.attempts.get(self.selected) {
                    let answers = super::answers::Answers::new(scored.attempt.clone());
                    return Intent::Open(Box::new(answers));
                }
            }
            Cmd::Home => return Intent::Home,
            Cmd::Quit => return Intent::Quit,
            _ => {}
        }
        Intent::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let theme = view.theme;
        let [head, note, body] = super::layout(area);
        let blueprint = view.practice.blueprint();
        header(
            frame,
            head,
            theme,
            Line::raw(format!(" {} · History", blueprint.code)),
            Line::raw(format!(
                "{} attempt{} ",
                self.attempts.len(),
                if self.attempts.len() == 1 { "" } else { "s" }
            )),
        );
        message(frame, note, view);
        let width = usize::from(body.width.saturating_sub(2));
        let mut lines = Vec::new();
        if self.attempts.is_empty() {
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
            let domains = blueprint.domains.len();
            let room = usize::from(body.height).saturating_sub(domains + 4).max(3);
            let offset = self.selected.saturating_sub(room - 1);
            for (n, Scored { attempt: a, card }) in
                self.attempts.iter().enumerate().skip(offset).take(room)
            {
                let selected = n == self.selected;
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
                            if a.is_mock() {
                                card.scaled_estimate.to_string()
                            } else {
                                "—".into()
                            }
                        ),
                        style,
                    ),
                    match (a.is_mock(), card.passed) {
                        (true, true) => Span::styled("PASS  ", theme.pass()),
                        (true, false) => Span::styled("FAIL  ", theme.fail()),
                        (false, _) => Span::styled("—     ", style),
                    },
                    Span::styled(format!("{:>9}", text::duration(card.seconds_used)), style),
                ]));
            }
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "Mock exam trend by domain, % correct (oldest → newest)",
                theme.section(),
            ));
            let name_w = width.saturating_sub(30).clamp(10, 40);
            for d in &blueprint.domains {
                let values: Vec<f64> = self
                    .attempts
                    .iter()
                    .rev()
                    .filter(|s| s.attempt.is_mock())
                    .filter_map(|Scored { card: c, .. }| {
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
    }
}
