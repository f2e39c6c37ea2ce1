// Reading offline in a real browser (Debian's Chromium through playwright-core): the example
// site is built under a sub-path (/kb/) and served on 127.0.0.1; a reader visits pages and
// searches, the connection goes, and what they read opens again. Run `cargo build --release`
// and `npm ci` first, then `node --test tests/browser/offline.test.mjs`.
//
// Offline is both the browser's switch (context.setOffline) and the test server dropping every
// connection: Chromium's switch does not reach service workers, whose fetches would still
// succeed (playwright#2311).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';

import { loreBinary, repoRoot, serve } from '../js/support.mjs';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let work;
let out;
let server;
let context;
let userDataDir;

/** Builds `root` into `out` (the served folder), as a host's deploy replaces it. */
function build(root) {
  execFileSync(loreBinary(), ['build', '--root', root, '--out', out, '--base-url', 'https://example.org/kb'], { stdio: ['ignore', 'ignore', 'pipe'] });
}

async function goOffline(offline) {
  await context.setOffline(offline);
  server.setOffline(offline);
}

/** Waits until the page is controlled by an active service worker. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
}

/** What the worker kept of a page: its hash and when it was kept. */
async function kept(page, rel) {
  return page.evaluate(async (url) => {
    const r = await (await caches.open('lore-pages')).match(url);
    return r ? { hash: r.headers.get('x-lore-hash'), at: r.headers.get('x-lore-kept'), text: await r.text() } : null;
  }, server.url(rel));
}

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'lore-offline-test-'));
  // A copy of the example site, so that a page can change between two builds.
  fs.cpSync(path.join(repoRoot, 'content'), path.join(work, 'site/content'), { recursive: true });
  fs.copyFileSync(path.join(repoRoot, 'site.yaml'), path.join(work, 'site/site.yaml'));
  out = path.join(work, 'public');
  build(path.join(work, 'site'));
  server = await serve(out, '/kb/');
  userDataDir = path.join(work, 'chromium');
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
  });
});

after(async () => {
  await context?.close().catch(() => {});
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('reading offline', { concurrency: false }, () => {
  test('pages read online open again offline, search finds them, and an unvisited page gets the offline page', async () => {
    const page = context.pages()[0] || (await context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url('techniques/problem-tree/'));
    await controlled(page);
    // The first visit installed the worker; the pages read from now on are kept.
    await page.goto(server.url('techniques/problem-tree/'));
    await page.goto(server.url('guides/joint-learning-events/'));
    await page.goto(server.url('search/?q=problem+tree'));
    await page.locator('[data-search-results] a[href]').first().waitFor({ timeout: 15000 });

    await goOffline(true);
    await page.goto(server.url('techniques/problem-tree/'));
    assert.match(await page.locator('h1').first().innerText(), /Problem tree/i);
    assert.ok(await page.evaluate(() => getComputedStyle(document.body).fontFamily !== ''), 'styled from the kept CSS');
    await page.goto(server.url('guides/joint-learning-events/'));
    assert.match(await page.locator('h1').first().innerText(), /joint learning/i);

    await page.goto(server.url('search/?q=problem+tree'));
    const first = page.locator('[data-search-results] a[href]').first();
    await first.waitFor({ timeout: 15000 });
    assert.equal(await first.getAttribute('href'), '/kb/techniques/problem-tree/');
    // A word whose shard was never fetched: what was kept is searched, and the page says so.
    await page.fill('#q', 'zebra');
    await page.locator('[data-search-incomplete]').waitFor({ timeout: 15000 });

    await page.goto(server.url('techniques/world-cafe/'));
    assert.equal(await page.locator('h1').first().innerText(), 'You are offline');
    const listed = await page.locator('[data-offline-kept] a').allInnerTexts();
    assert.ok(listed.some((t) => /Problem tree/i.test(t)), `kept pages listed: ${listed}`);

    await page.goto(server.url('ar/techniques/world-cafe/'));
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.locator('h1').first().innerText(), 'أنت غير متصل');
    await goOffline(false);
    assert.deepEqual(errors, []);
  });

  test('"keep this guide offline" shows its size, then keeps every chapter', async () => {
    const page = context.pages()[0];
    await page.goto(server.url('guides/communities-of-practice/'));
    const box = page.locator('[data-keep-pack]');
    await box.waitFor({ state: 'visible', timeout: 15000 });
    assert.match(await box.locator('[data-keep-size]').innerText(), /\(\d+(\.\d)? ?(kB|KB|MB)\)/i);
    await box.locator('button').click();
    await page.locator('[data-keep-status]').filter({ hasText: 'Kept offline' }).waitFor({ timeout: 30000 });
    const pack = await (await fetch(server.url('guides/communities-of-practice/offline.json'))).json();
    const chapter = pack.files.find((f) => f.startsWith('/kb/guides/communities-of-practice/') && f.endsWith('/') && f !== '/kb/guides/communities-of-practice/' && !f.endsWith('print/'));
    assert.ok(chapter, 'the guide has chapters');

    await goOffline(true);
    await page.goto(server.origin + chapter);
    assert.notEqual(await page.locator('h1').first().innerText(), 'You are offline');
    await goOffline(false);
  });

  test('a rebuild with one changed page updates exactly that page in the cache', async () => {
    const page = context.pages()[0];
    const before = { changed: await kept(page, 'techniques/problem-tree/'), same: await kept(page, 'guides/joint-learning-events/') };
    assert.ok(before.changed && before.same, 'both pages were kept');
    const md = path.join(work, 'site/content/techniques/problem-tree.md');
    fs.appendFileSync(md, '\nA closing sentence, added by a rebuild.\n');
    build(path.join(work, 'site'));

    // The browser looks for a new worker on navigations (and when asked); the new one brings
    // the kept pages up to the new build when it takes over.
    await page.goto(server.url('toolkits/'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update().catch(() => {}));
    const deadline = Date.now() + 20000;
    while (!(await kept(page, 'techniques/problem-tree/'))?.text.includes('A closing sentence')) {
      assert.ok(Date.now() < deadline, 'the changed page was fetched again');
      await new Promise((r) => setTimeout(r, 200));
    }
    const after = { changed: await kept(page, 'techniques/problem-tree/'), same: await kept(page, 'guides/joint-learning-events/') };
    assert.notEqual(after.changed.hash, before.changed.hash);
    assert.deepEqual({ hash: after.same.hash, at: after.same.at }, { hash: before.same.hash, at: before.same.at }, 'the unchanged page was not fetched again');
    const shells = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('lore-shell-')));
    assert.equal(shells.length, 1, `the old build's shell is gone: ${shells}`);
  });
});
