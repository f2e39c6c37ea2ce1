// Reading what the reader typed: words, "phrases in quotes", and whether the last word is still
// being typed (then it matches as a prefix). Inlined into search/search.js.

const OPEN_QUOTES = '"\u201C\u201E\u00AB';
const CLOSE_QUOTES = '"\u201D\u201C\u00BB';

/**
 * @typedef {object} QueryWord
 * @property {string} text    the word as typed
 * @property {number} phrase  index of its phrase, or -1 outside quotes
 */

/**
 * @typedef {object} ParsedQuery
 * @property {QueryWord[]} words
 * @property {number} phrases      number of quoted phrases
 * @property {boolean} prefixLast  the last word is unfinished (no space or quote after it)
 */

/**
 * Splits a query into words and quoted phrases. An unclosed quote runs to the end.
 * @param {string} query
 * @returns {ParsedQuery}
 */
export function parseQuery(query) {
  const words = [];
  let phrases = 0;
  let inPhrase = -1;
  let word = '';
  const flush = () => {
    if (word) words.push({ text: word, phrase: inPhrase });
    word = '';
  };
  for (const ch of query) {
    if (inPhrase < 0 && OPEN_QUOTES.includes(ch)) {
      flush();
      inPhrase = phrases++;
    } else if (inPhrase >= 0 && CLOSE_QUOTES.includes(ch)) {
      flush();
      inPhrase = -1;
    } else if (/\s/u.test(ch)) {
      flush();
    } else {
      word += ch;
    }
  }
  const endsOpen = word !== '' && inPhrase < 0;
  flush();
  return { words, phrases, prefixLast: endsOpen };
}
