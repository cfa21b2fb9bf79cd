"""Query resolvers: pages, snippets and the viewer, through ``access`` visibility rules."""
