// The search engine against an index built by the real `lore build` from
// tests/fixtures/sites/search: ranking, prefix, phrase, typo, filters, excerpts and escaping,
// languages, and the index files themselves. Run `cargo build --release` first.

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { decodeBase64, decodePostings, decodeShard } from '../../assets/search/decode.mjs';
import { shardOf } from '../../assets/search/shards.mjs';
import { buildSite, fixture, removeSite } from './support.mjs';

let site;
let engine;
let index;

before(async () => {
  site = buildSite(fixture('search'));
  engine = await import(pathToFileURL(path.join(site, 'search/search.js')).href);
  const js = fs.readFileSync(path.join(site, 'search/search.js'), 'utf8');
  index = JSON.parse(js.match(/^const INDEX = (.*);$/m)[1]);
});
after(() => removeSite(site));

const urls = (results) => results.map((r) => r.url);
const search = (q, o = {}) => engine.search(q, { lang: 'en', ...o });

describe('the index files', () => {
  test('search.js describes every language with its shard boundaries and stemmer', () => {
    assert.deepEqual(Object.keys(index.languages).sort(), ['ar', 'en', 'fr']);
    const en = index.languages.en;
    assert.equal(en.stemmer, 'stemmer-en');
    assert.ok(en.docs >= 10);
    assert.match(en.version, /^[0-9a-f]{10}$/);
    assert.match(index.modules['stemmer-en'], /^stemmer-en\.[0-9a-f]{10}\.mjs$/);
    assert.ok(fs.existsSync(path.join(site, 'search', index.modules['stemmer-en'])));
  });

  test('every term shard decodes: postings in document order, as many as the document frequency', () => {
    const en = index.languages.en;
    const dir = path.join(site, 'search/en', en.version, 't');
    const files = fs.readdirSync(dir);
    assert.equal(files.length, en.boundaries.length + 1);
    for (const f of files) {
      const shard = decodeShard(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
      for (const [term, e] of shard.terms) {
        const p = decodePostings(decodeBase64(e.data), Math.min(e.df, en.cap));
        assert.equal(p.docs.length, e.df, term);
        for (let i = 1; i < p.docs.length; i++) assert.ok(p.docs[i] > p.docs[i - 1], term);
        assert.ok(p.docs.every((d) => d < en.docs), term);
        assert.ok(p.impacts.every((x) => x >= 1), term);
      }
      for (const form of shard.forms) assert.equal(shardOf(en.boundaries, form), Number(f.split('.')[0]), form);
    }
  });

  test('a term shard holds a word, its stem and the documents with it', async () => {
    const en = index.languages.en;
    const n = shardOf(en.boundaries, 'composting');
    const shard = decodeShard(JSON.parse(fs.readFileSync(path.join(site, 'search/en', en.version, 't', `${n}.json`), 'utf8')));
    assert.equal(shard.formTerms[shard.forms.indexOf('composting')], 'compost');
    assert.ok(shard.terms.get('compost').df >= 1);
  });

  test('list pages and the home page are not indexed', async () => {
    assert.deepEqual(await search('fixture'), []);
  });

  test('two builds give byte-identical index files, whatever the thread count', () => {
    const other = buildSite(fixture('search'), [], { RAYON_NUM_THREADS: '1' });
    const digest = (root) => {
      const h = crypto.createHash('sha256');
      const walk = (d) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) walk(p);
          else h.update(path.relative(root, p)).update(fs.readFileSync(p));
        }
      };
      walk(path.join(root, 'search'));
      return h.digest('hex');
    };
    try {
      assert.equal(digest(other), digest(site));
    } finally {
      removeSite(other);
    }
  });
});

