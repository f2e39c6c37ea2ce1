// The search page in a real browser (Debian's Chromium through playwright-core): the example
// site is built under a sub-path (/kb/), served on 127.0.0.1, and searched in English and
// Arabic. Run `cargo build --release` and `npm ci` first, then `node --test tests/browser/`.
// CHROMIUM=/path/to/chromium overrides /usr/bin/chromium.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';

import { buildSite, removeSite, repoRoot, serve } from '../js/support.mjs';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let site;
let server;
const browsers = [];

async function open(options = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lore-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    ...options,
  });
  browsers.push({ context, userDataDir });
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}

const firstResult = async (page) => {
  const link = page.locator('[data-search-results] a[href]').first();
  await link.waitFor({ timeout: 15000 });
  return link.getAttribute('href');
};

before(async () => {
  site = buildSite(repoRoot, ['--base-url', 'https://example.org/kb']);
  server = await serve(site, '/kb/');
});

after(async () => {
  for (const b of browsers) {
    await b.context.close().catch(() => {});
    fs.rmSync(b.userDataDir, { recursive: true, force: true });
  }
  await server?.close();
  if (site) removeSite(site);
});

describe('the search page', () => {
  test('opens /search/?q=... and finds the English page, with the base path in its address', async () => {
    const { page, errors } = await open();
    await page.goto(server.url('search/?q=problem+tree'));
    assert.equal(await firstResult(page), '/kb/techniques/problem-tree/');
    assert.equal(await page.inputValue('#q'), 'problem tree');
    assert.match(await page.locator('[data-search-results] li').first().innerHTML(), /<mark>/);
    assert.deepEqual(errors, []);
  });

  test('opens /ar/search/?q=... and finds the Arabic page', async () => {
    const { page, errors } = await open();
    await page.goto(server.url(`ar/search/?q=${encodeURIComponent('شجرة المشكلات')}`));
    assert.equal(await firstResult(page), '/kb/ar/techniques/problem-tree/');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.deepEqual(errors, []);
  });

  test('searches as the reader types, keeps the address in step, and is usable from the keyboard', async () => {
    const { page } = await open();
    await page.goto(server.url('search/'));
    await page.locator('#q').pressSequentially('after action', { delay: 20 });
    const href = await firstResult(page);
    assert.match(href, /^\/kb\//);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'after action');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), href);
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  });

  test('filters by type with counts, and keeps the filter in the address', async () => {
    const { page } = await open();
    await page.goto(server.url('search/?q=facilitation&type=guide'));
    await firstResult(page);
    const types = await page.locator('[data-search-results] .search-result-type').allTextContents();
    assert.ok(types.length > 0 && types.every((t) => t === 'Guide'), types.join());
    const box = page.locator('[data-search-filters] input[name="type"][value="guide"]');
    assert.ok(await box.isChecked());
    assert.match(await page.locator(`label[for="${await box.getAttribute('id')}"]`).textContent(), /\(\d+\)/);
  });

  test('a query with few results in the page\'s language shows the other languages\' matches, saying how many and in which', async () => {
    const { page, errors } = await open();
    const seen = server.requests.length;
    await page.goto(server.url(`search/?q=${encodeURIComponent('مجتمعات الممارسة')}`));
    const block = page.locator('[data-search-elsewhere] [data-search-language="ar"]');
    await block.waitFor({ timeout: 15000 });
    assert.match(await block.locator('h2').textContent(), /^\d+ results? in العربية$/);
    assert.equal(await block.locator('h2 bdi').getAttribute('lang'), 'ar');
    const hrefs = await block.locator('a.search-result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.includes('/kb/ar/guides/communities-of-practice/'), hrefs.join());
    assert.equal(await block.locator('li').first().getAttribute('lang'), 'ar');
    // Nothing in English: the page says so above the Arabic results.
    assert.equal(await page.locator('[data-search-results] li').count(), 0);
    assert.equal(await page.locator('[data-search-status]').textContent(), 'No pages match these words.');
    // Only the shards of the query's words are fetched, and page text only for results shown.
    const fetched = server.requests.slice(seen).filter((r) => r.includes('/search/'));
    const texts = fetched.filter((r) => /\/search\/\w+\/\w+\/c\//.test(r));
    assert.ok(texts.length > 0 && texts.every((r) => r.includes('/search/ar/')), texts.join());
    const arShards = fetched.filter((r) => /\/search\/ar\/\w+\/t\//.test(r));
    assert.ok(arShards.length >= 1 && arShards.length <= 6, arShards.join());
    assert.deepEqual(errors, []);
  });

  test('the Arabic reader stays in Arabic from the home page to a guide\'s chapter, a search and a result', async () => {
    const { page, errors } = await open();
    const inArabicOrSaysSo = async (where) => {
      const lang = await page.getAttribute('html', 'lang');
      if (lang === 'ar') return;
      assert.ok(await page.locator('#not-in-ar').isVisible(), `${where}: ${page.url()} is in ${lang} without the notice`);
    };
    await page.goto(server.url('ar/'));
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    await page.locator('nav.menu a', { hasText: 'الأدلة' }).first().click();
    await page.waitForURL(/\/kb\/ar\/guides\/$/);
    await inArabicOrSaysSo('guides');
    await page.locator('main a', { hasText: 'مجتمعات الممارسة في شبكات التنمية' }).first().click();
    await page.waitForURL(/\/kb\/ar\/guides\/communities-of-practice\/$/);
    await inArabicOrSaysSo('guide');
    await page.locator('main a', { hasText: 'إطلاق مجتمع ممارسة' }).first().click();
    await page.waitForURL(/\/kb\/ar\/guides\/communities-of-practice\/launching\/$/);
    await inArabicOrSaysSo('chapter');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    // The search box of the chapter searches the Arabic index, here with harakat.
    await page.locator('#site-q').fill('الثِّقَة');
    await page.locator('#site-q').press('Enter');
    await page.waitForURL(/\/kb\/ar\/search\/\?q=/);
    await inArabicOrSaysSo('search');
    const href = await firstResult(page);
    assert.match(href, /^\/kb\/ar\//);
    await page.locator('[data-search-results] a.search-result-title').first().click();
    await page.waitForURL((u) => u.pathname === href);
    await inArabicOrSaysSo('result');
    assert.deepEqual(errors, []);
  });

  test('offers stories as a type to filter by, and then shows stories only', async () => {
    const { page, errors } = await open();
    await page.goto(server.url('search/?q=learning'));
    await firstResult(page);
    const box = page.locator('[data-search-filters] input[name="type"][value="story"]');
    if (!(await box.isVisible())) await page.locator('[data-search-filters] > summary').click();
    const label = page.locator(`label[for="${await box.getAttribute('id')}"]`);
    assert.match(await label.textContent(), /Story \(2\)/);
    await box.check();
    await page.waitForURL(/type=story/);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-search-results] .search-result-type')].every((t) => t.textContent === 'Story'));
    const links = await page.locator('[data-search-results] a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual([...new Set(links.map((h) => h.split('#')[0]))].sort(), ['/kb/stories/radio-listening-clubs/', '/kb/stories/seed-fairs-sahel/']);
    assert.deepEqual(errors, []);
  });

  test('works as a plain form without JavaScript, and says how to search then', async () => {
    const { page } = await open({ javaScriptEnabled: false });
    await page.goto(server.url('search/'));
    const form = page.locator('form[role="search"]').filter({ has: page.locator('input[name="q"]') }).first();
    assert.equal(await form.getAttribute('method'), 'get');
    assert.ok(await page.locator('.search-no-js').isVisible());
    assert.ok((await page.locator('.search-no-js a[href]').count()) > 0);
  });
});
