"""``generation.names``: the one module forming GraphQL names, and the claims on them.

The rules are those of docs/naming.md, checked on the example site's models; a
collision or a reserved name must raise, naming both owners, never rename silently.
"""

from __future__ import annotations

import pytest
from wagtail.models import Page

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor, Category, Person
from home.models import HomePage
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.names import NameRegistry, SchemaNameCollision


@pytest.mark.parametrize(
    ("python", "camel", "pascal"),
    [
        ("title", "title", "Title"),
        ("feed_image", "feedImage", "FeedImage"),
        ("search_description", "searchDescription", "SearchDescription"),
        ("go_live_at", "goLiveAt", "GoLiveAt"),
        ("_private", "_private", "_private"),
        ("a__b", "aB", "AB"),
        ("alreadyCamel", "alreadyCamel", "AlreadyCamel"),
    ],
)
def test_case_conversions(python: str, camel: str, pascal: str) -> None:
    assert names.to_camel(python) == camel
    assert names.field_name(python) == camel
    assert names.to_pascal(python) == pascal


def test_a_model_is_named_by_its_class_and_wagtails_page_is_generic_page() -> None:
    assert names.type_name(BlogPage) == "BlogPage"
    assert names.type_name(HomePage) == "HomePage"
    assert names.type_name(Page) == "GenericPage"


def test_graphql_type_name_overrides_and_is_not_inherited(monkeypatch: pytest.MonkeyPatch) -> None:
    """Set on ``Page`` it renames ``Page`` only: every page model inherits from it."""
    monkeypatch.setattr(Page, "graphql_type_name", "BasePage", raising=False)
    assert names.type_name(Page) == "BasePage"
    assert names.type_name(BlogPage) == "BlogPage"


def test_names_derived_from_the_type_name_follow_an_override(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(Category, "graphql_type_name", "Topic", raising=False)
    assert names.create_input_name(Category) == "TopicCreateInput"
    assert names.update_input_name(Category) == "TopicUpdateInput"
    assert names.mutation_name("create", Category) == "createTopic"
    assert names.choice_enum_name(Category, "colour") == "TopicColour"
    assert names.snippet_query_name(Category) == "topic"


def test_inputs_mutations_and_payloads() -> None:
    assert names.create_input_name(BlogPage) == "BlogPageCreateInput"
    assert names.update_input_name(Person) == "PersonUpdateInput"
    assert names.child_input_name(BlogPageAuthor) == "BlogPageAuthorInput"
    assert names.mutation_name("update", BlogIndexPage) == "updateBlogIndexPage"
    assert names.payload_name("createBlogPage") == "CreateBlogPagePayload"
    assert names.payload_name("publishPage") == "PublishPagePayload"


def test_choice_enums_and_their_values() -> None:
    assert names.choice_enum_name(BlogPage, "reading_level") == "BlogPageReadingLevel"
    assert names.enum_value_name("beginner") == "BEGINNER"
    assert names.enum_value_name("pull-quote") == "PULL_QUOTE"
    assert names.enum_value_name(" a b ") == "A_B"
    assert names.enum_value_name(3) == "_3"
    assert names.enum_value_name("") == "_"


def test_type_enum_values_split_words() -> None:
    assert names.type_enum_value(BlogPage) == "BLOG_PAGE"
    assert names.type_enum_value(BlogIndexPage) == "BLOG_INDEX_PAGE"
    assert names.type_enum_value(Page) == "GENERIC_PAGE"


def test_snippet_queries_use_the_plural_verbose_name() -> None:
    assert (names.snippet_query_name(Person), names.snippet_list_query_name(Person)) == (
        "person",
        "people",
    )
    assert names.snippet_list_query_name(Category) == "categories"


def test_a_plural_equal_to_the_singular_gets_a_list_suffix(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(Person._meta, "verbose_name_plural", "person")
    assert names.snippet_list_query_name(Person) == "personList"
    monkeypatch.setattr(Person._meta, "verbose_name_plural", "3 people")  # not a valid name
    assert names.snippet_list_query_name(Person) == "personList"
    monkeypatch.setattr(Person._meta, "verbose_name_plural", "Team Members")
    assert names.snippet_list_query_name(Person) == "teamMembers"


@pytest.mark.parametrize(
    ("name", "valid"),
    [("BlogPage", True), ("_x", True), ("a1", True), ("1a", False), ("a-b", False),
     ("", False), ("__typename", False)],
)  # fmt: skip
def test_valid_graphql_names(name: str, valid: bool) -> None:
    assert names.is_valid(name) is valid


def test_a_name_claimed_twice_by_one_owner_is_fine() -> None:
    claims = NameRegistry()
    assert claims.claim("BlogPage", "model blog.BlogPage") == "BlogPage"
    assert claims.claim("BlogPage", "model blog.BlogPage") == "BlogPage"


def test_a_name_claimed_by_two_owners_raises_naming_both() -> None:
    claims = NameRegistry()
    claims.claim("Person", "model blog.Person")
    with pytest.raises(SchemaNameCollision) as raised:
        claims.claim("Person", "model blog.Category")
    assert "'Person'" in str(raised.value)
    assert "model blog.Person" in str(raised.value)
    assert "model blog.Category" in str(raised.value)
    assert "graphql_type_name" in str(raised.value)


def test_reserved_names_are_only_for_the_api_itself() -> None:
    claims = NameRegistry()
    with pytest.raises(SchemaNameCollision, match="'Image', which the API itself uses"):
        claims.claim("Image", "model wagtailimages.Image")
    assert claims.claim("PageType", "the page type enum", builtin=True) == "PageType"


def test_an_invalid_name_is_refused() -> None:
    with pytest.raises(SchemaNameCollision, match="is not a valid GraphQL name"):
        NameRegistry().claim("Blog-Page", "model blog.BlogPage")


def test_strawberrys_field_names_come_from_the_same_rule() -> None:
    converter = names.FieldNameConverter()
    assert converter.apply_naming_config("feed_image") == "feedImage"
    assert converter.apply_naming_config("_private_field") == names.field_name("_private_field")
