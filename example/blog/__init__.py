"""Blog pages and snippets: the example site's exercise ground for the write API."""
