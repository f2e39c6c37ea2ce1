// Excerpts (assets/search/excerpt.mjs): the window, the marks, the escaping, phrases.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { bestExcerpt, containsPhrase, escapeHtml, makeExcerpt } from '../../assets/search/excerpt.mjs';

const weighOf = (words) => (run) => (words.includes(run.toLowerCase()) ? 1 : 0);

test('escapes everything HTML reads', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('shows about 30 words around the matches, with ellipses where text is cut', () => {
  const text = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ').replace('w60', 'compost');
  const ex = makeExcerpt(text, weighOf(['compost']));
  assert.match(ex, /^… .*<mark>compost<\/mark>.* …$/);
  assert.equal(ex.replace(/[…]/g, '').trim().split(/\s+/).length, 30);
});

test('prefers the window holding more of the query words', () => {
  const text = `soil ${'x '.repeat(50)}soil water ${'y '.repeat(50)}`;
  assert.match(makeExcerpt(text, weighOf(['soil', 'water']), 10), /<mark>soil<\/mark> <mark>water<\/mark>/);
});

test('marks only the letters of a word, and escapes the rest', () => {
  assert.equal(makeExcerpt('<b>soil</b>, "soil".', weighOf(['soil'])), '&lt;b&gt;<mark>soil</mark>&lt;/b&gt;, &quot;<mark>soil</mark>&quot;.');
});

test('picks the section that matches best and returns its anchor', () => {
  const r = bestExcerpt(
    [
      { a: null, h: '', x: 'An introduction.' },
      { a: 'cover-crops', h: 'Cover crops', x: 'Legumes fix nitrogen.' },
    ],
    weighOf(['legumes']),
  );
  assert.equal(r.anchor, 'cover-crops');
  assert.equal(r.heading, 'Cover crops');
  assert.equal(r.excerpt, '<mark>Legumes</mark> fix nitrogen.');
});

test('finds a phrase only with its words in a row', () => {
  const same = (a, b) => a === b;
  assert.ok(containsPhrase(['a', 'theory', 'of', 'change', 'x'], ['theory', 'of', 'change'], same));
  assert.ok(!containsPhrase(['change', 'in', 'theory'], ['theory', 'of', 'change'], same));
});
