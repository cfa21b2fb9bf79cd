// How GraphiQL talks to the endpoint: same-origin POSTs with JSON.
//
// The browser's session cookie goes along (credentials: "same-origin"), so Django's
// CSRF check applies to it: the csrftoken cookie's value is read on every request (it
// may appear after the page loaded, e.g. after logging into the admin in another tab)
// and sent as X-CSRFToken. Headers typed in GraphiQL's Headers tab (such as
// `Authorization: Bearer <token>`) are sent as they are and win over these defaults.

function cookie(name) {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) {
      return decodeURIComponent(rest.join("="));
    }
  }
  return null;
}

export function createFetcher(endpoint) {
  return async function fetcher(params, options = {}) {
    const headers = {
      "Content-Type": "application/json",
      Accept: "application/json",
    };
    const csrfToken = cookie("csrftoken");
    if (csrfToken) {
      headers["X-CSRFToken"] = csrfToken;
    }
    Object.assign(headers, options.headers || {});
    const response = await fetch(endpoint, {
      method: "POST",
      credentials: "same-origin",
      headers,
      body: JSON.stringify(params),
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500)}` }] };
    }
  };
}
