"""A visitor who sends a public form from a page that came from the anonymous page cache
(cms.core.page_cache, cms.core.public_forms.origin): shared by the tests of each form."""

import time
from unittest import mock

from django.test import Client

from cms.core.page_cache import HIT_HEADER
from cms.core.public_forms import FILL_TIME_FIELD
from tests.pages.html import parse

ORIGIN = "http://testserver"


def page_from_the_cache(url):
    """The page as a second new visitor gets it: from the cache, with no CSRF token and no
    cookie, and with its own signed moment of display. (first, second) parsed."""
    first = Client().get(url)
    second = Client().get(url)
    assert first.status_code == second.status_code == 200
    assert second[HIT_HEADER] == "hit"
    assert "csrfmiddlewaretoken" not in second.content.decode()
    assert not second.cookies
    # Never kept by a shared cache: the moment differs for each visitor.
    assert second["Cache-Control"] == "private, no-cache"
    return parse(first), parse(second)


def send_from_the_cache(url, data, *, origin=ORIGIN):
    """Load the page twice (the second from the cache), then send `data` with the second
    page's signed moment, a minute later, as a browser does: Django's CSRF checks enforced,
    with the page's Origin. The response."""
    first, second = page_from_the_cache(url)
    shown = second.select_one(f'input[name="{FILL_TIME_FIELD}"]')["value"]
    assert shown != first.select_one(f'input[name="{FILL_TIME_FIELD}"]')["value"]
    visitor = Client(enforce_csrf_checks=True)
    extra = {"HTTP_ORIGIN": origin} if origin else {}
    later = time.time() + 60
    with mock.patch("cms.core.public_forms.guards.time.time", return_value=later):
        return visitor.post(url, {**data, FILL_TIME_FIELD: shown}, **extra)
