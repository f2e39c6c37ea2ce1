//! Job fingerprints, for `lore serve`: a job is rendered again only when the fingerprint of its
//! inputs changed since the last rebuild; otherwise its previous output file stays.
//!
//! A job's fingerprint covers what `render_job` reads: the global inputs (configuration,
//! layouts, assets, resources), the site view of its language, the full content of the page(s)
//! it renders, and the *summary* (everything an [`super::EntryView`] shows, event upcoming/past
//! state included) of every page it shows beside them: translations, breadcrumbs, related pages,
//! backlinks, the parts of its guide, a list's entries, a term's pages. Lists of pages are hashed
//! in order, so a change of order is a change. Machine files (feeds, sitemap, calendars,
//! `api/pages.json`) hash every page's summary: they are cheap to render. Each part here mirrors
//! a part of the views in `context.rs`; a dependency missed would show as a difference in the
//! random-edit equivalence test (`tests/integration/incremental.rs`).

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::{jobs, render_selected, site_view, Job, JobOutput, Templates};
use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::fingerprint::Fingerprint;
use crate::output::Staging;
use crate::site::{PageId, Site};

use super::context::ViewContext;

/// What job fingerprints are made of besides the site graph.
pub struct RenderInputs<'a> {
    /// Everything every output depends on: configuration, layouts, assets, page resources.
    pub global: u64,
    /// Each page's own content (its source text and rendered Markdown), by page id.
    pub page_content: &'a [u64],
    /// Each page's [`page_summary`] when known (0 or missing: computed here), by page id.
    pub page_summary: &'a [u64],
}

/// The outputs of the last rebuild, by job fingerprint.
#[derive(Default)]
pub struct RenderMemo {
    outputs: HashMap<u64, JobOutput>,
}

impl RenderMemo {
    /// Every job's output.
    pub fn outputs(&self) -> impl Iterator<Item = &JobOutput> {
        self.outputs.values()
    }
}

/// The result of [`render_changed`].
pub struct RenderedChanges {
    /// Problems found while rendering.
    pub diagnostics: Vec<Diagnostic>,
    /// Every job's output after this rebuild.
    pub memo: RenderMemo,
    /// Jobs rendered (their fingerprint changed).
    pub rendered: usize,
    /// Output paths of the jobs not rendered again: their served files stay.
    pub kept: Vec<String>,
    /// Jobs in all.
    pub jobs: usize,
}

/// Renders the jobs whose fingerprint is not in `previous`, writing them through `staging`.
pub fn render_changed(
    site: &Site,
    templates: &Templates,
    staging: &Staging,
    now: DateTime<Utc>,
    inputs: &RenderInputs,
    previous: &RenderMemo,
) -> RenderedChanges {
    let jobs = jobs(site);
    let keys = Keys::new(site, now, inputs, templates);
    let fps: Vec<u64> = jobs.par_iter().map(|j| keys.job(j)).collect();
    let mut seen = HashMap::with_capacity(fps.len());
    let selected: Vec<usize> = (0..jobs.len())
        .filter(|&i| {
            // Two jobs with one fingerprint cannot be told apart: render both.
            let repeated = seen.insert(fps[i], i).is_some();
            repeated || !previous.outputs.contains_key(&fps[i])
        })
        .collect();
    let (diagnostics, outputs) = render_selected(site, templates, staging, now, &jobs, &selected);
    let rendered = outputs.len();
    let mut memo: HashMap<u64, JobOutput> = HashMap::with_capacity(jobs.len());
    let mut kept = Vec::new();
    for (fp, &first) in &seen {
        if let (Some(o), Err(_)) = (previous.outputs.get(fp), selected.binary_search(&first)) {
            kept.push(o.path.clone());
            memo.insert(*fp, o.clone());
        }
    }
    memo.extend(outputs.into_iter().map(|(i, o)| (fps[i], o)));
    RenderedChanges {
        diagnostics,
        memo: RenderMemo { outputs: memo },
        rendered,
        kept,
        jobs: jobs.len(),
    }
}

/// Per-page and per-language fingerprints, computed once per rebuild.
struct Keys<'a> {
    site: &'a Site,
    global: u64,
    /// What lists and neighbours show of each page.
    summary: Vec<u64>,
    /// Summary plus the page's own content.
    own: Vec<u64>,
    /// The `site` value layouts get, per language.
    site_views: BTreeMap<String, u64>,
    /// Every page's summary in each language (home pages show recent pages and events).
    languages: BTreeMap<String, u64>,
    /// Every page's summary.
    all: u64,
}

impl<'a> Keys<'a> {
    fn new(
        site: &'a Site,
        now: DateTime<Utc>,
        inputs: &RenderInputs,
        templates: &Templates,
    ) -> Self {
        let views = ViewContext::new(
            site,
            super::templates::base_path(&site.config.base_url),
            now,
        );
        let global = Fingerprint::new("global")
            .num(inputs.global)
            .num(templates.fingerprint())
            .finish();
        let summary: Vec<u64> = (0..site.pages.len())
            .into_par_iter()
            .map(|id| {
                let known = inputs.page_summary.get(id).copied().filter(|&s| s != 0);
                let summary = known.unwrap_or_else(|| page_summary(&site.pages[id]));
                with_event_state(&views, id, summary)
            })
            .collect();
        let own = (0..site.pages.len())
            .map(|id| {
                Fingerprint::new("own")
                    .num(summary[id])
                    .num(inputs.page_content.get(id).copied().unwrap_or(0))
                    .finish()
            })
            .collect();
        let site_views = site
            .config
            .languages
            .iter()
            .map(|l| {
                let f = Fingerprint::new("site").json(&site_view(&views, &l.code));
                (l.code.clone(), f.finish())
            })
            .collect();
        let languages = site
            .config
            .languages
            .iter()
            .map(|l| {
                let ids = (0..site.pages.len()).filter(|&i| site.pages[i].lang == l.code);
                let f = Fingerprint::new("language").nums(ids.map(|i| summary[i]));
                (l.code.clone(), f.finish())
            })
            .collect();
        let all = Fingerprint::new("all")
            .nums(summary.iter().copied())
            .finish();
        Self {
            site,
            global,
            summary,
            own,
            site_views,
            languages,
            all,
        }
    }

