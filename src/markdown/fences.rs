//! Code fences: how a fence's info string is read (one rule for callouts, diagrams and
//! highlighting, issue 21), and fences left open: CommonMark runs an unclosed ```` ``` ````
//! block to the end of the page, so every heading and paragraph after it shows as code. That
//! is valid Markdown, so it is a warning at the opening line rather than an error (issue 19).

use pulldown_cmark::{CodeBlockKind, Event, Tag};

use super::{Context, Spanned};
use crate::diagnostics::Diagnostic;

/// A fence's info string as every pass reads it: ```` ```tip Before the event ````,
/// ```` ```rust,ignore ````, ```` ```python{.numbered} ````.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct FenceInfo<'a> {
    /// The first word up to a `,` or `{`: a language, a callout kind or `dot`.
    pub lang: &'a str,
    /// The rest of the line after the first word, trimmed: a callout's title.
    pub title: Option<&'a str>,
}

impl<'a> FenceInfo<'a> {
    /// Reads an info string (pulldown-cmark has trimmed it).
    pub(super) fn parse(info: &'a str) -> Self {
        let info = info.trim();
        let (word, rest) = info.split_once(char::is_whitespace).unwrap_or((info, ""));
        let lang = word.split([',', '{']).next().unwrap_or("");
        let title = Some(rest.trim()).filter(|t| !t.is_empty());
        Self { lang, title }
    }
}

/// A warning for each fenced code block that is never closed.
pub(super) fn check_fences(events: &[Spanned], ctx: &Context, diags: &mut Vec<Diagnostic>) {
    let body = &ctx.page.body;
    for (event, range) in events {
        let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) = event else {
            continue;
        };
        let Some(block) = body.get(range.clone()) else {
            continue;
        };
        if range.end < body.trim_end().len() || is_closed(block) {
            continue;
        }
        let rest = block.lines().count().saturating_sub(1);
        diags.push(
            Diagnostic::warning(
                &ctx.page.source,
                format!(
                    "this code block is never closed: the rest of the page ({rest} line{}) shows as code",
                    if rest == 1 { "" } else { "s" }
                ),
            )
            .at(ctx.locate(range.start).0, 1)
            .help("add a line with only ``` (the same marker that opens it) where the code ends"),
        );
    }
}

/// True when the block's last line closes its first: the same fence character, at least as many.
fn is_closed(block: &str) -> bool {
    let mut lines = block.lines().filter(|l| !l.trim().is_empty());
    let (Some((c, n, _)), Some(last)) = (lines.next().and_then(fence), lines.next_back()) else {
        return false;
    };
    fence(last).is_some_and(|(lc, ln, t)| lc == c && ln >= n && t.trim_end().len() == ln)
}

/// A fence line's character, its count and the line without its quote markers and indent.
fn fence(line: &str) -> Option<(char, usize, &str)> {
    let t = line.trim_start_matches(['>', ' ', '\t']);
    let c = t.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    Some((c, t.chars().take_while(|&x| x == c).count(), t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_first_word_of_an_info_string_up_to_attributes() {
        let read = |s| {
            let f = FenceInfo::parse(s);
            (f.lang, f.title)
        };
        assert_eq!(
            read("tip Before the event"),
            ("tip", Some("Before the event"))
        );
        assert_eq!(read("tip{.x}"), ("tip", None));
        assert_eq!(read("rust,ignore"), ("rust", None));
        assert_eq!(read("python {.numbered}"), ("python", Some("{.numbered}")));
        assert_eq!(read(""), ("", None));
    }

    #[test]
    fn tells_a_closed_fence_from_an_open_one() {
        assert!(is_closed("```rust\nlet x = 1;\n```\n"));
        assert!(is_closed("~~~~\nx\n~~~~~"));
        assert!(is_closed("> ```\n> x\n> ```"));
        assert!(!is_closed("```\nx\n# Heading\n"));
        assert!(!is_closed("````\nx\n```\n"));
        assert!(!is_closed("```\n"));
    }
}
