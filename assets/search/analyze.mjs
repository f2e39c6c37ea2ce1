// Analysis of query text: the same folding, tokens, stop words and stems as the index built by
// `lore build` (src/search/normalize.rs, tokenize.rs, stem.rs). tests/js/analysis.test.mjs
// checks both sides against tests/js/vectors/analysis.json. Inlined into search/search.js.

const LETTER_MAP = {
  '\u0622': '\u0627', '\u0623': '\u0627', '\u0625': '\u0627',
  '\u0671': '\u0627', '\u0672': '\u0627', '\u0673': '\u0627',
  '\u0629': '\u0647',
  '\u0649': '\u064A',
  '\u0640': '',
  '\u03C2': '\u03C3',
};
const LETTER_RE = /[\u0622\u0623\u0625\u0671-\u0673\u0629\u0649\u0640\u03C2\u0660-\u0669\u06F0-\u06F9]/g;
const TOKEN_RE = /[\p{Alphabetic}\p{N}]+/gu;
const NON_BMP_RE = /[\u{10000}-\u{10FFFF}]/u;
const NON_ASCII_RE = /[^\x00-\x7f]/;
/** Shortest and longest tokens kept, in characters (tokenize.rs MIN_CHARS, MAX_CHARS). */
export const MIN_CHARS = 2;
export const MAX_CHARS = 40;

function mapLetter(c) {
  const code = c.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return LETTER_MAP[c];
}

/**
 * Folds text: compatibility decomposition, lowercase, combining marks dropped, Arabic letter
 * variants unified (alef, ta marbuta, alef maqsura, tatweel), Arabic digits made ASCII.
 * @param {string} text
 * @returns {string}
 */
export function fold(text) {
  if (!NON_ASCII_RE.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '').replace(LETTER_RE, mapLetter);
}

function charCount(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * The tokens of folded text: runs of letters and digits of 2 to 40 characters.
 * @param {string} folded
 * @returns {string[]}
 */
export function tokenize(folded) {
  const out = [];
  for (const m of folded.matchAll(TOKEN_RE)) {
    const n = m[0].length <= MAX_CHARS ? charCount(m[0]) : MAX_CHARS + 1;
    if (n >= MIN_CHARS && n <= MAX_CHARS) out.push(m[0]);
  }
  return out;
}

/**
 * @typedef {object} Analyzer
 * @property {(token: string) => boolean} isStop  true for a folded stop word
 * @property {(token: string) => string} stem     the term of a folded token
 */

/**
 * An analyzer from a language's stop words (folded) and stemmer (or none).
 * @param {{stop?: string[], stem?: ((word: string) => string) | null}} parts
 * @returns {Analyzer}
 */
export function createAnalyzer({ stop = [], stem = null } = {}) {
  const stopSet = new Set(stop);
  return {
    isStop: (token) => stopSet.has(token),
    stem: (token) => (stem && !NON_BMP_RE.test(token) ? stem(token) : token),
  };
}

/**
 * The terms of a text, as the index holds them (stop words left out).
 * @param {string} text
 * @param {Analyzer} analyzer
 * @returns {string[]}
 */
export function analyze(text, analyzer) {
  return tokenize(fold(text))
    .filter((t) => !analyzer.isStop(t))
    .map((t) => analyzer.stem(t));
}
