//! The exam screen (mocks, drills and missed-answer review): the header with progress and the
//! clock, the question, its options, and — once revealed in a drill — the verdict, each option's
//! why, the explanation and the references.

use super::review::{Filter, Review};
use super::{Intent, Screen, View, header};
use crate::bank::Question;
use crate::exam::{Action, Confidence, Feedback, Mode, Scope, Session};
use crate::practice::Practice;
use crate::tui::app::ScreenKind;
use crate::tui::keys::{Binding, Cmd, Keys};
use crate::tui::text::{self, wrap};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

/// Width of the option prefix: cursor, verdict, space, mark, space, letter, dot, space.
const PREFIX: usize = 10;

pub(crate) fn mode_label(session: &Session) -> String {
    let p = &session.paper;
    let safe = crate::safe_text::line;
    match (p.mode, &p.scope) {
        (Mode::Exam, _) if p.practice => "Practice exam".into(),
        (Mode::Exam, _) => "Mock exam".into(),
        (Mode::Drill, Scope::Domain { domain }) => format!("Drill · domain {domain}"),
        (Mode::Drill, Scope::Task { task }) => format!("Drill · task {}", safe(task)),
        (Mode::Drill, Scope::Skill { skill }) => format!("Drill · skill {}", safe(skill)),
        (Mode::Drill, Scope::Service { service }) => format!("Drill · {}", safe(service)),
        (Mode::Drill, Scope::Grep { text }) => format!("Drill · \"{}\"", safe(text)),
        (Mode::Drill, _) => "Drill".into(),
        (Mode::Review, Scope::Due { .. }) => "Spaced review".into(),
        (Mode::Review, _) => "Missed-answer review".into(),
    }
}

/// A confidence mark as the status line shows it.
pub(crate) fn confidence_label(c: Confidence) -> &'static str {
    match c {
        Confidence::Guess => "? GUESS",
        Confidence::Unsure => "~ UNSURE",
        Confidence::Sure => "✓ SURE",
    }
}

/// The clock for the header — remaining time (timed) or elapsed time — and the pace mark.
fn clock_spans(session: &Session, theme: Theme) -> (Vec<Span<'static>>, Option<String>) {
    let Some(left) = session.remaining() else {
        return (
            vec![Span::raw(format!(
                "elapsed {} ",
                text::clock(session.elapsed)
            ))],
            None,
        );
    };
    let limit = session.paper.time_limit_secs.unwrap_or(0) * 1000;
    let style = if left <= 5 * 60_000 {
        theme.alert()
    } else if left <= 30 * 60_000 {
        theme.warn()
    } else {
        theme.header()
    };
    let per_question = limit / session.len().max(1) as u64;
    // Ahead when at least as many questions are answered as the time used would allow.
    let pace = session.elapsed.checked_div(per_question).map(|expected| {
        let mark = if session.answered_count() as u64 >= expected {
            "▲ ahead of"
        } else {
            "▼ behind"
        };
        let each = if per_question < 60_000 {
            format!("{} s", per_question / 1000)
        } else {
            format!("{:.1} min", per_question as f64 / 60_000.0)
        };
        format!("{mark} pace ({each} per question) ")
    });
    (
        vec![Span::styled(format!(" {} left ", text::clock(left)), style)],
        pace,
    )
}

/// The exam screen's state: the option cursor and scroll of the question on screen, and where
/// its lines fell at the last layout (for scrolling and mouse clicks).
pub(crate) struct Exam {
    /// The question this state belongs to; cursor and scroll reset on another question.
    question: usize,
    cursor: usize,
    /// The cursor moved since the last layout: scroll so that its option is in view.
    follow_cursor: bool,
    scroll: u16,
    max_scroll: u16,
    body: Rect,
    lines: Vec<Line<'static>>,
    /// For each option (display position): its first and last line in `lines`.
    option_lines: Vec<(usize, usize)>,
    /// Entered from the review screen's Flagged or Incomplete filter: next and previous step
    /// through that filter's questions only, as on the real exam.
    walk: Option<Filter>,
}

impl Exam {
    pub(crate) fn new(practice: &Practice) -> Exam {
        Exam {
            question: practice.session().map_or(0, |s| s.current),
            cursor: 0,
            follow_cursor: false,
            scroll: 0,
            max_scroll: 0,
            body: Rect::default(),
            lines: Vec::new(),
            option_lines: Vec::new(),
            walk: None,
        }
    }

    /// The exam screen stepping through one review filter's questions (None: all of them).
    pub(crate) fn walking(practice: &Practice, walk: Option<Filter>) -> Exam {
        Exam {
            walk,
            ..Exam::new(practice)
        }
    }

