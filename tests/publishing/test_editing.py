"""Two people on one page: locks hold against those who may not lift them, and a save built
on an older revision than the latest is refused with a conflict notice (cms/publishing/
editing.py, roles in cms/core/roles.py)."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile

from cms.core.roles import EDITORS, LEADS
from cms.pages.factories import StandardPageFactory
from tests.pages.html import parse
from tests.snippets.admin.records import make_user

from .test_workflows import edit_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail keeps the sites' root paths in the cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page(home_page):
    page = StandardPageFactory(parent=home_page, title="Connect a school")
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def editors():
    return make_user("amina", EDITORS), make_user("bruno", EDITORS)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def lock(client, page):
    return client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))


def unlock(client, page):
    return client.post(reverse("wagtailadmin_pages:unlock", args=[page.pk]))


def locked_by(page):
    page.refresh_from_db()
    return page.locked_by if page.locked else None


def test_an_editor_cannot_unlock_a_leads_lock(client, page, editors):
    lead = make_user("lead", LEADS)
    client.force_login(lead)
    lock(client, page)
    assert locked_by(page) == lead

    client.force_login(editors[0])
    response = unlock(client, page)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")  # refused
    assert locked_by(page) == lead
    assert not page.permissions_for_user(editors[0]).can_unlock()


def test_the_locker_unlocks_their_own_lock_and_a_lead_unlocks_anyones(client, page, editors):
    amina, bruno = editors
    client.force_login(amina)
    lock(client, page)
    assert locked_by(page) == amina

    client.force_login(bruno)  # another editor: no unlock permission
    unlock(client, page)
    assert locked_by(page) == amina

    client.force_login(amina)
    unlock(client, page)
    assert locked_by(page) is None

    lock(client, page)
    client.force_login(make_user("lead", LEADS))
    unlock(client, page)
    assert locked_by(page) is None


def test_a_save_built_on_an_older_revision_is_refused_with_a_conflict_notice(client, page, editors):
    amina, bruno = editors
    client.force_login(amina)
    amina_form = edit_form(client, page)  # Amina opens the editor...
    opened = page.latest_revision

    client.force_login(bruno)  # ... Bruno opens it too, and saves first.
    response = client.post(edit_url(page), {**edit_form(client, page), "title": "Bruno's title"})
    assert response.status_code == 302
    page.refresh_from_db()
    theirs = page.latest_revision
    assert theirs != opened
    assert theirs.content["title"] == "Bruno's title"

    client.force_login(amina)  # Amina saves the form she opened before Bruno's save.
    response = client.post(edit_url(page), {**amina_form, "title": "Amina's title"})
    assert response.status_code == 409
    page.refresh_from_db()
    assert page.latest_revision == theirs  # nothing written over Bruno's version
    assert page.latest_revision.content["title"] == "Bruno's title"
    html = parse(response)
    notice = html.select_one("[role=alert]").get_text(" ", strip=True)
    assert "bruno" in notice
    assert "Bruno's title" in notice
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, opened.pk, theirs.pk])
    assert html.select_one(f'a[href="{compare}"]') is not None
    assert client.get(compare).status_code == 200
    assert html.select_one(f'a[href="{edit_url(page)}"]') is not None

    # Publishing the stale form is refused the same way.
    response = client.post(edit_url(page), {**amina_form, "action-publish": "publish"})
    assert response.status_code == 409

    # Once she reloads the latest version, her save goes through.
    response = client.post(edit_url(page), {**edit_form(client, page), "title": "Amina's title"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.latest_revision.content["title"] == "Amina's title"


def test_the_conflict_notice_is_in_the_staff_members_language(client, page, editors):
    amina, bruno = editors
    profile = UserProfile.get_for_user(amina)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(amina)
    amina_form = edit_form(client, page)
    client.force_login(bruno)
    client.post(edit_url(page), {**edit_form(client, page), "title": "Bruno's title"})

    client.force_login(amina)
    response = client.post(edit_url(page), amina_form)
    assert response.status_code == 409
    text = parse(response).select_one("main, body").get_text(" ", strip=True)
    assert "Comparer la version que vous avez ouverte avec la dernière" in text
    assert "Compare the version" not in text
