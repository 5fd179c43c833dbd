"""In a real browser: a partnership officer opens an agreement from the archive's listing and
lands on its read-only record (issue 19, item 4), with its partners and its amendment chain
linked, its state said, and no serious accessibility violation (axe-core); in English and in
Arabic, right to left.

The tests only read: the archive and the two officers are built once for the module
(`committed_for_module`)."""

import datetime
from decimal import Decimal

import pytest

from cms.core.roles import OFFICERS
from cms.snippets.models import AgreementType
from tests.browser.module_data import committed_for_module
from tests.browser.test_admin_languages_in_browser import sign_in
from tests.snippets.admin.records import make_agreement, make_partner, term
from tests.snippets.admin.staff_language import make_staff_user

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("module_data_db")]
LANGUAGES = ("en", "ar")


def make_archive():
    who = make_partner("World Health Organization", kind="un-agency", acronym="WHO")
    itu = make_partner("International Telecommunication Union", kind="un-agency", acronym="ITU")
    original = make_agreement(
        "BDT-2015-017",
        title="Be He@lthy, Be Mobile",
        partners=[who, itu],
        signature_date=datetime.date(2015, 3, 2),
        amount_usd=Decimal("1000000"),
    )
    addendum = make_agreement(
        "BDT-2016-031",
        title="Addendum to Be He@lthy, Be Mobile",
        partners=[who],
        agreement_type=term(AgreementType, "addendum", "Addendum", is_amendment=True),
        parent=original,
        signature_date=datetime.date(2016, 1, 20),
        amount_usd=Decimal("250000"),
    )
    return original, addendum


def build_records():
    """The archive, and an officer whose admin is in each language of the tests."""
    for language in LANGUAGES:
        make_staff_user(f"officer-{language}", language, OFFICERS)
    return make_archive()


@pytest.fixture(scope="module")
def archive(django_db_blocker):
    yield from committed_for_module(django_db_blocker, build_records)


@pytest.mark.parametrize(
    ("language", "locale", "direction", "chain_heading"),
    [("en", "en-GB", "ltr", "Amendment chain"), ("ar", "ar", "rtl", "سلسلة التعديلات")],
)
def test_an_officer_opens_an_agreement_on_its_read_only_record(
    open_page, live_server, archive, axe_violations, language, locale, direction, chain_heading
):
    original, addendum = archive
    page = sign_in(open_page, live_server, f"officer-{language}", locale)

    page.goto(live_server.url + "/admin/snippets/snippets/agreement/")
    page.locator(".listing td.title a", has_text="BDT-2016-031").click()
    page.wait_for_url(f"**/admin/snippets/snippets/agreement/inspect/{addendum.pk}/")

    assert page.locator("html").get_attribute("dir") == direction
    # Read-only: no field to type in, and "Edit" is a button of its own for the officer.
    assert page.locator("main input:not([type=hidden]), main textarea").count() == 0
    edit = f"/admin/snippets/snippets/agreement/edit/{addendum.pk}/"
    assert page.locator(f"header a.w-header-button[href='{edit}']").is_visible()

    partners = page.locator("#record-partners")
    assert partners.locator("a", has_text="World Health Organization").is_visible()
    chain = page.locator("#record-chain")
    assert chain.locator("h2").inner_text() == chain_heading
    assert chain.locator("li").count() == 2
    assert chain.locator("[aria-current]").inner_text() == "BDT-2016-031"
    assert page.locator(".record__flags").is_visible()
    assert axe_violations(page) == []

    # Up the chain to the original agreement, then to a partner's record.
    chain.locator("a", has_text="BDT-2015-017").click()
    page.wait_for_url(f"**/admin/snippets/snippets/agreement/inspect/{original.pk}/")
    assert page.locator("#record-chain li").count() == 2
    page.locator("#record-partners a", has_text="International Telecommunication Union").click()
    page.wait_for_url("**/admin/snippets/snippets/partner/inspect/*/")
    agreements = page.locator("#record-agreements")
    assert agreements.locator("a", has_text="BDT-2015-017").is_visible()
    assert axe_violations(page) == []
