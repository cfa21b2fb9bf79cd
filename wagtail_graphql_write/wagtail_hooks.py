"""Wagtail hooks: the audit-log actions this package writes that Wagtail does not define.

Wagtail's admin shows a log entry only for registered actions (``register_log_actions``).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from wagtail_graphql_write.writes.pages.metadata import LOG_ACTION as FIRST_PUBLISHED_AT


@hooks.register("register_log_actions")
def register_log_actions(actions: Any) -> None:
    @actions.register_action(FIRST_PUBLISHED_AT)
    class ChangeFirstPublishedAt(LogFormatter):
        label = _("Change first publication date")

        def format_message(self, log_entry: Any) -> Any:
            change = log_entry.data.get("first_published_at", {})
            return _("First publication date changed from %(old)s to %(new)s") % {
                "old": change.get("old") or "-",
                "new": change.get("new") or "-",
            }
