"""Admin registration for ``Person``.

A ``SnippetViewSet`` (rather than the bare decorator used for ``Category``)
gives the list view a job title column and an icon; search, locking, workflow and preview
views come from the model's mixins.
"""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["__str__", "job_title"]


register_snippet(PersonViewSet)
