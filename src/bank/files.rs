//! Reading a bank folder: every `.toml` file below it, as (path relative to the folder, bytes).
//!
//! `--bank` may name any folder, and a shared bank may hold anything, so the walk is defensive:
//! it reads only regular files (a FIFO would block forever, `/dev/zero` never ends), no file
//! over [`MAX_FILE_BYTES`], enters each folder once however many symlinks lead to it (a link
//! back to the root would read the bank again and again), and stops after [`Limits::entries`]
//! names or [`Limits::depth`] levels (`--bank /` is a mistake, not a bank). Hidden names
//! (`.git`, editor lock files) are not part of a bank. Every problem is reported against the
//! file or folder it is about.
//!
//! Depends only on std and [`LoadError`]: the build script reads `question_bank/` with it too.

use super::parse::LoadError;
use std::collections::HashSet;
use std::fs::{self, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The largest question file read, in bytes. A generated 20,000-question bank has files of
/// 3 MB (1,050 questions each); the real bank's are under 50 KB.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// How far a walk goes before it gives up.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Names looked at, files and folders together.
    pub entries: usize,
    /// Folder levels below the bank's root.
    pub depth: usize,
}

impl Limits {
    /// A bank is a folder per domain with a file per task; these are a thousand times that.
    pub const BANK: Limits = Limits {
        entries: 50_000,
        depth: 32,
    };
}

/// Every `.toml` file below `dir` as (path relative to `dir` with `/` separators, contents),
/// sorted by path; or every problem found.
pub fn read_bank_dir(dir: &Path, limits: Limits) -> Result<Vec<(String, Vec<u8>)>, Vec<LoadError>> {
    let (paths, mut errors) = toml_files(dir, limits);
    let mut files = Vec::with_capacity(paths.len());
    for (name, path) in paths {
        match read_regular_file(&path, MAX_FILE_BYTES) {
            Ok(bytes) => files.push((name, bytes)),
            Err(message) => errors.push(problem(name, message)),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

fn problem(file: String, message: String) -> LoadError {
    LoadError {
        file,
        line: None,
        question: None,
        message,
    }
}

/// The `.toml` files below `dir` as (relative name, path), sorted by name, and the problems
/// met on the way.
pub fn toml_files(dir: &Path, limits: Limits) -> (Vec<(String, PathBuf)>, Vec<LoadError>) {
    let mut errors = Vec::new();
    let root = dir.display().to_string();
    let meta = match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => meta,
        Ok(_) => {
            let message = "not a folder (--bank takes a folder of question files)".into();
            return (Vec::new(), vec![problem(root, message)]);
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let message = "does not exist (--bank takes a folder of question files)".into();
            return (Vec::new(), vec![problem(root, message)]);
        }
        Err(e) => return (Vec::new(), vec![problem(root, format!("cannot read: {e}"))]),
    };
    let mut visited = HashSet::new();
    visited.insert(folder_identity(dir, &meta));
    let mut files = Vec::new();
    let mut entries = 0;
    // Folders still to read: (path, name relative to the root, depth).
    let mut pending = vec![(dir.to_path_buf(), String::new(), 0)];
    'walk: while let Some((folder, folder_name, depth)) = pending.pop() {
        let shown = |name: &str| {
            if name.is_empty() {
                root.clone()
            } else {
                name.to_string()
            }
        };
        let listing = match fs::read_dir(&folder) {
            Ok(listing) => listing,
            Err(e) => {
                errors.push(problem(
                    shown(&folder_name),
                    format!("cannot read the folder: {e}"),
                ));
                continue;
            }
        };
        for entry in listing {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    errors.push(problem(
                        shown(&folder_name),
                        format!("cannot read the folder: {e}"),
                    ));
                    break;
                }
            };
            entries += 1;
            if entries > limits.entries {
                errors.push(problem(
                    root.clone(),
                    format!(
                        "stopped after {} files and folders: a bank is a folder of question files (is --bank the right folder?)",
                        limits.entries
                    ),
                ));
                break 'walk;
            }
            let file_name = entry.file_name();
            let file_name = file_name.to_string_lossy();
            if file_name.starts_with('.') {
                continue;
            }
            let name = if folder_name.is_empty() {
                file_name.into_owned()
            } else {
                format!("{folder_name}/{file_name}")
            };
            // The folder's own blueprint (an exam of its own) is not a question file.
            let is_toml = Path::new(&name)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
                && name != crate::blueprint::BANK_BLUEPRINT_FILE;
            let path = entry.path();
            // Follows symlinks: a link to a folder or a file is read as what it points at.
            let meta = match fs::metadata(&path) {
                Ok(meta) => meta,
                // A dangling link that could never have been a question file is not a problem.
                Err(e) if e.kind() == io::ErrorKind::NotFound && !is_toml => continue,
                Err(e) => {
                    errors.push(problem(name, format!("cannot read: {e}")));
                    continue;
                }
            };
            if meta.is_dir() {
                if !visited.insert(folder_identity(&path, &meta)) {
                    continue; // already read by another way in
                }
                if depth + 1 > limits.depth {
                    errors.push(problem(
                        name,
                        format!(
                            "folders nest more than {} levels below the bank (is --bank the right folder?)",
                            limits.depth
                        ),
                    ));
                    continue;
                }
                pending.push((path, name, depth + 1));
            } else if is_toml {
                files.push((name, path));
            }
        }
    }
    files.sort();
    (files, errors)
}

