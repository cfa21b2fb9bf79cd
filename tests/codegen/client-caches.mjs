// Real normalising client caches against a live server (run by tests/test_client_caches.py).
//
// Apollo Client's InMemoryCache and urql's Graphcache, both with their default keys (an
// object is keyed by __typename + id, or _id; no typePolicies, keyFields or keys), run
// the same editing session against GRAPHQL_URL as TOKEN's user, each on its own copy
// of a seeded post. Graphcache gets the schema (SCHEMA_PATH), as its documentation
// requires for fragments on interfaces: without it, it matches them by the fields it
// has cached. The queries use fragments on concrete types only, which Apollo matches
// by __typename with no possibleTypes.
//
//   read the post (LATEST), copyPage it (the copy keeps every StreamField block id),
//   read the copy, update the copy's heading, links and authors (SAVE_DRAFT, adding a
//   row that has no id yet), update its title and PUBLISH, read the copy's revisions
//   with their content, and read its first revision alone.
//
// Every result the client hands back must equal what the server sent for that
// operation (the response body, recorded by the fetch both clients use), and at the
// end every query read back from the cache alone must equal what the server answers
// to it now. Any object two versions or two pages share an identity with (a revision's
// content and the page, a block and its copy, a row in two revisions) breaks one of
// the two. Exits non-zero with the first difference.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { Client, fetchExchange } from "@urql/core";
import { cacheExchange } from "@urql/exchange-graphcache";
import { buildSchema, introspectionFromSchema } from "graphql";

const URL = process.env.GRAPHQL_URL;
const TOKEN = process.env.TOKEN;
const POST_PATH = process.env.POST_PATH || "/blog/hello-graphql/";
if (!URL || !TOKEN || !process.env.SCHEMA_PATH) {
  throw new Error("GRAPHQL_URL, TOKEN and SCHEMA_PATH are required");
}
const SCHEMA = introspectionFromSchema(
  buildSchema(readFileSync(process.env.SCHEMA_PATH, "utf-8")),
);

// __typename everywhere, as both clients add it: urql hides the ones it added itself.
const BODY = `
  __typename blockId blockType
  ... on BlogPageBodyHeadingBlock { heading }
  ... on BlogPageBodyParagraphBlock { paragraph }
  ... on BlogPageBodyQuoteBlock { quote { __typename text attribution } }
  ... on BlogPageBodyLinksBlock { links { __typename blockId value } }
  ... on BlogPageBodyPersonBlock { person { __typename id displayTitle } }
`;
const AUTHORS = `__typename rowId role person { __typename id displayTitle }`;
const POST = `__typename id title slug
  ... on BlogPage { body { ${BODY} } authors { ${AUTHORS} } }`;
const CONTENT = `__typename title slug
  ... on BlogPageRevisionContent { body { ${BODY} } authors { ${AUTHORS} } }`;
const REVISION = `__typename id objectId isLatest isLive
  ... on PageRevision { content { ${CONTENT} } }`;

const Q_POST = `query Post($id: ID!) { page(id: $id, version: LATEST) { ${POST} } }`;
const Q_REVISIONS = `query PostRevisions($id: ID!) {
  page(id: $id, version: LATEST) {
    __typename id title
    revisions(order: CREATED_AT_ASC) { __typename totalCount items { ${REVISION} } }
    liveRevision { ${REVISION} }
  }
}`;
const Q_REVISION = `query OneRevision($id: ID!) { revision(id: $id) { ${REVISION} } }`;
const M_COPY = `mutation CopyPost($id: ID!, $slug: String!) {
  copyPage(id: $id, slug: $slug, title: "Cache test copy") {
    __typename page { ${POST} } errors { __typename message }
  }
}`;
const M_UPDATE = `mutation UpdatePost($id: ID!, $input: BlogPageUpdateInput!, $action: SaveAction!) {
  updateBlogPage(id: $id, input: $input, action: $action) {
    __typename page { ${POST} } errors { __typename message path }
  }
}`;

/** The GraphQL request a fetch sends: a POST body, or a GET's URL parameters. */
function graphqlRequest(url, init) {
  if (init.body) return JSON.parse(init.body);
  const params = new globalThis.URL(url).searchParams;
  const request = { query: params.get("query") };
  for (const name of ["variables", "extensions"]) {
    if (params.has(name)) request[name] = JSON.parse(params.get(name));
  }
  if (params.has("operationName")) request.operationName = params.get("operationName");
  return request;
}

/** A fetch that records each request with the response body the server sent. */
function recordingFetch(log) {
  return async (url, init) => {
    const response = await fetch(url, init);
    const text = await response.text();
    log.push({ request: graphqlRequest(url, init), response: JSON.parse(text) });
    return new Response(text, { status: response.status, headers: response.headers });
  };
}

