//! Progress over the exam guide: per task statement (and the skill bullets its questions
//! name), how many questions are unseen, seen, due for review and mastered.

use super::{Intent, Screen, View, header, message, pad};
use crate::practice::Practice;
use crate::study::progress::{Counts, Progress as Report, counts_text};
use crate::tui::app::ScreenKind;
use crate::tui::keys::{Binding, Cmd, Keys};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const BAR: usize = 10;

pub(crate) struct Progress {
    report: Report,
    scroll: u16,
    max_scroll: u16,
    lines: Vec<Line<'static>>,
}

impl Progress {
    pub(crate) fn new(practice: &Practice) -> Progress {
        Progress {
            report: practice.progress(),
            scroll: 0,
            max_scroll: 0,
            lines: Vec::new(),
        }
    }

    fn row(
        label: &str,
        c: &Counts,
        width: usize,
        theme: Theme,
        style: ratatui::style::Style,
    ) -> Line<'static> {
        let name_w = width.saturating_sub(5 * 7 + BAR + 2).max(8);
        // The bar shows the share of the questions mastered.
        let mastered = crate::exam::score::percent(c.mastered, c.questions);
        Line::from(vec![
            Span::styled(pad(label, name_w), style),
            Span::raw(format!(
                "{:>7}{:>7}{:>7}{:>7}{:>7}  ",
                c.questions, c.unseen, c.seen, c.due, c.mastered
            )),
            Span::styled(text::bar(mastered, BAR), theme.bar()),
        ])
    }
}

impl Screen for Progress {
    fn kind(&self) -> ScreenKind {
        ScreenKind::Progress
    }

    fn bindings(&self, _: &Practice) -> Vec<Binding> {
        vec![
            Binding::new(
                Keys::Codes(&[KeyCode::PageDown, KeyCode::Down]),
                "↑↓ PgUp PgDn",
                "scroll",
                Cmd::PageDown,
                5,
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
                Keys::Codes(&[KeyCode::Esc, KeyCode::Char('h'), KeyCode::Char('q')]),
                "esc",
                "home",
                Cmd::Back,
                6,
            ),
        ]
    }

    fn on(&mut self, cmd: Cmd, key: KeyEvent, _: &Practice) -> Intent {
        let step = if matches!(key.code, KeyCode::Up | KeyCode::Down) {
            1
        } else {
            10
        };
        match cmd {
            Cmd::PageDown => self.scroll = super::scroll_to(self.scroll, step, self.max_scroll),
            Cmd::PageUp => self.scroll = super::scroll_to(self.scroll, -step, self.max_scroll),
            Cmd::Back => return Intent::Back,
            _ => {}
        }
        Intent::None
    }

    fn layout(&mut self, area: Rect, _: &Practice, theme: Theme) {
        let [_, _, body] = super::layout(area);
        let width = usize::from(body.width.saturating_sub(2));
        let r = &self.report;
        let mut lines = vec![Line::raw(format!(
            "All questions: {}",
            counts_text(&r.total)
        ))];
        lines.extend(
            text::wrap(
                "Mastered: FSRS expects three weeks or more before recall falls to 90%. Due: asked again today.",
                width,
            )
            .into_iter()
            .map(|row| Line::styled(row, theme.dim())),
        );
        lines.push(Line::raw(""));
        let name_w = width.saturating_sub(5 * 7 + BAR + 2).max(8);
        lines.push(Line::styled(
            format!(
                "{}{:>7}{:>7}{:>7}{:>7}{:>7}  mastered",
                pad("Task statement / skill bullet", name_w),
                "total",
                "unseen",
                "seen",
                "due",
                "master"
            ),
            theme.section(),
        ));
        for t in &r.tasks {
            let label = crate::safe_text::line(&format!("{} {}", t.task, t.name)).into_owned();
            lines.push(Progress::row(
                &label,
                &t.counts,
                width,
                theme,
                theme.title(),
            ));
            for s in t.skills.iter().filter(|s| s.counts.questions > 0) {
                let label =
                    crate::safe_text::line(&format!("   {} {}", s.skill, s.text)).into_owned();
                lines.push(Progress::row(
                    &label,
                    &s.counts,
                    width,
                    theme,
                    theme.plain(),
                ));
            }
        }
        self.max_scroll = super::cells(lines.len().saturating_sub(usize::from(body.height)));
        self.scroll = self.scroll.min(self.max_scroll);
        self.lines = lines;
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let [head, note, body] = super::layout(area);
        header(
            frame,
            head,
            view.theme,
            Line::raw(format!(" {} · Progress", view.practice.blueprint().code)),
            Line::raw(format!("{} ", view.practice.today())),
        );
        message(frame, note, view);
        frame.render_widget(
            Paragraph::new(self.lines.clone()).scroll((self.scroll, 0)),
            body.inner(ratatui::layout::Margin::new(1, 0)),
        );
    }
}
