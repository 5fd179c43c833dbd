"""Nothing half-translated goes public (issue 14): starting, machine-translating or syncing a
translation never publishes it, whatever the path; an anonymous visitor sees the English
fallback with its notice until someone who may publish that language publishes it; no
address ever carries the offline translator's marker."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page

from cms.pages.factories import StandardPageFactory
from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory
from cms.snippets.factories import PartnerFactory

from .matrix import matrix_rows
from .workflow import (
    committed,
    edit_url,
    fix_segment,
    machine_translate,
    publish,
    segment_translation,
    submit,
    submit_url,
    sync,
    target,
    translation_of,
)

pytestmark = pytest.mark.django_db

TITLE = "Island Cyber Resilience Partnership"
SLUG = "island-cyber-resilience-partnership"
MARKERS = ("[fr]", "fr-", "[ru]", "ru-", "[zh-hans]", "zh-hans-")


def locale(code):
    return Locale.objects.get(language_code=code)


def parse(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def notice(response):
    return parse(response).select_one(".translation-notice")


def confirm_publish(client, translation):
    """The second step of "Publish" when the machine's work is not reviewed: confirm."""
    with committed():
        return client.post(
            edit_url(target(translation)),
            {"action": "publish", "confirm_machine_translations": "1"},
        )


@pytest.fixture
def english_site(home_page):
    """The English home page with an index of opportunities and one opportunity, live."""
    with committed():
        index = OpportunityIndexPageFactory(parent=home_page)
        opportunity = OpportunityPageFactory(parent=index, title=TITLE, slug=SLUG)
    return {"home": home_page, "index": index, "opportunity": opportunity}


@pytest.fixture
def french_section(client, superuser, english_site):
    """The home page and the index of opportunities translated into French and published."""
    client.force_login(superuser)
    for page in (english_site["home"], english_site["index"]):
        submit(client, page, "fr")
        translation = translation_of(page, "fr")
        fix_segment(client, translation, "title", f"{page.title} (fr)")
        publish(client, translation)
    client.logout()
    return english_site


def test_submit_and_machine_translation_publish_nothing(client, french_translator, french_section):
    """The issue's walk: a French translator presses "Translate" (from the matrix) and
    "Machine translate"; the French page is a draft, absent from /fr/opportunities/, its
    address shows nothing French, and no slug carries a marker, until the translator
    publishes it."""
    opportunity = french_section["opportunity"]
    client.force_login(french_translator)
    # "Translate" from the matrix: the missing French cell leads to wagtail-localize's form.
    link = matrix_rows(client, q=TITLE)[TITLE]["fr"][2]
    assert link == f"{submit_url(opportunity)}?select_locale=fr"
    assert client.get(link).status_code == 200
    with committed():
        response = client.post(link, {"locales": [locale("fr").pk]})
    assert response.status_code == 302
    translation = translation_of(opportunity, "fr")
    machine_translate(client, translation)
    assert segment_translation(translation, "title") == f"[fr] {TITLE}"

    french = opportunity.get_translation(locale("fr"))
    assert not french.live
    assert french.alias_of_id is None
    assert not any(marker in french.slug for marker in MARKERS)
    assert segment_translation(translation, "slug") == SLUG

    visitor = client.__class__()
    french_index = french_section["index"].get_translation(locale("fr"))
    # Its slug followed its translated title before it was first published: no redirect
    # is left behind from an address that was never public.
    assert not Redirect.objects.filter(redirect_page=french_index).exists()
    listing = visitor.get(french_index.url)
    assert listing.status_code == 200
    assert TITLE not in listing.content.decode()
    response = visitor.get(f"{french_index.url}{french.slug}/")
    if response.status_code == 200:
        # Served as the English fallback: in English, with the notice in French.
        assert notice(response)["lang"] == "fr"
        assert parse(response).html["lang"] == "en"
    else:
        assert response.status_code == 404
    assert "[fr]" not in visitor.get("/fr/").content.decode()

    # Publishing with unreviewed machine segments asks first, and publishes nothing yet.
    response = publish(client, translation)
    assert response.status_code == 200
    assert "confirm_machine_translations" in response.content.decode()
    assert not Page.objects.get(pk=french.pk).live

    assert confirm_publish(client, translation).status_code == 302
    french = Page.objects.get(pk=french.pk)
    assert french.live
    assert french.slug == SLUG  # from the title, marker taken off
    assert french.url_path == f"{french_index.url_path}{SLUG}/"
    assert TITLE in visitor.get(french_index.url).content.decode()


