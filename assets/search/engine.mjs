// The search engine: from a query to results, fetching only what the query needs.
//
// A first search costs three sequential round trips: search/search.js (this engine with every
// language's manifest written in), then in parallel the term shards of the query words and the
// language's stemmer module, then in parallel the part files of the results shown (their
// title, address, type and the text of the part of the page the match is in). Shards are picked from the folded words
// alone (src/search/shard.rs explains why that finds the stems), so they need not wait for the
// stemmer. Everything fetched is kept for later searches.
//
// `lore build` writes search/search.js as this file with analyze.mjs, query.mjs, shards.mjs,
// decode.mjs, rank.mjs and excerpt.mjs written in front of it (their imports dropped) and the
// index description in front of all (src/search/entry.rs); stemmers and filters.mjs are loaded
// when needed under content-hashed names.

import { createAnalyzer, fold, tokenize } from './analyze.mjs';
import { parseQuery } from './query.mjs';
import { facetPath, partPath, shardOf, shardPath, shardsForPrefix, typoPaths } from './shards.mjs';
import { decodeShard, termPostings } from './decode.mjs';
import { EXACT_WEIGHT, MAX_EXPANSIONS, TYPO_MIN_CHARS, TYPO_WEIGHT, idf, prefixAlternatives, rankDocuments, withinOneEdit } from './rank.mjs';
import { bestExcerpt, containsPhrase } from './excerpt.mjs';

/** Results returned when the caller gives no limit. */
const DEFAULT_LIMIT = 10;
/** Shards an unfinished last word may pull in. */
const PREFIX_SHARDS = 2;
/** Candidates whose text is checked for a quoted phrase, at most. */
const PHRASE_CHECKS = 40;

/**
 * @typedef {object} SearchResult
 * @property {string} url      the page's address, with the site's base path
 * @property {string} title
 * @property {string} type     content type (guide, toolkit, technique, event, page...)
 * @property {string} excerpt  escaped text; matched words in <mark>
 * @property {number} score
 * @property {string|null} anchor  id of the heading nearest the match
 * @property {string} heading       that heading's text
 * @property {string} lang          language of the page
 */

/**
 * @typedef {object} SearchOptions
 * @property {string} [lang]     language code; defaults to the page's <html lang>, then the site's first
 * @property {object} [filters]  {type, tags, themes, event: 'upcoming'|'past', language}: accepted
 *   values; `language` searches those languages' indexes instead of `lang`
 * @property {number} [limit]    most results (10)
 */

/**
 * An engine over the index described by `index` (written by `lore build`), whose files sit
 * beside `moduleUrl` (the URL of search/search.js).
 * @param {{default: string, languages: Object<string, object>, modules: Object<string, string>}} index
 * @param {string} moduleUrl
 * @param {{fetch?: (url: string) => Promise<{ok: boolean, json: () => Promise<any>}>}} [options]
 */
