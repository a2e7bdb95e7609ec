//! Embeds the default question bank. Every `.toml` file under `question_bank/` is compiled in,
//! so adding a file needs no code change. The files are also parsed and validated here with the
//! engine's own parser: when they are all valid, the program gets them pre-parsed as JSON, which
//! loads several times faster than TOML; when not, the build warns and the program reports the
//! problems at run time (so `proctor bank lint` still explains them).
#![allow(dead_code)]

#[path = "src/blueprint.rs"]
mod blueprint;

// parse.rs reaches the model as `super::model`: at this crate's root here, in `bank` in the library.
#[path = "src/bank/files.rs"]
mod files;
#[path = "src/bank/model.rs"]
mod model;
#[path = "src/bank/parse.rs"]
mod parse;
#[path = "src/safe_text.rs"]
mod safe_text;

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    for watched in [
        "question_bank",
        "assets/blueprints",
        "src/blueprint.rs",
        "src/bank/files.rs",
        "src/bank/model.rs",
        "src/bank/parse.rs",
        "src/safe_text.rs",
    ] {
        println!("cargo:rerun-if-changed={watched}");
    }
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let bank_dir = root.join("question_bank");
    // A missing folder embeds an empty bank, which the program then reports.
    let (files, _) = files::toml_files(&bank_dir, files::Limits::BANK);

    // The built-in bank is the DOP-C02 bank: it is validated against that exam's blueprint.
    let blueprint = blueprint::Blueprint::from_toml(blueprint::DOP_C02_TOML)
        .expect("assets/blueprints/dop-c02.toml is valid");

    // Every blueprint under assets/blueprints/ is built in (`--exam CODE` chooses one), each
    // validated here so a broken one fails the build rather than a user's run.
    let mut blueprints = Vec::new();
    for entry in std::fs::read_dir(root.join("assets/blueprints")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            if let Err(e) = blueprint::Blueprint::from_toml(&text) {
                panic!("{}: {e}", path.display());
            }
            blueprints.push(path);
        }
    }
    blueprints.sort();
    let mut listing = String::from(
        "/// The built-in blueprints: (file stem under `assets/blueprints/`, contents).\n\
         pub static BLUEPRINTS: &[(&str, &str)] = &[\n",
    );
    for path in &blueprints {
        let stem = path.file_stem().unwrap().to_string_lossy();
        let _ = writeln!(
            listing,
            "    ({stem:?}, include_str!({:?})),",
            path.to_string_lossy()
        );
    }
    listing.push_str("];\n");
    std::fs::write(out.join("blueprints.rs"), listing).unwrap();

    let mut table =
        String::from("/// The default bank's files: (path under `question_bank/`, contents).\n");
    table.push_str("pub static FILES: &[(&str, &[u8])] = &[\n");
    let mut questions = Vec::new();
    let mut errors = Vec::new();
    for (name, path) in &files {
        let bytes = std::fs::read(path).unwrap();
        let (mut parsed, mut problems) = parse::parse_file(name, &bytes, &blueprint);
        questions.append(&mut parsed);
        errors.append(&mut problems);
        let _ = writeln!(
            table,
            "    ({name:?}, include_bytes!({:?})),",
            path.to_string_lossy()
        );
    }
    table.push_str("];\n");
    errors.extend(parse::check_bank(&questions));

    let json_path = out.join("bank.json");
    if errors.is_empty() {
        std::fs::write(&json_path, serde_json::to_string(&questions).unwrap()).unwrap();
        table.push_str(
            "/// The same files, validated and pre-parsed at build time.\n\
             pub static PARSED: Option<&str> = Some(include_str!(concat!(env!(\"OUT_DIR\"), \"/bank.json\")));\n",
        );
    } else {
        for e in &errors {
            println!("cargo:warning=question_bank/{e}");
        }
        table.push_str("pub static PARSED: Option<&str> = None;\n");
    }
    std::fs::write(out.join("embedded_bank.rs"), table).unwrap();
}
