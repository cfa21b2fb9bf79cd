"""``manage.py seed`` (run by ``make demo``) on a new and on an already seeded database.

A re-run keeps the content, so the docs' ids no longer match, and replaces the API
tokens, so a client holding an old one becomes anonymous: both are said, with how to
start fresh.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from tests.conftest import GraphQLClient

VIEWER = "{ viewer { isAuthenticated } }"


@pytest.fixture
def tokens_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from blog.management.commands import seed

    path = tmp_path / ".tokens.json"
    monkeypatch.setattr(seed, "TOKENS_FILE", path)
    return path


def _seed() -> str:
    out = io.StringIO()
    call_command("seed", stdout=out, no_color=True)
    return out.getvalue()


def _forget_the_session_seed() -> None:
    """Undo, inside this test's rolled-back transaction, what marks a seeded database.

    The suite seeds each worker's database once (tests/conftest.py); ``seed`` tells a
    first run from a re-run by the blog index and by earlier seed tokens, so removing
    both shows the command what a never-seeded database shows it.
    """
    from wagtail.models import APIToken

    from blog.models import BlogIndexPage
    from blog.seeding.accounts import TOKEN_NAME

    for index in BlogIndexPage.objects.filter(slug="blog"):
        index.delete()
    APIToken.objects.filter(name=TOKEN_NAME).delete()


def test_first_seed_does_not_warn(db: Any, tokens_file: Path) -> None:
    _forget_the_session_seed()
    output = _seed()
    assert "Seeded the example site." in output
    assert "seeded before" not in output
    assert "Replaced" not in output
    assert set(json.loads(tokens_file.read_text())) == {"editor", "moderator", "admin"}


def test_reseed_reports_replaced_tokens_and_how_to_start_fresh(db: Any, tokens_file: Path) -> None:
    _seed()
    old = json.loads(tokens_file.read_text())
    assert GraphQLClient(old["editor"]).execute(VIEWER) == {"viewer": {"isAuthenticated": True}}

    output = _seed()
    new = json.loads(tokens_file.read_text())
    assert (
        "Replaced the earlier API tokens of admin, editor, moderator: requests that still "
        "send an old token are anonymous now." in output
    )
    assert "This database was seeded before" in output
    assert "To start fresh: " in output
    # What the message says: the old token is anonymous, the printed new one works.
    assert GraphQLClient(old["editor"]).execute(VIEWER) == {"viewer": {"isAuthenticated": False}}
    assert new["editor"] in output
    assert GraphQLClient(new["editor"]).execute(VIEWER) == {"viewer": {"isAuthenticated": True}}


def test_fresh_start_hint_names_the_way_for_the_database_in_use() -> None:
    from blog.management.commands.seed import DEFAULT_DATABASE, fresh_start_hint

    sqlite = {"ENGINE": "django.db.backends.sqlite3"}
    assert fresh_start_hint({**sqlite, "NAME": DEFAULT_DATABASE}).startswith("make demo-fresh")
    assert fresh_start_hint({**sqlite, "NAME": "/tmp/other.db"}).startswith(
        "delete /tmp/other.db, then run"
    )
    postgres = {"ENGINE": "django.db.backends.postgresql", "NAME": "wagtail"}
    assert fresh_start_hint(postgres).startswith("drop and re-create the database 'wagtail'")
