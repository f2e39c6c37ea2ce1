//! What `--out` may name: lore replaces its output folder whole, so it must never be given a
//! folder it did not write (issue 19: `--out site.yaml` replaced the configuration, `--out .git`
//! deleted the repository).
//!
//! Every build leaves [`MARKER`] in the folder it writes. A folder is replaced only when it does
//! not exist, is empty, holds the marker, or looks like the output of a lore from before the
//! marker (it holds `sitemap.xml` and `api/pages.json`, and no sources). `--force` allows any
//! other folder, but never a file, the site itself, a folder holding the site, its sources or a
//! repository.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// The file every output folder holds: the next build knows the folder is lore's to replace.
pub(crate) const MARKER: &str = ".lore-build";

/// What [`MARKER`] says to whoever opens it.
pub(crate) const MARKER_TEXT: &str = "This folder was written by lore (`lore build`); the next build replaces it whole.\nKeep no files of your own here.\n";

/// Names that make a folder somebody's sources, never replaced even with `--force`.
const SOURCES: [(&str, &str); 5] = [
    ("site.yaml", "a lore site's configuration"),
    ("content", "a site's content folder"),
    (".git", "a Git repository"),
    (".hg", "a Mercurial repository"),
    (".svn", "a Subversion working copy"),
];

/// Why a folder may not be replaced, and what to do instead.
struct Refusal {
    what: String,
    help: &'static str,
}

impl Refusal {
    fn new(what: impl Into<String>, help: &'static str) -> Self {
        Self {
            what: what.into(),
            help,
        }
    }
}

/// Checks that `out` may be replaced by a build of the site in `root`; `force` allows a folder
/// holding files lore did not write. The error says what is there and how to go on.
pub(crate) fn check_output_dir(root: &Path, out: &Path, force: bool) -> Result<(), Diagnostic> {
    let (root_abs, out_abs) = (absolute(root), absolute(out));
    let refusal = match fs::symlink_metadata(out) {
        _ if root_abs.starts_with(&out_abs) || source_folder(&root_abs, &out_abs).is_some() => {
            Some(holds_the_site(root, &root_abs, &out_abs))
        }
        Err(_) => None,
        Ok(meta) if !out_abs.is_dir() => Some(not_a_folder(&meta)),
        Ok(_) if out_abs.join(MARKER).is_file() => None,
        Ok(_) => someone_elses(&out_abs, force),
    };
    match refusal {
        None => Ok(()),
        Some(r) => {
            Err(Diagnostic::error("", format!("--out {}: {}", out.display(), r.what)).help(r.help))
        }
    }
}

/// The source folder of the site (`content`, `layouts`, `assets`) that `out` is inside, if any.
fn source_folder(root: &Path, out: &Path) -> Option<&'static str> {
    ["content", "layouts", "assets"]
        .into_iter()
        .find(|src| out.starts_with(root.join(src)))
}

/// The refusal of the site's folder, a folder holding it, or one inside its sources.
fn holds_the_site(root: &Path, root_abs: &Path, out_abs: &Path) -> Refusal {
    if let Some(src) = source_folder(root_abs, out_abs) {
        return Refusal::new(
            format!("this folder is inside the site's {src}/ folder"),
            "build outside the site's sources, e.g. --out public (the default)",
        );
    }
    let what = if root_abs == out_abs {
        "this is the site's own folder".to_string()
    } else {
        format!("this folder holds the site ({})", root.display())
    };
    Refusal::new(
        format!("{what}; building there would replace the site with its output"),
        "build into a folder of its own, e.g. --out public (the default)",
    )
}

/// The refusal of a file (or a link to one) given as `--out`.
fn not_a_folder(meta: &fs::Metadata) -> Refusal {
    let kind = if meta.file_type().is_symlink() {
        "a link to something that is not a folder"
    } else {
        "a file, not a folder"
    };
    Refusal::new(
        format!("this is {kind}; lore would replace it with the built site"),
        "give --out a folder (a new one, or one an earlier `lore build` wrote)",
    )
}

