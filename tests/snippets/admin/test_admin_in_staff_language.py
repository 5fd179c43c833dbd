"""The admin in the staff member's language (French, Spanish, Russian, Arabic and Chinese):
vocabulary terms in listings, filters, form choices and choosers, column headers, yes/no,
Wagtail's strings that are worked out at start-up or left out of its catalogues, the
workflow's name and the refusal message; and no interface word left in English on the main
screens (the browser test does the same in Chromium, with the text as displayed)."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.views.defaults import permission_denied
from wagtail.models import Site

from cms.snippets.models import MembershipCategory, Partner, PartnerKind, ThematicArea
from tests.pages.html import parse
from tests.rollback import refetched, rolled_back

from .records import make_partner
from .staff_language import (
    STAFF_LANGUAGES,
    TERMS,
    admin_screens,
    english_leftovers,
    make_admin_records,
    make_editor,
    make_officer,
    make_terms,
)


def build_admin_records():
    return make_admin_records(Site.objects.get(is_default_site=True).root_page.specific)


# Built once for the module (every test reads them), each test in a savepoint of its own.
@pytest.fixture(scope="module")
def admin_records(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, build_admin_records)


@pytest.fixture
def records(db, admin_records):
    return refetched(admin_records)


@pytest.fixture
def french_client(client, records):
    client.force_login(make_officer("fr"))
    return client


@pytest.mark.parametrize("language", STAFF_LANGUAGES)
def test_no_interface_word_is_left_in_english_on_the_main_screens(client, records, language):
    client.force_login(make_officer(language))
    leftovers = {}
    for name, url in admin_screens(records):
        response = client.get(url)
        assert response.status_code == 200, name
        words = english_leftovers(response.content.decode(), language)
        if words:
            leftovers[name] = sorted(set(words))
    assert leftovers == {}


def rows(response):
    """The listing's rows, each as the text of its cells."""
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in parse(response).select("table.listing tbody tr")
    ]


def headers(response):
    return [th.get_text(" ", strip=True) for th in parse(response).select("table.listing th")]


def test_the_partner_listing_names_terms_and_columns_in_french(french_client):
    response = french_client.get("/admin/snippets/snippets/partner/")

    (row,) = rows(response)
    assert "Entreprise privée" in row
    assert "Membre de Secteur" in row
    assert "Private company" not in row
    assert {"Langue", "Mis à jour", "Partenaire financier"} <= set(headers(response))
    assert "Locale" not in headers(response)
    icon = parse(response).select_one("table.listing tbody td svg.icon-check").parent
    assert icon["title"] == "Oui"


@pytest.mark.parametrize("language", STAFF_LANGUAGES)
def test_the_partner_filters_and_form_offer_terms_in_the_staff_language(client, records, language):
    client.force_login(make_officer(language))
    company = TERMS[(PartnerKind, "company")]
    sector_member = TERMS[(MembershipCategory, "sector-member")]

    listing = parse(client.get("/admin/snippets/snippets/partner/"))
    # Several kinds may be ticked at once: each is a labelled checkbox.
    kinds = [label.get_text(strip=True) for label in listing.select("#id_kind label")]
    assert company[language] in kinds
    assert company["en"] not in kinds

    form = parse(client.get(f"/admin/snippets/snippets/partner/edit/{records['partner'].pk}/"))
    categories = [
        option.get_text(strip=True) for option in form.select("#id_membership_category option")
    ]
    assert sector_member[language] in categories
    assert sector_member["en"] not in categories
    assert "Choose another country" not in form.get_text()


def test_the_agreement_form_names_areas_and_currencies_in_french(french_client, records):
    form = parse(
        french_client.get(f"/admin/snippets/snippets/agreement/edit/{records['agreement'].pk}/")
    )

    areas = [option.get_text(strip=True) for option in form.select("#id_primary_area option")]
    assert "Cybersécurité" in areas
    secondary = [label.get_text(strip=True) for label in form.select("#id_secondary_areas label")]
    assert "Renforcement des capacités" in secondary
    currencies = {o["value"]: o.get_text(strip=True) for o in form.select("#id_currency option")}
    assert currencies["CHF"] == "CHF – franc suisse"
    assert "Choose another agreement" not in form.get_text()
    assert "Choisir un autre accord" in form.get_text()


@pytest.mark.parametrize(
    ("language", "currency"),
    [
        ("fr", "USD – dollar des États-Unis"),
        ("es", "USD – dólar estadounidense"),
        ("ru", "USD – доллар США"),
        ("ar", "USD – دولار أمريكي"),
        ("zh-hans", "USD – 美元"),
    ],
)
def test_the_agreement_record_names_its_currency_in_the_staff_language(
    client, records, language, currency
):
    client.force_login(make_officer(language))

    response = client.get(f"/admin/snippets/snippets/agreement/inspect/{records['agreement'].pk}/")

    text = parse(response).get_text(" ", strip=True)
    assert currency in text
    assert "US Dollar" not in text


