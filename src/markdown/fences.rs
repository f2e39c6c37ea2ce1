//! Code fences left open: CommonMark runs an unclosed ```` ``` ```` block to the end of the page,
//! so every heading and paragraph after it shows as code. That is valid Markdown, so it is a
//! warning at the opening line rather than an error (issue 19).

use pulldown_cmark::{CodeBlockKind, Event, Tag};

use super::{Context, Spanned};
use crate::diagnostics::Diagnostic;

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
    fn tells_a_closed_fence_from_an_open_one() {
        assert!(is_closed("```rust\nlet x = 1;\n```\n"));
        assert!(is_closed("~~~~\nx\n~~~~~"));
        assert!(is_closed("> ```\n> x\n> ```"));
        assert!(!is_closed("```\nx\n# Heading\n"));
        assert!(!is_closed("````\nx\n```\n"));
        assert!(!is_closed("```\n"));
    }
}
