"""The ``locale`` argument of the translation actions (pages and snippets)."""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Locale

from wagtail_graphql_write.writes.errors.failures import NotFound


def target_locale(code: str) -> Locale:
    """The locale with language code ``code``, or ``NotFound`` at ``["locale"]``."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        raise NotFound("Internationalisation is not enabled on this site.", ["locale"])
    found = Locale.objects.filter(language_code=code).first()
    if found is None:
        raise NotFound(f"No locale has the language code {code!r}.", ["locale"])
    return found
