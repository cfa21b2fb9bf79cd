"""Hand-written enums and small object types shared by every generated schema."""

from __future__ import annotations

import enum
from typing import Any

import strawberry
from wagtail.admin.utils import get_user_display_name
from wagtail.api.rich_text import APIRichText


@strawberry.enum(name="ContentVersion", description="Which version of an object to read.")
class ContentVersion(enum.Enum):
    LIVE = strawberry.enum_value("live", description="The published content (the default).")
    LATEST = strawberry.enum_value(
        "latest",
        description="The latest revision, i.e. the working draft. Needs edit permission.",
    )


@strawberry.enum(
    name="PageStatus",
    description="A page's publishing status, as the admin's status tag shows it "
    "(Wagtail's `status_string`).",
)
class PageStatus(enum.Enum):
    LIVE = strawberry.enum_value("live", description="Published, with no newer draft.")
    LIVE_AND_DRAFT = strawberry.enum_value(
        "live + draft", description="Published, with a newer draft (unpublished changes)."
    )
    LIVE_AND_SCHEDULED = strawberry.enum_value(
        "live + scheduled", description="Published, with a revision scheduled to go live."
    )
    DRAFT = strawberry.enum_value("draft", description="Never published, or unpublished.")
    SCHEDULED = strawberry.enum_value(
        "scheduled", description="Not published yet; a revision is scheduled to go live."
    )
    EXPIRED = strawberry.enum_value(
        "expired", description="Unpublished when its `expireAt` time passed."
    )


@strawberry.enum(name="SaveAction", description="What to do after saving: the admin's buttons.")
class SaveAction(enum.Enum):
    SAVE_DRAFT = strawberry.enum_value("save_draft", description="Save a new draft revision.")
    PUBLISH = strawberry.enum_value("publish", description="Save a revision and publish it.")
    SUBMIT = strawberry.enum_value(
        "submit",
        description="Save a revision and submit it to the object's workflow, or resubmit it "
        "if the workflow's reviewers requested changes (WorkflowMixin models only).",
    )


@strawberry.enum(name="RichTextFormat", description="Rich text output formats (Wagtail's).")
class RichTextFormat(enum.Enum):
    DB_HTML = strawberry.enum_value("db_html", description="Database HTML with link entities.")
    HTML = strawberry.enum_value("html", description="Display HTML with resolved links.")
    DB_MARKDOWN = strawberry.enum_value(
        "db_markdown", description="Markdown keeping internal links as wagtail:// URLs."
    )
    MARKDOWN = strawberry.enum_value("markdown", description="Markdown with resolved links.")


def serialize_rich_text(
    value: str | None, fmt: RichTextFormat | None, features: list[str] | None
) -> str | None:
    """Render stored rich text in the requested format (site default when none)."""
    if value is None:
        return None
    chosen = APIRichText.resolve_format(fmt.value if fmt is not None else None)
    return str(APIRichText.serialize(str(value), format=chosen, features=features))


@strawberry.type(name="User", description="A Wagtail user, as other users may see them.")
class User:
    @strawberry.field
    def id(root: Any) -> strawberry.ID:  # noqa: N805 - Strawberry passes the model as root
        return strawberry.ID(str(root.pk))

    @strawberry.field(description="The name the admin shows for this user.")
    def display_name(root: Any) -> str:  # noqa: N805
        """Wagtail's own rule: the full name, stripped, else the username."""
        return str(get_user_display_name(root))


def make_enum(name: str, members: dict[str, Any], description: str | None = None) -> Any:
    """A Strawberry enum built at run time (choices, page types, block choices)."""
    python_enum: Any = enum.Enum(name, members)  # type: ignore[misc]
    return strawberry.enum(python_enum, name=name, description=description)
