// The AnkiConnect API of the server that served this page: POST to the context root, found relative to the
// page (../ from .../study/), so it works under any context path and behind a proxy that adds a prefix.

const ENDPOINT = new URL('../', document.baseURI).href;
const KEY = 'ankiconnect-study-key';

/** An error the API answered (its own text), or a failure to reach it. */
export class ApiError extends Error {}

export function storedKey() {
  return sessionStorage.getItem(KEY);
}

export function storeKey(key) {
  if (key === null || key === '') {
    sessionStorage.removeItem(KEY);
  } else {
    sessionStorage.setItem(KEY, key);
  }
}

/** Calls one action with the stored key and answers its result, or throws ApiError with the API's error text. */
export async function call(action, params = {}) {
  const envelope = { action, version: 6, params };
  const key = storedKey();
  if (key !== null) {
    envelope.key = key;
  }
  let response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      body: JSON.stringify(envelope),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError('the server cannot be reached');
  }
  if (response.status === 403 && response.headers.get('Content-Length') === '0') {
    throw new ApiError('this page\'s origin is refused by the server (webCorsOriginList)');
  }
  let reply;
  try {
    reply = await response.json();
  } catch (e) {
    throw new ApiError(`the server answered HTTP ${response.status} without a reply`);
  }
  if (reply === null || typeof reply !== 'object' || !('error' in reply)) {
    throw new ApiError('the server answered something that is not an AnkiConnect reply');
  }
  if (reply.error !== null) {
    throw new ApiError(String(reply.error));
  }
  return reply.result;
}
