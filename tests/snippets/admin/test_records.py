"""The read-only record pages of partners and agreements (issue 19, item 4): what a listing
opens for each role, what each role sees on them (confidential agreements, signed documents,
contacts), the links between records, the amendment chain and its value, and their queries,
which do not grow with the number of partners, agreements or amendments."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection, Locale

from cms.core.formats import format_date
from cms.core.money import format_usd
from cms.snippets.models import Agreement, AgreementPartner, AgreementType, Partner, PartnerContact
from tests.pages.html import parse

from .records import make_agreement, make_partner, make_user, term
from .staff_language import make_officer


def url(model, name, instance=None):
    viewset = model.snippet_viewset
    args = [instance.pk] if instance is not None else []
    return reverse(viewset.get_url_name(name), args=args)


def record_url(instance):
    return url(type(instance), "inspect", instance)


def edit_url(instance):
    return url(type(instance), "edit", instance)


def section(page, key):
    """The section of a record page (its heading and content), parsed."""
    found = page.select_one(f"#record-{key}")
    assert found is not None, key
    return found


def fields(part):
    """{label: value} of a section's definition list, as text."""
    return {
        field.dt.get_text(" ", strip=True): field.dd.get_text(" ", strip=True)
        for field in part.select(".record__field")
    }


def links(part):
    return {a.get_text(" ", strip=True): a["href"] for a in part.select("a[href]")}


def open_page(client, address):
    response = client.get(address)
    assert response.status_code == 200
    return parse(response)


def addendum_type():
    return term(AgreementType, "addendum", "Addendum", is_amendment=True)


def signed_document(title="Signed MoU Gates"):
    return Document.objects.create(
        title=title,
        collection=Collection.objects.get(name=settings.SIGNED_AGREEMENTS_COLLECTION),
        file=ContentFile(b"%PDF-1.4 signed", name="signed.pdf"),
    )


@pytest.fixture
def archive(db):
    """Two partners, an original agreement with two addenda (one of them amended again), a
    confidential agreement and a signed document."""
    gates = make_partner(
        "Bill & Melinda Gates Foundation",
        kind="foundation",
        is_funding_partner=True,
        internal_notes="Prefers joint proposals.",
    )
    PartnerContact.objects.create(partner=gates, name="Ada Lovelace", email="ada@example.org")
    who = make_partner("World Health Organization", kind="un-agency", acronym="WHO")
    original = make_agreement(
        "BDT-2015-017",
        title="Be He@lthy, Be Mobile",
        partners=[who, gates],
        signature_date=datetime.date(2015, 3, 2),
        amount_usd=Decimal("1000000"),
        signed_document=signed_document(),
    )
    first = make_agreement(
        "BDT-2016-031",
        title="First addendum",
        partners=[who],
        agreement_type=addendum_type(),
        parent=original,
        signature_date=datetime.date(2016, 1, 20),
        amount_usd=Decimal("250000"),
    )
    second = make_agreement(
        "BDT-2017-002",
        title="Addendum to the first addendum",
        partners=[who],
        agreement_type=addendum_type(),
        parent=first,
        signature_date=datetime.date(2017, 2, 1),
        amount_usd=Decimal("50000"),
    )
    secret = make_agreement(
        "BDT-2017-004",
        title="Financial Inclusion Global Initiative",
        partners=[gates],
        is_confidential=True,
        amount_usd=Decimal("1500000"),
    )
    return {
        "gates": gates,
        "who": who,
        "original": original,
        "first": first,
        "second": second,
        "secret": secret,
    }


@pytest.fixture
def auditor(db):
    """Staff who may read the archive but are not partnership officers: the signed
    documents' private collection does not let them download."""
    user = make_user("auditor", is_staff=True)
    for app_label, codename in [
        ("wagtailadmin", "access_admin"),
        ("snippets", "view_agreement"),
        ("snippets", "view_partner"),
    ]:
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


# --- The listings open the record pages -----------------------------------------------------


def title_links(client, model):
    """The addresses the titles of a listing's rows lead to."""
    page = open_page(client, url(model, "list"))
    return [row.select_one("td a")["href"] for row in page.select("table.listing tbody tr")]


@pytest.mark.parametrize(
    ("role", "model"),
    [
        ("officer", Agreement),
        ("officer", Partner),
        ("superuser", Agreement),
        ("editor", Partner),
        ("translator", Partner),
    ],
)
def test_a_listing_opens_the_record_page_for_every_role(client, request, archive, role, model):
    client.force_login(request.getfixturevalue(role))
    found = title_links(client, model)
    expected = {record_url(row) for row in model.objects.all()}
    assert set(found) == expected