export function createEngine(index, moduleUrl, options = {}) {
  const searchDir = new URL('./', moduleUrl);
  const siteRoot = new URL('../', moduleUrl);
  const basePath = siteRoot.protocol === 'file:' ? '/' : siteRoot.pathname;
  const files = new Map();
  const modules = new Map();
  let fetchImpl = options.fetch || null;

  async function readJson(url) {
    if (fetchImpl) return respond(await fetchImpl(url), url);
    if (url.startsWith('file:')) {
      const fs = await import('node:fs/promises');
      return JSON.parse(await fs.readFile(new URL(url), 'utf8'));
    }
    return respond(await fetch(url), url);
  }

  async function respond(r, url) {
    if (!r.ok) throw new Error(`search: ${url} answered ${r.status}`);
    return r.json();
  }

  /** A file of the search folder, fetched once. */
  function load(rel, decode = (x) => x) {
    let p = files.get(rel);
    if (!p) {
      p = readJson(new URL(rel, searchDir).href).then(decode);
      p.catch(() => files.delete(rel));
      files.set(rel, p);
    }
    return p;
  }

  /** Searches that could not fetch a file (the reader is offline and the service worker has
   *  not kept it): their results may be incomplete. */
  let missed = 0;

  /** Like `load`, but a file the network cannot bring (a TypeError from fetch, as offline)
   *  is `fallback` and the search is marked incomplete; a file that is not there (404) is
   *  still an error. */
  async function loadOrMiss(rel, decode, fallback) {
    try {
      return await load(rel, decode);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      missed += 1;
      return fallback;
    }
  }

  function loadModule(name) {
    let p = modules.get(name);
    if (!p) {
      p = import(new URL(index.modules[name] || `${name}.mjs`, searchDir).href);
      p.catch(() => modules.delete(name));
      modules.set(name, p);
    }
    return p;
  }

  function language(lang) {
    const guess = lang || (typeof document !== 'undefined' && document.documentElement.lang) || index.default;
    const code = [guess, String(guess).split('-')[0]].find((c) => index.languages[c]) || index.default;
    return { code, manifest: index.languages[code] };
  }

  async function analyzer(manifest) {
    const stem = manifest.stemmer ? (await loadModule(manifest.stemmer)).stem : null;
    return createAnalyzer({ stop: manifest.stop, stem });
  }

  // Start loading the likely stemmer now, alongside the first query's shards.
  const likely = language(null).manifest;
  if (likely?.stemmer) loadModule(likely.stemmer).catch(() => {});

  /** The query's tokens, without stop words, and its phrases (stop words kept). */
  function readQuery(query, manifest) {
    const parsed = parseQuery(String(query || ''));
    const stop = new Set(manifest.stop);
    const tokens = [];
    const phrases = [];
    parsed.words.forEach((word, w) => {
      const toks = tokenize(fold(word.text));
      if (word.phrase >= 0) (phrases[word.phrase] ||= []).push(...toks);
      toks.forEach((text, i) => {
        const last = w === parsed.words.length - 1 && i === toks.length - 1;
        if (!stop.has(text)) tokens.push({ text, phrase: word.phrase, prefix: last && parsed.prefixLast, alternatives: [] });
      });
    });
    return { tokens, phrases: phrases.filter((p) => p && p.length > 1) };
  }

  const EMPTY_SHARD = { terms: new Map(), forms: [], formTerms: [] };
  const shardFile = (code, manifest, n) => loadOrMiss(shardPath(code, manifest, n), decodeShard, EMPTY_SHARD);

  /** Finds what each token may match, fetching the shards it needs. */
  async function matchTokens(tokens, code, manifest) {
    const wanted = new Set();
    for (const t of tokens) {
      wanted.add(shardOf(manifest.boundaries, t.text));
      if (t.prefix && t.text.length >= 2) shardsForPrefix(manifest.boundaries, t.text, PREFIX_SHARDS).forEach((s) => wanted.add(s));
    }
    const [an] = await Promise.all([analyzer(manifest), ...[...wanted].map((n) => shardFile(code, manifest, n))]);
    const shardFor = (word) => shardFile(code, manifest, shardOf(manifest.boundaries, word));
    await Promise.all(
      tokens.map(async (t) => {
        const term = an.stem(t.text);
        let entry = (await shardFor(t.text)).terms.get(term);
        // A stem that keeps the start of its word sorts beside the word's other forms, so the
        // word's shard has it if the site does; one that does not (Arabic prefixes) may be
        // elsewhere: its own spelling's shard has it.
        if (!entry && !t.text.startsWith(term.slice(0, -1))) entry = (await shardFor(term)).terms.get(term);
        if (entry) t.alternatives.push({ term, weight: EXACT_WEIGHT, entry });
        if (t.prefix && t.text.length >= 2) {
          const near = await Promise.all(shardsForPrefix(manifest.boundaries, t.text, PREFIX_SHARDS).map((n) => shardFile(code, manifest, n)));
          t.alternatives.push(...prefixAlternatives(t.text, near, term));
        }
        if (!t.alternatives.length && [...t.text].length >= TYPO_MIN_CHARS) {
          t.alternatives.push(...(await typoAlternatives(t.text, code, manifest, shardFor)));
        }
      }),
    );
    return an;
  }

  /** Terms of the site's word forms one edit away from `word` (from the typo files). */
  async function typoAlternatives(word, code, manifest, shardFor) {
    const lists = await Promise.all(typoPaths(code, manifest, word).map((p) => loadOrMiss(p, undefined, [])));
    const forms = lists.flat().filter((f) => withinOneEdit(word, f)).slice(0, MAX_EXPANSIONS);
    const found = new Map();
    await Promise.all(
      forms.map(async (form) => {
        const shard = await shardFor(form);
        const i = shard.forms.indexOf(form);
        const term = i >= 0 ? shard.formTerms[i] : null;
        const entry = term && shard.terms.get(term);
        if (entry && !found.has(term)) found.set(term, { term, weight: TYPO_WEIGHT, entry });
      }),
    );
    return [...found.values()].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  }

  /** Ranked hits of a query in one language, before filters. */
  async function run(query, lang) {
    const { code, manifest } = language(lang);
    const empty = { code, manifest, hits: [], tokens: [], phrases: [], analyzer: null };
    if (!manifest || !manifest.docs) return empty;
    const { tokens, phrases } = readQuery(query, manifest);
    if (!tokens.length) return empty;
    const an = await matchTokens(tokens, code, manifest);
    const { hits } = rankDocuments(tokens, manifest, (entry) => termPostings(entry, manifest.cap));
    return { code, manifest, hits, tokens, phrases, analyzer: an };
  }

  /** Facets of documents, from the facet files that hold them; `null` for a document whose
   *  facet file the network cannot bring (offline, not kept), and the search is then marked
   *  incomplete. */
  async function facetsOf(code, manifest, docs) {
    const filters = await loadModule('filters');
    const names = await loadOrMiss(`${code}/${manifest.version}/f/names.json`, undefined, null);
    const fileNos = [...new Set(docs.map((d) => Math.floor(d / manifest.facet_docs)))];
    const loaded = new Map(await Promise.all(fileNos.map(async (n) => [n, names && (await loadOrMiss(facetPath(code, manifest, n), undefined, null))])));
    const now = Date.now();
    return {
      filters,
      of: docs.map((d) => {
        const file = loaded.get(Math.floor(d / manifest.facet_docs));
        return file ? filters.docFacets(file, names, d % manifest.facet_docs, now) : null;
      }),
    };
  }

  /** The hits that pass the filters; a hit whose facets are unknown (offline) is left out. */
  async function applyFilters(ctx, filters) {
    const active = filters && ['type', 'tags', 'themes', 'event'].some((k) => filters[k] != null && [].concat(filters[k]).length);
    if (!active || !ctx.hits.length) return ctx.hits;
    const { filters: f, of } = await facetsOf(ctx.code, ctx.manifest, ctx.hits.map((h) => h.doc));
    return ctx.hits.filter((_, i) => of[i] && f.passes(of[i], filters));
  }

  const partFile = (ctx, hit) => load(partPath(ctx.code, ctx.manifest, hit.doc, hit.part));

  /** Weight of a run of letters of a result's text: how much it matches the query. */
  function weigher(ctx) {
    const weights = new Map();
    for (const t of ctx.tokens) {
      for (const a of t.alternatives) {
        weights.set(a.term, Math.max(weights.get(a.term) || 0, a.weight * idf(a.entry.df, ctx.manifest.docs)));
      }
    }
    const prefixes = ctx.tokens.filter((t) => t.prefix && t.text.length >= 2).map((t) => t.text);
    const stop = new Set(ctx.manifest.stop);
    const memo = new Map();
    // Stems keep the first letters of their words, except in Arabic: a word whose first two
    // letters start no matched term cannot match, and need not be stemmed.
    const heads = ctx.manifest.stemmer === 'stemmer-ar' ? null : new Set([...weights.keys()].map((t) => t.slice(0, 2)));
    return (run) => {
      let w = memo.get(run);
      if (w !== undefined) return w;
      w = 0;
      for (const tok of tokenize(fold(run))) {
        if (stop.has(tok)) continue;
        if (prefixes.some((p) => tok.startsWith(p))) w = Math.max(w, 0.1);
        if (heads && !heads.has(tok.slice(0, 2))) continue;
        w = Math.max(w, weights.get(ctx.analyzer.stem(tok)) || 0);
      }
      memo.set(run, w);
      return w;
    };
  }

  /** Keeps the hits whose best part holds every quoted phrase, until `limit` are found. */
  async function checkPhrases(ctx, hits, limit) {
    if (!ctx.phrases.length) return hits;
    const same = (a, b) => a === b || ctx.analyzer.stem(a) === ctx.analyzer.stem(b);
    const out = [];
    const candidates = hits.slice(0, PHRASE_CHECKS);
    for (let i = 0; i < candidates.length && out.length < limit; i += limit) {
      const batch = candidates.slice(i, i + limit);
      const parts = await Promise.all(batch.map((h) => partFile(ctx, h)));
      batch.forEach((h, j) => {
        const c = parts[j];
        const text = tokenize(fold([c.t, ...c.s.flatMap((s) => [s.h, s.x])].join(' ')));
        if (ctx.phrases.every((p) => containsPhrase(text, p, same))) out.push(h);
      });
    }
    return out;
  }

  /** Results for hits, each `{ctx, hit}` from its language's search. */
  async function present(tagged) {
    const weighers = new Map();
    const parts = await Promise.all(tagged.map(({ ctx, hit }) => loadOrMiss(partPath(ctx.code, ctx.manifest, hit.doc, hit.part), undefined, null)));
    // A result whose text was not kept offline cannot be shown.
    return tagged.flatMap(({ ctx, hit }, i) => {
      if (!weighers.has(ctx)) weighers.set(ctx, weigher(ctx));
      const c = parts[i];
      if (!c) return [];
      const { excerpt, anchor, heading } = bestExcerpt(c.s, weighers.get(ctx));
      return [{
        url: basePath + c.u.replace(/^\//, ''),
        title: c.t,
        type: c.y,
        excerpt,
        score: Math.round(hit.score * 1000) / 1000,
        anchor,
        heading,
        lang: ctx.code,
      }];
    });
  }

  /**
   * Searches the site.
   * @param {string} query
   * @param {SearchOptions} [opts]
   * @returns {Promise<SearchResult[]>} (with `incomplete: true` on the array when some files
   *   could not be fetched: see searchWithCounts)
   */
  async function search(query, opts = {}) {
    const r = await searchWithCounts(query, { ...opts, counts: false });
    if (r.incomplete) r.results.incomplete = true;
    return r.results;
  }

  /**
   * Searches the site and, with `counts`, counts the matches per type, tag, theme, event
   * status and language (before filters).
   * @param {string} query
   * @param {SearchOptions & {counts?: boolean}} [opts]
   * `incomplete` is true when a file could not be fetched (offline, not kept by the service
   * worker): the results come from the files that were.
   * @returns {Promise<{results: SearchResult[], total: number, counts: object|null, lang: string, incomplete: boolean}>}
   */
  async function searchWithCounts(query, opts = {}) {
    if (opts.fetch) fetchImpl = opts.fetch;
    const missedBefore = missed;
    const limit = Number.isInteger(opts.limit) && opts.limit >= 0 ? opts.limit : DEFAULT_LIMIT;
    const wanted = [].concat(opts.filters?.language ?? []).filter((c) => index.languages[c]);
    const ctxs = await Promise.all((wanted.length ? wanted : [opts.lang]).map((l) => run(query, l)));
    const countsP = opts.counts ? countAll(ctxs[0], query) : null;
    // Each language is ranked on its own; several are merged by score.
    const tagged = [];
    for (const ctx of ctxs) {
      const hits = await checkPhrases(ctx, await applyFilters(ctx, opts.filters), limit);
      tagged.push(...hits.map((hit) => ({ ctx, hit })));
    }
    if (ctxs.length > 1) tagged.sort((a, b) => b.hit.score - a.hit.score);
    const results = await present(tagged.slice(0, limit));
    const counts = countsP ? await countsP.catch((e) => {
      if (!(e instanceof TypeError)) throw e;
      missed += 1;
      return null;
    }) : null;
    return { results, total: tagged.length, counts, lang: ctxs[0].code, incomplete: missed > missedBefore };
  }

  async function countAll(ctx, query) {
    const counts = { type: {}, tags: {}, themes: {}, event: {}, language: {} };
    if (ctx.hits.length) {
      const { filters, of } = await facetsOf(ctx.code, ctx.manifest, ctx.hits.map((h) => h.doc));
      Object.assign(counts, filters.countFacets(of.filter(Boolean)), { language: {} });
    }
    const others = Object.keys(index.languages).filter((c) => c !== ctx.code && index.languages[c].docs);
    const totals = await Promise.all(others.map(async (c) => [c, (await run(query, c)).hits.length]));
    counts.language[ctx.code] = ctx.hits.length;
    for (const [c, n] of totals) counts.language[c] = n;
    return counts;
  }

  return {
    search,
    searchWithCounts,
    /** Sets the function used to fetch index files (for Node, tests). */
    configure(o = {}) {
      if (o.fetch) fetchImpl = o.fetch;
    },
  };
}
