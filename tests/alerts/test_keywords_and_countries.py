"""Keywords and beneficiary countries in a subscriber's criteria (issue 20, item 7): chosen on
the registration and manage pages, kept in the consent history, and used by the matching; a
keyword is read with the search's analysis of the subscriber's language."""

import pytest
from django.core import mail

from cms.alerts.forms import MAX_KEYWORDS
from cms.alerts.links import token
from cms.alerts.matching import matching_subscribers
from cms.alerts.models import Match, Subscriber
from cms.pages.models import OpportunityCountry
from cms.snippets.models import Country
from tests.pages.html import parse

from . import built_once
from .conftest import publish

alerts_records, terms, site_pages = built_once.FIXTURES


@pytest.fixture
def countries(db):
    return {code: Country.objects.create(code=code) for code in ("SN", "KE", "BR")}


def _published(django_capture_on_commit_callbacks, page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        return publish(page)


def _alerted():
    """The organisations matched so far, by their address."""
    return sorted(Match.objects.values_list("subscriber__email", flat=True))


def test_registration_keeps_keywords_and_countries(register, countries):
    register(
        keywords=" écoles rurales, santé numérique ,écoles rurales،  5G ",
        countries=[countries["SN"].pk, countries["KE"].pk],
    )

    subscriber = Subscriber.objects.get()
    # Split at commas (the Arabic one too), trimmed, each once, in the order typed.
    assert subscriber.keywords == ["écoles rurales", "santé numérique", "5G"]
    assert sorted(str(c.code) for c in subscriber.countries.all()) == ["KE", "SN"]
    consent = subscriber.consents.get()
    assert consent.criteria["keywords"] == ["écoles rurales", "santé numérique", "5G"]
    assert consent.criteria["countries"] == ["KE", "SN"]


def test_the_form_offers_countries_by_name_in_the_visitors_language(client, site_pages, countries):
    page = parse(client.get(site_pages["fr_register"].url))
    options = [option.get_text(strip=True) for option in page.select("#alerts-countries option")]
    assert options == ["Brésil", "Kenya", "Sénégal"]
    assert page.select_one('label[for="alerts-keywords"]')


def test_keywords_refused_with_a_clear_message_and_nothing_lost(register, client):
    too_many = ", ".join(f"mot{n}" for n in range(MAX_KEYWORDS + 1))
    response = register(keywords=too_many)
    assert response.status_code == 400
    page = parse(response)
    assert page.select_one("#alerts-keywords")["value"] == too_many
    assert page.select_one("#alerts-keywords")["aria-invalid"] == "true"
    assert page.select_one(".error-summary a[href='#alerts-keywords']")
    assert not Subscriber.objects.exists()

    response = register(keywords="5G, ?!")
    assert response.status_code == 400
    assert "?!" in parse(response).select_one(".error-summary").get_text()
    assert not Subscriber.objects.exists()


def test_manage_page_changes_keywords_and_countries(client, confirmed, terms, countries):
    confirmed(keywords="cybersécurité", countries=[countries["SN"].pk])
    subscriber = Subscriber.objects.get()
    url = f"/fr/subscription/manage/{token(subscriber, 'manage')}/"

    page = parse(client.get(url))
    assert page.select_one("#alerts-keywords")["value"] == "cybersécurité"
    assert page.select_one(f'#alerts-countries option[value="{countries["SN"].pk}"]').has_attr(
        "selected"
    )

    response = client.post(
        url,
        {
            "action": "save",
            "language": "fr",
            "areas": [terms["cyber"].pk],
            "regions": [],
            "countries": [countries["KE"].pk, countries["BR"].pk],
            "keywords": "villages intelligents, 5G",
            "frequency": "immediate",
        },
    )

    assert response.status_code == 303
    subscriber.refresh_from_db()
    assert subscriber.keywords == ["villages intelligents", "5G"]
    assert sorted(str(c.code) for c in subscriber.countries.all()) == ["BR", "KE"]
    assert subscriber.consents.last().criteria["countries"] == ["BR", "KE"]


def test_countries_narrow_the_alerts(
    confirmed, draft_opportunity, countries, django_capture_on_commit_callbacks
):
    confirmed(email="dakar@example.sn", countries=[countries["SN"].pk])
    confirmed(email="everywhere@example.org")
    senegal = draft_opportunity("senegal-schools")
    senegal.countries = [OpportunityCountry(country=countries["SN"])]
    kenya = draft_opportunity("kenya-schools")
    kenya.countries = [OpportunityCountry(country=countries["KE"])]

    _published(django_capture_on_commit_callbacks, senegal)
    assert _alerted() == ["dakar@example.sn", "everywhere@example.org"]
    Match.objects.all().delete()
    _published(django_capture_on_commit_callbacks, kenya)
    assert _alerted() == ["everywhere@example.org"]


def test_an_english_keyword_finds_other_forms_of_its_words(
    confirmed, draft_opportunity, django_capture_on_commit_callbacks
):
    confirmed(email="schools@example.org", language="en", keywords="rural school, 5G")
    confirmed(email="farms@example.org", language="en", keywords="farming cooperatives")
    confirmed(email="no-keywords@example.org", language="en")
    mail.outbox.clear()

    _published(
        django_capture_on_commit_callbacks,
        draft_opportunity("connected-schools"),
        introduction="Connecting the Sahel's rural schools to broadband.",
    )

    # "rural school" finds "rural schools" (one stem); "farming cooperatives" is not there.
    assert _alerted() == ["no-keywords@example.org", "schools@example.org"]
    alerted = sorted(m.to[0] for m in mail.outbox if "List-Unsubscribe" in m.extra_headers)
    assert alerted == ["no-keywords@example.org", "schools@example.org"]


def test_all_words_of_a_phrase_must_be_there(
    confirmed, draft_opportunity, django_capture_on_commit_callbacks
):
    confirmed(email="phrase@example.org", language="en", keywords="rural hospitals")
    _published(
        django_capture_on_commit_callbacks,
        draft_opportunity("connected-schools"),
        introduction="Connecting rural schools and the hospitals of the capital.",
    )
    # Both words are in the text: the phrase matches, whatever lies between them.
    assert _alerted() == ["phrase@example.org"]
    confirmed(email="other@example.org", language="en", keywords="urban hospitals")
    page = draft_opportunity("clinics")
    page.introduction = "Connecting rural schools and the hospitals of the capital."
    assert [s.email for s in matching_subscribers(page)] == ["phrase@example.org"]


def test_a_french_keyword_is_read_in_french_when_the_translation_is_published(
    confirmed, draft_opportunity, translate, django_capture_on_commit_callbacks
):
    confirmed(email="ecoles@example.sn", language="fr", keywords="école rurale")
    page = _published(
        django_capture_on_commit_callbacks,
        draft_opportunity("connected-schools"),
        introduction="Connecting rural schools to broadband.",
    )
    # The English text alone does not have the French words.
    assert _alerted() == []

    with django_capture_on_commit_callbacks(execute=True):
        translate(
            page,
            "fr",
            "Écoles connectées",
            introduction="Relier les écoles rurales du Sahel au haut débit.",
        )
    # "école rurale" finds "écoles rurales" with the French analysis (accents folded, stems).
    assert _alerted() == ["ecoles@example.sn"]
    (alert,) = [m for m in mail.outbox if "List-Unsubscribe" in m.extra_headers]
    assert alert.to == ["ecoles@example.sn"]

    # A second publication of the translation tells nobody again.
    with django_capture_on_commit_callbacks(execute=True):
        publish(page.get_translation(page.locale.__class__.objects.get(language_code="fr")))
    assert Match.objects.count() == 1


def test_an_arabic_keyword_is_read_with_the_arabic_analysis(
    confirmed, draft_opportunity, translate, site_pages, django_capture_on_commit_callbacks
):
    translate(site_pages["index"].get_parent().specific, "ar", "شراكات")
    translate(site_pages["index"], "ar", "الفرص")
    confirmed(email="arab@example.org", language="ar", keywords="المدارس الريفية")
    page = _published(
        django_capture_on_commit_callbacks,
        draft_opportunity("connected-schools"),
        introduction="Connecting rural schools.",
    )
    assert _alerted() == []
    with django_capture_on_commit_callbacks(execute=True):
        translate(page, "ar", "مدارس متصلة", introduction="ربط مدارس ريفية بالإنترنت.")
    # The article taken off ("المدارس" / "مدارس"), as the site search reads Arabic.
    assert _alerted() == ["arab@example.org"]


def test_a_name_in_a_keyword_is_found_in_the_source_text(
    confirmed, draft_opportunity, django_capture_on_commit_callbacks
):
    confirmed(email="sahel@example.sn", language="fr", keywords="Sahel, 5G")
    _published(
        django_capture_on_commit_callbacks,
        draft_opportunity("connected-schools"),
        introduction="5G for the schools of the Sahel.",
    )
    assert _alerted() == ["sahel@example.sn"]


def test_subscriber_managers_read_keywords_and_countries(client, confirmed, countries):
    from cms.alerts.roles import SUBSCRIBER_MANAGERS
    from tests.snippets.admin.records import make_user

    confirmed(keywords="santé numérique, 5G", countries=[countries["SN"].pk])
    confirmed(email="everywhere@example.org")
    client.force_login(make_user("manager", SUBSCRIBER_MANAGERS))

    response = client.get("/admin/subscribers/?export=csv")
    export = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "santé numérique; 5G" in export
    assert "Senegal" in export and "Every country" in export
    subscriber = Subscriber.objects.get(email="awa.ndiaye@example.sn")
    record = client.get(f"/admin/subscribers/inspect/{subscriber.pk}/").content.decode()
    # As typed, not as the stored list (['santé numérique', '5G']).
    assert "santé numérique, 5G" in record
    assert "santé numérique&#x27;" not in record
