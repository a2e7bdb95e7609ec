//! Key tables: each screen lists its [`Binding`]s, and that one list decides what a key does,
//! what the footer shows and what `?` lists — so hints can never disagree with the keys.

use super::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};

/// What a key asks a screen to do. One vocabulary for every screen; each screen binds the
/// commands it has and interprets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    /// An option letter (the key says which).
    Choose,
    Up,
    Down,
    /// Toggle the option under the cursor.
    Toggle,
    Strike,
    Flag,
    Next,
    Previous,
    First,
    Last,
    PageUp,
    PageDown,
    /// Drills: judge the answer.
    Submit,
    /// Open the review screen (or close it).
    Review,
    /// A filter tab: the key's digit, or the next one on tab.
    Filter,
    NextFilter,
    EndExam,
    Confirm,
    Cancel,
    /// Enter on a list: open what is selected.
    Open,
    /// A menu shortcut letter (the key says which).
    Shortcut,
    Pause,
    Back,
    Home,
    Quit,
    ToggleTasks,
    Answers,
    /// A confidence mark: 1 guess, 2 unsure, 3 sure (the key says which).
    Confidence,
    /// A typed character (text input; the key says which).
    Type,
    /// Delete the last typed character.
    Delete,
}

/// Which key events a binding matches.
#[derive(Debug, Clone, Copy)]
pub enum Keys {
    Codes(&'static [KeyCode]),
    /// Any character in the range, either case (`a`–`f`).
    Letters(char, char),
    /// Any of these characters (menu shortcuts).
    Chars(&'static str),
    /// Any printable character (text input).
    Typed,
}

impl Keys {
    pub fn matches(&self, key: &KeyEvent) -> bool {
        match (self, key.code) {
            (Keys::Codes(codes), code) => codes.contains(&code),
            (Keys::Letters(from, to), KeyCode::Char(c)) => {
                (*from..=*to).contains(&c.to_ascii_lowercase())
            }
            (Keys::Chars(chars), KeyCode::Char(c)) => chars.contains(c),
            (Keys::Typed, KeyCode::Char(c)) => !c.is_control(),
            _ => false,
        }
    }
}

/// One row of a screen's key table.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: Keys,
    /// How the keys are written for people: "a–f", "←→/p n".
    pub label: &'static str,
    /// What they do, in a word or two for the footer.
    pub what: String,
    /// What they do, in full, for the `?` list (the footer's words when empty).
    pub detail: &'static str,
    pub cmd: Cmd,
    /// Footer priority: 0 appears only in the `?` list; on a narrow screen the lowest
    /// priorities give way first.
    pub footer: u8,
    /// Shown under another row's label ("↑↓" covers ↓): neither footer nor `?` lists it.
    pub secondary: bool,
}

impl Binding {
    pub fn new(keys: Keys, label: &'static str, what: &str, cmd: Cmd, footer: u8) -> Binding {
        Binding {
            keys,
            label,
            what: what.to_string(),
            detail: "",
            cmd,
            footer,
            secondary: false,
        }
    }

    /// Covered by another row's label: handled, but not listed.
    pub fn secondary(mut self) -> Binding {
        self.secondary = true;
        self.footer = 0;
        self
    }

    /// The fuller description the `?` list shows.
    pub fn detail(mut self, detail: &'static str) -> Binding {
        self.detail = detail;
        self
    }
}

/// ↑/k and ↓/j moving a list's selection, listed once as "↑↓ move".
pub fn list_moves() -> [Binding; 2] {
    [
        Binding::new(
            Keys::Codes(&[KeyCode::Up, KeyCode::Char('k')]),
            "↑↓",
            "move",
            Cmd::Up,
            5,
        ),
        Binding::new(
            Keys::Codes(&[KeyCode::Down, KeyCode::Char('j')]),
            "↓",
            "move down",
            Cmd::Down,
            0,
        )
        .secondary(),
    ]
}

/// The binding a key event belongs to, if any.
pub fn find<'b>(bindings: &'b [Binding], key: &KeyEvent) -> Option<&'b Binding> {
    bindings.iter().find(|b| b.keys.matches(key))
}

/// The `?` hint that ends every footer.
const HELP: (&str, &str) = ("?", "keys");

fn width(label: &str, what: &str) -> usize {
    super::text::width(label) + 1 + super::text::width(what)
}

/// The footer for `width` cells: as many bindings as fit, dropping the lowest priorities first
/// (and keeping table order), always ending with "? keys".
pub fn footer(theme: Theme, bindings: &[Binding], width_cells: u16) -> Line<'static> {
    let room = usize::from(width_cells);
    let mut shown: Vec<&Binding> = bindings.iter().filter(|b| b.footer > 0).collect();
    let total = |shown: &[&Binding]| {
        shown
            .iter()
            .map(|b| width(b.label, &b.what) + 2)
            .sum::<usize>()
            + width(HELP.0, HELP.1)
    };
    while !shown.is_empty() && total(&shown) > room {
        let lowest = shown.iter().map(|b| b.footer).min().unwrap_or(0);
        let at = shown
            .iter()
            .rposition(|b| b.footer == lowest)
            .unwrap_or(shown.len() - 1);
        shown.remove(at);
    }
    let mut spans = Vec::new();
    for b in shown {
        spans.push(Span::styled(b.label, theme.key()));
        spans.push(Span::raw(format!(" {}  ", b.what)));
    }
    spans.push(Span::styled(HELP.0, theme.key()));
    spans.push(Span::raw(format!(" {}", HELP.1)));
    Line::from(spans)
}

/// Key names in the `?` list may be written more fully than in the footer.
pub fn help_lines(theme: Theme, bindings: &[Binding]) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = bindings
        .iter()
        .filter(|b| !b.secondary)
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("{:>12}  ", b.label), theme.key()),
                Span::raw(if b.detail.is_empty() {
                    b.what.clone()
                } else {
                    b.detail.to_string()
                }),
            ])
        })
        .collect();
    for (key, what) in [
        ("?", "this list of keys"),
        ("ctrl+c", "pause any attempt and quit at once"),
    ] {
        lines.push(Line::from(vec![
            Span::styled(format!("{key:>12}  "), theme.key()),
            Span::raw(what),
        ]));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn table() -> Vec<Binding> {
        vec![
            Binding::new(Keys::Letters('a', 'f'), "a–f", "choose", Cmd::Choose, 9),
            Binding::new(
                Keys::Codes(&[KeyCode::Char('x')]),
                "x",
                "strike",
                Cmd::Strike,
                2,
            ),
            Binding::new(
                Keys::Codes(&[KeyCode::Char('m')]),
                "m",
                "flag",
                Cmd::Flag,
                5,
            ),
            Binding::new(
                Keys::Codes(&[KeyCode::Char('q')]),
                "q",
                "pause",
                Cmd::Pause,
                8,
            ),
        ]
    }

    #[test]
    fn a_narrow_footer_drops_the_lowest_priorities_and_keeps_help() {
        let theme = Theme::new(false);
        let wide = footer(theme, &table(), 200).to_string();
        assert_eq!(wide, "a–f choose  x strike  m flag  q pause  ? keys");
        let narrow = footer(theme, &table(), 35).to_string();
        assert_eq!(narrow, "a–f choose  m flag  q pause  ? keys");
        assert_eq!(footer(theme, &table(), 5).to_string(), "? keys");
    }

    #[test]
    fn letters_match_either_case_and_nothing_else() {
        let t = table();
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(find(&t, &key('C')).map(|b| b.cmd), Some(Cmd::Choose));
        assert_eq!(find(&t, &key('g')).map(|b| b.cmd), None);
    }
}
