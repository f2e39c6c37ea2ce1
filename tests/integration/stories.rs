//! Stories (issue 23): featured articles and case studies with their summary, authors and
//! related resources, led by the home page, with their own Atom feed.

use crate::support::SiteTest;

#[test]
fn a_story_shows_its_summary_authors_and_related_resources_and_leads_the_home_page() {
    let site = SiteTest::example();
    site.build_ok();
    let story = site.main_of("stories/seed-fairs-sahel/index.html");
    assert!(story.contains("<p class=\"lead\">A federation of seed producers"));
    assert!(story.contains("Aïssatou Ndiaye"));
    assert!(story.contains("<h2 id=\"related-h\">Related online resources</h2>"));
    assert!(story.contains("<a href=\"https://farmradio.org/\">Farm Radio International</a>"));
    let home = site.main_of("index.html");
    let featured = &home[home.find("id=\"featured-h\"").expect("featured band")..];
    assert!(featured.contains("href=\"/stories/seed-fairs-sahel/\""));

    let feed = site.read("stories/atom.xml");
    let doc = roxmltree::Document::parse(&feed).expect("the story feed is well-formed XML");
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .filter_map(|e| e.children().find(|c| c.has_tag_name("title")))
        .filter_map(|t| t.text())
        .collect();
    assert_eq!(
        titles,
        [
            "From Seed Fairs to Voice Notes: A Sahel Network Keeps Learning Between Seasons",
            "Lessons Learned: Radio Listening Clubs as Learning Groups"
        ]
    );
}
