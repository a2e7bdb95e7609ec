//! An exam's definition: its domains with their weights and task statements, its length, its
//! time limit and how a raw score maps to the scaled score. Loaded from a TOML file under
//! `assets/blueprints/`, so a second exam is a second file.
//!
//! This module depends only on serde and toml: the build script compiles it too, to validate the
//! embedded bank against the blueprint before the program is built.

use serde::{Deserialize, Serialize};
use std::path::Path;

/// The blueprint of the default exam, compiled into the binary.
pub const DOP_C02_TOML: &str = include_str!("../assets/blueprints/dop-c02.toml");

/// The file in a bank folder that holds that bank's own blueprint (an imported bank has one).
/// The bank loader never reads it as a question file.
pub const BANK_BLUEPRINT_FILE: &str = "blueprint.toml";

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Blueprint {
    /// Short exam code, e.g. "DOP-C02".
    pub code: String,
    pub name: String,
    /// Questions in a full mock exam.
    pub questions: usize,
    /// Time limit of a full mock exam, in minutes.
    pub minutes: u32,
    pub scaled: ScaledScore,
    /// What a question must carry; without an `[items]` table, the DOP-C02 rules.
    #[serde(default)]
    pub items: ItemRules,
    #[serde(rename = "domain")]
    pub domains: Vec<Domain>,
}

/// The shape a question of this exam must have: options and keys per kind, and which fields it
/// may leave out. The default is DOP-C02's (single: 4 options, 1 key; multiple: 5–6 options,
/// 2–3 keys; every field required); an imported bank's blueprint is looser (see `interop`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ItemRules {
    pub single: KindRule,
    pub multiple: KindRule,
    /// Fields a question may leave out or leave empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub optional: Vec<OptionalField>,
}

/// How many options a question of one kind offers and how many of them are keys, as
/// `[fewest, most]`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KindRule {
    pub options: [usize; 2],
    pub keys: [usize; 2],
}

/// A question field that an exam's rules may make optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OptionalField {
    Services,
    References,
    Verified,
    /// Each option's `why`.
    Why,
    Explanation,
}

impl Default for ItemRules {
    fn default() -> ItemRules {
        ItemRules {
            single: KindRule {
                options: [4, 4],
                keys: [1, 1],
            },
            multiple: KindRule {
                options: [5, 6],
                keys: [2, 3],
            },
            optional: Vec::new(),
        }
    }
}

impl ItemRules {
    /// Whether a question must carry `field` (present and not empty).
    pub fn requires(&self, field: OptionalField) -> bool {
        !self.optional.contains(&field)
    }
}

impl KindRule {
    pub fn allows(&self, options: usize, keys: usize) -> bool {
        (self.options[0]..=self.options[1]).contains(&options)
            && (self.keys[0]..=self.keys[1]).contains(&keys)
    }

    /// "4 options with 1 correct", "5 or 6 options with 2 or 3 correct".
    pub fn describe(&self) -> String {
        fn range([low, high]: [usize; 2]) -> String {
            match high.saturating_sub(low) {
                0 => low.to_string(),
                1 => format!("{low} or {high}"),
                _ => format!("{low} to {high}"),
            }
        }
        format!(
            "{} options with {} correct",
            range(self.options),
            range(self.keys)
        )
    }
}

/// How the simulator estimates a scaled score from a raw percentage.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScaledScore {
    pub min: u32,
    pub max: u32,
    pub pass: u32,
    /// The raw percentage that maps to `pass`. An assumption: AWS does not publish it.
    pub cut_percent: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub number: u8,
    pub name: String,
    /// Share of the scored content, in percent.
    pub weight: u32,
    #[serde(rename = "task")]
    pub tasks: Vec<TaskStatement>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TaskStatement {
    /// "<domain>.<n>", e.g. "1.4".
    pub id: String,
    pub name: String,
    /// The exam guide's knowledge and skill bullets under this task statement: what questions
    /// name in their `skills` field. Empty for an exam whose blueprint lists none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<Skill>,
}

/// One knowledge or skill bullet of the exam guide, e.g. "1.1.s4".
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    /// "<task>.<k|s><n>", e.g. "1.1.s4".
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid blueprint: {0}")]
pub struct BlueprintError(pub String);

