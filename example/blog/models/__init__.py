"""Blog models, split by kind: page types in ``pages``, snippets in ``snippets``."""

from .pages import BlogIndexPage, BlogPage, BlogPageAuthor, BlogPageTag
from .snippets import Category, Person

__all__ = [
    "BlogIndexPage",
    "BlogPage",
    "BlogPageAuthor",
    "BlogPageTag",
    "Category",
    "Person",
]
