from django.apps import AppConfig


class WagtailGraphQLWriteConfig(AppConfig):
    name = "wagtail_graphql_write"
    label = "wagtail_graphql_write"
    verbose_name = "Wagtail GraphQL write API"
    default_auto_field = "django.db.models.AutoField"

    def ready(self) -> None:
        """Register the schema check, so problems show at startup (``manage.py check``),
        and forget the built schema whenever a setting changes (it is built from them)."""
        from django.core import checks
        from django.core.signals import setting_changed

        from wagtail_graphql_write.checks import TAG, check_schema
        from wagtail_graphql_write.http.views import reset_on_setting_change

        checks.register(check_schema, TAG)
        setting_changed.connect(reset_on_setting_change, dispatch_uid=__name__)