impl Blueprint {
    /// The compiled-in DOP-C02 blueprint. It is checked by the tests, so this cannot fail in a
    /// released build.
    pub fn dop_c02() -> Blueprint {
        Blueprint::from_toml(DOP_C02_TOML).expect("the embedded DOP-C02 blueprint is valid")
    }

    /// Parses and validates a blueprint.
    pub fn from_toml(text: &str) -> Result<Blueprint, BlueprintError> {
        // The message and the line, not the parser's quote of the source: a shared bank's
        // blueprint must not put its raw text (escape sequences included) on the terminal.
        let blueprint: Blueprint = toml::from_str(text).map_err(|e: toml::de::Error| {
            let line = e.span().map_or(0, |s| {
                let before = &text.as_bytes()[..s.start.min(text.len())];
                1 + String::from_utf8_lossy(before).matches('\n').count()
            });
            BlueprintError(format!("line {line}: {}", e.message().trim()))
        })?;
        blueprint.validate()?;
        Ok(blueprint)
    }

    /// The blueprint a bank folder carries as `DIR/blueprint.toml`: None when it has none (the
    /// bank is then for the default exam), else the blueprint or why it cannot be used.
    pub fn from_bank_dir(dir: &Path) -> Option<Result<Blueprint, BlueprintError>> {
        let path = dir.join(BANK_BLUEPRINT_FILE);
        match std::fs::metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            _ => Some(Blueprint::from_file(&path)),
        }
    }

    /// A blueprint file (`--exam FILE.toml`, a bank folder's `blueprint.toml`); errors name it.
    pub fn from_file(path: &Path) -> Result<Blueprint, BlueprintError> {
        let in_file = |message: String| BlueprintError(format!("{}: {message}", path.display()));
        let bytes = std::fs::read(path).map_err(|e| in_file(format!("cannot read: {e}")))?;
        let text = String::from_utf8(bytes).map_err(|_| in_file("not valid UTF-8".into()))?;
        Blueprint::from_toml(&text).map_err(|e| in_file(e.0))
    }

    fn validate(&self) -> Result<(), BlueprintError> {
        let fail = |msg: String| Err(BlueprintError(msg));
        if self.domains.is_empty() {
            return fail("no domains".into());
        }
        let total: u32 = self.domains.iter().map(|d| d.weight).sum();
        if total != 100 {
            return fail(format!("domain weights sum to {total}, not 100"));
        }
        if self.questions == 0 || self.minutes == 0 {
            return fail("questions and minutes must be positive".into());
        }
        let s = &self.scaled;
        if !(s.min < s.pass && s.pass < s.max) {
            return fail(format!(
                "scaled scores must satisfy min < pass < max (got {} / {} / {})",
                s.min, s.pass, s.max
            ));
        }
        if !(s.cut_percent > 0.0 && s.cut_percent < 100.0) {
            return fail(format!(
                "cut_percent {} is not between 0 and 100",
                s.cut_percent
            ));
        }
        // Every name reaches the terminal: no escape sequences from a shared bank's blueprint.
        let names =
            [&self.code, &self.name]
                .into_iter()
                .chain(self.domains.iter().flat_map(|d| {
                    std::iter::once(&d.name).chain(d.tasks.iter().flat_map(|t| {
                        std::iter::once(&t.name).chain(t.skills.iter().map(|s| &s.text))
                    }))
                }));
        for name in names {
            if let Some(c) = name.chars().find(|c| c.is_control()) {
                return fail(format!(
                    "\"{}\" contains the control character U+{:04X}",
                    name.escape_debug(),
                    c as u32
                ));
            }
        }
        let items = &self.items;
        for (kind, rule) in [("single", items.single), ("multiple", items.multiple)] {
            let [low, high] = rule.options;
            if !(2 <= low && low <= high && high <= 26) {
                return fail(format!(
                    "items.{kind}.options {:?} must be [fewest, most] within 2 to 26",
                    rule.options
                ));
            }
            if !(1 <= rule.keys[0] && rule.keys[0] <= rule.keys[1] && rule.keys[1] <= high) {
                return fail(format!(
                    "items.{kind}.keys {:?} must be [fewest, most] within 1 to the most options",
                    rule.keys
                ));
            }
        }
        if items.single.keys != [1, 1] || items.multiple.keys[0] < 2 {
            return fail(
                "items: a single-answer question has exactly 1 key, a multiple-response question at least 2".into(),
            );
        }
        let mut seen_domains = Vec::new();
        let mut seen_tasks: Vec<&str> = Vec::new();
        let mut seen_skills: Vec<&str> = Vec::new();
        for domain in &self.domains {
            if seen_domains.contains(&domain.number) {
                return fail(format!("domain {} appears twice", domain.number));
            }
            seen_domains.push(domain.number);
            if domain.tasks.is_empty() {
                return fail(format!("domain {} has no task statements", domain.number));
            }
            for task in &domain.tasks {
                if seen_tasks.contains(&task.id.as_str()) {
                    return fail(format!("task {} appears twice", task.id));
                }
                let prefix = format!("{}.", domain.number);
                if !task.id.starts_with(&prefix) {
                    return fail(format!(
                        "task {} is listed under domain {}",
                        task.id, domain.number
                    ));
                }
                seen_tasks.push(&task.id);
                for skill in &task.skills {
                    let prefix = format!("{}.", task.id);
                    if !skill.id.starts_with(&prefix) {
                        return fail(format!(
                            "skill {} is listed under task {}",
                            skill.id, task.id
                        ));
                    }
                    if seen_skills.contains(&skill.id.as_str()) {
                        return fail(format!("skill {} appears twice", skill.id));
                    }
                    seen_skills.push(&skill.id);
                }
            }
        }
        Ok(())
    }

    pub fn domain(&self, number: u8) -> Option<&Domain> {
        self.domains.iter().find(|d| d.number == number)
    }

    /// The task statement with this id, and the domain it belongs to.
    pub fn task(&self, id: &str) -> Option<(&Domain, &TaskStatement)> {
        self.domains
            .iter()
            .find_map(|d| d.tasks.iter().find(|t| t.id == id).map(|t| (d, t)))
    }

    /// Every knowledge and skill bullet, with the task statement it belongs to.
    pub fn skills(&self) -> impl Iterator<Item = (&TaskStatement, &Skill)> {
        self.tasks()
            .flat_map(|(_, t)| t.skills.iter().map(move |s| (t, s)))
    }

    /// The bullet with this id, and its task statement.
    pub fn skill(&self, id: &str) -> Option<(&TaskStatement, &Skill)> {
        self.skills().find(|(_, s)| s.id == id)
    }

    /// Whether this exam lists knowledge and skill bullets (questions then name theirs).
    pub fn has_skills(&self) -> bool {
        self.skills().next().is_some()
    }

    pub fn tasks(&self) -> impl Iterator<Item = (&Domain, &TaskStatement)> {
        self.domains
            .iter()
            .flat_map(|d| d.tasks.iter().map(move |t| (d, t)))
    }

    /// The time limit of a paper of `count` questions at the mock's pace (DOP-C02: 2.4 minutes
    /// a question), at least a minute and at most a day.
    pub fn pace_secs(&self, count: usize) -> u64 {
        let mock_secs = u64::from(self.minutes) * 60;
        let questions = u64::try_from(self.questions.max(1)).unwrap_or(u64::MAX);
        let count = u64::try_from(count).unwrap_or(u64::MAX);
        count
            .saturating_mul(mock_secs)
            .div_ceil(questions)
            .clamp(60, 24 * 60 * 60)
    }

    /// The estimated scaled score for a raw percentage: piecewise linear through
    /// (0% → min), (cut% → pass) and (100% → max), rounded to the nearest whole point.
    /// AWS's real conversion is unpublished, so this is only ever shown as an estimate.
    pub fn scaled_estimate(&self, percent: f64) -> u32 {
        let s = &self.scaled;
        let p = percent.clamp(0.0, 100.0);
        let (min, pass, max) = (f64::from(s.min), f64::from(s.pass), f64::from(s.max));
        let scaled = if p <= s.cut_percent {
            min + (pass - min) * p / s.cut_percent
        } else {
            pass + (max - pass) * (p - s.cut_percent) / (100.0 - s.cut_percent)
        };
        // Between min and max, both u32: the cast cannot truncate or lose a sign.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let scaled = scaled.round() as u32;
        scaled
    }
}
