//! Task lists (`- [ ] item`): drawn boxes instead of pulldown-cmark's disabled checkboxes. A
//! form control that cannot be used and has no label is noise to a screen reader (axe's `label`
//! rule fails on it); a drawn box says the same on screen and on paper, and a ticked one is
//! announced as a check mark.

use pulldown_cmark::{CowStr, Event};

use super::Spanned;

/// Replaces each task-list marker by a drawn box.
pub(super) fn render_tasks(events: Vec<Spanned>) -> Vec<Spanned> {
    events
        .into_iter()
        .map(|(e, r)| match e {
            Event::TaskListMarker(done) => (Event::Html(CowStr::from(task_box(done))), r),
            other => (other, r),
        })
        .collect()
}

fn task_box(done: bool) -> &'static str {
    if done {
        "<span class=\"task task-done\" aria-hidden=\"true\"></span><span class=\"visually-hidden\">✓ </span>"
    } else {
        "<span class=\"task\" aria-hidden=\"true\"></span>"
    }
}
