"""A user who may work with media in one collection only, for the permission matrix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import APIToken, Collection

from tests.media.helpers import Uploader, child_collection, grant


@dataclass
class Matrix:
    allowed: Collection
    denied: Collection
    user: Any
    client: Uploader


@pytest.fixture
def matrix(db: Any, media_root: Any) -> Matrix:
    """``photographer`` may add, change, delete and choose images and documents in
    "Allowed" only; "Denied" is a sibling they have no permission on."""
    allowed, denied = child_collection("Allowed"), child_collection("Denied")
    group = Group.objects.create(name="Photographers")
    for model in (get_image_model(), get_document_model()):
        grant(group, allowed, model, "add", "change", "delete", "choose")
    user = get_user_model().objects.create_user("photographer", "p@example.com", "x")
    user.groups.add(group)
    _, token = APIToken.create_token(user=user, name="test")
    return Matrix(allowed, denied, user, Uploader(token))
