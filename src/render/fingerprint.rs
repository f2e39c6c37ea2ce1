//! Job fingerprints, for `lore serve`: a job is rendered again only when the fingerprint of its
//! inputs changed since the last rebuild; otherwise its previous output file stays.
//!
//! A job's fingerprint covers what `render_job` reads: the global inputs (configuration,
//! layouts, assets, resources), the site view of its language, the full content of the page(s)
//! it renders, and the *summary* (everything an [`super::EntryView`] shows, event upcoming/past
//! state included) of every page it shows beside them: translations, breadcrumbs, related pages,
//! backlinks, the parts of its guide, a list's entries, a term's pages. Lists of pages are hashed
//! in order, so a change of order is a change. Machine files hash what they show
//! (`Keys::machine`): a feed its latest entries, the sitemap every page's address, date and
//! translations (not titles), a calendar its events, `api/pages.json` every page's summary,
//! `robots.txt` the configuration alone. A list page hashes the entries it shows (the first page all of them, for the
//! upcoming events it heads the list with), so a title change renders one page of a long list
//! again, not all of them. Each part here mirrors a part of the views in `context.rs`; a
//! dependency missed would show as a difference in the random-edit equivalence test
//! (`tests/integration/incremental.rs`).
//!
//! [`render_patched`] is the fast path for an edit of page bodies that leaves every page's
//! summary, and so the site's structure and job list, as they were: it recomputes the
//! fingerprints of only the jobs that show a changed page's own content (the page, its list
//! pages, its guide's parts and print view) or a changed backlink list, and keeps the others'.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::machine::{self, MachineFile};
use super::{jobs, render_selected, site_view, Job, JobOutput, Templates};
use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::fingerprint::Fingerprint;
use crate::output::Staging;
use crate::site::{PageId, Site};

use super::context::ViewContext;

/// What job fingerprints are made of besides the site graph.
pub(crate) struct RenderInputs<'a> {
    /// Everything every output depends on: configuration, layouts, assets, page resources.
    pub global: u64,
    /// Each page's own content (its source text and rendered Markdown), by page id.
    pub page_content: &'a [u64],
    /// Each page's [`page_summary`] when known (0 or missing: computed here), by page id.
    pub page_summary: &'a [u64],
}

/// The outputs of the last rebuild, by job fingerprint.
#[derive(Default)]
pub(crate) struct RenderMemo {
    outputs: HashMap<u64, JobOutput>,
    /// The last rebuild's jobs, their fingerprints and keys, for [`render_patched`].
    last: Option<LastRender>,
}

/// What [`render_patched`] starts from.
struct LastRender {
    jobs: Vec<Job>,
    fps: Vec<u64>,
    keys: KeyData,
    /// The first moment an event shown as upcoming becomes past (`None`: no upcoming event);
    /// until then no page's event state can have changed.
    stable_until: Option<DateTime<Utc>>,
}

impl RenderMemo {
    /// Every job's output.
    pub(crate) fn outputs(&self) -> impl Iterator<Item = &JobOutput> {
        self.outputs.values()
    }

    /// True when [`render_patched`] can start from this memo at `now`.
    pub(crate) fn patchable(&self, now: DateTime<Utc>) -> bool {
        self.last
            .as_ref()
            .is_some_and(|l| l.stable_until.is_none_or(|t| now <= t))
    }

    /// Every asset referenced by an output once `patch` is applied.
    pub(crate) fn referenced_after(&self, patch: &PatchedRender) -> BTreeSet<String> {
        let replaced: std::collections::HashSet<u64> = patch.old_fps.iter().copied().collect();
        self.outputs
            .iter()
            .filter(|(fp, _)| !replaced.contains(fp))
            .map(|(_, o)| o)
            .chain(patch.new_outputs.iter().map(|(_, _, o)| o))
            .flat_map(|o| o.assets.iter().cloned())
            .collect()
    }

    /// Takes in a patch once the rebuild it belongs to succeeded.
    pub(crate) fn apply(&mut self, patch: PatchedRender) {
        let Some(last) = self.last.as_mut() else {
            return;
        };
        for fp in &patch.old_fps {
            self.outputs.remove(fp);
        }
        for (i, fp, o) in patch.new_outputs {
            last.fps[i] = fp;
            self.outputs.insert(fp, o);
        }
        last.keys = patch.keys;
    }
}

