//! Related pages: those sharing the most tags and themes with a page.
//!
//! A naive pairwise comparison is quadratic in the number of pages. Instead each page looks only
//! at the pages that share a term with it, and for a common term (a theme carried by thousands of
//! pages) only at a window of its nearest neighbours in that term's list (ordered by date), so the
//! cost is linear in the number of pages times their terms.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::content::Page;

use super::PageId;

/// How many pages of one term's list a page looks at, around its own position.
const WINDOW: usize = 48;

/// Up to `limit` related pages for each page, best first.
pub fn related_pages(pages: &[Page], limit: usize) -> Vec<Vec<PageId>> {
    let eligible = |p: &Page| !(p.generated || p.is_section && p.depth() <= 1);
    let mut postings: HashMap<(&str, &str, String), Vec<PageId>> = HashMap::new();
    for (id, p) in pages.iter().enumerate().filter(|(_, p)| eligible(p)) {
        for tax in ["tags", "themes"] {
            for term in p.taxonomies.get(tax).into_iter().flatten() {
                postings
                    .entry((p.lang.as_str(), tax, term.to_lowercase()))
                    .or_default()
                    .push(id);
            }
        }
    }
    for list in postings.values_mut() {
        list.sort_by(|&a, &b| pages[b].date.cmp(&pages[a].date).then(a.cmp(&b)));
    }
    let positions: HashMap<(&str, &str, String, PageId), usize> = postings
        .iter()
        .flat_map(|(k, list)| {
            list.iter()
                .enumerate()
                .map(move |(pos, &id)| ((k.0, k.1, k.2.clone(), id), pos))
        })
        .collect();
    pages
        .par_iter()
        .enumerate()
        .map(|(id, p)| {
            if !eligible(p) {
                return Vec::new();
            }
            let mut scores: HashMap<PageId, u32> = HashMap::new();
            for (tax, weight) in [("tags", 2), ("themes", 1)] {
                for term in p.taxonomies.get(tax).into_iter().flatten() {
                    let key = (p.lang.as_str(), tax, term.to_lowercase());
                    let Some(list) = postings.get(&key) else {
                        continue;
                    };
                    let pos = positions[&(key.0, key.1, key.2.clone(), id)];
                    let lo = pos.saturating_sub(WINDOW / 2);
                    let hi = (lo + WINDOW).min(list.len());
                    for &other in &list[lo..hi] {
                        if other != id {
                            *scores.entry(other).or_default() += weight;
                        }
                    }
                }
            }
            let mut ranked: Vec<(PageId, u32)> = scores.into_iter().collect();
            ranked.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then_with(|| pages[b.0].date.cmp(&pages[a.0].date))
                    .then(a.0.cmp(&b.0))
            });
            ranked.into_iter().take(limit).map(|(id, _)| id).collect()
        })
        .collect()
}
