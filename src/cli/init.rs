//! `lore init [DIR]`: starts a site in DIR, an empty folder or a Git repository that has other
//! files already (a README, a licence, dot files), refusing only a folder that holds a site
//! (`site.yaml` or `content/`). It asks nothing and writes:
//!
//! - `site.yaml` with the languages of `--lang` (first the default), and in each language a home
//!   page and one page of each type ([`starter`]), or with `--example` the full example site;
//! - a `.gitignore` (lines added to an existing one);
//! - `.github/workflows/lore.yml` at the top of the repository ([`workflow`]), unless one exists.
//!
//! Layouts and assets stay built in, so a later lore's fixes reach the site; `lore eject` copies
//! one to change it. Nothing is written until everything has been prepared and the new
//! `site.yaml` has passed lore's own check.

mod starter;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::Utc;

use super::InitArgs;
use crate::builtin;
use crate::config::{Config, CONFIG_FILE};
use crate::content::CONTENT_DIR;

/// The CI workflow, with `@NAME@` holes [`workflow`] fills.
const WORKFLOW: &str = include_str!("init/workflow.yml");

/// Where the workflow goes, from the top of the repository.
const WORKFLOW_PATH: &str = ".github/workflows/lore.yml";

/// Lines a site's `.gitignore` needs: the output and lore's own caches.
const GITIGNORE: [&str; 4] = [
    "/public/",
    "/.public.lore-*",
    "/.lore-link-cache.json",
    "/.lore-cache/",
];

