// Scoring and matching (assets/search/rank.mjs) on hand-made postings.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { formsWithPrefix, idf, prefixAlternatives, rankDocuments, withinOneEdit } from '../../assets/search/rank.mjs';

const postings = (list) => ({
  docs: Uint32Array.from(list.map((p) => p[0])),
  impacts: Uint8Array.from(list.map((p) => p[1])),
  parts: Uint16Array.from(list.map((p) => p[2] ?? 0)),
});
const entry = (df, list) => ({ df, postings: postings(list) });
const token = (text, alternatives, phrase = -1) => ({ text, phrase, prefix: false, alternatives });
const alt = (term, e, weight = 1) => ({ term, weight, entry: e });
const manifest = { docs: 100, cap: 1024 };
const rank = (tokens) => rankDocuments(tokens, manifest, (e) => e.postings);

test('rarer terms weigh more', () => {
  assert.ok(idf(1, 100) > idf(10, 100));
  assert.ok(idf(99, 100) > 0);
});

test('AND: only documents with every word, best impact first', () => {
  const soil = entry(3, [[1, 200], [2, 50], [5, 90]]);
  const water = entry(2, [[2, 255], [5, 100]]);
  const { hits, mode } = rank([token('soil', [alt('soil', soil)]), token('water', [alt('water', water)])]);
  assert.equal(mode, 'and');
  assert.deepEqual(hits.map((h) => h.doc), [2, 5]);
});

test('OR when no document has every word, ranking those with more words first', () => {
  const a = entry(2, [[1, 100], [2, 100]]);
  const b = entry(1, [[3, 255]]);
  const { hits, mode } = rank([token('a', [alt('a', a)]), token('b', [alt('b', b)]), token('c', [])]);
  assert.equal(mode, 'or');
  assert.deepEqual(hits.map((h) => h.doc).sort(), [1, 2, 3]);
});

test('a term cut to its best postings is optional', () => {
  const common = entry(5000, [[1, 255], [2, 255]]);
  const rare = entry(1, [[7, 100]]);
  const { hits, mode } = rank([token('common', [alt('common', common)]), token('rare', [alt('rare', rare)])]);
  assert.equal(mode, 'and');
  assert.deepEqual(hits.map((h) => h.doc), [7]);
});

test('a document scores a word once, by its best alternative, in the part it is best seen', () => {
  const exact = entry(1, [[4, 100, 2]]);
  const longer = entry(1, [[4, 150, 3]]);
  const { hits } = rank([token('gard', [alt('garden', exact), alt('gardening', longer, 0.5)])]);
  assert.equal(hits.length, 1);
  assert.equal(hits[0].part, 2, 'the exact term weighs 100 against 150 × 0.5');
});

test('one edit: insertion, deletion, substitution, swap of neighbours', () => {
  for (const [a, b] of [['agroecology', 'agroecolgy'], ['agroecology', 'agroecollogy'], ['agroecology', 'agroecilogy'], ['agroecology', 'agroeoclogy']]) {
    assert.ok(withinOneEdit(a, b) && withinOneEdit(b, a), `${a} ${b}`);
  }
  assert.ok(!withinOneEdit('agroecology', 'agreocolgy'));
  assert.ok(!withinOneEdit('soil', 'sails'));
});

test('prefix expansion: forms starting with the typed letters, best known first', () => {
  const forms = ['garage', 'garden', 'gardener', 'gardening', 'gate'];
  assert.deepEqual(formsWithPrefix(forms, 'gard'), [1, 2, 3]);
  const shard = {
    forms,
    formTerms: ['garag', 'garden', 'garden', 'garden', 'gate'],
    terms: new Map([['garag', { df: 2 }], ['garden', { df: 9 }], ['gate', { df: 1 }]]),
  };
  assert.deepEqual(prefixAlternatives('gar', [shard], '').map((a) => a.term), ['garden', 'garag']);
  assert.deepEqual(prefixAlternatives('gard', [shard], 'garden'), []);
});
