//! Self-check questions and speaker notes, written as fenced blocks in a course lesson.
//!
//! ````markdown
//! ```selfcheck
//! Which channel costs members the least data for an hour of discussion?
//! - [ ] A group video call
//!   No: an hour of video can use 500 MB to 1 GB.
//! - [x] Voice notes in the group chat
//!   Yes: ten minutes of voice notes is about one megabyte.
//! ```
//! ````
//!
//! The lines before the first answer are the question; `- [x]` marks a right answer (more than
//! one makes it a multiple-choice question), and the indented lines under an answer are its
//! feedback. Each block becomes a `fieldset` of radio buttons or checkboxes that
//! `assets/js/course.js` marks at once, and a `<details>` disclosure listing the answers with
//! their feedback, which is all a reader without JavaScript needs. A question without a right
//! answer, or with fewer than two answers, is an error at its line.
//!
//! ```` ```notes ```` blocks are a trainer's speaker notes: a closed disclosure in the lesson, and
//! hidden from the audience in the lesson's slides.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd};

use super::{escape_attr, Context, Spanned};
use crate::diagnostics::Diagnostic;

/// One answer of a self-check question.
#[derive(Debug, PartialEq)]
struct Answer {
    text: String,
    right: bool,
    feedback: String,
}

/// A parsed self-check block.
#[derive(Debug, PartialEq)]
struct Question {
    text: String,
    answers: Vec<Answer>,
}

/// Replaces ```` ```selfcheck ```` and ```` ```notes ```` blocks by their HTML; returns the
/// events and the number of questions.
pub(super) fn render_selfchecks<'a>(
    events: Vec<Spanned<'a>>,
    ctx: &Context,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Spanned<'a>>, usize) {
    let mut out = Vec::with_capacity(events.len());
    let mut iter = events.into_iter();
    let mut count = 0;
    while let Some((event, range)) = iter.next() {
        let kind = match &event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                match info.split_whitespace().next() {
                    Some("selfcheck") => Some(true),
                    Some("notes") => Some(false),
                    _ => None,
                }
            }
            _ => None,
        };
        let Some(is_check) = kind else {
            out.push((event, range));
            continue;
        };
        let mut text = String::new();
        for (e, _) in iter.by_ref() {
            match e {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => break,
                _ => {}
            }
        }
        let html = if is_check {
            count += 1;
            let first_line = ctx.locate(range.start).0 + 1;
            match parse_question(&text) {
                Ok(q) => question_html(&q, count, ctx),
                Err((line, msg, help)) => {
                    diags.push(
                        Diagnostic::error(&ctx.page.source, msg)
                            .at(first_line + line, 1)
                            .help(help),
                    );
                    String::new()
                }
            }
        } else {
            format!(
                "<details class=\"speaker-notes\"><summary>{}</summary>{}</details>\n",
                escape_attr(&ctx.text("speaker_notes")),
                markdown_html(&text)
            )
        };
        out.push((Event::Html(CowStr::from(html)), range));
    }
    (out, count)
}

/// Reads a self-check block; an error is its 0-based line in the block, message and help.
fn parse_question(text: &str) -> Result<Question, (usize, String, String)> {
    let mut question = String::new();
    let mut answers: Vec<Answer> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let marker = ["- [ ] ", "* [ ] ", "- [x] ", "* [x] ", "- [X] ", "* [X] "]
            .iter()
            .find(|m| trimmed.starts_with(**m) || trimmed == m.trim_end());
        if let Some(m) = marker {
            answers.push(Answer {
                text: trimmed[m.len().min(trimmed.len())..].trim().to_string(),
                right: !m.contains("[ ]"),
                feedback: String::new(),
            });
        } else if let Some(a) = answers.last_mut() {
            if line.trim().is_empty() {
                continue;
            }
            if !line.starts_with([' ', '\t']) {
                return Err((
                    n,
                    "text after the answers of a self-check that is neither an answer nor indented feedback".into(),
                    "start each answer with `- [ ]` (or `- [x]` for a right one) and indent its feedback under it; one question per ```selfcheck block".into(),
                ));
            }
            push_line(&mut a.feedback, line.trim());
        } else {
            push_line(&mut question, line.trim());
        }
    }
    if question.trim().is_empty() {
        return Err((
            0,
            "this self-check has no question".into(),
            "write the question on the first line of the block, before the answers".into(),
        ));
    }
    if answers.len() < 2 {
        return Err((
            0,
            format!(
                "this self-check has {} answer{}; a question needs at least two",
                answers.len(),
                if answers.len() == 1 { "" } else { "s" }
            ),
            "list the answers as `- [ ] wrong answer` and `- [x] right answer` lines".into(),
        ));
    }
    if !answers.iter().any(|a| a.right) {
        return Err((
            0,
            "this self-check question has no right answer".into(),
            "mark the right answer (or answers) with `- [x]` instead of `- [ ]`".into(),
        ));
    }
    Ok(Question {
        text: question,
        answers,
    })
}

