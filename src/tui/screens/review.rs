//! The review screen: every question's number with its state, filtered All / Incomplete /
//! Flagged; jump to one, or end the exam.

use super::{Intent, Screen, View, header, message, tabs};
use crate::exam::{Action, Session};
use crate::practice::Practice;
use crate::tui::app::ScreenKind;
use crate::tui::keys::{Binding, Cmd, Keys};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Cells per grid entry: " 12 ●⚑ ".
const CELL: u16 = 8;

/// Review-screen filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    Incomplete,
    Flagged,
}

impl Filter {
    const ALL: [Filter; 3] = [Filter::All, Filter::Incomplete, Filter::Flagged];

    /// "flagged", "incomplete": as a status line says it.
    pub fn noun(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Incomplete => "incomplete",
            Filter::Flagged => "flagged",
        }
    }

    fn next(self) -> Filter {
        match self {
            Filter::All => Filter::Incomplete,
            Filter::Incomplete => Filter::Flagged,
            Filter::Flagged => Filter::All,
        }
    }

    /// The question indices the filter lists.
    pub fn list(self, s: &Session) -> Vec<usize> {
        (0..s.len())
            .filter(|&i| match self {
                Filter::All => true,
                Filter::Incomplete => !s.is_answered(i),
                Filter::Flagged => s.responses[i].flagged,
            })
            .collect()
    }
}

pub(crate) struct Review {
    filter: Filter,
    /// Position in the filtered list.
    selected: usize,
    /// Grid columns at the last layout (for ↑/↓).
    columns: usize,
}

impl Review {
    /// Opened on a filter, the current question selected if the filter lists it.
    pub(crate) fn with_filter(practice: &Practice, filter: Filter) -> Review {
        let selected = practice.session().map_or(0, |s| {
            filter
                .list(s)
                .iter()
                .position(|&i| i == s.current)
                .unwrap_or(0)
        });
        Review {
            filter,
            selected,
            columns: 10,
        }
    }

    fn set_filter(&mut self, filter: Filter) {
        self.filter = filter;
        self.selected = 0;
    }

    /// The grid itself; the confirmation dialog draws over it.
    pub(crate) fn draw_grid(&self, frame: &mut Frame, area: Rect, view: &View) {
        let theme: Theme = view.theme;
        let [head, note, body] = super::layout(area);
        let Some(s) = view.practice.session() else {
            return;
        };
        let list = self.filter.list(s);
        header(
            frame,
            head,
            theme,
            Line::raw(format!(
                " {} · Review · Answered {} of {} · Flagged {}",
                s.paper.exam,
                s.answered_count(),
                s.len(),
                s.flagged_count()
            )),
            Line::raw(match s.remaining() {
                Some(left) => format!("{} left ", crate::tui::text::clock(left)),
                None => String::new(),
            }),
        );
        message(frame, note, view);
        let labels = ["All", "Incomplete", "Flagged"];
        let tab_list: Vec<(String, bool)> = Filter::ALL
            .iter()
            .zip(labels)
            .map(|(&f, label)| (format!("{label} ({})", f.list(s).len()), f == self.filter))
            .collect();
        let mut lines = vec![
            tabs(theme, &tab_list),
            Line::styled(
                " ● answered   ◐ incomplete   ○ unanswered   ⚑ flagged   ▸ current",
                theme.dim(),
            ),
            Line::raw(""),
        ];
        if list.is_empty() {
            lines.push(Line::raw(" No questions under this filter."));
        }
        let columns = self.columns.max(1);
        let grid_rows = usize::from(body.height).saturating_sub(lines.len()).max(1);
        let selected_row = self.selected / columns;
        let first_row = selected_row.saturating_sub(grid_rows - 1);
        for (row, chunk) in list
            .chunks(columns)
            .enumerate()
            .skip(first_row)
            .take(grid_rows)
        {
            let mut spans = vec![Span::raw(" ")];
            for (col, &i) in chunk.iter().enumerate() {
                let at = row * columns + col;
                let state = if s.is_answered(i) {
                    "●"
                } else if s.responses[i].chosen.is_empty() {
                    "○"
                } else {
                    "◐"
                };
                let flag = if s.responses[i].flagged { "⚑" } else { " " };
                let current = if i == s.current { "▸" } else { " " };
                let style = if at == self.selected {
                    theme.cursor()
                } else if s.responses[i].flagged {
                    theme.flagged()
                } else if s.is_answered(i) {
                    theme.plain()
                } else {
                    theme.warn()
                };
                spans.push(Span::styled(
                    format!("{current}{:>3} {state}{flag}", i + 1),
                    style,
                ));
                spans.push(Span::raw(" "));
            }
            lines.push(Line::from(spans));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }
}

impl Screen for Review {
    fn kind(&self) -> ScreenKind {
        ScreenKind::Review
    }