    /// The review screen, on the filter being walked (after its last question, or the paper's).
    fn review(&self, practice: &Practice) -> Intent {
        let filter = self.walk.unwrap_or(Filter::All);
        Intent::Open(Box::new(Review::with_filter(practice, filter)))
    }

    /// Next or previous inside the filter being walked: its next question after this one, or
    /// the review screen after its last.
    fn step(&self, s: &Session, filter: Filter, forward: bool, practice: &Practice) -> Intent {
        let list = filter.list(s);
        let i = s.current;
        let to = if forward {
            list.iter().copied().find(|&j| j > i)
        } else {
            list.iter().rev().copied().find(|&j| j < i)
        };
        match (to, forward) {
            (Some(j), _) => Intent::Act(Action::GoTo(j)),
            (None, true) => self.review(practice),
            (None, false) => {
                Intent::Message(format!("This is the first {} question.", filter.noun()))
            }
        }
    }

    /// Resets the cursor and scroll when the session has moved to another question.
    fn follow(&mut self, session: &Session) {
        if session.current != self.question {
            self.question = session.current;
            self.cursor = 0;
            self.scroll = 0;
        }
    }

    fn move_cursor(&mut self, to: usize) {
        self.follow_cursor |= to != self.cursor;
        self.cursor = to;
    }

    /// Choosing the option at `pos`, unless the question already has all the answers it takes
    /// (as on the real exam): then a word on why nothing happened.
    fn choose(s: &Session, pos: usize) -> Intent {
        let i = s.current;
        let required = s.paper.items[i].required();
        if required > 1 && !s.is_chosen(i, pos) && s.responses[i].chosen.len() >= required {
            return Intent::Message(format!(
                "This question takes {required} answers: clear one first (choose it again)."
            ));
        }
        Intent::Act(Action::Choose(pos))
    }

    fn scroll_by(&mut self, delta: i32) {
        self.scroll = super::scroll_to(self.scroll, delta, self.max_scroll);
    }

    /// The header, status and notice rows above the question.
    fn areas(area: Rect) -> [Rect; 4] {
        Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(area)
    }
}

impl Screen for Exam {
    fn kind(&self) -> ScreenKind {
        ScreenKind::Exam
    }

    fn bindings(&self, practice: &Practice) -> Vec<Binding> {
        let submit = practice
            .session()
            .is_some_and(|s| s.paper.feedback == Feedback::Now && !s.is_revealed(s.current));
        let mut keys = vec![
            // Up to ten options (an imported bank may have them); no exam command uses a–j.
            Binding::new(Keys::Letters('a', 'j'), "a–f", "choose", Cmd::Choose, 9)
                .detail("choose an option (toggle in multiple response)"),
            Binding::new(
                Keys::Codes(&[KeyCode::Up]),
                "↑↓ space",
                "select",
                Cmd::Up,
                3,
            )
            .detail("move the option cursor up / down; space toggles it"),
            Binding::new(
                Keys::Codes(&[KeyCode::Down]),
                "↓",
                "cursor down",
                Cmd::Down,
                0,
            )
            .secondary(),
            Binding::new(
                Keys::Codes(&[KeyCode::Char(' ')]),
                "space",
                "toggle",
                Cmd::Toggle,
                0,
            )
            .secondary(),
        ];
        if submit {
            keys.push(
                Binding::new(
                    Keys::Codes(&[KeyCode::Enter]),
                    "enter",
                    "submit",
                    Cmd::Submit,
                    8,
                )
                .detail("submit the answer and show the verdict"),
            );
        }
        keys.extend([
            Binding::new(
                Keys::Codes(&[KeyCode::Char('x')]),
                "x",
                "strike",
                Cmd::Strike,
                2,
            )
            .detail("strike out the option under the cursor (never scored)"),
            Binding::new(
                Keys::Codes(&[KeyCode::Right, KeyCode::Char('n')]),
                "←→/p n",
                "move",
                Cmd::Next,
                7,
            )
            .detail("next / previous question (n on the last: review screen)"),
            Binding::new(
                Keys::Codes(&[KeyCode::Left, KeyCode::Char('p')]),
                "← p",
                "previous",
                Cmd::Previous,
                0,
            )
            .secondary(),
            Binding::new(
                Keys::Codes(&[KeyCode::Char('m')]),
                "m",
                "flag",
                Cmd::Flag,
                6,
            )
            .detail("mark (flag) the question for review"),
            // Digits: no option letter and no exam key, so a mark never changes an answer.
            Binding::new(Keys::Chars("123"), "1 2 3", "sure?", Cmd::Confidence, 1)
                .detail("how sure you are: 1 guess, 2 unsure, 3 sure (optional; again clears)"),
            Binding::new(
                Keys::Codes(&[KeyCode::Char('r')]),
                "r",
                "review",
                Cmd::Review,
                5,
            )
            .detail("review screen: every question's state; end the exam there"),
            Binding::new(
                Keys::Codes(&[KeyCode::PageUp]),
                "PgUp PgDn",
                "scroll",
                Cmd::PageUp,
                0,
            )
            .detail("scroll a long question (or the mouse wheel)"),
            Binding::new(
                Keys::Codes(&[KeyCode::PageDown]),
                "PgDn",
                "scroll down",
                Cmd::PageDown,
                0,
            )
            .secondary(),
            Binding::new(
                Keys::Codes(&[KeyCode::Char('q'), KeyCode::Esc]),
                "q",
                "pause",
                Cmd::Pause,
                8,
            )
            .detail("pause and go home (saved; resumes where it was)"),
        ]);
        keys
    }

