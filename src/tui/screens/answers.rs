//! The answer review of a finished attempt: each question with the candidate's choice, the key,
//! every option's why, the explanation and the references.

use super::{Intent, Screen, View, message, tabs};
use crate::bank::Bank;
use crate::exam::Confidence;
use crate::practice::Practice;
use crate::store::Attempt;
use crate::tui::app::ScreenKind;
use crate::tui::keys::{Binding, Cmd, Keys};
use crate::tui::text::{self, wrap};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Width of the option prefix: key mark, space, choice mark, space, letter, dot, space.
const PREFIX: usize = 9;

/// Answer-review filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerFilter {
    All,
    Incorrect,
    Flagged,
}

pub(crate) struct Answers {
    attempt: Attempt,
    filter: AnswerFilter,
    /// Position in the filtered list.
    index: usize,
    scroll: u16,
    max_scroll: u16,
    lines: Vec<Line<'static>>,
}

impl Answers {
    pub(crate) fn new(attempt: Attempt) -> Answers {
        Answers {
            attempt,
            filter: AnswerFilter::All,
            index: 0,
            scroll: 0,
            max_scroll: 0,
            lines: Vec::new(),
        }
    }

    fn visible(&self) -> Vec<usize> {
        let s = &self.attempt.session;
        (0..s.len())
            .filter(|&i| match self.filter {
                AnswerFilter::All => true,
                AnswerFilter::Incorrect => !s.is_correct(i),
                AnswerFilter::Flagged => s.responses[i].flagged,
            })
            .collect()
    }

    fn set_filter(&mut self, filter: AnswerFilter) {
        self.filter = filter;
        self.index = 0;
        self.scroll = 0;
    }
}

impl Screen for Answers {
    fn kind(&self) -> ScreenKind {
        ScreenKind::Answers
    }

    fn bindings(&self, _: &Practice) -> Vec<Binding> {
        vec![
            Binding::new(
                Keys::Codes(&[KeyCode::Right, KeyCode::Char('n')]),
                "←→/p n",
                "move",
                Cmd::Next,
                8,
            )
            .detail("next / previous question"),
            Binding::new(
                Keys::Codes(&[KeyCode::Left, KeyCode::Char('p')]),
                "← p",
                "previous",
                Cmd::Previous,
                0,
            )
            .secondary(),
            Binding::new(
                Keys::Codes(&[KeyCode::Tab]),
                "tab 1-3",
                "filter",
                Cmd::NextFilter,
                6,
            )
            .detail("next filter: All / Incorrect / Flagged"),
            Binding::new(
                Keys::Chars("123"),
                "1 2 3",
                "All / Incorrect / Flagged",
                Cmd::Filter,
                0,
            ),
            Binding::new(
                Keys::Codes(&[KeyCode::Down]),
                "↑↓ PgUp/PgDn",
                "scroll",
                Cmd::Down,
                5,
            ),
            Binding::new(Keys::Codes(&[KeyCode::Up]), "↑", "scroll up", Cmd::Up, 0).secondary(),
            Binding::new(
                Keys::Codes(&[KeyCode::PageDown]),
                "PgDn",
                "page down",
                Cmd::PageDown,
                0,
            )
            .secondary(),
            Binding::new(
                Keys::Codes(&[KeyCode::PageUp]),
                "PgUp",
                "page up",
                Cmd::PageUp,
                0,
            )
            .secondary(),
            Binding::new(
                Keys::Codes(&[KeyCode::Esc, KeyCode::Char('q')]),
                "esc",
                "back",
                Cmd::Back,
                7,
            ),
        ]
    }

