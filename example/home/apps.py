"""App config; AutoField keeps ids in line with Wagtail's own models."""

from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    default_auto_field = "django.db.models.AutoField"
