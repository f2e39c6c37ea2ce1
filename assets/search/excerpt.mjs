// Excerpts: about 30 words of a result's chunk around its best match, as escaped text in which
// only `<mark>` is markup, and phrase checks on the same text. Inlined into search/search.js.

/** Words in an excerpt. */
export const EXCERPT_WORDS = 30;

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML.
 * @param {string} text
 */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const WORD_RE = /[\p{Alphabetic}\p{M}\p{N}]+/gu;

/**
 * Marks the parts of a whitespace-separated word that match, escaping everything.
 * @param {string} word
 * @param {(part: string) => number} weigh  > 0 for a matching run of letters
 */
function markWord(word, weigh) {
  let out = '';
  let last = 0;
  for (const m of word.matchAll(WORD_RE)) {
    out += escapeHtml(word.slice(last, m.index));
    out += weigh(m[0]) > 0 ? `<mark>${escapeHtml(m[0])}</mark>` : escapeHtml(m[0]);
    last = m.index + m[0].length;
  }
  return out + escapeHtml(word.slice(last));
}

function wordWeight(word, weigh) {
  let w = 0;
  for (const m of word.matchAll(WORD_RE)) w = Math.max(w, weigh(m[0]));
  return w;
}

/**
 * The best window of about `size` words of a text: where matching words weigh most (a word
 * counts once per window), preferring a few words of context before the first match.
 * @param {string[]} words
 * @param {number[]} weights  weight of each word (0: no match)
 * @param {number} size
 * @returns {{start: number, score: number}}
 */
function bestWindow(words, weights, size) {
  const n = Math.min(size, words.length);
  const keys = words.map((w, i) => (weights[i] > 0 ? w.toLowerCase() : null));
  // Slide the window one word at a time, keeping how often each matching word is in it.
  const inWindow = new Map();
  let score = 0;
  const add = (i, d) => {
    const k = keys[i];
    if (k === null) return;
    const c = (inWindow.get(k) || 0) + d;
    if (c === 0) inWindow.delete(k);
    else inWindow.set(k, c);
    if ((d > 0 && c === 1) || (d < 0 && c === 0)) score += d * weights[i];
  };
  for (let i = 0; i < n; i++) add(i, 1);
  let best = { start: 0, score };
  let bestRank = rank(0);
  function rank(start) {
    let first = -1;
    for (let i = start; i < start + n && first < 0; i++) if (keys[i] !== null) first = i - start;
    return score - (first >= 0 ? Math.abs(first - n / 4) * 1e-6 : 0);
  }
  for (let start = 1; start + n <= words.length; start++) {
    add(start - 1, -1);
    add(start + n - 1, 1);
    if (score + 1e-9 < bestRank) continue;
    const r = rank(start);
    if (r > bestRank) {
      bestRank = r;
      best = { start, score };
    }
  }
  return best;
}

/**
 * An excerpt of `text`: the window of about `size` words where matching words weigh most,
 * escaped, with matches in `<mark>`.
 * @param {string} text
 * @param {(word: string) => number} weigh  weight of a run of letters (0: no match)
 * @param {number} [size]
 * @returns {string}
 */
export function makeExcerpt(text, weigh, size = EXCERPT_WORDS) {
  return excerptOf(text, weigh, size).html;
}

function excerptOf(text, weigh, size) {
  const words = text.split(/\s+/).filter(Boolean);
  if (!words.length) return { html: '', score: 0 };
  const weights = words.map((w) => wordWeight(w, weigh));
  const { start, score } = bestWindow(words, weights, size);
  const end = Math.min(words.length, start + size);
  const parts = words.slice(start, end).map((w) => markWord(w, weigh));
  const html = (start > 0 ? '… ' : '') + parts.join(' ') + (end < words.length ? ' …' : '');
  return { html, score };
}

/**
 * The excerpt of the section that matches best, and that section's anchor. Sections are
 * `{a: anchor, h: heading, x: text}` as part files hold them; without any match, the first
 * section with text.
 * @param {Array<{a: string|null, h: string, x: string}>} sections
 * @param {(word: string) => number} weigh
 * @param {number} [size]
 * @returns {{excerpt: string, anchor: string|null, heading: string}}
 */
export function bestExcerpt(sections, weigh, size = EXCERPT_WORDS) {
  let best = null;
  for (const s of sections) {
    const e = excerptOf(s.x || '', weigh, size);
    const heading = s.h ? wordWeightOf(s.h, weigh) : 0;
    const score = e.score + heading;
    if (e.html && (!best || score > best.score)) best = { score, excerpt: e.html, anchor: s.a || null, heading: s.h || '' };
  }
  return best ? { excerpt: best.excerpt, anchor: best.anchor, heading: best.heading } : { excerpt: '', anchor: null, heading: '' };
}

function wordWeightOf(text, weigh) {
  let w = 0;
  for (const word of text.split(/\s+/)) w += wordWeight(word, weigh);
  return w;
}

/**
 * True if the text holds the phrase: its tokens in a row, stop words included, each compared
 * through `same` (equal terms after analysis).
 * @param {string[]} textTokens   folded tokens of the text
 * @param {string[]} phraseTokens folded tokens of the phrase
 * @param {(a: string, b: string) => boolean} same
 */
export function containsPhrase(textTokens, phraseTokens, same) {
  const n = phraseTokens.length;
  if (!n) return true;
  outer: for (let i = 0; i + n <= textTokens.length; i++) {
    for (let j = 0; j < n; j++) if (!same(textTokens[i + j], phraseTokens[j])) continue outer;
    return true;
  }
  return false;
}
