//! Courses (issue 23): the example site's twelve-lesson course as a learner and a trainer get
//! it — lesson numbers, objectives, key points, self-checks that work without JavaScript, the
//! slides view — the technique cards as a printable deck, and the located errors of a course an
//! editor can make.

use crate::support::{built_example as example, only_for, SiteTest};

const COURSE: &str = "guides/facilitating-online-learning";

fn lesson_dirs() -> Vec<String> {
    let mut dirs: Vec<String> = std::fs::read_dir(example().out(COURSE))
        .expect("course folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("lesson-"))
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_lesson_of_the_example_course_says_its_number_of_twelve() {
    let dirs = lesson_dirs();
    assert_eq!(dirs.len(), 12, "{dirs:?}");
    for (n, dir) in dirs.iter().enumerate() {
        let html = example().main_of(&format!("{COURSE}/{dir}/index.html"));
        assert!(
            html.contains(&format!(
                "<p class=\"lesson-of\">Lesson {} of 12</p>",
                n + 1
            )),
            "{dir}"
        );
        assert!(
            html.contains("<h2 id=\"objectives-h\">Learning objectives</h2>"),
            "{dir}"
        );
        assert!(html.contains("<span class=\"duration\">"), "{dir}");
        let key_points = html.find("id=\"key-points-h\"").expect("key points");
        let body = html.find("<div class=\"content\">").expect("body");
        assert!(
            key_points > body,
            "{dir}: key points come after the lesson's text"
        );
        assert!(
            html.contains("class=\"file-name\""),
            "{dir}: the learners' note is attached"
        );
        assert!(
            html.contains("notes.txt"),
            "{dir}: the learners' note is attached"
        );
    }
}

#[test]
fn a_self_check_carries_its_answers_in_a_disclosure_for_readers_without_javascript() {
    let html = example().main_of(&format!("{COURSE}/lesson-01-why-online/index.html"));
    let check = &html[html.find("<div class=\"selfcheck\"").expect("a self-check")..];
    let check = &check[..check.find("</details>").expect("its disclosure")];
    assert!(check.contains("data-kind=\"single\""));
    assert_eq!(
        check.matches("type=\"radio\" name=\"selfcheck-1\"").count(),
        3
    );
    assert_eq!(check.matches("data-right=\"true\"").count(), 1);
    assert!(
        check.contains("<details class=\"selfcheck-answers\"><summary>Show the answers</summary>")
    );
    assert!(check
        .contains("<li class=\"right\"><strong>Right:</strong> Voice notes in the group’s chat"));
    // The per-answer feedback waits for a choice (with JavaScript) ...
    assert!(check.contains("<div class=\"selfcheck-feedback\" hidden><p>No: an hour of video"));
    // ... and a question with more than one right answer takes checkboxes.
    let multiple = example().main_of(&format!("{COURSE}/lesson-02-designing/index.html"));
    assert!(multiple.contains("data-kind=\"multiple\""));
    assert!(multiple.contains("type=\"checkbox\""));
}

#[test]
fn the_course_front_page_lists_the_lessons_with_their_progress() {
    let html = example().main_of(&format!("{COURSE}/index.html"));
    assert!(html.contains("data-course-progress data-course=\"/guides/facilitating-online-learning/\" data-lessons=\"12\" data-checks=\"12\""));
    assert_eq!(html.matches("<li data-lesson=").count(), 12);
    assert!(html.contains("Your progress is kept in this browser"));
    let page = example().read(&format!("{COURSE}/index.html"));
    assert!(page.contains("/js/course."), "the course script is loaded");
    assert!(page.contains("/css/course."));
}

#[test]
fn each_lesson_has_a_slides_view_with_one_slide_per_section_and_the_notes_hidden() {
    let dir = format!("{COURSE}/lesson-01-why-online");
    let lesson = example().main_of(&format!("{dir}/index.html"));
    let sections = lesson.matches("<h2 id=").count()
        - ["objectives-h", "key-points-h", "attachments-h"]
            .iter()
            .filter(|id| lesson.contains(&format!("<h2 id=\"{id}\"")))
            .count();
    let slides = example().read(&format!("{dir}/slides/index.html"));
    // A title slide, one per `##` section, the key points.
    assert_eq!(
        slides.matches("<section class=\"slide").count(),
        sections + 2
    );
    assert!(slides.contains("<section class=\"slide title-slide\" id=\"slide-1\""));
    assert!(
        slides.contains("<details class=\"speaker-notes\"><summary>Trainer&#39;s notes</summary>")
    );
    let css = slides
        .split("href=\"")
        .find(|s| s.starts_with("/css/slides."))
        .and_then(|s| s.split('"').next())
        .expect("slides stylesheet");
    let css = example().read(css.trim_start_matches('/'));
    assert!(css.contains(".speaker-notes { display: none; }"));
    assert!(
        lesson.contains(&format!("href=\"/{dir}/slides/\"")),
        "the lesson links its slides"
    );
}

#[test]
fn a_rule_starts_a_slide_within_a_section() {
    let site = course_site("## One\n\nFirst part.\n\n---\n\nSecond part.\n\n## Two\n\nMore.\n");
    site.build_ok();
    let slides = site.read("guides/c/one/slides/index.html");
    assert_eq!(slides.matches("<section class=\"slide").count(), 4);
    assert!(!slides.contains("<hr"));
}

/// A one-lesson course whose lesson has `body`.
fn course_site(body: &str) -> SiteTest {
    let site = SiteTest::new();
    site.file(
        "content/guides/c/_index.md",
        "---\ntitle: C\ntype: guide\ncourse: true\n---\nA course.\n",
    );
    site.file(
        "content/guides/c/one.md",
        &format!("---\ntitle: One\ntype: guide\nweight: 1\n---\n{body}"),
    );
    site
}

#[test]
fn reports_a_question_without_a_right_answer_at_its_line() {
    let site = course_site("## Q\n\n```selfcheck\nWhich?\n- [ ] a\n- [ ] b\n```\n");
    let errs = site.build_err();
    let d = only_for(&errs, "content/guides/c/one.md");
    assert_eq!(d.message, "this self-check question has no right answer");
    assert_eq!(d.line, 9, "{d}");
}

#[test]
fn reports_a_lesson_number_out_of_order_at_its_field() {
    let site = course_site("Text.\n");
    site.file(
        "content/guides/c/two.md",
        "---\ntitle: Two\ntype: guide\nweight: 2\nlesson: 3\n---\nText.\n",
    );
    let errs = site.build_err();
    let d = only_for(&errs, "content/guides/c/two.md");
    assert!(
        d.message.contains("`lesson: 3` but it is lesson 2 of 2"),
        "{d}"
    );
    assert_eq!(d.line, 5, "{d}");
}

#[test]
fn reports_an_empty_slide_at_its_separator() {
    let site = course_site("## One\n\nText.\n\n---\n\n## Two\n\nMore.\n");
    let errs = site.build_err();
    let d = only_for(&errs, "content/guides/c/one.md");
    assert_eq!(
        d.message,
        "the slide this `---` slide separator starts has no content"
    );
    assert_eq!(d.line, 10, "{d}");
    // The same page outside a course is fine: a rule is only a separator in a lesson.
    let guide = SiteTest::new();
    guide.file(
        "content/guides/g/_index.md",
        "---\ntitle: G\ntype: guide\n---\nA guide.\n",
    );
    guide.file(
        "content/guides/g/one.md",
        "---\ntitle: One\ntype: guide\n---\n## One\n\nText.\n\n---\n\n## Two\n\nMore.\n",
    );
    guide.build_ok();
}

#[test]
fn the_technique_cards_make_a_deck_of_four_to_a_sheet_in_each_language() {
    let deck = example().main_of("techniques/cards/index.html");
    let cards = deck.matches("<article class=\"deck-card\"").count();
    let techniques = std::fs::read_dir(crate::support::repo().join("content/techniques"))
        .expect("techniques")
        .filter_map(Result::ok)
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.ends_with(".md") && !n.starts_with('_') && n.matches('.').count() == 1
        })
        .count();
    assert_eq!(cards, techniques);
    assert_eq!(
        deck.matches("<div class=\"deck-sheet\">").count(),
        cards.div_ceil(4)
    );
    assert!(deck.contains("<dt>Group size</dt>") && deck.contains("<h3>Steps</h3>"));
    let ar = example().read("ar/techniques/cards/index.html");
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(example()
        .main_of("techniques/index.html")
        .contains("href=\"/techniques/cards/\""));
}

