//! `lore init`: a small site in an empty folder or an existing repository that builds and checks
//! without a problem in every language asked for, with a workflow pinned to this lore; the
//! example site with `--example`; a folder holding a site refused with nothing written; and the
//! published address and edit links taken from the environment when site.yaml leaves them out.

use std::path::Path;
use std::process::{Command, Output};

fn lore(dir: &Path, args: &[&str]) -> Output {
    lore_env(dir, args, &[])
}

fn lore_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lore"));
    cmd.args(args).current_dir(dir).env("NO_COLOR", "1");
    for var in [
        "LORE_BASE_URL",
        "LORE_REPOSITORY",
        "LORE_BRANCH",
        "LORE_SITE",
    ] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied());
    cmd.output().expect("run lore")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\n{}\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("under dir");
            rel.to_string_lossy().replace('\\', "/")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn init_starts_a_small_site_in_every_language_that_checks_without_a_single_warning() {
    let tmp = tempfile::tempdir().expect("tmp");
    ok(&lore(tmp.path(), &["init", "kb", "--lang", "en,fr,ar"]));
    let site = tmp.path().join("kb");
    let files = files_under(&site);
    for lang in ["", ".fr", ".ar"] {
        assert!(
            files.contains(&format!("content/_index{lang}.md")),
            "{files:?}"
        );
        for ty in lore::schema::builtin_types().values() {
            let Some(section) = &ty.section else { continue };
            assert!(
                files
                    .iter()
                    .any(|f| f.starts_with(&format!("content/{section}/"))
                        && f.ends_with(&format!("{lang}.md"))
                        && !f.ends_with(&format!("_index{lang}.md"))),
                "a {} page in language `{lang}`: {files:?}",
                ty.name
            );
        }
    }
    for f in ["site.yaml", ".gitignore", ".github/workflows/lore.yml"] {
        assert!(files.contains(&f.to_string()), "{f}: {files:?}");
    }
    assert!(
        !files
            .iter()
            .any(|f| f.starts_with("layouts/") || f.starts_with("assets/")),
        "built-in layouts and assets stay built in: {files:?}"
    );
    let check = ok(&lore(&site, &["check"]));
    assert!(check.contains("0 errors, 0 warnings"), "{check}");
    ok(&lore(&site, &["build"]));
    let ar = std::fs::read_to_string(site.join("public/ar/index.html")).expect("ar home");
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\""), "{ar}");
    assert!(ar.contains("مرحبًا"), "the Arabic home page is in Arabic");
    let fr = std::fs::read_to_string(site.join("public/fr/techniques/problem-tree/index.html"))
        .expect("fr technique");
    assert!(
        fr.contains("<title>L’arbre à problèmes"),
        "the French card is in French"
    );
}

#[test]
fn init_works_in_a_cloned_repository_beside_its_files_and_keeps_its_gitignore() {
    let tmp = tempfile::tempdir().expect("tmp");
    let repo = tmp.path();
    git(repo, &["init", "-q"]);
    git(
        repo,
        &["remote", "add", "origin", "https://example.org/org/kb.git"],
    );
    git(
        repo,
        &[
            "symbolic-ref",
            "refs/remotes/origin/HEAD",
            "refs/remotes/origin/trunk",
        ],
    );
    std::fs::write(repo.join("README.md"), "# Our knowledge base\n").expect("readme");
    std::fs::write(repo.join(".gitignore"), "node_modules/\n").expect("gitignore");
    ok(&lore(repo, &["init"]));
    assert_eq!(
        std::fs::read_to_string(repo.join("README.md")).expect("readme"),
        "# Our knowledge base\n"
    );
    let ignore = std::fs::read_to_string(repo.join(".gitignore")).expect("gitignore");
    assert!(
        ignore.starts_with("node_modules/\n") && ignore.contains("/public/\n"),
        "{ignore}"
    );
    let workflow =
        std::fs::read_to_string(repo.join(".github/workflows/lore.yml")).expect("workflow");
    assert!(
        workflow.contains("branches: [trunk]"),
        "published from the remote's default branch"
    );
    ok(&lore(repo, &["check"]));
    let again = lore(repo, &["init"]);
    assert_eq!(again.status.code(), Some(1), "a second init finds the site");
}

#[test]
fn init_in_a_subfolder_puts_the_workflow_at_the_top_of_the_repository() {
    let tmp = tempfile::tempdir().expect("tmp");
    git(tmp.path(), &["init", "-q"]);
    let docs = tmp.path().join("docs");
    std::fs::create_dir(&docs).expect("docs");
    ok(&lore(&docs, &["init", "handbook"]));
    assert!(!docs.join("handbook/.github").exists());
    let workflow = std::fs::read_to_string(tmp.path().join(".github/workflows/lore.yml"))
        .expect("workflow at the top");
    assert!(
        workflow.contains("LORE_SITE: \"docs/handbook\""),
        "{workflow}"
    );
    assert!(workflow.contains("branches: [main]"));
}

#[test]
fn init_refuses_a_folder_that_holds_a_site_and_writes_nothing() {
    for existing in ["site.yaml", "content/a.md"] {
        let tmp = tempfile::tempdir().expect("tmp");
        let path = tmp.path().join(existing);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, "mine").expect("write");
        let before = files_under(tmp.path());
        let out = lore(tmp.path(), &["init", "--lang", "en,fr"]);
        assert_eq!(out.status.code(), Some(1), "{existing}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("already holds a site"), "{stderr}");
        assert_eq!(files_under(tmp.path()), before, "nothing written");
    }
}

