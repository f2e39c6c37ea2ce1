//! Rendering: every output of the site graph as a job (a page, one page of a section list, a
//! taxonomy page, a redirect, the sitemap...), rendered in parallel and written through the
//! staging folder. Each job writes its own file, so the result does not depend on the order
//! threads finish in.

mod authors;
pub(crate) mod built_links;
pub(crate) mod context;
pub(crate) mod course;
pub(crate) mod dates;
pub(crate) mod epub;
pub(crate) mod fingerprint;
mod home;
mod machine;
pub(crate) mod overrides;
pub(crate) mod print;
pub mod templates;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use minijinja::Value;
use rayon::prelude::*;
use serde::Serialize;

use crate::config::Direction;
use crate::diagnostics::{Diagnostic, Kind};
use crate::output::Staging;
use crate::site::{PageId, Site};
use context::{EntryView, Link, ViewContext};
pub(crate) use templates::Templates;

/// One output of the site.
#[derive(Clone, Debug)]
enum Job {
    Page(PageId),
    List {
        section: PageId,
        number: usize,
    },
    TaxonomyIndex(usize),
    Term(usize, usize),
    NotFound(usize),
    Search(usize),
    Offline(usize),
    PrintBook(PageId),
    Slides(PageId),
    CardDeck(PageId),
    /// A guide's EPUB (`crate::epub`).
    Epub(PageId),
    Alias {
        from: String,
        to: PageId,
    },
    Machine(machine::MachineFile),
}

/// What every layout gets as `site`.
#[derive(Clone, Debug, Serialize)]
struct SiteView {
    title: String,
    description: String,
    base_url: String,
    base_path: String,
    home_url: String,
    search_url: String,
    search: bool,
    /// The service worker is on (`offline` in site.yaml).
    offline: bool,
    /// This language's offline page.
    offline_url: String,
    /// The calendar of every event a reader of this language can reach: the language's own
    /// `events.ics`, else the default language's (its events are listed in theirs, issue 16),
    /// else none.
    calendar_url: Option<String>,
    languages: Vec<LanguageView>,
    menus: BTreeMap<String, Vec<Link>>,
    taxonomies: Vec<Link>,
}

#[derive(Clone, Debug, Serialize)]
struct LanguageView {
    code: String,
    name: String,
    dir: Direction,
    url: String,
}

/// Pagination of a section list.
#[derive(Clone, Debug, Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<Link>,
}

/// The page numbers a list page links to: the first, the last and two on each side of the
/// current one. Linking every page from every page would make a long section's lists
/// quadratic in its length (500 pages of 500 links each at 25,000 entries).
fn page_window(current: usize, total: usize) -> Vec<usize> {
    let near = current.saturating_sub(2).max(1)..=(current + 2).min(total);
    let mut pages: Vec<usize> = std::iter::once(1)
        .chain(near)
        .chain(std::iter::once(total))
        .collect();
    pages.dedup();
    pages
}

/// Renders and writes every page, list, taxonomy page, redirect and machine-readable file;
/// returns the problems and the addresses the pages link to that are not pages (to check once
/// every file is written: `check::built_links`).
pub(crate) fn render_site(
    site: &Site,
    templates: &Templates,
    staging: &Staging,
    now: DateTime<Utc>,
) -> (Vec<Diagnostic>, built_links::BuiltLinks) {
    let jobs = jobs(site);
    let all: Vec<usize> = (0..jobs.len()).collect();
    // Each job's links go into the check as it finishes: held for every job until the last,
    // they were about 2.7 KB a page (a quarter of a GB at 100,000 pages).
    let keep = |links: &mut built_links::BuiltLinks, i: usize, o: JobOutput| {
        if let Some(layout) = o.layout {
            let mut origin = built_links::LinkOrigin {
                output: o.path,
                layout: Some(templates.origin(&layout)),
                page: match jobs[i] {
                    Job::Page(id) | Job::PrintBook(id) => Some(id),
                    Job::List { section, .. } => Some(section),
                    _ => None,
                },
            };
            links.add(o.links, &origin);
            origin.layout = None;
            links.add(o.content_links, &origin);
        }
    };
    render_gathered(
        site,
        templates,
        staging,
        now,
        &jobs,
        &all,
        keep,
        built_links::BuiltLinks::append,
    )
}

