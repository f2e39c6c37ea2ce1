#!/usr/bin/env node
// What other layouts of the search index would cost a reader (issue 22, point 4): replays the
// requests the search harness logged against a built site under each candidate layout, with
// the same gzip (level 6) and the same per-response header bytes, and counts the index files
// each layout writes.
//
//   node bench/index_layouts.mjs SITE_OUT RESULT.json [RESULT.json...]
//
// SITE_OUT: a lore output (its search/<lang>/<version>/ folder is read); RESULT.json: what
// bench/search/search_eval.mjs wrote for that output (`--engine lore`), one per query set.
// The ranking does not depend on the layout (the same postings, the same documents), so MRR@10
// is the harness's own; what a layout changes is which files hold the parts a result shows,
// and so the bytes and the file count. Each query set is one browser session: a file fetched
// by an earlier query is not fetched again, as in the engine.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { decodeBase64, decodePostings } from '../assets/search/decode.mjs';

const [site, ...results] = process.argv.slice(2);
if (!site || !results.length) {
  console.error('usage: node bench/index_layouts.mjs SITE_OUT RESULT.json [RESULT.json...]');
  process.exit(2);
}
// The language of the queries (the harness's `lang`; the generated corpora are English).
const lang = JSON.parse(fs.readFileSync(results[0], 'utf8')).per_query[0]?.lang || 'en';
const langDir = path.join(site, 'search', lang);
const version = fs.readdirSync(langDir).find((d) => fs.existsSync(path.join(langDir, d, 't')));
const root = path.join(langDir, version);
const count = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.json')).length : 0);
const shardFiles = count(path.join(root, 't'));
const otherFiles = count(path.join(root, 'f')) + count(path.join(root, 'y'));

// Every part file, by document.
const partsOf = new Map();
for (const folder of fs.readdirSync(path.join(root, 'c'))) {
  for (const f of fs.readdirSync(path.join(root, 'c', folder))) {
    const [doc, part] = f.replace('.json', '').split('-').map(Number);
    if (!partsOf.has(doc)) partsOf.set(doc, []);
    partsOf.get(doc).push(part);
  }
}
for (const list of partsOf.values()) list.sort((a, b) => a - b);
const docs = Math.max(...partsOf.keys()) + 1;
const partCount = [...partsOf.values()].reduce((n, l) => n + l.length, 0);
const partText = (doc, part) => fs.readFileSync(path.join(root, 'c', String(Math.floor(doc / 128)), `${doc}-${part}.json`), 'utf8');
const shardText = (n) => fs.readFileSync(path.join(root, 't', `${n}.json`), 'utf8');
const gzMemo = new Map();
const gz = (key, text) => {
  if (!gzMemo.has(key)) gzMemo.set(key, zlib.gzipSync(Buffer.from(text()), { level: 6 }).length);
  return gzMemo.get(key);
};
const deflated = (doc, part) => gz(`raw:${doc}-${part}`, () => partText(doc, part)) - 18; // gzip's header and trailer

// Packs read by range: 128 pages' parts, each deflated alone, one after the other. A reader
// must know where a part starts and how long it is before asking for it: either every posting
// carries its part's offset and length (the term shards grow), or each pack has a small table
// of them, fetched before the range (one more round trip, once per pack).
const PACK_DOCS = 128;
const CAP = 1024;
const where = new Map(); // "doc-part" -> [offset in its pack, length]
const packTable = new Map(); // pack -> bytes of its table (varint lengths)
const put = (out, v) => { while (v >= 0x80) { out.push((v & 0x7f) | 0x80); v = Math.floor(v / 128); } out.push(v); };
function packs() {
  if (where.size) return;
  for (let first = 0; first < docs; first += PACK_DOCS) {
    let offset = 0;
    const table = [];
    for (let d = first; d < Math.min(first + PACK_DOCS, docs); d++) {
      for (const p of partsOf.get(d) || []) {
        const len = deflated(d, p);
        where.set(`${d}-${p}`, [offset, len]);
        put(table, len);
        offset += len;
      }
    }
    packTable.set(first / PACK_DOCS, table);
  }
}
/** A shard's JSON with each posting's offset and length added as one more base64 column. */
function shardWithOffsets(n) {
  packs();
  const json = JSON.parse(shardText(n));
  json.o = json.p.map((data, i) => {
    const { docs: ds, parts } = decodePostings(decodeBase64(data), Math.min(json.d[i], CAP));
    const out = [];
    ds.forEach((d, k) => { const [o, l] = where.get(`${d}-${parts[k]}`) || [0, 0]; put(out, o); put(out, l); });
    return Buffer.from(out).toString('base64').replace(/=+$/, '');
  });
  return JSON.stringify(json);
}

/** Layouts: where a document's part lives (a file key and that file's text) and how many
 *  files hold the parts; `shardGroup` merges that many neighbouring term shards into a file. */