/// The result of [`render_changed`].
pub(crate) struct RenderedChanges {
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
pub(crate) fn render_changed(
    site: &Site,
    templates: &Templates,
    staging: &Staging,
    now: DateTime<Utc>,
    inputs: &RenderInputs,
    previous: &RenderMemo,
) -> RenderedChanges {
    let jobs = jobs(site);
    let (keys, stable_until) = Keys::new(site, now, inputs, templates);
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
    let count = jobs.len();
    RenderedChanges {
        diagnostics,
        memo: RenderMemo {
            outputs: memo,
            last: Some(LastRender {
                jobs,
                fps,
                keys: keys.data,
                stable_until,
            }),
        },
        rendered,
        kept,
        jobs: count,
    }
}

/// The result of [`render_patched`], to be applied to the memo ([`RenderMemo::apply`]) once
/// the rebuild succeeded.
pub(crate) struct PatchedRender {
    /// Problems found while rendering.
    pub diagnostics: Vec<Diagnostic>,
    /// Jobs rendered.
    pub rendered: usize,
    /// Jobs in all.
    pub jobs: usize,
    /// True when a job rendered again wrote another file than before, or referenced other
    /// assets: the caller must then bring the assets (or everything) up to date.
    pub paths_changed: bool,
    /// True when some job rendered again references other assets than before.
    pub assets_changed: bool,
    /// Fingerprints replaced, and each job's new fingerprint and output.
    old_fps: Vec<u64>,
    new_outputs: Vec<(usize, u64, JobOutput)>,
    keys: KeyData,
}

/// The fast path for an edit that changed the own content (source text, rendered Markdown) of
/// the pages `content` and the backlink lists of the pages `backlinks`, and nothing else: no
/// page's summary, no page added or removed, no layout, asset or configuration. Renders, through
/// `staging`, only the jobs whose fingerprint changed among those that show these pages.
/// `None` when `previous` cannot be patched (see [`RenderMemo::patchable`]) or the global inputs
/// changed: the caller then takes [`render_changed`].
#[allow(clippy::too_many_arguments)]
pub(crate) fn render_patched(
    site: &Site,
    templates: &Templates,
    staging: &Staging,
    now: DateTime<Utc>,
    inputs: &RenderInputs,
    previous: &RenderMemo,
    content: &[PageId],
    backlinks: &[PageId],
) -> Option<PatchedRender> {
    if !previous.patchable(now) {
        return None;
    }
    let last = previous.last.as_ref()?;
    if last.keys.global != global_key(inputs, templates) || last.keys.own.len() != site.pages.len()
    {
        return None;
    }
    let mut data = last.keys.clone();
    for &id in content {
        data.own[id] = own_key(data.summary[id], inputs.page_content.get(id).copied());
    }
    let keys = Keys { site, data };
    // The pages whose view (`Keys::page_view`) changed: the pages themselves, the parts of
    // their guides (word counts, and the front page's collected callouts), and the pages
    // whose backlinks changed.
    let mut viewed: BTreeSet<PageId> = content.iter().chain(backlinks).copied().collect();
    for &id in content {
        if let Some(book) = site.book_of(id) {
            viewed.extend(site.book_parts(book));
        }
    }
    let books: BTreeSet<PageId> = viewed.iter().filter_map(|&i| site.book_of(i)).collect();
    let mut changed = Vec::new();
    for (i, job) in last.jobs.iter().enumerate() {
        let shows = match job {
            Job::Page(id) | Job::List { section: id, .. } => viewed.contains(id),
            Job::PrintBook(book) => books.contains(book),
            Job::Slides(id) => viewed.contains(id),
            Job::Epub(guide) => viewed.contains(guide) || books.contains(guide),
            // A deck shows its cards' own text.
            Job::CardDeck(section) => site
                .sections
                .get(section)
                .is_some_and(|s| s.entries.iter().any(|e| viewed.contains(e))),
            _ => false,
        };
        if shows {
            let fp = keys.job(job);
            if fp != last.fps[i] {
                changed.push((i, fp));
            }
        }
    }
    let selected: Vec<usize> = changed
        .iter()
        .filter(|(_, fp)| !previous.outputs.contains_key(fp))
        .map(|&(i, _)| i)
        .collect();
    let (diagnostics, outputs) =
        render_selected(site, templates, staging, now, &last.jobs, &selected);
    let rendered = outputs.len();
    let mut outputs: HashMap<usize, JobOutput> = outputs.into_iter().collect();
    let (mut paths_changed, mut assets_changed) = (false, false);
    let mut old_fps = Vec::new();
    let mut new_outputs = Vec::new();
    for (i, fp) in changed {
        let old = previous.outputs.get(&last.fps[i]);
        let Some(new) = outputs
            .remove(&i)
            .or_else(|| previous.outputs.get(&fp).cloned())
        else {
            // Not rendered: an error, which the diagnostics report.
            continue;
        };
        paths_changed |= old.is_none_or(|o| o.path != new.path);
        assets_changed |= old.is_none_or(|o| o.assets != new.assets);
        old_fps.push(last.fps[i]);
        new_outputs.push((i, fp, new));
    }
    Some(PatchedRender {
        diagnostics,
        rendered,
        jobs: last.jobs.len(),
        paths_changed,
        assets_changed,
        old_fps,
        new_outputs,
        keys: keys.data,
    })
}

fn global_key(inputs: &RenderInputs, templates: &Templates) -> u64 {
    Fingerprint::new("global")
        .num(inputs.global)
        .num(templates.fingerprint())
        .finish()
}

fn own_key(summary: u64, content: Option<u64>) -> u64 {
    Fingerprint::new("own")
        .num(summary)
        .num(content.unwrap_or(0))
        .finish()
}

/// Per-page and per-language fingerprints, computed once per rebuild.
struct Keys<'a> {
    site: &'a Site,
    data: KeyData,
}

