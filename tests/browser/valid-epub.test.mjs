// Every EPUB lore writes opens in reading systems: W3C EPUBCheck finds no fatal error, error or
// warning in the EPUBs of the built example site (its guides and its twelve-lesson course) nor in
// those of an English and Arabic guide (tests/fixtures/sites/arabic-guide, right to left).
// EPUBCheck is Debian's `epubcheck` package, run with Java: npm's `epubchecker` downloads the
// checker from GitHub when it is installed, which fails where only the package registries are
// reachable. `.ci/run` installs it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { buildSite, fixture, removeSite, repoRoot } from '../js/support.mjs';

const JAR = '/usr/share/java/epubcheck.jar';
const sites = [];

before(() => {
  sites.push(buildSite(repoRoot), buildSite(fixture('arabic-guide')));
});

after(() => {
  for (const s of sites) removeSite(s);
});

/** Every `.epub` file under `dir`. */
function epubs(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.epub'))
    .map((f) => path.join(dir, f))
    .sort();
}

/** EPUBCheck's report of one file: its message lines, and its count of each kind. */
function check(file) {
  if (!fs.existsSync(JAR)) throw new Error(`no ${JAR}: install EPUBCheck (apt-get install epubcheck)`);
  let out;
  try {
    out = execFileSync('java', ['-jar', JAR, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if (e.code === 'ENOENT') throw new Error('no `java` on PATH: install a Java runtime (apt-get install default-jre-headless)');
    // EPUBCheck exits 1 when it finds a problem, and writes its messages to stderr.
    out = `${e.stdout}\n${e.stderr}`;
  }
  const counts = out.match(/Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/);
  assert.ok(counts, `no summary from EPUBCheck for ${file}:\n${out}`);
  return { out, problems: Number(counts[1]) + Number(counts[2]) + Number(counts[3]) };
}

test('EPUBCheck finds no problem in the EPUB of any guide or course of the example site', () => {
  const files = epubs(sites[0]);
  assert.ok(files.some((f) => f.endsWith('facilitating-online-learning.epub')), `the course's EPUB among ${files}`);
  assert.ok(files.length >= 5, `${files.length} EPUBs`);
  for (const f of files) {
    const { out, problems } = check(f);
    assert.equal(problems, 0, `${path.relative(sites[0], f)}:\n${out}`);
  }
});

test('EPUBCheck finds no problem in a right-to-left Arabic EPUB nor in its English original', () => {
  const files = epubs(sites[1]).map((f) => path.relative(sites[1], f));
  assert.deepEqual(files, ['ar/guides/water/water.epub', 'guides/water/water.epub']);
  for (const f of files) {
    const { out, problems } = check(path.join(sites[1], f));
    assert.equal(problems, 0, `${f}:\n${out}`);
  }
});
