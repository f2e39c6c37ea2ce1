//! Snapshots of the `<main>` element of one page of each type of the example site, so a change
//! in what readers see shows up in review (`cargo insta review`). Only `<main>` is kept, so a
//! header or footer change does not touch every snapshot.

use crate::support::SiteTest;

#[test]
fn main_content_of_one_page_per_type() {
    let site = SiteTest::example();
    site.build_ok();
    for (name, page) in [
        (
            "guide_front_page",
            "guides/joint-learning-events/index.html",
        ),
        (
            "guide_chapter",
            "guides/joint-learning-events/capturing-knowledge/index.html",
        ),
        ("toolkit", "toolkits/facilitation-starter-kit/index.html"),
        ("technique", "techniques/problem-tree/index.html"),
        ("technique_ar", "ar/techniques/problem-tree/index.html"),
        ("event", "events/west-africa-writeshop-2027/index.html"),
        ("events_list", "events/index.html"),
        ("home", "index.html"),
    ] {
        insta::assert_snapshot!(name, site.main_of(page));
    }
}
