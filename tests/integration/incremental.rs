//! Incremental rebuilds (what `lore serve` runs on every change): after any sequence of edits
//! the served folder holds exactly the bytes a clean `lore build` of the same files writes.
//!
//! The random-edit test copies the example site, applies seeded random edits (bodies, titles,
//! dates, tags, pages added, deleted and renamed, links added and removed, a layout, a
//! stylesheet, an error made and then fixed) and, after each one, compares every file of the
//! incrementally rebuilt folder with a clean build of the same files into another folder, with
//! the same base URL and the same "now". Each rebuild is told which files changed, as the
//! watcher of `lore serve` tells it, so edits of page bodies take the fast path (the last site
//! patched in place) and the others the full one.

use std::path::{Path, PathBuf};

use lore::diagnostics::Diagnostic;
use lore::incremental::{Declined, IncrementalBuild, RebuildReport};
use lore::BuildOptions;

use crate::support::{repo, tree, Rng, SiteTest};

const BASE_URL: &str = "http://127.0.0.1:4321";

/// The example site with an incremental build of it and a folder for clean builds.
struct Session {
    site: SiteTest,
    build: IncrementalBuild,
    clean_out: PathBuf,
    /// Why the last rebuild compared did not take the fast path, when it said.
    declined: Option<Declined>,
    _outs: tempfile::TempDir,
}

impl Session {
    fn new() -> Self {
        let site = SiteTest::example();
        let outs = tempfile::tempdir().expect("temp dir");
        let build = IncrementalBuild::new(options(&site.root, &outs.path().join("served")));
        Self {
            clean_out: outs.path().join("clean"),
            site,
            build,
            declined: None,
            _outs: outs,
        }
    }

    /// Rebuilds incrementally (search included, as serve does once edits pause), told which
    /// files changed when `changed` is given.
    fn rebuild(&mut self, changed: Option<&[PathBuf]>) -> Result<RebuildReport, Vec<Diagnostic>> {
        let report = match changed {
            Some(paths) => self.build.rebuild_changed(paths)?,
            None => self.build.rebuild()?,
        };
        self.build.update_search()?;
        Ok(report)
    }

    /// Rebuilds incrementally and cleanly, and checks both agree, byte for byte; returns
    /// whether the incremental rebuild took the fast path.
    fn rebuild_and_compare(&mut self, step: &str) -> bool {
        self.compare_after(step, None)
    }

