// What a reader's connection carries: the bytes and requests of one reading path through the
// example site (home → guides → a guide → a chapter → a search → its first result) on a first
// visit, a second visit and a visit with no connection, with lore's service worker and without it
// (`offline: false`), in Debian's Chromium driven by playwright-core.
//
//   cargo build --release && npm ci
//   node bench/reader.mjs                  # prints a Markdown table, writes bench/work/reader.json
//   LORE_BIN=/path/to/lore node bench/reader.mjs
//
// The site is served as a static host serves it: gzip for text, an ETag on every file and 304
// answers to revalidations. Two host policies are measured, because a second visit costs what
// the HTTP cache allows: `max-age=600` (GitHub Pages: a second visit within ten minutes reads
// the browser's cache) and `no-cache` (every file revalidated, as any visit after the cache
// expired, the next day). Bytes are counted at the server's sockets (headers included), so they
// are what crossed the wire, whoever (page or worker) asked.

import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

import { loreBinary, repoRoot } from '../tests/js/support.mjs';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const TYPES = {
  html: 'text/html; charset=utf-8', js: 'text/javascript', mjs: 'text/javascript', json: 'application/json',
  css: 'text/css', svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp',
  ico: 'image/x-icon', ics: 'text/calendar', xml: 'application/xml', webmanifest: 'application/manifest+json',
};
const TEXT = new Set(['html', 'js', 'mjs', 'json', 'css', 'svg', 'ics', 'xml', 'webmanifest', 'txt']);

/** The reading path: addresses, then a search typed on the search page and its first result. */
const PATH = ['', 'guides/', 'guides/communities-of-practice/', 'guides/communities-of-practice/launching/'];
const QUERY = 'problem tree';

/** A static host over `dir`: gzip, ETags, 304s, one cache policy; counts the bytes it sends. */
function host(dir, cacheControl) {
  let offline = false;
  const sockets = new Set();
  let sent = 0;
  let requests = 0;
  const files = new Map();
  const server = http.createServer((req, res) => {
    if (offline) return req.socket.destroy();
    requests += 1;
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(dir, rel);
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404, { 'Content-Type': TYPES.html });
      return res.end(fs.existsSync(path.join(dir, '404.html')) ? fs.readFileSync(path.join(dir, '404.html')) : 'not found');
    }
    if (!files.has(file)) {
      const raw = fs.readFileSync(file);
      const ext = path.extname(file).slice(1);
      const body = TEXT.has(ext) ? zlib.gzipSync(raw, { level: 6 }) : raw;
      files.set(file, { body, gzip: TEXT.has(ext), type: TYPES[ext] || 'application/octet-stream', etag: `"${crypto.createHash('sha1').update(raw).digest('hex').slice(0, 16)}"` });
    }
    const f = files.get(file);
    const headers = { 'Content-Type': f.type, ETag: f.etag, 'Cache-Control': cacheControl };
    if (f.gzip) Object.assign(headers, { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
    if (req.headers['if-none-match'] === f.etag) return res.writeHead(304, headers).end();
    res.writeHead(200, headers).end(f.body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => { sent += s.bytesWritten - (s.counted || 0); sockets.delete(s); });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({
        origin,
        /** Bytes and requests since the last call. */
        take() {
          let open = 0;
          for (const s of sockets) {
            open += s.bytesWritten - (s.counted || 0);
            s.counted = s.bytesWritten;
          }
          const out = { bytes: sent + open, requests };
          sent = 0;
          requests = 0;
          return out;
        },
        setOffline(b) {
          offline = b;
          if (b) for (const s of sockets) s.destroy();
        },
        close: () => new Promise((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
      });
    });
  });
}

/** Walks the reading path; returns how many of its pages opened with their own content. */
async function read(page, origin, { worker }) {
  let opened = 0;
  const visit = async (url) => {
    try {
      await page.goto(url, { waitUntil: 'networkidle', timeout: 20000 });
      const title = await page.locator('h1').first().innerText({ timeout: 2000 });
      if (!/offline|غير متصل|hors ligne|sin conexión/i.test(title)) opened += 1;
    } catch {
      // No page at all: the browser's own error page.
    }
  };
  for (const p of PATH) await visit(`${origin}/${p}`);
  await visit(`${origin}/search/?q=${encodeURIComponent(QUERY)}`);
  const href = await page.locator('[data-search-results] a[href]').first().getAttribute('href', { timeout: 10000 }).catch(() => null);
  if (href) await visit(new URL(href, origin).href);
  if (worker) {
    // The worker keeps pages in the background: let it finish before the bytes are counted.
    await page.evaluate(() => navigator.serviceWorker.ready).catch(() => {});
    await page.waitForTimeout(1500);
  }
  return { opened, of: PATH.length + 2 };
}

/** One browser profile through the three visits, on one build and one host policy. */
async function measure(out, cacheControl, worker) {
  const server = await host(out, cacheControl);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lore-reader-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS,
  });
  const page = context.pages()[0] || (await context.newPage());
  const row = {};
  try {
    row.first = { ...(await read(page, server.origin, { worker })), ...server.take() };
    row.second = { ...(await read(page, server.origin, { worker })), ...server.take() };
    server.setOffline(true);
    await context.setOffline(true);
    row.offline = { ...(await read(page, server.origin, { worker })), ...server.take() };
  } finally {
    await context.close().catch(() => {});
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return row;
}

function build(root, out) {
  execFileSync(loreBinary(), ['build', '--root', root, '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lore-reader-'));
  try {
    const site = path.join(work, 'site');
    fs.cpSync(path.join(repoRoot, 'content'), path.join(site, 'content'), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, 'site.yaml'), path.join(site, 'site.yaml'));
    build(site, path.join(work, 'with-worker'));
    fs.appendFileSync(path.join(site, 'site.yaml'), '\noffline: false\n');
    build(site, path.join(work, 'without-worker'));

    const results = [];
    for (const policy of ['max-age=600', 'no-cache']) {
      for (const worker of [true, false]) {
        const row = await measure(path.join(work, worker ? 'with-worker' : 'without-worker'), policy, worker);
        results.push({ policy, worker, ...row });
      }
    }
    const version = execFileSync(loreBinary(), ['--version'], { encoding: 'utf8' }).trim();
    console.log(`\nA reader's bytes on the example site (${version}; path: home, /guides/, a guide, a chapter, /search/?q=${QUERY}, its first result)\n`);
    console.log('| host cache policy | service worker | first visit | second visit | offline visit: bytes | offline visit: pages that open |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: |');
    for (const r of results) {
      const cell = (v) => `${kb(v.bytes)} in ${v.requests} requests`;
      console.log(`| \`${r.policy}\` | ${r.worker ? 'on' : 'off'} | ${cell(r.first)} | ${cell(r.second)} | ${kb(r.offline.bytes)} | ${r.offline.opened} of ${r.offline.of} |`);
    }
    const dest = path.join(repoRoot, 'bench/work');
    fs.mkdirSync(dest, { recursive: true });
    fs.writeFileSync(path.join(dest, 'reader.json'), JSON.stringify({ version, date: new Date().toISOString(), query: QUERY, results }, null, 2));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