    fn on(&mut self, cmd: Cmd, key: KeyEvent, _: &Practice) -> Intent {
        let len = self.visible().len();
        match cmd {
            Cmd::Next if self.index + 1 < len => {
                self.index += 1;
                self.scroll = 0;
            }
            Cmd::Previous if self.index > 0 => {
                self.index -= 1;
                self.scroll = 0;
            }
            Cmd::Down => self.scroll = super::scroll_to(self.scroll, 1, self.max_scroll),
            Cmd::Up => self.scroll = super::scroll_to(self.scroll, -1, self.max_scroll),
            Cmd::PageDown => self.scroll = super::scroll_to(self.scroll, 10, self.max_scroll),
            Cmd::PageUp => self.scroll = super::scroll_to(self.scroll, -10, self.max_scroll),
            Cmd::NextFilter => self.set_filter(match self.filter {
                AnswerFilter::All => AnswerFilter::Incorrect,
                AnswerFilter::Incorrect => AnswerFilter::Flagged,
                AnswerFilter::Flagged => AnswerFilter::All,
            }),
            Cmd::Filter => match key.code {
                KeyCode::Char('1') => self.set_filter(AnswerFilter::All),
                KeyCode::Char('2') => self.set_filter(AnswerFilter::Incorrect),
                KeyCode::Char('3') => self.set_filter(AnswerFilter::Flagged),
                _ => {}
            },
            Cmd::Back => return Intent::Back,
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
        self.lines = answer_lines(
            &self.attempt,
            self.filter,
            &self.visible(),
            self.index,
            practice.bank(),
            body,
            theme,
        );
        self.max_scroll = super::cells(self.lines.len().saturating_sub(usize::from(body.height)));
        self.scroll = self.scroll.min(self.max_scroll);
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let [head, note, body] = super::layout(area);
        super::attempt_header(frame, head, view.theme, &self.attempt, "Answer review");
        message(frame, note, view);
        frame.render_widget(
            Paragraph::new(self.lines.clone()).scroll((self.scroll, 0)),
            body.inner(ratatui::layout::Margin::new(1, 0)),
        );
    }
}

/// The filter tabs and the question at `index` of the filtered list, with the candidate's
/// choice, the key, every option's why, the explanation and the references.
fn answer_lines(
    attempt: &Attempt,
    filter: AnswerFilter,
    visible: &[usize],
    index: usize,
    bank: &Bank,
    area: Rect,
    theme: Theme,
) -> Vec<Line<'static>> {
    let s = &attempt.session;
    let width = usize::from(area.width.saturating_sub(2)).max(10);
    let incorrect = (0..s.len()).filter(|&i| !s.is_correct(i)).count();
    let mut lines = vec![
        tabs(
            theme,
            &[
                (format!("All ({})", s.len()), filter == AnswerFilter::All),
                (
                    format!("Incorrect ({incorrect})"),
                    filter == AnswerFilter::Incorrect,
                ),
                (
                    format!("Flagged ({})", s.flagged_count()),
                    filter == AnswerFilter::Flagged,
                ),
            ],
        ),
        Line::raw(""),
    ];
    match visible.get(index).copied() {
        None => lines.push(Line::raw("No questions under this filter.")),
        Some(i) => {
            let item = &s.paper.items[i];
            let response = &s.responses[i];
            let mut top = vec![Span::raw(format!(
                "Question {} of {} · {} · {} of {} shown   ",
                i + 1,
                s.len(),
                item.id,
                index + 1,
                visible.len(),
            ))];
            top.push(if s.is_correct(i) {
                Span::styled("✓ Correct", theme.correct())
            } else if response.chosen.is_empty() {
                Span::styled("✗ Unanswered", theme.wrong())
            } else {
                Span::styled("✗ Incorrect", theme.wrong())
            });
            if let Some(c) = response.confidence {
                // A sure answer that was wrong is the misconception worth the most study.
                let style = if c == Confidence::Sure && !s.is_correct(i) {
                    theme.wrong()
                } else {
                    theme.section()
                };
                top.push(Span::raw("  "));
                top.push(Span::styled(
                    format!("you marked {}", super::exam::confidence_label(c)),
                    style,
                ));
            }
            if response.flagged {
                top.push(Span::raw("  "));
                top.push(Span::styled("⚑ flagged", theme.flagged()));
            }
            lines.push(Line::from(top));
            lines.push(Line::raw(""));
            match item.question(bank) {
                Err(why) => lines.push(Line::styled(why.to_string(), theme.error())),
                Ok(q) => {
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
                    super::exam::explanation_lines(&mut lines, &q, width, theme);
                }
            }
        }
    }
    lines
}
