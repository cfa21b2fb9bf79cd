"""``make bench``: GraphQL against Wagtail's v3 REST API and the direct ORM floor."""
