"""The add and edit forms of agreements and partners, posted through the admin."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.snippets.models import (
    Agreement,
    AgreementType,
    BeneficiaryRegion,
    Country,
    Partner,
    PartnerContact,
    PartnerKind,
    PartnerRegion,
    ThematicArea,
)

from .records import make_agreement, make_partner, term


def url(model, view, *args):
    return reverse(model.snippet_viewset.get_url_name(view), args=args)


@pytest.fixture
def terms(db):
    return {
        "mou": term(AgreementType, "mou", "Memorandum of understanding"),
        "addendum": term(AgreementType, "addendum", "Addendum", is_amendment=True),
        "cybersecurity": term(ThematicArea, "cybersecurity", "Cybersecurity"),
        "afr": term(BeneficiaryRegion, "afr", "Africa"),
        "arb": term(BeneficiaryRegion, "arb", "Arab States"),
    }


def agreement_post(terms, partners, **overrides):
    data = {
        "reference": "BDT-2017-101",
        "title": "Cybersecurity readiness in Africa",
        "agreement_type": terms["mou"].pk,
        "status": "active",
        "signature_date": "2017-03-14",
        "registered_on": "2017-03-20",
        "start_date": "2017-04-01",
        "end_date": "2019-03-31",
        "currency": "USD",
        "amount": "250000",
        "primary_area": terms["cybersecurity"].pk,
        "partner_links": inline_formset(
            [{"partner": partner.pk, "role": "funder"} for partner in partners]
        ),
        "tags": "cybersecurity, capacity",
    }
    data.update(overrides)
    form = nested_form_data(data)
    # Many-to-many fields post one value per choice.
    form["regions"] = [terms["afr"].pk, terms["arb"].pk]
    return form


def test_officer_adds_an_agreement_with_its_partners_and_regions(client, officer, terms):
    who = make_partner("World Health Organization", acronym="WHO")
    gsma = make_partner("GSM Association", acronym="GSMA")
    client.force_login(officer)
    response = client.post(url(Agreement, "add"), agreement_post(terms, [who, gsma]))
    assert response.status_code == 302, response.context["form"].errors

    agreement = Agreement.objects.get(reference="BDT-2017-101")
    assert [link.partner for link in agreement.partner_links.all()] == [who, gsma]
    assert set(agreement.regions.all()) == {terms["afr"], terms["arb"]}
    assert agreement.signature_date == datetime.date(2017, 3, 14)
    # An amount in US dollars is also the agreement's value in US dollars.
    assert agreement.amount_usd == Decimal("250000")
    assert set(agreement.tags.names()) == {"cybersecurity", "capacity"}


def test_officer_saves_an_agreement_for_several_countries(client, officer, terms):
    """Countries are held by their ISO code (django-countries), which modelcluster sorts
    in memory when several are set: saving two used to answer a server error."""
    senegal = Country.objects.create(code="SN", region=terms["afr"])
    egypt = Country.objects.create(code="EG", region=terms["arb"])
    who = make_partner("World Health Organization", acronym="WHO")
    client.force_login(officer)
    form = agreement_post(terms, [who])
    form["countries"] = [senegal.pk, egypt.pk]
    response = client.post(url(Agreement, "add"), form)
    assert response.status_code == 302, response.context["form"].errors
    agreement = Agreement.objects.get(reference="BDT-2017-101")
    assert [country.code for country in agreement.countries.all()] == ["EG", "SN"]


def test_officer_edits_an_agreement_and_replaces_its_partner(client, officer, terms):
    who = make_partner("World Health Organization")
    gates = make_partner("Bill & Melinda Gates Foundation")
    agreement = make_agreement("BDT-2016-001", partners=[who], regions=["afr"])
    link = agreement.partner_links.get()
    client.force_login(officer)
    data = agreement_post(
        terms,
        [],
        reference="BDT-2016-001",
        partner_links=inline_formset(
            [
                {"id": link.pk, "partner": who.pk, "role": "funder", "DELETE": "1"},
                {"partner": gates.pk, "role": "implementer"},
            ],
            initial=1,
        ),
    )
    response = client.post(url(Agreement, "edit", agreement.pk), data)
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert [(link.partner, link.role) for link in agreement.partner_links.all()] == [
        (gates, "implementer")
    ]
    assert set(agreement.regions.all()) == {terms["afr"], terms["arb"]}


def test_end_date_before_start_is_refused_and_typed_values_kept(client, officer, terms):
    who = make_partner("World Health Organization")
    client.force_login(officer)
    data = agreement_post(terms, [who], start_date="2018-01-01", end_date="2017-12-31")
    response = client.post(url(Agreement, "add"), data)

    assert response.status_code == 200
    assert not Agreement.objects.exists()
    form = response.context["form"]
    assert "end_date" in form.errors
    html = response.content.decode()
    assert "The end date cannot be before the start date." in html
    assert 'value="Cybersecurity readiness in Africa"' in html
    assert 'value="BDT-2017-101"' in html
    assert "2017-12-31" in html
    # The chosen partner and regions stay chosen.
    assert form.formsets["partner_links"].forms[0]["partner"].value() == str(who.pk)
    assert {str(pk) for pk in form["regions"].value()} == {
        str(terms["afr"].pk),
        str(terms["arb"].pk),
    }


def test_an_agreement_needs_at_least_one_partner(client, officer, terms):
    client.force_login(officer)
    response = client.post(url(Agreement, "add"), agreement_post(terms, []))
    assert response.status_code == 200
    assert not Agreement.objects.exists()
    assert response.context["form"].formsets["partner_links"].non_form_errors()


def test_only_an_addendum_may_amend_another_agreement(client, officer, terms):
    who = make_partner("World Health Organization")
    original = make_agreement("BDT-2014-001", partners=[who])
    client.force_login(officer)
    response = client.post(url(Agreement, "add"), agreement_post(terms, [who], parent=original.pk))
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors


def test_vocabulary_choices_offer_english_rows_only(client, officer, terms):
    french = terms["cybersecurity"].copy_for_translation(Locale.objects.get(language_code="fr"))
    french.name = "Cybersécurité"
    french.save()
    client.force_login(officer)
    response = client.get(url(Agreement, "add"))
    form = response.context["form"]
    assert list(form.fields["primary_area"].queryset) == [terms["cybersecurity"]]
    assert "Cybersécurité" not in response.content.decode()


def test_partner_chooser_offers_english_partners_and_finds_by_acronym(client, officer):
    who = make_partner("World Health Organization", acronym="WHO")
    make_partner("GSM Association", acronym="GSMA")
    who.copy_for_translation(Locale.objects.get(language_code="fr")).save()
    client.force_login(officer)
    chooser = reverse(Partner.snippet_viewset.chooser_viewset.get_url_name("choose_results"))
    response = client.get(chooser)
    assert {row.locale.language_code for row in response.context["results"]} == {"en"}
    response = client.get(chooser, {"q": "who"})
    assert list(response.context["results"]) == [who]


def test_chain_value_is_shown_on_amendments_only(client, officer, terms):
    who = make_partner("World Health Organization")
    original = make_agreement("BDT-2014-001", partners=[who], amount_usd=Decimal("100000"))
    addendum = make_agreement(
        "BDT-2015-002",
        partners=[who],
        agreement_type=terms["addendum"],
        parent=original,
        amount_usd=Decimal("25000"),
    )
    lone = make_agreement("BDT-2015-003", partners=[who], amount_usd=Decimal("7000"))
    client.force_login(officer)
    for agreement in (original, addendum):
        html = client.get(url(Agreement, "edit", agreement.pk)).content.decode()
        assert "Value of the amendment chain" in html
        assert "USD\xa0125,000" in html
    html = client.get(url(Agreement, "edit", lone.pk)).content.decode()
    assert "Value of the amendment chain" not in html


# --- Internal fields of partners ------------------------------------------------------------


@pytest.fixture
def who(db):
    partner = make_partner(
        "World Health Organization",
        acronym="WHO",
        internal_notes="Renewal under negotiation with the DG's office",
    )
    PartnerContact.objects.create(partner=partner, name="Dr Ana Contact", email="ana@who.int")
    PartnerRegion.objects.create(partner=partner, region=term(BeneficiaryRegion, "afr"))
    return partner


def test_officers_see_and_edit_internal_notes_and_contacts(client, officer, who):
    client.force_login(officer)
    response = client.get(url(Partner, "edit", who.pk))
    html = response.content.decode()
    assert "Renewal under negotiation" in html
    assert "Dr Ana Contact" in html
    assert "contacts" in response.context["form"].formsets


@pytest.fixture
def who_in_french(who):
    """The partner's French row, which the French translator may edit (not the English one)."""
    french = who.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.save()
    return french


