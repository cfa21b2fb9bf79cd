// The GraphiQL page's only script. It reads its configuration from data attributes of
// #graphiql (set by the server-side template), so the page has no inline script and
// works under `Content-Security-Policy: script-src 'self'`.
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import "./page.css";
import { createElement } from "react";
import { createRoot } from "react-dom/client";

import { createFetcher } from "./fetcher.js";
import { createStorage } from "./storage.js";

const DEFAULT_QUERY = `# GraphiQL for wagtail-graphql-write.
#
# Logged into the Wagtail admin, requests run as you (the page sends the
# csrftoken cookie as X-CSRFToken). Otherwise open the Headers tab below and add
#   {"Authorization": "Bearer <your API token>"}
#
# Run a query with Ctrl-Enter.
query Viewer {
  viewer {
    isAuthenticated
    user {
      displayName
    }
  }
}
`;

const root = document.getElementById("graphiql");
const persistHeaders = root.dataset.persistHeaders === "true";

createRoot(root).render(
  createElement(GraphiQL, {
    fetcher: createFetcher(root.dataset.endpoint),
    defaultQuery: DEFAULT_QUERY,
    defaultEditorToolsVisibility: "headers",
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: persistHeaders,
    showPersistHeadersSettings: persistHeaders,
    storage: createStorage(persistHeaders),
  }),
);
