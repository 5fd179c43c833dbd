"""The expression of interest works on an opportunity page served from the page cache."""

from cms.interest.models import ExpressionOfInterest
from tests.core.cached_forms import send_from_the_cache


def test_an_expression_of_interest_sent_from_a_cached_page_is_accepted(
    opportunity, form_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send_from_the_cache(opportunity.url, form_data)

    assert response.status_code == 303
    assert ExpressionOfInterest.objects.get().email == form_data["email"]


def test_an_expression_of_interest_posted_by_another_site_is_refused(opportunity, form_data):
    response = send_from_the_cache(opportunity.url, form_data, origin="https://evil.example")

    assert response.status_code == 403
    assert not ExpressionOfInterest.objects.exists()
