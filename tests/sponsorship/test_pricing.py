"""Prices by membership category, computed on the server whatever the form says."""

from decimal import Decimal

import pytest

from cms.sponsorship import pricing
from cms.sponsorship.models import SponsorshipApplication

from .conftest import form_data

# gold: 50,000 base; booth option 5,000. Sector Members have 12.5 % on gold (package
# discount), others the defaults: Member State 20 %, Associate 5 %, Academia 50 %, none 0.
EXPECTED_GOLD = {
    "member-state": (Decimal("40000.00"), Decimal("44000.00")),
    "sector-member": (Decimal("43750.00"), Decimal("48125.00")),
    "associate": (Decimal("47500.00"), Decimal("52250.00")),
    "academia": (Decimal("25000.00"), Decimal("27500.00")),
    "none": (Decimal("50000.00"), Decimal("55000.00")),
}


@pytest.mark.django_db
@pytest.mark.parametrize("code", EXPECTED_GOLD)
def test_price_for_every_category_with_and_without_options(event, gold, categories, code):
    booth = event.options.get()
    without, with_booth = EXPECTED_GOLD[code]
    assert pricing.compute_price(gold, categories[code]).price == without
    assert pricing.compute_price(gold, categories[code], [booth]).price == with_booth


@pytest.mark.django_db
def test_no_category_is_no_membership(event, gold):
    assert pricing.compute_price(gold, None).price == Decimal("50000.00")


@pytest.mark.django_db
def test_package_without_own_discount_uses_the_default(event, categories):
    silver = event.packages.get(tier="silver")
    assert pricing.compute_price(silver, categories["sector-member"]).price == Decimal("13500.00")


@pytest.mark.django_db
def test_each_package_shows_every_category(client, event):
    response = client.get(event.url)
    html = response.content.decode()
    assert "43,750" in html  # gold for Sector Members
    assert "13,500" in html  # silver for Sector Members
    # Each package's card, and the table comparing the packages.
    assert html.count('<th scope="row">Sector Member</th>') == 3


@pytest.mark.django_db
def test_tampered_price_and_package_change_nothing(client, event, gold, categories):
    other = event.packages.get(tier="silver")
    data = form_data(gold, categories["sector-member"], price_usd="1", price="1", options=[])
    response = client.post(event.url, data)
    assert response.status_code == 303
    application = SponsorshipApplication.objects.get()
    assert application.price_usd == Decimal("43750.00")
    assert application.package == gold

    # A package that is not on this page (or does not exist) is refused, with the form kept.
    for bad in ("999999", str(other.pk + 1000), "gold"):
        response = client.post(event.url, {**data, "package": bad})
        assert response.status_code == 400
        assert "Acme Networks" in response.content.decode()
    assert SponsorshipApplication.objects.count() == 1
