// Filters for the technique grid (layouts/technique_list.html). Without JavaScript the form
// stays hidden and the theme links (taxonomy pages) do the same job. With it: difficulty, theme
// and a number of people (a card matches when the group fits its `group_size`, read at build
// time into data-group-min and data-group-max); the choice is kept in the address (?people=8)
// so a filtered grid can be shared, and the count of matching cards is announced.
const form = document.querySelector('[data-card-filters]');
const status = document.querySelector('[data-card-status]');
if (form && status) {
  const cards = [...document.querySelectorAll('.cards .card')];
  const fields = ['difficulty', 'theme', 'people'];

  const matches = (card, want) => {
    const d = card.dataset;
    if (want.difficulty && d.difficulty !== want.difficulty) return false;
    if (want.theme && !(d.themes || '').split('|').includes(want.theme)) return false;
    const people = Number.parseInt(want.people, 10);
    if (people > 0) {
      if (d.groupMin === undefined) return false;
      if (people < Number(d.groupMin)) return false;
      if (d.groupMax !== undefined && people > Number(d.groupMax)) return false;
    }
    return true;
  };

  const say = (shown) => {
    const key = shown === 0 ? 'none' : shown === 1 ? 'one' : 'many';
    status.textContent = status.dataset[key].replace('{n}', shown).replace('{total}', cards.length);
  };

  const apply = () => {
    const want = Object.fromEntries(new FormData(form));
    let shown = 0;
    for (const card of cards) {
      card.hidden = !matches(card, want);
      if (!card.hidden) shown += 1;
    }
    const params = new URLSearchParams(location.search);
    for (const f of fields) {
      if (want[f]) params.set(f, want[f]);
      else params.delete(f);
    }
    const qs = params.toString();
    history.replaceState(null, '', qs ? `?${qs}` : location.pathname);
    const filtering = fields.some((f) => want[f]);
    if (filtering) say(shown);
    else status.textContent = '';
  };

  // The address first: a shared link opens with its filters chosen.
  const params = new URLSearchParams(location.search);
  for (const f of fields) {
    const input = form.elements.namedItem(f);
    const value = params.get(f);
    if (input && value !== null) input.value = value;
  }
  form.hidden = false;
  // The theme links are the filters of readers without JavaScript; the form does it here.
  const links = document.querySelector('.filter-links');
  if (links) links.hidden = true;
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  if (fields.some((f) => params.get(f))) apply();
}