def test_a_reviewed_translation_is_published_at_once_under_its_translated_title(
    client, french_translator, french_section
):
    opportunity = french_section["opportunity"]
    client.force_login(french_translator)
    submit(client, opportunity, "fr")
    translation = translation_of(opportunity, "fr")
    fix_segment(client, translation, "title", "Partenariat pour la cyberrésilience des îles")
    machine_translate(client, translation)
    # The machine filled the rest; the translator reviews every segment it wrote.
    from wagtail_localize.models import StringSegment

    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "context"
    ):
        value = segment_translation(translation, segment.context.path)
        if value is not None and segment.context.path != "slug":
            fix_segment(client, translation, segment.context.path, value.replace("[fr] ", ""))

    assert publish(client, translation).status_code == 302
    french = opportunity.get_translation(locale("fr"))
    assert french.live
    assert french.slug == "partenariat-pour-la-cyberresilience-des-iles"
    page = client.__class__().get(french.url)
    assert page.status_code == 200
    assert notice(page) is None


def test_translation_into_a_language_without_its_home_starts_drafts_not_live_aliases(
    client, superuser, home_page
):
    """The French home page does not exist: wagtail-localize would create it as a live alias
    of the English one (English content, French address, no notice). Started here, it is a
    draft; the French address keeps showing the English pages with the notice."""
    with committed():
        page = StandardPageFactory(parent=home_page, title="Connect a school", slug="connect")
    client.force_login(superuser)
    assert submit(client, page, "fr").status_code == 302

    french_home = home_page.get_translation(locale("fr"))
    assert not french_home.live
    assert french_home.alias_of_id is None
    assert translation_of(home_page, "fr").enabled
    assert not page.get_translation(locale("fr")).live

    response = client.__class__().get("/fr/connect/")
    assert response.status_code == 200
    assert parse(response).h1.get_text(strip=True) == "Connect a school"
    assert notice(response)["lang"] == "fr"


def test_sync_never_publishes(client, superuser, lead, french_section):
    """Sync applies the source's changes to the translations' drafts only, even when "Publish
    immediately" is sent: the live French page keeps its reviewed text."""
    opportunity = french_section["opportunity"]
    client.force_login(superuser)
    submit(client, opportunity, "fr")
    translation = translation_of(opportunity, "fr")
    fix_segment(client, translation, "title", "Partenariat insulaire")
    publish(client, translation)
    french = opportunity.get_translation(locale("fr")).specific
    assert french.live
    live_introduction = french.introduction

    opportunity.introduction = "A brand new English introduction."
    with committed():
        opportunity.save_revision().publish()
    client.force_login(lead)
    form = client.get(
        reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    ).context["form"]
    assert form.fields["publish_translations"].widget.is_hidden
    assert sync(client, opportunity, publish_translations=True).status_code == 302

    french = Page.objects.get(pk=french.pk).specific
    assert french.live
    assert french.introduction == live_introduction
    assert "brand new" not in client.__class__().get(french.url).content.decode()


def test_a_snippet_translation_keeps_the_english_text_until_it_is_published(client, officer):
    """Translatable snippets have no draft state: the French partner row is the public one.
    It holds the English text from the start; machine translation and sync write only to
    wagtail-localize's segments; the row takes the translation when it is published."""
    with committed():
        partner = PartnerFactory(name="Digital Bridge Foundation")
    client.force_login(officer)
    submit(client, partner, "fr")
    french = partner.get_translation(locale("fr"))
    assert french.name == "Digital Bridge Foundation"

    translation = translation_of(partner, "fr")
    machine_translate(client, translation)
    french.refresh_from_db()
    assert french.name == "Digital Bridge Foundation"

    assert publish(client, translation).status_code == 200  # asks first
    french.refresh_from_db()
    assert french.name == "Digital Bridge Foundation"
    confirm_publish(client, translation)
    french.refresh_from_db()
    assert french.name == "[fr] Digital Bridge Foundation"


@pytest.mark.parametrize(
    ("code", "title", "slug"),
    [
        (
            "ru",
            "Партнёрство по киберустойчивости островов",
            "partnerstvo-po-kiberustoychivosti-ostrovov",
        ),
        ("zh-hans", "岛屿网络复原力伙伴关系", "dao-yu-wang-luo-fu-yuan-li-huo-ban-guan-xi"),
        ("ar", "شراكة المرونة السيبرانية للجزر", "shrkh-lmrwnh-lsybrnyh-lljzr"),
    ],
)
def test_slugs_are_transliterated_from_the_translated_title(
    client, superuser, english_site, code, title, slug
):
    client.force_login(superuser)
    home = english_site["home"]
    submit(client, home, code)
    publish(client, translation_of(home, code))
    opportunity = english_site["opportunity"]
    submit(client, opportunity, code)
    translation = translation_of(opportunity, code)
    fix_segment(client, translation, "title", title)
    machine_translate(client, translation)
    confirm_publish(client, translation)

    translated = opportunity.get_translation(locale(code))
    assert translated.live
    assert translated.slug == slug
    assert not any(marker in translated.url_path for marker in MARKERS)