/// Runs `lore init`; returns the exit code.
pub(super) fn run(args: InitArgs) -> i32 {
    match init_site(&args) {
        Ok(done) => {
            print!("{}", done.summary(&args));
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

/// What `lore init` wrote.
struct Written {
    pages: usize,
    languages: Vec<String>,
    workflow: PathBuf,
    workflow_kept: bool,
}

impl Written {
    fn summary(&self, args: &InitArgs) -> String {
        let dir = args.dir.display();
        let mut out = format!(
            "Started a site in {dir}: site.yaml, {} pages in content/ ({}), .gitignore",
            self.pages,
            self.languages.join(", ")
        );
        let w = self.workflow.display();
        if self.workflow_kept {
            out.push_str(&format!(" ({w} was there already: left as it is)"));
        } else {
            out.push_str(&format!(", {w}"));
        }
        out.push_str(".\n\nNext:\n");
        if args.dir != Path::new(".") {
            out.push_str(&format!("  cd {dir}\n"));
        }
        out.push_str(
            "  lore serve --open       see the site at http://127.0.0.1:1111 as you edit it\n  lore new guide \"Title\"  add a page\n\nTo publish it: commit, push to GitHub, and in the repository's Settings > Pages set\nSource to GitHub Actions (README, \"Start a site\").\n",
        );
        out
    }
}

fn init_site(args: &InitArgs) -> Result<Written, String> {
    let dir = &args.dir;
    if dir.exists() && !dir.is_dir() {
        return Err(format!("{} exists and is not a folder", dir.display()));
    }
    for taken in [CONFIG_FILE, CONTENT_DIR] {
        if dir.join(taken).exists() {
            return Err(format!(
                "{} already holds a site ({taken} is there); lore init starts a new one only where there is none",
                dir.display()
            ));
        }
    }
    let languages = if args.lang.is_empty() {
        vec!["en".to_string()]
    } else {
        args.lang.iter().map(|l| l.trim().to_string()).collect()
    };
    let (yaml, mut files) = if args.example {
        (example_site_yaml(), example_content())
    } else {
        (starter::site_yaml(&languages), Vec::new())
    };
    let config = Config::parse(&yaml, dir).map_err(|d| {
        let problems: Vec<String> = d.iter().map(|d| d.message.clone()).collect();
        format!("--lang: {}", problems.join("; "))
    })?;
    if !args.example {
        files = starter::pages(&config, Utc::now().date_naive());
    }
    // A workflow works only at the top of the repository, which may be above the site.
    let top = repository_root(dir).unwrap_or_else(|| dir.clone());
    let site = site_in_repository(dir, &top);
    let workflow_file = if site == "." {
        dir.join(WORKFLOW_PATH)
    } else {
        top.join(WORKFLOW_PATH)
    };
    let workflow_kept = workflow_file.exists();
    let workflow_text = workflow(&site, &default_branch(&top));
    let pages = files.iter().filter(|f| f.path.ends_with(".md")).count();
    let mut plan: Vec<(PathBuf, Vec<u8>)> = vec![(dir.join(CONFIG_FILE), yaml.into_bytes())];
    plan.extend(files.into_iter().map(|f| (dir.join(f.path), f.text)));
    if !workflow_kept {
        plan.push((workflow_file.clone(), workflow_text.into_bytes()));
    }
    write_all(&plan)?;
    add_to_gitignore(&dir.join(".gitignore"))?;
    Ok(Written {
        pages,
        languages: config.languages.iter().map(|l| l.code.clone()).collect(),
        workflow: workflow_file,
        workflow_kept,
    })
}

/// Writes every planned file, none over an existing one; on a failure, removes what it wrote.
fn write_all(plan: &[(PathBuf, Vec<u8>)]) -> Result<(), String> {
    let mut written: Vec<&Path> = Vec::new();
    for (path, text) in plan {
        if let Err(e) = write_new(path, text) {
            for done in written.iter().rev() {
                std::fs::remove_file(done).ok();
            }
            return Err(e);
        }
        written.push(path);
    }
    Ok(())
}

fn write_new(path: &Path, text: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    std::io::Write::write_all(&mut file, text)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Adds the lines lore needs to the site's `.gitignore`, keeping what is there.
fn add_to_gitignore(path: &Path) -> Result<(), String> {
    let old = std::fs::read_to_string(path).unwrap_or_default();
    let missing: Vec<&str> = GITIGNORE
        .iter()
        .copied()
        .filter(|l| !old.lines().any(|o| o.trim() == *l))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut text = old.clone();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("# lore's output and caches\n");
    for l in missing {
        text.push_str(l);
        text.push('\n');
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The workflow for a site at `site` (relative to the top of the repository, `.` for the top)
/// published from `branch`, installing this very version of lore.
fn workflow(site: &str, branch: &str) -> String {
    WORKFLOW
        .replace("@LORE_VERSION@", env!("CARGO_PKG_VERSION"))
        .replace("@LORE_SOURCE@", env!("CARGO_PKG_REPOSITORY"))
        .replace("@SITE@", site)
        .replace("@BRANCH@", branch)
}

/// The top of the Git repository `dir` is in (a folder holding `.git`), if any.
fn repository_root(dir: &Path) -> Option<PathBuf> {
    let start = std::path::absolute(dir).ok()?;
    start
        .ancestors()
        .find(|a| a.join(".git").exists())
        .map(Path::to_path_buf)
}

/// `dir` relative to `top`, with `/` separators: `.` when they are the same folder.
fn site_in_repository(dir: &Path, top: &Path) -> String {
    let (Ok(dir), Ok(top)) = (std::path::absolute(dir), std::path::absolute(top)) else {
        return ".".into();
    };
    let rel: Vec<String> = dir
        .strip_prefix(&top)
        .map(|r| {
            r.components()
                .filter(|c| matches!(c, std::path::Component::Normal(_)))
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    if rel.is_empty() {
        ".".into()
    } else {
        rel.join("/")
    }
}

/// The branch the site is published from: the remote's default branch when the repository was
/// cloned (`origin/HEAD`), else `main`, GitHub's default for a new repository.
fn default_branch(top: &Path) -> String {
    Command::new("git")
        .arg("-C")
        .arg(top)
        .args([
            "symbolic-ref",
            "--quiet",
            "--short",
            "refs/remotes/origin/HEAD",
        ])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().strip_prefix("origin/").map(str::to_string))
        .filter(|b| !b.is_empty() && !b.contains(['\n', ' ', ',', ']']))
        .unwrap_or_else(|| "main".into())
}

/// The example site's `site.yaml` without its made-up address and repository, which the
/// workflow gives on GitHub (an example.org address would break every published link).
fn example_site_yaml() -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in builtin::SITE_YAML.lines() {
        let top_level = !line.starts_with([' ', '\t']) && !line.trim().is_empty();
        if top_level {
            skipping = line.starts_with("base_url:") || line.starts_with("repository:");
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The example site's pages and files.
fn example_content() -> Vec<starter::StarterFile> {
    builtin::files(&builtin::CONTENT)
        .into_iter()
        .map(|(rel, bytes)| starter::StarterFile {
            path: format!("{CONTENT_DIR}/{rel}"),
            text: bytes.to_vec(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_loses_its_made_up_address_and_repository() {
        let yaml = example_site_yaml();
        assert!(!yaml.contains("base_url") && !yaml.contains("example/knowledge-commons"));
        let config = Config::parse(&yaml, Path::new(".")).expect("valid");
        assert!(config.base_url_unset && config.repository.is_none());
        assert_eq!(config.languages.len(), 4);
    }

    #[test]
    fn the_workflow_installs_the_lore_that_wrote_it() {
        let w = workflow("docs", "trunk");
        assert!(w.contains(&format!("LORE_VERSION: \"{}\"", env!("CARGO_PKG_VERSION"))));
        assert!(w.contains("LORE_SITE: \"docs\"") && w.contains("branches: [trunk]"));
        for hole in ["@LORE_", "@SITE@", "@BRANCH@"] {
            assert!(!w.contains(hole), "{hole} filled");
        }
    }

    #[test]
    fn a_site_below_the_top_of_the_repository_is_named_from_there() {
        assert_eq!(
            site_in_repository(Path::new("/r/docs/kb"), Path::new("/r")),
            "docs/kb"
        );
        assert_eq!(site_in_repository(Path::new("/r"), Path::new("/r")), ".");
    }
}