describe('ranking', () => {
  test('finds the page about the words, best first, with its type and title', async () => {
    const [first] = await search('soil health');
    assert.equal(first.url, '/guides/soil-health/');
    assert.equal(first.title, 'Soil health for smallholders');
    assert.equal(first.type, 'guide');
    assert.ok(first.score > 0);
  });

  test('a title match ranks above a passing mention in the body', async () => {
    const r = await search('facilitation kit');
    assert.equal(r[0].url, '/toolkits/facilitation-kit/');
  });

  test('all the words must match while some page has them all', async () => {
    const r = await search('compost legumes');
    assert.deepEqual(urls(r), ['/guides/soil-health/']);
  });

  test('falls back to any of the words when no page has them all', async () => {
    const r = await search('compost zzyzxqwv');
    assert.ok(urls(r).includes('/guides/soil-health/'));
  });

  test('stop words alone find nothing, and do not get in the way of other words', async () => {
    assert.deepEqual(await search('the of and'), []);
    assert.equal((await search('the problem tree'))[0].url, '/techniques/problem-tree/');
  });

  test('stemming matches other forms of a word', async () => {
    assert.equal((await search('composted'))[0].url, '/guides/soil-health/');
  });

  test('indexes the fields of a type (a technique\u2019s steps, a toolkit\u2019s tools)', async () => {
    assert.equal((await search('trunk roots branches'))[0].url, '/techniques/problem-tree/');
    assert.ok(urls(await search('card middle sheet')).includes('/techniques/problem-tree/'));
    assert.ok(urls(await search('session plan template')).includes('/toolkits/facilitation-kit/'));
  });

  test('respects the limit', async () => {
    const all = await search('farmer organisations knowledge');
    assert.ok(all.length >= 2);
    assert.equal((await search('farmer organisations knowledge', { limit: 1 })).length, 1);
  });
});

describe('prefix, phrase and typo', () => {
  test('the last word matches as a prefix while it is being typed', async () => {
    const r = await search('facilit');
    assert.ok(urls(r).includes('/toolkits/facilitation-kit/'));
    assert.ok(urls(r).includes('/techniques/world-cafe/'));
    assert.equal((await search('agroeco'))[0]?.url, '/guides/agroecology/');
    assert.deepEqual(await search('agroeco '), [], 'a finished word is not a prefix');
  });

  test('a quoted phrase matches only pages with the words in that order', async () => {
    const loose = urls(await search('theory change'));
    assert.ok(loose.includes('/guides/theory-of-change/') && loose.includes('/guides/change-management/'));
    assert.deepEqual(urls(await search('"theory of change"')), ['/guides/theory-of-change/']);
  });

  test('a word of five letters or more with one typo still finds its page', async () => {
    for (const typo of ['agroecolgy', 'agroecollogy', 'agroeoclogy', 'agroecilogy']) {
      assert.equal((await search(typo))[0]?.url, '/guides/agroecology/', typo);
    }
  });

  test('short words get no typo tolerance', async () => {
    assert.deepEqual(await search('sool '), []);
  });
});

describe('results', () => {
  test('an excerpt of about 30 words marks the matched words', async () => {
    const [r] = await search('compost heap');
    assert.match(r.excerpt, /<mark>compost<\/mark> <mark>heap<\/mark>/);
    const words = r.excerpt.replace(/<\/?mark>/g, '').split(/\s+/).filter((w) => w !== '…');
    assert.ok(words.length <= 30, r.excerpt);
  });

  test('points to the heading of the best matching section', async () => {
    const [r] = await search('legumes nitrogen');
    assert.equal(r.anchor, 'cover-crops');
    assert.equal(r.heading, 'Cover crops');
  });

  test('a match near the end of a long page: excerpt and heading from the part it is in', async () => {
    const en = index.languages.en;
    const parts = fs.readdirSync(path.join(site, 'search/en', en.version, 'c'), { recursive: true });
    assert.ok(parts.some((f) => /-1\.json$/.test(f)), 'the long page is cut into parts');
    const [r] = await search('kingfisher');
    assert.equal(r.url, '/guides/transect-walk/');
    assert.match(r.excerpt, /<mark>kingfisher<\/mark> on the riverbank/);
    assert.equal(r.anchor, 'reading-the-riverbank');
  });

  test('page text with markup comes back escaped, with <mark> the only markup', async () => {
    const [r] = await search('injection');
    assert.equal(r.url, '/toolkits/safe-text/');
    assert.ok(!r.excerpt.includes('<script'), r.excerpt);
    assert.ok(r.excerpt.includes('&lt;script&gt;'), r.excerpt);
    assert.ok(r.excerpt.includes('&amp;'), r.excerpt);
    assert.deepEqual([...new Set(r.excerpt.match(/<[^>]*>/g))].sort(), ['</mark>', '<mark>']);
  });
});

