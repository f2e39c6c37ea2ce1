// An event's start in the reader's own time zone, beside the event's zone (layouts/event.html).
// Progressive enhancement: without JavaScript the page shows the event's zone and offset.
const time = document.querySelector('[data-local-time]');
const out = document.querySelector('.local-time');
const written = time && /([+-])(\d\d):(\d\d)$/.exec(time.dateTime);
if (out && written) {
  const when = new Date(time.dateTime);
  const eventOffset = (written[1] === '-' ? -1 : 1) * (written[2] * 60 + Number(written[3]));
  if (eventOffset !== -when.getTimezoneOffset()) {
    // Components, not dateStyle/timeStyle: Intl refuses those beside timeZoneName.
    const text = new Intl.DateTimeFormat(document.documentElement.lang, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(when);
    out.textContent = ` · ${out.dataset.yourTime.replace('{time}', text)}`;
    out.hidden = false;
  }
}
