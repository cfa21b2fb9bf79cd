// Builds the static GraphiQL assets the Python package ships:
//   wagtail_graphql_write/static/wagtail_graphql_write/graphiql/graphiql.{js,css}
// plus the bundled packages' license notices and BUILD.json, which records a hash of
// every input (this folder's sources, package.json and package-lock.json).
// tests/http/test_graphiql_assets.py recomputes that hash, so a change here that was
// not rebuilt fails the suite. Run with `npm ci && npm run build` in this folder.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, "..", "wagtail_graphql_write", "static", "wagtail_graphql_write", "graphiql");

// Same file list and hashing as inputs_hash() in the Python test.
function inputs() {
  const sources = readdirSync(join(here, "src"))
    .sort()
    .map((name) => join("src", name));
  return ["build.mjs", "package.json", "package-lock.json", ...sources];
}

function inputsHash() {
  const hash = createHash("sha256");
  for (const name of inputs()) {
    hash.update(`${name}\n`);
    hash.update(readFileSync(join(here, name)));
  }
  return hash.digest("hex");
}

const result = await esbuild.build({
  entryPoints: { graphiql: join(here, "src", "main.jsx") },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  define: { "process.env.NODE_ENV": '"production"' },
  legalComments: "none", // LICENSES.txt has every bundled package's license
  outdir,
  metafile: true,
  logLevel: "warning",
});

// The license text of every npm package that ended up in the bundle.
function bundledLicenses(metafile) {
  const roots = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//);
    if (match) roots.add(match[1]);
  }
  const sections = [];
  for (const root of [...roots].sort()) {
    const pkg = JSON.parse(readFileSync(join(here, root, "package.json"), "utf8"));
    const file = readdirSync(join(here, root)).find((name) => /^licen[cs]e/i.test(name));
    const text = file ? readFileSync(join(here, root, file), "utf8").trim() : `License: ${pkg.license}`;
    sections.push(`${pkg.name}@${pkg.version}\n\n${text}\n`);
  }
  return sections.join(`\n${"-".repeat(72)}\n\n`);
}
writeFileSync(join(outdir, "LICENSES.txt"), bundledLicenses(result.metafile));

const lock = JSON.parse(readFileSync(join(here, "package-lock.json"), "utf8"));
const versions = Object.fromEntries(
  ["graphiql", "react", "react-dom", "graphql"].map((name) => [
    name,
    lock.packages[`node_modules/${name}`].version,
  ]),
);
const manifest = { inputsSha256: inputsHash(), inputs: inputs(), versions };
writeFileSync(join(outdir, "BUILD.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`built ${relative(process.cwd(), outdir)} with`, versions);
