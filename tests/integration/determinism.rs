//! The same input gives byte-identical output, whatever the number of threads.

use crate::support::{tree, SiteTest, NOW};

#[test]
fn output_is_byte_identical_with_one_or_eight_threads() {
    let site = SiteTest::example();
    let mut trees = Vec::new();
    for threads in ["1", "8"] {
        let out = format!("out-{threads}");
        let run = site.run_env(
            &["build", "--out", &out, "--now", NOW],
            &[("RAYON_NUM_THREADS", threads)],
        );
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        trees.push(tree(&site.root.join(out)));
    }
    assert!(trees[0].len() > 100);
    assert_eq!(trees[0].len(), trees[1].len());
    for (a, b) in trees[0].iter().zip(&trees[1]) {
        assert_eq!(a.0, b.0);
        assert!(a.1 == b.1, "{} differs between 1 and 8 threads", a.0);
    }
}

#[test]
fn a_build_that_keeps_page_html_in_a_scratch_file_writes_the_same_site_and_leaves_no_file() {
    // Kept in memory, the HTML marks a small site, which builds its search index beside
    // rendering; spilled (each page's HTML and search text written to scratch files as the
    // Markdown stage renders it, read back by the index and rendering), the two run one after
    // the other. The output is the same.
    let site = SiteTest::example();
    let mut trees = Vec::new();
    for (out, spill_above) in [("kept", lore::SPILL_HTML_ABOVE), ("spilled", 0)] {
        let mut options = site.options();
        options.out = site.root.join(out);
        options.spill_html_above = spill_above;
        let report = lore::build(&options, &|_| {}).expect("build");
        assert!(report.pages > 10);
        trees.push(tree(&options.out));
    }
    assert!(trees[0].len() > 100);
    assert_eq!(trees[0].len(), trees[1].len());
    for (a, b) in trees[0].iter().zip(&trees[1]) {
        assert_eq!(a.0, b.0);
        assert!(a.1 == b.1, "{} differs when the HTML waits in a file", a.0);
    }
    let guide = trees[1]
        .iter()
        .find(|(name, _)| name.starts_with("guides/") && name.ends_with("index.html"))
        .expect("a guide page");
    assert!(
        String::from_utf8_lossy(&guide.1).contains("<h2"),
        "{}",
        guide.0
    );
    let left: Vec<String> = std::fs::read_dir(&site.root)
        .expect("site folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // `.kept.lore-tmp-42` (staging), `.spilled.lore-html-42` (the Markdown stage's).
        .filter(|n| n.contains(".lore-") && n != ".lore-cache" || n.ends_with(".html"))
        .collect();
    assert!(left.is_empty(), "scratch files left behind: {left:?}");
}
