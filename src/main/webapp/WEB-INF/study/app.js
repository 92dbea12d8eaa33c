// The study pages: what they show is the server's "main window" of the active profile (guiState), which any
// client can move (guiDeckOverview, guiDeckReview, guiDeckBrowser...). The page polls guiState while it is
// visible and renders again when its version changes; its own buttons call the same gui* actions.

import { ApiError, call, storedKey, storeKey } from './api.js';
import { cardDocument, play, showInFrame, sounds } from './card.js';
import * as browser from './browse.js';
import { hideDialogs, initDialogs, showDialogs } from './editor.js';

const POLL_MS = 1500;
const screen = document.getElementById('screen');
const errorBox = document.getElementById('error');
const signOut = document.getElementById('signout');
const dark = window.matchMedia('(prefers-color-scheme: dark)');

let state = null; // the last guiState rendered
let signedIn = false;
let chain = Promise.resolve(); // actions and polls, one after the other
let pollQueued = false;
let pollFailed = false; // the error shown is the last look's: the next look that works clears it
let timer = null;
let stopSound = () => {};
let sideSounds = [];
let keyHandler = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'onclick') node.addEventListener('click', v);
    else if (k === 'text') node.textContent = v;
    else if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) {
    if (c !== null && c !== undefined) node.append(c);
  }
  return node;
}

function showError(e) {
  if (e === null) {
    errorBox.hidden = true;
    errorBox.textContent = '';
    return;
  }
  errorBox.textContent = e instanceof ApiError ? e.message : `the page failed: ${e && e.message ? e.message : e}`;
  errorBox.hidden = false;
}

function setScreen(name, title, ...children) {
  stopSound();
  sideSounds = [];
  keyHandler = null;
  screen.dataset.screen = name;
  document.getElementById('title').textContent = title;
  document.title = `${title} – AnkiConnect Server`;
  screen.replaceChildren(...children.filter((c) => c !== null && c !== undefined));
}

function serial(task) {
  const run = chain.then(task);
  chain = run.catch(() => {});
  return run;
}

/** Runs a user's action (a gui* call), then renders the window again at once, whether it moved or not. */
function act(action, params) {
  keyHandler = null;
  for (const b of screen.querySelectorAll('button')) b.disabled = true;
  serial(async () => {
    try {
      await call(action, params);
      showError(null);
    } catch (e) {
      showError(e);
    }
    state = null;
  });
  return poll();
}

// ---------------------------------------------------------------- sign-in

async function start() {
  let permission;
  try {
    permission = await call('requestPermission');
  } catch (e) {
    showError(e);
    setScreen('error', 'Study', el('p', { text: 'The server refused this page.' }));
    return;
  }
  if (permission.permission !== 'granted') {
    setScreen('error', 'Study', el('p', { text: 'The server does not let this page in (webCorsOriginList).' }));
    return;
  }
  if (permission.requireApikey && storedKey() === null) {
    signInForm(null);
    return;
  }
  await verify(permission.requireApikey);
}

async function verify(keyed) {
  try {
    await call('version');
  } catch (e) {
    if (keyed) {
      storeKey(null);
      signInForm(e);
      return;
    }
    showError(e);
    return;
  }
  showError(null);
  signedIn = true;
  signOut.hidden = !keyed;
  browser.signedIn(true);
  state = null;
  await poll();
}

