// The search page (layouts/search.html): reads ?q= and the filters from the address on load,
// searches as the reader types, keeps the address in step (so a result list can be shared),
// and shows results as links with their excerpt, type and best section, with filters and their
// counts. Arrow keys move between the box and the results; Escape goes back to the box.

import { searchWithCounts } from './search.js';

const FILTERS = ['type', 'event', 'themes', 'tags', 'language'];
const TYPING_DELAY_MS = 150;
const MAX_TAGS = 12;
/** Fewer results than this in the page's language: show the other languages' matches too. */
const FEW_RESULTS = 3;
/** Results shown per other language. */
const ELSEWHERE_LIMIT = 5;

const page = document.querySelector('[data-search-page]');
const form = page.querySelector('form');
const input = form.querySelector('input[name="q"]');
const list = page.querySelector('[data-search-results]');
const status = page.querySelector('[data-search-status]');
const filterBox = page.querySelector('[data-search-filters]');
const elsewhere = page.querySelector('[data-search-elsewhere]');
const strings = JSON.parse(document.getElementById('search-strings').textContent);

/** Filters chosen by the reader, by facet. */
let chosen = Object.fromEntries(FILTERS.map((f) => [f, []]));
let runId = 0;
let timer = null;

function readAddress() {
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  chosen = Object.fromEntries(FILTERS.map((f) => [f, params.getAll(f)]));
}

