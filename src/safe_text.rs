//! Text from files made safe to print on a terminal.
//!
//! A question bank, a history file or a file name is written by someone else. Printed raw, its
//! text can drive the terminal: ESC and CSI sequences clear the screen or move the cursor, OSC 52
//! writes the clipboard, BEL rings, C1 codes (U+0080–U+009F) are escape introducers on some
//! terminals, and bidi controls (U+202E and friends) reorder what is shown so a reader sees text
//! that is not what is there ("Trojan Source"). So every string that came from a file goes
//! through this module before it reaches standard output, standard error or the screen:
//!
//! - [`text`] for multi-line text (stems, explanations): keeps newline and tab;
//! - [`line`] for one-line values inside messages (ids, file names, `kind`, `task`, unknown keys):
//!   escapes newline, carriage return and tab as well, so a value cannot fake a second message;
//! - [`json`] for serde_json output, which escapes C0 controls but passes DEL, C1 and bidi
//!   controls through raw.
//!
//! Each unsafe character becomes a visible escape (`\u{1b}`, and `\n`, `\r`, `\t` in [`line`]),
//! so the reader sees that something odd is there. Returns the input unchanged, without copying,
//! when there is nothing to escape (the common case). No terminal crate is needed: the build
//! script compiles this file too.

use std::borrow::Cow;

/// Whether `c` must never reach a terminal raw: C0 controls, DEL, C1 controls, and the
/// bidirectional formatting controls. Newline and tab are included; callers that allow them
/// say so.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() // C0, DEL, C1
        || matches!(
            c,
            '\u{061C}' // Arabic letter mark
            | '\u{200E}' | '\u{200F}' // left-to-right and right-to-left marks
            | '\u{202A}'..='\u{202E}' // embeddings, overrides, pop
            | '\u{2066}'..='\u{2069}' // isolates, pop
        )
}

/// The first character of `s` that may not stand in multi-line text (everything [`is_unsafe`]
/// but newline and tab): the loader rejects text fields that have one.
pub fn first_unsafe(s: &str) -> Option<char> {
    s.chars().find(|&c| unsafe_in_text(c))
}

fn unsafe_in_text(c: char) -> bool {
    c != '\n' && c != '\t' && is_unsafe(c)
}

/// Multi-line text from a file, safe to print: newline and tab kept, every other unsafe
/// character escaped (a carriage return too: it would let a line overwrite itself).
pub fn text(s: &str) -> Cow<'_, str> {
    escape(s, unsafe_in_text, push_braced)
}

/// A one-line value from a file (an id, a file name, an enum value), safe to put in a message:
/// newline, carriage return and tab are escaped as `\n`, `\r`, `\t`, every other unsafe
/// character as `\u{..}`.
pub fn line(s: &str) -> Cow<'_, str> {
    escape(s, is_unsafe, |c, out| match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        _ => push_braced(c, out),
    })
}

/// serde_json output made safe to print: each unsafe character becomes a `\uXXXX` escape, so
/// the result is still valid JSON that parses back to the same value. serde_json already
/// escapes C0 controls inside strings, so a raw newline, carriage return or tab here is the
/// formatter's whitespace between tokens and is kept. (Every unsafe character is in the Basic
/// Multilingual Plane, so one `\uXXXX` always suffices.)
pub fn json(serialized: String) -> String {
    let structural = |c: char| matches!(c, '\n' | '\r' | '\t');
    match escape(
        &serialized,
        |c| is_unsafe(c) && !structural(c),
        |c, out| out.push_str(&format!("\\u{:04x}", c as u32)),
    ) {
        Cow::Borrowed(_) => serialized,
        Cow::Owned(escaped) => escaped,
    }
}

fn push_braced(c: char, out: &mut String) {
    out.push_str(&format!("\\u{{{:x}}}", c as u32));
}

fn escape<'a>(
    s: &'a str,
    needs_escape: impl Fn(char) -> bool,
    write: impl Fn(char, &mut String),
) -> Cow<'a, str> {
    let Some(first) = s.find(|c: char| needs_escape(c)) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        if needs_escape(c) {
            write(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ESC: &str = "a\x1bb";
    const CSI_CLEAR: &str = "\x1b[2J";
    const OSC52: &str = "\x1b]52;c;SU5KRUNURUQ=\x07";
    const C1_CSI: &str = "x\u{9b}31m";
    const BIDI: &str = "pay \u{202E}evil\u{202C} now";

    /// Nothing a terminal acts on is left in the output.
    fn inert(s: &str) -> bool {
        !s.chars().any(|c| is_unsafe(c) && c != '\n' && c != '\t')
    }

    #[test]
    fn escape_sequences_become_visible_text() {
        assert_eq!(text(ESC), "a\\u{1b}b");
        assert_eq!(text(CSI_CLEAR), "\\u{1b}[2J");
        assert_eq!(text(OSC52), "\\u{1b}]52;c;SU5KRUNURUQ=\\u{7}");
        assert_eq!(text("ding\x07"), "ding\\u{7}");
        assert_eq!(text(C1_CSI), "x\\u{9b}31m");
        assert_eq!(text("del\x7f"), "del\\u{7f}");
        assert_eq!(text(BIDI), "pay \\u{202e}evil\\u{202c} now");
        assert_eq!(
            text("\u{2066}\u{2069}\u{200f}\u{61c}"),
            "\\u{2066}\\u{2069}\\u{200f}\\u{61c}"
        );
        for s in [ESC, CSI_CLEAR, OSC52, C1_CSI, BIDI] {
            assert!(inert(&text(s)) && inert(&line(s)), "{s:?}");
        }
    }

    #[test]
    fn text_keeps_newlines_and_tabs_but_not_carriage_returns() {
        assert_eq!(text("one\n\ttwo"), "one\n\ttwo");
        assert_eq!(text("fake\rline"), "fake\\u{d}line");
    }

    #[test]
    fn line_keeps_a_value_on_one_line() {
        assert_eq!(line("1.1-001\nerror: forged"), "1.1-001\\nerror: forged");
        assert_eq!(line("a\r\tb"), "a\\r\\tb");
        assert_eq!(line(OSC52), "\\u{1b}]52;c;SU5KRUNURUQ=\\u{7}");
        assert!(!line("x\ny").contains('\n'));
    }

    #[test]
    fn clean_text_is_not_copied() {
        for s in [
            "",
            "A company runs ECS on Fargate — 25 accounts, “quoted”, 日本語 ✔",
        ] {
            assert!(matches!(text(s), Cow::Borrowed(_)));
            assert!(matches!(line(s), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn json_escapes_what_serde_json_passes_raw_and_still_parses_back() {
        let value = serde_json::json!({
            "task": OSC52, "stem": BIDI, "c1": C1_CSI, "del": "\x7f", "lines": "a\nb\tc\rd",
            "marks": "\u{200e}\u{200f}\u{61c}\u{2066}\u{2069}",
        });
        for raw in [
            serde_json::to_string(&value).unwrap(),
            serde_json::to_string_pretty(&value).unwrap(),
        ] {
            assert!(
                raw.contains('\u{202E}') && raw.contains('\u{9b}'),
                "serde_json passes them"
            );
            let safe = json(raw);
            assert!(inert(&safe), "{safe}");
            assert!(
                safe.contains("\\u202e") && safe.contains("\\u009b") && safe.contains("\\u007f")
            );
            let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
            assert_eq!(back, value);
        }
        let clean = serde_json::to_string_pretty(&serde_json::json!({"a": [1, "b"]})).unwrap();
        assert_eq!(json(clean.clone()), clean);
    }
}