/// What one job wrote: its file and the assets its layout referenced (`lore serve` keeps these
/// for the jobs it does not render again).
#[derive(Clone, Debug)]
pub(crate) struct JobOutput {
    /// Path in the output folder.
    pub path: String,
    /// Assets referenced through `asset_url`, whose fingerprinted copies must exist.
    pub assets: Vec<String>,
    /// The layout that rendered it (`None` for redirects and machine-readable files).
    pub layout: Option<String>,
    /// Addresses of the site its HTML links to that are not pages
    /// (`built_links::internal_targets`): files, lists, taxonomy pages.
    pub links: Vec<String>,
    /// The same, for the links of the page's own content.
    pub content_links: Vec<String>,
}

/// A job's file as rendered: where it goes, its bytes, and the layout that made it.
struct RenderedJob {
    path: String,
    bytes: Vec<u8>,
    layout: Option<String>,
    /// The addresses the page's own content (its Markdown) links to.
    content_links: Vec<String>,
}

impl RenderedJob {
    fn new(path: String, html: String, layout: &str) -> Self {
        Self {
            path,
            bytes: html.into_bytes(),
            layout: Some(layout.to_string()),
            content_links: Vec::new(),
        }
    }
}

/// Renders the jobs at the indices `selected` of `jobs`, writing each through `staging`; returns
/// the problems and, for each job written, its index and output.
fn render_selected(
    site: &Site,
    templates: &Templates,
    staging: &Staging,
    now: DateTime<Utc>,
    jobs: &[Job],
    selected: &[usize],
) -> (Vec<Diagnostic>, Vec<(usize, JobOutput)>) {
    render_gathered(
        site,
        templates,
        staging,
        now,
        jobs,
        selected,
        |outputs: &mut Vec<(usize, JobOutput)>, i, o| outputs.push((i, o)),
        Vec::append,
    )
}

/// [`render_selected`], each job's output handed to `keep` as the job is written (in job order
/// within each thread's share, the shares then joined in order by `join`): what a run does not
/// keep is freed at once.
#[allow(clippy::too_many_arguments)]
fn render_gathered<A: Default + Send>(
    site: &Site,
    templates: &Templates,
    staging: &Staging,
    now: DateTime<Utc>,
    jobs: &[Job],
    selected: &[usize],
    keep: impl Fn(&mut A, usize, JobOutput) + Sync,
    join: impl Fn(&mut A, &mut A) + Sync,
) -> (Vec<Diagnostic>, A) {
    let base_path = templates::base_path(&site.config.base_url);
    let origin = print::origin(&site.config.base_url);
    let views = ViewContext::new(site, base_path.clone(), now);
    let site_views: BTreeMap<String, Value> = site
        .config
        .languages
        .iter()
        .map(|l| {
            (
                l.code.clone(),
                Value::from_serialize(site_view(&views, &l.code)),
            )
        })
        .collect();
    // Only the lists some selected job shows: building a long section's shared data is not
    // free, and `lore serve` usually renders a handful of jobs.
    let list_ids: std::collections::BTreeSet<PageId> = selected
        .iter()
        .filter_map(|&i| match jobs[i] {
            Job::List { section, .. } => Some(section),
            _ => None,
        })
        .collect();
    let lists: BTreeMap<PageId, ListShared> = list_ids
        .into_par_iter()
        .map(|id| (id, list_shared(&views, id)))
        .collect();
    let epubs = Epubs::new(site, jobs, selected);
    let (diags, kept) = selected
        .par_iter()
        .map(|&i| {
            let (rendered, assets) = crate::output::assets::track_references(|| {
                render_job(&views, templates, &site_views, &lists, &epubs, &jobs[i])
            });
            let mut job = rendered?;
            if job.path.ends_with(".html") {
                job.bytes =
                    crate::images::rewrite_images(job.bytes, &site.images, &views.base_path);
            }
            staging.write(&job.path, &job.bytes)?;
            let (links, content_links) = match &job.layout {
                Some(_) => {
                    // Layouts write UTF-8: `from_utf8` checks it several times faster than
                    // `from_utf8_lossy` (1.7% of a 1,000-page build's instructions).
                    let html = match std::str::from_utf8(&job.bytes) {
                        Ok(text) => std::borrow::Cow::Borrowed(text),
                        Err(_) => String::from_utf8_lossy(&job.bytes),
                    };
                    let url = format!("/{}", job.path.trim_end_matches("index.html"));
                    let not_page = |t: &String| !site.by_url.contains_key(t);
                    let content: Vec<String> = job
                        .content_links
                        .iter()
                        .filter(|t| not_page(t))
                        .cloned()
                        .collect();
                    let layout = built_links::internal_targets(&html, &url, &origin, &base_path)
                        .into_iter()
                        .filter(|t| not_page(t) && !content.contains(t))
                        .collect();
                    (layout, content)
                }
                None => Default::default(),
            };
            Ok((
                i,
                JobOutput {
                    path: job.path,
                    assets,
                    layout: job.layout,
                    links,
                    content_links,
                },
            ))
        })
        .fold(
            || (Vec::new(), A::default()),
            |(mut diags, mut kept), r: Result<(usize, JobOutput), Diagnostic>| {
                match r {
                    Ok((i, o)) => keep(&mut kept, i, o),
                    Err(d) => diags.push(d),
                }
                (diags, kept)
            },
        )
        .reduce(
            || (Vec::new(), A::default()),
            |(mut diags, mut kept), (mut later_diags, mut later)| {
                diags.append(&mut later_diags);
                join(&mut kept, &mut later);
                (diags, kept)
            },
        );
    (summarise_template_errors(diags), kept)
}