fn push_line(to: &mut String, line: &str) {
    if !to.is_empty() {
        to.push('\n');
    }
    to.push_str(line);
}

/// Markdown of a block (notes, feedback) as HTML.
fn markdown_html(text: &str) -> String {
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, Parser::new_ext(text, super::options()));
    out
}

/// Markdown of one line (a question, an answer) as inline HTML, without its paragraph.
fn inline_html(text: &str) -> String {
    let html = markdown_html(text);
    let t = html.trim();
    t.strip_prefix("<p>")
        .and_then(|t| t.strip_suffix("</p>"))
        .unwrap_or(t)
        .to_string()
}

fn question_html(q: &Question, n: usize, ctx: &Context) -> String {
    let multiple = q.answers.iter().filter(|a| a.right).count() > 1;
    let id = format!("selfcheck-{n}");
    let text = |k: &str| escape_attr(&ctx.text(k));
    let mut h = format!(
        "<div class=\"selfcheck\" id=\"{id}\" data-selfcheck data-kind=\"{kind}\" data-right-text=\"{right}\" data-wrong-text=\"{wrong}\">\n<fieldset>\n<legend>{label}: {question}</legend>\n<p class=\"selfcheck-hint\">{hint}</p>\n<ul class=\"selfcheck-options\">\n",
        kind = if multiple { "multiple" } else { "single" },
        right = text("selfcheck_passed"),
        wrong = text("selfcheck_try_again"),
        label = text("selfcheck"),
        question = inline_html(&q.text),
        hint = text(if multiple { "selfcheck_many" } else { "selfcheck_one" }),
    );
    let input = if multiple { "checkbox" } else { "radio" };
    for (i, a) in q.answers.iter().enumerate() {
        h.push_str(&format!(
            "<li><label><input type=\"{input}\" name=\"{id}\" value=\"{i}\" data-right=\"{}\"> {}</label>",
            a.right,
            inline_html(&a.text)
        ));
        if !a.feedback.is_empty() {
            h.push_str(&format!(
                "<div class=\"selfcheck-feedback\" hidden>{}</div>",
                markdown_html(&a.feedback)
            ));
        }
        h.push_str("</li>\n");
    }
    h.push_str(&format!(
        "</ul>\n<p class=\"selfcheck-actions\" hidden>{button}<span class=\"selfcheck-result\" role=\"status\"></span></p>\n</fieldset>\n<details class=\"selfcheck-answers\"><summary>{answers}</summary>\n<ul>\n",
        button = if multiple {
            format!("<button type=\"button\" data-selfcheck-submit>{}</button> ", text("selfcheck_check"))
        } else {
            String::new()
        },
        answers = text("selfcheck_answers"),
    ));
    for a in &q.answers {
        let (class, word) = if a.right {
            ("right", text("selfcheck_right"))
        } else {
            ("wrong", text("selfcheck_wrong"))
        };
        h.push_str(&format!(
            "<li class=\"{class}\"><strong>{word}:</strong> {}{}</li>\n",
            inline_html(&a.text),
            markdown_html(&a.feedback)
        ));
    }
    h.push_str("</ul>\n</details>\n</div>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_question_its_answers_and_their_feedback() {
        let q = parse_question(
            "Which is lightest?\n- [ ] Video\n  No: heavy.\n  Really.\n- [x] Voice notes\n  Yes.\n",
        )
        .unwrap();
        assert_eq!(q.text, "Which is lightest?");
        assert_eq!(q.answers.len(), 2);
        assert!(!q.answers[0].right && q.answers[1].right);
        assert_eq!(q.answers[0].feedback, "No: heavy.\nReally.");
    }

    #[test]
    fn a_question_without_a_right_answer_is_an_error_at_its_line() {
        let (line, msg, _) = parse_question("Q?\n- [ ] a\n- [ ] b\n").unwrap_err();
        assert_eq!(msg, "this self-check question has no right answer");
        assert_eq!(line, 0);
        assert!(parse_question("Q?\n- [x] a\n").is_err());
        assert!(parse_question("- [x] a\n- [ ] b\n").is_err());
    }

    #[test]
    fn text_that_is_neither_answer_nor_feedback_is_located() {
        let (line, _, _) = parse_question("Q?\n- [x] a\n- [ ] b\nStray\n").unwrap_err();
        assert_eq!(line, 3);
    }
}