#[test]
fn init_refuses_a_language_code_that_is_not_one_and_writes_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = lore(tmp.path(), &["init", "--lang", "en,Français"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`Français` is not a language code"),
        "{stderr}"
    );
    assert!(files_under(tmp.path()).is_empty());
}

#[test]
fn init_example_writes_the_example_site_without_its_made_up_address() {
    let tmp = tempfile::tempdir().expect("tmp");
    ok(&lore(tmp.path(), &["init", "ex", "--example"]));
    let site = tmp.path().join("ex");
    let files = files_under(&site);
    assert!(files.contains(&"content/techniques/problem-tree.ar.md".to_string()));
    assert!(files.contains(&"content/toolkits/files/learning-log-template.csv".to_string()));
    assert!(
        !files.iter().any(|f| f.starts_with("layouts/")),
        "{files:?}"
    );
    let yaml = std::fs::read_to_string(site.join("site.yaml")).expect("site.yaml");
    assert!(!yaml.contains("base_url") && !yaml.contains("example/knowledge-commons"));
    ok(&lore(&site, &["build"]));
    let out = lore(tmp.path(), &["init", "ex2", "--example", "--lang", "fr"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "--lang and --example do not go together"
    );
}

#[test]
fn the_workflow_installs_and_caches_the_lore_that_wrote_it_before_checking() {
    let tmp = tempfile::tempdir().expect("tmp");
    ok(&lore(tmp.path(), &["init"]));
    let w = std::fs::read_to_string(tmp.path().join(".github/workflows/lore.yml")).expect("wf");
    let version = env!("CARGO_PKG_VERSION");
    assert!(w.contains(&format!("LORE_VERSION: \"{version}\"")), "{w}");
    let version_out = lore(tmp.path(), &["--version"]);
    let shown = String::from_utf8_lossy(&version_out.stdout);
    assert!(shown.starts_with(&format!("lore {version}")), "{shown}");
    assert!(w.contains("key: lore-${{ env.LORE_VERSION }}-${{ runner.os }}"));
    assert!(w.contains("lore-ssg-$target.tar.xz") && w.contains("sha256sum --check"));
    assert!(
        w.contains("cargo install --locked --root ~/.lore lore-ssg --version \"$LORE_VERSION\"")
    );
    let at = |needle: &str| w.find(needle).unwrap_or_else(|| panic!("{needle} in {w}"));
    assert!(
        at("uses: actions/cache/save@") < at("lore check --root"),
        "the binary is cached before the check can fail"
    );
    assert!(w.contains("cancel-in-progress: ${{ github.event_name == 'pull_request' }}"));
    assert!(
        w.contains("cancel-in-progress: false"),
        "a deployment is never cancelled"
    );
    assert!(
        w.contains("- cron: "),
        "a daily rebuild moves events to the past"
    );
    assert!(
        w.contains("--format github"),
        "annotations on the changed lines"
    );
    assert!(w.contains("lore diff \"$RUNNER_TEMP/before\" \"$RUNNER_TEMP/after\" --format markdown >> \"$GITHUB_STEP_SUMMARY\""));
    assert!(w.contains("LORE_BASE_URL: ${{ steps.pages.outputs.base_url }}"));
    assert!(w.contains("LORE_REPOSITORY: ${{ github.server_url }}/${{ github.repository }}"));
}

#[test]
fn the_address_and_edit_links_come_from_the_environment_when_site_yaml_leaves_them_out() {
    let tmp = tempfile::tempdir().expect("tmp");
    ok(&lore(tmp.path(), &["init"]));
    let site = tmp.path();
    let warned = ok(&lore(site, &["build"]));
    assert!(warned.contains("no `base_url`"), "{warned}");
    let env = [
        ("LORE_BASE_URL", "https://org.github.io/kb/"),
        ("LORE_REPOSITORY", "https://github.com/org/kb"),
        ("LORE_BRANCH", "trunk"),
        ("LORE_SITE", "."),
    ];
    let quiet = ok(&lore_env(site, &["build"], &env));
    assert!(!quiet.contains("base_url"), "{quiet}");
    let sitemap = std::fs::read_to_string(site.join("public/sitemap.xml")).expect("sitemap");
    assert!(
        sitemap.contains("<loc>https://org.github.io/kb/about/</loc>"),
        "{sitemap}"
    );
    let about = std::fs::read_to_string(site.join("public/about/index.html")).expect("about");
    assert!(
        about.contains("https://github.com/org/kb/edit/trunk/content/about.md"),
        "edit link from the environment"
    );
    let yaml = std::fs::read_to_string(site.join("site.yaml")).expect("yaml");
    std::fs::write(
        site.join("site.yaml"),
        format!("{yaml}base_url: https://kb.example.org\n"),
    )
    .expect("write");
    ok(&lore_env(site, &["build"], &env));
    let sitemap = std::fs::read_to_string(site.join("public/sitemap.xml")).expect("sitemap");
    assert!(
        sitemap.contains("https://kb.example.org/about/") && !sitemap.contains("github.io"),
        "site.yaml wins over the environment"
    );
    let sub = [
        ("LORE_REPOSITORY", "https://github.com/org/kb"),
        ("LORE_SITE", "docs/kb"),
    ];
    ok(&lore_env(site, &["build"], &sub));
    let about = std::fs::read_to_string(site.join("public/about/index.html")).expect("about");
    assert!(about.contains("https://github.com/org/kb/edit/main/docs/kb/content/about.md"));
}
