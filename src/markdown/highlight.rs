//! Code blocks highlighted by syntect with CSS classes (`hl-*`), never inline styles, so a
//! page carries no colour and the stylesheet is written once for the whole site.

use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};
use syntect::highlighting::ThemeSet;
use syntect::html::{css_for_theme_with_class_style, ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use super::fences::FenceInfo;
use super::{escape_attr as escape, Spanned};

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Syntax definitions, loaded once (loading takes tens of milliseconds).
#[derive(Default)]
pub struct Highlighter {
    syntaxes: OnceLock<SyntaxSet>,
}

impl Highlighter {
    /// A highlighter that loads its syntaxes on first use.
    pub fn new() -> Self {
        Self::default()
    }

    fn syntaxes(&self) -> &SyntaxSet {
        self.syntaxes.get_or_init(SyntaxSet::load_defaults_newlines)
    }

    /// `code` as HTML spans with classes, or `None` when `lang` is unknown.
    pub(crate) fn highlight(&self, code: &str, lang: &str) -> Option<String> {
        let ss = self.syntaxes();
        let syntax = ss.find_syntax_by_token(lang)?;
        let mut gen = ClassedHTMLGenerator::new_with_class_style(syntax, ss, CLASS_STYLE);
        for line in LinesWithEndings::from(code) {
            gen.parse_html_for_line_which_includes_newline(line).ok()?;
        }
        Some(gen.finalize())
    }

    /// The stylesheet for the classes [`Highlighter::highlight`] writes: light, and dark when
    /// the reader's system prefers it.
    pub(crate) fn stylesheet() -> String {
        let themes = ThemeSet::load_defaults();
        let light = themes
            .themes
            .get("InspiredGitHub")
            .and_then(|t| css_for_theme_with_class_style(t, CLASS_STYLE).ok());
        let dark = themes
            .themes
            .get("base16-ocean.dark")
            .and_then(|t| css_for_theme_with_class_style(t, CLASS_STYLE).ok());
        let mut css = light.unwrap_or_default();
        if let Some(dark) = dark {
            css.push_str("@media (prefers-color-scheme: dark) {\n");
            css.push_str(&dark);
            css.push_str("}\n");
        }
        css
    }
}

/// Replaces each code block by highlighted HTML. Runs after the callout and diagram passes,
/// which have taken their fences.
pub(super) fn highlight_code<'a>(
    events: Vec<Spanned<'a>>,
    highlighter: &Highlighter,
) -> Vec<Spanned<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut iter = events.into_iter();
    while let Some((event, range)) = iter.next() {
        let lang = match &event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                FenceInfo::parse(info).lang.to_string()
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => String::new(),
            _ => {
                out.push((event, range));
                continue;
            }
        };
        let mut code = String::new();
        for (e, _) in iter.by_ref() {
            match e {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => break,
                _ => {}
            }
        }
        let safe_lang: String = lang
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+'))
            .collect();
        let body = (!safe_lang.is_empty())
            .then(|| highlighter.highlight(&code, &safe_lang))
            .flatten();
        let html = match (body, safe_lang.is_empty()) {
            (Some(b), _) => format!("<pre class=\"code\" tabindex=\"0\" data-lang=\"{safe_lang}\"><code class=\"language-{safe_lang}\">{b}</code></pre>\n"),
            (None, false) => format!("<pre class=\"code\" tabindex=\"0\" data-lang=\"{safe_lang}\"><code class=\"language-{safe_lang}\">{}</code></pre>\n", escape(&code)),
            (None, true) => format!("<pre class=\"code\" tabindex=\"0\"><code>{}</code></pre>\n", escape(&code)),
        };
        out.push((Event::Html(CowStr::from(html)), range));
    }
    out
}
