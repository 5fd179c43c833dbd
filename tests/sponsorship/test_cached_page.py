"""The sponsorship application works on an event page served from the page cache."""

from cms.sponsorship.models import SponsorshipApplication
from tests.core.cached_forms import send_from_the_cache

from .conftest import form_data


def test_an_application_sent_from_a_cached_page_is_accepted(
    event, gold, categories, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send_from_the_cache(event.url, form_data(gold, categories["academia"]))

    assert response.status_code == 303
    # The thank-you names the application (signed), so that it repeats its price.
    assert response["Location"].startswith(f"{event.url}?sent=1&application=")
    assert response["Location"].endswith("#apply")
    assert SponsorshipApplication.objects.get().email == "ada@acme.example"