/// What identifies a folder however it is reached: device and inode where there are such.
#[cfg(unix)]
fn folder_identity(_: &Path, meta: &Metadata) -> (u64, u64, PathBuf) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino(), PathBuf::new())
}

#[cfg(not(unix))]
fn folder_identity(path: &Path, _: &Metadata) -> (u64, u64, PathBuf) {
    (
        0,
        0,
        fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
    )
}

/// A regular file's contents, at most `limit` bytes; anything else is refused with the reason.
pub fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let refuse = |meta: &Metadata| {
        format!(
            "is {}, not a regular file: a bank reads only regular files",
            describe(meta)
        )
    };
    // Checked before opening: opening a FIFO for reading waits for a writer.
    let meta = fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(refuse(&meta));
    }
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Should the file be swapped for a FIFO after the check, opening still returns at once.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(path)
        .map_err(|e| format!("cannot read: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(refuse(&meta));
    }
    let too_big = || {
        format!(
            "is larger than {} MiB, the most a question file may hold: split it",
            limit / (1024 * 1024)
        )
    };
    if meta.len() > limit {
        return Err(too_big());
    }
    // The size can change between the check and the read: never read past the limit.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(bytes)
}

/// "a FIFO", "a character device", ... for a file that is not a regular file.
fn describe(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Limits = Limits {
        entries: 10,
        depth: 2,
    };

    #[test]
    fn a_walk_stops_at_its_limits_and_says_why() {
        let tmp = tempfile::tempdir().unwrap();
        for i in 0..10 {
            fs::write(tmp.path().join(format!("{i}.toml")), "").unwrap();
        }
        let (files, errors) = toml_files(tmp.path(), SMALL);
        assert_eq!(
            (files.len(), errors.len()),
            (10, 0),
            "ten is within the limit"
        );
        fs::write(tmp.path().join("10.toml"), "").unwrap();
        let (_, errors) = toml_files(tmp.path(), SMALL);
        assert!(
            errors[0]
                .message
                .contains("stopped after 10 files and folders")
        );

        let tmp = tempfile::tempdir().unwrap();
        fs::create_dir_all(tmp.path().join("a/b/c")).unwrap();
        fs::write(tmp.path().join("a/b/1.toml"), "").unwrap();
        let (files, errors) = toml_files(tmp.path(), SMALL);
        assert_eq!(files[0].0, "a/b/1.toml");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].file, "a/b/c");
        assert!(errors[0].message.contains("more than 2 levels"));
    }

    #[test]
    fn hidden_names_are_not_part_of_a_bank() {
        let tmp = tempfile::tempdir().unwrap();
        fs::create_dir(tmp.path().join(".git")).unwrap();
        fs::write(tmp.path().join(".git/x.toml"), "").unwrap();
        fs::write(tmp.path().join(".#1.1.toml"), "").unwrap();
        fs::write(tmp.path().join("1.1.toml"), "").unwrap();
        let (files, errors) = toml_files(tmp.path(), Limits::BANK);
        let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!((names, errors.len()), (vec!["1.1.toml"], 0));
    }
}
