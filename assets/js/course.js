// A course's pages (layouts/guide.html): self-check questions give their feedback at once, and
// the learner's progress (lessons marked done, self-checks passed) is kept in this browser's
// localStorage under the course's address; no account and no server. The course's front page
// shows it. Without JavaScript none of this runs: the answers stay in their <details>
// disclosure and the front page says where progress would be kept.
const KEY = 'lore.course:';

/** @param {string} course @returns {{done: string[], passed: string[]}} */
export function readProgress(course) {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY + course) || '{}');
    return { done: saved.done || [], passed: saved.passed || [] };
  } catch {
    return { done: [], passed: [] };
  }
}

/** @param {string} course @param {(p: {done: string[], passed: string[]}) => void} change */
function updateProgress(course, change) {
  const progress = readProgress(course);
  change(progress);
  try {
    localStorage.setItem(KEY + course, JSON.stringify(progress));
  } catch {
    // Storage full or refused (private browsing): the page still works, progress is not kept.
  }
}

const add = (list, item) => { if (!list.includes(item)) list.push(item); };

/** Marks a self-check's chosen answers; true when exactly the right ones are chosen. */
function mark(check) {
  const inputs = [...check.querySelectorAll('input')];
  for (const input of inputs) {
    const item = input.closest('li');
    const feedback = item.querySelector('.selfcheck-feedback');
    if (feedback) feedback.hidden = !input.checked;
    if (input.checked) item.dataset.state = input.dataset.right === 'true' ? 'right' : 'wrong';
    else delete item.dataset.state;
  }
  return inputs.every((i) => i.checked === (i.dataset.right === 'true'));
}

function setUpSelfCheck(check, course, lesson) {
  const result = check.querySelector('.selfcheck-result');
  check.querySelector('.selfcheck-actions').hidden = false;
  check.querySelector('.selfcheck-answers').hidden = true;
  const id = `${lesson}#${check.id}`;
  const answer = () => {
    const right = mark(check);
    result.textContent = right ? check.dataset.rightText : check.dataset.wrongText;
    check.toggleAttribute('data-passed', right);
    if (right && course) updateProgress(course, (p) => add(p.passed, id));
  };
  if (check.dataset.kind === 'multiple') {
    check.querySelector('[data-selfcheck-submit]').addEventListener('click', answer);
  } else {
    check.addEventListener('change', answer);
  }
}

function setUpLessonDone(button) {
  const { course, lesson } = button.dataset;
  const show = () => {
    const done = readProgress(course).done.includes(lesson);
    button.setAttribute('aria-pressed', String(done));
    if (done) button.textContent = button.dataset.doneText;
  };
  button.hidden = false;
  button.dataset.markText = button.textContent;
  button.addEventListener('click', () => {
    const done = readProgress(course).done.includes(lesson);
    updateProgress(course, (p) => {
      p.done = done ? p.done.filter((l) => l !== lesson) : [...p.done, lesson];
    });
    if (done) button.textContent = button.dataset.markText;
    show();
  });
  show();
}

function showProgress(box) {
  const { course } = box.dataset;
  const progress = readProgress(course);
  const lessons = [...box.querySelectorAll('[data-lesson]')];
  const done = lessons.filter((li) => progress.done.includes(li.dataset.lesson));
  for (const li of done) {
    const state = li.querySelector('.lesson-state');
    state.textContent = state.dataset.doneText;
  }
  const passed = progress.passed.filter((id) => lessons.some((li) => id.startsWith(`${li.dataset.lesson}#`)));
  const text = box.querySelector('[data-progress-text]');
  text.textContent = text.dataset.progressText
    .replace('{done}', String(done.length))
    .replace('{passed}', String(passed.length));
  const bar = box.querySelector('progress');
  bar.value = done.length;
  bar.hidden = false;
}

const doneButton = document.querySelector('[data-lesson-done]');
for (const check of document.querySelectorAll('[data-selfcheck]')) {
  setUpSelfCheck(check, doneButton?.dataset.course, doneButton?.dataset.lesson ?? location.pathname);
}
if (doneButton) setUpLessonDone(doneButton);
for (const box of document.querySelectorAll('[data-course-progress]')) showProgress(box);
