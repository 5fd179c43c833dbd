"""The price before sending: "Calculate" shows the server's price of the package, benefits and
category chosen, keeps everything typed and sends nothing; the application sent then records
that price, and its confirmation (page and e-mail) repeats it."""

import re
from decimal import Decimal

import pytest
from django.core import mail

from cms.core.formats import format_money
from cms.sponsorship.models import SponsorshipApplication

from .conftest import form_data
from .records import translate_categories, translate_event

pytestmark = pytest.mark.django_db


def _shown(html, block_id):
    """The figures of the price block `block_id`: {list-price|discount|price: text}."""
    block = re.search(rf'id="{block_id}".*?</dl>', html, re.S)
    assert block, f"no #{block_id} on the page"
    return {
        name: re.sub(r"[ \t\r\n]+", " ", value).strip()
        for name, value in re.findall(r"data-(list-price|discount|price)>(.*?)</dd>", block[0])
    }


def test_calculate_shows_the_price_keeps_what_was_typed_and_sends_nothing(
    client, event, gold, categories
):
    booth = event.options.get()
    data = form_data(gold, categories["sector-member"], options=[str(booth.pk)], calculate="1")
    data.update(contact_name="", email="")  # not typed yet: no error for them

    response = client.post(event.url, data)

    assert response.status_code == 200
    html = response.content.decode()
    # 50,000 + 5,000, less the gold package's own 12.5 % for Sector Members.
    assert _shown(html, "sponsor-quote") == {
        "list-price": format_money(Decimal("55000")),
        "discount": f"12.5% (−{format_money(Decimal('6875'))})",
        "price": format_money(Decimal("48125")),
    }
    assert 'value="Acme Networks"' in html
    assert "We would like a booth." in html
    assert f'value="{booth.pk}"' in html and "checked" in html
    assert "Enter your name" not in html and "error-summary" not in html
    assert SponsorshipApplication.objects.count() == 0
    assert mail.outbox == []
    assert "no-cache" in response["Cache-Control"]


def test_calculate_without_a_category_says_what_is_missing(client, event, gold, categories):
    data = form_data(gold, categories["none"], calculate="1")
    data["category"] = ""
    html = client.post(event.url, data).content.decode()
    assert "Choose the ITU membership category of your organisation." in html
    assert 'id="sponsor-quote"' not in html


def test_the_price_calculated_is_the_price_recorded_and_confirmed_in_russian(
    client, event, categories, django_capture_on_commit_callbacks
):
    translate_categories(categories, "ru")
    russian = translate_event(event, "ru")
    gold = russian.packages.get(tier="gold")
    booth = russian.options.get()
    data = form_data(gold, categories["member-state"], options=[str(booth.pk)])
    quoted = _shown(
        client.post(russian.url, {**data, "calculate": "1"}).content.decode(), "sponsor-quote"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(russian.url, data)
    assert response.status_code == 303
    confirmation = client.get(response["Location"])
    assert "no-cache" in confirmation["Cache-Control"]
    confirmed = _shown(confirmation.content.decode(), "sponsor-sent-price")

    application = SponsorshipApplication.objects.get()
    assert application.price_usd == Decimal("44000.00")  # 55,000 less 20 %
    assert confirmed == quoted
    assert quoted["price"] == format_money(Decimal("44000"), language="ru")
    to_applicant = next(m for m in mail.outbox if m.to == ["ada@acme.example"])
    assert quoted["price"] in to_applicant.body


def test_a_confirmation_link_altered_shows_only_the_thanks(client, event, gold, categories):
    response = client.post(event.url, form_data(gold, categories["academia"]))
    location = response["Location"]
    altered = location.replace("application=", "application=0")
    html = client.get(altered).content.decode()
    assert "Thank you" in html
    assert 'id="sponsor-sent-price"' not in html
    assert 'id="sponsor-sent-price"' in client.get(location).content.decode()