@pytest.mark.parametrize(
    ("role", "key", "may_edit"),
    [
        ("officer", "original", True),
        ("officer", "gates", True),
        ("superuser", "original", True),
        ("auditor", "original", False),
        ("editor", "gates", False),
        ("translator", "gates", True),  # translators change partners (their language's row)
    ],
)
def test_the_edit_button_is_there_for_those_who_may_edit(
    client, request, archive, role, key, may_edit
):
    record = archive[key]
    client.force_login(request.getfixturevalue(role))
    page = open_page(client, record_url(record))
    header_links = {a["href"] for a in page.select("header a.w-header-button")}
    assert (edit_url(record) in header_links) is may_edit
    # A record page changes nothing: no form to submit on it.
    assert not page.select("main form[method=post]")


# --- The agreement's record -----------------------------------------------------------------


def test_the_agreement_record_links_its_partners_and_its_amendment_chain(client, officer, archive):
    client.force_login(officer)
    page = open_page(client, record_url(archive["first"]))

    assert links(section(page, "partners")) == {
        "World Health Organization (WHO)": record_url(archive["who"])
    }
    chain = section(page, "chain")
    items = [item.get_text(" ", strip=True) for item in chain.select("li")]
    assert [item.split(" ")[0] for item in items] == [
        "BDT-2015-017",
        "BDT-2016-031",
        "BDT-2017-002",
    ]
    # The parent and the amendment are links; the agreement itself is marked, not linked.
    assert links(chain) == {
        "BDT-2015-017": record_url(archive["original"]),
        "BDT-2017-002": record_url(archive["second"]),
    }
    assert chain.select_one("[aria-current]").get_text(strip=True) == "BDT-2016-031"
    # The chain's value: 1,000,000 + 250,000 + 50,000.
    assert fields(chain) == {"Value of the amendment chain": format_usd(Decimal("1300000"))}


def test_the_agreement_record_says_it_is_public_or_confidential(client, officer, archive):
    client.force_login(officer)
    public = open_page(client, record_url(archive["original"])).select_one(".record__flags")
    assert "Public" in public.get_text()
    secret = open_page(client, record_url(archive["secret"])).select_one(".record__flags")
    assert "Confidential" in secret.get_text()
    assert "partnership officers only" in secret.get_text()


def test_the_agreement_record_shows_dates_money_and_terms(client, officer, archive):
    client.force_login(officer)
    page = open_page(client, record_url(archive["original"]))
    assert fields(section(page, "agreement"))["Signature date"] == "2 March 2015"
    assert fields(section(page, "agreement"))["Start date"] == "—"
    assert fields(section(page, "value"))["Value in USD"] == format_usd(Decimal("1000000"))
    assert fields(section(page, "scope"))["Beneficiary regions"] == "AFR – Afr"


@pytest.mark.parametrize(("role", "may_open"), [("officer", True), ("superuser", True)])
def test_officers_open_the_signed_document_from_the_record(
    client, request, archive, role, may_open
):
    client.force_login(request.getfixturevalue(role))
    documents = section(open_page(client, record_url(archive["original"])), "documents")
    document = archive["original"].signed_document
    assert links(documents) == {"Signed MoU Gates": document.url}


def test_others_who_read_the_archive_are_told_a_signed_document_exists(client, auditor, archive):
    client.force_login(auditor)
    documents = section(open_page(client, record_url(archive["original"])), "documents")
    assert links(documents) == {}
    assert "only partnership officers may open it" in documents.get_text()
    assert archive["original"].signed_document.url not in str(documents)

    client.force_login(auditor)
    documents = section(open_page(client, record_url(archive["first"])), "documents")
    assert "No signed document on file." in documents.get_text()


@pytest.mark.parametrize("role", ["editor", "translator", "staff_without_rights"])
def test_roles_without_the_archive_cannot_open_an_agreement_record(client, request, archive, role):
    client.force_login(request.getfixturevalue(role))
    for key in ("original", "secret"):
        response = client.get(record_url(archive[key]))
        assert response.status_code in (302, 403, 404)
        assert archive[key].title not in response.content.decode()


# --- The partner's record -------------------------------------------------------------------


def agreement_rows(page):
    return {
        row.select("td")[0].get_text(strip=True): row.select_one("td a")
        for row in section(page, "agreements").select("tbody tr")
    }


