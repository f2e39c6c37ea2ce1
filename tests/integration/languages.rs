//! Every reader in their own language (issue 16): no address a page links to is missing, pages
//! and links in another language than the reader's say so, editors' mistakes with languages are
//! located errors.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::SiteTest;

/// The `href`, `src` and `srcset` values of a page, read as a browser would find them in its
/// tags (a crawler of its own, so that it does not share the build's code).
fn addresses(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        for attr in [" href=\"", " src=\"", " srcset=\"", "\nhref=\"", "\nsrc=\""] {
            for (at, _) in tag.match_indices(attr) {
                let rest = &tag[at + attr.len()..];
                let value = &rest[..rest.find('"').unwrap_or(rest.len())];
                if attr.contains("srcset") {
                    out.extend(
                        value
                            .split(',')
                            .filter_map(|c| c.split_whitespace().next())
                            .map(str::to_string),
                    );
                } else {
                    out.push(value.replace("&amp;", "&"));
                }
            }
        }
    }
    out
}

/// The file of the output that answers `href` on the page at `page` (a path in the output),
/// `None` for an address outside the site.
fn target(public: &Path, page: &str, href: &str, origin: &str) -> Option<std::path::PathBuf> {
    let href = href.split(['#', '?']).next().unwrap_or("");
    let href = href.strip_prefix(origin).unwrap_or(href);
    if href.is_empty() || href.starts_with("//") || href.contains(':') {
        return None;
    }
    let url = if href.starts_with('/') {
        href.to_string()
    } else {
        let dir = Path::new(page).parent().unwrap_or(Path::new(""));
        format!("/{}/{href}", dir.to_string_lossy())
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in url.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let path = public.join(parts.join("/"));
    Some(if url.ends_with('/') || path.is_dir() {
        path.join("index.html")
    } else {
        path
    })
}

#[test]
fn every_link_of_every_page_in_every_language_leads_to_a_built_file() {
    let t = SiteTest::example();
    t.build_ok();
    let public = t.root.join("public");
    let mut pages = 0;
    let mut links = 0;
    let mut dead = BTreeSet::new();
    let mut languages = BTreeSet::new();
    for e in walkdir::WalkDir::new(&public) {
        let e = e.expect("walk");
        if e.path().extension().and_then(|x| x.to_str()) != Some("html") {
            continue;
        }
        let rel = e
            .path()
            .strip_prefix(&public)
            .expect("inside")
            .to_string_lossy()
            .into_owned();
        let html = std::fs::read_to_string(e.path()).expect("read");
        if let Some(lang) = html
            .split("<html lang=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
        {
            languages.insert(lang.to_string());
        }
        pages += 1;
        for href in addresses(&html) {
            let Some(file) = target(&public, &rel, &href, "https://example.org") else {
                continue;
            };
            links += 1;
            if !file.is_file() {
                dead.insert(format!("{rel} -> {href}"));
            }
        }
    }
    assert!(
        dead.is_empty(),
        "{} dead links:\n{}",
        dead.len(),
        dead.into_iter().collect::<Vec<_>>().join("\n")
    );
    assert_eq!(
        languages,
        ["ar", "en", "es", "fr"].map(String::from).into(),
        "pages of every language were crawled"
    );
    assert!(pages > 100 && links > 5_000, "{pages} pages, {links} links");
}

#[test]
fn a_menu_entry_without_a_page_in_the_readers_language_leads_to_the_default_one_marked() {
    let t = SiteTest::new();
    t.file(
        "site.yaml",
        "title: T\nbase_url: https://t.org\nlanguages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\nmenus:\n  main:\n    - {name: Guides, url: /guides/, names: {fr: Guides}}\n",
    )
    .file("content/_index.md", "---\ntitle: Home\n---\n")
    .file("content/_index.fr.md", "---\ntitle: Accueil\n---\n")
    .file("content/guides/_index.md", "---\ntitle: Guides\n---\n")
    .file("content/guides/a.md", "---\ntitle: A\n---\nText.\n");
    t.build_ok();
    let fr = t.read("fr/index.html");
    assert!(
        fr.contains(r#"<a href="/guides/#not-in-fr" hreflang="en">Guides <span class="in-language" lang="fr">(en anglais)</span></a>"#),
        "{fr}"
    );
    let en = t.read("index.html");
    assert!(en.contains(r#"<a href="/guides/">Guides</a>"#), "{en}");
}

#[test]
fn build_and_check_name_the_layout_whose_link_leads_nowhere() {
    let t = SiteTest::new();
    t.file("content/_index.md", "---\ntitle: Home\n---\n").file(
        "layouts/home.html",
        "{% extends \"base.html\" %}{% block main %}<a href=\"/nowhere/\">x</a>{% endblock %}",
    );
    let errors = t.build_err();
    let d = errors
        .iter()
        .find(|d| d.message.contains("/nowhere/"))
        .unwrap_or_else(|| panic!("{errors:?}"));
    assert_eq!(d.path, Path::new("layouts/home.html"), "{d}");
    assert!(d.is_error());
    let check = t.run(&["check", "--format", "json"]);
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(
        out.lines()
            .any(|l| l.contains("layouts/home.html") && l.contains("/nowhere/")),
        "{out}"
    );
    assert!(!check.status.success());
}

#[test]
fn a_menu_entry_to_no_page_in_any_language_is_an_error_on_site_yaml() {
    let t = SiteTest::new();
    t.file(
        "site.yaml",
        "title: T\nbase_url: https://t.org\nmenus:\n  main:\n    - {name: Tools, url: /tools/}\n",
    )
    .file("content/_index.md", "---\ntitle: Home\n---\n");
    let errors = t.build_err();
    assert!(
        errors.iter().any(|d| d.path == Path::new("site.yaml")
            && d.message
                .contains("menu `main` entry `Tools` links to /tools/")),
        "{errors:?}"
    );
}

#[test]
fn a_dead_address_in_a_pages_raw_html_is_an_error_at_its_line() {
    let t = SiteTest::new();
    t.file("content/_index.md", "---\ntitle: Home\n---\n").file(
        "content/a.md",
        "---\ntitle: A\n---\nText.\n\n<img src=\"missing.png\" alt=\"A chart\">\n",
    );
    let errors = t.build_err();
    let d = errors
        .iter()
        .find(|d| d.message.contains("/a/missing.png"))
        .unwrap_or_else(|| panic!("{errors:?}"));
    assert_eq!(d.path, Path::new("content/a.md"), "{d}");
    // `check` keeps the pages' text, so it names the line too.
    let check = t.run(&["check", "--format", "json"]);
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(
        out.lines().any(
            |l| l.contains(r#""path":"content/a.md","line":6"#) && l.contains("/a/missing.png")
        ),
        "{out}"
    );
}

#[test]
fn a_language_list_shows_its_own_pages_then_the_untranslated_ones_marked_with_a_notice() {
    let t = SiteTest::example();
    t.build_ok();
    let list = t.main_of("ar/techniques/index.html");
    let own = list
        .find(r#"href="/ar/techniques/problem-tree/""#)
        .expect("the Arabic card");
    let english = list
        .find(r#"href="/techniques/world-cafe/#not-in-ar" hreflang="en" lang="en""#)
        .unwrap_or_else(|| panic!("an English card, marked: {list}"));
    assert!(own < english, "own pages first");
    assert!(list.contains("<span class=\"in-language\">(بالإنجليزية)</span>"));
    assert!(
        !list.contains("/techniques/problem-tree/#not-in-ar"),
        "a translated page is listed once, in Arabic"
    );
    let page = t.read("techniques/world-cafe/index.html");
    assert!(
        page.contains(r#"<p class="lang-notice" id="not-in-ar" lang="ar" dir="rtl">هذه الصفحة غير متاحة بالعربية بعد."#),
        "{page}"
    );
    let translated = t.read("techniques/problem-tree/index.html");
    assert!(!translated.contains("id=\"not-in-ar\""));
}

#[test]
fn check_names_each_interface_string_a_site_language_lacks() {
    let t = SiteTest::new();
    t.file(
        "site.yaml",
        "title: T\nbase_url: https://t.org\nlanguages:\n  - {code: en, name: English}\n  - {code: sw, name: Kiswahili}\nstrings:\n  sw: {search: Tafuta}\n",
    )
    .file("content/_index.md", "---\ntitle: Home\n---\n");
    let check = t.run(&["check", "--format", "json"]);
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(
        out.contains("interface string `menu` has no Kiswahili (sw) text"),
        "{out}"
    );
    assert!(!out.contains("interface string `search` has no"), "{out}");
    let example = SiteTest::example().run(&["check", "--format", "json"]);
    let out = String::from_utf8_lossy(&example.stdout);
    assert!(!out.contains("interface string"), "{out}");
}

#[test]
fn a_language_suffix_that_is_no_site_language_is_a_located_error() {
    let t = SiteTest::new();
    t.file("content/_index.md", "---\ntitle: Home\n---\n")
        .file("content/guides/a.fr.md", "---\ntitle: A\n---\nTexte.\n");
    let errors = t.build_err();
    let d = crate::support::only_for(&errors, "content/guides/a.fr.md");
    assert!(
        d.message
            .contains("ends in `.fr`, but `fr` is not one of the site's languages (en)"),
        "{d}"
    );
    assert_eq!(d.line, 1);
}

#[test]
fn two_pages_of_one_language_with_one_translation_key_are_a_located_error() {
    let t = SiteTest::new();
    t.file("content/_index.md", "---\ntitle: Home\n---\n")
        .file(
            "content/a.md",
            "---\ntitle: A\ntranslation_key: intro\n---\n",
        )
        .file(
            "content/b.md",
            "---\ntitle: B\ndraft: false\ntranslation_key: intro\n---\n",
        );
    let errors = t.build_err();
    let d = crate::support::only_for(&errors, "content/b.md");
    assert!(
        d.message
            .contains("this page and content/a.md are both the en translation of `intro`"),
        "{d}"
    );
    assert_eq!((d.line, d.col), (4, 18), "{d}");
}

/// A two-language site: a page translated before its source changed, one translated after, one
/// not translated.
#[test]
fn a_language_with_an_events_list_and_no_event_of_its_own_offers_the_default_languages_calendar() {
    let t = SiteTest::new();
    t.file(
        "site.yaml",
        "title: T\nbase_url: https://t.org\nlanguages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n  - {code: es, name: Español}\n",
    )
    .file("content/events/_index.md", "---\ntitle: Events\n---\n")
    .file("content/events/_index.fr.md", "---\ntitle: Événements\n---\n")
    .file(
        "content/events/fair.md",
        "---\ntitle: Fair\ntype: event\nstart: 2030-05-04T09:00:00+03:00\nend: 2030-05-04T17:00:00+03:00\n---\nA fair.\n",
    );
    t.build_ok();
    // French has a list but no event: its list offers the English calendar, which exists.
    let fr = t.main_of("fr/events/index.html");
    assert!(fr.contains(r#"href="/events.ics""#), "{fr}");
    assert!(!t.out("fr/events.ics").exists());
    assert!(t.read("events.ics").contains("SUMMARY:Fair"));
    assert!(t
        .main_of("events/index.html")
        .contains(r#"href="/events.ics""#));
}

fn site_with_translations() -> SiteTest {
    let t = SiteTest::new();
    t.file(
        "site.yaml",
        "title: T\nbase_url: https://t.org\nlanguages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n",
    )
    .file("content/_index.md", "---\ntitle: Home\n---\n[A](a.md) [B](b.md) [C](c.md)\n")
    .file("content/_index.fr.md", "---\ntitle: Accueil\n---\n")
    .file(
        "content/a.md",
        "---\ntitle: A\ndate: 2025-01-10\nupdated: 2025-06-01\n---\nNew text.\n",
    )
    .file(
        "content/a.fr.md",
        "---\ntitle: A\ndate: 2025-01-10\nupdated: 2025-03-01\n---\nAncien texte.\n",
    )
    .file("content/b.md", "---\ntitle: B\ndate: 2025-01-10\n---\nText.\n")
    .file(
        "content/b.fr.md",
        "---\ntitle: B\ndate: 2025-01-10\n---\nTexte.\n",
    )
    .file("content/c.md", "---\ntitle: C\n---\nText.\n");
    t
}

#[test]
fn the_translation_status_lists_per_language_the_missing_and_the_outdated_pages_as_json() {
    let t = site_with_translations();
    let run = t.run(&["check", "--translations", "--format", "json"]);
    assert!(run.status.success(), "{run:?}");
    let status: serde_json::Value =
        serde_json::from_slice(&run.stdout).unwrap_or_else(|e| panic!("{e}: {run:?}"));
    assert_eq!(status["source_language"], "en");
    assert_eq!(status["source_pages"], 4);
    let languages = status["languages"].as_array().expect("languages");
    assert_eq!(languages.len(), 1, "{status}");
    let fr = &languages[0];
    assert_eq!(fr["code"], "fr");
    assert_eq!(fr["translated"], 3);
    let missing: Vec<&str> = fr["missing"]
        .as_array()
        .expect("missing")
        .iter()
        .map(|m| m["source"].as_str().expect("source"))
        .collect();
    assert_eq!(missing, ["content/c.md"]);
    assert_eq!(
        fr["outdated"],
        serde_json::json!([{
            "translation": "content/a.fr.md",
            "source": "content/a.md",
            "url": "/fr/a/",
            "source_changed": "2025-06-01",
            "translation_changed": "2025-03-01",
        }])
    );
    // For people: the same, as a table; `--strict` fails on an outdated translation.
    let human = t.run(&["check", "--translations"]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("Français (fr): 3 of 4 pages translated, 1 missing, 1 outdated"),
        "{text}"
    );
    assert!(text.contains("missing   content/c.md"), "{text}");
    assert!(
        text.contains(
            "outdated  content/a.fr.md (2025-03-01; source content/a.md changed 2025-06-01)"
        ),
        "{text}"
    );
    assert!(!t
        .run(&["check", "--translations", "--strict"])
        .status
        .success());
}

#[test]
fn check_warns_on_a_translation_older_than_its_source_at_its_updated_line() {
    let t = site_with_translations();
    let check = t.run(&["check", "--format", "json"]);
    let out = String::from_utf8_lossy(&check.stdout);
    let line = out
        .lines()
        .find(|l| l.contains("outdated Français translation"))
        .unwrap_or_else(|| panic!("{out}"));
    let d: serde_json::Value = serde_json::from_str(line).expect("json line");
    assert_eq!(d["path"], "content/a.fr.md", "{d}");
    assert_eq!(d["line"], 4, "{d}");
    assert!(
        d["message"].as_str().is_some_and(|m| m.contains(
            "its source content/a.md changed on 2025-06-01, after this translation (2025-03-01)"
        )),
        "{d}"
    );
    assert_eq!(out.matches("outdated").count(), 1, "{out}");
}

/// Issue 16 point 7: in French, Spanish and Arabic the example site has its home, every section
/// page, a whole multi-chapter guide, the toolkit, three technique cards and two events, none
/// older than its English source.
#[test]
fn the_example_site_is_translated_into_each_language_and_nothing_is_outdated() {
    let t = SiteTest::example();
    let run = t.run(&["check", "--translations", "--format", "json"]);
    assert!(run.status.success(), "{run:?}");
    let status: serde_json::Value = serde_json::from_slice(&run.stdout).expect("json");
    let languages = status["languages"].as_array().expect("languages");
    let codes: Vec<&str> = languages
        .iter()
        .filter_map(|l| l["code"].as_str())
        .collect();
    assert_eq!(codes, ["fr", "es", "ar"]);
    let sections = [
        "",
        "guides/",
        "toolkits/",
        "techniques/",
        "events/",
        "stories/",
    ]
    .map(|s| format!("content/{s}_index.md"));
    let guide = ["_index.md", "launching.md", "sustaining.md"]
        .map(|p| format!("content/guides/communities-of-practice/{p}"));
    for lang in languages {
        let code = lang["code"].as_str().expect("code");
        assert_eq!(lang["outdated"], serde_json::json!([]), "{code}");
        let missing: Vec<&str> = lang["missing"]
            .as_array()
            .expect("missing")
            .iter()
            .filter_map(|m| m["source"].as_str())
            .collect();
        for page in sections.iter().chain(&guide) {
            assert!(!missing.contains(&page.as_str()), "{code} lacks {page}");
        }
        assert!(
            !missing.contains(&"content/toolkits/facilitation-starter-kit.md"),
            "{code}"
        );
        let translated_in = |folder: &str| {
            std::fs::read_dir(t.root.join("content").join(folder))
                .expect("folder")
                .filter_map(|e| e.ok())
                .filter(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.ends_with(&format!(".{code}.md")) && !name.starts_with("_index")
                })
                .count()
        };
        assert!(translated_in("techniques") >= 3, "{code}: technique cards");
        assert!(translated_in("events") >= 2, "{code}: events");
    }
    t.build_ok();
    for (code, dir) in [("fr", "ltr"), ("es", "ltr"), ("ar", "rtl")] {
        let chapter = t.read(&format!(
            "{code}/guides/communities-of-practice/launching/index.html"
        ));
        assert!(
            chapter.contains(&format!("<html lang=\"{code}\" dir=\"{dir}\"")),
            "{code}"
        );
    }
}
