"""The translation status matrix: states, filters, counts and links, kept fresh cheaply."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from cms.localization.models import TranslationStatus
from cms.localization.status import rebuild_status
from cms.pages.factories import StandardPageFactory
from cms.pages.models import StandardPage
from cms.snippets.factories import PartnerFactory
from cms.snippets.models import Partner
from tests.rollback import refetched, rolled_back
from tests.snippets.admin.records import make_user

from .matrix import matrix_counts, matrix_rows, matrix_url
from .workflow import committed, machine_translate, publish, review, submit, sync, translation_of

pytestmark = pytest.mark.django_db


def make_content(superuser):
    """One object in each state for French; Arabic never translated."""
    client = Client()
    home_page = Site.objects.get(is_default_site=True).root_page.specific
    client.force_login(superuser)
    submit(client, home_page, "fr")
    publish(client, translation_of(home_page, "fr"))
    with committed():
        done = StandardPageFactory(parent=home_page, title="Done page", introduction="Ready.")
        started = StandardPageFactory(parent=home_page, title="Started page")
        stale = PartnerFactory(name="Stale partner", mandate="<p>Old mandate.</p>")
        StandardPageFactory(parent=home_page, title="Untouched page")
    for item in (done, stale):
        submit(client, item, "fr")
        machine_translate(client, translation_of(item, "fr"))
        review(client, translation_of(item, "fr"))
        publish(client, translation_of(item, "fr"))
    submit(client, started, "fr")
    stale.mandate = "<p>New mandate.</p>"
    with committed():
        stale.save()
    return {"done": done, "started": started, "stale": stale}


def build():
    superuser = make_user("admin", is_superuser=True, is_staff=True)
    return {"superuser": superuser, "content": make_content(superuser)}


# The translated content, built once for the module: every test reads it; each runs in a
# savepoint of its own (a sync or a deletion is rolled back with it) with fresh copies. The
# tests that need a database without it are in test_matrix_status_rows.py.
@pytest.fixture(scope="module")
def matrix_records(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, build)


@pytest.fixture
def content(client, db, matrix_records):
    """One object in each state for French; Arabic never translated. The test's client is
    signed in as the administrator who made them."""
    client.force_login(refetched(matrix_records["superuser"]))
    return refetched(matrix_records["content"])


def test_each_state_is_shown_with_its_link(client, content):
    rows = matrix_rows(client)
    assert rows["Done page"]["fr"][:2] == ("up_to_date", "Up to date")
    assert rows["Started page"]["fr"][0] == "in_progress"
    assert rows["Started page"]["fr"][1] == "In progress 0 %"
    assert rows["Stale partner"]["fr"][0] == "outdated"
    assert rows["Untouched page"]["fr"][0] == "missing"
    assert rows["Done page"]["ar"][0] == "missing"
    assert rows["Done page"]["en"][0] == "source"

    french_done = content["done"].get_translation(
        translation_of(content["done"], "fr").target_locale
    )
    assert rows["Done page"]["fr"][2] == reverse("wagtailadmin_pages:edit", args=[french_done.pk])
    assert rows["Untouched page"]["ar"][2].startswith(
        reverse(
            "wagtail_localize:submit_page_translation",
            args=[StandardPage.objects.get(title="Untouched page").pk],
        )
    )
    html = client.get(matrix_url()).content.decode()
    source = translation_of(content["stale"], "fr").source
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in html


def test_filters_by_language_type_and_state(client, content):
    assert set(matrix_rows(client, language="fr", state="outdated")) == {"Stale partner"}
    missing = set(matrix_rows(client, language="fr", state="missing"))
    assert "Untouched page" in missing
    assert not missing & {"Done page", "Started page", "Stale partner"}
    assert "Done page" in matrix_rows(client, language="ar", state="missing")
    partner_type = ContentType.objects.get_for_model(Partner).pk
    assert set(matrix_rows(client, type=partner_type)) == {"Stale partner"}
    assert set(matrix_rows(client, q="started")) == {"Started page"}
    # A bad filter value is reported, not an error.
    response = client.get(matrix_url(), {"state": "nonsense"})
    assert response.status_code == 200
    assert response.context["form"].errors["state"]


def test_counts_per_language(client, content):
    counts = matrix_counts(client, type=ContentType.objects.get_for_model(StandardPage).pk)
    languages = ["en", "fr", "es", "ru", "ar", "zh-hans"]
    french = languages.index("fr")
    arabic = languages.index("ar")
    assert counts["Up to date"][french] == 1
    assert counts["In progress"][french] == 1
    assert counts["Missing"][french] == 1
    assert counts["Missing"][arabic] == 3


def test_sync_brings_an_outdated_translation_back(client, content):
    sync(client, content["stale"])
    state = matrix_rows(client, q="Stale")["Stale partner"]["fr"][0]
    assert state == "in_progress"  # the changed mandate awaits its translation


def test_deleting_a_source_removes_its_row(client, content):
    with committed():
        StandardPage.objects.get(title="Untouched page").delete()
    assert "Untouched page" not in matrix_rows(client)


def test_a_rebuild_matches_the_updates_made_on_the_way(client, content):
    before = {
        (status.title, cell.locale_id): (cell.state, cell.percent)
        for status in TranslationStatus.objects.prefetch_related("cells")
        for cell in status.cells.all()
    }
    rebuild_status()
    after = {
        (status.title, cell.locale_id): (cell.state, cell.percent)
        for status in TranslationStatus.objects.prefetch_related("cells")
        for cell in status.cells.all()
    }
    assert after == before
