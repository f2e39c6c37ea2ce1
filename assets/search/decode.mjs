// Reading index files written by src/search/encode.rs: base64, LEB128 varints and posting
// lists (document deltas, then impact bytes, then part numbers). Inlined into search/search.js.

const B64 = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => {
  B64[c.charCodeAt(0)] = i;
});

/**
 * Decodes unpadded standard base64.
 * @param {string} text
 * @returns {Uint8Array}
 */
export function decodeBase64(text) {
  const out = new Uint8Array((text.length * 3) >> 2);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const v = B64[text.charCodeAt(i)];
    if (v < 0 || v === undefined) throw new Error('bad base64 in search index');
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

/**
 * @typedef {object} Postings
 * @property {Uint32Array} docs     document numbers, ascending
 * @property {Uint8Array} impacts   quantised BM25F impacts
 * @property {Uint16Array} parts    part of each document where the term is best seen
 */

/**
 * Decodes a posting list of `n` postings.
 * @param {Uint8Array} bytes
 * @param {number} n
 * @returns {Postings}
 */
export function decodePostings(bytes, n) {
  const docs = new Uint32Array(n);
  const parts = new Uint16Array(n);
  let pos = 0;
  let doc = 0;
  const varint = () => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[pos++];
      if (b === undefined) throw new Error('truncated posting list in search index');
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
    }
  };
  for (let i = 0; i < n; i++) {
    doc += varint();
    docs[i] = doc;
  }
  const impacts = bytes.slice(pos, pos + n);
  pos += n;
  for (let i = 0; i < n; i++) parts[i] = varint();
  return { docs, impacts, parts };
}

/**
 * @typedef {object} Shard
 * @property {Map<string, {df: number, data: string, postings?: Postings}>} terms
 * @property {string[]} forms       word forms of the shard's range, sorted
 * @property {string[]} formTerms   the term of each form
 */

/**
 * Reads a term shard's JSON (`{s: terms, d: dfs, p: postings, f: forms, m: form terms}`).
 * @param {{s: string[], d: number[], p: string[], f: string[], m: number[]}} json
 * @returns {Shard}
 */
export function decodeShard(json) {
  const terms = new Map();
  json.s.forEach((t, i) => terms.set(t, { df: json.d[i], data: json.p[i] }));
  return { terms, forms: json.f, formTerms: json.m.map((i) => json.s[i]) };
}

/**
 * The postings of a shard term, decoded once.
 * @param {{df: number, data: string, postings?: Postings}} entry
 * @param {number} cap  most postings kept per term (manifest)
 * @returns {Postings}
 */
export function termPostings(entry, cap) {
  entry.postings ??= decodePostings(decodeBase64(entry.data), Math.min(entry.df, cap));
  return entry.postings;
}
