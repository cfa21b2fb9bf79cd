// graphql-codegen config for the client type-check run by tests/test_codegen.py
// (run it from this directory: `npx graphql-codegen --config codegen.ts`).
//
// SCHEMA_PATH overrides the SDL (the test points it at a freshly printed schema);
// by default it reads the committed schema.graphql at the repository root.
//
// Since typescript-operations v6 the two plugins can no longer share one output
// file (typescript-operations emits the inputs and enums it uses itself, so the
// same declarations would appear twice). The documented multi-file setup is used
// instead: `typescript` writes every schema type to generated/schema.ts and
// `typescript-operations` writes the operation types to generated/graphql.ts,
// importing the schema types from there as `Types`.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  overwrite: true,
  schema: process.env.SCHEMA_PATH || "../../schema.graphql",
  documents: "documents/*.graphql",
  config: {
    // The schema's custom scalars, as a client sees them on the wire.
    scalars: { Date: "string", DateTime: "string", JSON: "unknown" },
  },
  generates: {
    "generated/schema.ts": {
      plugins: ["typescript"],
    },
    "generated/graphql.ts": {
      plugins: ["typescript-operations"],
      config: {
        // Relative to the working directory, i.e. this directory.
        importSchemaTypesFrom: "./generated/schema.ts",
        namespacedImportName: "Types",
      },
    },
  },
};

export default config;
