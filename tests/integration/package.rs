//! What lore ships: the crate `cargo publish` would upload holds what the binary needs and
//! nothing more, `rust-version` is the oldest Rust the locked dependencies build with,
//! `lore --version` names the commit, and `lore completions` writes a script for each shell.

use std::collections::BTreeSet;
use std::process::Command;

use crate::support::repo;

fn cargo(args: &[&str]) -> std::process::Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    Command::new(cargo)
        .args(args)
        .current_dir(repo())
        .output()
        .expect("run cargo")
}

/// Files under a folder of the repository, with `/` separators from the repository root.
fn files_in(folder: &str) -> BTreeSet<String> {
    walkdir::WalkDir::new(repo().join(folder))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(repo()).expect("in repo");
            rel.to_string_lossy().replace('\\', "/")
        })
        .collect()
}

#[test]
fn the_published_crate_holds_what_the_binary_needs_and_nothing_more() {
    // Lists only: nothing is built or downloaded.
    let out = cargo(&[
        "package",
        "--list",
        "--allow-dirty",
        "--offline",
        "--locked",
    ]);
    assert!(out.status.success(), "{out:?}");
    let listed: BTreeSet<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    let mut needed: BTreeSet<String> = ["src", "layouts", "assets", "content"]
        .iter()
        .flat_map(|f| files_in(f))
        .collect();
    for f in [
        "Cargo.toml",
        "Cargo.lock",
        "build.rs",
        "site.yaml",
        "README.md",
        "LICENSE-MIT",
        "LICENSE-APACHE",
    ] {
        needed.insert(f.to_string());
    }
    let missing: Vec<&String> = needed.difference(&listed).collect();
    assert!(missing.is_empty(), "missing from the crate: {missing:?}");
    // What cargo adds on its own: the manifest as written and the commit it was made from.
    let extra: Vec<&String> = listed
        .difference(&needed)
        .filter(|f| !matches!(f.as_str(), "Cargo.toml.orig" | ".cargo_vcs_info.json"))
        .collect();
    assert!(extra.is_empty(), "in the crate but not needed: {extra:?}");
}

#[test]
fn the_manifest_carries_what_crates_io_asks_for() {
    let manifest = std::fs::read_to_string(repo().join("Cargo.toml")).expect("Cargo.toml");
    for key in [
        "description = ",
        "license = ",
        "repository = ",
        "readme = ",
        "keywords = ",
        "categories = ",
        "rust-version = ",
    ] {
        assert!(manifest.contains(key), "Cargo.toml lacks {key}");
    }
    assert_eq!(env!("CARGO_PKG_LICENSE"), "MIT OR Apache-2.0");
}

/// `1.88.0` or `1.91` as comparable numbers.
fn version(v: &str) -> Vec<u64> {
    v.split('.').map(|p| p.parse().unwrap_or(0)).collect()
}

#[test]
fn rust_version_is_the_newest_any_locked_dependency_needs() {
    let mut out = cargo(&["metadata", "--format-version", "1", "--locked", "--offline"]);
    if !out.status.success() {
        out = cargo(&["metadata", "--format-version", "1", "--locked"]);
    }
    assert!(out.status.success(), "{out:?}");
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata JSON");
    let ours = env!("CARGO_PKG_RUST_VERSION");
    let (needed, by) = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .filter(|p| p["name"] != env!("CARGO_PKG_NAME"))
        .filter_map(|p| Some((p["rust_version"].as_str()?, p["name"].as_str()?)))
        .max_by_key(|(v, _)| version(v))
        .expect("some dependency declares a rust-version");
    assert!(
        version(ours) >= version(needed),
        "rust-version = {ours}, but {by} needs Rust {needed}: raise rust-version in Cargo.toml"
    );
}

#[test]
fn version_names_the_commit_it_was_built_from() {
    let out = Command::new(env!("CARGO_BIN_EXE_lore"))
        .arg("--version")
        .output()
        .expect("lore --version");
    let shown = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(
        shown.starts_with(&format!("lore {}", env!("CARGO_PKG_VERSION"))),
        "{shown}"
    );
    // A development build names the commit of its last change (build.rs), not always HEAD.
    let Some(named) = shown.strip_suffix(')').and_then(|s| s.split_once(" (")) else {
        assert!(
            !repo().join(".git").exists(),
            "a Git checkout names its commit: {shown}"
        );
        return;
    };
    let (hash, date) = named.1.split_once(' ').expect("hash and date");
    let out = Command::new("git")
        .args(["show", "-s", "--format=%cs", hash])
        .current_dir(repo())
        .output()
        .expect("git");
    assert_eq!(hash.len(), 9, "{shown}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        date,
        "{shown}: the date of commit {hash} of this repository"
    );
}

#[test]
fn completions_are_written_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = Command::new(env!("CARGO_BIN_EXE_lore"))
            .args(["completions", shell])
            .output()
            .expect("lore completions");
        assert!(out.status.success(), "{shell}: {out:?}");
        let script = String::from_utf8_lossy(&out.stdout);
        for word in ["init", "eject", "diff", "base-url"] {
            assert!(script.contains(word), "{shell} completes {word}");
        }
    }
    let out = Command::new(env!("CARGO_BIN_EXE_lore"))
        .args(["completions", "tcsh"])
        .output()
        .expect("lore completions");
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}
