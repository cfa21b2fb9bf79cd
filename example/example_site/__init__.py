"""Django project for the wagtail-graphql-write example site."""
