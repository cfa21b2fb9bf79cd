"""Which snippets a request may read, in which version.

``LIVE`` reads show published rows (every row of a model without drafts) to signed-in
users, and to anonymous ones when ``ANONYMOUS_READS`` is on; ``LATEST`` reads (the
working draft) need the model's ``change`` or ``publish`` permission, as the snippet
admin's edit view does.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from wagtail.models import DraftStateMixin
from wagtail.permissions import policy_registry

from wagtail_graphql_write.conf import get_settings


def can_edit_snippets(user: Any, model: type[Model]) -> bool:
    """The ``LATEST`` rule: ``change`` or ``publish`` on the model."""
    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(model)
    return bool(policy.user_has_any_permission(user, {"change", "publish"}))


def may_read_live(user: Any) -> bool:
    """Anonymous viewers read live content only while ``ANONYMOUS_READS`` is on."""
    return bool(user.is_authenticated or get_settings()["ANONYMOUS_READS"])


def readable_snippets(request: HttpRequest, model: type[Model], latest: bool) -> QuerySet[Any]:
    """LIVE: published rows (all rows of non-draft models); LATEST: needs edit permission."""
    queryset = model._default_manager.all()
    user = request.user
    if latest:
        return queryset if can_edit_snippets(user, model) else queryset.none()
    if not may_read_live(user):
        return queryset.none()
    if issubclass(model, DraftStateMixin):
        queryset = queryset.filter(live=True)
    return queryset
