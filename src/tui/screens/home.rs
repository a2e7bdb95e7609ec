//! The home screen: the exam, the bank, the last result, and what to do next.

use super::{Intent, Screen, View, header, message};
use crate::exam::Mode;
use crate::practice::{IfInProgress, NewAttempt, Practice, Scored, mode_phrase};
use crate::tui::app::ScreenKind;
use crate::tui::keys::{self, Binding, Cmd, Keys};
use crate::tui::text;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    /// Continue the paused attempt of this mode.
    Resume(Mode),
    Mock,
    /// A practice run of the exam: length, feedback and time chosen.
    PracticeExam,
    Drill,
    DrillService,
    DrillWords,
    Due,
    Missed,
    Progress,
    History,
    Quit,
}

impl Item {
    fn label(self) -> (char, &'static str) {
        match self {
            Item::Resume(Mode::Exam) => ('c', "Continue the mock exam in progress"),
            Item::Resume(Mode::Drill) => ('g', "Go on with the drill in progress"),
            Item::Resume(Mode::Review) => ('v', "Go on with the review in progress"),
            Item::Mock => ('m', "Start a full mock exam"),
            Item::PracticeExam => ('p', "Practice exam: any length, feedback now, untimed"),
            Item::Drill => ('d', "Drill a domain or a task"),
            Item::DrillService => ('s', "Drill a service"),
            Item::DrillWords => ('w', "Drill questions that mention some words"),
            Item::Due => ('u', "Spaced review: what is due today"),
            Item::Missed => ('r', "Review missed answers"),
            Item::Progress => ('o', "Progress by task and skill"),
            Item::History => ('h', "History"),
            Item::Quit => ('q', "Quit"),
        }
    }

    /// The mode whose attempt in progress this item would replace.
    fn replaces(self) -> Option<Mode> {
        match self {
            Item::Mock | Item::PracticeExam => Some(Mode::Exam),
            Item::Drill | Item::DrillService | Item::DrillWords => Some(Mode::Drill),
            Item::Missed | Item::Due => Some(Mode::Review),
            _ => None,
        }
    }
}

pub(crate) struct Home {
    items: Vec<Item>,
    selected: usize,
    last: Option<Scored>,
    /// "Readiness: …" and how many questions are due today.
    readiness: String,
    due: usize,
    /// A new attempt would replace the one in progress of its mode: asked once, done on the
    /// second press.
    replacing: Option<Item>,
}

impl Home {
    pub(crate) fn new(practice: &Practice) -> Home {
        let mut items: Vec<Item> = practice
            .modes_in_progress()
            .into_iter()
            .map(Item::Resume)
            .collect();
        items.extend([
            Item::Mock,
            Item::PracticeExam,
            Item::Drill,
            Item::DrillService,
            Item::DrillWords,
            Item::Due,
            Item::Missed,
            Item::Progress,
            Item::History,
            Item::Quit,
        ]);
        Home {
            items,
            selected: 0,
            last: practice.history().into_iter().find(|s| s.attempt.is_mock()),
            readiness: practice.readiness().line(),
            due: practice.due_queue().len(),
            replacing: None,
        }
    }

    fn choose(&mut self, item: Item, practice: &Practice) -> Intent {
        // Each mode keeps one attempt in progress: starting another of the same mode asks first
        // (screens that only choose what to start ask nothing yet).
        let replaces = item
            .replaces()
            .filter(|_| matches!(item, Item::Mock | Item::Missed | Item::Due));
        if let Some(mode) = replaces
            && self.items.contains(&Item::Resume(mode))
            && self.replacing != Some(item)
        {
            self.replacing = Some(item);
            let (key, _) = Item::Resume(mode).label();
            let what = mode_phrase(mode);
            let mut what = what.chars();
            let first = what.next().map_or('A', |c| c.to_ascii_uppercase());
            return Intent::Message(format!(
                "{first}{} is in progress: choose again to replace it (it is kept as abandoned), or {key} to continue it.",
                what.as_str()
            ));
        }
        match item {
            Item::Resume(mode) => Intent::Resume(mode),
            Item::Mock => Intent::Start(NewAttempt::mock(None), IfInProgress::Abandon),
            Item::Drill => Intent::Open(Box::new(super::picker::Picker::new(practice))),
            Item::DrillService => {
                Intent::Open(Box::new(super::picker::Picker::services(practice)))
            }
            Item::DrillWords => Intent::Open(Box::new(super::search::Search::new())),
            Item::PracticeExam => Intent::Open(Box::new(super::setup::Setup::new(practice))),
            Item::Due if self.due == 0 => Intent::Message(
                "Nothing is due for review today: answered questions come back as FSRS schedules them."
                    .into(),
            ),
            Item::Due => Intent::Start(NewAttempt::Due { count: None }, IfInProgress::Abandon),
            Item::Progress => Intent::Open(Box::new(super::progress::Progress::new(practice))),
            Item::Missed if practice.missed().is_empty() => {
                Intent::Message("No missed answers to review: finish an attempt first.".into())
            }
            Item::Missed => {
                Intent::Start(NewAttempt::Missed { count: None }, IfInProgress::Abandon)
            }
            Item::History => Intent::Open(Box::new(super::history::History::new(practice))),
            Item::Quit => Intent::Quit,
        }
    }
}