function writeAddress() {
  const params = new URLSearchParams();
  if (input.value) params.set('q', input.value);
  for (const f of FILTERS) chosen[f].forEach((v) => params.append(f, v));
  const qs = params.toString();
  history.replaceState(null, '', qs ? `?${qs}` : location.pathname);
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function renderResults(results) {
  list.replaceChildren(...resultItems(results));
}

/** The list items of results, each in its own language and direction. */
function resultItems(results) {
  return results.map((r) => {
    const href = r.url;
    const item = el('li', { class: 'search-result' });
    if (r.lang && r.lang !== strings.lang) {
      item.lang = r.lang;
      item.dir = strings.languages.find((l) => l.code === r.lang)?.dir || 'auto';
    }
    const title = el('a', { href, class: 'search-result-title' }, r.title);
    const kind = el('span', { class: 'search-result-type' }, strings.types[r.type] || r.type);
    const excerpt = el('p', { class: 'search-result-excerpt' });
    // The engine escapes the excerpt and adds only <mark> (assets/search/excerpt.mjs).
    excerpt.innerHTML = r.excerpt;
    item.append(title, ' ', kind, excerpt);
    if (r.anchor && r.heading) {
      item.append(el('p', { class: 'search-result-section' }, `${strings.section}: `, el('a', { href: `${href}#${encodeURIComponent(r.anchor)}` }, r.heading)));
    }
    return item;
  });
}

/** "3 results in العربية": the count in the reader's language, the name in its own. */
function inLanguage(n, l) {
  const text = n === 1 ? strings.elsewhere_one : strings.elsewhere_many.replace('{n}', n);
  const [before, after = ''] = text.split('{language}');
  return [before, el('bdi', { lang: l.code, dir: l.dir || 'auto' }, l.name), after];
}

/**
 * When the page's language has few results (no language chosen), the other languages' matches,
 * most first, each under a heading that says how many and in which language. Only the
 * languages the counts found matches in are searched again, so only their shards (already
 * fetched for the counts) and the shown results' parts are fetched.
 */
async function renderElsewhere(q, r, filters, id) {
  const blocks = [];
  const others = chosen.language.length || r.total >= FEW_RESULTS || !r.counts
    ? []
    : Object.entries(r.counts.language)
      .filter(([c, n]) => c !== strings.lang && n > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [code] of others) {
    const l = strings.languages.find((x) => x.code === code);
    if (!l) continue;
    const found = await searchWithCounts(q, { lang: code, filters, limit: ELSEWHERE_LIMIT, counts: false });
    if (id !== runId) return;
    if (!found.results.length) continue;
    blocks.push(el('section', { class: 'search-elsewhere-language', 'data-search-language': code },
      el('h2', {}, ...inLanguage(found.total, l)),
      el('ol', { class: 'search-results' }, ...resultItems(found.results))));
  }
  elsewhere.replaceChildren(...blocks);
  elsewhere.hidden = !blocks.length;
}

/** A filter's checkbox; `toggle` gets whether it is now checked. */
function checkbox(facet, value, label, count, checked, toggle) {
  const id = `f-${facet}-${value}`.replace(/[^\w-]/g, '_');
  const box = el('input', { type: 'checkbox', id, name: facet, value });
  box.checked = checked;
  box.addEventListener('change', () => {
    toggle(box.checked);
    run();
  });
  return el('li', {}, box, ' ', el('label', { for: id }, `${label} (${count})`));
}

/** A checkbox that adds or removes one value of a facet. */
function valueBox(facet, value, label, count) {
  return checkbox(facet, value, label, count, chosen[facet].includes(value), (on) => {
    chosen[facet] = on ? [...chosen[facet], value] : chosen[facet].filter((v) => v !== value);
  });
}

function renderFilters(counts, total) {
  if (!counts || !input.value.trim()) {
    filterBox.hidden = true;
    return;
  }
  const groups = [];
  const group = (title, facet, entries, label = (v) => v) => {
    const items = entries.filter(([v, n]) => n > 0 || chosen[facet].includes(v));
    if (!items.length) return;
    groups.push(el('fieldset', {}, el('legend', {}, title), el('ul', {}, ...items.map(([v, n]) => valueBox(facet, v, label(v), n)))));
  };
  const byCount = (o) => Object.entries(o).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  group(strings.type, 'type', byCount(counts.type), (v) => strings.types[v] || v);
  group(strings.events, 'event', byCount(counts.event), (v) => strings[v] || v);
  group(strings.themes, 'themes', byCount(counts.themes));
  group(strings.tags, 'tags', byCount(counts.tags).slice(0, MAX_TAGS));
  const languages = strings.languages.filter((l) => counts.language[l.code] > 0 || l.code === strings.lang);
  if (languages.length > 1) {
    const current = chosen.language.length ? chosen.language : [strings.lang];
    groups.push(
      el('fieldset', {}, el('legend', {}, strings.language), el('ul', {}, ...languages.map((l) => {
        // No choice means this page's language; keep the address clean for it.
        const item = checkbox('language', l.code, l.name, counts.language[l.code] || 0, current.includes(l.code), (on) => {
          const next = on ? [...current, l.code] : current.filter((c) => c !== l.code);
          chosen.language = next.length === 1 && next[0] === strings.lang ? [] : next;
        });
        // The name in its own script and direction, the count after it.
        item.querySelector('label').replaceChildren(el('bdi', { lang: l.code }, l.name), ` (${counts.language[l.code] || 0})`);
        return item;
      }))),
    );
  }
  const focused = document.activeElement?.id;
  filterBox.replaceChildren(filterBox.firstElementChild, ...groups);
  if (focused && filterBox.querySelector(`#${focused}`)) document.getElementById(focused).focus();
  filterBox.hidden = total === 0 && languages.length < 2;
}

async function run() {
  const id = ++runId;
  writeAddress();
  const q = input.value;
  if (!q.trim()) {
    list.replaceChildren();
    elsewhere.replaceChildren();
    elsewhere.hidden = true;
    status.textContent = '';
    filterBox.hidden = true;
    return;
  }
  status.textContent = strings.searching;
  try {
    const filters = Object.fromEntries(FILTERS.filter((f) => chosen[f].length).map((f) => [f, chosen[f]]));
    const r = await searchWithCounts(q, { lang: strings.lang, filters, limit: 10, counts: true });
    if (id !== runId) return;
    renderResults(r.results);
    renderFilters(r.counts, r.total);
    status.textContent = r.total === 0 ? strings.no_results : r.total === 1 ? strings.found_one : strings.found_many.replace('{n}', r.total);
    // Offline, the engine searched what the service worker kept: say so.
    if (r.incomplete) status.append(el('span', { class: 'search-incomplete', 'data-search-incomplete': '' }, ` ${strings.offline}`));
    const sameFilters = { ...filters };
    delete sameFilters.language;
    await renderElsewhere(q, r, sameFilters, id);
  } catch (e) {
    if (id !== runId) return;
    status.textContent = strings.error;
    console.error(e);
  }
}

function links() {
  return [...list.querySelectorAll('a[href]'), ...elsewhere.querySelectorAll('a[href]')];
}

input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(run, TYPING_DELAY_MS);
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(timer);
  run();
});
input.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown' && links().length) {
    e.preventDefault();
    links()[0].focus();
  }
});
function onResultKey(e) {
  const all = links();
  const i = all.indexOf(document.activeElement);
  if (i < 0) return;
  if (e.key === 'ArrowDown' && i + 1 < all.length) {
    e.preventDefault();
    all[i + 1].focus();
  } else if (e.key === 'ArrowUp') {
    e.preventDefault();
    (i > 0 ? all[i - 1] : input).focus();
  } else if (e.key === 'Escape') {
    input.focus();
  }
}
list.addEventListener('keydown', onResultKey);
elsewhere.addEventListener('keydown', onResultKey);

readAddress();
if (input.value) run();
else input.focus();
