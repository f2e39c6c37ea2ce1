// A course as a learner and a trainer use it (issue 23), in Debian's Chromium through
// playwright-core: a self-check gives its feedback at once with JavaScript and keeps its answers
// in a disclosure without; the progress a learner makes is still on the course's front page
// after a reload, and offline; a lesson's slides move with the keyboard and hide the speaker notes. Run
// `cargo build --release` and `npm ci` first, then `node --test tests/browser/course.test.mjs`.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';

import { buildSite, removeSite, repoRoot, serve } from '../js/support.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const COURSE = 'guides/facilitating-online-learning/';
const LESSON = `${COURSE}lesson-01-why-online/`;

let site;
let server;
let browser;

before(async () => {
  site = buildSite(repoRoot);
  server = await serve(site, '/');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (site) removeSite(site);
});

test('a self-check marks the chosen answer at once and shows its feedback', async () => {
  const page = await browser.newPage();
  await page.goto(server.url(LESSON));
  const check = page.locator('#selfcheck-1');
  assert.equal(await check.locator('.selfcheck-answers').isVisible(), false, 'the answers wait for a try');
  await check.getByLabel('A group video call').check();
  const wrong = check.locator('li', { hasText: 'A group video call' }).locator('.selfcheck-feedback');
  assert.match(await wrong.innerText(), /500 MB to 1 GB/);
  assert.match(await check.locator('.selfcheck-result').innerText(), /try again/);
  await check.getByLabel('Voice notes in the group’s chat').check();
  assert.equal(await wrong.isVisible(), false, 'the feedback follows the choice');
  assert.match(await check.locator('.selfcheck-result').innerText(), /Right/);
  await page.close();
});

test('a multiple-choice self-check is marked when the learner checks it', async () => {
  const page = await browser.newPage();
  await page.goto(server.url(`${COURSE}lesson-02-designing/`));
  const check = page.locator('#selfcheck-1');
  await check.locator('input[data-right="true"]').first().check();
  await check.locator('[data-selfcheck-submit]').click();
  assert.match(await check.locator('.selfcheck-result').innerText(), /try again/, 'one right answer of two is not enough');
  for (const input of await check.locator('input[data-right="true"]').all()) await input.check();
  await check.locator('[data-selfcheck-submit]').click();
  assert.match(await check.locator('.selfcheck-result').innerText(), /Right/);
  await page.close();
});

test('without JavaScript the answers and their feedback are in a disclosure', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url(LESSON));
  const answers = page.locator('#selfcheck-1 .selfcheck-answers');
  assert.equal(await answers.locator('li.right').isVisible(), false, 'closed at first');
  await answers.locator('summary').click();
  assert.match(await answers.locator('li.right').innerText(), /Right: Voice notes/);
  assert.match(await answers.innerText(), /500 MB to 1 GB/);
  assert.equal(await page.locator('[data-lesson-done]').isVisible(), false, 'no button that cannot work');
  await context.close();
});

test('the progress a learner makes is on the course front page after a reload', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url(LESSON));
  await page.locator('#selfcheck-1').getByLabel('Voice notes in the group’s chat').check();
  await page.locator('[data-lesson-done]').click();
  assert.equal(await page.locator('[data-lesson-done]').getAttribute('aria-pressed'), 'true');
  await page.goto(server.url(COURSE));
  await page.reload();
  const progress = page.locator('[data-course-progress] .progress-text');
  assert.equal(await progress.innerText(), '1 of 12 lessons done · 1 of 12 self-checks passed');
  assert.equal(await page.locator('[data-lesson$="lesson-01-why-online/"] .lesson-state').innerText(), 'Lesson done');
  assert.equal(await page.locator('[data-lesson$="lesson-02-designing/"] .lesson-state').innerText(), '');
  await context.close();
});

test('the progress on the course front page is still shown offline', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The first visit installs the service worker; the pages read from then on are kept.
  await page.goto(server.url(COURSE));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  await page.goto(server.url(LESSON));
  await page.locator('[data-lesson-done]').click();
  assert.equal(await page.locator('[data-lesson-done]').getAttribute('aria-pressed'), 'true');
  await page.goto(server.url(COURSE));
  // Offline is the browser's switch and the server dropping every connection: the switch does
  // not reach service workers (playwright#2311).
  await context.setOffline(true);
  server.setOffline(true);
  try {
    await page.reload();
    assert.notEqual(await page.locator('h1').first().innerText(), 'You are offline');
    const progress = page.locator('[data-course-progress] .progress-text');
    assert.match(await progress.innerText(), /^1 of 12 lessons done/);
    assert.equal(await page.locator('[data-lesson$="lesson-01-why-online/"] .lesson-state').innerText(), 'Lesson done');
  } finally {
    server.setOffline(false);
    await context.close();
  }
  assert.deepEqual(errors, []);
});

test('a lesson\'s slides move with the keyboard and hide the speaker notes', async () => {
  const page = await browser.newPage();
  await page.goto(server.url(`${LESSON}slides/`));
  const current = () => page.locator('.slide.current');
  const total = await page.locator('.slide').count();
  assert.ok(total >= 5, `${total} slides`);
  assert.equal(await current().getAttribute('id'), 'slide-1');
  assert.equal(await page.locator('.slide:visible').count(), 1, 'one slide at a time');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  assert.equal(await current().getAttribute('id'), 'slide-3');
  assert.match(await page.locator('[data-slide-count]').innerText(), new RegExp(`Slide 3 of ${total}`));
  await page.keyboard.press('ArrowLeft');
  assert.equal(await current().getAttribute('id'), 'slide-2');
  assert.equal(await page.locator('.speaker-notes:visible').count(), 0, 'notes hidden from the audience');
  await page.keyboard.press('End');
  assert.equal(await current().getAttribute('id'), `slide-${total}`);
  await page.keyboard.press('Home');
  assert.equal(await current().getAttribute('id'), 'slide-1');
  await page.reload();
  assert.equal(await current().getAttribute('id'), 'slide-1');
  await page.close();
});

test('printed, each slide takes a page', async () => {
  const page = await browser.newPage();
  await page.goto(server.url(`${LESSON}slides/`));
  const slides = await page.locator('.slide').count();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, slides);
  await page.close();
});

test('the technique cards print four to an A4 page', async () => {
  const page = await browser.newPage();
  await page.goto(server.url('techniques/cards/'));
  const cards = await page.locator('.deck-card').count();
  assert.ok(cards >= 5, `${cards} cards`);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, Math.ceil(cards / 4));
  await page.close();
});
