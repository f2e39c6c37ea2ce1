// Which term shards hold a word: shards are ranges of folded word forms in sorted order, and
// the manifest lists the boundaries between them (src/search/shard.rs). JavaScript's `<`
// compares UTF-16 units, the order lore writes them in. Inlined into search/search.js.

/**
 * Number of the shard whose range holds `word`.
 * @param {string[]} boundaries  first key of each shard but the first, sorted
 * @param {string} word          folded word
 * @returns {number}
 */
export function shardOf(boundaries, word) {
  let lo = 0;
  let hi = boundaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (boundaries[mid] <= word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Shards holding words that start with `prefix`, at most `max` of them (the first ones).
 * @param {string[]} boundaries
 * @param {string} prefix
 * @param {number} max
 * @returns {number[]}
 */
export function shardsForPrefix(boundaries, prefix, max) {
  const first = shardOf(boundaries, prefix);
  const out = [first];
  for (let i = first; i < boundaries.length && out.length < max; i++) {
    if (!boundaries[i].startsWith(prefix)) break;
    out.push(i + 1);
  }
  return out;
}

/**
 * Path of a term shard, relative to the search folder.
 * @param {string} lang
 * @param {{version: string}} manifest
 * @param {number} shard
 */
export function shardPath(lang, manifest, shard) {
  return `${lang}/${manifest.version}/t/${shard}.json`;
}

/**
 * Path of a part of a document (a few of its sections, with its title, address and type),
 * relative to the search folder.
 * @param {string} lang
 * @param {{version: string}} manifest
 * @param {number} doc
 * @param {number} part
 */
export function partPath(lang, manifest, doc, part) {
  return `${lang}/${manifest.version}/c/${Math.floor(doc / 128)}/${doc}-${part}.json`;
}

/**
 * Path of the facet file holding a document's filter values.
 * @param {string} lang
 * @param {{version: string, facet_docs: number}} manifest
 * @param {number} file
 */
export function facetPath(lang, manifest, file) {
  return `${lang}/${manifest.version}/f/${file}.json`;
}

/**
 * Paths of the typo files holding the word forms that could be one edit away from `word`
 * (same first letter, one letter shorter to one longer), among those that exist.
 * @param {string} lang
 * @param {{version: string, typo: Object<string, number[]>}} manifest
 * @param {string} word  folded
 * @returns {string[]}
 */
export function typoPaths(lang, manifest, word) {
  const chars = [...word];
  const range = manifest.typo[chars[0]];
  if (!range) return [];
  const out = [];
  for (let n = Math.max(range[0], chars.length - 1); n <= Math.min(range[1], chars.length + 1); n++) {
    out.push(`${lang}/${manifest.version}/y/${chars[0].codePointAt(0)}-${n}.json`);
  }
  return out;
}