    fn on(&mut self, cmd: Cmd, key: KeyEvent, practice: &Practice) -> Intent {
        let Some(s) = practice.session() else {
            return Intent::Home;
        };
        self.follow(s);
        let i = s.current;
        let options = s.paper.items[i].order.len();
        let last = i + 1 == s.len();
        match cmd {
            Cmd::Choose => {
                let KeyCode::Char(c) = key.code else {
                    return Intent::None;
                };
                if let Some(pos) = crate::format::position(c).filter(|&p| p < options) {
                    self.move_cursor(pos);
                    return Exam::choose(s, pos);
                }
            }
            Cmd::Up => self.move_cursor(self.cursor.saturating_sub(1)),
            Cmd::Down => self.move_cursor((self.cursor + 1).min(options - 1)),
            Cmd::Toggle => return Exam::choose(s, self.cursor),
            Cmd::Strike => return Intent::Act(Action::ToggleStrike(self.cursor)),
            Cmd::Flag => return Intent::Act(Action::ToggleFlag),
            Cmd::Confidence => {
                let KeyCode::Char(c @ '1'..='3') = key.code else {
                    return Intent::None;
                };
                if s.is_revealed(i) {
                    return Intent::Message(
                        "The verdict is shown: the confidence mark stays as it was.".into(),
                    );
                }
                let mark = Confidence::ALL[usize::from(c as u8 - b'1')];
                return Intent::Act(Action::Confidence(mark));
            }
            Cmd::Submit => {
                // The verdict appears above the question: show it from the top.
                self.scroll = 0;
                self.follow_cursor = false;
                return Intent::Reveal;
            }
            Cmd::Next | Cmd::Previous if self.walk.is_some() => {
                let filter = self.walk.unwrap_or(Filter::All);
                return self.step(s, filter, cmd == Cmd::Next, practice);
            }
            Cmd::Next if last => {
                return if s.paper.feedback == Feedback::Now && s.is_revealed(i) {
                    Intent::End
                } else {
                    self.review(practice)
                };
            }
            Cmd::Next => return Intent::Act(Action::Next),
            Cmd::Previous => return Intent::Act(Action::Previous),
            Cmd::Review => {
                return Intent::Open(Box::new(Review::with_filter(practice, Filter::All)));
            }
            Cmd::PageDown | Cmd::PageUp => {
                let page = i32::from(self.body.height.saturating_sub(1).max(1));
                self.scroll_by(if cmd == Cmd::PageDown { page } else { -page });
            }
            Cmd::Pause => return Intent::Pause,
            _ => {}
        }
        Intent::None
    }

    fn on_mouse(&mut self, mouse: MouseEvent, practice: &Practice) -> Intent {
        match mouse.kind {
            MouseEventKind::ScrollDown => self.scroll_by(super::WHEEL_LINES),
            MouseEventKind::ScrollUp => self.scroll_by(-super::WHEEL_LINES),
            MouseEventKind::Down(MouseButton::Left) => {
                let b = self.body;
                let (x, y) = (mouse.column, mouse.row);
                if x < b.x || x >= b.x + b.width || y < b.y || y >= b.y + b.height {
                    return Intent::None;
                }
                if practice
                    .session()
                    .is_some_and(|s| s.current != self.question)
                {
                    return Intent::None;
                }
                let line = usize::from(self.scroll) + usize::from(y - b.y);
                if let Some(pos) = self
                    .option_lines
                    .iter()
                    .position(|&(first, last)| (first..=last).contains(&line))
                {
                    self.cursor = pos;
                    if let Some(s) = practice.session() {
                        return Exam::choose(s, pos);
                    }
                }
            }
            _ => {}
        }
        Intent::None
    }

