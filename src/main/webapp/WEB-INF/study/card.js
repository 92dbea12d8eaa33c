// Card HTML is user content: it is shown in a sandboxed frame that runs no scripts (sandbox without allow-scripts;
// the frame also inherits the page's Content-Security-Policy), so nothing in a card can reach the API key.
// Media files named by the card (<img src="x.jpg">, [sound:x.mp3]) come through retrieveMediaFile as data URLs,
// fetched once per file name.

import { call } from './api.js';

const TYPES = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp',
  svg: 'image/svg+xml', bmp: 'image/bmp', ico: 'image/x-icon', avif: 'image/avif',
  mp3: 'audio/mpeg', ogg: 'audio/ogg', oga: 'audio/ogg', opus: 'audio/ogg', wav: 'audio/wav', m4a: 'audio/mp4',
  aac: 'audio/aac', flac: 'audio/flac', webm: 'audio/webm', mp4: 'video/mp4', spx: 'audio/ogg',
};

/** File name → Promise of a data URL, or of null when the collection has no such file. */
const media = new Map();

function typeOf(name) {
  const dot = name.lastIndexOf('.');
  return (dot >= 0 && TYPES[name.slice(dot + 1).toLowerCase()]) || 'application/octet-stream';
}

export function mediaUrl(name) {
  let url = media.get(name);
  if (url === undefined) {
    url = call('retrieveMediaFile', { filename: name })
      .then((b64) => (typeof b64 === 'string' ? `data:${typeOf(name)};base64,${b64}` : null))
      .catch(() => null);
    media.set(name, url);
    // a failure is not kept: the next render asks again
    url.then((u) => { if (u === null) media.delete(name); });
  }
  return url;
}

/** A media file name as a card names it: a plain relative reference, no scheme, no path from the root. */
function localName(src) {
  if (!src || /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || src.startsWith('#')) {
    return null;
  }
  try {
    return decodeURIComponent(src);
  } catch (e) {
    return src;
  }
}

const SOUND = /\[sound:([^\]]+)\]/g;
const PLAY = /\[anki:play:([qa]):(\d+)\]/g;

/**
 * The sound files of a card, in the order of its play markers: the server renders [sound:x] as
 * [anki:play:q|a:N] markers without naming the files, so they are taken from the note's fields in field order.
 */
function fieldSounds(card) {
  const fields = Object.values(card.fields || {}).sort((a, b) => a.order - b.order);
  const names = [];
  for (const f of fields) {
    for (const m of String(f.value).matchAll(SOUND)) {
      names.push(m[1]);
    }
  }
  return names;
}

/** The sound files one side plays, in order. */
export function sounds(card, html) {
  const fromFields = fieldSounds(card);
  const names = [];
  for (const m of html.matchAll(/\[sound:([^\]]+)\]|\[anki:play:[qa]:(\d+)\]/g)) {
    const name = m[1] !== undefined ? m[1] : fromFields[Number(m[2])];
    if (name !== undefined) {
      names.push(name);
    }
  }
  return names;
}

/** The frame's document: the note type's css, the side's HTML with its media as data URLs, no sound tags. */
export async function cardDocument(html, css, dark) {
  const parsed = new DOMParser().parseFromString(
    `<body>${html.replace(SOUND, '').replace(PLAY, '')}</body>`, 'text/html');
  const images = [...parsed.querySelectorAll('img[src], image[href], source[src], video[src], audio[src]')];
  await Promise.all(images.map(async (el) => {
    const attr = el.hasAttribute('src') ? 'src' : 'href';
    const name = localName(el.getAttribute(attr));
    if (name === null) {
      el.removeAttribute(attr);
      return;
    }
    const url = await mediaUrl(name);
    if (url === null) {
      el.removeAttribute(attr);
      el.setAttribute('alt', el.getAttribute('alt') || name);
    } else {
      el.setAttribute(attr, url);
    }
  }));
  const style = String(css || '').replace(/<\//g, '<\\/');
  const classes = dark ? 'card nightMode night_mode' : 'card';
  // in the dark, as Anki's night mode: light text on a dark card, whatever colours the note type's css gives .card
  const night = dark ? '<style>html body.card.nightMode{color:#e8e8ea;background-color:#26262a}</style>' : '';
  return '<!doctype html><html><head><meta charset="utf-8">'
    + '<style>html{color-scheme:light dark}body{margin:0;padding:1rem;overflow-wrap:anywhere}img{max-width:100%;height:auto}</style>'
    + `<style>${style}</style>${night}</head><body class="${classes}">${parsed.body.innerHTML}</body></html>`;
}

/** Shows a document in a sandboxed frame, as tall as its content. */
export function showInFrame(frame, documentHtml) {
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.addEventListener('load', () => {
    try {
      const doc = frame.contentDocument;
      frame.style.height = `${Math.max(doc.documentElement.scrollHeight, doc.body.scrollHeight) + 4}px`;
    } catch (e) {
      // the frame's size stays as it is
    }
  });
  frame.srcdoc = documentHtml;
}

/** Plays sound files one after the other; answers a function that stops them. */
export function play(names) {
  let stopped = false;
  let current = null;
  (async () => {
    for (const name of names) {
      if (stopped) return;
      const url = await mediaUrl(name);
      if (url === null || stopped) continue;
      current = new Audio(url);
      try {
        await current.play();
        await new Promise((done) => {
          current.addEventListener('ended', done, { once: true });
          current.addEventListener('error', done, { once: true });
        });
      } catch (e) {
        // the browser refused to play (no user gesture yet, or an unplayable file)
      }
    }
  })();
  return () => {
    stopped = true;
    if (current) current.pause();
  };
}
