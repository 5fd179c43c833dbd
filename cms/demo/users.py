"""One demo user per role, all with the same demo password."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from cms.alerts.roles import SUBSCRIBER_MANAGERS
from cms.core.roles import (
    EDITORS,
    LEADS,
    OFFICERS,
    TRANSLATOR_LANGUAGES,
    sync_roles,
    translator_group_name,
)

__all__ = ["DEMO_PASSWORD", "demo_users", "load_users"]

DEMO_PASSWORD = "partnerhub-demo"  # noqa: S105 - published demo credential, demo data only


def demo_users():
    """(username, group names, is superuser, admin interface language) of each demo user."""
    users = [
        ("admin", [], True, "en"),
        ("editor", [EDITORS], False, "en"),
        ("lead", [LEADS], False, "en"),
        # The demo officer also manages the alert subscribers (a role of its own).
        ("officer", [OFFICERS, SUBSCRIBER_MANAGERS], False, "en"),
    ]
    for code in TRANSLATOR_LANGUAGES:
        username = f"translator-{code.split('-')[0]}"
        users.append((username, [translator_group_name(code)], False, code))
    return users


def load_users():
    """Create the missing demo users and put each in its role's group; return usernames."""
    wanted = {name for _user, groups, _su, _lang in demo_users() for name in groups}
    if Group.objects.filter(name__in=wanted).count() != len(wanted):
        sync_roles()
    User = get_user_model()
    password = None  # hashed once, only if a user is new
    created = []
    for username, group_names, is_superuser, language in demo_users():
        user, was_created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@partnerhub.example",
                "is_staff": is_superuser,
                "is_superuser": is_superuser,
            },
        )
        if was_created:
            password = password or make_password(DEMO_PASSWORD)
            user.password = password
            user.save(update_fields=["password"])
            created.append(username)
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
        user.groups.set(Group.objects.filter(name__in=group_names))
    return [username for username, *_rest in demo_users()], created
