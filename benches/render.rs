//! Time to draw one frame of the exam screen at 120×40 into a `TestBackend`.

use criterion::{Criterion, criterion_group, criterion_main};
use proctor::bank::{Bank, BankSource, synthetic};
use proctor::blueprint::Blueprint;
use proctor::clock::FakeClock;
use proctor::practice::{IfInProgress, NewAttempt, Opening, Practice};
use proctor::store::MemoryRecords;
use proctor::tui::{App, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::hint::black_box;

fn exam_app() -> App {
    let blueprint = Blueprint::dop_c02();
    let files = synthetic::bank_files(&blueprint, 190)
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()))
        .collect();
    let bank = Bank::from_files(files, &blueprint, BankSource::Folder("synthetic".into()))
        .expect("the synthetic bank is valid");
    let mut practice = Practice::new(
        blueprint,
        bank,
        Box::new(MemoryRecords::default()),
        Box::new(FakeClock::at(0)),
        Box::new(|| 7),
    );
    practice
        .start(NewAttempt::mock(Some(7)), IfInProgress::Refuse)
        .expect("a full mock");
    let mut app = App::new(practice, Opening::Sitting, Theme::new(true));
    for c in ['b', 'x', 'm'] {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app
}

fn render(c: &mut Criterion) {
    let mut app = exam_app();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    c.bench_function("exam screen 120x40", |b| {
        b.iter(|| {
            // A fresh buffer each time, so every frame is drawn in full.
            terminal.clear().expect("clear");
            terminal.draw(|frame| app.draw(frame)).expect("draw");
            black_box(terminal.backend().buffer().area);
        });
    });
}

criterion_group!(benches, render);
criterion_main!(benches);
