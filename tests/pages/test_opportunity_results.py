"""Issue 20, item 2: a funded or closed opportunity shows its progress reports (newest first,
each with its status light named in the visitor's language) and thanks by name the partners
that fund it through its public agreements, each linked to its profile; never a partner of a
confidential agreement, never an open call's reports."""

import datetime
import uuid

import pytest
from django.test import Client

from cms.core.page_cache import HIT_HEADER
from cms.pages.models import OpportunityPage, OpportunityProgressReport
from tests.pages.agreements.fixtures import make_agreement_site
from tests.pages.directory import data
from tests.pages.directory.fixtures import built_records, records  # noqa: F401
from tests.pages.html import parse

TODAY = datetime.date.today()

REPORTS = [
    # (days ago, light, English text, French text)
    (300, "on_track", "Inception workshop held in Hanoi.", "Atelier de lancement tenu à Hanoï."),
    (30, "completed", "All twelve villages connected.", "Les douze villages sont connectés."),
    (120, "delayed", "Equipment held at customs.", "Équipement retenu en douane."),
]


def _report(days, light, text, key, sort_order):
    return OpportunityProgressReport(
        date=TODAY - datetime.timedelta(days=days),
        status=light,
        text=text,
        translation_key=key,
        sort_order=sort_order,
    )


def make_funded_site():
    """The agreement pages' archive (Korea and Australia fund the opportunity through a
    public agreement), with the opportunity funded, three progress reports, a confidential
    agreement whose funder must never be thanked and a public one whose partner only
    implements; the opportunity in English, French and Arabic."""
    site = make_agreement_site()
    vocab, opportunity = site["vocab"], site["opportunity"]
    secret_funder = data.make_partner(vocab, "Hidden Donor Trust")
    implementer = data.make_partner(vocab, "Village Engineering Ltd")
    data.add_public_agreement(
        secret_funder,
        vocab,
        61,
        reference="CONF-FUND-0061",
        is_confidential=True,
        project_page=opportunity,
    )
    data.add_public_agreement(
        implementer,
        vocab,
        62,
        reference="PUB-IMPL-0062",
        partners=[(implementer, "implementer")],
        project_page=opportunity,
    )
    keys = [uuid.uuid4() for _report_ in REPORTS]
    opportunity.status = OpportunityPage.Status.FUNDED
    opportunity.progress_reports = [
        _report(days, light, english, key, order)
        for order, ((days, light, english, _french), key) in enumerate(
            zip(REPORTS, keys, strict=True)
        )
    ]
    opportunity.save_revision().publish()
    index = opportunity.get_parent().specific
    for code in ("fr", "ar"):
        data.translate_page(index, code)
        french = code == "fr"
        data.translate_page(
            opportunity,
            code,
            title="Villages intelligents au Viet Nam" if french else "قرى ذكية في فييت نام",
            progress_reports=[
                _report(days, light, french_text if french else f"[ar] {english}", key, order)
                for order, ((days, light, english, french_text), key) in enumerate(
                    zip(REPORTS, keys, strict=True)
                )
            ],
        )
    site.update(secret_funder=secret_funder, implementer=implementer)
    return site


@pytest.fixture(scope="module")
def built_once():
    return make_funded_site


@pytest.fixture
def site(records):  # noqa: F811 - the module's records (tests/module_records.py)
    return records


def _page(site, language):
    page = site["opportunity"].get_translation(site["homes"][language].locale)
    return page.url


def _funders(soup):
    section = soup.find("section", class_="funders")
    assert section is not None, "no funders section"
    return [(item.get_text(strip=True), item.find("a")) for item in section.find_all("li")]


def test_a_funded_opportunity_thanks_the_funders_of_its_public_agreements(site):
    response = Client().get(_page(site, "en"))
    soup = parse(response)
    assert soup.find("h2", id="funders-heading").get_text(strip=True) == "With thanks to"
    funders = dict(_funders(soup))
    assert set(funders) == {"Government of the Republic of Korea", "Government of Australia"}
    # The confidential agreement's funder and the implementing partner are never thanked.
    text = response.content.decode()
    assert "Hidden Donor Trust" not in text
    assert "Village Engineering Ltd" not in text
    # Each funder is linked to its profile, which names it.
    australia = site["australia"]
    link = funders["Government of Australia"]
    assert link is not None
    assert link["href"].startswith(f"/en/partners/{australia.pk}/")
    profile = Client().get(link["href"])
    assert profile.status_code == 200
    assert "Government of Australia" in profile.content.decode()


