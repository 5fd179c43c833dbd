"""An opportunity page as a visitor reads it: the summary box in the page's language, the
objectives and results, and the communication material in their language when it exists,
else in English with a note that says so."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Locale, PageViewRestriction, Site

from cms.pages.factories_opportunities import (
    BriefDocumentFactory,
    MaterialFactory,
    OpportunityIndexPageFactory,
    OpportunityPageFactory,
)
from cms.pages.models import OpportunityPage, OpportunityThematicArea
from cms.snippets.models import Material
from tests.module_records import built_records, from_records, records  # noqa: F401

from .directory.data import translate_page
from .html import parse
from .opportunity_data import make_vocabularies, translate_material

pytestmark = pytest.mark.django_db


def make_opportunity_site():
    """The home page live in the six languages, the opportunity tests' terms, an English
    opportunity index and, in it, the opportunity most tests read."""
    home_page = Site.objects.get(is_default_site=True).root_page.specific
    translated_home = {"en": home_page}
    for code in ("fr", "es", "ru", "ar", "zh-hans"):
        translated_home[code] = translate_page(home_page, code, title=f"Home page [{code}]")
    vocabularies = make_vocabularies(
        {locale.language_code: locale for locale in Locale.objects.all()}
    )
    index = OpportunityIndexPageFactory(parent=home_page)
    return {
        "translated_home": translated_home,
        "vocabularies": vocabularies,
        "index": index,
        "opportunity": make_opportunity(index, vocabularies),
    }


@pytest.fixture(scope="module")
def built_once():
    """Built once for the module: each test adds its own pages, translations and material in
    a savepoint of its own, from fresh copies; the tests that do not ask for the translated
    home pages or the opportunity find them there all the same."""
    return make_opportunity_site


translated_home = from_records("translated_home")
vocabularies = from_records("vocabularies")
index = from_records("index")
opportunity = from_records("opportunity")


def make_opportunity(index, vocabularies):
    return OpportunityPageFactory(
        parent=index,
        title="Broadband for rural schools",
        slug="broadband-for-rural-schools",
        kind=OpportunityPage.Kind.REGIONAL_INITIATIVE,
        budget_usd=Decimal("2500000"),
        funding_gap_usd=Decimal("1250000"),
        duration_months=36,
        contact_name="Amina Diallo",
        contact_email="amina.diallo@example.org",
        thematic_areas=[vocabularies.areas["infrastructure"], vocabularies.areas["cybersecurity"]],
        regions=[vocabularies.regions["afr"], vocabularies.regions["arb"]],
        countries=[vocabularies.countries["KE"], vocabularies.countries["EG"]],
        sdgs=[vocabularies.goals[9], vocabularies.goals[17]],
        partner_kinds=[vocabularies.partner_kinds["foundation"]],
    )


def summary(soup):
    """{row: (label, value text, [terms of its list])} of the summary box, rows named by
    their class (summary__item--regions: "regions"), whatever the page's language."""
    box = soup.select_one("section.summary")
    rows = {}
    for item in box.select(".summary__item"):
        name = next(
            c
            for c in item["class"]
            if c.startswith("summary__item--") and c != "summary__item--wide"
        )
        rows[name.removeprefix("summary__item--")] = (
            item.dt.get_text(strip=True),
            " ".join(item.dd.get_text(" ", strip=True).split()),
            [li.get_text(strip=True) for li in item.dd.select("li")],
        )
    return rows


def test_summary_box_in_english(client, opportunity):
    response = client.get(opportunity.url)

    assert response.status_code == 200
    rows = summary(parse(response))
    assert rows["kind"][:2] == ("Kind", "Regional initiative")
    assert rows["status"][:2] == ("Status", "Open for partners")
    assert rows["budget"][:2] == ("Estimated budget", "USD 2,500,000")
    assert rows["gap"][:2] == ("Funding gap", "USD 1,250,000")
    assert rows["duration"][:2] == ("Duration", "36 months")
    assert rows["areas"][0] == "Thematic areas"
    assert rows["areas"][2] == ["Infrastructure", "Cybersecurity"]
    assert rows["regions"][2] == ["Africa", "Arab States"]
    assert rows["countries"][2] == ["Kenya", "Egypt"]
    assert rows["sdgs"][2] == [
        "Goal 9: Industry, innovation and infrastructure",
        "Goal 17: Partnerships for the goals",
    ]
    assert rows["partner-kinds"][:1] == ("Partners sought",)
    assert rows["partner-kinds"][2] == ["Foundation"]
    assert rows["contact"][1] == "Amina Diallo amina.diallo@example.org"
    assert rows["contact"][0] == "Contact"


