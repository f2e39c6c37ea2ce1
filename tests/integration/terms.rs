//! Taxonomy terms in the reader's language (issue 16): `terms:` in site.yaml names each term
//! per language; term pages, term lists, badges and the technique filters show that name, and
//! addresses keep the ASCII slug.

use crate::support::SiteTest;

#[test]
fn term_pages_lists_badges_and_filters_name_terms_in_the_readers_language() {
    let t = SiteTest::example();
    t.build_ok();
    for (lang, theme, tag) in [
        ("fr", "Animation", "Analyse de problèmes"),
        ("ar", "التيسير", "تحليل المشكلات"),
        ("es", "Facilitación", "Análisis de problemas"),
    ] {
        // The term's page keeps its address and says its name.
        let term = t.main_of(&format!("{lang}/themes/facilitation/index.html"));
        assert!(term.contains(&format!("<h1>{theme}</h1>")), "{term}");
        // The taxonomy's list of terms.
        let list = t.main_of(&format!("{lang}/themes/index.html"));
        assert!(
            list.contains(&format!(
                r#"<a href="/{lang}/themes/facilitation/">{theme} "#
            )),
            "{list}"
        );
        // A page's term badges.
        let page = t.main_of(&format!("{lang}/techniques/problem-tree/index.html"));
        assert!(
            page.contains(&format!(
                r#"href="/{lang}/themes/facilitation/">{theme}</a>"#
            )),
            "{page}"
        );
        assert!(
            page.contains(&format!(
                r#"href="/{lang}/tags/problem-analysis/">{tag}</a>"#
            )),
            "{page}"
        );
        // The technique grid's theme filter: the slug as value, the name as label, and the
        // cards carry slugs so one filter address works in every language.
        let grid = t.main_of(&format!("{lang}/techniques/index.html"));
        assert!(
            grid.contains(&format!(r#"<option value="facilitation">{theme}</option>"#)),
            "{grid}"
        );
        assert!(
            grid.contains(r#"data-themes="facilitation|data-visualization""#),
            "{grid}"
        );
    }
    // English readers get the English name, not the slug.
    let en = t.main_of("themes/knowledge-management/index.html");
    assert!(en.contains("<h1>Knowledge management</h1>"), "{en}");
}

#[test]
fn a_term_name_in_a_language_the_site_lacks_is_an_error_at_its_line() {
    let t = SiteTest::new();
    t.file(
        "site.yaml",
        "title: T\nbase_url: https://t.org\nlanguages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\nterms:\n  themes:\n    water: {en: Water, fr: Eau, de: Wasser}\n  colours:\n    red: {en: Red}\n",
    )
    .file("content/_index.md", "---\ntitle: Home\n---\n");
    let errors = t.build_err();
    let messages: Vec<String> = errors.iter().map(|d| d.to_string()).collect();
    let de = errors
        .iter()
        .find(|d| d.message.contains("`de`"))
        .unwrap_or_else(|| panic!("{messages:?}"));
    assert_eq!(de.path.to_string_lossy(), "site.yaml");
    assert_eq!((de.line, de.col), (8, 33), "{de}");
    assert!(
        de.message.contains(
            "the name of themes term `water` is given in `de`, which is not a language of the site"
        ),
        "{de}"
    );
    let colours = errors
        .iter()
        .find(|d| d.message.contains("`colours`"))
        .unwrap_or_else(|| panic!("{messages:?}"));
    assert_eq!(colours.line, 9, "{colours}");
}
