// Ranking: BM25 over the impacts stored in the postings, AND with a fall-back to OR, prefix
// expansion of the last word and typo tolerance (one edit) for words that match nothing.
// Pure functions over decoded shards; inlined into search/search.js.

/** Weight of an exact term, of a prefix expansion (scaled by how much of the word was typed)
 * and of a typo correction. */
export const EXACT_WEIGHT = 1;
export const TYPO_WEIGHT = 0.6;
/** Most terms a prefix or a typo expands to. */
export const MAX_EXPANSIONS = 24;
/** Shortest word that gets typo tolerance, in characters. */
export const TYPO_MIN_CHARS = 5;

/**
 * BM25 inverse document frequency.
 * @param {number} df
 * @param {number} n  documents in the index
 */
export function idf(df, n) {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * True if `a` and `b` differ by at most one edit: a letter inserted, deleted, replaced, or two
 * neighbours swapped.
 * @param {string} a
 * @param {string} b
 */
export function withinOneEdit(a, b) {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // replaced
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Forms of a shard that start with `prefix`, in order.
 * @param {string[]} forms  sorted
 * @param {string} prefix
 * @returns {number[]} indexes into `forms`
 */
export function formsWithPrefix(forms, prefix) {
  let lo = 0;
  let hi = forms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (forms[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out = [];
  for (let i = lo; i < forms.length && forms[i].startsWith(prefix); i++) out.push(i);
  return out;
}

/**
 * @typedef {object} Alternative  a term a query token may match
 * @property {string} term
 * @property {number} weight
 * @property {{df: number, data: string}} entry  the term's shard entry
 */

/**
 * @typedef {object} Token  one analysed query word
 * @property {string} text          folded word
 * @property {number} phrase        phrase index or -1
 * @property {boolean} prefix       unfinished last word
 * @property {Alternative[]} alternatives
 */

/**
 * @typedef {object} Hit
 * @property {number} doc
 * @property {number} score
 * @property {number} matched   tokens matched
 * @property {number} part      part of the page where the matched tokens weigh most
 */

/**
 * Scores every document matching the tokens. AND over the tokens that can be required (those
 * with a complete posting list, and every phrase word); if no document has them all, OR, with
 * scores scaled by the share of tokens matched.
 * @param {Token[]} tokens
 * @param {{docs: number, cap: number}} manifest
 * @param {(entry: object) => {docs: Uint32Array, impacts: Uint8Array, parts: Uint16Array}} postingsOf
 * @returns {{hits: Hit[], mode: 'and' | 'or'}}  hits best first
 */
export function rankDocuments(tokens, manifest, postingsOf) {
  const byDoc = new Map();
  let required = 0;
  let missing = false;
  tokens.forEach((token, ti) => {
    if (!token.alternatives.length) {
      missing = true;
      return;
    }
    const mustHave = token.phrase >= 0 || token.alternatives.some((a) => a.entry.df <= manifest.cap);
    if (mustHave) required++;
    const best = new Map(); // doc -> [contribution, part]
    for (const alt of token.alternatives) {
      const p = postingsOf(alt.entry);
      const w = alt.weight * idf(alt.entry.df, manifest.docs);
      for (let i = 0; i < p.docs.length; i++) {
        const s = (w * p.impacts[i]) / 255;
        const prev = best.get(p.docs[i]);
        if (!prev || s > prev[0]) best.set(p.docs[i], [s, p.parts[i]]);
      }
    }
    for (const [doc, [s, part]] of best) {
      let d = byDoc.get(doc);
      if (!d) byDoc.set(doc, (d = { doc, score: 0, matched: 0, required: 0, parts: new Map() }));
      d.score += s;
      d.matched++;
      if (mustHave) d.required++;
      d.parts.set(part, (d.parts.get(part) || 0) + s + ti * 1e-9);
    }
  });
  let hits = [...byDoc.values()];
  let mode = 'or';
  if (!missing && required > 0) {
    const all = hits.filter((d) => d.required === required);
    if (all.length) {
      hits = all;
      mode = 'and';
    }
  }
  if (mode === 'or') {
    for (const d of hits) d.score *= d.matched / tokens.length;
  }
  const out = hits.map((d) => ({ doc: d.doc, score: d.score, matched: d.matched, part: bestPart(d.parts) }));
  out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return { hits: out, mode };
}

function bestPart(parts) {
  let best = 0;
  let bestScore = -1;
  for (const [c, s] of parts) {
    if (s > bestScore || (s === bestScore && c < best)) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

/**
 * Terms reached by the forms of `shards` that start with `prefix` (an unfinished word), best
 * known first, weighted by how much of the form was typed.
 * @param {string} prefix
 * @param {Array<{forms: string[], formTerms: string[], terms: Map}>} shards
 * @param {string} exact  the exact term, left out
 * @returns {Alternative[]}
 */
export function prefixAlternatives(prefix, shards, exact) {
  const seen = new Map();
  for (const shard of shards) {
    for (const i of formsWithPrefix(shard.forms, prefix)) {
      const term = shard.formTerms[i];
      if (term === exact) continue;
      const weight = 0.5 + (0.4 * prefix.length) / shard.forms[i].length;
      const prev = seen.get(term);
      if (!prev || prev.weight < weight) seen.set(term, { term, weight, entry: shard.terms.get(term) });
    }
  }
  return [...seen.values()]
    .filter((a) => a.entry)
    .sort((a, b) => b.entry.df - a.entry.df || (a.term < b.term ? -1 : 1))
    .slice(0, MAX_EXPANSIONS);
}