fn jobs(site: &Site) -> Vec<Job> {
    let mut jobs = Vec::new();
    for (id, p) in site.pages.iter().enumerate() {
        if site.is_list(id) {
            let n = site.list_entries(id).len();
            for number in 1..=n.div_ceil(site.config.per_page).max(1) {
                jobs.push(Job::List {
                    section: id,
                    number,
                });
            }
        } else {
            jobs.push(Job::Page(id));
        }
        for a in &p.aliases {
            jobs.push(Job::Alias {
                from: a.clone(),
                to: id,
            });
        }
    }
    for (t, tax) in site.taxonomies.iter().enumerate() {
        jobs.push(Job::TaxonomyIndex(t));
        // A person's page stands at their term's address and shows what the term's would.
        jobs.extend(
            (0..tax.terms.len())
                .filter(|&i| site.author_page(&tax.terms[i].url).is_none())
                .map(|i| Job::Term(t, i)),
        );
    }
    jobs.extend((0..site.config.languages.len()).map(Job::NotFound));
    if site.config.search.enabled {
        jobs.extend((0..site.config.languages.len()).map(Job::Search));
    }
    if site.config.offline {
        jobs.extend((0..site.config.languages.len()).map(Job::Offline));
    }
    jobs.extend(
        site.sections
            .keys()
            .filter(|&&id| site.is_book(id))
            .map(|&id| Job::PrintBook(id)),
    );
    jobs.extend(
        site.sections
            .keys()
            .filter(|&&id| site.is_course(id))
            .flat_map(|&id| site.lessons(id).iter().map(|&l| Job::Slides(l))),
    );
    jobs.extend(
        site.sections
            .keys()
            .filter(|&&id| site.is_list(id) && site.pages[id].type_name == "technique")
            .map(|&id| Job::CardDeck(id)),
    );
    jobs.extend(
        (0..site.pages.len())
            .filter(|&id| crate::render::epub::has_epub(site, id))
            .map(Job::Epub),
    );
    jobs.extend(machine::files(site).into_iter().map(Job::Machine));
    jobs
}

/// The EPUBs of one rendering, each built once by whichever of its two jobs comes first: the
/// guide's front page (which shows its size) or the EPUB's own job (which writes it).
struct Epubs {
    slots: Vec<std::sync::Mutex<EpubSlot>>,
    /// Guides whose EPUB job is among the jobs rendered: their bytes wait for it.
    written: std::collections::BTreeSet<PageId>,
}

enum EpubSlot {
    NotBuilt,
    Built(Vec<u8>),
    /// Written, or not to be written by this rendering: its size.
    Size(u64),
    Failed(Diagnostic),
}

impl Epubs {
    fn new(site: &Site, jobs: &[Job], selected: &[usize]) -> Self {
        Self {
            slots: (0..site.pages.len())
                .map(|_| std::sync::Mutex::new(EpubSlot::NotBuilt))
                .collect(),
            written: selected
                .iter()
                .filter_map(|&i| match jobs[i] {
                    Job::Epub(id) => Some(id),
                    _ => None,
                })
                .collect(),
        }
    }

