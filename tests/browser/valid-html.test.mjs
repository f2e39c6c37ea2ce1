// Every page of the built example site is valid HTML: the Nu HTML Checker (npm `vnu-jar`, run
// with Java) over the whole output folder in one run, errors only. `.ci/run` installs a Java
// runtime when none is present.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';

import { buildSite, removeSite, repoRoot } from '../js/support.mjs';

const VNU = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
let site;

before(() => {
  site = buildSite(repoRoot);
});

after(() => {
  if (site) removeSite(site);
});

test('the Nu HTML Checker reports no error on any page of the example site', () => {
  let out;
  try {
    out = execFileSync('java', ['-Xss16m', '-jar', VNU, '--errors-only', '--skip-non-html', '--format', 'json', site], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 << 20,
    });
  } catch (e) {
    if (e.code === 'ENOENT') throw new Error('no `java` on PATH: install a Java runtime (apt-get install default-jre-headless)');
    // vnu exits 1 when it finds errors and writes its report to stderr.
    out = e.stderr || e.stdout;
  }
  const messages = JSON.parse(out || '{"messages":[]}').messages.filter((m) => m.type === 'error');
  const report = messages.map((m) => `${m.url.replace(`file:${site}`, '')}:${m.lastLine}: ${m.message}`);
  assert.deepEqual(report, [], report.slice(0, 40).join('\n'));
});