/// The fingerprints [`Keys`] computes, kept for [`render_patched`].
#[derive(Clone)]
struct KeyData {
    global: u64,
    /// What lists and neighbours show of each page.
    summary: Vec<u64>,
    /// Summary plus the page's own content.
    own: Vec<u64>,
    /// What a list's filters show of each page ([`page_facets`]).
    facets: Vec<u64>,
    /// The `site` value layouts get, per language.
    site_views: BTreeMap<String, u64>,
    /// Every page's summary in each language (home pages show recent pages and events).
    languages: BTreeMap<String, u64>,
    /// Every page's summary.
    all: u64,
}

impl<'a> Keys<'a> {
    /// The keys, and until when the event states they hold stay true (`None`: forever).
    fn new(
        site: &'a Site,
        now: DateTime<Utc>,
        inputs: &RenderInputs,
        templates: &Templates,
    ) -> (Self, Option<DateTime<Utc>>) {
        let views = ViewContext::new(
            site,
            super::templates::base_path(&site.config.base_url),
            now,
        );
        let global = global_key(inputs, templates);
        let (summary, until): (Vec<u64>, Vec<Option<DateTime<Utc>>>) = (0..site.pages.len())
            .into_par_iter()
            .map(|id| {
                let known = inputs.page_summary.get(id).copied().filter(|&s| s != 0);
                let summary = known.unwrap_or_else(|| page_summary(&site.pages[id]));
                with_event_state(&site.pages[id], now, summary)
            })
            .unzip();
        let stable_until = until.into_iter().flatten().min();
        let own = (0..site.pages.len())
            .map(|id| own_key(summary[id], inputs.page_content.get(id).copied()))
            .collect();
        let facets = site.pages.par_iter().map(page_facets).collect();
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
        let data = KeyData {
            global,
            summary,
            own,
            facets,
            site_views,
            languages,
            all,
        };
        (Self { site, data }, stable_until)
    }

    fn summaries<'b>(&'b self, ids: &'b [PageId]) -> impl Iterator<Item = u64> + 'b {
        ids.iter().map(|&i| self.data.summary[i])
    }

