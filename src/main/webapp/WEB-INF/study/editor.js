// The Add and Edit dialogs (guiAddCards, guiAddNoteSetData, guiEditNote, guiCloseWindow): one of each per profile,
// kept on the server and shown in guiState ("addCards": the draft note or null, "editNote": a note id or null). The
// page shows what the server holds, so a script's guiAddCards or guiEditNote appears here within one poll. Field
// HTML is user content: it is edited as text in textareas and never put into this page's DOM as HTML.

import { call } from './api.js';

const box = document.getElementById('dialogs');
const addOpen = document.getElementById('add-open');

let refresh = () => {};
let shownAdd = null; // the draft (JSON text) the Add dialog shows, null while closed
let shownEdit = null; // the note id the Edit dialog shows, null while closed
let addMessage = '';
/** Whether addMessage is an error (shown as one). */
let addError = false;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'onclick') node.addEventListener('click', v);
    else if (k === 'onchange') node.addEventListener('change', v);
    else if (k === 'text') node.textContent = v;
    else if (k === 'value') node.value = v;
    else if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) {
    if (c !== null && c !== undefined) node.append(c);
  }
  return node;
}

function message(text, error) {
  return el('p', { class: error ? 'dialog-message error' : 'dialog-message', role: 'status', text });
}

function errorText(e) {
  return e && e.message ? e.message : String(e);
}

function select(id, options, chosen, onchange) {
  const s = el('select', { id, onchange });
  for (const name of options) {
    s.append(el('option', { value: name, text: name }));
  }
  if (!options.includes(chosen)) s.append(el('option', { value: chosen, text: chosen }));
  s.value = chosen;
  return s;
}

function fieldEditors(prefix, names, values) {
  return names.map((name, i) => el('div', { class: 'field' },
    el('label', { for: `${prefix}-field-${i}`, text: name }),
    el('textarea', { id: `${prefix}-field-${i}`, 'data-field': name, rows: '3', value: values[i] ?? '' })));
}

function collect(section) {
  const fields = {};
  for (const t of section.querySelectorAll('textarea[data-field]')) fields[t.dataset.field] = t.value;
  return fields;
}

function tagList(input) {
  return input.value.split(/\s+/).filter((t) => t !== '');
}

/** Runs the dialog's calls, shows an error in the dialog when one fails, then looks at the server again. */
async function run(section, task) {
  for (const b of section.querySelectorAll('button, select')) b.disabled = true;
  try {
    await task();
    // drawn again from the server's draft even when it did not change (the text typed here is in the page only)
    if (section.id === 'add-dialog') shownAdd = '';
  } catch (e) {
    addMessage = '';
    const line = section.querySelector('.dialog-message');
    if (line) {
      line.textContent = errorText(e);
      line.classList.add('error');
    }
    for (const b of section.querySelectorAll('button, select')) b.disabled = false;
  }
  refresh();
}

async function renderAdd(draft) {
  const [decks, models] = await Promise.all([call('deckNames'), call('modelNames')]);
  const names = Object.keys(draft.fields);
  const tags = el('input', { id: 'add-tags', type: 'text', value: draft.tags.join(' '), autocomplete: 'off' });
  const section = el('section', { class: 'dialog', id: 'add-dialog', 'aria-labelledby': 'add-title' });
  const current = () => ({ fields: collect(section), tags: tagList(tags) });
  const deck = select('add-deck', decks, draft.deckName, () => run(section, () =>
    call('guiAddNoteSetData', { note: { deckName: deck.value, ...current() } })));
  const model = select('add-model', models, draft.modelName, () => run(section, async () => {
    // the text typed so far goes to the draft first: the note type's switch keeps it by position
    await call('guiAddNoteSetData', { note: current() });
    await call('guiAddNoteSetData', { note: { modelName: model.value } });
  }));
  const add = el('button', {
    type: 'button', class: 'primary', id: 'add-button', text: 'Add',
    onclick: () => run(section, async () => {
      const note = { deckName: deck.value, modelName: model.value, ...current() };
      const id = await call('addNote', { note });
      // as Anki's Add dialog: it stays open with the fields cleared, deck, note type and tags kept
      const cleared = Object.fromEntries(names.map((n) => [n, '']));
      await call('guiAddNoteSetData', { note: { fields: cleared, tags: note.tags } });
      addMessage = `Added note ${id}.`;
      addError = false;
    }),
  });
  const close = el('button', {
    type: 'button', id: 'add-close', text: 'Close',
    onclick: () => run(section, () => call('guiCloseWindow', { window: 'addCards' })),
  });
  section.append(
    el('h2', { id: 'add-title', text: 'Add' }),
    el('div', { class: 'pickers' },
      el('div', {}, el('label', { for: 'add-model', text: 'Type' }), model),
      el('div', {}, el('label', { for: 'add-deck', text: 'Deck' }), deck)),
    ...fieldEditors('add', names, names.map((n) => draft.fields[n])),
    el('div', { class: 'field' }, el('label', { for: 'add-tags', text: 'Tags' }), tags),
    el('div', { class: 'actions' }, add, close),
    message(addMessage, addError));
  return section;
}