describe('filters and counts', () => {
  test('counts matches per type, tag and theme', async () => {
    const { results, total, counts } = await engine.searchWithCounts('facilitation', { lang: 'en', counts: true });
    assert.equal(total, results.length);
    assert.ok(counts.type.toolkit >= 1 && counts.type.technique >= 1);
    assert.ok(counts.themes.facilitation >= 2);
    assert.ok(counts.tags.dialogue >= 1);
  });

  test('filters by type, tag and theme', async () => {
    assert.deepEqual(urls(await search('facilitation', { filters: { type: 'toolkit' } })), ['/toolkits/facilitation-kit/']);
    assert.deepEqual(urls(await search('facilitation', { filters: { tags: ['dialogue'] } })), ['/techniques/world-cafe/']);
    assert.ok((await search('soil', { filters: { themes: ['governance'] } })).length === 0);
  });

  test('tells upcoming events from past ones in the browser, from their dates', async () => {
    const { counts } = await engine.searchWithCounts('knowledge fair', { lang: 'en', counts: true });
    assert.deepEqual(counts.event, { upcoming: 1, past: 1 });
    assert.deepEqual(urls(await search('knowledge fair', { filters: { event: 'upcoming' } })), ['/events/knowledge-fair-2099/']);
    assert.deepEqual(urls(await search('knowledge fair', { filters: { event: 'past' } })), ['/events/knowledge-fair-2001/']);
  });

  test('offline, with facet files never fetched, filters keep what they can tell and say the results may be incomplete', async () => {
    // A second engine, as a reader's browser holds it: the search files came, the facet files
    // did not (the service worker never kept them) and the network is gone.
    const offline = await import(`${pathToFileURL(path.join(site, 'search/search.js')).href}?facets-offline`);
    const fetchOffline = async (url) => {
      if (/\/f\//.test(url)) throw new TypeError('Failed to fetch');
      return { ok: true, status: 200, json: async () => JSON.parse(fs.readFileSync(new URL(url), 'utf8')) };
    };
    const filtered = await offline.search('facilitation', { lang: 'en', fetch: fetchOffline, filters: { type: 'toolkit' } });
    assert.deepEqual(urls(filtered), [], 'no result whose type is unknown passes a type filter');
    assert.equal(filtered.incomplete, true);
    const all = await offline.searchWithCounts('facilitation', { lang: 'en', counts: true, fetch: fetchOffline });
    assert.ok(all.results.length >= 2, 'unfiltered results still come');
    assert.equal(all.incomplete, true);
    assert.deepEqual(all.counts.type, {});
    assert.ok(all.counts.language.en >= 2);
  });

  test('counts matches in the other languages', async () => {
    const { counts } = await engine.searchWithCounts('compost', { lang: 'en', counts: true });
    assert.equal(counts.language.en, 1);
    assert.equal(counts.language.fr, 1);
    assert.equal(counts.language.ar, 0);
  });
});

describe('languages', () => {
  test('French: folded accents and French stems', async () => {
    assert.equal((await search('sante des sols', { lang: 'fr' }))[0].url, '/fr/guides/soil-health/');
    assert.equal((await search('SANTÉ', { lang: 'fr' }))[0].url, '/fr/guides/soil-health/');
  });

  test('Arabic: letter variants, harakat and prefixes', async () => {
    assert.equal((await search('شجرة المشكلات', { lang: 'ar' }))[0].url, '/ar/techniques/problem-tree/');
    assert.equal((await search('الشَّجرة', { lang: 'ar' }))[0]?.url, '/ar/techniques/problem-tree/');
    assert.equal((await search('المشكلة', { lang: 'ar' }))[0]?.url, '/ar/techniques/problem-tree/');
  });

  test('the language filter searches other languages too, each result saying its language', async () => {
    const r = await search('compost', { filters: { language: ['en', 'fr'] } });
    assert.deepEqual(urls(r).sort(), ['/fr/guides/soil-health/', '/guides/soil-health/']);
    assert.deepEqual(r.map((x) => x.lang).sort(), ['en', 'fr']);
  });

  test('a language without pages of a kind finds nothing there', async () => {
    assert.deepEqual(await search('compost', { lang: 'ar' }), []);
  });
});
