"""Users in each role for the admin tests."""

import pytest
from django.contrib.auth.models import Permission

from cms.core.roles import EDITORS, OFFICERS, translator_group_name

from .records import make_user


@pytest.fixture
def officer(db):
    return make_user("officer", OFFICERS)


@pytest.fixture
def editor(db):
    return make_user("editor", EDITORS)


@pytest.fixture
def translator(db):
    return make_user("translator", translator_group_name("fr"))


@pytest.fixture
def superuser(db):
    return make_user("admin", is_superuser=True, is_staff=True)


@pytest.fixture
def staff_without_rights(db):
    """A user who may enter the admin but holds no right on partnership records."""
    user = make_user("staff", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user
