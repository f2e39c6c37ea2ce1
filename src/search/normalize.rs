//! Folding, the first step of search analysis: what makes `Évènement`, `EVENEMENT` and
//! `évènement` one word, and the Arabic spellings of a word one spelling.
//!
//! The browser applies the same steps to the reader's query (`fold` in
//! `assets/search/analyze.mjs`: `normalize('NFKD')`, `toLowerCase()`, marks dropped, the same
//! letter map), and `tests/js/vectors/analysis.json` holds the outputs both sides must agree on.
//! The order is fixed: compatibility decomposition, lowercase, drop every combining mark
//! (`General_Category=Mark`: accents, Arabic harakat, the hamza written above or below alef,
//! waw and yeh), then the letter map below.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Appends the folded form of `text` to `out`.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        decompose_compatible(c, |d| {
            for l in d.to_lowercase() {
                if !is_combining_mark(l) {
                    if let Some(m) = map_letter(l) {
                        out.push(m);
                    }
                }
            }
        });
    }
}

/// The folded form of `text`.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Letters that fold to another letter (`Some`) or vanish (`None`): alef variants to bare
/// alef, ta marbuta to ha, alef maqsura to ya, tatweel removed, Arabic-Indic digits to ASCII,
/// final sigma to sigma (full case folding).
fn map_letter(c: char) -> Option<char> {
    Some(match c {
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => '\u{0627}',
        '\u{0629}' => '\u{0647}',
        '\u{0649}' => '\u{064A}',
        '\u{0640}' => return None,
        '\u{0660}'..='\u{0669}' => digit(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => digit(c as u32 - 0x06F0),
        'ς' => 'σ',
        _ => c,
    })
}

fn digit(n: u32) -> char {
    char::from_digit(n, 10).unwrap_or('0')
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Évènement à Cañete"), "evenement a canete");
        assert_eq!(fold("ÀÉÎÕÜ ÇÑ"), "aeiou cn");
        assert_eq!(fold("Straße"), "straße");
    }

    #[test]
    fn folds_compatibility_forms() {
        assert_eq!(fold("ﬁnal ①"), "final 1");
        assert_eq!(fold("ＦＵＬＬ"), "full");
    }

    #[test]
    fn normalises_arabic_letters() {
        // alef with hamza above/below, madda, wasla -> bare alef
        assert_eq!(fold("أحمد إبراهيم آمال ٱلكتاب"), "احمد ابراهيم امال الكتاب");
        // ta marbuta -> ha, alef maqsura -> ya
        assert_eq!(fold("مدرسة مستشفى"), "مدرسه مستشفي");
        // tatweel and harakat vanish
        assert_eq!(fold("كـــتاب كِتَابٌ"), "كتاب كتاب");
        // digits
        assert_eq!(fold("٢٠٢٤ ۱۲"), "2024 12");
    }

    #[test]
    fn folds_hamza_seats_and_every_haraka() {
        // hamza on waw and on yeh (precomposed or as a combining mark) sit on their letter
        assert_eq!(fold("مسؤول هيئة"), "مسوول هييه");
        assert_eq!(fold("\u{0648}\u{0654} \u{064A}\u{0654}"), "و ي");
        // fatha, damma, kasra, the three tanween, shadda, sukun, dagger alef
        assert_eq!(fold("مَسْؤُولِيَّةٌ مَعْرِفَةً عِلْمٍ رَحْمٰن"), "مسووليه معرفه علم رحمن");
    }

    /// What "finds the same pages" rests on: every way of writing an Arabic word gives the
    /// index term its plain spelling gives (fold, then tokenize, then stem).
    #[test]
    fn arabic_spelling_variants_give_one_index_term() {
        let analyzer = crate::search::stem::Analyzer::for_language("ar");
        let terms = |text: &str| -> Vec<String> {
            let folded = fold(text);
            crate::search::tokenize::tokenize(&folded)
                .into_iter()
                .filter_map(|t| analyzer.term(t).map(|t| t.into_owned()))
                .collect()
        };
        for (plain, variants) in [
            (
                "المعرفة",
                &["المعرفه", "المَعْرِفَة", "ٱلمعرفة", "المعـــرفة"][..],
            ),
            ("الأسئلة", &["الاسئلة", "الإسئلة", "الأَسْئِلَة", "الاسيله"]),
            ("مسؤولية", &["مسوولية", "مَسْؤُولِيَّة", "مسؤوليه"]),
            ("آثار", &["أثار", "اثار", "آثَار"]),
            ("الفعاليات", &["الفعاليّات", "الفَعَالِيَّات"]),
        ] {
            let want = terms(plain);
            assert_eq!(want.len(), 1, "{plain}: {want:?}");
            for v in variants {
                assert_eq!(terms(v), want, "{v} and {plain}");
            }
        }
    }

    #[test]
    fn folds_final_sigma() {
        assert_eq!(fold("ΟΔΟΣ οδος"), "οδοσ οδοσ");
    }
}
