//! The property the key-sequence fuzz target (`fuzz/fuzz_targets/keys.rs`) checks, here so that
//! `tests/fuzz_regressions.rs` replays saved inputs through the very same code: any sequence of
//! keys, mouse clicks, resizes and passing time, from the home screen, never panics the TUI.

use super::{App, Theme};
use crate::bank::{Bank, BankSource, synthetic};
use crate::blueprint::Blueprint;
use crate::clock::FakeClock;
use crate::practice::{Opening, Practice};
use crate::store::MemoryRecords;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use std::rc::Rc;
use std::sync::OnceLock;

/// The keys a candidate presses, and some nobody should.
const KEYS: &[KeyCode] = &[
    KeyCode::Char('a'),
    KeyCode::Char('b'),
    KeyCode::Char('c'),
    KeyCode::Char('d'),
    KeyCode::Char('e'),
    KeyCode::Char('f'),
    KeyCode::Char('g'),
    KeyCode::Char('h'),
    KeyCode::Char('j'),
    KeyCode::Char('k'),
    KeyCode::Char('m'),
    KeyCode::Char('n'),
    KeyCode::Char('p'),
    KeyCode::Char('q'),
    KeyCode::Char('r'),
    KeyCode::Char('t'),
    KeyCode::Char('v'),
    KeyCode::Char('x'),
    KeyCode::Char('y'),
    KeyCode::Char('?'),
    KeyCode::Char(' '),
    KeyCode::Char('1'),
    KeyCode::Char('2'),
    KeyCode::Char('3'),
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Home,
    KeyCode::End,
];

fn exam() -> &'static (Blueprint, Bank) {
    static EXAM: OnceLock<(Blueprint, Bank)> = OnceLock::new();
    EXAM.get_or_init(|| {
        let blueprint = Blueprint::dop_c02();
        let files = synthetic::bank_files(&blueprint, 95)
            .into_iter()
            .map(|(name, text)| (name, text.into_bytes()))
            .collect();
        let bank = Bank::from_files(files, &blueprint, BankSource::Folder("fuzz".into()))
            .expect("the generated bank is valid");
        (blueprint, bank)
    })
}

/// Plays `bytes` as input to the TUI from the home screen, drawing after every event.
pub fn check_keys(bytes: &[u8]) {
    let (blueprint, bank) = exam();
    let clock = Rc::new(FakeClock::at(0));
    let mut seed = 0;
    let practice = Practice::new(
        blueprint.clone(),
        bank.clone(),
        Box::new(MemoryRecords::default()),
        Box::new(clock.clone()),
        Box::new(move || {
            seed += 1;
            seed
        }),
    );
    let mut app = App::new(
        practice,
        Opening::Home,
        Theme::new(bytes.first() != Some(&0)),
    );
    // One terminal for the whole sequence, resized like the real one: a fresh terminal per event
    // made every draw a full repaint.
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    let mut input = bytes.iter().copied();
    while let Some(op) = input.next() {
        let mut next = || input.next().unwrap_or(0);
        match op {
            // A resize, to anything from 1×1 to 255×255.
            250 => {
                let width = u16::from(next().max(1));
                let height = u16::from(next().max(1));
                terminal.backend_mut().resize(width, height);
            }
            // Time passing: up to about 42 minutes.
            251 => {
                clock.advance_secs(u64::from(next()) * 10);
                app.tick();
            }
            // A click or the wheel somewhere.
            252 | 253 => {
                let kind = if op == 252 {
                    MouseEventKind::Down(MouseButton::Left)
                } else {
                    MouseEventKind::ScrollDown
                };
                app.handle_mouse(MouseEvent {
                    kind,
                    column: u16::from(next()),
                    row: u16::from(next()),
                    modifiers: KeyModifiers::NONE,
                });
            }
            // Quitting ends the input.
            254 => {
                app.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
                break;
            }
            _ => app.handle_key(KeyEvent::new(
                KEYS[usize::from(op) % KEYS.len()],
                KeyModifiers::NONE,
            )),
        }
        if app.should_quit() {
            break;
        }
        terminal.draw(|frame| app.draw(frame)).expect("drawing");
    }
    let _ = app.shutdown();
}
