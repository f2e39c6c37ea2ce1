// Reading queries (assets/search/query.mjs) and picking shards (assets/search/shards.mjs).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseQuery } from '../../assets/search/query.mjs';
import { shardOf, shardsForPrefix, typoPaths } from '../../assets/search/shards.mjs';

test('splits words and quoted phrases, and knows an unfinished last word', () => {
  assert.deepEqual(parseQuery('soil "theory of change" farm'), {
    words: [
      { text: 'soil', phrase: -1 },
      { text: 'theory', phrase: 0 },
      { text: 'of', phrase: 0 },
      { text: 'change', phrase: 0 },
      { text: 'farm', phrase: -1 },
    ],
    phrases: 1,
    prefixLast: true,
  });
  assert.equal(parseQuery('soil ').prefixLast, false);
  assert.equal(parseQuery('"soil health"').prefixLast, false);
});

test('reads typographic quotes and an unclosed quote', () => {
  assert.equal(parseQuery('« arbre à problèmes »').phrases, 1);
  assert.equal(parseQuery('“problem tree”').words.every((w) => w.phrase === 0), true);
  assert.deepEqual(parseQuery('"open ended').words.map((w) => w.phrase), [0, 0]);
});

test('finds the shard of a word and the shards of a prefix', () => {
  const b = ['c', 'ca', 'cb', 'm'];
  assert.equal(shardOf(b, 'apple'), 0);
  assert.equal(shardOf(b, 'c'), 1);
  assert.equal(shardOf(b, 'cab'), 2);
  assert.equal(shardOf(b, 'zebra'), 4);
  assert.deepEqual(shardsForPrefix(b, 'c', 5), [1, 2, 3]);
  assert.deepEqual(shardsForPrefix(b, 'c', 2), [1, 2]);
  assert.deepEqual(shardsForPrefix(b, 'd', 5), [3]);
});

test('asks only for typo files that exist', () => {
  const m = { version: 'v', typo: { a: [4, 9] } };
  assert.deepEqual(typoPaths('en', m, 'apple'), ['en/v/y/97-4.json', 'en/v/y/97-5.json', 'en/v/y/97-6.json']);
  assert.deepEqual(typoPaths('en', m, 'abcdefghi'), ['en/v/y/97-8.json', 'en/v/y/97-9.json']);
  assert.deepEqual(typoPaths('en', m, 'zebra'), []);
});
