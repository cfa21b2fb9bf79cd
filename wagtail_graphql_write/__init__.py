"""A typed GraphQL API to write Wagtail content, built on Wagtail's own actions."""

__version__ = "0.1.0"
