// What GraphiQL may keep in localStorage.
//
// GraphiQL's own `shouldPersistHeaders={false}` keeps headers out of its tab state and
// its "headers" key, but its history plugin still saves every run's headers (an
// `Authorization: Bearer ...` token included) under "graphiql:queries" and
// "graphiql:favorites". Unless the site asks for headers to persist, this storage drops
// the headers key and removes `headers` from every stored entry before it is written.

const NAMESPACE = "graphiql:";
const HEADERS_KEY = `${NAMESPACE}headers`;

function withoutHeaders(value) {
  if (Array.isArray(value)) {
    return value.map(withoutHeaders);
  }
  if (value && typeof value === "object") {
    const copy = {};
    for (const [key, item] of Object.entries(value)) {
      if (key !== "headers") {
        copy[key] = withoutHeaders(item);
      }
    }
    return copy;
  }
  return value;
}

function scrub(value) {
  try {
    return JSON.stringify(withoutHeaders(JSON.parse(value)));
  } catch {
    return value; // not JSON (e.g. "true"): nothing that can hold headers
  }
}

function namespacedKeys() {
  const keys = [];
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index);
    if (key && key.startsWith(NAMESPACE)) {
      keys.push(key);
    }
  }
  return keys;
}

export function createStorage(persistHeaders) {
  if (persistHeaders) {
    return undefined; // GraphiQL's default: everything in localStorage
  }
  // Entries stored by an earlier page that did persist headers are cleaned on load.
  localStorage.removeItem(HEADERS_KEY);
  for (const key of namespacedKeys()) {
    localStorage.setItem(key, scrub(localStorage.getItem(key)));
  }
  return {
    getItem: (key) => localStorage.getItem(key),
    setItem(key, value) {
      if (key !== HEADERS_KEY) {
        localStorage.setItem(key, scrub(value));
      }
    },
    removeItem: (key) => localStorage.removeItem(key),
    clear() {
      for (const key of namespacedKeys()) {
        localStorage.removeItem(key);
      }
    },
    get length() {
      return namespacedKeys().length;
    },
  };
}
