"""Tags set in one step, so that saving n tags is linear in n.

A ``ClusterTaggableManager`` keeps tags in memory until the object is saved; its
``set()`` adds them one at a time, and each addition compares the new tag with every
tag added before (modelcluster's ``add``), so 4,000 tags took a minute of CPU while the
transaction held the database's write lock. The form's tag values are applied here
instead, with the relation's own ``set()``, which replaces the in-memory rows at once;
the form then leaves them alone.

Only for new objects: on an edit, the admin parity test (``tests/parity``) found the
revision's tag rows stored differently from the admin's (with row ids where the admin
stores none), so edits keep modelcluster's path, whose cost ``MAX_INPUT_ITEMS`` bounds
(500 tags: about 125,000 comparisons).
"""

from __future__ import annotations

from typing import Any

from taggit.forms import TagField


def apply_tags(form: Any) -> None:
    """Set every cluster tag field of the validated ``form`` on its instance, at once.

    Taken out of ``cleaned_data`` afterwards, so that ``form.save()`` does not set them
    a second time the slow way. Plain taggit managers (models without modelcluster)
    save through the database and are left to the form.
    """
    cleaned = getattr(form, "cleaned_data", None) or {}
    for name, form_field in form.fields.items():
        if not isinstance(form_field, TagField) or name not in cleaned:
            continue
        manager = getattr(form.instance, name, None)
        tagged_items = getattr(manager, "get_tagged_item_manager", None)
        if manager is None or tagged_items is None:
            continue
        # taggit's own lookup: existing tags in one query, missing ones created, order
        # and case rules kept; modelcluster's ``add`` uses the same helper.
        tags = manager._to_tag_model_instances(cleaned.pop(name), {})
        tagged_items().set([manager.through(tag=tag) for tag in tags])
