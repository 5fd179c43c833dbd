"""The public-form kernel on its own, with a small form on a stand-in page: each guard, what a
refused visitor gets back, and the redirect after an accepted form. The three forms of the site
are tested through their pages in tests/interest, tests/alerts and tests/sponsorship."""

import time

import pytest
from django import forms
from django.core.cache import cache
from django.template import engines
from django.test import RequestFactory

from cms.core import public_forms
from cms.core.public_forms import (
    FILL_TIME_FIELD,
    HONEYPOT_FIELD,
    PRIVACY_NOTICE_VERSION,
    RATE_LIMIT,
    RATE_WINDOW,
    PublicForm,
    PublicFormMixin,
    consent_given,
    email_field,
    fill_token,
)

FORM = PublicForm(
    name="kernel",
    anchor="kernel-form",
    spam_scope="kernel",
    rate_limited="Too many in the hour.",
)
TEMPLATE = engines["django"].from_string(
    "{% for item in kernel.errors %}<li>{{ item.message }}</li>{% endfor %}"
    '<input name="email" value="{{ kernel.form.email.value|default:"" }}">'
    '<input name="shown_at" value="{{ kernel.shown_at }}">'
    "{% if kernel.sent %}<p>Thank you.</p>{% endif %}"
)


class KernelForm(PublicFormMixin, forms.Form):
    email = email_field("We write to you here.")
    consent = forms.BooleanField()


class Page:
    """Stands for a Wagtail page with a public form: the kernel asks it for nothing else."""

    pk = 1

    def get_url(self, request=None):
        return "/en/page/"

    def get_template(self, request):
        return TEMPLATE

    def get_context(self, request):
        return {"kernel": FORM.context(self, request, KernelForm)}


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def accepted():
    return []


@pytest.fixture
def post(accepted):
    """POST `data` to the stand-in page from `ip`; accepted forms are kept in `accepted`."""

    def _post(data, ip="203.0.113.5"):
        request = RequestFactory().post("/en/page/", data, REMOTE_ADDR=ip)
        response = FORM.handle(
            Page(), request, KernelForm(request.POST), lambda form, digest: accepted.append(form)
        )
        if hasattr(response, "render"):
            response.render()
        return response

    return _post


def valid(**changes):
    """What a person sends a minute after the form was shown."""
    data = {
        "email": "ana@example.org",
        "consent": "on",
        FILL_TIME_FIELD: fill_token(time.time() - 60),
    }
    data.update(changes)
    return data


def test_an_accepted_form_redirects_to_the_thank_you_with_see_other(post, accepted):
    response = post(valid())

    assert response.status_code == 303
    assert response["Location"] == "/en/page/?sent=1#kernel-form"
    assert len(accepted) == 1


def test_the_thank_you_shows_after_the_redirect_not_the_form_again():
    request = RequestFactory().get("/en/page/", {"sent": "1"})

    context = FORM.context(Page(), request, KernelForm)

    assert context["sent"] is True
    assert not context["form"].is_bound


def test_a_filled_honeypot_gets_the_thank_you_and_nothing_is_accepted(post, accepted):
    response = post(valid(**{HONEYPOT_FIELD: "https://pills.example"}))

    assert response.status_code == 303
    assert accepted == []


def test_a_form_sent_the_moment_it_was_shown_is_dropped_silently_like_the_honeypot(
    post, accepted, caplog
):
    """Issue 16: faster than MIN_FILL_SECONDS, the sender gets the thank-you as a person
    would, nothing is stored, and the drop is logged."""
    with caplog.at_level("INFO", logger="cms.core.public_forms.form"):
        response = post(valid(**{FILL_TIME_FIELD: fill_token(time.time() - 1)}))

    assert response.status_code == 303
    assert response["Location"] == "/en/page/?sent=1#kernel-form"
    assert accepted == []
    assert "Sent too fast (kernel form, page 1)" in caplog.text


def test_a_form_sent_without_a_signed_moment_or_with_a_forged_one_is_dropped(post, accepted):
    assert post(valid(**{FILL_TIME_FIELD: ""})).status_code == 303
    assert post(valid(**{FILL_TIME_FIELD: str(time.time() - 60)})).status_code == 303
    forged = fill_token(time.time() - 60)[:-2] + "xx"
    assert post(valid(**{FILL_TIME_FIELD: forged})).status_code == 303
    assert accepted == []


def test_a_dropped_fast_send_counts_towards_the_rate_limit(post, accepted):
    for _number in range(RATE_LIMIT):
        post(valid(**{FILL_TIME_FIELD: fill_token()}))

    response = post(valid())

    assert response.status_code == 429
    assert accepted == []


