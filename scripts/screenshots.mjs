// Screenshots of the built-in theme for reviewers who do not build it: the home page, a guide
// chapter, the technique grid, an event and the search page with results, in English and
// Arabic, at 390 and 1280 px, in light and dark, written to docs/screenshots/ as JPEG (the
// first screen and a half on a phone, the first screen on a desktop).
//
//   cargo build --release && node scripts/screenshots.mjs [--out DIR]
//
// Uses Debian's Chromium through playwright-core (CHROMIUM=/path overrides /usr/bin/chromium)
// and the site built from the repository root. An Arabic page is the English page's `ar`
// alternate, or its copy under /ar/.

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { buildSite, removeSite, repoRoot, serve } from '../tests/js/support.mjs';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const PAGES = [
  { name: 'home', en: '', ar: 'ar/' },
  { name: 'guide-chapter', en: 'guides/communities-of-practice/launching/' },
  { name: 'technique-grid', en: 'techniques/', ar: 'ar/techniques/' },
  { name: 'event', en: 'events/west-africa-writeshop-2027/' },
  { name: 'search', en: 'search/?q=facilitation', ar: `ar/search/?q=${encodeURIComponent('شجرة المشكلات')}` },
];
const SIZES = [
  { name: '390', viewport: { width: 390, height: 844 }, clip: { x: 0, y: 0, width: 390, height: 1266 } },
  { name: '1280', viewport: { width: 1280, height: 900 }, clip: null },
];

/**
 * The Arabic page of an English one: its `ar` alternate, else the same address under /ar/ (a
 * language's copy of an untranslated page), else null.
 */
export async function arabicOf(page, server, enPath) {
  await page.goto(server.url(enPath));
  const href = await page.locator('link[rel="alternate"][hreflang="ar"]').getAttribute('href', { timeout: 100 }).catch(() => null);
  if (href) return new URL(href).pathname.slice(1);
  const response = await page.goto(server.url(`ar/${enPath}`));
  return response && response.ok() ? `ar/${enPath}` : null;
}

const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg > 0 ? process.argv[outArg + 1] : path.join(repoRoot, 'docs/screenshots'));
fs.mkdirSync(out, { recursive: true });

const site = buildSite(repoRoot);
const server = await serve(site, '/');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
try {
  const page = await browser.newPage();
  for (const p of PAGES) p.ar ??= await arabicOf(page, server, p.en);
  for (const p of PAGES) {
    for (const lang of ['en', 'ar']) {
      if (p[lang] === null) {
        console.log(`no Arabic ${p.name} in the example site: skipped`);
        continue;
      }
      for (const size of SIZES) {
        await page.setViewportSize(size.viewport);
        for (const colorScheme of ['light', 'dark']) {
          await page.emulateMedia({ colorScheme });
          await page.goto(server.url(p[lang]));
          if (p.name === 'search') await page.locator('[data-search-results] li').first().waitFor({ timeout: 15000 });
          // Pictures below the fold load lazily; a screenshot should show them.
          await page.evaluate(() => Promise.all([...document.images].map((img) => { img.loading = 'eager'; return img.decode().catch(() => {}); })));
          const file = path.join(out, `${p.name}-${lang}-${size.name}-${colorScheme}.jpg`);
          const fullHeight = await page.evaluate(() => document.documentElement.scrollHeight);
          const clip = size.clip && { ...size.clip, height: Math.min(size.clip.height, fullHeight) };
          await page.screenshot({ path: file, type: 'jpeg', quality: 70, fullPage: Boolean(clip), clip: clip || undefined });
          console.log(path.relative(repoRoot, file));
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
  removeSite(site);
}