/// The refusal of an existing folder without the marker, if it is somebody's: a repository,
/// one holding a home or the current folder or sources (even with `force`), or one holding
/// anything at all (unless `force`, or it looks like an earlier lore's output).
fn someone_elses(dir: &Path, force: bool) -> Option<Refusal> {
    const OWN_FOLDER: &str = "give --out a folder of its own, e.g. --out public";
    if let Some(what) = repository_folder(dir) {
        return Some(Refusal::new(
            format!("this is {what}; lore will not replace it"),
            OWN_FOLDER,
        ));
    }
    if let Some(what) = home_or_current(dir) {
        return Some(Refusal::new(
            format!("this folder holds {what}; lore replaces its --out folder whole"),
            OWN_FOLDER,
        ));
    }
    let names = folder_names(dir);
    if let Some((name, what)) = SOURCES.iter().find(|(n, _)| names.iter().any(|x| x == n)) {
        return Some(Refusal::new(
            format!("this folder holds `{name}` ({what}); lore will not replace it"),
            "lore deletes what is in its --out folder: give it a folder of its own, e.g. --out public",
        ));
    }
    if names.is_empty() || force || looks_like_old_output(dir) {
        return None;
    }
    let mut listed: Vec<String> = names.iter().take(3).cloned().collect();
    if names.len() > 3 {
        listed.push(format!("and {} more", names.len() - 3));
    }
    Some(Refusal::new(
        format!(
            "this folder holds files lore did not write ({}); a build replaces the whole folder",
            listed.join(", ")
        ),
        "choose a new or empty folder, or add --force if this folder is meant to be replaced (everything in it is deleted)",
    ))
}

/// What kind of repository's own folder `dir` is (`.git`, or a bare Git repository), if any.
fn repository_folder(dir: &Path) -> Option<&'static str> {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned());
    match name.as_deref() {
        Some(".git") => Some("a Git repository's own folder"),
        Some(".hg") => Some("a Mercurial repository's own folder"),
        Some(".svn") => Some("a Subversion working copy's own folder"),
        _ if ["HEAD", "objects", "refs"]
            .iter()
            .all(|n| dir.join(n).exists()) =>
        {
            Some("a Git repository's own folder")
        }
        _ => None,
    }
}

/// `your home folder` or `the current folder` when `dir` is, or holds, one of them.
fn home_or_current(dir: &Path) -> Option<&'static str> {
    let home = std::env::var_os("HOME").map(|h| absolute(Path::new(&h)));
    if home.is_some_and(|h| h.starts_with(dir)) {
        return Some("your home folder");
    }
    let cwd = std::env::current_dir().ok().map(|c| absolute(&c));
    cwd.is_some_and(|c| c.starts_with(dir))
        .then_some("the current folder")
}

/// The names in a folder, sorted (empty when it cannot be read).
fn folder_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// True for a folder written by a lore from before [`MARKER`]: every build wrote these two.
fn looks_like_old_output(dir: &Path) -> bool {
    dir.join("sitemap.xml").is_file() && dir.join("api/pages.json").is_file()
}

/// `p` made absolute and free of `.` and `..`, with links resolved where it exists.
fn absolute(p: &Path) -> PathBuf {
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut clean = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    fs::canonicalize(&clean).unwrap_or(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(root: &Path, out: &Path, force: bool) -> String {
        check_output_dir(root, out, force)
            .expect_err("refused")
            .message
    }

    #[test]
    fn refuses_the_site_its_sources_and_what_holds_them() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("content")).unwrap();
        assert!(refused(&root, &root, true).contains("the site's own folder"));
        assert!(refused(&root, dir.path(), true).contains("holds the site"));
        assert!(refused(&root, &root.join("content/x"), true).contains("content/"));
        assert!(check_output_dir(&root, &root.join("public"), false).is_ok());
    }

    #[test]
    fn refuses_a_file_and_a_repository_even_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("repo/.git")).unwrap();
        fs::write(root.join("site.yaml"), "title: T\n").unwrap();
        assert!(refused(&root, &root.join("site.yaml"), true).contains("a file"));
        assert!(refused(&root, &root.join("repo"), true).contains("`.git`"));
    }

    #[test]
    fn replaces_an_empty_folder_its_own_output_or_any_folder_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let out = dir.path().join("out");
        fs::create_dir_all(&out).unwrap();
        assert!(check_output_dir(&root, &out, false).is_ok(), "empty");
        fs::write(out.join("notes.txt"), "mine").unwrap();
        assert!(refused(&root, &out, false).contains("notes.txt"));
        assert!(check_output_dir(&root, &out, true).is_ok(), "--force");
        fs::write(out.join(MARKER), MARKER_TEXT).unwrap();
        assert!(check_output_dir(&root, &out, false).is_ok(), "marked");
    }

    #[test]
    fn accepts_the_output_of_a_lore_from_before_the_marker() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir_all(out.join("api")).unwrap();
        fs::write(out.join("sitemap.xml"), "<urlset/>").unwrap();
        fs::write(out.join("api/pages.json"), "{}").unwrap();
        fs::write(out.join("index.html"), "<p>").unwrap();
        assert!(check_output_dir(&dir.path().join("site"), &out, false).is_ok());
    }
}