const byDocs = (k) => ({
  name: k === 1 ? 'a file per page (its parts together)' : `a file per ${k} pages in document order`,
  partFile: (doc) => `d${Math.floor(doc / k)}`,
  text: (doc) => {
    const first = Math.floor(doc / k) * k;
    const texts = [];
    for (let d = first; d < Math.min(first + k, docs); d++) for (const p of partsOf.get(d) || []) texts.push(partText(d, p));
    return `[${texts.join(',')}]`;
  },
  files: Math.ceil(docs / k),
});
const LAYOUTS = [
  { name: 'main: a file per part', partFile: (doc, part) => `${doc}-${part}`, text: (doc, part) => partText(doc, part), files: partCount },
  byDocs(1),
  byDocs(2),
  byDocs(4),
  byDocs(8),
  { ...byDocs(1), name: 'main, term shards two by two (6 KB)', shardGroup: 2, partFile: (doc, part) => `${doc}-${part}`, text: (doc, part) => partText(doc, part), files: partCount },
  { ...byDocs(4), name: 'a file per 4 pages, term shards two by two', shardGroup: 2 },
  {
    name: 'packs of 128 pages read by byte range, offsets left out (a floor)',
    partFile: (doc, part) => `${doc}-${part}`,
    range: true,
    files: Math.ceil(docs / PACK_DOCS),
  },
  {
    name: 'packs read by range, each posting with its offset and length in the shards',
    partFile: (doc, part) => `${doc}-${part}`,
    range: true,
    offsetsInShards: true,
    files: Math.ceil(docs / PACK_DOCS),
  },
  {
    name: 'packs read by range, a table per pack fetched first (+1 round trip)',
    partFile: (doc, part) => `${doc}-${part}`,
    range: true,
    tables: true,
    files: 2 * Math.ceil(docs / PACK_DOCS),
  },
];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : 0; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(0.95 * s.length))] : 0; };
const partRe = /\/search\/[^/]+\/[^/]+\/c\/\d+\/(\d+)-(\d+)\.json$/;
const shardRe = /\/search\/[^/]+\/[^/]+\/t\/(\d+)\.json$/;

function replay(layout, perQuery) {
  const headers = median(perQuery.flatMap((q) => q.requests.map((r) => r.bytes - r.body)));
  const fetched = new Set();
  return perQuery.map((q) => {
    let bytes = 0;
    let requests = 0;
    for (const r of q.requests) {
      // The engine and its index only: the page's own assets (the service worker's shell,
      // the search page's script and style) come in the same window and are the same for
      // every layout.
      if (!/^\/search\/(search\.js|stemmer-|filters\.|[^/]+\/[^/]+\/)/.test(r.path)) continue;
      const part = r.path.match(partRe);
      const shard = r.path.match(shardRe);
      let key;
      let size;
      if (part && layout.tables) {
        const table = `table:${Math.floor(Number(part[1]) / PACK_DOCS)}`;
        if (!fetched.has(table)) {
          packs();
          fetched.add(table);
          requests += 1;
          bytes += gz(table, () => Buffer.from(packTable.get(Math.floor(Number(part[1]) / PACK_DOCS))).toString('latin1')) + headers;
        }
      }
      if (part) {
        const [doc, p] = [Number(part[1]), Number(part[2])];
        key = `c:${layout.partFile(doc, p)}`;
        size = () => (layout.range ? deflated(doc, p) + 40 : gz(`${layout.name}:${key}`, () => layout.text(doc, p)));
      } else if (shard && layout.offsetsInShards) {
        key = r.path;
        size = () => gz(`offsets:${shard[1]}`, () => shardWithOffsets(Number(shard[1])));
      } else if (shard && layout.shardGroup) {
        const g = Math.floor(Number(shard[1]) / layout.shardGroup);
        key = `t:${g}`;
        size = () => gz(`shards${layout.shardGroup}:${g}`, () => {
          const texts = [];
          for (let n = g * layout.shardGroup; n < (g + 1) * layout.shardGroup && n < shardFiles; n++) texts.push(shardText(n));
          return `[${texts.join(',')}]`;
        });
      } else {
        key = r.path;
        size = () => r.body;
      }
      if (fetched.has(key)) continue;
      fetched.add(key);
      requests += 1;
      bytes += size() + headers;
    }
    return { bytes, requests };
  });
}

const kb = (b) => `${(b / 1000).toFixed(1)} kB`;
console.log(`${site}: ${docs} documents, ${partCount} parts, ${shardFiles} term shards, ${otherFiles} facet and typo files\n`);
for (const file of results) {
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  console.log(`### ${path.basename(file)} (${r.per_query.length} queries, MRR@10 ${r.metrics['mrr@10'].toFixed(3)} in every layout)\n`);
  console.log('| layout | index files | first search (engine and index) | later: median / p95 | later: median requests |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const layout of LAYOUTS) {
    const shards = layout.shardGroup ? Math.ceil(shardFiles / layout.shardGroup) : shardFiles;
    const q = replay(layout, r.per_query);
    const warm = q.slice(1);
    console.log(`| ${layout.name} | ${(layout.files + shards + otherFiles).toLocaleString('en')} | ${kb(q[0].bytes)} | ${kb(median(warm.map((x) => x.bytes)))} / ${kb(p95(warm.map((x) => x.bytes)))} | ${median(warm.map((x) => x.requests))} |`);
  }
  console.log('');
}
