// Drives the GraphiQL page of a live test server in headless Chromium and prints what
// it saw as JSON on stdout; tests/http/test_graphiql_browser.py asserts on it.
//
// Input (environment): CHROMIUM (executable), GRAPHIQL_URL (the page), TOKEN (an API
// token to type into the Headers tab), SESSION_COOKIE ("name=value" of a logged-in
// admin session), QUERY and MUTATION with their operations' names QUERY_NAME and
// MUTATION_NAME.
//
// Every response of the page's own origin gets a strict Content-Security-Policy added,
// and any request elsewhere is aborted and recorded, so the page must work offline and
// without inline scripts.
import { chromium } from "playwright-core";

const env = process.env;
const origin = new URL(env.GRAPHIQL_URL).origin;
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'";
const TIMEOUT = 15000;

const seen = { requests: [], graphqlPosts: [], problems: [] };

async function newContext(browser) {
  const context = await browser.newContext();
  context.setDefaultTimeout(TIMEOUT);
  await context.route("**/*", async (route) => {
    const request = route.request();
    seen.requests.push(request.url());
    if (new URL(request.url()).origin !== origin) {
      await route.abort();
      return;
    }
    if (request.method() === "POST") {
      seen.graphqlPosts.push({ headers: request.headers(), body: request.postData() });
    }
    const response = await route.fetch();
    if (response.status() >= 400) {
      seen.problems.push(`${request.method()} ${request.url()}: HTTP ${response.status()} ${await response.text()}`);
    }
    await route.fulfill({
      response,
      headers: { ...response.headers(), "content-security-policy": CSP },
    });
  });
  return context;
}

async function openPage(context) {
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") seen.problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => seen.problems.push(`page error: ${error.message}`));
  await page.goto(env.GRAPHIQL_URL);
  await page.locator(".graphiql-query-editor .CodeMirror").waitFor();
  return page;
}

// Replaces an editor's text the way a user pastes: focus, select all, insert.
async function typeInto(page, selector, text) {
  await page.locator(`${selector} .CodeMirror >> visible=true`).click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
}

// Runs the editor's operation once GraphiQL has parsed it (its tab shows the
// operation's name), as a person would see before pressing the run button.
async function run(page, operationName) {
  await page.locator(".graphiql-tab-active", { hasText: operationName }).waitFor();
  const response = page.locator(".graphiql-response .CodeMirror");
  const before = await response.innerText();
  await page.locator(".graphiql-execute-button").click();
  await page.waitForFunction(
    (old) => {
      const editor = document.querySelector(".graphiql-response .CodeMirror").CodeMirror;
      const text = editor.getValue();
      return text !== old && text.trim().startsWith("{");
    },
    before,
  );
  return JSON.parse(await page.evaluate(() =>
    document.querySelector(".graphiql-response .CodeMirror").CodeMirror.getValue(),
  ));
}

async function withToken(browser) {
  const context = await newContext(browser);
  const page = await openPage(context);
  const result = { title: await page.title() };
  await typeInto(page, ".graphiql-query-editor", env.QUERY);
  await page.getByRole("button", { name: "Headers" }).click();
  await typeInto(page, ".graphiql-editor-tool", `{"Authorization": "Bearer ${env.TOKEN}"}`);
  result.response = await run(page, env.QUERY_NAME);
  result.localStorage = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  await page.reload();
  await page.locator(".graphiql-query-editor .CodeMirror").waitFor();
  result.headersAfterReload = await page.evaluate(() =>
    [...document.querySelectorAll(".graphiql-editor-tool .CodeMirror")]
      .map((element) => element.CodeMirror.getValue())
      .join("\n"),
  );
  await context.unrouteAll({ behavior: "ignoreErrors" });
  await context.close();
  return result;
}

async function withSession(browser) {
  const context = await newContext(browser);
  const [name, value] = env.SESSION_COOKIE.split("=");
  await context.addCookies([{ name, value, url: origin }]);
  const page = await openPage(context);
  await typeInto(page, ".graphiql-query-editor", env.MUTATION);
  const result = { response: await run(page, env.MUTATION_NAME) };
  result.cookies = (await context.cookies()).map((cookie) => cookie.name);
  await context.unrouteAll({ behavior: "ignoreErrors" });
  await context.close();
  return result;
}

const browser = await chromium.launch({
  executablePath: env.CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  seen.token = await withToken(browser);
  seen.session = await withSession(browser);
} catch (error) {
  seen.problems.push(`driver: ${error.stack || error}`);
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
