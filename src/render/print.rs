//! The print view of a guide or course: every part on one page, for paper and PDF.
//!
//! Each part's HTML was written to stand alone, so on one page its ids would clash (two
//! chapters each have a `tip-1`) and its links would leave the page. [`print_part_html`]
//! rewrites a part with lol_html, a streaming HTML rewriter: ids get the part's prefix
//! (`p2-tip-1`), links into the guide point inside the print page, other links on the site
//! become absolute addresses (the stylesheet prints them after the link text, and a bare
//! `/guides/x/` means nothing on paper), and headings move one level down under the part's
//! own `<h2>`.

use lol_html::{element, rewrite_str, RewriteStrSettings};

/// Where a guide's parts are, to send links between them inside the print page.
#[derive(Clone, Debug)]
pub(crate) struct PrintLinks {
    /// Each part's URL as its links write it (base path included), in reading order.
    pub parts: Vec<String>,
    /// Scheme and host of the site (`https://example.org`), put before root-relative links.
    pub origin: String,
}

impl PrintLinks {
    /// The id the print page gives to part `n` (0-based) as a whole.
    pub(crate) fn part_id(n: usize) -> String {
        format!("part-{}", n + 1)
    }

    fn prefix(n: usize) -> String {
        format!("p{}-", n + 1)
    }

    /// Where a link found in a part points on the print page, or outside it.
    fn target(&self, part: usize, href: &str) -> String {
        if let Some(anchor) = href.strip_prefix('#') {
            return format!("#{}{anchor}", Self::prefix(part));
        }
        let (path, anchor) = href.split_once('#').unwrap_or((href, ""));
        if let Some(n) = self.parts.iter().position(|p| p == path) {
            return if anchor.is_empty() {
                format!("#{}", Self::part_id(n))
            } else {
                format!("#{}{anchor}", Self::prefix(n))
            };
        }
        if href.starts_with('/') && !href.starts_with("//") {
            return format!("{}{href}", self.origin);
        }
        href.to_string()
    }
}

/// Part `n`'s HTML ready for the print page: ids prefixed, links resolved, headings one level
/// down (under the part's title).
pub(crate) fn print_part_html(html: &str, n: usize, links: &PrintLinks) -> String {
    let prefix = PrintLinks::prefix(n);
    let rewritten = rewrite_str(
        html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("[id]", |el| {
                if let Some(id) = el.get_attribute("id") {
                    el.set_attribute("id", &format!("{prefix}{id}"))?;
                }
                Ok(())
            }))
            .append_element_content_handler(element!("a[href]", |el| {
                if let Some(href) = el.get_attribute("href") {
                    el.set_attribute("href", &links.target(n, &href))?;
                }
                Ok(())
            }))
            .append_element_content_handler(element!("h2, h3, h4, h5", |el| {
                let level: u8 = el.tag_name()[1..].parse().unwrap_or(5);
                el.set_tag_name(&format!("h{}", level + 1))?;
                Ok(())
            })),
    );
    // lol_html fails only past a memory limit lore does not set; the part as written is the
    // best fallback there is.
    rewritten.unwrap_or_else(|_| html.to_string())
}

/// `https://example.org` for `https://example.org/kb`: what goes before a root-relative link.
pub(crate) fn origin(base_url: &str) -> String {
    let path = super::templates::base_path(base_url);
    base_url
        .trim_end_matches('/')
        .strip_suffix(path.as_str())
        .unwrap_or(base_url)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links() -> PrintLinks {
        PrintLinks {
            parts: vec!["/kb/guides/g/".into(), "/kb/guides/g/planning/".into()],
            origin: "https://example.org".into(),
        }
    }

    #[test]
    fn prefixes_ids_and_anchors_so_two_parts_never_share_one() {
        let html =
            "<h2 id=\"tips\">Tips</h2><aside id=\"tip-1\"><a href=\"#tip-1\">here</a></aside>";
        let out = print_part_html(html, 1, &links());
        assert_eq!(
            out,
            "<h3 id=\"p2-tips\">Tips</h3><aside id=\"p2-tip-1\"><a href=\"#p2-tip-1\">here</a></aside>"
        );
    }

    #[test]
    fn sends_links_between_parts_inside_the_page_and_others_to_absolute_addresses() {
        let html = "<a href=\"/kb/guides/g/planning/\">p</a><a href=\"/kb/guides/g/planning/#budget\">b</a><a href=\"/kb/techniques/x/\">t</a><a href=\"https://other.org/\">o</a><a href=\"mailto:a@b.org\">m</a>";
        let out = print_part_html(html, 0, &links());
        assert!(out.contains("href=\"#part-2\""), "{out}");
        assert!(out.contains("href=\"#p2-budget\""), "{out}");
        assert!(
            out.contains("href=\"https://example.org/kb/techniques/x/\""),
            "{out}"
        );
        assert!(out.contains("href=\"https://other.org/\""), "{out}");
        assert!(out.contains("href=\"mailto:a@b.org\""), "{out}");
    }

    #[test]
    fn finds_the_origin_of_a_base_url_with_a_path() {
        assert_eq!(origin("https://example.org/kb"), "https://example.org");
        assert_eq!(origin("https://example.org"), "https://example.org");
    }
}
