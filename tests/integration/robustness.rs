//! No input makes lore panic or hang (issue 7): the fuzz corpus replayed, a short seeded
//! mutation run, the hostile inputs named in the issue one by one, and the path guards that
//! keep every write inside the output folder.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{repo, Rng, SiteTest};

#[path = "../../fuzz/harness.rs"]
mod harness;

/// Every input kept under `tests/fixtures/fuzz/` (seeds, and each crash the fuzzer found).
fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = repo().join("tests/fixtures/fuzz");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("fuzz corpus")
        .filter_map(Result::ok)
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn replays_the_fuzz_corpus_without_a_panic() {
    for (name, data) in corpus() {
        let quick = std::panic::catch_unwind(|| harness::run(&data));
        assert!(
            quick.is_ok(),
            "in-memory stages panicked on tests/fixtures/fuzz/{name}"
        );
        let full = std::panic::catch_unwind(|| harness::run_full(&data));
        assert!(
            full.is_ok(),
            "lore check panicked on tests/fixtures/fuzz/{name}"
        );
    }
}

/// Tokens that mean something to YAML, Markdown, callouts or lore.
const TOKENS: &[&str] = &[
    "---\n",
    "\n",
    ": ",
    "- ",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "#",
    "> [!TIP]",
    "```",
    "~~~",
    "`",
    "*",
    "_",
    "|",
    "<",
    ">",
    "&a ",
    "*a",
    "\0",
    "title: x\n",
    "start: ",
    "end: ",
    "2027-03-16T09:00:00+03:00",
    "tools:\n  - name: t\n    file: ",
    "../",
    "@/",
    ".md",
    "#x",
    "<script>",
    " onclick=",
    "\u{feff}",
    "\r\n",
    "é",
    "العربية",
    "aliases: [",
    "slug: ",
    "lang: fr\n",
    "type: event\n",
    "![",
    "[^1]",
    "\t",
    "    ",
    "{#id}",
    "!!binary ",
    "? ",
    "%YAML 1.2\n",
];

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(data.len() + 1);
        match rng.below(4) {
            0 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                data.splice(at..at, t.iter().copied());
            }
            1 if !data.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(data.len());
                data.drain(at.min(end)..end);
            }
            2 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] = rng.next() as u8;
            }
            _ => {
                let len = rng.below(64).min(data.len());
                let from = rng.below(data.len().saturating_sub(len) + 1);
                let chunk = data[from..from + len].to_vec();
                data.splice(at..at, chunk);
            }
        }
    }
    data
}

#[test]
fn survives_a_seeded_mutation_run_over_the_corpus() {
    let seeds: Vec<Vec<u8>> = corpus()
        .into_iter()
        .map(|(_, d)| d)
        .filter(|d| d.len() < 10_000)
        .collect();
    let mut rng = Rng(0x107e_2026);
    let deadline = Instant::now() + Duration::from_secs(20);
    for i in 0..600 {
        if Instant::now() > deadline {
            break;
        }
        let seed = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, seed);
        let ok = std::panic::catch_unwind(|| harness::run(&input));
        if ok.is_err() {
            let path = std::env::temp_dir().join(format!("lore-fuzz-crash-{i}.bin"));
            std::fs::write(&path, &input).ok();
            panic!("panic on mutation {i}; input kept in {}", path.display());
        }
    }
}

/// Runs the real binary, killing it (and failing) if it takes more than a minute.
fn run_bounded(root: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lore"))
        .args(args)
        .current_dir(root)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn lore");
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            child.kill().ok();
            panic!("lore {args:?} did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn diag_for<'a>(stderr: &'a str, path: &str) -> Vec<&'a str> {
    stderr
        .lines()
        .filter(|l| l.starts_with(&format!("{path}:")))
        .collect()
}

#[test]
fn hostile_files_get_clear_errors_and_the_run_goes_on() {
    let site = SiteTest::new();
    let bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
    site.file("content/_index.md", "---\ntitle: Home\n---\n")
        .file("content/empty.md", "")
        .file("content/list.md", "---\n- a\n- b\n---\n")
        .file("content/string.md", "---\njust a sentence\n---\n")
        .file("content/dupes.md", "---\ntitle: A\ntitle: B\n---\n")
        .file("content/bomb.md", &format!("---\ntitle: Bomb\n{bomb}---\n"))
        .file(
            "content/deep.md",
            &format!(
                "---\ntitle: Deep\n---\n{} quote\n\n{}\n\n{}x{}\n",
                ">".repeat(10_000),
                "[".repeat(10_000),
                "*".repeat(10_000),
                "*".repeat(10_000)
            ),
        )
        .file(
            "content/good.md",
            "---\ntitle: Good\n---\n[broken](#nowhere)\n",
        );
    let big = site.root.join("content/big.md");
    let mut text = String::from("---\ntitle: Big\n---\n");
    text.push_str(&"a line of text to make a large file\n".repeat(50 * 1024 * 1024 / 36));
    std::fs::write(&big, text).expect("write big file");
    std::os::unix::fs::symlink(site.root.join("content"), site.root.join("content/loop"))
        .expect("symlink loop");
    std::fs::create_dir_all(site.root.join("content/folder.md")).expect("folder named .md");
    let fifo = site.root.join("content/pipe.md");
    let made_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let locked = site.root.join("content/locked.md");
    std::fs::write(&locked, "---\ntitle: Locked\n---\n").expect("write");
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000))
        .expect("chmod");
    // Root reads any file whatever its mode (tests run as root in CI): skip that one assertion.
    let can_lock = std::fs::read(&locked).is_err();

    let out = run_bounded(&site.root, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let one = |path: &str, needle: &str| {
        let lines = diag_for(&stderr, path);
        assert!(
            lines.iter().any(|l| l.contains(needle)),
            "{path}: expected `{needle}` in:\n{stderr}"
        );
    };
    one("content/empty.md", "`title` is missing");
    one(
        "content/list.md",
        "front matter must be a list of `key: value` lines, found a list",
    );
    one("content/string.md", "found text");
    one(
        "content/dupes.md",
        "`title` is written twice (lines 2 and 3)",
    );
    one("content/bomb.md", "invalid YAML");
    one("content/big.md", "larger than the 8 MB lore reads");
    one("content/loop", "points to one of its own parent folders");
    one("content/good.md", "link to `#nowhere`");
    assert!(
        diag_for(&stderr, "content/deep.md")
            .iter()
            .all(|l| !l.contains(": error:")),
        "deep nesting is rendered: {stderr}"
    );
    if can_lock {
        one("content/locked.md", "cannot read");
    }
    if made_fifo {
        assert!(
            diag_for(&stderr, "content/pipe.md").is_empty(),
            "a FIFO is skipped, not read"
        );
    }
}