    /// The size of guide `id`'s EPUB, building it if no job did yet.
    fn size(&self, views: &ViewContext, templates: &Templates, id: PageId) -> Option<u64> {
        let mut slot = self.slots[id].lock().ok()?;
        if let EpubSlot::NotBuilt = *slot {
            *slot = match crate::render::epub::build(views, templates, id) {
                Ok(b) if self.written.contains(&id) => EpubSlot::Built(b),
                Ok(b) => EpubSlot::Size(b.len() as u64),
                Err(d) => EpubSlot::Failed(d),
            };
        }
        match &*slot {
            EpubSlot::Built(b) => Some(b.len() as u64),
            EpubSlot::Size(n) => Some(*n),
            _ => None,
        }
    }

    /// Guide `id`'s EPUB to write, built now unless its front page's job did.
    fn take(
        &self,
        views: &ViewContext,
        templates: &Templates,
        id: PageId,
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut slot = self.slots[id]
            .lock()
            .map_err(|_| Diagnostic::error(&views.site.pages[id].source, "an EPUB build failed"))?;
        let bytes = match std::mem::replace(&mut *slot, EpubSlot::NotBuilt) {
            EpubSlot::Built(b) => Ok(b),
            EpubSlot::Failed(d) => Err(d),
            EpubSlot::NotBuilt | EpubSlot::Size(_) => {
                crate::render::epub::build(views, templates, id)
            }
        };
        *slot = match &bytes {
            Ok(b) => EpubSlot::Size(b.len() as u64),
            Err(d) => EpubSlot::Failed(d.clone()),
        };
        bytes
    }
}

