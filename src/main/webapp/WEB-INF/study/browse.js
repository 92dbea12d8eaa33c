// The card Browser: a window beside the main window, as Anki's Browser. What it shows is the server's browser of the
// active profile (guiState.browser: its search and selected card), which any client can move (guiBrowse,
// guiSelectCard); its own search box, rows and close button call the same actions. While it is open it covers the
// main window (deck list, overview or reviewer) at every width; closing it shows the main window again.
// Only ids are fetched for a whole search; the rows' details come through cardsInfo one page (at most PAGE cards)
// at a time.

import { ApiError, call } from './api.js';
import { cardDocument, showInFrame } from './card.js';

const PAGE = 100;
const section = document.getElementById('browser');
const browseButton = document.getElementById('browse');

let ctx = null; // from app.js: el, serial, poll, showError, dark
let shown = null; // { query, ids, page, rows: Map(id → cardsInfo entry), card (selected), current (previewed) }
let open = false;
const templates = new Map(); // note type name → Promise of its template names in order

export function isOpen() {
  return open;
}

/** Called once by app.js with what the browser needs of the page. */
export function init(context) {
  ctx = context;
  browseButton.addEventListener('click', () => {
    if (open) {
      const input = document.getElementById('browser-query');
      if (input) input.focus();
      return;
    }
    search(shown !== null ? shown.query : 'deck:current');
  });
  document.addEventListener('keydown', onKey);
}

/** The header's Browse button shows once the page is signed in. */
export function signedIn(yes) {
  browseButton.hidden = !yes;
  if (!yes) close();
}

function close() {
  open = false;
  section.hidden = true;
  section.replaceChildren();
  document.body.dataset.browser = 'closed';
}

/** Runs a user's action (a gui* call) after whatever the page does now, then looks at the window again. */
function act(task) {
  return ctx.serial(async () => {
    try {
      await task();
      ctx.showError(null);
    } catch (e) {
      ctx.showError(e);
    }
  }).then(() => ctx.poll());
}

function search(query) {
  return act(async () => {
    const ids = await call('guiBrowse', { query });
    shown = { query, ids, page: 0, rows: new Map(), card: null, current: null };
  });
}

function select(id) {
  return act(() => call('guiSelectCard', { card: id }));
}

function onKey(event) {
  if (!open || event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.key === 'Escape') {
    event.preventDefault();
    act(() => call('guiCloseWindow', { window: 'browser' }));
    return;
  }
  if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || shown === null || shown.ids.length === 0) return;
  event.preventDefault();
  const at = shown.current === null ? -1 : shown.ids.indexOf(shown.current);
  let next;
  if (event.key === 'ArrowDown') next = at < 0 ? shown.page * PAGE : Math.min(at + 1, shown.ids.length - 1);
  else next = at < 0 ? shown.page * PAGE : Math.max(at - 1, 0);
  if (next !== at || shown.card === null) select(shown.ids[next]);
}

/**
 * Shows guiState.browser (null: closed). Runs inside app.js's chain of looks: it calls the API directly and never
 * waits for the chain. A search is run again when the browser's query is not the one shown, when its selected card
 * is not among the rows found (another client searched or added since), or {@code again}: the window moved and the
 * browser looks the same (a client's guiBrowse on the same search, which may find cards added since).
 */
export async function render(b, again = false) {
  if (b === null || b === undefined) {
    close();
    return;
  }
  if (again || shown === null || shown.query !== b.query || (b.card !== null && !shown.ids.includes(b.card))) {
    let ids = [];
    let failure = null;
    try {
      ids = await call('findCards', { query: b.query });
    } catch (e) {
      failure = e;
    }
    const page = shown !== null && shown.query === b.query ? shown.page : 0;
    shown = { query: b.query, ids, page, rows: new Map(), card: null, current: null, failure };
  }
  shown.card = b.card;
  const at = b.card === null ? -1 : shown.ids.indexOf(b.card);
  if (at >= 0) shown.page = Math.floor(at / PAGE);
  shown.page = Math.min(shown.page, Math.max(0, Math.ceil(shown.ids.length / PAGE) - 1));
  await draw();
}

async function templateNames(model) {
  let names = templates.get(model);
  if (names === undefined) {
    names = call('modelTemplates', { modelName: model }).then((t) => Object.keys(t)).catch(() => []);
    templates.set(model, names);
  }
  return names;
}

async function templateName(info) {
  const names = await templateNames(info.modelName);
  if (names.length === 1 && info.ord > 0) return `${names[0]} ${info.ord + 1}`; // a cloze's card
  return names[info.ord] || `Card ${info.ord + 1}`;
}

/** A side's HTML as one line of text, for the table. */
function plain(html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const n of doc.querySelectorAll('style, script')) n.remove();
  const text = doc.body.textContent.replace(/\[(sound|anki:play)[^\]]*\]/g, '').replace(/\s+/g, ' ').trim();
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** The due column: a new card's position, a learning card's time, a review card's day number (as Anki keeps it). */
function due(info) {
  let text;
  if (info.type === 0) text = `New #${info.due}`;
  else if (info.queue === 1 || (info.type === 1 && info.due > 1e8)) text = new Date(info.due * 1000).toLocaleString();
  else text = `Day ${info.due}`;
  if (info.queue === -1) text += ' (suspended)';
  else if (info.queue === -2 || info.queue === -3) text += ' (buried)';
  return text;
}