#[test]
fn the_course_print_view_is_the_learners_manual_with_every_lesson_and_its_attachments() {
    let manual = example().main_of(&format!("{COURSE}/print/index.html"));
    for n in 1..=12 {
        assert!(manual.contains(&format!("Lesson {n} of 12")), "lesson {n}");
        assert!(
            manual.contains(&format!("/files/lesson-{n:02}-learner-notes.txt")),
            "lesson {n}'s learners' note is listed"
        );
    }
    assert_eq!(manual.matches("<h3>Key points</h3>").count(), 12);
    // The self-checks come with their answers.
    assert_eq!(
        manual
            .matches("<details class=\"selfcheck-answers\">")
            .count(),
        12
    );
}

#[test]
fn lore_new_writes_a_course_with_a_lesson_and_a_story_that_build() {
    let site = SiteTest::new();
    let out = site.run(&["new", "course", "Capitalising Experience"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let index = std::fs::read_to_string(
        site.root
            .join("content/guides/capitalising-experience/_index.md"),
    )
    .expect("course");
    assert!(index.contains("course: true"));
    let lesson = std::fs::read_to_string(
        site.root
            .join("content/guides/capitalising-experience/lesson-01.md"),
    )
    .expect("lesson");
    for field in [
        "lesson: 1",
        "objectives:",
        "key_points:",
        "duration:",
        "attachments:",
        "```selfcheck",
        "```notes",
    ] {
        assert!(lesson.contains(field), "{field} in\n{lesson}");
    }
    let out = site.run(&["new", "story", "Seed banks in the Sahel"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let story =
        std::fs::read_to_string(site.root.join("content/stories/seed-banks-in-the-sahel.md"))
            .expect("story");
    for field in ["summary:", "related:", "authors:", "featured:"] {
        assert!(story.contains(field), "{field} in\n{story}");
    }
    site.build_ok();
    assert!(site
        .read("guides/capitalising-experience/lesson-01/index.html")
        .contains("Lesson 1 of 1"));
    assert!(site
        .out("guides/capitalising-experience/lesson-01/slides/index.html")
        .exists());
}
