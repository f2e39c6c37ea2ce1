//! Related pages: those sharing the most tags and themes with a page.
//!
//! A naive pairwise comparison is quadratic in the number of pages. Instead each page looks only
//! at the pages that share a term with it, and for a common term (a theme carried by thousands of
//! pages) only at a window of its nearest neighbours in that term's list (ordered by date), so the
//! cost is linear in the number of pages times their terms. Terms are numbered once, so the
//! per-page work is on integers, and pages are scored in parallel: `lore serve` rebuilds the
//! site graph on every change.

use std::collections::HashMap;

use chrono::NaiveDate;

use rayon::prelude::*;

use crate::content::Page;

use super::PageId;

/// How many pages of one term's list a page looks at, around its own position.
const WINDOW: usize = 48;

/// Up to `limit` related pages for each page, best first.
pub(super) fn related_pages(pages: &[Page], limit: usize) -> Vec<Vec<PageId>> {
    let eligible = |p: &Page| !(p.generated || p.is_section && p.depth() <= 1);
    // Dates apart from the pages: they are compared millions of times.
    let dates: Vec<Option<NaiveDate>> = pages.iter().map(|p| p.date).collect();
    let newest_first = |a: PageId, b: PageId| dates[b].cmp(&dates[a]).then(a.cmp(&b));
    // Each page's terms as (term number, weight, position in the term's list); a term is a
    // (language, taxonomy, lower-case name) triple.
    let mut numbers: HashMap<(&str, &str, String), usize> = HashMap::new();
    let mut postings: Vec<Vec<PageId>> = Vec::new();
    let mut terms: Vec<Vec<(usize, u32, usize)>> = vec![Vec::new(); pages.len()];
    for (id, p) in pages.iter().enumerate().filter(|(_, p)| eligible(p)) {
        for (tax, weight) in [("tags", 2), ("themes", 1)] {
            for term in p.taxonomies.get(tax).into_iter().flatten() {
                let next = numbers.len();
                let n = *numbers
                    .entry((p.lang.as_str(), tax, term.to_lowercase()))
                    .or_insert(next);
                if n == postings.len() {
                    postings.push(Vec::new());
                }
                postings[n].push(id);
                terms[id].push((n, weight, 0));
            }
        }
    }
    postings
        .par_iter_mut()
        .for_each(|list| list.sort_by(|&a, &b| newest_first(a, b)));
    for (n, list) in postings.iter().enumerate() {
        for (pos, &id) in list.iter().enumerate() {
            if let Some(t) = terms[id].iter_mut().find(|t| t.0 == n) {
                t.2 = pos;
            }
        }
    }
    // Scores go into one array per thread, indexed by page: no hashing, no sorting of hits.
    (0..pages.len())
        .into_par_iter()
        .map_init(
            || (vec![0u32; pages.len()], Vec::new()),
            |(scores, touched), id| {
                for &(n, weight, pos) in &terms[id] {
                    let list = &postings[n];
                    let lo = pos.saturating_sub(WINDOW / 2);
                    let hi = (lo + WINDOW).min(list.len());
                    for &other in &list[lo..hi] {
                        if other != id {
                            if scores[other] == 0 {
                                touched.push(other);
                            }
                            scores[other] += weight;
                        }
                    }
                }
                // Best first: higher score, then newer, then earlier id.
                let better = |a: PageId, b: PageId| {
                    scores[b].cmp(&scores[a]).then_with(|| newest_first(a, b))
                };
                let mut best: Vec<PageId> = Vec::with_capacity(limit + 1);
                for &other in touched.iter() {
                    let at = best.partition_point(|&b| better(b, other).is_lt());
                    if at < limit {
                        best.insert(at, other);
                        best.truncate(limit);
                    }
                }
                for &other in touched.iter() {
                    scores[other] = 0;
                }
                touched.clear();
                best
            },
        )
        .collect()
}
