// Filters and their counts: type, tags, themes and, for events, upcoming or past (decided in
// the browser from the event's dates, so it stays right long after the build). Facet files
// (src/search/mod.rs `facet_file`) hold for each document of a range its type, tags, themes
// and event dates as numbers into the language's names file. Loaded only when a search uses
// filters or asks for counts.

/**
 * @typedef {object} DocFacets
 * @property {string} type
 * @property {string[]} tags
 * @property {string[]} themes
 * @property {'upcoming' | 'past' | null} event
 */

/**
 * Whether an event is still to come (it has not ended) at `now`.
 * @param {string} start  ISO 8601
 * @param {string} end    ISO 8601, may be empty
 * @param {number} now    milliseconds since the epoch
 * @returns {'upcoming' | 'past' | null}
 */
export function eventStatus(start, end, now) {
  const t = Date.parse(end || start);
  if (Number.isNaN(t)) return null;
  // A date without a time means the whole day.
  const last = /^\d{4}-\d{2}-\d{2}$/.test(end || start) ? t + 86_400_000 : t;
  return last >= now ? 'upcoming' : 'past';
}

/**
 * The facets of document `doc` from its facet file.
 * @param {{y: number[], g: number[][], h: number[][], e: Object<string, string[]>}} file
 * @param {{type: string[], tags: string[], themes: string[]}} names
 * @param {number} offset  the document's place in the file
 * @param {number} now
 * @returns {DocFacets}
 */
export function docFacets(file, names, offset, now) {
  const ev = file.e[offset];
  return {
    type: names.type[file.y[offset]],
    tags: (file.g[offset] || []).map((i) => names.tags[i]),
    themes: (file.h[offset] || []).map((i) => names.themes[i]),
    event: ev ? eventStatus(ev[0], ev[1], now) : null,
  };
}

const asList = (v) => (v == null ? [] : Array.isArray(v) ? v : [v]);

/**
 * True if a document passes the filters: each filter lists accepted values (any of them).
 * @param {DocFacets} f
 * @param {{type?: string|string[], tags?: string|string[], themes?: string|string[], event?: string|string[]}} filters
 */
export function passes(f, filters) {
  const ok = (value, wanted) => {
    const w = asList(wanted);
    if (!w.length) return true;
    return Array.isArray(value) ? value.some((v) => w.includes(v)) : w.includes(value);
  };
  return ok(f.type, filters.type) && ok(f.tags, filters.tags) && ok(f.themes, filters.themes) && ok(f.event, filters.event);
}

/**
 * True if any of the filters this module knows is set.
 * @param {object} [filters]
 */
export function hasFacetFilters(filters) {
  return !!filters && ['type', 'tags', 'themes', 'event'].some((k) => asList(filters[k]).length > 0);
}

/**
 * Counts of each value of each facet over documents.
 * @param {DocFacets[]} list
 * @returns {{type: Object<string, number>, tags: Object<string, number>, themes: Object<string, number>, event: Object<string, number>}}
 */
export function countFacets(list) {
  const counts = { type: {}, tags: {}, themes: {}, event: {} };
  const add = (table, v) => {
    if (v != null) table[v] = (table[v] || 0) + 1;
  };
  for (const f of list) {
    add(counts.type, f.type);
    f.tags.forEach((t) => add(counts.tags, t));
    f.themes.forEach((t) => add(counts.themes, t));
    add(counts.event, f.event);
  }
  return counts;
}