@pytest.mark.parametrize("view", ["edit", "inspect"])
def test_translators_do_not_see_internal_notes_or_contacts(client, translator, who_in_french, view):
    client.force_login(translator)
    response = client.get(url(Partner, view, who_in_french.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "World Health Organization" in html
    assert "Renewal under negotiation" not in html
    assert "Dr Ana Contact" not in html
    assert "ana@who.int" not in html


def test_editors_read_partners_without_internal_fields(client, editor, who):
    client.force_login(editor)
    # Editors may only read partners: no edit form, an inspect page instead.
    assert client.get(url(Partner, "edit", who.pk)).status_code == 302
    response = client.get(url(Partner, "inspect", who.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "World Health Organization" in html
    assert "Renewal under negotiation" not in html
    assert "Dr Ana Contact" not in html


def test_inspect_page_shows_internal_fields_to_officers(client, officer, who):
    client.force_login(officer)
    html = client.get(url(Partner, "inspect", who.pk)).content.decode()
    assert "Renewal under negotiation" in html
    assert "Dr Ana Contact" in html


def test_translator_saving_a_partner_keeps_its_internal_fields(client, translator, who_in_french):
    who = who_in_french
    region_link = who.beneficiary_regions.get()
    client.force_login(translator)
    data = nested_form_data(
        {
            "name": "World Health Organization",
            "acronym": "WHO",
            "aliases": "OMS",
            "kind": who.kind_id,
            "priority_areas": inline_formset([]),
            "beneficiary_regions": inline_formset(
                [{"id": region_link.pk, "region": region_link.region_id}], initial=1
            ),
            "beneficiary_countries": inline_formset([]),
            "funding_types": inline_formset([]),
        }
    )
    response = client.post(url(Partner, "edit", who.pk), data)
    assert response.status_code == 302, response.context["form"].errors
    who.refresh_from_db()
    assert who.aliases == "OMS"
    assert who.internal_notes == "Renewal under negotiation with the DG's office"
    assert list(who.contacts.values_list("name", flat=True)) == ["Dr Ana Contact"]


def test_translator_cannot_post_internal_notes(client, translator, who_in_french):
    who = who_in_french
    client.force_login(translator)
    data = nested_form_data(
        {
            "name": "Organisation mondiale de la santé",
            "kind": who.kind_id,
            "internal_notes": "Overwritten by a translator",
            "priority_areas": inline_formset([]),
            "beneficiary_regions": inline_formset([]),
            "beneficiary_countries": inline_formset([]),
            "funding_types": inline_formset([]),
            "contacts": inline_formset([{"name": "Intruder"}]),
        }
    )
    assert client.post(url(Partner, "edit", who.pk), data).status_code == 302
    who.refresh_from_db()
    assert who.name == "Organisation mondiale de la santé"  # the translation was saved
    assert who.internal_notes == "Renewal under negotiation with the DG's office"
    assert list(who.contacts.values_list("name", flat=True)) == ["Dr Ana Contact"]


def test_partner_kind_choices_are_english_terms(client, officer, db):
    government = term(PartnerKind, "government", "Government")
    government.copy_for_translation(Locale.objects.get(language_code="fr")).save()
    client.force_login(officer)
    form = client.get(url(Partner, "add")).context["form"]
    assert list(form.fields["kind"].queryset) == [government]


def test_officer_adds_vocabulary_terms_and_countries(client, officer, db):
    client.force_login(officer)
    response = client.post(
        url(AgreementType, "add") + "?locale=en",
        {"name": "Letter of intent", "code": "letter-of-intent", "sort_order": "4"},
    )
    assert response.status_code == 302
    letter = AgreementType.objects.get(code="letter-of-intent")
    assert letter.locale.language_code == "en"
    assert not letter.is_amendment

    africa = term(BeneficiaryRegion, "afr", "Africa")
    response = client.post(url(Country, "add"), {"code": "KE", "region": africa.pk})
    assert response.status_code == 302
    assert Country.objects.get(code="KE").region == africa


def test_editors_read_vocabularies_and_countries(client, editor, db):
    area = term(ThematicArea, "cybersecurity", "Cybersecurity")
    kenya = Country.objects.create(code="KE")
    client.force_login(editor)
    assert client.get(url(ThematicArea, "edit", area.pk)).status_code == 302
    assert "Cybersecurity" in client.get(url(ThematicArea, "inspect", area.pk)).content.decode()
    assert "Kenya" in client.get(url(Country, "inspect", kenya.pk)).content.decode()