def test_objectives_and_expected_results_follow_the_summary(client, opportunity):
    soup = parse(client.get(opportunity.url))

    headings = [h2.get_text(strip=True) for h2 in soup.select("main h2")]
    assert headings[:3] == ["At a glance", "Objectives", "Expected results"]
    assert "Connect schools to broadband." in soup.select_one("main").get_text()


def test_summary_terms_in_french(client, opportunity, translated_home, translate):
    translate(opportunity.get_parent(), "fr", slug="opportunites")
    french = translate(opportunity, "fr", title="Le haut débit pour les écoles rurales")

    response = client.get(french.url)

    assert response.status_code == 200
    soup = parse(response)
    assert soup.html["lang"] == "fr"
    rows = summary(soup)
    assert rows["areas"][2] == ["Infrastructures", "Cybersécurité"]
    assert rows["regions"][2] == ["Afrique", "États arabes"]
    assert rows["countries"][2] == ["Kenya", "Égypte"]
    assert rows["partner-kinds"][2] == ["Fondation"]
    assert rows["sdgs"][2][0].endswith("Industrie, innovation et infrastructure")
    # Amounts are grouped the French way (a narrow no-break space), the code after them.
    budget = soup.select_one(".summary__item--budget dd").get_text()
    assert budget == "2\u202f500\u202f000\xa0USD"


def test_summary_terms_in_arabic(client, opportunity, translated_home, translate):
    translate(opportunity.get_parent(), "ar", slug="opportunities-ar")
    arabic = translate(opportunity, "ar", title="النطاق العريض للمدارس الريفية")

    soup = parse(client.get(arabic.url))

    assert soup.html["lang"] == "ar"
    assert soup.html["dir"] == "rtl"
    terms = [li.get_text(strip=True) for li in soup.select("section.summary li")]
    assert "البنية التحتية" in terms
    assert "أفريقيا" in terms
    assert "مصر" in terms  # Egypt, named by django-countries
    assert "مؤسسة" in terms
    assert "Infrastructure" not in terms


def test_a_term_not_yet_translated_is_shown_in_english(
    client, opportunity, vocabularies, translated_home, translate, locales
):
    # Capacity Building has no Russian row (the test terms are in French, Spanish, Arabic).
    OpportunityThematicArea.objects.create(
        page=opportunity, area=vocabularies.areas["capacity-building"]
    )
    translate(opportunity.get_parent(), "ru", slug="opportunities-ru")
    russian = translate(opportunity, "ru", title="Широкополосный доступ для сельских школ")

    soup = parse(client.get(russian.url))

    terms = [li.get_text(strip=True) for li in soup.select("section.summary li")]
    assert "Capacity Building" in terms


def test_a_closed_opportunity_shows_its_status_instead_of_the_form(client, index):
    funded = OpportunityPageFactory(parent=index, status=OpportunityPage.Status.FUNDED)

    soup = parse(client.get(funded.url))

    notice = soup.select_one("section.status-notice")
    assert notice is not None
    assert "Funded" in notice.get_text()
    assert notice.select_one('a[href$="?status=open"]')["href"] == index.url + "?status=open"
    assert soup.select_one("form.interest") is None


def test_an_open_opportunity_has_no_status_notice(client, opportunity):
    soup = parse(client.get(opportunity.url))

    assert soup.select_one("section.status-notice") is None


def test_draft_and_private_opportunities_are_not_served_to_visitors(client, index):
    draft = OpportunityPageFactory(parent=index, live=False)
    private = OpportunityPageFactory(parent=index)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    assert client.get(draft.url or f"{index.url}{draft.slug}/").status_code == 404
    assert b"Broadband" not in client.get(private.url).content
    assert client.get(private.url).status_code == 200  # the password form, not the page
    assert "password" in client.get(private.url).content.decode().lower()