fn render_job(
    views: &ViewContext,
    templates: &Templates,
    site_views: &BTreeMap<String, Value>,
    lists: &BTreeMap<PageId, ListShared>,
    epubs: &Epubs,
    job: &Job,
) -> Result<RenderedJob, Diagnostic> {
    let site = views.site;
    let lang_ctx = |lang: &str| {
        let dir = site.config.language(lang).map_or(Direction::Ltr, |l| l.dir);
        (
            site_views.get(lang).cloned().unwrap_or_default(),
            Value::from_serialize(dir),
        )
    };
    // A page of language `l` with only the site around it (404, search, offline): `layout`
    // written at `path` under the language's folder.
    let language_page = |l: usize, layout: &str, path: &str| -> Result<RenderedJob, Diagnostic> {
        let lang = &site.config.languages[l];
        let (site_v, dir) = lang_ctx(&lang.code);
        let ctx = minijinja::context! { site => site_v, lang => &lang.code, dir => dir };
        let html = templates.render(layout, ctx, Path::new(layout))?;
        let path = format!("{}/{path}", lang.prefix);
        Ok(RenderedJob::new(
            path.trim_start_matches('/').to_string(),
            html,
            layout,
        ))
    };
    match job {
        Job::Page(id) => {
            let p = &site.pages[*id];
            let (site_v, dir) = lang_ctx(&p.lang);
            let name = [format!("{}.html", p.type_name), "page.html".into()]
                .into_iter()
                .find(|n| templates.has(n))
                .unwrap_or_default();
            let mut view = views.page(*id);
            if crate::render::epub::has_epub(site, *id) {
                view.epub = epubs
                    .size(views, templates, *id)
                    .map(|n| context::ToolView {
                        name: templates.text(&p.lang, "download_epub"),
                        url: Some(views.url(&crate::render::epub::epub_url(&p.url))),
                        format: Some("epub".into()),
                        description: None,
                        size: Some(n),
                        size_text: Some(context::human_size(n)),
                    });
            }
            let content_links = built_links::internal_targets(
                &view.content,
                &p.url,
                &print::origin(&site.config.base_url),
                &views.base_path,
            );
            let ctx =
                minijinja::context! { site => site_v, lang => &p.lang, dir => dir, page => view };
            let html = templates.render(&name, ctx, &p.source)?;
            let mut job = RenderedJob::new(output_path(&p.url), html, &name);
            job.content_links = content_links;
            Ok(job)
        }
        Job::List { section, number } => {
            render_list(views, templates, site_views, lists, *section, *number)
        }
        Job::TaxonomyIndex(t) => {
            let tax = &site.taxonomies[*t];
            let (site_v, dir) = lang_ctx(&tax.lang);
            let terms: Vec<_> = tax
                .terms
                .iter()
                .map(|term| minijinja::context! { name => &term.name, url => views.url(&term.url), count => term.pages.len() })
                .collect();
            let ctx = minijinja::context! { site => site_v, lang => &tax.lang, dir => dir, taxonomy => &tax.name, terms => terms, url => views.url(&tax.url) };
            let html = templates.render("taxonomy.html", ctx, Path::new(&tax.url))?;
            Ok(RenderedJob::new(
                output_path(&tax.url),
                html,
                "taxonomy.html",
            ))
        }
        Job::Term(t, i) => {
            let tax = &site.taxonomies[*t];
            let term = &tax.terms[*i];
            let (site_v, dir) = lang_ctx(&tax.lang);
            let entries: Vec<Value> = term.pages.iter().map(|&id| views.entry_value(id)).collect();
            // A person whose page is not translated: its profile and their contributions here.
            let profile = (tax.name == crate::site::AUTHORS)
                .then(|| site.author_profile(&tax.lang, &term.slug))
                .flatten();
            let ctx = minijinja::context! {
                site => site_v, lang => &tax.lang, dir => dir, taxonomy => &tax.name,
                taxonomy_url => views.url(&tax.url), term => &term.name, url => views.url(&term.url), entries => entries,
                profile => profile.map(|a| views.author(a, &tax.lang)),
                contributions => profile.map(|_| views.contributions(&tax.lang, &term.slug)),
            };
            let html = templates.render("term.html", ctx, Path::new(&term.url))?;
            Ok(RenderedJob::new(output_path(&term.url), html, "term.html"))
        }
        Job::NotFound(l) => language_page(*l, "404.html", "404.html"),
        Job::Search(l) => language_page(*l, "search.html", "search/index.html"),
        Job::Offline(l) => language_page(*l, "offline.html", "offline/index.html"),
        Job::PrintBook(book) => {
            let p = &site.pages[*book];
            let (site_v, dir) = lang_ctx(&p.lang);
            let ids = site.book_parts(*book);
            let links = print::PrintLinks {
                parts: ids.iter().map(|&i| views.url(&site.pages[i].url)).collect(),
                origin: print::origin(&site.config.base_url),
            };
            let parts: Vec<_> = ids
                .iter()
                .enumerate()
                .map(|(n, &i)| {
                    let mut part = views.page(i);
                    part.content = print::print_part_html(&part.content, n, &links);
                    part
                })
                .collect();
            let ctx = minijinja::context! { site => site_v, lang => &p.lang, dir => dir, page => views.page(*book), parts => parts };
            let html = templates.render("guide_print.html", ctx, &p.source)?;
            Ok(RenderedJob::new(
                output_path(&format!("{}print/", p.url)),
                html,
                "guide_print.html",
            ))
        }
        Job::Slides(id) => {
            let p = &site.pages[*id];
            let (site_v, dir) = lang_ctx(&p.lang);
            let ctx = minijinja::context! {
                site => site_v, lang => &p.lang, dir => dir, page => views.page(*id),
                slides => course::slides(views, *id),
            };
            let html = templates.render("slides.html", ctx, &p.source)?;
            Ok(RenderedJob::new(
                output_path(&course::slides_url(&p.url)),
                html,
                "slides.html",
            ))
        }
        Job::CardDeck(section) => {
            let p = &site.pages[*section];
            let (site_v, dir) = lang_ctx(&p.lang);
            let entries: Vec<Value> = site
                .sections
                .get(section)
                .map_or(&[][..], |s| s.entries.as_slice())
                .iter()
                .map(|&id| views.entry_value(id))
                .collect();
            let ctx = minijinja::context! { site => site_v, lang => &p.lang, dir => dir, page => views.page(*section), entries => entries };
            let html = templates.render("technique_deck.html", ctx, &p.source)?;
            Ok(RenderedJob::new(
                output_path(&format!("{}cards/", p.url)),
                html,
                "technique_deck.html",
            ))
        }
        Job::Epub(id) => Ok(RenderedJob {
            path: crate::render::epub::epub_url(&site.pages[*id].url)
                .trim_start_matches('/')
                .to_string(),
            bytes: epubs.take(views, templates, *id)?,
            layout: None,
            content_links: Vec::new(),
        }),
        Job::Alias { from, to } => {
            let target = views.url(&site.pages[*to].url);
            Ok(RenderedJob {
                path: output_path(from),
                bytes: redirect_html(&target).into_bytes(),
                layout: None,
                content_links: Vec::new(),
            })
        }
        Job::Machine(f) => machine::render(views, f).map(|(path, bytes)| RenderedJob {
            path,
            bytes,
            layout: None,
            content_links: Vec::new(),
        }),
    }
}

