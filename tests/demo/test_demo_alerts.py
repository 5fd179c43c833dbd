"""The demo's registration page: /<language>/register/ in the six languages, with its form,
and a registration from the demo that reaches the confirmation e-mail."""

import time

import pytest
from django.core import mail
from django.core.cache import cache
from wagtail.models import Locale, Site

from cms.alerts.models import RegistrationPage, Subscriber
from cms.core.public_forms import FILL_TIME_FIELD, fill_token
from cms.demo.alerts import load_alerts
from cms.snippets.models import BeneficiaryRegion, PartnerKind, ThematicArea
from tests.pages.html import parse

LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("language", LANGUAGES)
def test_registration_page_in_each_language(demo_data, client, language):
    response = client.get(f"/{language}/register/")

    assert response.status_code == 200
    soup = parse(response)
    assert soup.html["lang"] == language
    assert soup.html["dir"] == ("rtl" if language == "ar" else "ltr")
    form = soup.select_one("#alerts-form form")
    # The demo's vocabularies are offered, named in the page's language.
    assert (
        len(form.select('input[name="areas"]'))
        == ThematicArea.objects.filter(locale__language_code="en").count()
    )
    assert len(form.select('input[name="regions"]')) == 7
    area = ThematicArea.objects.get(locale__language_code="en", code="cybersecurity")
    box = form.select_one(f'input[name="areas"][value="{area.pk}"]')
    label = box.find_parent("label") or form.select_one(f'label[for="{box["id"]}"]')
    local_name = ThematicArea.objects.get(
        locale__language_code=language, translation_key=area.translation_key
    ).name
    assert label.get_text(strip=True) == local_name
    page = RegistrationPage.objects.get(locale__language_code=language)
    assert soup.h1.get_text(strip=True) == page.title


def test_loading_again_writes_nothing(demo_data):
    home = Site.objects.get(is_default_site=True).root_page.specific
    targets = list(Locale.objects.exclude(language_code="en"))
    assert load_alerts(home, targets, {}, {}, {})[0] == 0


def test_registering_on_the_demo(demo_data, client, django_capture_on_commit_callbacks):
    kind = PartnerKind.objects.filter(locale__language_code="en").first()
    cyber = ThematicArea.objects.get(locale__language_code="en", code="cybersecurity")
    africa = BeneficiaryRegion.objects.get(locale__language_code="en", code="afr")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fr/register/",
            {
                "organisation": "Agence numérique",
                "kind": kind.pk,
                "country": "SN",
                "contact_name": "Awa Ndiaye",
                "email": "awa@example.sn",
                "language": "fr",
                "areas": [cyber.pk],
                "regions": [africa.pk],
                "frequency": "immediate",
                "consent": "on",
                # The form as shown a minute ago: a person takes that long to fill it in.
                FILL_TIME_FIELD: fill_token(time.time() - 60),
            },
        )

    assert response.status_code == 303
    assert Subscriber.objects.get(email="awa@example.sn").status == "pending"
    assert len(mail.outbox) == 1