# --- Material ------------------------------------------------------------------------------


@pytest.fixture
def material_page(index, translated_home, translate):
    """An opportunity with three briefs: one with a French variant, one translated but
    keeping the English document, one not translated at all; in English and in French."""
    french_index = translate(index, "fr", slug="opportunites")
    variant = MaterialFactory(title="Project brief", document__title="Brief (English)")
    same_file = MaterialFactory(title="Slide deck", kind=Material.Kind.SLIDES)
    untranslated = MaterialFactory(title="Brochure", kind=Material.Kind.BROCHURE)
    french_document = BriefDocumentFactory(
        title="Note de projet (français)", file__filename="note-de-projet.pdf"
    )
    fr = french_index.locale
    translate_material(variant, fr, title="Note de projet", document=french_document)
    translate_material(same_file, fr, title="Présentation")
    page = OpportunityPageFactory(parent=index, materials=[variant, same_file, untranslated])
    french = translate(page, "fr", title="Le haut débit pour les écoles rurales")
    return {
        "english": page,
        "french": french,
        "variant": variant,
        "same_file": same_file,
        "untranslated": untranslated,
        "french_document": french_document,
    }


def documents(soup):
    """{title: (link, note text or None)} of the documents of the material section."""
    result = {}
    for item in soup.select(".materials .material-document"):
        link = item.select_one("a.material-document__link")
        title = link.select_one(".material-document__title")
        note = item.select_one(".material-note")
        result[title.get_text(strip=True)] = (
            link,
            title,
            note.get_text(strip=True) if note else None,
        )
    return result


def test_english_page_lists_the_english_documents_without_note(client, material_page):
    soup = parse(client.get(material_page["english"].url))

    docs = documents(soup)
    assert list(docs) == ["Project brief", "Slide deck", "Brochure"]
    link, _title, note = docs["Project brief"]
    assert link["href"] == material_page["variant"].document.url
    assert link.has_attr("download")
    assert note is None
    assert "PDF" in link.get_text()
    assert "bytes" in link.get_text()  # the file size, as Django writes it


def test_french_page_gets_the_french_variant(client, material_page):
    soup = parse(client.get(material_page["french"].url))

    link, title, note = documents(soup)["Note de projet"]
    assert link["href"] == material_page["french_document"].url
    assert "/note-de-projet" in link["href"]
    assert note is None
    assert not link.has_attr("hreflang")
    assert not title.has_attr("lang")


def test_french_page_falls_back_to_english_documents_with_a_note(client, material_page):
    soup = parse(client.get(material_page["french"].url))
    docs = documents(soup)

    # Translated, but the translator kept the English file: French title, English document.
    link, title, note = docs["Présentation"]
    assert link["href"] == material_page["same_file"].document.url
    assert link["hreflang"] == "en"
    assert not title.has_attr("lang")
    assert note  # "Available in English only", in French once the catalogue has it
    # The link is described by the note of its own item.
    described_by = soup.find(id=link["aria-describedby"])
    assert described_by is not None
    assert described_by.find_parent(class_="material-document") is link.find_parent(
        class_="material-document"
    )

    # Not translated at all: English title and document, marked as English.
    link, title, note = docs["Brochure"]
    assert link["href"] == material_page["untranslated"].document.url
    assert link["hreflang"] == "en"
    assert title["lang"] == "en"
    assert note


def test_english_only_note_is_translated(client, material_page, settings):
    from django.utils import translation

    with translation.override("fr"):
        expected = translation.gettext("Available in English only")
    soup = parse(client.get(material_page["french"].url))

    notes = [note.get_text(strip=True) for note in soup.select(".material-note")]
    assert notes == [expected, expected]


