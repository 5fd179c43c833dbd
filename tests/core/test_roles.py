"""Roles are groups with exactly the declared rights; signed agreements stay private."""

from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction

from cms.core.roles import EDITORS, OFFICERS, sync_roles, translator_group_name


def test_every_role_exists_after_migrate(db):
    names = set(Group.objects.values_list("name", flat=True))
    expected = {EDITORS, OFFICERS} | {
        translator_group_name(code) for code in ("fr", "es", "ru", "ar", "zh-hans")
    }
    assert expected <= names
    # Wagtail's starter groups held rights on the root collection; they are replaced.
    assert not names & {"Editors", "Moderators"}


def test_signed_agreements_collection_is_readable_by_officers_only(db):
    collection = Collection.objects.get(name=settings.SIGNED_AGREEMENTS_COLLECTION)
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert list(restriction.groups.values_list("name", flat=True)) == [OFFICERS]


def test_sync_roles_is_idempotent_and_restores_removed_rights(db):
    officers = Group.objects.get(name=OFFICERS)
    officers.permissions.clear()
    sync_roles()
    sync_roles()
    officers.refresh_from_db()
    assert officers.permissions.filter(codename="change_agreement").exists()
    assert Group.objects.filter(name=OFFICERS).count() == 1
