//! Names the commit lore is built from, for `lore --version`: `LORE_VERSION` is
//! `0.1.0 (1a2b3c4d5 2026-11-28)` in a Git checkout of lore (`cargo install --git`, a release
//! built by dist), and plain `0.1.0` where there is no Git (a crate from crates.io, a source
//! tarball) or the folder belongs to another repository.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    match commit(&manifest_dir) {
        Some(c) => {
            println!(
                "cargo:rustc-env=LORE_VERSION={version} ({} {})",
                c.hash, c.date
            );
            // A release build follows HEAD exactly: a checkout (HEAD itself) or a commit (the
            // branch's ref) builds it again. A development build names the commit of its last
            // change to the package's files (cargo's default when nothing is watched), so that
            // a commit alone does not recompile the whole crate for every test run.
            if std::env::var("PROFILE").as_deref() == Ok("release") {
                for path in c.watch {
                    println!("cargo:rerun-if-changed={}", path.display());
                }
            }
        }
        None => {
            println!("cargo:rustc-env=LORE_VERSION={version}");
            println!("cargo:rerun-if-changed=build.rs");
        }
    }
}

struct Commit {
    hash: String,
    date: String,
    watch: Vec<PathBuf>,
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !text.is_empty()).then_some(text)
}

fn commit(dir: &Path) -> Option<Commit> {
    // A crate unpacked inside somebody else's repository must not take that repository's commit.
    let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"])?);
    if std::fs::canonicalize(&top).ok()? != std::fs::canonicalize(dir).ok()? {
        return None;
    }
    let hash = git(dir, &["rev-parse", "--short=9", "HEAD"])?;
    let date = git(dir, &["log", "-1", "--format=%cs", "HEAD"])?;
    let mut names = vec!["HEAD".to_string(), "packed-refs".to_string()];
    names.extend(git(dir, &["symbolic-ref", "-q", "HEAD"]));
    // Cargo reruns a build script on every build while a watched file is missing.
    let watch = names
        .iter()
        .filter_map(|n| git_path(dir, n))
        .filter(|p| p.exists())
        .collect();
    Some(Commit { hash, date, watch })
}

/// A file of the repository's Git folder (worktrees keep HEAD apart from the shared refs).
fn git_path(dir: &Path, name: &str) -> Option<PathBuf> {
    let p = PathBuf::from(git(dir, &["rev-parse", "--git-path", name])?);
    Some(if p.is_absolute() { p } else { dir.join(p) })
}