    fn layout(&mut self, area: Rect, practice: &Practice, theme: Theme) {
        let Some(session) = practice.session() else {
            return;
        };
        self.follow(session);
        let [_, _, _, body] = Exam::areas(area);
        let width = usize::from(body.width.saturating_sub(3)).max(10);
        let item = &session.paper.items[session.current];
        let (lines, option_lines) = match item.question(practice.bank()) {
            Ok(q) => question_lines(session, &q, self.cursor, width, theme),
            Err(why) => (
                vec![Line::styled(
                    format!("{why} Go on with → or n."),
                    theme.error(),
                )],
                Vec::new(),
            ),
        };
        self.max_scroll = super::cells(lines.len().saturating_sub(usize::from(body.height)));
        self.scroll = self.scroll.min(self.max_scroll);
        if std::mem::take(&mut self.follow_cursor)
            && let Some(&(first, last)) = option_lines.get(self.cursor)
        {
            let height = usize::from(body.height).max(1);
            let top = usize::from(self.scroll);
            if first < top {
                self.scroll = super::cells(first);
            } else if last >= top + height {
                self.scroll = super::cells((last + 1).saturating_sub(height)).min(self.max_scroll);
            }
        }
        self.body = body;
        self.lines = lines;
        self.option_lines = option_lines;
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let theme = view.theme;
        let [head, status, notice, body] = Exam::areas(area);
        let Some(session) = view.practice.session() else {
            return;
        };
        let i = session.current;
        let response = &session.responses[i];

        let (clock, pace) = clock_spans(session, theme);
        header(
            frame,
            head,
            theme,
            Line::raw(format!(
                " {} · {} · Question {} of {}",
                session.paper.exam,
                mode_label(session),
                i + 1,
                session.len(),
            )),
            Line::from(clock),
        );
        let mut left = vec![Span::raw(format!(
            " Answered {} of {} · Flagged {}",
            session.answered_count(),
            session.len(),
            session.flagged_count(),
        ))];
        if response.flagged {
            left.push(Span::raw("   "));
            left.push(Span::styled("⚑ FLAGGED", theme.flagged()));
        }
        if let Some(c) = response.confidence {
            left.push(Span::raw("   "));
            left.push(Span::styled(confidence_label(c), theme.section()));
        }
        if let Some(filter) = self.walk {
            let list = filter.list(session);
            let at = list
                .iter()
                .position(|&j| j == i)
                .map_or(String::new(), |n| format!(" {} of {}", n + 1, list.len()));
            left.push(Span::raw("   "));
            left.push(Span::styled(
                format!("Reviewing {}{at}: n/p step through them", filter.noun()),
                theme.warn(),
            ));
        }
        let left = Line::from(left);
        let room = usize::from(status.width).saturating_sub(left.width() + 1);
        frame.render_widget(Paragraph::new(left), status);
        // The pace mark gives way to the counts on a narrow screen: first its detail, then itself.
        let pace = pace.and_then(|full| {
            let short = full.split(" (").next().unwrap_or_default().to_string() + " ";
            [full, short].into_iter().find(|p| text::width(p) <= room)
        });
        if let Some(pace) = pace {
            frame.render_widget(
                Paragraph::new(pace).alignment(ratatui::layout::Alignment::Right),
                status,
            );
        }

        if let Some(m) = view.message {
            frame.render_widget(
                Paragraph::new(Span::styled(format!(" {m}"), theme.error())),
                notice,
            );
        } else if let Some(n) = view.notice {
            frame.render_widget(
                Paragraph::new(Span::styled(format!(" Notice: {n}"), theme.warn())),
                notice,
            );
        }

        frame.render_widget(
            Paragraph::new(self.lines.clone()).scroll((self.scroll, 0)),
            body.inner(ratatui::layout::Margin::new(1, 0)),
        );
        if self.max_scroll > 0 {
            let mut state = ScrollbarState::new(usize::from(self.max_scroll) + 1)
                .position(usize::from(self.scroll))
                .viewport_content_length(usize::from(body.height));
            frame.render_stateful_widget(
                Scrollbar::new(ScrollbarOrientation::VerticalRight),
                body,
                &mut state,
            );
        }
    }
}