function signInForm(error) {
  signedIn = false;
  browser.signedIn(false);
  signOut.hidden = true;
  const input = el('input', { id: 'key', name: 'key', type: 'password', autocomplete: 'current-password', required: true });
  const form = el('form', { class: 'signin', id: 'signin' },
    el('p', { text: 'This server needs an API key. Paste yours; it is kept in this tab only.' }),
    el('div', {}, el('label', { for: 'key', text: 'API key' }), input),
    el('div', {}, el('button', { type: 'submit', class: 'primary', id: 'signin-button', text: 'Sign in' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    storeKey(input.value);
    verify(true);
  });
  setScreen('signin', 'Sign in', form);
  showError(error);
  input.focus();
}

signOut.addEventListener('click', () => {
  storeKey(null);
  hideDialogs();
  state = null;
  signInForm(null);
});

// ---------------------------------------------------------------- polling

/** Looks at the window (guiState) and renders it when it changed; at most one look waits at a time. */
function poll() {
  if (!signedIn || pollQueued) return chain;
  pollQueued = true;
  return serial(async () => {
    pollQueued = false;
    if (!signedIn) return;
    try {
      const next = await call('guiState');
      await showDialogs(next);
      const previous = state;
      // the version moves with every move; a window whose deck or card was deleted since shows another screen at the
      // same version, so what it shows counts too
      if (previous === null || next.version !== previous.version || !sameMain(previous, next)) {
        state = next;
        // a move of the card browser alone (a search, a selection, closing it) leaves the main window as it is
        if (previous === null || !sameMain(previous, next) || (previous.browser === null && next.browser === null)) {
          await render(next);
        }
        // the same browser at a new version: a client's guiBrowse on the same search, which may find new cards
        const again = previous !== null && sameMain(previous, next)
          && JSON.stringify(previous.browser) === JSON.stringify(next.browser);
        await browser.render(next.browser, again);
      } else if (next.replay !== previous.replay) {
        state = next;
        replay();
      }
      if (pollFailed) {
        pollFailed = false;
        showError(null);
      }
    } catch (e) {
      if (e instanceof ApiError && e.message === 'valid api key must be provided') {
        storeKey(null);
        signInForm(e);
      } else {
        pollFailed = true;
        showError(e);
      }
    }
  });
}

/** Whether two looks show the same main window (the card browser aside). */
function sameMain(a, b) {
  const main = (s) => JSON.stringify({ ...s, version: 0, replay: 0, browser: null, addCards: null, editNote: null, dialogVersion: 0 });
  return main(a) === main(b);
}

function schedule() {
  clearInterval(timer);
  timer = null;
  if (document.visibilityState === 'visible') {
    timer = setInterval(() => poll(), POLL_MS);
  }
}

document.addEventListener('visibilitychange', () => {
  schedule();
  if (document.visibilityState === 'visible') poll();
});

document.addEventListener('keydown', (event) => {
  if (keyHandler === null || browser.isOpen() || event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
  const t = event.target;
  if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return;
  // a focused button answers space and enter itself
  if (t instanceof HTMLButtonElement && (event.key === ' ' || event.key === 'Enter')) return;
  keyHandler(event);
});

initDialogs(() => poll());

// ---------------------------------------------------------------- screens

async function render(s) {
  if (s.screen === 'review') {
    await renderReview(s);
  } else if (s.screen === 'overview') {
    await renderOverview(s);
  } else {
    await renderDecks();
  }
}

/** Decks in Anki's order: by name, one component after the other, without regard to case. */
function deckOrder(a, b) {
  const x = a.toLowerCase().split('::');
  const y = b.toLowerCase().split('::');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

function count(value, kind) {
  return el('td', { class: `n ${value === 0 ? 'zero' : kind}`, 'data-kind': kind, text: String(value) });
}

async function renderDecks() {
  const ids = await call('deckNamesAndIds');
  const names = Object.keys(ids).sort(deckOrder);
  const stats = names.length === 0 ? {} : await call('getDeckStats', { decks: names });
  const rows = names.map((name) => {
    const parts = name.split('::');
    // getDeckStats answers by deck id (its name is the last component only)
    const st = stats[String(ids[name])] || { new_count: 0, learn_count: 0, review_count: 0 };
    const open = el('button', {
      type: 'button', class: 'link deck', 'data-deck': name, text: parts[parts.length - 1],
      onclick: () => act('guiDeckOverview', { name }),
    });
    const study = el('button', {
      type: 'button', class: 'study', 'data-deck': name, 'aria-label': `Study ${name}`, text: 'Study',
      onclick: () => act('guiDeckReview', { name }),
    });
    return el('tr', { 'data-deck': name },
      el('td', { style: null }, el('span', { class: 'indent', 'data-depth': String(parts.length - 1) }), open),
      count(st.new_count, 'new'), count(st.learn_count, 'learn'), count(st.review_count, 'due'),
      el('td', { class: 'n' }, study));
  });
  const table = el('table', { class: 'decks', id: 'decks' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: 'Deck' }),
      el('th', { scope: 'col', class: 'n new', text: 'New' }),
      el('th', { scope: 'col', class: 'n learn', text: 'Learn' }),
      el('th', { scope: 'col', class: 'n due', text: 'Due' }),
      el('th', { scope: 'col', class: 'n' }, el('span', { class: 'hide-narrow', text: 'Study' })))),
    el('tbody', {}, ...rows));
  setScreen('deckBrowser', 'Decks', table);
  for (const span of table.querySelectorAll('.indent')) {
    span.style.display = 'inline-block';
    span.style.width = `${Number(span.dataset.depth) * 1.2}em`;
  }
}

async function renderOverview(s) {
  const name = s.deckName;
  const stats = await call('getDeckStats', { decks: [name] });
  const st = Object.values(stats)[0] || { new_count: 0, learn_count: 0, review_count: 0 };
  const done = st.new_count + st.learn_count + st.review_count === 0;
  const studyNow = el('button', {
    type: 'button', class: 'primary', id: 'study-now', text: 'Study now', disabled: done,
    onclick: () => act('guiDeckReview', { name }),
  });
  setScreen('overview', name,
    el('ul', { class: 'counts', 'aria-label': 'Cards to study today' },
      el('li', { class: 'new', text: `New: ${st.new_count}` }),
      el('li', { class: 'learn', text: `Learning: ${st.learn_count}` }),
      el('li', { class: 'due', text: `To review: ${st.review_count}` })),
    done ? el('p', { id: 'finished', text: 'You have finished this deck for now.' }) : null,
    el('div', { class: 'actions' }, studyNow,
      el('button', { type: 'button', id: 'to-decks', text: 'Decks', onclick: () => act('guiDeckBrowser') })));
  (done ? document.getElementById('to-decks') : studyNow).focus();
}

const LABELS = {
  2: ['Again', 'Good'],
  3: ['Again', 'Good', 'Easy'],
  4: ['Again', 'Hard', 'Good', 'Easy'],
};

async function renderReview(s) {
  let card;
  try {
    card = await call('guiCurrentCard');
  } catch (e) {
    // the window moved on meanwhile (another client): the next look shows where to
    state = null;
    pollFailed = true;
    showError(e);
    return;
  }
  if (card === null || card === undefined) {
    // nothing left to show: back to the deck's overview
    state = null;
    if (s.deckName) {
      await call('guiDeckOverview', { name: s.deckName });
      // looked at again after this render (the chain runs it next)
      setTimeout(() => poll(), 0);
    }
    return;
  }
  const answerSide = s.side === 'answer';
  const html = answerSide ? card.answer : card.question;
  const frame = el('iframe', { class: 'card', id: 'card', sandbox: 'allow-same-origin', title: answerSide ? 'Answer' : 'Question' });
  const soundBox = el('div', { class: 'sounds' });
  const controls = el('div', { class: 'actions', id: 'controls' });
  const footer = el('p', { class: 'muted', text: `${card.deckName} · ${card.modelName} · ${card.template}` });
  const back = el('button', { type: 'button', id: 'to-overview', text: 'Overview', onclick: () => act('guiDeckOverview', { name: s.deckName }) });
  setScreen('review', s.deckName || card.deckName, frame, soundBox, controls, el('div', { class: 'actions' }, back), footer);
  screen.dataset.side = answerSide ? 'answer' : 'question';
  screen.dataset.cardId = String(card.cardId);
  showInFrame(frame, await cardDocument(html, card.css, dark.matches));

  sideSounds = sounds(card, html);
  if (sideSounds.length > 0) {
    soundBox.append(el('button', { type: 'button', id: 'replay', 'aria-label': 'Play the card\'s sound again', text: '▶ Replay', onclick: replay }));
    replay();
  }

  if (!answerSide) {
    const show = el('button', { type: 'button', class: 'primary', id: 'show-answer', text: 'Show answer', onclick: () => act('guiShowAnswer') });
    controls.append(show);
    show.focus();
    keyHandler = (event) => {
      if (event.key === ' ' || event.key === 'Enter') {
        event.preventDefault();
        act('guiShowAnswer');
      }
    };
  } else {
    const buttons = Array.isArray(card.buttons) ? card.buttons : [];
    const labels = LABELS[buttons.length] || buttons.map((b) => `Ease ${b}`);
    const answers = el('div', { class: 'answers', role: 'group', 'aria-label': 'How well did you know it?' });
    buttons.forEach((ease, i) => {
      const next = Array.isArray(card.nextReviews) ? card.nextReviews[i] : undefined;
      answers.append(el('button', {
        type: 'button', class: ease === (buttons.length === 4 ? 3 : 2) ? 'answer primary' : 'answer', 'data-ease': String(ease),
        'aria-keyshortcuts': String(ease), onclick: () => act('guiAnswerCard', { ease }),
      }, el('span', { text: labels[i] }), next === undefined ? null : el('small', { text: next })));
    });
    controls.replaceWith(answers);
    answers.id = 'controls';
    const primary = answers.querySelector('.primary') || answers.querySelector('button');
    if (primary) primary.focus();
    keyHandler = (event) => {
      const ease = Number(event.key);
      if (buttons.includes(ease)) {
        event.preventDefault();
        act('guiAnswerCard', { ease });
      }
    };
  }
}

function replay() {
  stopSound();
  stopSound = play(sideSounds);
}

dark.addEventListener('change', () => {
  if (state !== null && state.screen === 'review') {
    state = null;
    poll(true);
  }
});

browser.init({ el, serial, poll, showError, dark: () => dark.matches });
schedule();
start();
