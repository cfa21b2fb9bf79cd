"""The blog's admin forms: rules that the admin and the GraphQL API both enforce.

``BlogPageForm`` shows that a site's own form rules apply to API writes too: it is
the page type's ``base_form_class``, and the API binds that same form for every
create and update.
"""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm


class BlogPageForm(WagtailAdminPageForm):
    """A post may be drafted without a date, but not published or submitted without one."""

    def clean(self):
        cleaned_data = super().clean()
        # Wagtail defers required checks while saving a draft and says so with this
        # flag; publishing and submitting for moderation validate in full.
        if not self.is_deferred_validation and not cleaned_data.get("date"):
            self.add_error(
                "date",
                ValidationError(
                    "A post needs a date before it is published or submitted.",
                    code="date_required_to_publish",
                ),
            )
        return cleaned_data
