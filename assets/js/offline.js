// Reading offline, on the page's side: registers the service worker (/sw.js, written by
// `lore build` from assets/offline/worker.js), fills the offline page's list of kept pages, and
// runs the "keep this guide offline" button (its size comes from the guide's offline.json).
// Pages read without it; this only adds what a worker makes possible.

const script = document.currentScript || document.querySelector('script[data-base]');
const base = script?.dataset.base || '/';

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {});
  keepButton();
}
listKept();

/** "1.2 MB" in the page's language. */
function size(bytes) {
  const lang = document.documentElement.lang;
  const [n, unit] = bytes >= 1e6 ? [bytes / 1e6, 'megabyte'] : [Math.max(1, Math.round(bytes / 1e3)), 'kilobyte'];
  try {
    return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(n);
  } catch {
    return `${n.toFixed(1)} ${unit === 'megabyte' ? 'MB' : 'KB'}`;
  }
}

async function keepButton() {
  const box = document.querySelector('[data-keep-pack]');
  if (!box || !('caches' in self)) return;
  let pack;
  try {
    const r = await fetch(box.dataset.keepPack);
    if (!r.ok) return;
    pack = await r.json();
  } catch {
    return;
  }
  const button = box.querySelector('button');
  const status = box.querySelector('[data-keep-status]');
  box.querySelector('[data-keep-size]').textContent = `(${size(pack.bytes)})`;
  box.hidden = false;
  button.addEventListener('click', async () => {
    const registration = await navigator.serviceWorker.ready;
    button.disabled = true;
    navigator.serviceWorker.addEventListener('message', function progress(event) {
      const m = event.data;
      if (m?.type !== 'keep-progress') return;
      if (m.finished || m.failed) {
        navigator.serviceWorker.removeEventListener('message', progress);
        status.textContent = m.finished ? status.dataset.keptText : status.dataset.failedText;
        button.disabled = Boolean(m.finished);
      } else {
        status.textContent = `${m.done}/${m.total}`;
      }
    });
    registration.active.postMessage({ type: 'keep', files: pack.files });
  });
}

/** On the offline page: every kept page, by title, this language's first. */
async function listKept() {
  const list = document.querySelector('[data-offline-kept]');
  if (!list || !('caches' in self)) return;
  const cache = await caches.open('lore-pages');
  const lang = document.documentElement.lang;
  const pages = [];
  for (const request of await cache.keys()) {
    const html = await (await cache.match(request)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    if (doc.querySelector('[data-offline-page]')) continue;
    const title = doc.querySelector('h1')?.textContent.trim() || doc.title || request.url;
    pages.push({ url: new URL(request.url).pathname, title, lang: doc.documentElement.lang });
  }
  if (!pages.length) return;
  pages.sort((a, b) => (b.lang === lang) - (a.lang === lang) || a.title.localeCompare(b.title, lang));
  list.replaceChildren(
    ...pages.map((p) => {
      const a = document.createElement('a');
      a.href = p.url;
      a.textContent = p.title;
      if (p.lang && p.lang !== lang) a.lang = p.lang;
      const li = document.createElement('li');
      li.append(a);
      return li;
    }),
  );
}
