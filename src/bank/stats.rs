//! Counts of a bank by domain, task statement, kind and service (`proctor bank stats`).

use super::{Bank, Kind};
use crate::blueprint::Blueprint;
use indexmap::IndexMap;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct BankStats {
    pub exam: String,
    pub questions: usize,
    pub single: usize,
    pub multiple: usize,
    pub domains: Vec<DomainCount>,
    /// Questions naming each service (in any position), most tested first.
    pub services: IndexMap<String, usize>,
}

#[derive(Debug, Serialize)]
pub struct DomainCount {
    pub domain: u8,
    pub name: String,
    pub weight: u32,
    pub questions: usize,
    pub tasks: Vec<TaskCount>,
}

#[derive(Debug, Serialize)]
pub struct TaskCount {
    pub task: String,
    pub name: String,
    pub questions: usize,
    pub single: usize,
    pub multiple: usize,
}

pub fn bank_stats(bank: &Bank, blueprint: &Blueprint) -> BankStats {
    let count =
        |f: &dyn Fn(&super::Question) -> bool| bank.questions().iter().filter(|q| f(q)).count();
    let domains = blueprint
        .domains
        .iter()
        .map(|d| DomainCount {
            domain: d.number,
            name: d.name.clone(),
            weight: d.weight,
            questions: count(&|q| q.domain == d.number),
            tasks: d
                .tasks
                .iter()
                .map(|t| TaskCount {
                    task: t.id.clone(),
                    name: t.name.clone(),
                    questions: count(&|q| q.task == t.id),
                    single: count(&|q| q.task == t.id && q.kind == Kind::Single),
                    multiple: count(&|q| q.task == t.id && q.kind == Kind::Multiple),
                })
                .collect(),
        })
        .collect();
    let mut services: IndexMap<String, usize> = IndexMap::new();
    for q in bank.questions() {
        for s in &q.services {
            *services.entry(s.clone()).or_default() += 1;
        }
    }
    services.sort_by(|a, x, b, y| y.cmp(x).then(a.cmp(b)));
    BankStats {
        exam: blueprint.code.clone(),
        questions: bank.len(),
        single: count(&|q| q.kind == Kind::Single),
        multiple: count(&|q| q.kind == Kind::Multiple),
        domains,
        services,
    }
}

impl BankStats {
    /// The human-readable report.
    pub fn render(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}: {} questions ({} single, {} multiple response)\n",
            self.exam, self.questions, self.single, self.multiple
        );
        let _ = writeln!(
            out,
            "{:<8} {:>9} {:>7} {:>9}  name",
            "domain", "questions", "single", "multiple"
        );
        for d in &self.domains {
            let _ = writeln!(
                out,
                "{:<8} {:>9} {:>7} {:>9}  {} ({}%)",
                d.domain, d.questions, "", "", d.name, d.weight
            );
            for t in &d.tasks {
                let _ = writeln!(
                    out,
                    "  {:<6} {:>9} {:>7} {:>9}  {}",
                    t.task, t.questions, t.single, t.multiple, t.name
                );
            }
        }
        let _ = writeln!(out, "\nservices ({}):", self.services.len());
        for (name, n) in &self.services {
            let _ = writeln!(out, "  {n:>4}  {}", crate::safe_text::line(name));
        }
        out
    }
}
