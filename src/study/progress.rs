//! Progress over the exam guide: for each task statement and each knowledge or skill bullet,
//! how many of its questions are unseen, seen, due for review, or mastered. The four add up to
//! the questions the bank has there: a question with no card is unseen; a card due today is
//! due; a card with FSRS stability of [`crate::practice::policy::MASTERED_STABILITY_DAYS`] or
//! more is mastered; any other card is seen.

use crate::bank::{Bank, Question};
use crate::blueprint::Blueprint;
use crate::study::schedule::Schedule;
use jiff::civil::Date;
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub questions: usize,
    pub unseen: usize,
    pub seen: usize,
    pub due: usize,
    pub mastered: usize,
}

impl Counts {
    fn add(&mut self, q: &Question, schedule: &Schedule, today: Date) {
        self.questions += 1;
        match schedule.cards.get(&q.id) {
            None => self.unseen += 1,
            Some(c) if c.is_due(today) => self.due += 1,
            Some(c) if c.is_mastered() => self.mastered += 1,
            Some(_) => self.seen += 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkillProgress {
    /// "1.4.s2".
    pub skill: String,
    pub text: String,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskProgress {
    pub task: String,
    pub name: String,
    #[serde(flatten)]
    pub counts: Counts,
    pub skills: Vec<SkillProgress>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// The whole bank.
    pub total: Counts,
    pub tasks: Vec<TaskProgress>,
}

pub fn progress(blueprint: &Blueprint, bank: &Bank, schedule: &Schedule, today: Date) -> Progress {
    let mut total = Counts::default();
    for q in bank.entries() {
        total.add(q, schedule, today);
    }
    let tasks = blueprint
        .tasks()
        .map(|(_, t)| {
            let mut counts = Counts::default();
            for q in bank.entries().iter().filter(|q| q.task == t.id) {
                counts.add(q, schedule, today);
            }
            let skills = t
                .skills
                .iter()
                .map(|s| {
                    let mut counts = Counts::default();
                    for q in bank.entries().iter().filter(|q| q.skills.contains(&s.id)) {
                        counts.add(q, schedule, today);
                    }
                    SkillProgress {
                        skill: s.id.clone(),
                        text: s.text.clone(),
                        counts,
                    }
                })
                .collect();
            TaskProgress {
                task: t.id.clone(),
                name: t.name.clone(),
                counts,
                skills,
            }
        })
        .collect();
    Progress { total, tasks }
}

/// A row of counts as text: "12 questions · 3 unseen · 5 seen · 2 due · 2 mastered".
pub fn counts_text(c: &Counts) -> String {
    format!(
        "{} questions · {} unseen · {} seen · {} due · {} mastered",
        c.questions, c.unseen, c.seen, c.due, c.mastered
    )
}

/// The table `proctor progress` prints.
pub fn render(p: &Progress) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "All questions: {}", counts_text(&p.total));
    let _ = writeln!(
        out,
        "\n{:<12} {:>9} {:>6} {:>5} {:>4} {:>8}",
        "task / skill", "questions", "unseen", "seen", "due", "mastered"
    );
    for t in &p.tasks {
        let row = |out: &mut String, label: &str, c: &Counts| {
            let _ = writeln!(
                out,
                "{label:<12} {:>9} {:>6} {:>5} {:>4} {:>8}",
                c.questions, c.unseen, c.seen, c.due, c.mastered
            );
        };
        row(&mut out, &t.task, &t.counts);
        // Bullets no question tests yet would be rows of zeros: --json lists them.
        for s in t.skills.iter().filter(|s| s.counts.questions > 0) {
            row(&mut out, &format!("  {}", s.skill), &s.counts);
        }
    }
    let _ = write!(
        out,
        "Mastered: FSRS expects three weeks or more before recall falls to 90%."
    );
    out
}