impl Screen for Home {
    fn kind(&self) -> ScreenKind {
        ScreenKind::Home
    }

    fn bindings(&self, _: &Practice) -> Vec<Binding> {
        let [up, down] = keys::list_moves();
        vec![
            up,
            down,
            Binding::new(
                Keys::Codes(&[KeyCode::Enter]),
                "enter",
                "open",
                Cmd::Open,
                6,
            ),
            Binding::new(
                Keys::Chars("cgvmpdswuroh"),
                "letter",
                "shortcut",
                Cmd::Shortcut,
                4,
            ),
            Binding::new(
                Keys::Codes(&[KeyCode::Char('q'), KeyCode::Esc]),
                "q",
                "quit",
                Cmd::Quit,
                7,
            ),
        ]
    }

    fn on(&mut self, cmd: Cmd, key: KeyEvent, practice: &Practice) -> Intent {
        match cmd {
            Cmd::Up => self.selected = self.selected.saturating_sub(1),
            Cmd::Down => self.selected = (self.selected + 1).min(self.items.len() - 1),
            Cmd::Open => return self.choose(self.items[self.selected], practice),
            Cmd::Shortcut => {
                let KeyCode::Char(c) = key.code else {
                    return Intent::None;
                };
                if let Some(item) = self.items.iter().copied().find(|i| i.label().0 == c) {
                    return self.choose(item, practice);
                }
            }
            Cmd::Quit => return Intent::Quit,
            _ => {}
        }
        Intent::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let theme = view.theme;
        let [head, note, body] = super::layout(area);
        let practice = view.practice;
        let bp = practice.blueprint();
        header(
            frame,
            head,
            theme,
            Line::raw(format!(" proctor · {} practice exams", bp.code)),
            Line::raw(format!("{} ", practice.bank().source)),
        );
        message(frame, note, view);

        let mut lines = vec![
            Line::styled(format!("{} ({})", bp.name, bp.code), theme.title()),
            Line::raw(format!(
                "{} questions in the bank · a mock is {} questions in {} minutes",
                practice.bank().len(),
                bp.questions,
                bp.minutes
            )),
            Line::raw(""),
        ];
        match &self.last {
            Some(Scored { attempt, card }) => {
                let verdict = if card.passed {
                    Span::styled("PASS", theme.pass())
                } else {
                    Span::styled("FAIL", theme.fail())
                };
                lines.push(Line::from(vec![
                    Span::raw(format!(
                        "Last mock exam: {} · {}/{} ({:.0}%) · estimated scaled score {} · ",
                        text::date(&attempt.finished),
                        card.correct,
                        card.total,
                        card.percent,
                        card.scaled_estimate
                    )),
                    verdict,
                ]));
            }
            None => lines.push(Line::styled("No mock exam finished yet.", theme.dim())),
        }
        lines.push(Line::raw(self.readiness.clone()));
        lines.push(Line::raw(""));
        for (n, item) in self.items.iter().enumerate() {
            let (key, label) = item.label();
            let label = if *item == Item::Due {
                format!(
                    "Spaced review: {} due today, misconceptions first",
                    self.due
                )
            } else {
                label.to_string()
            };
            let selected = n == self.selected;
            lines.push(Line::from(vec![
                Span::raw(if selected { " › " } else { "   " }),
                Span::styled(format!("[{key}]"), theme.key()),
                Span::raw(" "),
                Span::styled(
                    label,
                    if selected {
                        theme.cursor()
                    } else {
                        theme.plain()
                    },
                ),
            ]));
        }
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: false }),
            body.inner(ratatui::layout::Margin::new(2, 1)),
        );
    }
}
