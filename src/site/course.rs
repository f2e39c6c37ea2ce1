//! Courses: a multi-page guide whose front page says `course: true`, its chapters numbered
//! lessons ("Lesson 3 of 12"). The checks here are the located errors of a course: a lesson
//! whose `lesson:` number is not its place, and a slide with nothing on it.

use super::{PageId, Site};
use crate::diagnostics::Diagnostic;

impl Site {
    /// True for the front page of a course.
    pub fn is_course(&self, id: PageId) -> bool {
        self.is_book(id) && self.pages[id].field("course").and_then(|v| v.as_bool()) == Some(true)
    }

    /// The course a page belongs to (its front page or one of its lessons), if any.
    pub fn course_of(&self, id: PageId) -> Option<PageId> {
        self.book_of(id).filter(|&b| self.is_course(b))
    }

    /// A course's lessons in order.
    pub fn lessons(&self, course: PageId) -> &[PageId] {
        self.sections
            .get(&course)
            .map_or(&[], |s| s.pages.as_slice())
    }

    /// A lesson's number (1-based) and the number of lessons of its course.
    pub fn lesson_number(&self, id: PageId) -> Option<(usize, usize)> {
        let lessons = self.lessons(self.course_of(id)?);
        let pos = lessons.iter().position(|&l| l == id)?;
        Some((pos + 1, lessons.len()))
    }
}

/// A lesson's errors: a `lesson:` number that is not its place in the course, and slides with
/// nothing on them (two `---` in a row, a `---` just before a `##` heading or at the end).
pub(crate) fn check_lesson(site: &Site, id: PageId) -> Vec<Diagnostic> {
    let Some((number, total)) = site.lesson_number(id) else {
        return Vec::new();
    };
    let page = &site.pages[id];
    let mut out = Vec::new();
    if let Some(written) = page.field("lesson").and_then(|v| v.as_i64()) {
        if written != number as i64 {
            out.push(
                crate::content::page::error_at_key(
                    &site.config.root,
                    page,
                    "lesson",
                    format!("this page says `lesson: {written}` but it is lesson {number} of {total} of its course"),
                )
                .help("give the lessons `weight:` values in the order they should be read (or list them in the course's `modules:`), or correct the number"),
            );
        }
    }
    for b in site.rendered[id].slide_breaks.iter().filter(|b| b.empty) {
        let what = if b.rule {
            "`---` slide separator"
        } else {
            "`##` heading"
        };
        out.push(
            Diagnostic::error(
                &page.source,
                format!("the slide this {what} starts has no content"),
            )
            .at(b.line, 1)
            .help("put text under it, or remove the separator (a `---` before a `##` heading or at the end of the lesson makes an empty slide)"),
        );
    }
    out
}
