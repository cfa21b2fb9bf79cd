from django.apps import AppConfig


class WagtailGraphQLWriteConfig(AppConfig):
    name = "wagtail_graphql_write"
    label = "wagtail_graphql_write"
    verbose_name = "Wagtail GraphQL write API"
    default_auto_field = "django.db.models.AutoField"
