from django.apps import AppConfig


class WagtailGraphQLWriteConfig(AppConfig):
    name = "wagtail_graphql_write"
    label = "wagtail_graphql_write"
    verbose_name = "Wagtail GraphQL write API"
    default_auto_field = "django.db.models.AutoField"

    def ready(self) -> None:
        """Register the schema check, so problems show at startup (``manage.py check``)."""
        from django.core import checks

        from wagtail_graphql_write.checks import TAG, check_schema

        checks.register(check_schema, TAG)
