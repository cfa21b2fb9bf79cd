"""Image and document mutations (``uploadImage`` ...), each a ``MutationSpec``.
See docs/media.md."""
