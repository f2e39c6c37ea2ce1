// A lesson's slides (layouts/slides.html): one slide at a time, moved with the keyboard (arrows,
// Page Up/Down, Space, Home, End), the slide's number kept in the address (#slide-3) so a reload
// or a shared link opens it; N shows or hides the speaker notes on the trainer's own screen.
const deck = document.querySelector('[data-slides]');
if (deck) {
  const slides = [...deck.querySelectorAll('.slide')];
  const count = document.querySelector('[data-slide-count]');
  const rtl = document.documentElement.dir === 'rtl';
  let current = 0;

  const show = (n) => {
    current = Math.max(0, Math.min(slides.length - 1, n));
    slides.forEach((s, i) => s.classList.toggle('current', i === current));
    count.textContent = count.dataset.slideCount.replace('{n}', current + 1).replace('{total}', slides.length);
    history.replaceState(null, '', `#${slides[current].id}`);
  };

  document.documentElement.classList.add('js');
  const start = slides.findIndex((s) => `#${s.id}` === location.hash);
  show(start < 0 ? 0 : start);

  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    const moves = {
      [forward]: current + 1, ArrowDown: current + 1, PageDown: current + 1, ' ': current + 1,
      [back]: current - 1, ArrowUp: current - 1, PageUp: current - 1,
      Home: 0, End: slides.length - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      show(moves[e.key]);
    } else if (e.key === 'n' || e.key === 'N') {
      document.body.classList.toggle('show-notes');
    }
  });
}