/// The body of the question: its lines, and for each option its first and last line.
fn question_lines(
    session: &Session,
    q: &Question,
    cursor: usize,
    width: usize,
    theme: Theme,
) -> (Vec<Line<'static>>, Vec<(usize, usize)>) {
    let i = session.current;
    let item = &session.paper.items[i];
    let revealed = session.is_revealed(i);
    let multiple = item.required() > 1;
    let keys = item.key_positions();
    let mut lines: Vec<Line> = Vec::new();

    if revealed {
        let verdict = if session.is_correct(i) {
            Line::styled("✓ Correct", theme.correct())
        } else {
            Line::styled("✗ Incorrect", theme.wrong())
        };
        lines.push(verdict);
        lines.push(Line::raw(""));
    }
    lines.extend(wrap(&q.stem, width).into_iter().map(Line::raw));
    lines.push(Line::raw(""));
    if multiple {
        lines.push(Line::styled(
            format!("(Select {}.)", text::count_word(item.required())),
            theme.section(),
        ));
        lines.push(Line::raw(""));
    }
    let mut option_lines = Vec::new();
    for (pos, &file_index) in item.order.iter().enumerate() {
        let option = &q.options[file_index];
        let chosen = session.is_chosen(i, pos);
        let struck = session.is_struck(i, pos);
        let under_cursor = pos == cursor;
        let mark = match (multiple, chosen) {
            (true, true) => "[x]",
            (true, false) => "[ ]",
            (false, true) => "(•)",
            (false, false) => "( )",
        };
        let verdict = if !revealed {
            Span::raw(" ")
        } else if keys.contains(&pos) {
            Span::styled("✓", theme.correct())
        } else if chosen {
            Span::styled("✗", theme.wrong())
        } else {
            Span::raw(" ")
        };
        let mut text_style = theme.plain();
        if chosen {
            text_style = text_style.patch(theme.chosen());
        }
        if struck {
            text_style = text_style.patch(theme.struck());
        }
        let first = lines.len();
        for (n, row) in wrap(&option.text, width.saturating_sub(PREFIX).max(1))
            .into_iter()
            .enumerate()
        {
            let mut spans = Vec::new();
            if n == 0 {
                let letter_style = if under_cursor {
                    theme.cursor()
                } else {
                    text_style
                };
                spans.push(Span::styled(
                    if under_cursor { "›" } else { " " },
                    theme.key(),
                ));
                spans.push(verdict.clone());
                spans.push(Span::raw(" "));
                spans.push(Span::styled(
                    mark,
                    if chosen {
                        theme.chosen()
                    } else {
                        theme.plain()
                    },
                ));
                spans.push(Span::raw(" "));
                spans.push(Span::styled(
                    format!("{}.", text::letter(pos)),
                    letter_style,
                ));
                spans.push(Span::raw(" "));
            } else {
                spans.push(Span::raw(" ".repeat(PREFIX)));
            }
            spans.push(Span::styled(row, text_style));
            lines.push(Line::from(spans));
        }
        option_lines.push((first, lines.len() - 1));
        if revealed {
            why_lines(
                &mut lines,
                option,
                keys.contains(&pos),
                PREFIX,
                width,
                theme,
            );
        }
        lines.push(Line::raw(""));
    }
    if revealed {
        explanation_lines(&mut lines, q, width, theme);
    }
    (lines, option_lines)
}

/// An option's reason, indented under its text: "Right: …" for a key, "Wrong: …" otherwise.
pub(crate) fn why_lines(
    lines: &mut Vec<Line<'static>>,
    option: &crate::bank::AnswerOption,
    is_key: bool,
    indent: usize,
    width: usize,
    theme: Theme,
) {
    // An imported question may give no reasons: then there is nothing to say.
    if option.why.trim().is_empty() {
        return;
    }
    let label = if is_key { "Right" } else { "Wrong" };
    for row in wrap(
        &format!("{label}: {}", option.why),
        width.saturating_sub(indent).max(1),
    ) {
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(indent)),
            Span::styled(row, theme.dim()),
        ]));
    }
}

/// "Explanation" and "References" sections (shared with the answer review).
pub(crate) fn explanation_lines(
    lines: &mut Vec<Line<'static>>,
    q: &Question,
    width: usize,
    theme: Theme,
) {
    if !q.explanation.trim().is_empty() {
        lines.push(Line::styled("Explanation", theme.section()));
        lines.extend(wrap(&q.explanation, width).into_iter().map(Line::raw));
    }
    if !q.references.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("References", theme.section()));
        for r in &q.references {
            // A URL split over lines cannot be followed or copied: it stays whole, on a line
            // of its own when it does not fit beside its bullet (the screen may cut it).
            if text::width(r) + 2 <= width {
                lines.push(Line::raw(format!("• {r}")));
            } else {
                lines.push(Line::raw("•"));
                lines.push(Line::raw(r.clone()));
            }
        }
    }
}