/// What every page of one section list shares. Computed once per section: building it for
/// each page of a long list made rendering quadratic in the section's size.
struct ListShared {
    page: Value,
    upcoming: Value,
    recent: Value,
    sections: Value,
    facets: Value,
    /// The home page's featured pages, guides and techniques (empty elsewhere).
    featured: Value,
    guides: Value,
    techniques: Value,
}

fn list_shared(views: &ViewContext, section: PageId) -> ListShared {
    let site = views.site;
    let p = &site.pages[section];
    let listed = site.list_entries(section);
    let all: &[PageId] = &listed;
    // Upcoming events, soonest first; past ones are the section's own (paginated) entries.
    let events: Vec<EntryView> = all
        .iter()
        .filter(|&&id| site.pages[id].field("start").is_some())
        .map(|&id| views.entry_for(id, &p.lang))
        .filter(|e| e.event.is_some())
        .collect();
    let mut upcoming: Vec<EntryView> = events
        .into_iter()
        .filter(|e| e.event.as_ref().is_some_and(|ev| ev.upcoming))
        .collect();
    upcoming.sort_by_key(start_of);
    let is_home = p.logical_path.is_empty();
    let recent: Vec<Value> = if is_home {
        recent_pages(site, &p.lang, 6)
            .into_iter()
            .map(|id| views.entry_value(id))
            .collect()
    } else {
        Vec::new()
    };
    let upcoming = if is_home {
        upcoming_events(views, &p.lang)
    } else {
        upcoming
    };
    let sections: Vec<Value> = site.sections.get(&section).map_or(Vec::new(), |s| {
        s.subsections
            .iter()
            .map(|&i| views.entry_value(i))
            .collect()
    });
    let home_list = |f: fn(&ViewContext, &str) -> Vec<EntryView>| {
        Value::from_serialize(if is_home {
            f(views, &p.lang)
        } else {
            Vec::new()
        })
    };
    ListShared {
        featured: home_list(home::featured),
        guides: home_list(home::guides),
        techniques: home_list(home::techniques),
        page: Value::from_serialize(views.page(section)),
        upcoming: Value::from_serialize(upcoming),
        recent: Value::from_serialize(recent),
        sections: Value::from_serialize(sections),
        // The themes of the list's own pages: term pages exist in its language.
        facets: Value::from_serialize(facets(
            views,
            &p.lang,
            site.sections
                .get(&section)
                .map_or(&[], |s| s.entries.as_slice()),
        )),
    }
}

fn render_list(
    views: &ViewContext,
    templates: &Templates,
    site_views: &BTreeMap<String, Value>,
    lists: &BTreeMap<PageId, ListShared>,
    section: PageId,
    number: usize,
) -> Result<RenderedJob, Diagnostic> {
    let site = views.site;
    let p = &site.pages[section];
    let per = site.config.per_page;
    let listed = site.list_entries(section);
    let all: &[PageId] = &listed;
    let total = all.len().div_ceil(per).max(1);
    let page_url = |n: usize| {
        if n == 1 {
            p.url.clone()
        } else {
            format!("{}page/{n}/", p.url)
        }
    };
    let entries: Vec<Value> = all
        .iter()
        .skip((number - 1) * per)
        .take(per)
        .map(|&id| views.entry_in(id, &p.lang))
        .collect();
    let pagination = Pagination {
        current: number,
        total,
        prev: (number > 1).then(|| views.url(&page_url(number - 1))),
        next: (number < total).then(|| views.url(&page_url(number + 1))),
        pages: page_window(number, total)
            .into_iter()
            .map(|n| Link {
                title: n.to_string(),
                url: views.url(&page_url(n)),
                lang: None,
            })
            .collect(),
    };
    let shared = &lists[&section];
    let is_home = p.logical_path.is_empty();
    let dir = site
        .config
        .language(&p.lang)
        .map_or(Direction::Ltr, |l| l.dir);
    // Upcoming events head the first page only; past events are the paginated entries, so
    // a long archive does not repeat on every page.
    let upcoming = if number == 1 {
        shared.upcoming.clone()
    } else {
        Value::from(())
    };
    let ctx = minijinja::context! {
        site => site_views.get(&p.lang).cloned().unwrap_or_default(), lang => &p.lang, dir => dir,
        page => shared.page.clone(), entries => entries, pagination => pagination,
        upcoming => upcoming, recent => shared.recent.clone(),
        sections => shared.sections.clone(), facets => shared.facets.clone(),
        featured => shared.featured.clone(), guides => shared.guides.clone(),
        techniques => shared.techniques.clone(),
    };
    let name = if is_home {
        "home.html".to_string()
    } else {
        [format!("{}_list.html", p.type_name), "section.html".into()]
            .into_iter()
            .find(|n| templates.has(n))
            .unwrap_or_default()
    };
    let html = templates.render(&name, ctx, &p.source)?;
    Ok(RenderedJob::new(
        output_path(&page_url(number)),
        html,
        &name,
    ))
}

