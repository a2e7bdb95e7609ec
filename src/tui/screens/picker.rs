//! The drill picker: the domains and their task statements, with question counts.

use super::{Intent, Screen, View, fit, header, message};
use crate::practice::{DrillScope, IfInProgress, NewAttempt, Practice, policy};
use crate::tui::app::ScreenKind;
use crate::tui::keys::{self, Binding, Cmd, Keys};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub(crate) struct Picker {
    rows: Vec<DrillScope>,
    selected: usize,
    /// What the rows are: "a domain or a task", "a service".
    what: &'static str,
}

impl Picker {
    pub(crate) fn new(practice: &Practice) -> Picker {
        Picker {
            rows: practice.drill_scopes(),
            selected: 0,
            what: "a domain or a task",
        }
    }

    /// The services the bank's questions name, most questions first.
    pub(crate) fn services(practice: &Practice) -> Picker {
        let rows = practice
            .services()
            .into_iter()
            .map(|(service, available)| DrillScope {
                label: service.clone(),
                available,
                scope: crate::exam::Scope::Service { service },
            })
            .collect();
        Picker {
            rows,
            selected: 0,
            what: "a service",
        }
    }
}

impl Screen for Picker {
    fn kind(&self) -> ScreenKind {
        ScreenKind::Picker
    }

    fn bindings(&self, _: &Practice) -> Vec<Binding> {
        let [up, down] = keys::list_moves();
        vec![
            up,
            down,
            Binding::new(
                Keys::Codes(&[KeyCode::PageUp]),
                "PgUp PgDn",
                "page up / down",
                Cmd::PageUp,
                0,
            ),
            Binding::new(
                Keys::Codes(&[KeyCode::PageDown]),
                "PgDn",
                "page down",
                Cmd::PageDown,
                0,
            )
            .secondary(),
            Binding::new(
                Keys::Codes(&[KeyCode::Enter]),
                "enter",
                "start drill",
                Cmd::Open,
                6,
            ),
            Binding::new(
                Keys::Codes(&[KeyCode::Esc, KeyCode::Char('q')]),
                "esc",
                "back",
                Cmd::Back,
                4,
            ),
        ]
    }

    fn on(&mut self, cmd: Cmd, _: KeyEvent, _: &Practice) -> Intent {
        let last = self.rows.len().saturating_sub(1);
        match cmd {
            Cmd::Up => self.selected = self.selected.saturating_sub(1),
            Cmd::Down => self.selected = (self.selected + 1).min(last),
            Cmd::PageUp => self.selected = self.selected.saturating_sub(10),
            Cmd::PageDown => self.selected = (self.selected + 10).min(last),
            Cmd::Back => return Intent::Back,
            Cmd::Open => {
                let Some(row) = self.rows.get(self.selected) else {
                    return Intent::None;
                };
                if row.available == 0 {
                    return Intent::Message(format!(
                        "{} has no questions in this bank.",
                        row.label
                    ));
                }
                return Intent::Start(NewAttempt::drill(row.scope.clone()), IfInProgress::Abandon);
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
            Line::raw(format!(
                " Drill {} · up to {} questions, feedback after each",
                self.what,
                policy::DRILL_COUNT
            )),
            Line::raw(""),
        );
        message(frame, note, view);
        let height = usize::from(body.height);
        let offset = self.selected.saturating_sub(height.saturating_sub(1));
        let width = usize::from(body.width).saturating_sub(12);
        let lines: Vec<Line> = self
            .rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(n, row)| {
                let is_domain = matches!(row.scope, crate::exam::Scope::Domain { .. });
                let is_task = matches!(row.scope, crate::exam::Scope::Task { .. });
                let indent = if is_task { "   " } else { "" };
                let label = fit(
                    &crate::safe_text::line(&format!("{indent}{}", row.label)),
                    width,
                );
                let style = match (n == self.selected, is_domain) {
                    (true, _) => theme.cursor(),
                    (false, true) => theme.title(),
                    (false, false) => theme.plain(),
                };
                Line::from(vec![
                    Span::raw(if n == self.selected { " › " } else { "   " }),
                    Span::styled(label, style),
                    Span::styled(format!(" ({})", row.available), theme.dim()),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), body);
    }
}