def test_the_refused_page_carries_a_new_moment_so_that_sending_again_later_works(
    post, accepted, monkeypatch
):
    refused = post(valid(consent=""))
    assert refused.status_code == 400
    new_token = refused.content.decode().split('name="shown_at" value="')[1].split('"')[0]

    # The visitor ticks the box within a few seconds, then sends the form again.
    later = time.time() + 3
    monkeypatch.setattr(time, "time", lambda: later)
    assert post(valid(**{FILL_TIME_FIELD: new_token})).status_code == 303
    assert len(accepted) == 1


@pytest.mark.parametrize(
    ("proxies", "forwarded", "counted"),
    [
        # No trusted proxy: the header is anybody's to write and is not read.
        (0, "198.51.100.1", "203.0.113.5"),
        # One proxy appended the client's address: the rightmost one.
        (1, "198.51.100.1", "198.51.100.1"),
        # A client forged the left of the header: still the rightmost one.
        (1, "6.6.6.6, 198.51.100.1", "198.51.100.1"),
        # Two proxies: the load balancer appended the client, then nginx the balancer.
        (2, "6.6.6.6, 198.51.100.1, 10.0.0.2", "198.51.100.1"),
        # Fewer addresses than proxies: the leftmost one there is.
        (3, "198.51.100.1, 10.0.0.2", "198.51.100.1"),
        # No header at all: REMOTE_ADDR.
        (1, None, "203.0.113.5"),
    ],
)
def test_the_client_address_is_read_behind_the_trusted_proxies_only(
    settings, proxies, forwarded, counted
):
    settings.TRUSTED_PROXY_COUNT = proxies
    extra = {"REMOTE_ADDR": "203.0.113.5"}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded

    assert public_forms.client_ip(RequestFactory().get("/", **extra)) == counted


def test_behind_a_proxy_the_rate_limit_holds_each_visitor_apart(settings, accepted):
    settings.TRUSTED_PROXY_COUNT = 1

    def send(client, email):
        request = RequestFactory().post(
            "/en/page/",
            valid(email=email),
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"1.2.3.4, {client}",
        )
        return FORM.handle(
            Page(), request, KernelForm(request.POST), lambda f, d: accepted.append(f)
        )

    for number in range(RATE_LIMIT):
        assert send("198.51.100.1", f"p{number}@example.org").status_code == 303
    assert send("198.51.100.1", "late@example.org").status_code == 429
    # Another visitor behind the same proxy, whatever it forges on the left, is not held back.
    assert send("198.51.100.2", "other@example.org").status_code == 303


def test_invalid_input_comes_back_bound_with_its_errors(post, accepted):
    response = post(valid(email="not an address", consent=""))

    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="not an address"' in page
    assert page.count("<li>") == 2
    assert accepted == []


def test_the_rate_limit_counts_per_client_in_the_cache_for_an_hour(post, accepted):
    for number in range(RATE_LIMIT):
        assert post(valid(email=f"p{number}@example.org")).status_code == 303

    response = post(valid(email="late@example.org"))

    assert response.status_code == 429
    assert "Too many in the hour." in response.content.decode()
    assert 'value="late@example.org"' in response.content.decode()
    assert len(accepted) == RATE_LIMIT
    digest = public_forms.ip_hash("203.0.113.5")
    assert cache.get(f"kernel:ip:{digest}") == RATE_LIMIT
    assert RATE_WINDOW == 60 * 60
    # Another client is not held back.
    assert post(valid(email="other@example.org"), ip="198.51.100.7").status_code == 303


def test_the_rate_limit_counts_per_e_mail_address_whatever_its_case(post):
    for number in range(RATE_LIMIT):
        post(valid(), ip=f"192.0.2.{number}")

    assert post(valid(email="ANA@Example.org"), ip="192.0.2.99").status_code == 429


def test_consent_is_recorded_with_the_privacy_notice_version():
    consent = consent_given()

    assert consent["privacy_notice_version"] == PRIVACY_NOTICE_VERSION
    assert consent["consent_given_at"] is not None


def test_every_rendering_carries_a_fresh_signed_moment():
    request = RequestFactory().get("/en/page/")
    first = FORM.context(Page(), request, KernelForm)["shown_at"]
    time.sleep(0.01)
    second = FORM.context(Page(), request, KernelForm)["shown_at"]

    assert first != second
    assert HONEYPOT_FIELD in KernelForm().fields
