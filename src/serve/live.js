// lore serve: reload the page when the site is rebuilt; swap stylesheets in place when only
// CSS changed; show build errors over the page until they are fixed.
(() => {
  const overlayId = 'lore-errors';
  const clearErrors = () => document.getElementById(overlayId)?.remove();
  const showErrors = (diagnostics) => {
    clearErrors();
    const box = document.createElement('div');
    box.id = overlayId;
    box.setAttribute('role', 'alert');
    box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;' +
      'background:#2b0b0e;color:#fde8e8;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;direction:ltr;text-align:left';
    const title = document.createElement('strong');
    title.textContent = `lore: the build failed (${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}); the last good version is shown.`;
    box.append(title);
    for (const d of diagnostics) {
      const p = document.createElement('pre');
      p.style.cssText = 'white-space:pre-wrap;margin:.6rem 0 0';
      const where = [d.path, d.line || null, d.col || null].filter(Boolean).join(':');
      p.textContent = `${where}: ${d.severity}: ${d.message}${d.help ? `\n  help: ${d.help}` : ''}`;
      box.append(p);
    }
    document.body.append(box);
  };
  const swapStylesheets = async () => {
    const html = await (await fetch(location.href, { cache: 'no-store' })).text();
    const fresh = new DOMParser().parseFromString(html, 'text/html');
    const next = [...fresh.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href'));
    const current = [...document.querySelectorAll('link[rel=stylesheet]')];
    if (next.length !== current.length) return location.reload();
    current.forEach((link, i) => link.setAttribute('href', next[i]));
  };
  const source = new EventSource('/__lore/events');
  source.addEventListener('lore', (e) => {
    const msg = JSON.parse(e.data);
    if (msg.kind === 'errors') showErrors(msg.diagnostics);
    else if (msg.kind === 'reload' && msg.css) { clearErrors(); swapStylesheets(); }
    else if (msg.kind === 'reload') location.reload();
  });
})();