def test_funders_are_named_in_the_visitor_s_language_where_translated(site):
    soup = parse(Client().get(_page(site, "fr")))
    funders = dict(_funders(soup))
    assert "Gouvernement de la République de Corée" in funders
    assert funders["Gouvernement de la République de Corée"]["href"].startswith("/fr/partners/")
    assert soup.find("h2", id="funders-heading").get_text(strip=True) == "Avec nos remerciements à"


def test_progress_reports_are_newest_first_with_their_light_named_in_french(site):
    soup = parse(Client().get(_page(site, "fr")))
    section = soup.find("section", class_="progress")
    assert section.find("h2").get_text(strip=True) == "Avancement"
    reports = section.find_all("li", class_="progress-report")
    assert [r.find("span", class_="status-light").get_text(strip=True) for r in reports] == [
        "Achevé",
        "Retardé",
        "En bonne voie",
    ]
    assert [r.find("p", class_="progress-report__text").get_text() for r in reports] == [
        "Les douze villages sont connectés.",
        "Équipement retenu en douane.",
        "Atelier de lancement tenu à Hanoï.",
    ]
    dates = [r.find("time")["datetime"] for r in reports]
    assert dates == sorted(dates, reverse=True)
    # Each light has a shape of its own beside its name: colour is never the only sign.
    shapes = [r.find("svg").find(["circle", "path"]).name for r in reports]
    assert shapes == ["circle", "path", "circle"]
    assert reports[0].find("svg").find("path") is not None  # the tick of "completed"


def test_the_arabic_page_runs_right_to_left_with_arabic_lights(site):
    soup = parse(Client().get(_page(site, "ar")))
    html = soup.find("html")
    assert html["lang"] == "ar"
    assert html["dir"] == "rtl"
    lights = [s.get_text(strip=True) for s in soup.select(".progress-report .status-light")]
    assert lights == ["مكتمل", "متأخر", "يسير وفق الخطة"]
    # Korea has no Arabic name: its English name is marked as English, kept left to right.
    funders = dict(_funders(soup))
    korea = funders["Government of the Republic of Korea"]
    assert korea["lang"] == "en"
    assert korea["dir"] == "ltr"


def test_an_open_call_shows_no_reports_nor_funders(site):
    opportunity = site["opportunity"]
    opportunity.status = OpportunityPage.Status.OPEN
    opportunity.save_revision().publish()
    text = Client().get(_page(site, "en")).content.decode()
    assert "Equipment held at customs." not in text
    assert "With thanks to" not in text
    assert "Government of the Republic of Korea" not in text


def test_a_confidential_agreement_s_funder_leaves_the_cached_page(site):
    url = _page(site, "en")
    assert Client().get(url).status_code == 200
    cached = Client().get(url)
    assert cached[HIT_HEADER] == "hit"
    assert "Government of the Republic of Korea" in cached.content.decode()

    main = site["main"]
    main.is_confidential = True
    main.save()

    response = Client().get(url)
    assert response[HIT_HEADER] != "hit"
    assert "Government of the Republic of Korea" not in response.content.decode()


def test_a_funder_renamed_shows_on_the_cached_page(site):
    url = _page(site, "en")
    Client().get(url)
    assert Client().get(url)[HIT_HEADER] == "hit"
    korea = site["korea"]
    korea.name = "Republic of Korea, Ministry of Science and ICT"
    korea.save()
    response = Client().get(url)
    assert response[HIT_HEADER] != "hit"
    assert "Republic of Korea, Ministry of Science and ICT" in response.content.decode()


def test_a_new_public_agreement_s_funder_shows_on_the_cached_page(site):
    url = _page(site, "en")
    Client().get(url)
    assert Client().get(url)[HIT_HEADER] == "hit"
    data.add_public_agreement(
        site["secret_funder"],
        site["vocab"],
        63,
        reference="PUB-NEW-0063",
        project_page=site["opportunity"],
    )
    response = Client().get(url)
    assert response[HIT_HEADER] != "hit"
    assert "Hidden Donor Trust" in response.content.decode()


def test_a_progress_report_dated_in_the_future_is_refused():
    report = OpportunityProgressReport(
        date=TODAY + datetime.timedelta(days=3), status="on_track", text="Soon."
    )
    with pytest.raises(Exception) as refused:
        report.clean()
    assert "future" in str(refused.value)


def test_with_a_cdn_an_agreement_changed_purges_the_funded_opportunity_in_every_language(
    site, settings
):
    from unittest import mock

    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://cdn.example",
        }
    }
    purged = []

    def purge(batch, *args, **kwargs):
        purged.extend(batch.urls)

    main = site["main"]
    with mock.patch.object(PurgeBatch, "purge", purge):
        main.is_confidential = True
        main.save()
    opportunity = site["opportunity"]
    for language in ("en", "fr", "ar"):
        page = opportunity.get_translation(site["homes"][language].locale)
        assert page.get_full_url() in purged, language
