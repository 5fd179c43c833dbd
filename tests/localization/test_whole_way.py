"""A page and a snippet go the whole way through translation, as the issue describes it:
offline machine translation, a segment fixed by hand, the machine's segments reviewed,
publication (asked for confirmation while some are not); the English source changes; the
matrix shows the translation outdated; sync keeps unchanged segments and flags the changed
ones, and publishes nothing."""

import pytest
from wagtail.models import Locale

from cms.pages.factories import StandardPageFactory
from cms.snippets.factories import PartnerFactory

from .matrix import matrix_rows
from .workflow import (
    committed,
    fix_segment,
    machine_translate,
    publish,
    review,
    segment_translation,
    submit,
    sync,
    translation_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_home(client, lead, home_page):
    client.force_login(lead)
    submit(client, home_page, "fr")
    publish(client, translation_of(home_page, "fr"))


def test_a_page_goes_the_whole_way(client, lead, home_page, french_home):
    with committed():
        page = StandardPageFactory(
            parent=home_page,
            title="Connect a school",
            introduction="Schools need broadband.",
            seo_title="Broadband for schools",
        )
    assert matrix_rows(client, q="Connect a school")["Connect a school"]["fr"][0] == "missing"

    assert submit(client, page, "fr").status_code == 302
    translation = translation_of(page, "fr")
    state, text, _link = matrix_rows(client, q="Connect a school")["Connect a school"]["fr"]
    assert state == "in_progress"
    assert "0 %" in text

    machine_translate(client, translation)
    assert segment_translation(translation, "introduction") == "[fr] Schools need broadband."
    assert fix_segment(client, translation, "title", "Connecter une école").status_code in (
        200,
        201,
    )
    # Two segments are still the machine's: publishing asks first.
    assert publish(client, translation).status_code == 200
    assert not page.get_translation(Locale.objects.get(language_code="fr")).live
    state, text, _link = matrix_rows(client, q="Connect a school")["Connect a school"]["fr"]
    assert state == "machine"
    assert text == "Machine, not reviewed 100 %"
    review(client, translation)
    assert publish(client, translation).status_code == 302
    french = page.get_translation(Locale.objects.get(language_code="fr")).specific
    assert french.live and french.title == "Connecter une école"
    assert french.slug == "connecter-une-ecole"
    row = matrix_rows(client, q="Connect a school")["Connect a school"]
    assert row["fr"][0] == "up_to_date"
    assert row["en"][0] == "source"
    assert row["ar"][0] == "missing"

    page.introduction = "Schools and libraries need broadband."
    with committed():
        page.save_revision().publish()
    state, _text, _link = matrix_rows(client, q="Connect a school")["Connect a school"]["fr"]
    assert state == "outdated"

    assert sync(client, page, publish_translations=False).status_code == 302
    assert segment_translation(translation, "title") == "Connecter une école"  # kept
    assert segment_translation(translation, "seo_title") == "[fr] Broadband for schools"
    assert segment_translation(translation, "introduction") is None  # flagged
    state, text, _link = matrix_rows(client, q="Connect a school")["Connect a school"]["fr"]
    assert state == "in_progress"
    assert "75 %" in text  # title, slug and SEO title kept: three segments of four


def test_a_snippet_goes_the_whole_way(client, lead, officer):
    client.force_login(officer)
    with committed():
        partner = PartnerFactory(
            name="Digital Bridge Foundation", mandate="<p>Connects schools.</p>"
        )
    assert submit(client, partner, "es").status_code == 302
    translation = translation_of(partner, "es")
    machine_translate(client, translation)
    fix_segment(client, translation, "name", "Fundación Puente Digital")
    assert publish(client, translation, confirm=True).status_code == 302
    title = "Digital Bridge Foundation"
    # Published on confirmation, with the mandate as the machine wrote it.
    assert matrix_rows(client, q=title)[title]["es"][0] == "machine"
    review(client, translation)
    assert matrix_rows(client, q=title)[title]["es"][0] == "up_to_date"

    partner.mandate = "<p>Connects schools and clinics.</p>"
    with committed():
        partner.save()
    assert matrix_rows(client, q=title)[title]["es"][0] == "outdated"

    sync(client, partner)
    assert segment_translation(translation, "name") == "Fundación Puente Digital"
    assert segment_translation(translation, "mandate") is None
    spanish = partner.get_translation(Locale.objects.get(language_code="es"))
    assert spanish.name == "Fundación Puente Digital"
    assert (
        spanish.mandate == "<p>[es] Connects schools.</p>"
    )  # the published text, until republished
    assert matrix_rows(client, q=title)[title]["es"][0] == "in_progress"
