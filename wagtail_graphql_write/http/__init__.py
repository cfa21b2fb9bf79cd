"""The HTTP layer: authentication, CSRF, GraphiQL switch, the Django view."""