#[test]
fn a_site_yaml_bomb_or_garbage_is_an_error_not_a_crash() {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\n---\n");
    for yaml in [
        "title: T\nbase_url: https://x.org\nx: &a [a,a,a,a,a,a,a,a]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nz: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nw: &d [*c,*c,*c,*c,*c,*c,*c,*c]\nv: &e [*d,*d,*d,*d,*d,*d,*d,*d]\nu: &f [*e,*e,*e,*e,*e,*e,*e,*e]\nt: [*f,*f,*f,*f,*f,*f,*f,*f]\n",
        "- just\n- a list\n",
        "",
        "\u{0}\u{1}",
    ] {
        site.file("site.yaml", yaml);
        let out = run_bounded(&site.root, &["check"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{yaml:?}: {stderr}");
        assert!(stderr.contains("site.yaml"), "{yaml:?}: {stderr}");
    }
}

#[test]
fn aliases_with_dot_dot_or_absolute_paths_never_write_outside_the_output() {
    let site = SiteTest::new();
    site.file(
        "content/a.md",
        "---\ntitle: A\naliases: [\"/x/../../../escaped/\", \"..\\\\..\\\\escaped\", \"C:/escaped\", \"/ok/old/\"]\n---\n",
    );
    let errs = site.build_err();
    assert_eq!(
        errs.iter()
            .filter(|d| d.message.contains("is not a path inside the site"))
            .count(),
        3,
        "{errs:#?}"
    );
    let parent = site.root.parent().expect("parent");
    assert!(!parent.join("escaped").exists() && !site.root.join("escaped").exists());
}

#[test]
fn asset_urls_with_dot_dot_are_not_resolved_outside_the_assets() {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\n---\n").file(
        "layouts/page.html",
        "{% extends \"base.html\" %}{% block main %}[{{ asset_url(\"../../../etc/passwd\") }}]{% endblock %}",
    );
    let result = site.build();
    let parent = site.root.parent().expect("parent");
    assert!(!parent.join("etc").exists() && !site.root.join("etc").exists());
    if result.is_ok() {
        assert!(
            !site.read("a/index.html").contains("root:"),
            "no file outside is read"
        );
    }
}

#[test]
fn symlinks_in_assets_and_content_pointing_outside_the_site_are_not_published() {
    let outside = tempfile::tempdir().expect("tmp");
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "TOP SECRET").expect("write secret");
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\n---\n[notes](notes.txt)\n")
        .file("content/inside.txt", "shared inside the site")
        .file("assets/css/extra.css", "body{}");
    let link = |from: &Path, to: &Path| std::os::unix::fs::symlink(to, from).expect("symlink");
    link(&site.root.join("assets/secret.txt"), &secret);
    link(&site.root.join("assets/outside-dir"), outside.path());
    link(&site.root.join("content/notes.txt"), &secret);
    link(
        &site.root.join("content/inside-link.txt"),
        &site.root.join("content/inside.txt"),
    );
    // The link to the file that is not published is an error, as `check` says (issue 19); the
    // links that were not followed are warnings.
    let warnings = site.build_err();
    assert!(
        warnings.iter().any(|d| d.is_error()
            && d.path == Path::new("content/a.md")
            && d.message.contains("there is no file content/notes.txt")),
        "{warnings:#?}"
    );
    site.file(
        "content/a.md",
        "---\ntitle: A\n---\nNotes are kept elsewhere.\n",
    );
    site.build_ok();
    for path in [
        "assets/secret.txt",
        "assets/outside-dir",
        "content/notes.txt",
    ] {
        assert!(
            warnings
                .iter()
                .any(|d| d.path == Path::new(path) && d.message.contains("outside the site")),
            "{path}: {warnings:#?}"
        );
    }
    let public = site.root.join("public");
    for e in walkdir::WalkDir::new(&public)
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.file_type().is_file() {
            let bytes = std::fs::read(e.path()).expect("read");
            assert!(
                !String::from_utf8_lossy(&bytes).contains("TOP SECRET"),
                "{} holds the secret",
                e.path().display()
            );
        }
    }
    assert_eq!(
        std::fs::read_to_string(public.join("inside-link.txt"))
            .ok()
            .as_deref(),
        Some("shared inside the site"),
        "a link to a file inside the site is published"
    );
}

#[test]
fn out_may_not_be_the_site_or_a_link_to_it() {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\n---\n");
    let alias = site.root.parent().expect("parent").join("alias-of-site");
    std::os::unix::fs::symlink(&site.root, &alias).expect("symlink");
    let out = site.run(&["build", "--out", alias.to_str().expect("utf-8")]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        site.root.join("content/a.md").exists(),
        "the site is intact"
    );
}