    /// [`Session::rebuild_and_compare`], telling the rebuild which files changed.
    fn compare_after(&mut self, step: &str, changed: Option<&[PathBuf]>) -> bool {
        let before = tree(self.build.out());
        let incremental = self.rebuild(changed);
        let clean = lore::build(&options(&self.site.root, &self.clean_out), &|_| {});
        match (incremental, clean) {
            (Ok(i), Ok(c)) => {
                assert_eq!(i.warnings, c.warnings, "{step}: warnings differ");
                assert_same_files(&tree(self.build.out()), &tree(&self.clean_out), step);
                self.declined = i.declined;
                i.patched
            }
            (Err(i), Err(c)) => {
                assert_eq!(i, c, "{step}: errors differ");
                self.declined = None;
                assert!(
                    tree(self.build.out()) == before,
                    "{step}: a failed rebuild changed the served folder"
                );
                false
            }
            (Ok(_), Err(c)) => panic!("{step}: only the clean build failed: {c:#?}"),
            (Err(i), Ok(_)) => panic!("{step}: only the incremental rebuild failed: {i:#?}"),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.site.root.join(rel)
    }

    /// Content pages (`content/...md`), sorted.
    fn pages(&self) -> Vec<String> {
        let mut out: Vec<String> = walkdir::WalkDir::new(self.path("content"))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
            .map(|e| {
                e.path()
                    .strip_prefix(&self.site.root)
                    .expect("prefix")
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        out.sort();
        out
    }

    /// A file of the served folder.
    fn read_out(&self, rel: &str) -> String {
        std::fs::read_to_string(self.build.out().join(rel)).expect("read served file")
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).expect("read")
    }

    fn write(&self, rel: &str, text: &str) {
        self.site.file(rel, text);
    }
}

fn options(root: &Path, out: &Path) -> BuildOptions {
    let mut o = BuildOptions::new(root);
    o.out = out.to_path_buf();
    o.base_url = Some(BASE_URL.into());
    o.now = Some(crate::support::NOW.parse().expect("now"));
    // As `lore serve` builds: no service worker in a preview.
    o.offline = false;
    o
}

fn assert_same_files(served: &[(String, Vec<u8>)], clean: &[(String, Vec<u8>)], step: &str) {
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    let (a, b) = (names(served), names(clean));
    let only_served: Vec<&String> = a.iter().filter(|n| !b.contains(n)).collect();
    let only_clean: Vec<&String> = b.iter().filter(|n| !a.contains(n)).collect();
    assert!(
        only_served.is_empty() && only_clean.is_empty(),
        "{step}: files only served: {only_served:?}; only in the clean build: {only_clean:?}"
    );
    for ((name, x), (_, y)) in served.iter().zip(clean) {
        if x != y {
            let (x, y) = (String::from_utf8_lossy(x), String::from_utf8_lossy(y));
            let at = x
                .chars()
                .zip(y.chars())
                .position(|(a, b)| a != b)
                .unwrap_or(x.len().min(y.len()));
            let around = |s: &str| {
                s.chars()
                    .skip(at.saturating_sub(80))
                    .take(200)
                    .collect::<String>()
            };
            panic!(
                "{step}: {name} differs at char {at}\n served: …{}…\n  clean: …{}…",
                around(&x),
                around(&y)
            );
        }
    }
}

/// Splits a page into its front-matter lines and its body.
fn split(text: &str) -> (Vec<String>, String) {
    let rest = text.strip_prefix("---\n").unwrap_or(text);
    match rest.split_once("\n---\n") {
        Some((fm, body)) => (fm.lines().map(str::to_string).collect(), body.to_string()),
        None => (Vec::new(), text.to_string()),
    }
}

fn join(fm: &[String], body: &str) -> String {
    format!("---\n{}\n---\n{body}", fm.join("\n"))
}

/// Replaces the front-matter line of `key` (inserted after the first line when absent), unless
/// the key holds a multi-line value.
fn set_field(fm: &mut Vec<String>, key: &str, value: &str) -> bool {
    let prefix = format!("{key}:");
    match fm.iter().position(|l| l.starts_with(&prefix)) {
        Some(i) if fm.get(i + 1).is_some_and(|n| n.starts_with(' ')) => false,
        Some(i) => {
            fm[i] = format!("{key}: {value}");
            true
        }
        None => {
            fm.insert(1.min(fm.len()), format!("{key}: {value}"));
            true
        }
    }
}

/// One random edit; returns what it did, for failure messages, and the files it changed
/// (relative to the site folder), as a watcher reports them.
fn random_edit(s: &Session, rng: &mut Rng, n: usize) -> (String, Vec<PathBuf>) {
    let pages = s.pages();
    let chapters: Vec<&String> = pages.iter().filter(|p| !p.ends_with("_index.md")).collect();
    let page = rng.pick(&pages).clone();
    let (mut fm, mut body) = split(&s.read(&page));
    let changed = vec![PathBuf::from(&page)];
    let what = match rng.below(15) {
        0 | 1 => {
            body.push_str(&format!(
                "\nAn added paragraph, number {n}, about learning.\n"
            ));
            s.write(&page, &join(&fm, &body));
            format!("body of {page}")
        }
        11 => {
            body.push_str(&format!(
                "\n> [!TIP] Tip {n}\n> Keep it short.\n\n## Heading {n}\n\n```python\nprint({n})\n```\n"
            ));
            s.write(&page, &join(&fm, &body));
            format!("callout, heading and code in {page}")
        }
        12 => {
            if let Some(i) = body.find("\n\n") {
                body.truncate(i + 1);
            }
            s.write(&page, &join(&fm, &body));
            format!("body of {page} cut to its first paragraph")
        }
        13 => {
            body.push_str(&format!(
                "\nA leftover {{{{ site.title }}}} tag, edit {n}.\n"
            ));
            s.write(&page, &join(&fm, &body));
            format!("template tag added to {page}")
        }
        14 => {
            // Two bodies at once, and an editor's temporary file that came and went.
            let other = rng.pick(&chapters).as_str();
            let (ofm, mut obody) = split(&s.read(other));
            obody.push_str(&format!("\nAnother paragraph, edit {n}.\n"));
            s.write(other, &join(&ofm, &obody));
            body.push_str(&format!("\nOne more paragraph, edit {n}.\n"));
            s.write(&page, &join(&fm, &body));
            return (
                format!("bodies of {page} and {other}"),
                vec![
                    PathBuf::from(&page),
                    PathBuf::from(other),
                    PathBuf::from("content/4913"),
                    PathBuf::from(format!("{page}.tmp")),
                ],
            );
        }
        2 => {
            set_field(&mut fm, "title", &format!("\"Retitled page {n}\""));
            s.write(&page, &join(&fm, &body));
            format!("title of {page}")
        }
        3 => {
            let date = format!(
                "20{:02}-0{}-1{}",
                20 + rng.below(8),
                1 + rng.below(9),
                rng.below(9)
            );
            set_field(&mut fm, "date", &date);
            s.write(&page, &join(&fm, &body));
            format!("date of {page}: {date}")
        }
        4 => {
            let tags = ["facilitation", "peer-learning", "problem-tree", "new-tag"];
            let value = format!("[{}, {}]", rng.pick(&tags), rng.pick(&tags));
            let done = set_field(&mut fm, "tags", &value);
            s.write(&page, &join(&fm, &body));
            format!("tags of {page}: {value} ({done})")
        }
        5 => {
            let dir = Path::new(rng.pick(&chapters).as_str())
                .parent()
                .expect("parent")
                .to_string_lossy()
                .into_owned();
            let target = rng
                .pick(&chapters)
                .trim_start_matches("content/")
                .to_string();
            let rel = format!("{dir}/added-{n}.md");
            s.write(
                &rel,
                &format!("---\ntitle: Added page {n}\ndate: 2026-05-0{}\ntags: [facilitation, added]\n---\nA new page linking to [another](@/{target}).\n", 1 + rng.below(9)),
            );
            return (format!("added {rel}"), vec![PathBuf::from(rel)]);
        }
        6 => {
            let gone = rng.pick(&chapters).as_str();
            std::fs::remove_file(s.path(gone)).expect("delete");
            return (format!("deleted {gone}"), vec![PathBuf::from(gone)]);
        }
        7 => {
            let from = rng.pick(&chapters).as_str();
            let to = from.replace(".md", &format!("-moved{n}.md"));
            std::fs::rename(s.path(from), s.path(&to)).expect("rename");
            return (
                format!("renamed {from} to {to}"),
                vec![PathBuf::from(from), PathBuf::from(to)],
            );
        }
        8 => {
            let target = rng
                .pick(&chapters)
                .trim_start_matches("content/")
                .to_string();
            let link = format!("\nSee also [a related page](@/{target}).\n");
            if let Some(i) = body.find("\nSee also [a related page]") {
                let end = body[i + 1..].find('\n').map_or(body.len(), |e| i + 2 + e);
                body.replace_range(i..end, "");
                s.write(&page, &join(&fm, &body));
                format!("removed a link from {page}")
            } else {
                body.push_str(&link);
                s.write(&page, &join(&fm, &body));
                format!("linked {page} to {target}")
            }
        }
        9 => {
            let builtin =
                std::fs::read_to_string(repo().join("layouts/page.html")).expect("layout");
            let marked = builtin.replacen("{% block", &format!("<!-- edit {n} -->\n{{% block"), 1);
            s.write("layouts/page.html", &marked);
            return (
                format!("layout page.html, edit {n}"),
                vec![PathBuf::from("layouts/page.html")],
            );
        }
        _ => {
            let css = std::fs::read_to_string(repo().join("assets/css/site.css")).expect("css");
            s.write("assets/css/site.css", &format!("{css}\n/* edit {n} */\n"));
            return (
                format!("stylesheet, edit {n}"),
                vec![PathBuf::from("assets/css/site.css")],
            );
        }
    };
    (what, changed)
}

#[test]
fn random_edit_sequences_end_byte_identical_to_a_clean_build() {
    let mut patched = 0;
    for seed in [0x9e37_79b9_7f4a_7c15_u64, 42, 2026] {
        let mut s = Session::new();
        if seed == 42 {
            // Layout and stylesheet edits then swap the served folder instead of moving files.
            s.build.swap_when_changed(8);
        }
        let mut rng = Rng(seed);
        s.rebuild_and_compare(&format!("seed {seed}: first build"));
        for n in 0..12 {
            let (what, changed) = random_edit(&s, &mut rng, n);
            if s.compare_after(&format!("seed {seed}, step {n}: {what}"), Some(&changed)) {
                patched += 1;
            }
        }
    }
    assert!(
        patched >= 6,
        "only {patched} of 36 random edits took the fast path: it is not being tested"
    );
}

#[test]
fn body_edits_take_the_fast_path_and_end_byte_identical_to_a_clean_build() {
    let mut s = Session::new();
    s.rebuild_and_compare("first build");
    // Whether the fast path was taken, and why not when the rebuild succeeded (a failed one
    // has no report).
    let edit = |s: &mut Session, rel: &str, f: &dyn Fn(&str) -> String, step: &str| {
        let text = f(&s.read(rel));
        s.write(rel, &text);
        let fast = s.compare_after(step, Some(&[PathBuf::from(rel)]));
        (fast, s.declined)
    };
    let chapter = "content/guides/communities-of-practice/launching.md";
    let card = "content/techniques/spider-diagram.md";
    type Edit<'a> = &'a dyn Fn(&str) -> String;
    // Whether the fast path is taken, and why not.
    type Outcome = (bool, Option<Declined>);
    let steps: [(&str, Edit, &str, Outcome); 10] = [
        (
            chapter,
            &|t| format!("{t}\nOne more sentence.\n"),
            "a guide chapter's body (the guide shows its reading time)",
            (true, None),
        ),
        (
            chapter,
            &|t| format!("{t}\n> [!CHECKLIST] Ready\n> - [ ] done\n"),
            "a callout in a chapter (the guide's front page collects it)",
            (true, None),
        ),
        (
            card,
            &|t| format!("{t}\nSee [launching](@/guides/communities-of-practice/launching.md).\n"),
            "a link added (a backlink appears)",
            (true, None),
        ),
        (
            card,
            &|t| {
                t.replace(
                    "\nSee [launching](@/guides/communities-of-practice/launching.md).\n",
                    "",
                )
            },
            "the link removed (the backlink goes)",
            (true, None),
        ),
        (
            card,
            &|t| format!("{t}\n```rust\nfn main() {{}}\n```\n"),
            "a code block (the page now links the syntax stylesheet)",
            (true, None),
        ),
        (
            card,
            &|t| format!("{t}\nA {{{{ page.title }}}} left from another generator.\n"),
            "a template tag (a warning)",
            (true, None),
        ),
        (
            card,
            &|t| format!("{t}\nA [broken link](missing.md).\n"),
            "a broken link (an error: the full path reports it)",
            (false, None),
        ),
        (
            card,
            &|t| t.replace("\nA [broken link](missing.md).\n", ""),
            "the broken link fixed (the last rebuild failed: nothing to patch)",
            (false, Some(Declined::NoGoodBuild)),
        ),
        (card, &|t| t.to_string(), "saved unchanged", (true, None)),
        (
            card,
            &|t| t.replacen("title: ", "title: Renamed ", 1),
            "a title (lists show it: the full path)",
            (false, Some(Declined::SummaryChanged)),
        ),
    ];
    for (rel, f, step, expected) in steps {
        assert_eq!(
            edit(&mut s, rel, f, step),
            expected,
            "{step}: fast path taken, or why not"
        );
    }
}

#[test]
fn an_error_replaces_nothing_and_its_fix_rebuilds_what_changed_meanwhile() {
    let mut s = Session::new();
    s.rebuild_and_compare("first build");
    let page = "content/techniques/problem-tree.md";
    let good = s.read(page);
    s.write(page, &good.replacen("date: 2025-02-18", "date: someday", 1));
    s.rebuild_and_compare("a bad date");
    s.write(
        "content/techniques/timeline.md",
        &s.read("content/techniques/timeline.md")
            .replacen("title: ", "title: Edited ", 1),
    );
    s.rebuild_and_compare("another edit while the error stands");
    s.write(page, &good);
    s.rebuild_and_compare("the error fixed");
    s.write(
        "layouts/page.html",
        "{% extends \"base.html\" %}{% block main %}{{ page.missing() }}{% endblock %}",
    );
    s.rebuild_and_compare("a broken layout");
    std::fs::remove_file(s.path("layouts/page.html")).expect("remove layout");
    s.rebuild_and_compare("the layout removed");
}

#[test]
fn a_body_edit_renders_only_the_page_and_the_pages_that_show_it() {
    let mut s = Session::new();
    let first = s.rebuild(None).expect("first build");
    assert_eq!(
        first.rendered, first.jobs,
        "a first build renders everything"
    );
    let page = "content/techniques/spider-diagram.md";
    s.write(page, &format!("{}\nOne more sentence.\n", s.read(page)));
    let report = s.rebuild(None).expect("rebuild");
    assert_eq!(report.parsed, 1, "only the edited file is parsed again");
    assert_eq!(report.markdown_rendered, 1);
    assert!(
        (1..=3).contains(&report.rendered),
        "{} of {} outputs rendered again for a body edit",
        report.rendered,
        report.jobs
    );
    let again = s.rebuild(None).expect("nothing changed");
    assert_eq!((again.rendered, again.written, again.removed), (0, 0, 0));
}

/// Issue 22: `serve` builds the search index apart from the rebuilds. An index given up leaves
/// the served folder as it was; one built for an older edit is installed and still pending;
/// either way the next index brings the folder to a clean build's bytes.
#[test]
fn a_search_index_given_up_or_outdated_leaves_the_served_folder_to_catch_up() {
    use std::sync::atomic::AtomicBool;
    let mut s = Session::new();
    s.rebuild_and_compare("first build");
    let card = "content/techniques/spider-diagram.md";
    let edit = |s: &mut Session, word: &str| {
        let text = format!("{}\nOne more word: {word}.\n", s.read(card));
        s.write(card, &text);
        let report = s.build.rebuild_changed(&[PathBuf::from(card)]);
        let report = report.expect("rebuilt");
        assert!(report.search_pending);
        report.patched
    };

    edit(&mut s, "abandoned");
    let before = tree(s.build.out());
    let job = s.build.search_job().expect("the index is out of date");
    assert!(job.run(&AtomicBool::new(true)).is_none(), "given up");
    assert!(
        tree(s.build.out()) == before,
        "a given-up index wrote nothing"
    );

    let job = s.build.search_job().expect("still out of date");
    let staged = job
        .run(&AtomicBool::new(false))
        .expect("not stopped")
        .expect("built");
    assert!(
        edit(&mut s, "newer"),
        "the job's snapshot was released: fast path"
    );
    s.build.install_search(staged).expect("installed");
    assert!(s.build.search_pending(), "the index installed is older");
    s.compare_after("after an outdated index", Some(&[]));
}

/// Issue 22: a title change takes the full path, but renders again only the outputs that show
/// the title: the page, the one page of its section's list that lists it (and the first, which
/// heads the list with its upcoming events), its terms, the pages that link to it or name it
/// as related, the feeds that list it. The other pages of a long list keep their files, and so
/// do the feeds that do not list it and the sitemap.
#[test]
fn a_title_change_renders_only_the_outputs_that_show_it() {
    let mut s = Session::new();
    // Two entries per list page: the techniques list runs to a dozen pages and more.
    let config = s.read("site.yaml").replace("per_page: 10", "per_page: 2");
    assert_ne!(
        config,
        s.read("site.yaml"),
        "the example site sets per_page"
    );
    s.write("site.yaml", &config);
    s.rebuild(None).expect("first build");
    let page = "content/techniques/spider-diagram.md";
    let text = s.read(page);
    let retitled = text.replacen("title: Spider Diagram", "title: Spider Diagrams", 1);
    assert_ne!(
        retitled, text,
        "the page's title is where the test expects it"
    );
    s.write(page, &retitled);
    let report = s.rebuild(Some(&[PathBuf::from(page)])).expect("rebuild");
    let clean = lore::build(&options(&s.site.root, &s.clean_out), &|_| {});
    assert!(clean.is_ok(), "the clean build failed: {clean:?}");
    assert_same_files(&tree(s.build.out()), &tree(&s.clean_out), "a title change");
    assert!(report.written > 1, "the title shows on more than its page");
    // A feed shows its latest entries: the techniques feed lists the card (and shows the new
    // title), the site's English feed does not and keeps its file; the sitemap shows addresses
    // and dates, not titles.
    let rendered = |path: &str| report.rendered_files.iter().any(|f| f == path);
    assert!(
        s.read_out("techniques/atom.xml")
            .contains("Spider Diagrams"),
        "the techniques feed shows the card"
    );
    assert!(
        !s.read_out("atom.xml")
            .contains("/techniques/spider-diagram/"),
        "the site's feed does not show the card"
    );
    assert!(rendered("techniques/atom.xml"), "the feed showing the card");
    for kept in [
        "atom.xml",
        "es/techniques/atom.xml",
        "sitemap.xml",
        "robots.txt",
    ] {
        assert!(
            !rendered(kept),
            "{kept} rendered again for a title it does not show"
        );
    }
    // Rendered again but unchanged: the home pages (recent pages), the first list pages.
    // Every page of the four techniques lists, or every event's calendar, rendered again
    // would be over the bound.
    assert!(
        report.rendered <= report.written + 40,
        "{} outputs rendered again for a title change, of which only {} changed",
        report.rendered,
        report.written
    );
}

/// Rebuilds told that `changed` changed, checks the served folder against a clean build, byte
/// for byte, and returns the rebuild's report.
fn rebuild_as_clean(s: &mut Session, changed: &[&str], step: &str) -> RebuildReport {
    let changed: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
    let report = s.rebuild(Some(&changed)).expect(step);
    let clean = lore::build(&options(&s.site.root, &s.clean_out), &|_| {});
    assert!(clean.is_ok(), "{step}: the clean build failed: {clean:?}");
    assert_same_files(&tree(s.build.out()), &tree(&s.clean_out), step);
    report
}

/// Issue 22: the other full-path edits an editor makes (a tag added, a page created, that page
/// deleted) end byte-identical to a clean build and redo little: Markdown is rendered again only
/// for the files that changed (a new page changes the link index, but no other page's links
/// resolve differently), and few outputs are rendered again beyond those whose bytes changed.
#[test]
fn tag_changes_and_new_and_deleted_pages_render_only_what_they_change() {
    let mut s = Session::new();
    let first = s.rebuild(None).expect("first build");
    let page = "content/techniques/spider-diagram.md";
    let text = s.read(page);
    let bounded = |r: &RebuildReport, step: &str| {
        // Rendered again and the same: the feeds listing the page, the API (it shows every
        // page), home and first list pages. Every page rendered again would be hundreds over.
        assert!(
            r.rendered <= r.written + 64,
            "{step}: {} outputs rendered again, of which only {} changed ({} jobs)",
            r.rendered,
            r.written,
            r.jobs
        );
        assert!(!r.patched, "{step} takes the full path");
    };

    let tagged = text.replacen(
        "tags: [spider-diagram,",
        "tags: [spider-diagram, radar-chart,",
        1,
    );
    assert_ne!(
        tagged, text,
        "the page's tags are where the test expects them"
    );
    s.write(page, &tagged);
    let report = rebuild_as_clean(&mut s, &[page], "a tag added");
    assert_eq!(
        report.markdown_rendered, 1,
        "a tag added renders its page's Markdown"
    );
    assert!(report.written > 1, "the new tag has a term page");
    bounded(&report, "a tag added");

    let new = "content/techniques/spider-diagram-again.md";
    s.write(
        new,
        &text.replacen("title: Spider Diagram", "title: Spider Diagram Again", 1),
    );
    let report = rebuild_as_clean(&mut s, &[new], "a page created");
    assert_eq!(report.pages, first.pages + 1);
    assert_eq!(
        report.markdown_rendered, 1,
        "only the new page's Markdown is rendered, not every page's"
    );
    bounded(&report, "a page created");

    std::fs::remove_file(s.path(new)).expect("remove the page");
    let report = rebuild_as_clean(&mut s, &[new], "the page deleted");
    assert_eq!(report.pages, first.pages);
    assert_eq!(
        report.markdown_rendered, 0,
        "no page linked to the deleted one"
    );
    assert!(report.removed > 0, "the deleted page's files are removed");
    bounded(&report, "the page deleted");
}
