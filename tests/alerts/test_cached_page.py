"""The registration form works on a registration page served from the page cache."""

from cms.alerts.models import Subscriber
from tests.core.cached_forms import send_from_the_cache

from .conftest import registration_data


def test_a_registration_sent_from_a_cached_page_is_accepted(
    site_pages, terms, django_capture_on_commit_callbacks
):
    page = site_pages["fr_register"]

    with django_capture_on_commit_callbacks(execute=True):
        response = send_from_the_cache(page.url, registration_data(terms))

    assert response.status_code == 303
    assert Subscriber.objects.get().email == "awa.ndiaye@example.sn"
