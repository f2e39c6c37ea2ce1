// The service worker: keeps the site's shell and every page a reader opens, so that they open
// again without a connection.
//
// `lore build` writes /sw.js as this file with `const LORE = {...}` in front of it
// (src/offline/mod.rs): the build's version, the shell (fingerprinted CSS, JS, icons, the
// search engine, the offline pages), the page-hash files and the search folders in use.
//
// Caches:
// - `lore-shell-<version>`: the shell of one build, fetched whole when the worker installs;
//   the previous build's is deleted when the new worker takes over.
// - `lore-pages`: pages read, each stored with the SHA-256 of its HTML (`x-lore-hash`). When a
//   new build's worker takes over it compares them with the build's page hashes: a page that
//   changed is fetched again, one that is gone is deleted, the others are left untouched.
// - `lore-files`: images, attachments and search files read, or kept with a guide.
//
// Pages are fetched from the network first (a reader online sees the current page) and from
// the cache when that fails; an unvisited page offline gets the offline page of its language.

/* global LORE */
const SHELL = `lore-shell-${LORE.version}`;
const PAGES = 'lore-pages';
const FILES = 'lore-files';
const HASH_HEADER = 'x-lore-hash';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await cache.addAll([...LORE.shell, ...Object.values(LORE.offline)]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('lore-shell-') && name !== SHELL) await caches.delete(name);
      }
      await refreshPages();
      await dropOldSearchFiles();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const { data } = event;
  if (data?.type === 'keep') event.waitUntil(keep(data.files, event.source));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(LORE.base)) return;
  if (request.mode === 'navigate' || isPage(url)) event.respondWith(page(request, url));
  else event.respondWith(file(request, url));
});

/** True for an address served as HTML: `/x/`, `/x/index.html`, `/404.html`. */
function isPage(url) {
  return url.pathname.endsWith('/') || url.pathname.endsWith('.html');
}

/** The key a page is kept under: its pretty address, without query or fragment. */
function pageKey(url) {
  const path = url.pathname.replace(/index\.html$/, '');
  return new URL(path, self.location.origin).href;
}

/** Hex SHA-256 of bytes, shortened as the build shortens it. */
async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.slice(0, LORE.hash_bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stores a page's response with its hash, and returns a response for the reader. */
async function storePage(key, response) {
  const bytes = await response.arrayBuffer();
  const headers = new Headers(response.headers);
  headers.set(HASH_HEADER, await sha256(bytes));
  headers.set('x-lore-kept', new Date().toISOString());
  const init = { status: response.status, statusText: response.statusText, headers };
  await (await caches.open(PAGES)).put(key, new Response(bytes, init));
  return new Response(bytes, init);
}

async function page(request, url) {
  const key = pageKey(url);
  try {
    const response = await fetch(request);
    const html = (response.headers.get('content-type') || '').includes('text/html');
    if (response.ok && html && !url.search) return await storePage(key, response);
    return response;
  } catch (err) {
    const kept = (await caches.match(key, { ignoreSearch: true })) || (await caches.match(request));
    if (kept) return kept;
    const offline = await caches.match(offlinePage(url));
    if (offline) return offline;
    throw err;
  }
}

/** The offline page in the language of `url` (the longest language prefix it starts with). */
function offlinePage(url) {
  const path = url.pathname.slice(LORE.base.length - 1);
  const prefix = Object.keys(LORE.offline)
    .filter((p) => p && (path === p || path.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return new URL(LORE.offline[prefix || ''], self.location.origin).href;
}

/** Immutable files (the shell, search files under versioned names) come from the cache first;
 *  others from the network first, kept for reading offline. */
async function file(request, url) {
  const immutable = url.pathname.startsWith(`${LORE.base}search/`) && !url.pathname.endsWith('/search.js');
  const kept = await caches.match(request, { ignoreSearch: true });
  if (kept && (immutable || (await isShell(request)))) return kept;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await (await caches.open(FILES)).put(request, response.clone());
    return response;
  } catch (err) {
    if (kept) return kept;
    throw err;
  }
}

async function isShell(request) {
  return Boolean(await (await caches.open(SHELL)).match(request, { ignoreSearch: true }));
}

/** The page-hash file an address is in (src/offline/mod.rs `hash_file_of`: FNV-1a). */
function hashFileOf(address, files) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(address)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % Math.max(1, files);
}

/** The build's hashes of the pages at `urls` (absolute), by address: only the page-hash files
 *  that name them are fetched. */
async function pageHashes(urls) {
  const wanted = new Set(urls.map((u) => hashFileOf(new URL(u).pathname, LORE.pages.length)));
  const hashes = new Map();
  for (const n of wanted) {
    const response = await fetch(new URL(LORE.pages[n], self.location.origin));
    if (!response.ok) throw new Error(`${LORE.pages[n]} answered ${response.status}`);
    for (const [path, hash] of Object.entries(await response.json())) {
      hashes.set(new URL(path, self.location.origin).href, hash);
    }
  }
  return hashes;
}

/** Brings kept pages up to this build: each changed page is fetched again (or dropped when
 *  that fails, so no page of another build is served beside this build's shell), each page
 *  no longer built is dropped. */
async function refreshPages() {
  const cache = await caches.open(PAGES);
  const keys = await cache.keys();
  if (!keys.length) return;
  let hashes;
  try {
    hashes = await pageHashes(keys.map((k) => k.url));
  } catch {
    for (const k of keys) await cache.delete(k);
    return;
  }
  await Promise.all(
    keys.map(async (request) => {
      const want = hashes.get(request.url);
      const have = (await cache.match(request))?.headers.get(HASH_HEADER);
      if (want && want === have) return;
      if (want) {
        try {
          const response = await fetch(request.url, { cache: 'no-cache' });
          if (response.ok) return void (await storePage(request.url, response));
        } catch {
          // Dropped below.
        }
      }
      await cache.delete(request);
    }),
  );
}

/** Drops search files of indexes this build no longer uses. */
async function dropOldSearchFiles() {
  const cache = await caches.open(FILES);
  const search = `${self.location.origin}${LORE.base}search/`;
  for (const request of await cache.keys()) {
    if (!request.url.startsWith(search)) continue;
    const path = request.url.slice(self.location.origin.length);
    if (!LORE.search.some((p) => path.startsWith(p))) await cache.delete(request);
  }
}

/** Keeps every file of a pack (a guide's chapters, attachments, images, search files),
 *  telling the page how far it got. */
async function keep(files, client) {
  let done = 0;
  const report = (extra = {}) => client?.postMessage({ type: 'keep-progress', done, total: files.length, ...extra });
  try {
    for (const f of files) {
      const url = new URL(f, self.location.origin);
      const response = await fetch(url, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`${f} answered ${response.status}`);
      if (isPage(url)) await storePage(pageKey(url), response);
      else await (await caches.open(FILES)).put(url.href, response);
      done += 1;
      report();
    }
    report({ finished: true });
  } catch (err) {
    report({ failed: String(err) });
  }
}
