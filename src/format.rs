//! Text formats every front end shares: clocks, durations, dates, option letters. No terminal
//! code, so the line mode and the reports use them too.

/// `h:mm:ss`.
pub fn clock(millis: u64) -> String {
    let s = millis / 1000;
    format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// `1h 05m` / `12m 30s`, for durations in prose.
pub fn duration(secs: u64) -> String {
    if secs >= 3600 {
        format!("{}h {:02}m", secs / 3600, secs / 60 % 60)
    } else {
        format!("{}m {:02}s", secs / 60, secs % 60)
    }
}

/// "2026-11-26 18:15" from an RFC 3339 stamp; anything else as it is.
pub fn date(stamp: &str) -> String {
    match (stamp.get(..10), stamp.get(10..11), stamp.get(11..16)) {
        (Some(day), Some("T"), Some(time)) => format!("{day} {time}"),
        _ => stamp.to_string(),
    }
}

/// "TWO" / "THREE" for "(Select TWO.)".
pub fn count_word(n: usize) -> String {
    match n {
        2 => "TWO".into(),
        3 => "THREE".into(),
        4 => "FOUR".into(),
        n => n.to_string(),
    }
}

/// The letter of a display position: A for 0.
pub fn letter(pos: usize) -> char {
    u8::try_from(pos)
        .ok()
        .and_then(|p| b'A'.checked_add(p))
        .map_or('?', char::from)
}

/// The display position of an option letter, either case: 0 for A.
pub fn position(letter: char) -> Option<usize> {
    letter
        .is_ascii_alphabetic()
        .then(|| usize::from(letter.to_ascii_lowercase() as u8 - b'a'))
}

/// The lucky guesses and misconceptions of an attempt, a line each (none when nothing was
/// marked): "Lucky guesses (Guess, right): 2 — 4 (1.2-003), 17 (3.1-010)".
pub fn confidence_lines(session: &crate::exam::Session) -> Vec<String> {
    let marks = crate::exam::confidence_marks(session);
    if marks.marked == 0 {
        return Vec::new();
    }
    let listed = |list: &[usize]| {
        if list.is_empty() {
            return "0".to_string();
        }
        let each: Vec<String> = list
            .iter()
            .map(|&i| {
                let id = crate::safe_text::line(&session.paper.items[i].id);
                format!("{} ({id})", i + 1)
            })
            .collect();
        format!("{} — questions {}", list.len(), each.join(", "))
    };
    vec![
        format!(
            "Confidence marked on {} of {} answers",
            marks.marked,
            session.len()
        ),
        format!("Lucky guesses (Guess, right): {}", listed(&marks.lucky)),
        format!(
            "Misconceptions (Sure, wrong): {}{}",
            listed(&marks.misconceptions),
            if marks.misconceptions.is_empty() {
                ""
            } else {
                " · spaced review asks these first"
            }
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_dates_and_letters() {
        assert_eq!(clock(3 * 3600 * 1000), "3:00:00");
        assert_eq!(clock(61_999), "0:01:01");
        assert_eq!(date("2026-11-26T18:15:02Z"), "2026-11-26 18:15");
        // A stamp from a damaged file never splits a character.
        assert_eq!(date("2026-11-26T18:1é"), "2026-11-26T18:1é");
        assert_eq!(letter(2), 'C');
        assert_eq!(position('c'), Some(2));
        assert_eq!(position('1'), None);
    }
}
