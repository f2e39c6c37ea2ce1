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