def test_officers_see_every_agreement_of_a_partner_linked(client, officer, archive):
    client.force_login(officer)
    page = open_page(client, record_url(archive["gates"]))
    rows = agreement_rows(page)
    assert set(rows) == {"BDT-2015-017", "BDT-2017-004"}
    assert rows["BDT-2017-004"]["href"] == record_url(archive["secret"])
    assert "Only public agreements" not in page.get_text()


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_other_roles_see_a_partners_public_agreements_only_unlinked(client, request, archive, role):
    client.force_login(request.getfixturevalue(role))
    page = open_page(client, record_url(archive["gates"]))
    rows = agreement_rows(page)
    assert set(rows) == {"BDT-2015-017"}
    assert rows["BDT-2015-017"] is None  # they may not open the archive
    assert "Financial Inclusion Global Initiative" not in page.get_text()
    assert "Only public agreements are listed" in page.get_text()


@pytest.mark.parametrize(("role", "sees"), [("officer", True), ("editor", False)])
def test_contacts_and_internal_notes_are_for_officers(client, request, archive, role, sees):
    client.force_login(request.getfixturevalue(role))
    page = open_page(client, record_url(archive["gates"]))
    text = page.get_text()
    assert ("Ada Lovelace" in text) is sees
    assert ("Prefers joint proposals." in text) is sees
    assert bool(page.select("#record-internal")) is sees


def test_the_partner_record_lists_and_links_its_language_versions(client, officer, archive):
    gates = archive["gates"]
    arabic = gates.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.name = "مؤسسة بيل وميليندا غيتس"
    arabic.save()
    client.force_login(officer)

    versions = section(open_page(client, record_url(gates)), "languages")
    assert links(versions) == {"مؤسسة بيل وميليندا غيتس": record_url(arabic)}
    assert versions.select_one("[aria-current]").get_text(strip=True) == gates.name
    assert versions.select_one("a")["lang"] == "ar"

    # The Arabic row lists the agreements signed with the English one.
    page = open_page(client, record_url(arabic))
    assert set(agreement_rows(page)) == {"BDT-2015-017", "BDT-2017-004"}


def test_an_agreement_names_its_partners_in_the_staff_language(client, archive):
    who = archive["who"]
    french = who.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.name = "Organisation mondiale de la Santé"
    french.save()
    client.force_login(make_officer("fr"))
    page = open_page(client, record_url(archive["first"]))
    assert links(section(page, "partners")) == {
        "Organisation mondiale de la Santé (WHO)": record_url(french)
    }


def test_the_record_reads_in_arabic_right_to_left(client, archive):
    client.force_login(make_officer("ar"))
    page = open_page(client, record_url(archive["original"]))
    assert page.html["dir"] == "rtl"
    assert page.html["lang"] == "ar"
    assert section(page, "chain").h2.get_text(strip=True) == "سلسلة التعديلات"
    # Money and dates as Arabic writes them (cms.core.formats), not as English does.
    values = fields(section(page, "value")).values()
    assert format_usd(Decimal("1000000"), language="ar") in values
    assert "USD 1,000,000" not in values
    dates = fields(section(page, "agreement")).values()
    assert format_date(datetime.date(2015, 3, 2), language="ar") in dates


# --- Queries ----------------------------------------------------------------------------------


def count_queries(client, address):
    client.get(address)  # warm: vocabularies kept in the shared cache are read once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


def test_agreement_record_queries_do_not_grow_with_partners_or_amendments(client, officer):
    client.force_login(officer)
    partners = [make_partner(f"Partner {n}") for n in range(12)]
    original = make_agreement("BDT-2015-100", partners=partners[:1])
    make_agreement(
        "BDT-2015-101", partners=partners[:1], agreement_type=addendum_type(), parent=original
    )
    few = count_queries(client, record_url(original))
    assert len(section(open_page(client, record_url(original)), "chain").select("li")) == 2

    for partner in partners[1:]:
        AgreementPartner.objects.create(agreement=original, partner=partner)
    for n in range(2, 12):
        make_agreement(
            f"BDT-2015-1{n:02d}",
            partners=partners[:2],
            agreement_type=addendum_type(),
            parent=original,
        )
    assert count_queries(client, record_url(original)) == few
    page = open_page(client, record_url(original))
    assert len(section(page, "partners").select("li")) == 12
    assert len(section(page, "chain").select("li")) == 12


def test_partner_record_queries_do_not_grow_with_agreements_or_languages(client, officer):
    client.force_login(officer)
    partner = make_partner("Global Fund for Connectivity")
    make_agreement(partners=[partner])
    few = count_queries(client, record_url(partner))

    for _ in range(15):
        make_agreement(partners=[partner], amount_usd=Decimal("1000"))
    for code in ("fr", "es", "ru", "ar"):
        partner.copy_for_translation(Locale.objects.get(language_code=code)).save()
    assert count_queries(client, record_url(partner)) == few
