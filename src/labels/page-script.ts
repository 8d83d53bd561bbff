/**
 * The labelling page's inline script and style, as text. The script fetches the session, renders
 * every text with textContent (never as markup), and saves each label as it is given (labels
 * given while a save is in flight go together in the next POST). Keys: 1–5 score the active criterion, u marks it unsure, Backspace goes back one
 * criterion, ←/→ move between cases. The next case is drawn synchronously from memory.
 */

/** The page's style sheet. */
export const PAGE_STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
header{position:sticky;top:0;background:#24292f;color:#fff;padding:8px 16px;display:flex;gap:24px;align-items:center}
header b{font-weight:600}
#status[data-state="error"]{color:#ffb4b4}
main{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:16px;padding:16px}
section{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:10px 14px;margin-bottom:12px}
h2{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#57606a;margin:0 0 6px}
pre{white-space:pre-wrap;word-break:break-word;margin:0;font:12.5px/1.5 ui-monospace,monospace}
#criteria li{list-style:none;padding:6px 8px;border-radius:4px;margin:2px 0}
#criteria ol{padding:0;margin:0}
#criteria li[data-active="true"]{background:#ddf4ff;outline:1px solid #54aeff}
.value{float:right;font-weight:600}
#anchors button{display:block;width:100%;text-align:left;margin:4px 0;padding:6px;border:1px solid #d0d7de;background:#fff;border-radius:4px;cursor:pointer;font:inherit}
#anchors button:hover{background:#f3f4f6}
#done{display:none;padding:24px;font-size:16px}
body[data-complete="true"] #done{display:block}
kbd{border:1px solid #8c959f;border-radius:3px;padding:0 4px;font-size:12px;background:#f6f8fa;color:#1b1f24}
`;

/** The page's script. */
export const PAGE_SCRIPT = `
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let view = null;
  let current = 0;
  let active = 0;
  const pending = [];
  let sending = false;

  const labelsOf = (n) => (view.labels[n] = view.labels[n] || {});
  const missing = (n) => view.criteria.findIndex((c) => labelsOf(n)[c.id] === undefined);
  const complete = (n) => missing(n) === -1;
  const doneCount = () => view.cases.filter((c) => complete(c.n)).length;

  function setStatus(text, state) {
    const el = $('status');
    el.textContent = text;
    el.dataset.state = state;
  }

  function send() {
    if (sending || pending.length === 0) return;
    sending = true;
    const batch = pending.slice();
    setStatus('saving…', 'saving');
    fetch('api/label', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ labels: batch }),
    })
      .then((res) => (res.ok ? res.json() : res.text().then((t) => Promise.reject(new Error(t || res.statusText)))))
      .then(() => {
        pending.splice(0, batch.length);
        sending = false;
        if (pending.length === 0) setStatus('saved', 'saved');
        send();
      })
      .catch((error) => {
        sending = false;
        setStatus('not saved (' + error.message + '); retrying', 'error');
        setTimeout(send, 1000);
      });
  }

  function render() {
    const c = view.cases[current];
    document.body.dataset.case = String(current);
    document.body.dataset.complete = String(doneCount() === view.cases.length);
    $('position').textContent = 'case ' + (current + 1) + ' of ' + view.cases.length;
    $('progress').textContent = doneCount() + ' of ' + view.cases.length + ' labelled';
    $('requirement').textContent = c.requirement;
    $('candidate').textContent = c.candidate;
    $('gold-section').hidden = c.gold === undefined;
    $('gold').textContent = c.gold === undefined ? '' : c.gold;
    const given = labelsOf(current);
    const list = $('criteria-list');
    list.replaceChildren(
      ...view.criteria.map((criterion, i) => {
        const li = document.createElement('li');
        li.dataset.criterion = criterion.id;
        li.dataset.active = String(i === active);
        const value = document.createElement('span');
        value.className = 'value';
        value.textContent = given[criterion.id] === undefined ? '–' : String(given[criterion.id]);
        const name = document.createElement('b');
        name.textContent = criterion.id;
        const question = document.createElement('div');
        question.textContent = criterion.question;
        li.append(value, name, question);
        li.addEventListener('click', () => {
          active = i;
          render();
        });
        return li;
      }),
    );
    const criterion = view.criteria[active];
    $('anchors-title').textContent = criterion.id + ': press 1–5, or u if unsure';
    $('anchors').replaceChildren(
      ...['1', '2', '3', '4', '5', 'u'].map((key) => {
        const button = document.createElement('button');
        button.type = 'button';
        const kbd = document.createElement('kbd');
        kbd.textContent = key;
        button.append(kbd, ' ' + (key === 'u' ? 'unsure' : criterion.anchors[key]));
        button.addEventListener('click', () => give(key === 'u' ? 'unsure' : Number(key)));
        return button;
      }),
    );
  }

  function go(n) {
    current = (n + view.cases.length) % view.cases.length;
    const next = missing(current);
    active = next === -1 ? 0 : next;
    render();
  }

  function give(value) {
    const criterion = view.criteria[active].id;
    labelsOf(current)[criterion] = value;
    pending.push({ n: current, criterion, value });
    send();
    const next = missing(current);
    if (next !== -1) {
      active = next;
      render();
      return;
    }
    for (let step = 1; step <= view.cases.length; step++) {
      const n = (current + step) % view.cases.length;
      if (!complete(n)) return go(n);
    }
    if (active < view.criteria.length - 1) active++;
    render();
  }

  document.addEventListener('keydown', (event) => {
    if (!view || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key;
    if (key >= '1' && key <= '5') give(Number(key));
    else if (key === 'u' || key === 'U') give('unsure');
    else if (key === 'Backspace' || key === 'ArrowUp') {
      active = Math.max(0, active - 1);
      render();
    } else if (key === 'ArrowDown') {
      active = Math.min(view.criteria.length - 1, active + 1);
      render();
    } else if (key === 'ArrowRight') go(current + 1);
    else if (key === 'ArrowLeft') go(current - 1);
    else return;
    event.preventDefault();
  });

  fetch('api/session')
    .then((res) => (res.ok ? res.json() : Promise.reject(new Error(res.statusText))))
    .then((data) => {
      view = data;
      $('annotator').textContent = view.annotator;
      $('mode').textContent = view.mode;
      const first = view.cases.findIndex((c) => !complete(c.n));
      go(first === -1 ? 0 : first);
      setStatus(doneCount() > 0 ? 'resumed' : 'ready', 'saved');
      document.body.dataset.ready = 'true';
    })
    .catch((error) => setStatus('cannot load the session: ' + error.message, 'error'));
})();
`;
