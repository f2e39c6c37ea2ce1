//! A killed build or server leaves nothing the next run does not clean (issue 19, point 6):
//! builds are SIGKILLed at random moments and the output stays one whole site, old or new;
//! the next build removes the staging folders they left. `lore serve` removes its folder on
//! Ctrl-C and SIGTERM, and the next `lore serve` removes those of servers killed outright.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{tree, Rng, SiteTest, NOW};

/// A site big enough that a build takes a while, with `version` in every page.
fn write_site(site: &SiteTest, version: &str) {
    for i in 0..40 {
        site.file(
            &format!("content/notes/n{i}.md"),
            &format!(
                "---\ntitle: Note {i} {version}\ndate: 2026-01-0{}\n---\n{}\n",
                1 + i % 9,
                "Some words. ".repeat(200)
            ),
        );
    }
}

/// The names beside the output that a build left (`.public.lore-…`).
fn leftovers(root: &Path) -> Vec<String> {
    std::fs::read_dir(root)
        .expect("read root")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public.lore-"))
        .collect()
}

fn lore(root: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lore"));
    cmd.args(args).current_dir(root).env("NO_COLOR", "1");
    cmd
}

#[test]
fn builds_killed_at_random_moments_leave_a_whole_site_and_nothing_the_next_build_keeps() {
    let site = SiteTest::new();
    write_site(&site, "old");
    site.build_ok();
    let old = tree(&site.root.join("public"));
    write_site(&site, "new");
    let new_out = site.root.parent().expect("parent").join("new-out");
    let start = Instant::now();
    let status = lore(&site.root, &["build", "--now", NOW, "--out"])
        .arg(&new_out)
        .stderr(Stdio::null())
        .status()
        .expect("build");
    assert!(status.success());
    let full = start.elapsed();
    let new = tree(&new_out);
    assert_ne!(old, new);

    let mut rng = Rng(0x5161_4b11);
    let mut left_some = false;
    for round in 0..8 {
        let mut child = lore(&site.root, &["build", "--now", NOW])
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let wait = full.mul_f64(rng.below(1000) as f64 / 1000.0);
        std::thread::sleep(wait);
        child.kill().ok();
        child.wait().ok();
        let now = tree(&site.root.join("public"));
        assert!(
            now == old || now == new,
            "round {round}, killed after {wait:?}: public/ is neither the old site nor the new one"
        );
        left_some |= !leftovers(&site.root).is_empty();
    }
    // A killed build's staging folder, as if it had been killed mid-render, in case no random
    // moment above fell there.
    let fake = site.root.join(".public.lore-tmp-4000000");
    std::fs::create_dir_all(fake.join("guides")).expect("mkdir");
    std::fs::write(site.root.join(".public.lore-tmp-4000000.lock"), "").expect("lock");
    std::fs::write(site.root.join(".public.lore-tmp-4000000.html"), "scratch").expect("scratch");
    let status = lore(&site.root, &["build", "--now", NOW])
        .stderr(Stdio::null())
        .status()
        .expect("build");
    assert!(status.success(), "the next build works");
    assert_eq!(
        tree(&site.root.join("public")),
        new,
        "and writes the new site"
    );
    assert_eq!(
        leftovers(&site.root),
        Vec::<String>::new(),
        "and removes what killed builds left (some did: {left_some})"
    );
}

/// A `lore serve` in `site` with its temporary folder in `tmp`, once it serves.
fn serve(site: &SiteTest, tmp: &Path) -> Child {
    let mut child = lore(&site.root, &["serve", "--port", "0"])
        .env("TMPDIR", tmp)
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn serve");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let line = lines.next().and_then(Result::ok).unwrap_or_default();
        if line.contains("serving the site at") {
            break;
        }
        assert!(Instant::now() < deadline, "serve did not start");
    }
    // Keep reading so the server never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    child
}

/// The server folders in `tmp` (locks left out).
fn serve_folders(tmp: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(tmp)
        .expect("read tmp")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| !p.to_string_lossy().ends_with(".lock"))
        .collect();
    out.sort();
    out
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
}

fn wait_for_exit(child: &mut Child) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        assert!(Instant::now() < deadline, "serve did not stop");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_removes_its_folder_when_stopped_with_ctrl_c_or_sigterm() {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\n---\n");
    let tmp = tempfile::tempdir().expect("tmp");
    for sig in ["INT", "TERM"] {
        let mut child = serve(&site, tmp.path());
        assert_eq!(
            serve_folders(tmp.path()).len(),
            1,
            "SIG{sig}: one folder while serving"
        );
        signal(&child, sig);
        let status = wait_for_exit(&mut child);
        assert_eq!(status.code(), Some(0), "SIG{sig}: a clean stop");
        assert_eq!(
            std::fs::read_dir(tmp.path()).expect("read").count(),
            0,
            "SIG{sig}: folder and lock removed"
        );
    }
}

#[test]
fn the_next_serve_removes_the_folder_of_a_killed_one_but_not_of_a_running_one() {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\n---\n");
    let tmp = tempfile::tempdir().expect("tmp");
    let mut killed = serve(&site, tmp.path());
    let killed_folder = serve_folders(tmp.path());
    killed.kill().expect("SIGKILL");
    killed.wait().ok();
    assert_eq!(serve_folders(tmp.path()), killed_folder, "left behind");
    let mut running = serve(&site, tmp.path());
    let running_folder = serve_folders(tmp.path());
    assert_eq!(running_folder.len(), 1);
    assert_ne!(
        running_folder, killed_folder,
        "the killed server's folder is gone"
    );
    let mut third = serve(&site, tmp.path());
    assert_eq!(
        serve_folders(tmp.path()).len(),
        2,
        "a running server's folder stays"
    );
    assert!(running_folder[0].join("site/a/index.html").is_file());
    for child in [&mut running, &mut third] {
        signal(child, "TERM");
        wait_for_exit(child);
    }
    assert_eq!(std::fs::read_dir(tmp.path()).expect("read").count(), 0);
}