    fn summaries<'b>(&'b self, ids: &'b [PageId]) -> impl Iterator<Item = u64> + 'b {
        ids.iter().map(|&i| self.summary[i])
    }

    /// Everything `ViewContext::page` reads for page `id`.
    fn page_view(&self, id: PageId) -> u64 {
        let site = self.site;
        let mut f = Fingerprint::new("view")
            .num(self.own[id])
            .nums(self.summaries(&site.translations[id]))
            .nums(self.summaries(&site.ancestors(id)))
            .nums(self.summaries(&site.related[id]))
            .nums(self.summaries(&site.backlinks[id]));
        if let Some(book) = site.book_of(id) {
            let parts = site.book_parts(book);
            f = f
                .nums(self.summaries(&parts))
                .nums(parts.iter().map(|&i| site.rendered[i].word_count as u64));
            if id == book {
                // The front page collects every part's callouts.
                f = f.nums(parts.iter().map(|&i| self.own[i]));
            }
        }
        f.finish()
    }

    fn job(&self, job: &Job) -> u64 {
        let site = self.site;
        let lang_of = |id: PageId| self.site_views[&site.pages[id].lang];
        let f = Fingerprint::new("job").num(self.global);
        match job {
            Job::Page(id) => f.text("page").num(lang_of(*id)).num(self.page_view(*id)),
            Job::List { section, number } => {
                let p = &site.pages[*section];
                let s = site.sections.get(section);
                let mut f = f
                    .text("list")
                    .num(lang_of(*section))
                    .num(self.page_view(*section))
                    .num(*number as u64)
                    .nums(self.summaries(s.map_or(&[], |s| s.entries.as_slice())))
                    .nums(self.summaries(s.map_or(&[], |s| s.subsections.as_slice())));
                if p.logical_path.is_empty() {
                    // Home pages show the language's recent pages and upcoming events.
                    f = f.num(self.languages.get(&p.lang).copied().unwrap_or(0));
                }
                f
            }
            Job::TaxonomyIndex(t) => {
                let tax = &site.taxonomies[*t];
                tax.terms.iter().fold(
                    f.text("taxonomy")
                        .num(self.site_views[&tax.lang])
                        .text(&tax.name)
                        .text(&tax.url),
                    |f, term| {
                        f.text(&term.name)
                            .text(&term.url)
                            .num(term.pages.len() as u64)
                    },
                )
            }
            Job::Term(t, i) => {
                let tax = &site.taxonomies[*t];
                let term = &tax.terms[*i];
                f.text("term")
                    .num(self.site_views[&tax.lang])
                    .text(&tax.name)
                    .text(&tax.url)
                    .text(&term.name)
                    .text(&term.url)
                    .nums(self.summaries(&term.pages))
            }
            Job::NotFound(l) => f.text("404").num(self.language_view(*l)),
            Job::Search(l) => f.text("search").num(self.language_view(*l)),
            Job::PrintBook(book) => f.text("print").num(lang_of(*book)).nums(
                site.book_parts(*book)
                    .into_iter()
                    .map(|i| self.page_view(i)),
            ),
            Job::Alias { from, to } => f.text("alias").text(from).text(&site.pages[*to].url),
            Job::Machine(m) => f.text("machine").text(&format!("{m:?}")).num(self.all),
        }
        .finish()
    }

    fn language_view(&self, l: usize) -> u64 {
        let code = &self.site.config.languages[l].code;
        Fingerprint::new("language view")
            .text(code)
            .num(self.site_views[code])
            .finish()
    }
}

/// What lists and neighbours show of a page: an `EntryView`, and the title and URL that
/// breadcrumbs, guide parts and translations show. It depends on the page alone, so `lore serve`
/// keeps it with the parsed page.
pub fn page_summary(p: &Page) -> u64 {
    Fingerprint::new("summary")
        .text(&p.url)
        .text(&p.lang)
        .text(&p.type_name)
        .text(&p.title)
        .text(&p.description)
        .text(&p.logical_path)
        .text(&p.translation_key)
        .text(&p.source.to_string_lossy())
        .json(&p.date.map(|d| d.to_string()))
        .json(&p.updated.map(|d| d.to_string()))
        .json(&p.weight)
        .json(&p.sort_by)
        .json(&p.aliases)
        .json(&p.taxonomies)
        .json(&p.fields)
        .num(u64::from(p.is_section) | u64::from(p.generated) << 1 | u64::from(p.draft) << 2)
        .finish()
}

/// A page's summary with whether an event is still upcoming at `now`: that changes with time
/// alone.
fn with_event_state(views: &ViewContext, id: PageId, summary: u64) -> u64 {
    if views.site.pages[id].field("start").is_none() {
        return summary;
    }
    let state = match views.entry(id).event {
        Some(e) if e.upcoming => 2,
        Some(_) => 1,
        None => 0,
    };
    Fingerprint::new("event").num(summary).num(state).finish()
}