    /// Everything `ViewContext::page` reads for page `id`.
    fn page_view(&self, id: PageId) -> u64 {
        let site = self.site;
        let mut f = Fingerprint::new("view")
            .num(self.data.own[id])
            .nums(self.summaries(&site.translations[id]))
            .nums(self.summaries(&site.ancestors(id)))
            .nums(self.summaries(&site.related[id]))
            .nums(self.summaries(&site.backlinks[id]))
            // The profiles of its authors, and on an author's page what they contributed.
            .nums(self.summaries(&site.authors_of(id)));
        if site.pages[id].type_name == crate::schema::AUTHOR_TYPE {
            let lang = &site.pages[id].lang;
            f = f.nums(self.summaries(&site.contributions(lang, site.author_slug(id))));
        }
        if let Some(book) = site.book_of(id) {
            let parts = site.book_parts(book);
            f = f
                .nums(self.summaries(&parts))
                .nums(parts.iter().map(|&i| site.rendered[i].word_count as u64))
                // A course lists each lesson's number of self-checks.
                .nums(parts.iter().map(|&i| site.rendered[i].selfchecks as u64));
            if id == book {
                // The front page collects every part's callouts.
                f = f.nums(parts.iter().map(|&i| self.data.own[i]));
            }
        }
        f.finish()
    }