    fn bindings(&self, _: &Practice) -> Vec<Binding> {
        vec![
            Binding::new(
                Keys::Codes(&[KeyCode::Left]),
                "←↑↓→",
                "move",
                Cmd::Previous,
                5,
            )
            .detail("move through the grid"),
            Binding::new(Keys::Codes(&[KeyCode::Right]), "→", "next", Cmd::Next, 0).secondary(),
            Binding::new(Keys::Codes(&[KeyCode::Up]), "↑", "row up", Cmd::Up, 0).secondary(),
            Binding::new(Keys::Codes(&[KeyCode::Down]), "↓", "row down", Cmd::Down, 0).secondary(),
            Binding::new(
                Keys::Codes(&[KeyCode::Home]),
                "Home End",
                "first / last",
                Cmd::First,
                0,
            ),
            Binding::new(Keys::Codes(&[KeyCode::End]), "End", "last", Cmd::Last, 0).secondary(),
            Binding::new(
                Keys::Codes(&[KeyCode::Enter]),
                "enter",
                "go to",
                Cmd::Open,
                7,
            )
            .detail("go to the selected question"),
            Binding::new(
                Keys::Codes(&[KeyCode::Tab]),
                "tab 1-3",
                "filter",
                Cmd::NextFilter,
                4,
            )
            .detail("next filter: All / Incomplete / Flagged"),
            Binding::new(
                Keys::Chars("123"),
                "1 2 3",
                "All / Incomplete / Flagged",
                Cmd::Filter,
                0,
            ),
            Binding::new(
                Keys::Codes(&[KeyCode::Char('e')]),
                "e",
                "end exam",
                Cmd::EndExam,
                8,
            )
            .detail("end the exam (asks first)"),
            Binding::new(
                Keys::Codes(&[KeyCode::Esc, KeyCode::Char('r')]),
                "esc",
                "back",
                Cmd::Back,
                6,
            )
            .detail("back to the question"),
            Binding::new(
                Keys::Codes(&[KeyCode::Char('q')]),
                "q",
                "pause",
                Cmd::Pause,
                0,
            )
            .detail("pause and go home (saved)"),
        ]
    }

    fn on(&mut self, cmd: Cmd, key: KeyEvent, practice: &Practice) -> Intent {
        let Some(s) = practice.session() else {
            return Intent::Home;
        };
        let list = self.filter.list(s);
        let len = list.len();
        let columns = self.columns.max(1);
        match cmd {
            Cmd::Previous => self.selected = self.selected.saturating_sub(1),
            Cmd::Next => self.selected = (self.selected + 1).min(len.saturating_sub(1)),
            Cmd::Up => self.selected = self.selected.saturating_sub(columns),
            Cmd::First => self.selected = 0,
            Cmd::Last => self.selected = len.saturating_sub(1),
            Cmd::Down if self.selected + columns < len => self.selected += columns,
            Cmd::NextFilter => self.set_filter(self.filter.next()),
            Cmd::Filter => {
                if let KeyCode::Char(c @ '1'..='3') = key.code {
                    self.set_filter(Filter::ALL[usize::from(c as u8 - b'1')]);
                }
            }
            Cmd::Open => {
                if let Some(&i) = list.get(self.selected) {
                    // As on the real exam: from a filtered review, next and previous step
                    // through that filter's questions only.
                    let walk = (self.filter != Filter::All).then_some(self.filter);
                    let exam = super::exam::Exam::walking(practice, walk);
                    return Intent::Many(vec![
                        Intent::Act(Action::GoTo(i)),
                        Intent::Back,
                        Intent::Replace(Box::new(exam)),
                    ]);
                }
            }
            Cmd::Back => return Intent::Back,
            Cmd::EndExam => return Intent::Open(Box::new(super::confirm::Confirm)),
            Cmd::Pause => return Intent::Pause,
            _ => {}
        }
        Intent::None
    }

    fn layout(&mut self, area: Rect, _: &Practice, _: Theme) {
        self.columns = usize::from((area.width.saturating_sub(2) / CELL).max(1));
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        self.draw_grid(frame, area, view);
    }
}
