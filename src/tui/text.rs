//! Text helpers shared by the screens: word wrapping (so screens know which row shows which
//! option), clock formatting, bars and sparklines.

use ratatui::text::Span;

pub use crate::format::{clock, count_word, date, duration, letter};

/// Display width of a string in terminal cells.
pub fn width(s: &str) -> usize {
    Span::raw(s).width()
}

/// Wraps `text` to `width` cells: each `\n` starts a new line, words longer than the width are
/// split. Always returns at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.trim_end().split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for word in paragraph.split_whitespace() {
            let mut word = word.to_string();
            let mut w = self::width(&word);
            if line_w > 0 && line_w + 1 + w <= width {
                line.push(' ');
                line.push_str(&word);
                line_w += 1 + w;
                continue;
            }
            if line_w > 0 {
                lines.push(std::mem::take(&mut line));
            }
            while w > width {
                let mut head = String::new();
                let mut head_w = 0;
                let mut rest = String::new();
                for c in word.chars() {
                    let cw = self::width(c.encode_utf8(&mut [0; 4]));
                    if rest.is_empty() && head_w + cw <= width {
                        head.push(c);
                        head_w += cw;
                    } else {
                        rest.push(c);
                    }
                }
                if head.is_empty() {
                    // A character wider than the line: put it alone on a line.
                    let mut chars = rest.chars();
                    head.extend(chars.next());
                    rest = chars.collect();
                }
                lines.push(head);
                word = rest;
                w = self::width(&word);
            }
            line = word;
            line_w = w;
        }
        lines.push(line);
    }
    lines
}

/// A bar of `cells` cells filled to `percent`.
pub fn bar(percent: f64, cells: usize) -> String {
    // Clamped to 0..=cells before the cast.
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let filled = ((percent.clamp(0.0, 100.0) / 100.0) * cells as f64).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(cells - filled))
}

/// A one-line sparkline of percentages (0–100).
pub fn sparkline(values: &[f64]) -> String {
    const TICKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    // Clamped to 0..=7 before the cast.
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let tick = |v: f64| TICKS[((v.clamp(0.0, 100.0) / 100.0) * 7.0).round() as usize];
    values.iter().map(|&v| tick(v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_words_and_splits_long_ones() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("a\n\nb", 10), vec!["a", "", "b"]);
        assert_eq!(wrap("", 10), vec![""]);
        assert_eq!(wrap("word", 1), vec!["w", "o", "r", "d"]);
    }

    #[test]
    fn formats_bars() {
        assert_eq!(bar(50.0, 4), "██░░");
        assert_eq!(sparkline(&[0.0, 100.0]), "▁█");
    }
}
