"""Demo users, their groups and snippet permissions, and their API tokens.

Wagtail's own data migrations create the "Editors" and "Moderators" groups with
admin access and page permissions on the root page; the seed only adds the
snippet permissions the example's models need, mirroring how Wagtail splits page
permissions: editors may add/change/delete, moderators may also publish, lock
and unlock.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import APIToken

from blog.models import Category, Person

PASSWORD = "changeme"
TOKEN_NAME = "seed"

# username -> (group name or None for the superuser)
USERS = {"editor": "Editors", "moderator": "Moderators", "admin": None}

_EDITOR_PERMS = {
    Person: ["add", "change", "delete", "view"],
    Category: ["add", "change", "delete", "view"],
}
_MODERATOR_PERMS = {
    Person: [*_EDITOR_PERMS[Person], "publish", "lock", "unlock"],
    Category: _EDITOR_PERMS[Category],
}
GROUP_PERMISSIONS = {"Editors": _EDITOR_PERMS, "Moderators": _MODERATOR_PERMS}


def _permissions(perms_by_model):
    for model, actions in perms_by_model.items():
        content_type = ContentType.objects.get_for_model(model)
        for action in actions:
            yield Permission.objects.get(
                content_type=content_type, codename=f"{action}_{model._meta.model_name}"
            )


def ensure_groups():
    """Give the Wagtail default groups the example's snippet permissions."""
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    groups = {}
    for name, perms_by_model in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin, *_permissions(perms_by_model))
        groups[name] = group
    return groups


def ensure_users(groups):
    """Create the demo users (password ``changeme``) on first run only."""
    user_model = get_user_model()
    users = {}
    for username, group_name in USERS.items():
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.com"}
        )
        if created:
            user.set_password(PASSWORD)
            if group_name is None:
                user.is_superuser = user.is_staff = True
            user.save()
        if group_name is not None:
            user.groups.add(groups[group_name])
        users[username] = user
    return users


def rotate_tokens(users):
    """Replace each user's seed token; the raw key only exists at creation time.

    Returns the new tokens and the usernames whose earlier seed token was revoked: a
    client still sending one of those is anonymous now (an unknown token is not an
    error), so ``manage.py seed`` says so instead of leaving it to be discovered.
    """
    earlier = APIToken.objects.filter(name=TOKEN_NAME, user__in=users.values())
    replaced = sorted(set(earlier.values_list("user__username", flat=True)))
    earlier.delete()
    tokens = {}
    for username, user in users.items():
        _, plaintext = APIToken.create_token(user=user, name=TOKEN_NAME)
        tokens[username] = plaintext
    return tokens, replaced