async function renderEdit(id) {
  const section = el('section', { class: 'dialog', id: 'edit-dialog', 'aria-labelledby': 'edit-title' });
  const close = el('button', {
    type: 'button', id: 'edit-close', text: 'Close',
    onclick: () => run(section, () => call('guiCloseWindow', { window: 'editNote' })),
  });
  const info = (await call('notesInfo', { notes: [id] }))[0];
  if (!info || info.noteId === undefined) {
    section.append(el('h2', { id: 'edit-title', text: 'Edit' }),
      el('p', { text: `Note ${id} no longer exists.` }), el('div', { class: 'actions' }, close));
    return section;
  }
  const names = Object.keys(info.fields).sort((a, b) => info.fields[a].order - info.fields[b].order);
  const tags = el('input', { id: 'edit-tags', type: 'text', value: info.tags.join(' '), autocomplete: 'off' });
  const save = el('button', {
    type: 'button', class: 'primary', id: 'edit-save', text: 'Save',
    onclick: () => run(section, async () => {
      await call('updateNote', { note: { id, fields: collect(section), tags: tagList(tags) } });
      const line = section.querySelector('.dialog-message');
      line.textContent = 'Saved.';
      line.classList.remove('error');
      for (const b of section.querySelectorAll('button')) b.disabled = false;
    }),
  });
  section.append(
    el('h2', { id: 'edit-title', text: `Edit (${info.modelName})` }),
    ...fieldEditors('edit', names, names.map((n) => info.fields[n].value)),
    el('div', { class: 'field' }, el('label', { for: 'edit-tags', text: 'Tags' }), tags),
    el('div', { class: 'actions' }, save, close),
    message(''));
  return section;
}

/** A dialog that just opened (here or by another client) comes into view with its first field focused. */
function opened(section) {
  section.scrollIntoView({ block: 'nearest' });
  const first = section.querySelector('textarea, input');
  if (first) first.focus({ preventScroll: true });
}

/** Shows the dialogs guiState holds; a dialog is drawn again only when what the server holds for it changed. */
export async function showDialogs(state) {
  addOpen.hidden = false;
  const draft = state.addCards === null || state.addCards === undefined ? null : JSON.stringify(state.addCards);
  const edit = state.editNote === null || state.editNote === undefined ? null : state.editNote;
  if (draft !== shownAdd) {
    shownAdd = draft;
    const old = document.getElementById('add-dialog');
    const next = draft === null ? null : await renderAdd(state.addCards);
    if (old) old.remove();
    if (next) box.prepend(next);
    if (next && !old) opened(next);
    if (draft === null) {
      addMessage = '';
      addError = false;
    }
  }
  if (edit !== shownEdit) {
    shownEdit = edit;
    const old = document.getElementById('edit-dialog');
    const next = edit === null ? null : await renderEdit(edit);
    if (old) old.remove();
    if (next) box.append(next);
    if (next && !old) opened(next);
  }
}

/** Forgets what was shown (after signing out), so the next guiState draws the dialogs again. */
export function hideDialogs() {
  shownAdd = null;
  shownEdit = null;
  box.replaceChildren();
  addOpen.hidden = true;
}

/** The header's "Add": opens the Add dialog (guiAddCards without a note: the main window's deck, Basic). */
export function initDialogs(onChange) {
  refresh = onChange;
  addOpen.addEventListener('click', async () => {
    try {
      await call('guiAddCards');
    } catch (e) {
      addMessage = errorText(e);
      addError = true;
    }
    refresh();
  });
}