def test_videos_are_embedded_with_their_caption(client, index, translated_home, translate):
    url = "https://www.youtube.com/watch?v=partnerhub1"
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html='<iframe title="Project video" src="https://www.youtube.com/embed/partnerhub1"></iframe>',
        width=640,
        height=360,
    )
    video = MaterialFactory(
        title="The project in two minutes",
        kind=Material.Kind.VIDEO,
        document=None,
        video_url=url,
        caption="Teachers and pupils of a connected school.",
    )
    page = OpportunityPageFactory(parent=index, materials=[video])

    soup = parse(client.get(page.url))

    figure = soup.select_one(".materials .material-video figure")
    assert figure.select_one("iframe")["src"] == "https://www.youtube.com/embed/partnerhub1"
    caption = figure.figcaption.get_text(" ", strip=True)
    assert "The project in two minutes" in caption
    assert "Teachers and pupils of a connected school." in caption


def test_a_video_that_cannot_be_embedded_is_a_link(client, index):
    video = MaterialFactory(
        kind=Material.Kind.VIDEO, document=None, video_url="https://video.example.org/brief.mp4"
    )
    page = OpportunityPageFactory(parent=index, materials=[video])

    soup = parse(client.get(page.url))

    link = soup.select_one(".material-video a")
    assert link["href"] == "https://video.example.org/brief.mp4"


def test_french_video_variant(client, index, translated_home, translate):
    french_index = translate(index, "fr", slug="opportunites")
    video = MaterialFactory(
        kind=Material.Kind.VIDEO, document=None, video_url="https://video.example.org/en.mp4"
    )
    translate_material(
        video, french_index.locale, title="Vidéo", video_url="https://video.example.org/fr.mp4"
    )
    page = OpportunityPageFactory(parent=index, materials=[video])
    french = translate(page, "fr")

    soup = parse(client.get(french.url))

    link = soup.select_one(".material-video a")
    assert link["href"] == "https://video.example.org/fr.mp4"
    assert soup.select_one(".material-video .material-note") is None


def test_preview_of_a_draft_shows_its_unsaved_terms(index, vocabularies, rf, admin_user):
    page = OpportunityPageFactory(
        parent=index, thematic_areas=[vocabularies.areas["infrastructure"]]
    )
    # Added second in the editor, which numbers the rows in their order.
    page.thematic_areas.add(
        OpportunityThematicArea(area=vocabularies.areas["cybersecurity"], sort_order=1)
    )
    page.title = "A draft title"

    request = rf.get("/")
    request.user = admin_user
    response = page.make_preview_request(request)

    assert response.status_code == 200
    soup = parse(response)
    terms = [li.get_text(strip=True) for li in soup.select("section.summary li")]
    assert terms[:2] == ["Infrastructure", "Cybersecurity"]


# --- Queries -------------------------------------------------------------------------------


def _queries_for(client, url):
    client.get(url)  # warm: site root paths, content types
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _page_with(index, vocabularies, count, locales):
    areas = list(vocabularies.areas.values())
    regions = list(vocabularies.regions.values())
    goals = list(vocabularies.goals.values())
    kinds = list(vocabularies.partner_kinds.values())
    countries = list(vocabularies.countries.values())
    materials = []
    for number in range(count):
        material = MaterialFactory(kind=Material.Kind.BRIEF)
        if number % 2:
            translate_material(
                material, locales["fr"], title=f"Note {number}", document=BriefDocumentFactory()
            )
        materials.append(material)
    return OpportunityPageFactory(
        parent=index,
        thematic_areas=[areas[n % len(areas)] for n in range(count)],
        regions=[regions[n % len(regions)] for n in range(count)],
        sdgs=[goals[n % len(goals)] for n in range(count)],
        partner_kinds=[kinds[n % len(kinds)] for n in range(count)],
        countries=[countries[n % len(countries)] for n in range(count)],
        materials=materials,
    )


def test_queries_do_not_grow_with_terms_and_material(
    client, index, vocabularies, locales, translated_home, translate
):
    translate(index, "fr", slug="opportunites")
    small = _page_with(index, vocabularies, 3, locales)
    large = _page_with(index, vocabularies, 10, locales)
    small_fr = translate(small, "fr")
    large_fr = translate(large, "fr")

    assert _queries_for(client, small.url) == _queries_for(client, large.url)
    assert _queries_for(client, small_fr.url) == _queries_for(client, large_fr.url)