/** POST a request body as the server would get it from a client; its `data`. */
async function serverData(body) {
  const response = await fetch(URL, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  assert.equal(json.errors, undefined, `server errors: ${JSON.stringify(json.errors)}`);
  return json.data;
}

const plain = (value) => JSON.parse(JSON.stringify(value));

function apollo(log) {
  const client = new ApolloClient({
    cache: new InMemoryCache(),
    link: new HttpLink({
      uri: URL,
      headers: { Authorization: `Bearer ${TOKEN}` },
      fetch: recordingFetch(log),
    }),
  });
  return {
    name: "Apollo InMemoryCache",
    async query(source, variables) {
      const result = await client.query({
        query: gql(source),
        variables,
        fetchPolicy: "network-only",
      });
      return result.data;
    },
    async mutate(source, variables) {
      const result = await client.mutate({ mutation: gql(source), variables });
      return result.data;
    },
    async fromCache(source, variables) {
      return client.readQuery({ query: gql(source), variables });
    },
  };
}

function urql(log) {
  const client = new Client({
    url: URL,
    exchanges: [cacheExchange({ schema: SCHEMA }), fetchExchange],
    fetchOptions: { headers: { Authorization: `Bearer ${TOKEN}` } },
    fetch: recordingFetch(log),
  });
  const unwrap = (result) => {
    assert.equal(result.error, undefined, `urql error: ${result.error}`);
    return result.data;
  };
  return {
    name: "urql Graphcache",
    async query(source, variables) {
      return unwrap(
        await client.query(source, variables, { requestPolicy: "network-only" }).toPromise(),
      );
    },
    async mutate(source, variables) {
      return unwrap(await client.mutation(source, variables).toPromise());
    },
    async fromCache(source, variables) {
      return unwrap(
        await client.query(source, variables, { requestPolicy: "cache-only" }).toPromise(),
      );
    },
  };
}

/** Run one operation; what the client returns must be what the server sent. */
async function step(client, log, kind, source, variables) {
  const before = log.length;
  const data = await client[kind](source, variables);
  assert.equal(log.length, before + 1, `${client.name}: ${kind} did not reach the server`);
  const sent = log[before].response;
  assert.equal(sent.errors, undefined, `server errors: ${JSON.stringify(sent.errors)}`);
  assert.deepStrictEqual(
    plain(data),
    sent.data,
    `${client.name}: the result of ${source.split("(")[0]} differs from what the server sent`,
  );
  for (const payload of Object.values(sent.data)) {
    assert.deepEqual(payload?.errors ?? [], [], `${client.name}: ${JSON.stringify(payload)}`);
  }
  return { data, request: log[before].request };
}

async function session(makeClient, postId) {
  const log = [];
  const client = makeClient(log);
  const queries = [];
  const read = async (source, variables) => {
    const { data, request } = await step(client, log, "query", source, variables);
    queries.push({ source, variables, request });
    return data;
  };
  const slug = `cache-${client.name.split(" ")[0].toLowerCase()}-${Date.now()}`;

  const sentForOriginal = plain(await read(Q_POST, { id: postId }));
  const copied = await step(client, log, "mutate", M_COPY, { id: postId, slug });
  const copyId = copied.data.copyPage.page.id;
  const copy = (await read(Q_POST, { id: copyId })).page;
  assert.notEqual(copyId, postId);

  const heading = copy.body.find((block) => block.blockType === "heading");
  const links = copy.body.find((block) => block.blockType === "links");
  const [author] = copy.authors;
  const original = (await client.fromCache(Q_POST, { id: postId })).page;
  assert.ok(
    original.body.some((block) => block.blockId === heading.blockId),
    "copyPage keeps block ids: the test needs the copy and the original to share one",
  );
  await step(client, log, "mutate", M_UPDATE, {
    id: copyId,
    action: "SAVE_DRAFT",
    input: {
      body: [
        { id: heading.blockId, block: { heading: "Edited heading of the copy" } },
        {
          id: links.blockId,
          block: { links: [{ id: links.links[0].blockId, value: "https://example.com/edited" }] },
        },
      ],
      authors: [
        { id: author.rowId, person: author.person.id, role: "Editor" },
        { person: author.person.id, role: "Added in a draft" },
      ],
    },
  });
  assert.deepStrictEqual(
    plain(await client.fromCache(Q_POST, { id: postId })),
    sentForOriginal,
    `${client.name}: editing the copy's blocks and rows changed the original in the cache`,
  );
  await step(client, log, "mutate", M_UPDATE, {
    id: copyId,
    action: "PUBLISH",
    input: { title: "Published copy" },
  });
  const history = (await read(Q_REVISIONS, { id: copyId })).page.revisions.items;
  assert.ok(history.length >= 3, `expected the copy to have 3 revisions, got ${history.length}`);
  const titles = new Set(history.map((revision) => revision.content.title));
  assert.ok(titles.size >= 2, "the revisions must differ for the test to mean anything");
  await read(Q_REVISION, { id: history[0].id });

  for (const { source, variables, request } of queries) {
    assert.deepStrictEqual(
      plain(await client.fromCache(source, variables)),
      await serverData(request),
      `${client.name}: the cached ${source.split("(")[0]} ${JSON.stringify(variables)} ` +
        "differs from what the server answers",
    );
  }
  console.log(`ok - ${client.name}: ${log.length} operations, every result as the server sent it`);
}

const found = await serverData({
  query: `query Find($path: String!) { page(path: $path) { id } }`,
  variables: { path: POST_PATH },
});
assert.ok(found.page, `no page at ${POST_PATH}`);
for (const makeClient of [apollo, urql]) {
  await session(makeClient, found.page.id);
}
