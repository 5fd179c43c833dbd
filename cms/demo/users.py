"""One demo user per role, all with the same demo password.

Each has a first and a last name, as a real account has: Wagtail's account settings require
both, so a demo user changing their admin language would otherwise first meet two errors.
"""

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

#: (first name, last name) of each demo user, written as the person would write them.
NAMES = {
    "admin": ("Amina", "Diallo"),
    "editor": ("Grace", "Mwangi"),
    "lead": ("Rahul", "Mehta"),
    "officer": ("Lucía", "Fernández"),
    "translator-fr": ("Camille", "Lefèvre"),
    "translator-es": ("Javier", "Morales"),
    "translator-ru": ("Анна", "Смирнова"),
    "translator-ar": ("ليلى", "حداد"),
    "translator-zh": ("王", "芳"),
}


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
        first_name, last_name = NAMES[username]
        user, was_created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@partnerhub.example",
                "first_name": first_name,
                "last_name": last_name,
                "is_staff": is_superuser,
                "is_superuser": is_superuser,
            },
        )
        if not (user.first_name or user.last_name):  # made by an earlier version of the loader
            user.first_name, user.last_name = first_name, last_name
            user.save(update_fields=["first_name", "last_name"])
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
