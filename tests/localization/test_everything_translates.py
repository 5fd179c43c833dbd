"""Every page type and every translatable snippet goes through wagtail-localize's Translate
and Sync, with its relations carried over, including blocks left empty."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Locale

from cms.pages.directory_factories import PartnerDirectoryPageFactory, RecognitionsPageFactory
from cms.pages.factories import StandardPageFactory
from cms.pages.factories_opportunities import (
    MaterialFactory,
    OpportunityIndexPageFactory,
    OpportunityPageFactory,
)
from cms.pages.models import HomePage
from cms.snippets.factories import (
    BeneficiaryRegionFactory,
    PartnerFactory,
    RecognitionFactory,
    ThematicAreaFactory,
)
from cms.snippets.models import Material, Partner, Recognition, ThematicArea

from .workflow import committed, machine_translate, publish, submit, sync, translation_of

pytestmark = pytest.mark.django_db

# A body with every block, optional children left empty (stored as null): the case that
# crashes wagtail-localize without the guard of cms.pages.blocks.
BODY = json.dumps(
    [
        {"type": "heading", "value": {"text": "Why partner", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Partnerships connect schools.</p>"},
        {
            "type": "call_to_action",
            "value": {
                "title": "Find an opportunity",
                "text": None,
                "page": None,
                "url": None,
                "link_text": "Browse",
            },
        },
        {
            "type": "video",
            "value": {"video": "https://www.youtube.com/watch?v=abc", "caption": None},
        },
    ]
)


@pytest.fixture
def french_and_arabic_homes(client, superuser, home_page):
    client.force_login(superuser)
    assert submit(client, home_page, "fr", "ar").status_code == 302
    for code in ("fr", "ar"):
        publish(client, translation_of(home_page, code))


def make_page(kind, home_page):
    if kind == "home":
        home_page.body = BODY
        with committed():
            home_page.save_revision().publish()
        return home_page
    factories = {
        "standard": StandardPageFactory,
        "opportunity_index": OpportunityIndexPageFactory,
        "directory": PartnerDirectoryPageFactory,
        "recognitions": RecognitionsPageFactory,
    }
    if kind == "opportunity":
        index = OpportunityIndexPageFactory(parent=home_page)
        return OpportunityPageFactory(
            parent=index,
            title="Schools online",
            body=BODY,
            thematic_areas=[ThematicAreaFactory(name="Digital inclusion")],
            regions=[BeneficiaryRegionFactory(name="Africa", code="AFR")],
            materials=[MaterialFactory(title="Project brief")],
        )
    return factories[kind](parent=home_page, title=f"A {kind} page", body=BODY)


@pytest.mark.parametrize(
    "kind", ["home", "standard", "opportunity_index", "opportunity", "directory", "recognitions"]
)
def test_every_page_type_translates_publishes_and_syncs(client, superuser, home_page, kind):
    client.force_login(superuser)
    page = make_page(kind, home_page)
    if kind != "home":
        assert submit(client, home_page, "fr").status_code == 302
        publish(client, translation_of(home_page, "fr"))

    response = submit(client, page, "fr")
    assert response.status_code == 302, response.content[:500]
    translation = translation_of(page, "fr")
    assert machine_translate(client, translation).status_code == 302
    assert publish(client, translation, confirm=True).status_code == 302

    french = page.get_translation(Locale.objects.get(language_code="fr")).specific
    assert french.live
    assert french.title.startswith("[fr]")
    blocks = {block.block_type: block.value for block in french.body}
    assert blocks["paragraph"].source == "<p>[fr] Partnerships connect schools.</p>"
    assert blocks["call_to_action"]["title"] == "[fr] Find an opportunity"
    assert not blocks["call_to_action"]["text"]
    assert blocks["video"]["video"].url == "https://www.youtube.com/watch?v=abc"
    if kind == "opportunity":
        # Relations follow the translation.
        assert [link.area.name for link in french.thematic_areas.all()] == ["Digital inclusion"]
        assert [link.region.code for link in french.regions.all()] == ["AFR"]
        assert [link.material.title for link in french.materials.all()] == ["Project brief"]
        assert french.budget_usd == page.budget_usd

    # The source changes; Sync brings the change to the translation.
    page.refresh_from_db()
    page = page.specific
    page.introduction = "A new introduction."
    with committed():
        page.save_revision().publish()
    assert sync(client, page).status_code == 302
    french.refresh_from_db()
    # Sync never publishes: the live translation is untouched until it is published again.
    assert french.introduction != "A new introduction."
    assert publish(client, translation, confirm=True).status_code == 302
    french.refresh_from_db()
    assert french.introduction == "A new introduction."  # untranslated yet: the source text
    assert french.title.startswith("[fr]")  # unchanged segments keep their translation


SNIPPETS = {
    "partner": lambda: PartnerFactory(
        name="Digital Bridge Foundation",
        mandate="<p>Connects schools.</p>",
        areas=[ThematicAreaFactory(name="Digital inclusion")],
        regions=[BeneficiaryRegionFactory(name="Africa", code="AFR")],
    ),
    "recognition": lambda: RecognitionFactory(award_title="Partner of the year"),
    "material": lambda: MaterialFactory(title="Project brief", caption="A brief."),
    "thematic_area": lambda: ThematicAreaFactory(name="Quantum networking"),
}
TITLE_FIELD = {
    Partner: "name",
    Recognition: "award_title",
    Material: "title",
    ThematicArea: "name",
}


@pytest.mark.parametrize("kind", sorted(SNIPPETS))
def test_every_translatable_snippet_translates_and_syncs(client, superuser, kind):
    client.force_login(superuser)
    snippet = SNIPPETS[kind]()
    field = TITLE_FIELD[type(snippet)]
    response = submit(client, snippet, "ar")
    assert response.status_code == 302
    translation = translation_of(snippet, "ar")
    machine_translate(client, translation)
    assert publish(client, translation, confirm=True).status_code == 302

    arabic = snippet.get_translation(Locale.objects.get(language_code="ar"))
    assert getattr(arabic, field).startswith("[ar]")
    if isinstance(snippet, Partner):
        assert [link.area.name for link in arabic.priority_areas.all()] == ["Digital inclusion"]
        assert [link.region.code for link in arabic.beneficiary_regions.all()] == ["AFR"]
        assert arabic.website == snippet.website  # synchronized

    setattr(snippet, field, "Renamed in English")
    with committed():
        snippet.save()
    assert sync(client, snippet).status_code == 302
    arabic.refresh_from_db()
    assert getattr(arabic, field).startswith("[ar]")  # sync publishes nothing
    assert publish(client, translation, confirm=True).status_code == 302
    arabic.refresh_from_db()
    assert getattr(arabic, field) == "Renamed in English"  # flagged: untranslated


def test_translated_home_page_is_a_language_root(client, superuser, home_page):
    client.force_login(superuser)
    submit(client, home_page, "ar")
    publish(client, translation_of(home_page, "ar"))
    arabic_home = HomePage.objects.get(locale__language_code="ar")
    assert arabic_home.depth == 2
    assert client.get(reverse("wagtailadmin_pages:edit", args=[arabic_home.pk])).status_code == 200


def test_a_struct_block_with_empty_optional_text_can_be_translated(home_page):
    """The guard itself: empty optional children give no segment instead of crashing."""
    from wagtail_localize.segments.extract import extract_segments

    page = StandardPageFactory(parent=home_page, title="Empty blocks", body=BODY)
    suffixes = sorted(segment.path.rsplit(".", 1)[-1] for segment in extract_segments(page))
    # heading text, paragraph, call-to-action title and link text, the video address: no
    # segment for the empty call-to-action text, address and page, nor the empty caption.
    assert "caption" not in suffixes
    assert "url" not in suffixes
    assert suffixes.count("text") == 1


def test_the_system_check_rejects_unguarded_optional_blocks():
    from wagtail import blocks

    from cms.pages.blocks import OptionalCharBlock
    from cms.pages.checks import _walk

    class Unsafe(blocks.StructBlock):
        title = blocks.CharBlock()
        note = blocks.CharBlock(required=False)
        caption = OptionalCharBlock()

    stream = blocks.StreamBlock([("unsafe", Unsafe())])
    assert [path for path, _block in _walk(stream, "body", inside_struct=False)] == [
        "body.unsafe.note"
    ]