@pytest.mark.parametrize("language", STAFF_LANGUAGES)
def test_the_vocabulary_chooser_names_terms_in_the_staff_language(client, records, language):
    client.force_login(make_officer(language))
    cybersecurity = TERMS[(ThematicArea, "cybersecurity")]

    response = client.get("/admin/snippets/choose/snippets/thematicarea/")

    assert response.status_code == 200
    titles = [
        link.get_text(strip=True)
        for link in BeautifulSoup(response.json()["html"], "html.parser").select(
            "[data-chooser-modal-choice]"
        )
    ]
    assert cybersecurity[language] in titles
    assert cybersecurity["en"] not in titles


def test_membership_discounts_name_categories_in_french(french_client):
    response = french_client.get("/admin/sponsorship/discounts/")

    categories = {row[0] for row in rows(response)}
    assert {"État Membre", "Membre de Secteur", "Établissement universitaire"} <= categories
    assert "Sector Member" not in categories


def test_the_opportunity_is_submitted_to_the_workflow_by_its_french_name(french_client, records):
    response = french_client.get(f"/admin/pages/{records['opportunity'].pk}/edit/")

    text = parse(response).get_text(" ", strip=True)
    assert "Soumettre à Modération des opportunités" in text
    assert "Opportunity moderation" not in text


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "fr",
            "Désolé, vous n’avez pas l’autorisation d’accéder à cette partie de l’interface "
            "d’administration.",
        ),
        (
            "es",
            "Lo sentimos, no tiene permiso para acceder a esta parte de la interfaz de "
            "administración.",
        ),
        ("ru", "К сожалению, у вас нет доступа к этому разделу интерфейса администрирования."),
        ("ar", "عذراً، ليس لديك إذن بالوصول إلى هذا القسم من واجهة الإدارة."),
        ("zh-hans", "抱歉，您无权访问管理界面的这一部分。"),
    ],
)
def test_a_refused_page_says_so_in_the_staff_members_language(client, records, language, message):
    client.force_login(make_editor(language))

    response = client.get("/admin/imports/", follow=True)

    assert response.redirect_chain == [("/admin/", 302)]
    text = parse(response).get_text(" ", strip=True)
    assert message in text
    assert "Sorry, you do not have permission" not in text


def test_a_refusal_outside_wagtails_views_is_an_admin_page_in_french(rf, records):
    """Django's own refusal page says "403 Forbidden" in English; the project's is the
    admin's page in the staff member's language."""
    request = rf.get("/admin/translations/")
    request.user = make_officer("fr")

    with translation.override("fr"):
        response = permission_denied(request, exception=None)

    assert response.status_code == 403
    text = parse(response).get_text(" ", strip=True)
    assert "Accès refusé" in text
    assert "403 Forbidden" not in text


def count_queries(client, url):
    # Warm: the vocabularies kept in the shared cache are read again after a change.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_terms_in_the_staff_language_cost_the_same_queries_for_3_and_10_partners(
    french_client,
):
    make_terms()
    kinds = list(PartnerKind.objects.filter(locale__language_code="en"))
    categories = list(MembershipCategory.objects.filter(locale__language_code="en"))

    def add_partners(count):
        for number in range(count):
            make_partner(
                f"Partner {Partner.objects.count()}",
                kind=kinds[number % len(kinds)].code,
                membership_category=categories[number % len(categories)],
            )

    add_partners(2)  # 3 with the records' own
    french_client.get("/admin/snippets/snippets/partner/")  # what the first visit only reads
    few = count_queries(french_client, "/admin/snippets/snippets/partner/")
    add_partners(7)
    assert count_queries(french_client, "/admin/snippets/snippets/partner/") == few


@pytest.mark.parametrize("language", STAFF_LANGUAGES)
def test_import_errors_are_written_in_the_staff_members_language(client, records, language):
    client.force_login(make_officer(language))
    data = (
        b"reference,title,type,partners,signature_date,amount,currency,regions,primary_area\n"
        b"IMP-00001,Acme Networks cyber drills,xyz,Acme Networks,2016-03-01,100,EUR,afr,"
        b"cybersecurity\n"
    )

    response = client.post(
        reverse("imports:import"),
        {"kind": "agreements", "file": SimpleUploadedFile("a.csv", data)},
        follow=True,
    )

    assert response.status_code == 200
    text = parse(response).get_text(" ", strip=True)
    assert "xyz" in text
    assert "is not a known" not in text
    assert english_leftovers(response.content.decode(), language) == []
