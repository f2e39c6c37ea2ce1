// Instant filtering of technique cards. Without JavaScript the filter form stays hidden and
// the theme links (taxonomy pages) do the same job.
const form = document.querySelector('[data-card-filters]');
if (form) {
  const cards = [...document.querySelectorAll('.cards .card')];
  const apply = () => {
    const want = Object.fromEntries(new FormData(form));
    for (const card of cards) {
      const ok = (!want.difficulty || card.dataset.difficulty === want.difficulty)
        && (!want.themes || card.dataset.themes.split('|').includes(want.themes))
        && (!want.group || card.dataset.group === want.group);
      card.hidden = !ok;
    }
  };
  form.hidden = false;
  form.addEventListener('change', apply);
}
