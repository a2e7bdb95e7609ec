//! Counts of a bank by domain, task statement, kind and service (`proctor bank stats`).

use super::{Bank, Kind};
use crate::blueprint::Blueprint;
use indexmap::IndexMap;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Serialize)]
pub struct BankStats {
    pub exam: String,
    pub questions: usize,
    pub single: usize,
    pub multiple: usize,
    pub domains: Vec<DomainCount>,
    /// Questions naming each service (in any position), most tested first.
    pub services: IndexMap<String, usize>,
    /// Questions naming each of the blueprint's knowledge and skill bullets, in blueprint
    /// order; absent when the blueprint lists none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<SkillCount>,
    /// Questions that name no bullet, when the blueprint lists bullets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub without_skills: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct SkillCount {
    pub skill: String,
    pub task: String,
    pub text: String,
    pub questions: usize,
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
        |f: &dyn Fn(&super::Question) -> bool| bank.entries().iter().filter(|q| f(q)).count();
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
    for q in bank.entries() {
        for s in &q.services {
            *services.entry(s.clone()).or_default() += 1;
        }
    }
    services.sort_by(|a, x, b, y| y.cmp(x).then(a.cmp(b)));
    let skills = skill_counts(bank.entries(), blueprint);
    let without_skills = blueprint
        .has_skills()
        .then(|| count(&|q| q.skills.is_empty()));
    BankStats {
        exam: blueprint.code.clone(),
        questions: bank.len(),
        single: count(&|q| q.kind == Kind::Single),
        multiple: count(&|q| q.kind == Kind::Multiple),
        domains,
        services,
        skills,
        without_skills,
    }
}

/// How many questions name each of the blueprint's bullets, in blueprint order.
pub fn skill_counts(questions: &[super::Question], blueprint: &Blueprint) -> Vec<SkillCount> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for skill in questions.iter().flat_map(|q| &q.skills) {
        *counts.entry(skill).or_default() += 1;
    }
    blueprint
        .skills()
        .map(|(task, skill)| SkillCount {
            skill: skill.id.clone(),
            task: task.id.clone(),
            text: skill.text.clone(),
            questions: counts.get(skill.id.as_str()).copied().unwrap_or(0),
        })
        .collect()
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
        if !self.skills.is_empty() {
            self.render_skills(&mut out);
        }
        out
    }

    /// Questions per knowledge (k) and skill (s) bullet, one line per task statement.
    fn render_skills(&self, out: &mut String) {
        use std::fmt::Write;
        let covered = self.skills.iter().filter(|s| s.questions > 0).count();
        let _ = writeln!(
            out,
            "\nskills: questions per exam-guide bullet ({covered} of {} bullets tested; {} questions name none)",
            self.skills.len(),
            self.without_skills.unwrap_or(0)
        );
        let mut task = "";
        for s in &self.skills {
            if s.task != task {
                if !task.is_empty() {
                    out.push('\n');
                }
                task = &s.task;
                let _ = write!(out, "  {task:<6}");
            }
            let short = s
                .skill
                .strip_prefix(&format!("{task}."))
                .unwrap_or(&s.skill);
            let _ = write!(out, " {short}:{}", s.questions);
        }
        out.push('\n');
    }
}
