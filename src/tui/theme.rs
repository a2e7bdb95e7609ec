//! Every style the screens use. With colour off (`NO_COLOR`), only modifiers remain — bold,
//! reverse, underline and crossed-out — and each of them carries meaning on its own; symbols
//! (✓ ✗ ⚑ [x] (•)) carry the rest, so nothing is told by colour alone.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// `color: false` is the `NO_COLOR` theme. `run` decides from the environment; tests pass
    /// the flag explicitly.
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    pub fn has_color(&self) -> bool {
        self.color
    }

    fn fg(self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    pub fn plain(&self) -> Style {
        Style::default()
    }

    pub fn title(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    pub fn header(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }

    pub fn key(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::Yellow)
    }

    /// The option or list row under the cursor.
    pub fn cursor(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    /// A chosen option.
    pub fn chosen(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    /// A struck-out option: crossed out, whatever the colours.
    pub fn struck(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::CROSSED_OUT),
            Color::DarkGray,
        )
    }

    pub fn correct(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::Green)
    }

    pub fn wrong(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::Red)
    }

    pub fn flagged(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::BOLD),
            Color::Magenta,
        )
    }

    /// The clock from 30 minutes left.
    pub fn warn(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::Yellow)
    }

    /// The clock from 5 minutes left.
    pub fn alert(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            Color::Red,
        )
    }

    pub fn error(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Color::Red,
        )
    }

    pub fn section(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn pass(&self) -> Style {
        self.correct()
    }

    pub fn fail(&self) -> Style {
        self.wrong()
    }

    pub fn bar(&self) -> Style {
        self.fg(Style::default(), Color::Cyan)
    }
}
