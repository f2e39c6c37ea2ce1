// The browser's analysis (assets/search/analyze.mjs and the ported stemmers) against the vectors
// the Rust side writes (src/search/vectors.rs): folding, tokens and terms must be identical.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

import { analyze, createAnalyzer, fold, tokenize } from '../../assets/search/analyze.mjs';

const vectors = JSON.parse(fs.readFileSync(new URL('./vectors/analysis.json', import.meta.url), 'utf8'));
const stemmers = {};
for (const lang of ['en', 'fr', 'es', 'ar']) {
  stemmers[lang] = (await import(`../../assets/search/stemmer-${lang}.mjs`)).stem;
}

function analyzerFor(lang) {
  const family = lang.split(/[-_]/)[0].toLowerCase();
  return createAnalyzer({ stop: vectors.stop[family] || [], stem: stemmers[family] || null });
}

test('the vectors cover every stemmed language and odd input', () => {
  const langs = new Set(vectors.cases.map((c) => c.lang));
  for (const l of ['en', 'fr', 'es', 'ar', 'de']) assert.ok(langs.has(l), l);
  assert.ok(vectors.cases.length > 100);
});

test('folding matches the Rust side', () => {
  for (const c of vectors.cases) assert.equal(fold(c.text), c.folded, c.text);
});

test('tokens match the Rust side', () => {
  for (const c of vectors.cases) assert.deepEqual(tokenize(c.folded), c.tokens, c.text);
});

test('terms (stop words dropped, Snowball stems) match the Rust side', () => {
  for (const c of vectors.cases) assert.deepEqual(analyze(c.text, analyzerFor(c.lang)), c.terms, c.text);
});
