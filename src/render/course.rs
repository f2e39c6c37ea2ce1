//! What a course's pages show beyond a guide's: the lesson's number of the total, the list of
//! lessons with their time and self-checks (for the progress kept in the reader's browser by
//! `assets/js/course.js`), and each lesson's slides view (`<lesson>/slides/`), cut from the
//! lesson's own HTML at its `##` headings and `---` rules.

use serde::Serialize;

use super::context::ViewContext;
use crate::site::PageId;

/// A course around one of its pages.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct CourseView {
    /// The course's title.
    pub title: String,
    /// Its front page URL (also the key its progress is kept under in the browser).
    pub url: String,
    /// This page's lesson number; `None` on the front page.
    pub number: Option<usize>,
    /// Number of lessons.
    pub total: usize,
    /// Self-check questions in the whole course.
    pub checks: usize,
    /// The lessons in order.
    pub lessons: Vec<LessonLink>,
}

/// A lesson as the course's front page lists it.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct LessonLink {
    /// Its number.
    pub number: usize,
    /// Title.
    pub title: String,
    /// URL.
    pub url: String,
    /// The time it takes, as written in `duration:`.
    pub duration: Option<String>,
    /// Number of self-check questions.
    pub checks: usize,
    /// URL of its slides view.
    pub slides_url: String,
}

/// One lesson's slides.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct SlidesView {
    /// The slides in order, as HTML (speaker notes included, hidden by the layout).
    pub slides: Vec<String>,
}

/// The course view of page `id`, if it belongs to a course.
pub(crate) fn course_view(views: &ViewContext, id: PageId) -> Option<CourseView> {
    let site = views.site;
    let course = site.course_of(id)?;
    let lessons: Vec<LessonLink> = site
        .lessons(course)
        .iter()
        .enumerate()
        .map(|(n, &l)| {
            let p = &site.pages[l];
            LessonLink {
                number: n + 1,
                title: p.title.clone(),
                url: views.url(&p.url),
                duration: p.field("duration").and_then(crate::schema::scalar_text),
                checks: site.rendered[l].selfchecks,
                slides_url: views.url(&slides_url(&p.url)),
            }
        })
        .collect();
    Some(CourseView {
        title: site.pages[course].title.clone(),
        url: views.url(&site.pages[course].url),
        number: site.lesson_number(id).map(|(n, _)| n),
        total: lessons.len(),
        checks: lessons.iter().map(|l| l.checks).sum(),
        lessons,
    })
}

/// The address of a lesson's slides view.
pub(crate) fn slides_url(lesson_url: &str) -> String {
    format!("{lesson_url}slides/")
}

/// Cuts a lesson's HTML into slides: what comes before its first `##` heading (if anything),
/// then one slide per heading or `---` rule. Rules themselves are left out.
pub(crate) fn slides(views: &ViewContext, id: PageId) -> SlidesView {
    let html = views.site.page_html(id);
    let breaks = &views.site.rendered[id].slide_breaks;
    let starts = std::iter::once(0).chain(breaks.iter().map(|b| b.content_at));
    let ends = breaks.iter().map(|b| b.at).chain([html.len()]);
    let slides = starts
        .zip(ends)
        .filter_map(|(start, end)| html.get(start..end))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    SlidesView { slides }
}