    fn job(&self, job: &Job) -> u64 {
        let site = self.site;
        let d = &self.data;
        let lang_of = |id: PageId| d.site_views[&site.pages[id].lang];
        let f = Fingerprint::new("job").num(d.global);
        match job {
            Job::Page(id) => f.text("page").num(lang_of(*id)).num(self.page_view(*id)),
            Job::List { section, number } => {
                let p = &site.pages[*section];
                let s = site.sections.get(section);
                // What the list shows: its entries and the untranslated pages of the default
                // language after them (`Site::list_entries`), `per_page` of them on each page.
                let listed = site.list_entries(*section);
                let per = site.config.per_page;
                let shown = if *number == 1 {
                    // The first page also heads the list with its upcoming events, which may
                    // be anywhere in it.
                    &listed[..]
                } else {
                    let start = ((number - 1) * per).min(listed.len());
                    &listed[start..(start + per).min(listed.len())]
                };
                let own = s.map_or(&[][..], |s| s.entries.as_slice());
                let mut f = f
                    .text("list")
                    .num(lang_of(*section))
                    .num(self.page_view(*section))
                    .num(*number as u64)
                    // The pagination: how many pages there are.
                    .num(listed.len().div_ceil(per) as u64)
                    .nums(self.summaries(shown))
                    .nums(self.summaries(s.map_or(&[], |s| s.subsections.as_slice())))
                    // The filters every page shows, made of the list's own pages' themes and
                    // fields.
                    .nums(own.iter().map(|&i| d.facets[i]));
                if p.logical_path.is_empty() {
                    // Home pages show the language's recent pages and upcoming events.
                    f = f.num(d.languages.get(&p.lang).copied().unwrap_or(0));
                }
                f
            }
            Job::TaxonomyIndex(t) => {
                let tax = &site.taxonomies[*t];
                tax.terms.iter().fold(
                    f.text("taxonomy")
                        .num(d.site_views[&tax.lang])
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
                let f = f
                    .text("term")
                    .num(d.site_views[&tax.lang])
                    .text(&tax.name)
                    .text(&tax.url)
                    .text(&term.name)
                    .text(&term.url)
                    .nums(self.summaries(&term.pages));
                if tax.name != crate::site::AUTHORS {
                    return f.finish();
                }
                // A person without a page in this language: the default language's profile.
                f.nums(self.summaries(&site.contributions(&tax.lang, &term.slug)))
                    .nums(
                        site.author_profile(&tax.lang, &term.slug)
                            .map(|a| d.summary[a]),
                    )
            }
            Job::NotFound(l) => f.text("404").num(self.language_view(*l)),
            Job::Search(l) => f.text("search").num(self.language_view(*l)),
            Job::Offline(l) => f.text("offline").num(self.language_view(*l)),
            Job::PrintBook(book) => f.text("print").num(lang_of(*book)).nums(
                site.book_parts(*book)
                    .into_iter()
                    .map(|i| self.page_view(i)),
            ),
            Job::CardDeck(section) => f
                .text("deck")
                .num(lang_of(*section))
                .num(self.page_view(*section))
                .nums(
                    site.sections
                        .get(section)
                        .map_or(&[][..], |s| s.entries.as_slice())
                        .iter()
                        .map(|&i| self.page_view(i)),
                ),
            Job::Slides(id) => f.text("slides").num(lang_of(*id)).num(self.page_view(*id)),
            // What an EPUB holds: each part's own content, in order (its pictures, attachments
            // and strings are global inputs). Its front page's view covers the same, so the
            // size it shows is never stale.
            Job::Epub(guide) => f.text("epub").num(lang_of(*guide)).nums(
                crate::render::epub::parts(site, *guide)
                    .into_iter()
                    .map(|i| d.own[i]),
            ),
            Job::Alias { from, to } => f.text("alias").text(from).text(&site.pages[*to].url),
            Job::Machine(m) => self.machine(f.text("machine").text(&format!("{m:?}")), m),
        }
        .finish()
    }

    /// What machine file `m` shows besides the global inputs.
    fn machine(&self, f: Fingerprint, m: &MachineFile) -> Fingerprint {
        let site = self.site;
        let d = &self.data;
        match m {
            // The configuration's base URL alone.
            MachineFile::Robots => f,
            // Each page's address, date and translations' addresses and languages, not titles.
            MachineFile::Sitemap => {
                site.pages
                    .iter()
                    .enumerate()
                    .fold(f.num(site.pages.len() as u64), |f, (id, p)| {
                        let f = f
                            .text(&p.url)
                            .text(&p.lang)
                            .json(&p.updated.or(p.date).map(|d| d.to_string()));
                        let t = &site.translations[id];
                        if t.len() > 1 {
                            f.nums(t.iter().map(|&t| t as u64))
                        } else {
                            f.num(0)
                        }
                    })
            }
            // The latest entries it shows, and its section's title and address.
            MachineFile::Feed { lang, section } => f
                .text(lang)
                .num(section.map_or(0, |s| d.summary[s]))
                .nums(self.summaries(&machine::feed_entries(site, lang, *section))),
            MachineFile::Calendar(lang) => f
                .text(lang)
                .nums(self.summaries(&machine::calendar_events(site, lang))),
            MachineFile::Event(id) => f.num(d.summary[*id]),
            // Every page's title, description, dates, terms and translations.
            MachineFile::Api => f.num(d.all),
        }
    }

    fn language_view(&self, l: usize) -> u64 {
        let code = &self.site.config.languages[l].code;
        Fingerprint::new("language view")
            .text(code)
            .num(self.data.site_views[code])
            .finish()
    }
}

/// What lists and neighbours show of a page: an `EntryView`, and the title and URL that
/// breadcrumbs, guide parts and translations show. It depends on the page alone, so `lore serve`
/// keeps it with the parsed page.
pub(crate) fn page_summary(p: &Page) -> u64 {
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
        .json(&*p.fields)
        .num(u64::from(p.is_section) | u64::from(p.generated) << 1 | u64::from(p.draft) << 2)
        .finish()
}

/// What the filters of a list (`render::facets`) show of a page: its themes, difficulty and
/// group size. It is part of the page's summary, so the fast path, which keeps every summary,
/// keeps it too.
fn page_facets(p: &Page) -> u64 {
    Fingerprint::new("facets")
        .json(&p.taxonomies.get("themes"))
        .json(&p.field("difficulty"))
        .json(&p.field("group_size"))
        .finish()
}

/// A page's summary with whether an event is still upcoming at `now` (that changes with time
/// alone), and until when it is, for an upcoming event.
fn with_event_state(p: &Page, now: DateTime<Utc>, summary: u64) -> (u64, Option<DateTime<Utc>>) {
    if p.field("start").is_none() {
        return (summary, None);
    }
    let until = super::context::upcoming_until(p);
    let state = match until {
        Some(t) if t >= now => 2,
        Some(_) => 1,
        None => 0,
    };
    let summary = Fingerprint::new("event").num(summary).num(state).finish();
    (summary, until.filter(|&t| t >= now))
}
