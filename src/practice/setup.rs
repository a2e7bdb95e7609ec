//! Which exam, which bank, where its history lives: the command line's choices turned into the
//! runtime pieces. An exam is data — a blueprint file — so a second exam needs no code:
//!
//! - `--bank DIR` whose folder holds a `blueprint.toml`: that exam;
//! - `--exam CODE` (a blueprint built in from `assets/blueprints/`, by file name or code) or
//!   `--exam FILE.toml`;
//! - otherwise DOP-C02, with its built-in bank.
//!
//! Each exam keeps its own history: DOP-C02's in the data dir itself (where it always was),
//! any other exam's in `exams/<code>/` below it.

use crate::bank::{Bank, BankError};
use crate::blueprint::{BANK_BLUEPRINT_FILE, Blueprint, BlueprintError};
use crate::store::{self, Access, Store, StoreError};
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/blueprints.rs"));
}

/// The exam whose bank is compiled into the binary.
pub const BUILT_IN_EXAM: &str = "DOP-C02";

/// What the command line chose. Every field is optional: the defaults give DOP-C02 on the
/// built-in bank with the platform's data dir.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// `--exam`: a built-in blueprint's code or file name, or a blueprint file.
    pub exam: Option<String>,
    /// `--bank`: a folder of question files.
    pub bank: Option<PathBuf>,
    /// `--data-dir` / `PROCTOR_DATA_DIR`.
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error(
        "there is no built-in exam \"{0}\" (built in: {1}); give a blueprint file with --exam FILE.toml, or a --bank folder that holds its {BANK_BLUEPRINT_FILE}"
    )]
    UnknownExam(String, String),
    #[error(transparent)]
    Blueprint(#[from] BlueprintError),
    #[error(
        "--exam {asked} does not match {}, which is the blueprint of {found}; leave out --exam to use the folder's",
        path.display()
    )]
    Mismatch {
        asked: String,
        found: String,
        path: PathBuf,
    },
    #[error("the built-in bank is for {BUILT_IN_EXAM}; give --bank DIR with questions for {0}")]
    NoBank(String),
    #[error("no data dir: this platform has no home folder; give --data-dir DIR")]
    NoDataDir,
    #[error(transparent)]
    Bank(#[from] BankError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The built-in blueprints' file names (e.g. "dop-c02").
pub fn built_in_exams() -> Vec<&'static str> {
    embedded::BLUEPRINTS.iter().map(|(stem, _)| *stem).collect()
}

impl Setup {
    /// The exam's blueprint, by the rules in the module's comment.
    pub fn blueprint(&self) -> Result<Blueprint, SetupError> {
        let from_bank = match &self.bank {
            Some(dir) => Blueprint::from_bank_dir(dir).transpose()?,
            None => None,
        };
        let asked = self.exam.as_deref().map(exam_blueprint).transpose()?;
        match (from_bank, asked) {
            (Some(found), Some(asked)) if found.code != asked.code => Err(SetupError::Mismatch {
                asked: asked.code,
                found: found.code,
                path: self
                    .bank
                    .as_deref()
                    .unwrap_or(Path::new("."))
                    .join(BANK_BLUEPRINT_FILE),
            }),
            (Some(found), _) => Ok(found),
            (None, Some(asked)) => Ok(asked),
            (None, None) => Ok(Blueprint::dop_c02()),
        }
    }

    /// The exam's bank: `--bank DIR`, else the built-in one (for DOP-C02 only). A folder bank
    /// is read through its cache in the data dir when there is one (see [`crate::bank::cache`]).
    pub fn bank(&self, blueprint: &Blueprint) -> Result<Bank, SetupError> {
        match &self.bank {
            Some(dir) => Ok(match self.data_dir(blueprint) {
                Ok(data) => Bank::from_dir_cached(dir, blueprint, &data.join("cache"))?,
                Err(_) => Bank::from_dir(dir, blueprint)?,
            }),
            None if blueprint.code == BUILT_IN_EXAM => Ok(Bank::embedded(blueprint)?),
            None => Err(SetupError::NoBank(blueprint.code.clone())),
        }
    }

    /// Where this exam's history lives.
    pub fn data_dir(&self, blueprint: &Blueprint) -> Result<PathBuf, SetupError> {
        let root = self
            .data_dir
            .clone()
            .or_else(store::default_dir)
            .ok_or(SetupError::NoDataDir)?;
        Ok(if blueprint.code == BUILT_IN_EXAM {
            root
        } else {
            root.join("exams").join(folder_name(&blueprint.code))
        })
    }

    /// Opens this exam's history.
    pub fn store(&self, blueprint: &Blueprint, access: Access) -> Result<Store, SetupError> {
        Ok(Store::open(&self.data_dir(blueprint)?, access)?)
    }
}

/// `--exam`'s value: a blueprint file, or a built-in blueprint by file name or code.
fn exam_blueprint(exam: &str) -> Result<Blueprint, SetupError> {
    let path = Path::new(exam);
    let toml_file = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if toml_file || path.is_file() {
        return Ok(Blueprint::from_file(path)?);
    }
    let wanted = exam.to_ascii_lowercase();
    for (stem, text) in embedded::BLUEPRINTS {
        // Validated by the build script: a built-in blueprint always parses.
        let blueprint = Blueprint::from_toml(text)?;
        if *stem == wanted || blueprint.code.to_ascii_lowercase() == wanted {
            return Ok(blueprint);
        }
    }
    Err(SetupError::UnknownExam(
        exam.to_string(),
        built_in_exams().join(", "),
    ))
}

/// A folder name for an exam code: letters, digits and dashes, lower case.
fn folder_name(code: &str) -> String {
    let name: String = code
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if name.trim_matches('-').is_empty() {
        "exam".into()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exam_codes_become_safe_folder_names() {
        assert_eq!(folder_name("ACME-101"), "acme-101");
        assert_eq!(folder_name("../../etc"), "------etc");
        assert_eq!(folder_name("//"), "exam");
    }

    #[test]
    fn built_in_exams_are_found_by_file_name_or_code() {
        assert_eq!(exam_blueprint("dop-c02").unwrap().code, "DOP-C02");
        assert_eq!(exam_blueprint("DOP-C02").unwrap().code, "DOP-C02");
        let err = exam_blueprint("SAP-C02").unwrap_err().to_string();
        assert!(err.contains("built in: dop-c02"), "{err}");
    }
}
