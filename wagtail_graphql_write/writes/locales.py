"""The ``locale`` argument of the translation actions (pages and snippets alike)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from wagtail.models import Locale

from wagtail_graphql_write.writes.errors.failures import NotFound, TreeViolation


def target_locale(code: str) -> Locale:
    """The locale with language code ``code``, or ``NotFound`` at ``["locale"]``."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        raise NotFound("Internationalisation is not enabled on this site.", ["locale"])
    found = Locale.objects.filter(language_code=code).first()
    if found is None:
        raise NotFound(f"No locale has the language code {code!r}.", ["locale"])
    return found


def untranslated_locale(obj: Any, code: str, label: str) -> Locale:
    """The locale ``code`` names, in which ``obj`` must not be translated yet: Wagtail's
    translation actions would raise an integrity error for a second translation."""
    locale = target_locale(code)
    if obj.get_translation_or_none(locale) is not None:
        raise TreeViolation(
            f"{label} already has a translation in {code!r}.", "already_translated", ["locale"]
        )
    return locale
