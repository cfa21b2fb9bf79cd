"""GraphQL types, inputs, payloads and errors generated from the registry."""