async function rowsOfPage() {
  const ids = shown.ids.slice(shown.page * PAGE, (shown.page + 1) * PAGE);
  const missing = ids.filter((id) => !shown.rows.has(id));
  if (missing.length > 0) {
    const infos = await call('cardsInfo', { cards: missing });
    for (const info of infos) {
      if (info && typeof info.cardId === 'number') shown.rows.set(info.cardId, info);
    }
  }
  return ids.map((id) => shown.rows.get(id)).filter((info) => info !== undefined);
}

async function draw() {
  const { el } = ctx;
  const first = !open;
  open = true;
  document.body.dataset.browser = 'open';
  const focused = document.activeElement && document.activeElement.id;

  const input = el('input', { id: 'browser-query', name: 'query', type: 'search', 'aria-label': 'Search', value: shown.query, enterkeyhint: 'search' });
  const form = el('form', { class: 'browser-search', id: 'browser-search', role: 'search' },
    input, el('button', { type: 'submit', class: 'primary', id: 'browser-go', text: 'Search' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search(input.value);
  });
  const closeButton = el('button', { type: 'button', id: 'browser-close', 'aria-label': 'Close the browser', text: 'Close',
    onclick: () => act(() => call('guiCloseWindow', { window: 'browser' })) });
  const head = el('div', { class: 'bar' }, el('h2', { id: 'browser-title', text: 'Browse' }), closeButton);

  let rows = [];
  let failure = shown.failure || null;
  try {
    rows = await rowsOfPage();
  } catch (e) {
    failure = e;
  }
  const pages = Math.max(1, Math.ceil(shown.ids.length / PAGE));
  const status = el('p', { class: 'muted', id: 'browser-count', text: failure !== null
    ? (failure instanceof ApiError ? failure.message : String(failure))
    : `${shown.ids.length} card${shown.ids.length === 1 ? '' : 's'}${pages > 1 ? ` · page ${shown.page + 1} of ${pages}` : ''}` });

  const preview = el('div', { class: 'preview', id: 'browser-preview' });
  // the current row: the selected card, else (as Anki's Browser after a search) the page's first row, shown without
  // selecting it on the server (a look moves no window)
  shown.current = shown.card !== null ? shown.card : (rows.length > 0 ? rows[0].cardId : null);
  const selected = shown.current === null ? undefined : shown.rows.get(shown.current);
  const body = el('tbody', {});
  for (const info of rows) {
    const isSelected = info.cardId === shown.card;
    const tr = el('tr', { 'data-card-id': String(info.cardId), 'aria-selected': isSelected ? 'true' : 'false',
      class: info.cardId === shown.current ? 'current' : null },
      el('td', { class: 'q', text: plain(info.question) }),
      el('td', { class: 'hide-narrow', text: info.deckName }),
      el('td', { class: 'hide-narrow', text: await templateName(info) }),
      el('td', { text: due(info) }));
    tr.addEventListener('click', () => select(info.cardId));
    body.append(tr);
  }
  const table = el('table', { class: 'cards', id: 'browser-cards' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: 'Question' }),
      el('th', { scope: 'col', class: 'hide-narrow', text: 'Deck' }),
      el('th', { scope: 'col', class: 'hide-narrow', text: 'Card' }),
      el('th', { scope: 'col', text: 'Due' }))),
    body);
  const pager = pages > 1 ? el('div', { class: 'actions' },
    el('button', { type: 'button', id: 'browser-previous', text: 'Previous', disabled: shown.page === 0, onclick: () => turn(-1) }),
    el('button', { type: 'button', id: 'browser-next', text: 'Next', disabled: shown.page >= pages - 1, onclick: () => turn(1) })) : null;

  section.replaceChildren(...[head, form, status, preview, table, pager].filter((n) => n !== null));
  section.hidden = false;
  if (selected !== undefined) {
    preview.dataset.cardId = String(selected.cardId);
    const question = el('iframe', { class: 'card', id: 'browser-question', title: 'Question' });
    const answer = el('iframe', { class: 'card', id: 'browser-answer', title: 'Answer' });
    preview.append(el('p', { class: 'muted', text: `${selected.deckName} · ${selected.modelName} · ${await templateName(selected)}` }), question, answer);
    showInFrame(question, await cardDocument(selected.question, selected.css, ctx.dark()));
    showInFrame(answer, await cardDocument(selected.answer, selected.css, ctx.dark()));
  }
  if (first || focused === 'browser-query') input.focus();
  else if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
}

/** Another page of the same search: shown at once, nothing sent to the server (the selection stays). */
function turn(by) {
  return ctx.serial(async () => {
    shown.page += by;
    await draw();
  });
}
