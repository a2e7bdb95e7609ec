//! Skills coverage (issue 9): `bank stats` counts questions per exam-guide bullet, `bank lint`
//! warns on thin bullets and untagged questions, and a blueprint without bullets works as before.

use proctor::bank::lint::{LintReport, Severity, SkillCoverage, lint};
use proctor::bank::stats::bank_stats;
use proctor::bank::{Bank, parse_files, read_dir_files};
use proctor::blueprint::Blueprint;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint/skills-coverage")
}

/// The DOP-C02 blueprint with its bullets taken out, as another exam's might be.
fn without_bullets() -> Blueprint {
    let mut blueprint = Blueprint::dop_c02();
    for domain in &mut blueprint.domains {
        for task in &mut domain.tasks {
            task.skills.clear();
        }
    }
    assert!(!blueprint.has_skills());
    blueprint
}

fn lint_with(blueprint: &Blueprint) -> LintReport {
    let (questions, errors) = parse_files(&read_dir_files(&fixture()).unwrap(), blueprint);
    lint(&questions, &errors, blueprint)
}

fn skill_warnings(report: &LintReport) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .map(ToString::to_string)
        .filter(|f| f.contains("names no skills") || f.contains("bullet"))
        .collect()
}

#[test]
fn stats_count_questions_per_bullet() {
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_proctor"))
        .args([
            "--bank",
            fixture().to_str().unwrap(),
            "bank",
            "stats",
            "--json",
        ])
        .env("PROCTOR_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let skills = stats["skills"].as_array().unwrap();
    assert_eq!(skills.len(), 140, "every bullet, tested or not");
    let questions = |id: &str| {
        skills.iter().find(|s| s["skill"] == id).unwrap()["questions"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(
        (
            questions("1.1.k1"),
            questions("1.1.s4"),
            questions("6.3.s1")
        ),
        (2, 1, 0)
    );
    assert_eq!(skills[0]["task"], "1.1");
    assert_eq!(stats["without_skills"], 1);

    let bank = Bank::from_dir(&fixture(), &Blueprint::dop_c02()).unwrap();
    let shown = bank_stats(&bank, &Blueprint::dop_c02()).render();
    assert!(
        shown.contains("skills: questions per exam-guide bullet (2 of 140 bullets tested; 1 questions name none)"),
        "{shown}"
    );
    assert!(
        shown.contains("  1.1    k1:2 k2:0 s1:0 s2:0 s3:0 s4:1 s5:0\n"),
        "{shown}"
    );
}

#[test]
fn lint_warns_on_thin_bullets_and_untagged_questions_and_still_passes() {
    let report = lint_with(&Blueprint::dop_c02());
    assert_eq!(report.errors(), 0, "{}", report.render());
    let w = skill_warnings(&report);
    assert!(
        w.iter()
            .any(|w| w.contains("question 1.1-003: names no skills")),
        "{w:#?}"
    );
    assert!(
        w.iter().any(|w| w
            .starts_with("warning: task 1.1: bullet 1.1.s4 (build and deployment secrets handled")
            && w.contains("is tested by 1 question; each bullet needs at least 2"))
    );
    assert!(
        w.iter()
            .any(|w| w.contains("bullet 6.3.s1") && w.contains("by 0 questions"))
    );
    assert!(
        !w.iter().any(|w| w.contains("bullet 1.1.k1 ")),
        "tested twice"
    );
    assert_eq!(w.len(), 1 + 139, "one untagged question, 139 thin bullets");
    assert_eq!(
        report.skills,
        Some(SkillCoverage {
            bullets: 140,
            covered: 1,
            untagged: 1
        })
    );
    assert!(report.render().contains(
        "skills: 1 of 140 exam-guide bullets tested by 2+ questions; 1 questions name none"
    ));
}

#[test]
fn a_blueprint_without_bullets_works_as_before() {
    let blueprint = without_bullets();
    let report = lint_with(&blueprint);
    assert_eq!(skill_warnings(&report), Vec::<String>::new());
    assert_eq!(report.skills, None);
    assert!(!report.render().contains("exam-guide bullets tested by"));

    let bank = Bank::from_dir(&fixture(), &Blueprint::dop_c02()).unwrap();
    let stats = bank_stats(&bank, &blueprint);
    assert!(stats.skills.is_empty() && stats.without_skills.is_none());
    let json: serde_json::Value = serde_json::to_value(&stats).unwrap();
    assert!(json.get("skills").is_none() && json.get("without_skills").is_none());
    assert!(!stats.render().contains("skills:"));
}
