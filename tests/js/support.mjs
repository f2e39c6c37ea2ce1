// Shared by the Node and browser tests: build a site with the real `lore` binary into a
// temporary folder, and serve a folder on 127.0.0.1.
//
// The binary is target/release/lore (or $CARGO_TARGET_DIR/release/lore, or $LORE_BIN): run
// `cargo build --release` first.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixture = (name) => path.join(repoRoot, 'tests/fixtures/sites', name);

/** Path of the lore binary to test. */
export function loreBinary() {
  const bin =
    process.env.LORE_BIN ||
    path.join(process.env.CARGO_TARGET_DIR ? path.resolve(repoRoot, process.env.CARGO_TARGET_DIR) : path.join(repoRoot, 'target'), 'release/lore');
  if (!fs.existsSync(bin)) throw new Error(`no lore binary at ${bin}: run \`cargo build --release\` first (or set LORE_BIN)`);
  return bin;
}

/**
 * Builds the site in `root` into a fresh temporary folder and returns the folder. Extra
 * arguments go to `lore build` (e.g. ['--base-url', 'http://127.0.0.1/kb']).
 * @param {string} root
 * @param {string[]} [args]
 * @param {object} [env]  extra environment
 */
export function buildSite(root, args = [], env = {}) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lore-search-test-'));
  execFileSync(loreBinary(), ['build', '--root', root, '--out', path.join(out, 'public'), ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  });
  return path.join(out, 'public');
}

/** Removes a folder made by buildSite. */
export function removeSite(dir) {
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}

const TYPES = { html: 'text/html; charset=utf-8', js: 'text/javascript', mjs: 'text/javascript', json: 'application/json', css: 'text/css', svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp', ics: 'text/calendar', xml: 'application/xml' };

/**
 * Serves `dir` at `http://127.0.0.1:PORT<base>` (directory URLs get index.html).
 * @param {string} dir
 * @param {string} [base]  '/' or a sub-path like '/kb/'
 * `setOffline(true)` makes it drop every connection unanswered, as a lost network does (a
 * browser's own offline switch does not reach its service workers).
 * @returns {Promise<{origin: string, url: (p: string) => string, requests: string[], setOffline: (b: boolean) => void, close: () => Promise<void>}>}
 */
export function serve(dir, base = '/') {
  const requests = [];
  let offline = false;
  const server = http.createServer((req, res) => {
    if (offline) return req.socket.destroy();
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(pathname);
    if (!pathname.startsWith(base)) return end(res, 404, 'not found');
    let file = path.join(dir, pathname.slice(base.length));
    if (!file.startsWith(dir)) return end(res, 403, 'forbidden');
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return end(res, 404, 'not found');
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file).slice(1)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  const end = (res, status, text) => {
    res.writeHead(status, { 'Content-Type': 'text/plain' });
    res.end(text);
  };
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({
        origin,
        url: (p) => origin + base + p.replace(/^\//, ''),
        requests,
        setOffline: (b) => {
          offline = b;
          if (b) server.closeAllConnections?.();
        },
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}
