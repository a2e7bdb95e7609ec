//! Ending the exam: a confirmation that lists what is unanswered and flagged.

use super::{centered, hints};
use crate::tui::app::App;
use crate::tui::text::wrap;
use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

fn numbers(list: &[usize]) -> String {
    list.iter()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn draw(frame: &mut Frame, app: &mut App) {
    let theme = app.theme;
    let area = centered(frame.area(), 70, 16);
    let width = usize::from(area.width.saturating_sub(4));
    // The review screen stays visible around the confirmation.
    super::review::draw(frame, app);
    let Some(s) = &app.session else { return };
    let unanswered = s.unanswered();
    let flagged = s.flagged();
    let mut lines = vec![Line::styled("End the exam?", theme.title()), Line::raw("")];
    if unanswered.is_empty() {
        lines.push(Line::raw("Every question is answered."));
    } else {
        let text = format!(
            "Unanswered ({}): {} — they count as wrong.",
            unanswered.len(),
            numbers(&unanswered)
        );
        lines.extend(
            wrap(&text, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.warn())),
        );
    }
    if flagged.is_empty() {
        lines.push(Line::raw("No question is flagged."));
    } else {
        let text = format!("Flagged ({}): {}", flagged.len(), numbers(&flagged));
        lines.extend(
            wrap(&text, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.flagged())),
        );
    }
    lines.push(Line::raw(""));
    lines.push(hints(theme, &[("y", "end the exam"), ("n/esc", "go back")]));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(" End exam ")
                .padding(ratatui::widgets::Padding::horizontal(1)),
        ),
        area,
    );
}
