//! Reading offline (issue 18): the service worker `lore build` writes, what it is told to keep,
//! and `offline: false`. Its behaviour in a browser is tests/browser/offline.test.mjs.

use crate::support::SiteTest;

/// The `const LORE = {...}` the build wrote in front of the worker.
fn worker_config(t: &SiteTest) -> serde_json::Value {
    let sw = t.read("sw.js");
    let line = sw
        .lines()
        .find_map(|l| l.strip_prefix("const LORE = "))
        .expect("sw.js describes the build");
    serde_json::from_str(line.trim_end_matches(';')).expect("json")
}

#[test]
fn the_worker_keeps_the_shell_and_an_offline_page_per_language() {
    let t = SiteTest::example();
    t.build_ok();
    let config = worker_config(&t);
    let shell: Vec<&str> = config["shell"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for wanted in [
        "/css/site.",
        "/js/offline.",
        "/favicon.",
        "/search/search.js",
    ] {
        assert!(
            shell.iter().any(|s| s.starts_with(wanted)),
            "{wanted} in {shell:?}"
        );
    }
    for url in &shell {
        let rel = url.trim_start_matches('/');
        let file = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel.to_string()
        };
        assert!(
            t.out(&file).is_file(),
            "{url} is in the shell but not built"
        );
    }
    assert_eq!(config["offline"]["/fr"], "/fr/offline/");
    let ar = t.read("ar/offline/index.html");
    assert!(ar.contains(r#"lang="ar" dir="rtl""#));
    assert!(ar.contains("أنت غير متصل"));
    assert!(t
        .read("guides/joint-learning-events/index.html")
        .contains("data-base=\"/\""));
}

#[test]
fn page_hashes_name_each_page_by_the_sha256_of_its_html() {
    let t = SiteTest::example();
    t.build_ok();
    let config = worker_config(&t);
    let mut hashes = serde_json::Map::new();
    for f in config["pages"].as_array().unwrap() {
        let text = t.read(f.as_str().unwrap().trim_start_matches('/'));
        let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
        hashes.extend(map);
    }
    let html = std::fs::read(t.out("guides/joint-learning-events/index.html")).unwrap();
    use sha2::Digest;
    let digest: String = sha2::Sha256::digest(&html)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(hashes["/guides/joint-learning-events/"], digest.as_str());
}

#[test]
fn a_rebuild_with_one_changed_page_changes_only_that_page_hash() {
    let t = SiteTest::example();
    t.build_ok();
    let before = all_hashes(&t);
    let path = t.root.join("content/techniques/problem-tree.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!("{text}\nA closing sentence, added by a rebuild.\n"),
    )
    .unwrap();
    t.build_ok();
    let after = all_hashes(&t);
    let changed: Vec<&String> = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(v))
        .map(|(k, _)| k)
        .collect();
    assert_eq!(changed, ["/techniques/problem-tree/"]);
}

fn all_hashes(t: &SiteTest) -> std::collections::BTreeMap<String, String> {
    let config = worker_config(t);
    let mut out = std::collections::BTreeMap::new();
    for f in config["pages"].as_array().unwrap() {
        let text = t.read(f.as_str().unwrap().trim_start_matches('/'));
        let map: std::collections::BTreeMap<String, String> = serde_json::from_str(&text).unwrap();
        out.extend(map);
    }
    out
}

#[test]
fn a_guide_pack_lists_its_chapters_and_their_size() {
    let t = SiteTest::example();
    t.build_ok();
    let pack: serde_json::Value =
        serde_json::from_str(&t.read("guides/joint-learning-events/offline.json")).unwrap();
    let files: Vec<&str> = pack["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(files.contains(&"/guides/joint-learning-events/"));
    assert!(files.contains(&"/guides/joint-learning-events/print/"));
    assert!(
        files
            .iter()
            .filter(|f| f.starts_with("/guides/joint-learning-events/"))
            .count()
            > 3
    );
    assert!(files.iter().any(|f| f.starts_with("/search/en/")));
    assert!(pack["bytes"].as_u64().unwrap() > 10_000);
    let page = t.read("guides/joint-learning-events/index.html");
    assert!(page.contains(r#"data-keep-pack="/guides/joint-learning-events/offline.json""#));
}

#[test]
fn offline_false_writes_no_worker_and_no_button() {
    let t = SiteTest::example();
    let yaml = std::fs::read_to_string(t.root.join("site.yaml")).unwrap();
    t.file("site.yaml", &format!("{yaml}offline: false\n"));
    t.build_ok();
    assert!(!t.out("sw.js").exists());
    assert!(!t.out("offline/index.html").exists());
    let page = t.read("guides/joint-learning-events/index.html");
    assert!(!page.contains("data-keep-pack"));
    assert!(!page.contains("js/offline."));
}
