// The service worker's pure parts (assets/offline/worker.js), checked against the vectors the
// Rust side checks (src/offline/mod.rs): which page-hash file an address is in.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { repoRoot } from './support.mjs';

const source = fs.readFileSync(path.join(repoRoot, 'assets/offline/worker.js'), 'utf8');
const self = { addEventListener() {}, location: { origin: 'http://x' } };
const LORE = { version: 'v', base: '/', pages: [], offline: {}, shell: [], search: [], hash_bytes: 8 };
const hashFileOf = new Function('LORE', 'self', `${source}\nreturn hashFileOf;`)(LORE, self);

test('addresses fall in the same page-hash file as lore build put them in', () => {
  assert.equal(hashFileOf('/guides/x/', 1), 0);
  assert.equal(hashFileOf('/guides/x/', 1000), 957);
  assert.equal(hashFileOf('/kb/fr/guides/joint-learning-events/', 7), 4);
  assert.equal(hashFileOf('/ar/', 1000), 30);
});
