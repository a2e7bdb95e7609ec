//! Generated banks of realistic size and shape, for tests and benchmarks: valid TOML in the
//! schema of QUESTION-BANK.md, about 2.5 KB a question, spread over every task statement.
//! The text is filler; nothing generated here ever ships as a question.

use crate::blueprint::Blueprint;
use std::fmt::Write;

const WORDS: &[&str] = &[
    "pipeline",
    "account",
    "region",
    "stack",
    "deployment",
    "artifact",
    "policy",
    "bucket",
    "function",
    "cluster",
    "replica",
    "alarm",
    "metric",
    "trail",
    "role",
    "key",
    "secret",
    "rollback",
    "canary",
    "approval",
    "build",
    "image",
    "template",
    "parameter",
    "endpoint",
    "queue",
    "topic",
    "event",
    "rule",
    "target",
    "instance",
    "fleet",
    "subnet",
    "listener",
    "latency",
    "throughput",
    "retention",
    "encryption",
    "compliance",
    "audit",
    "recovery",
    "snapshot",
    "failover",
    "capacity",
    "schedule",
    "runbook",
    "patch",
    "baseline",
    "agent",
];

/// A small deterministic generator (xorshift), so the same arguments give the same bank.
struct Words(u64);

impl Words {
    fn next(&mut self) -> &'static str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        WORDS[usize::try_from(self.0 % WORDS.len() as u64).unwrap_or(0)]
    }

    fn sentence(&mut self, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(self.next());
        }
        s
    }
}

/// `total` questions spread evenly over the blueprint's task statements, one file per task:
/// (path relative to the bank root, TOML text). About one in four is multiple response.
pub fn bank_files(blueprint: &Blueprint, total: usize) -> Vec<(String, String)> {
    let tasks: Vec<_> = blueprint.tasks().collect();
    let mut words = Words(0x9E37_79B9_7F4A_7C15);
    let mut files = Vec::new();
    for (t, (domain, task)) in tasks.iter().enumerate() {
        let count = total / tasks.len() + usize::from(t < total % tasks.len());
        let mut text = format!("task = \"{}\"\n", task.id);
        for n in 1..=count {
            let multiple = n % 4 == 0;
            let _ = write!(
                text,
                "\n[[question]]\nid = \"{}-{n:03}\"\nkind = \"{}\"\nservices = [\"CodePipeline\", \"CloudFormation\"]\nverified = 2026-11-26\n",
                task.id,
                if multiple { "multiple" } else { "single" },
            );
            let _ = write!(
                text,
                "stem = \"\"\"\nA company {}.\nWhich solution will meet these requirements with the LEAST operational overhead?\n\"\"\"\n",
                words.sentence(80)
            );
            let _ = write!(
                text,
                "explanation = \"\"\"\n{}.\n\"\"\"\n",
                words.sentence(50)
            );
            text.push_str("references = [\"https://docs.aws.amazon.com/codepipeline/latest/userguide/welcome.html\"]\n");
            let (options, keys) = if multiple { (5, 2) } else { (4, 1) };
            for o in 0..options {
                let _ = write!(
                    text,
                    "\n[[question.option]]\ntext = \"{}\"\n{}why = \"{}\"\n",
                    words.sentence(22),
                    if o < keys { "correct = true\n" } else { "" },
                    words.sentence(18)
                );
            }
        }
        let folder = format!("{}-domain", domain.number);
        files.push((format!("{folder}/{}.toml", task.id), text));
    }
    files
}

/// Writes [`bank_files`] under `dir`.
pub fn write_bank(
    dir: &std::path::Path,
    blueprint: &Blueprint,
    total: usize,
) -> std::io::Result<()> {
    for (name, text) in bank_files(blueprint, total) {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("a file has a folder"))?;
        std::fs::write(path, text)?;
    }
    Ok(())
}