/// Values to filter a list by: its pages' themes (with their term pages, so filters work
/// without JavaScript), difficulties and group sizes.
#[derive(Serialize)]
struct Facets {
    themes: Vec<ThemeFacet>,
    difficulty: Vec<String>,
    group_size: Vec<String>,
    /// The largest group any of the pages names, as the top of the group-size filter.
    largest_group: Option<u32>,
}

/// A theme to filter by: its name for the reader, its term page, and its slug (the filter's
/// value, the same in every language: `?theme=water`).
#[derive(Serialize)]
struct ThemeFacet {
    title: String,
    url: String,
    slug: String,
}

fn facets(views: &ViewContext, lang: &str, ids: &[PageId]) -> Facets {
    use std::collections::BTreeSet;
    let pages = &views.site.pages;
    let prefix = views
        .site
        .config
        .language(lang)
        .map_or("", |l| l.prefix.as_str());
    let field = |k: &str| -> BTreeSet<String> {
        ids.iter()
            .filter_map(|&i| pages[i].field(k).and_then(crate::schema::scalar_text))
            .collect()
    };
    let themes: BTreeSet<&String> = ids
        .iter()
        .flat_map(|&i| pages[i].taxonomies.get("themes").into_iter().flatten())
        .collect();
    Facets {
        themes: {
            let by_slug: std::collections::BTreeMap<String, ThemeFacet> = themes
                .into_iter()
                .filter_map(|t| {
                    let link = views.term_link("themes", t, lang, prefix)?;
                    let slug = crate::schema::slug::slugify(t);
                    let facet = ThemeFacet {
                        title: link.title,
                        url: link.url,
                        slug: slug.clone(),
                    };
                    Some((slug, facet))
                })
                .collect();
            let mut themes: Vec<ThemeFacet> = by_slug.into_values().collect();
            themes.sort_by(|a, b| a.title.cmp(&b.title));
            themes
        },
        difficulty: field("difficulty").into_iter().collect(),
        group_size: field("group_size").into_iter().collect(),
        largest_group: ids
            .iter()
            .filter_map(|&i| {
                let g = context::GroupSize::parse(pages[i].field("group_size")?.as_str()?)?;
                Some(g.max.unwrap_or(g.min))
            })
            .max(),
    }
}

fn start_of(e: &EntryView) -> String {
    e.event
        .as_ref()
        .map(|ev| ev.start_iso.clone())
        .unwrap_or_default()
}

fn recent_pages(site: &Site, lang: &str, n: usize) -> Vec<PageId> {
    let mut ids: Vec<PageId> = (0..site.pages.len())
        .filter(|&i| {
            site.pages[i].lang == lang
                && !site.is_list(i)
                && site.pages[i].type_name != "event"
                && site.pages[i].date.is_some()
        })
        .filter(|&i| !site.pages[i].is_section || site.is_book(i))
        .filter(|&i| site.book_of(i).is_none_or(|b| b == i))
        .collect();
    ids.sort_by(|&a, &b| site.pages[b].date.cmp(&site.pages[a].date).then(a.cmp(&b)));
    ids.truncate(n);
    ids
}

fn upcoming_events(views: &ViewContext, lang: &str) -> Vec<EntryView> {
    let mut ev: Vec<EntryView> = (0..views.site.pages.len())
        .filter(|&i| {
            views.site.pages[i].lang == lang
                && views.site.pages[i].type_name == "event"
                && !views.site.pages[i].is_section
        })
        .map(|i| views.entry(i))
        .filter(|e| e.event.as_ref().is_some_and(|ev| ev.upcoming))
        .collect();
    ev.sort_by_key(start_of);
    ev.truncate(3);
    ev
}

fn site_view(views: &ViewContext, lang: &str) -> SiteView {
    let config = &views.site.config;
    let language = config.language(lang).unwrap_or(config.default_language());
    let menus = config
        .menus
        .iter()
        .map(|(name, items)| {
            let links = items
                .iter()
                .map(|i| {
                    let title = i.names.get(lang).cloned().unwrap_or_else(|| i.name.clone());
                    if i.url.starts_with('/') {
                        views.localized(lang, title, &i.url)
                    } else {
                        Link {
                            title,
                            url: i.url.clone(),
                            lang: None,
                        }
                    }
                })
                .collect();
            (name.clone(), links)
        })
        .collect();
    SiteView {
        title: config.title.clone(),
        description: config.description.clone(),
        base_url: config.base_url.clone(),
        base_path: views.base_path.clone(),
        home_url: views.localized(lang, String::new(), "/").url,
        search_url: views.url(&format!("{}/search/", language.prefix)),
        search: config.search.enabled,
        offline: config.offline,
        offline_url: views.url(&format!("{}/offline/", language.prefix)),
        calendar_url: [language, config.default_language()]
            .into_iter()
            .find(|l| machine::has_calendar(views.site, &l.code))
            .map(|l| views.url(&format!("{}/events.ics", l.prefix))),
        languages: config
            .languages
            .iter()
            .map(|l| LanguageView {
                code: l.code.clone(),
                name: l.name.clone(),
                dir: l.dir,
                url: views.localized(&l.code, String::new(), "/").url,
            })
            .collect(),
        menus,
        taxonomies: views
            .site
            .taxonomies
            .iter()
            .filter(|t| t.lang == lang)
            .map(|t| Link {
                title: t.name.clone(),
                url: views.url(&t.url),
                lang: None,
            })
            .collect(),
    }
}

/// The file a pretty URL is served from: `/fr/guides/x/` -> `fr/guides/x/index.html`.
pub(crate) fn output_path(url: &str) -> String {
    let trimmed = url.trim_matches('/');
    if trimmed.is_empty() {
        "index.html".into()
    } else if trimmed
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
        && !url.ends_with('/')
    {
        trimmed.to_string()
    } else {
        format!("{trimmed}/index.html")
    }
}

fn redirect_html(target: &str) -> String {
    let t = crate::markdown::escape_attr(target);
    format!(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Moved</title><link rel=\"canonical\" href=\"{t}\"><meta http-equiv=\"refresh\" content=\"0; url={t}\"></head>\n<body><p><a href=\"{t}\">{t}</a></p></body></html>\n"
    )
}

/// A broken layout fails every page that uses it: report it once, with the number of pages.
fn summarise_template_errors(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<(std::path::PathBuf, usize, String), (Diagnostic, usize)> =
        BTreeMap::new();
    let mut out = Vec::new();
    for d in diags {
        if let Kind::Template { error } = &d.kind {
            seen.entry((d.path.clone(), d.line, error.clone()))
                .and_modify(|e| e.1 += 1)
                .or_insert((d, 1));
        } else {
            out.push(d);
        }
    }
    for (_, (mut d, n)) in seen {
        if n > 1 {
            d.message.push_str(&format!(" and {} other pages", n - 1));
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn list_pages_link_a_window_of_pages_not_all_of_them() {
        assert_eq!(page_window(1, 1), vec![1]);
        assert_eq!(page_window(1, 3), vec![1, 2, 3]);
        assert_eq!(page_window(1, 500), vec![1, 2, 3, 500]);
        assert_eq!(page_window(250, 500), vec![1, 248, 249, 250, 251, 252, 500]);
        assert_eq!(page_window(500, 500), vec![1, 498, 499, 500]);
    }
}
