"""A confirmed sponsor delivers its logo, display name and link through the signed link of
its confirmation e-mail; the upload is checked like every upload and waits, unseen, until
staff who hold the "approve" permission approve it (then it shows on the event page and the
sponsors page at once) or reject it (the sponsor is told why and uploads again)."""

import re
from io import BytesIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from cms.core.outbox import OutgoingEmail
from cms.sponsorship import links
from cms.sponsorship.models import LogoSubmission, SponsorshipApplication
from cms.sponsorship.workflow import apply_transition

from .conftest import form_data
from .records import translate_categories, translate_event

pytestmark = pytest.mark.django_db


def _png(width=200, height=80, colour="#1d4ed8"):
    data = BytesIO()
    PILImage.new("RGB", (width, height), colour).save(data, "PNG")
    return data.getvalue()


def _upload(content=None, name="logo.png"):
    return SimpleUploadedFile(name, content if content is not None else _png(), "image/png")


@pytest.fixture
def confirmed(client, event, gold, categories, django_capture_on_commit_callbacks):
    """A sponsorship applied for in Russian and confirmed; the link of its e-mail."""
    translate_categories(categories, "ru")
    russian = translate_event(event, "ru")
    gold_ru = russian.packages.get(tier="gold")
    client.post(russian.url, form_data(gold_ru, categories["member-state"]))
    application = SponsorshipApplication.objects.get()
    apply_transition(application.pk, "approve")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(application.pk, "confirm")
    message = next(m for m in mail.outbox if m.to == ["ada@acme.example"])
    url = re.search(r"https?://\S+/ru/sponsor-logo/[^/\s]+/", message.body)[0]
    application.refresh_from_db()
    application.link = url.split("://", 1)[1].split("/", 1)[1]
    application.link = "/" + application.link
    return application


def _send(client, application, **fields):
    data = {
        "logo": _upload(),
        "display_name": "Acme Networks",
        "link_url": "https://acme.example/",
        **fields,
    }
    return client.post(application.link, data)


def test_the_confirmation_email_carries_the_link_to_a_private_page_in_russian(client, confirmed):
    response = client.get(confirmed.link)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    html = response.content.decode()
    assert 'lang="ru"' in html
    assert "Ваш логотип на страницах мероприятия" in html
    # The same link under another language's prefix leads to the sponsor's language.
    english = client.get(confirmed.link.replace("/ru/", "/en/", 1))
    assert english.status_code == 302 and "/ru/sponsor-logo/" in english["Location"]


def test_an_altered_link_is_404_and_an_expired_one_410(client, confirmed, settings):
    altered = client.get(confirmed.link[:-3] + "x/")
    assert altered.status_code == 404
    assert "Эта ссылка недействительна" in altered.content.decode()
    assert "no-store" in altered["Cache-Control"]
    settings.SPONSOR_ASSETS_LINK_DAYS = -1
    expired = client.get(confirmed.link)
    assert expired.status_code == 410
    assert "Срок действия этой ссылки истек" in expired.content.decode()


def test_a_cancelled_sponsorship_has_no_upload_page(client, confirmed):
    apply_transition(confirmed.pk, "cancel")
    assert client.get(confirmed.link).status_code == 404


def test_an_upload_waits_unseen_until_approved(client, confirmed):
    event_url = confirmed.event.url
    sponsors_url = confirmed.event.get_parent().url + "sponsors/"
    assert "sponsor-logo__name" in client.get(event_url).content.decode()  # cached now

    response = _send(client, confirmed, display_name="Acme")
    assert response.status_code == 303
    page = client.get(response["Location"]).content.decode()
    assert "data-sent" in page and 'data-latest-status="pending"' in page
    submission = LogoSubmission.objects.get()
    assert submission.status == "pending"
    assert submission.logo.collection.name == "Sponsor logos awaiting approval"
    for url in (event_url, sponsors_url):
        assert 'class="sponsor-logo"' in client.get(url).content.decode()
        assert "<img" not in client.get(url).content.decode().split("sponsor-logos")[1]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        # An HTML page named .png: its content is not what its extension says.
        ({"logo": b"<html><script>alert(1)</script></html>"}, "не соответствует"),
        ({"logo": _png(30, 20)}, "30 × 20"),
        ({"logo": b"GIF89a not really", "name": "logo.gif"}, "изображение"),
        ({"link_url": "javascript:alert(1)"}, "https://"),
        ({"link_url": "ftp://acme.example/logo"}, "https://"),
        ({"display_name": ""}, "Введите название"),
    ],
)
def test_bad_uploads_are_refused_in_russian_and_keep_what_was_typed(
    client, confirmed, fields, message
):
    fields = dict(fields)
    if "logo" in fields:
        fields["logo"] = _upload(fields.pop("logo"), fields.pop("name", "logo.png"))
    response = _send(client, confirmed, **fields)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "error-summary" in html
    if "display_name" not in fields:
        assert 'value="Acme Networks"' in html
    assert LogoSubmission.objects.count() == 0


def test_a_logo_too_big_is_refused(client, confirmed):
    noise = PILImage.effect_noise((1500, 1500), 100).convert("RGB")
    data = BytesIO()
    noise.save(data, "PNG")
    assert len(data.getvalue()) > 2 * 1024 * 1024
    response = _send(client, confirmed, logo=_upload(data.getvalue()))
    assert response.status_code == 400
    assert "2" in response.content.decode() and LogoSubmission.objects.count() == 0


def _decide(client, submission, decision, **data):
    url = reverse("sponsorship_logos:decide", args=[submission.pk, decision])
    return client.post(url, data)


def test_an_editor_sees_the_logos_but_cannot_approve(client, confirmed, editor):
    _send(client, confirmed)
    submission = LogoSubmission.objects.get()
    client.force_login(editor)
    assert client.get(reverse("sponsorship_logos:index")).status_code == 200
    inspect = client.get(reverse("sponsorship_logos:inspect", args=[submission.pk]))
    assert inspect.status_code == 200
    assert b'data-decision="approve"' not in inspect.content
    refused = _decide(client, submission, "approve")
    assert refused.status_code in {302, 403}  # Wagtail's admin answers "no permission"
    submission.refresh_from_db()
    assert submission.status == "pending"


def test_approved_the_logo_shows_at_once_on_the_cached_pages(
    client, confirmed, officer, django_capture_on_commit_callbacks
):
    event_url = confirmed.event.url
    sponsors_url = confirmed.event.get_parent().url + "sponsors/"
    for url in (event_url, sponsors_url):
        client.get(url)  # in the page cache
    _send(client, confirmed, display_name="Acme Networks Worldwide")
    submission = LogoSubmission.objects.get()
    client.force_login(officer)
    inspect = client.get(reverse("sponsorship_logos:inspect", args=[submission.pk]))
    assert b'data-decision="approve"' in inspect.content
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _decide(client, submission, "approve")
    client.logout()

    submission.refresh_from_db()
    assert submission.status == "approved" and submission.decided_by == officer
    assert submission.logo.collection.name == "Public media"
    for url in (event_url, sponsors_url):
        html = client.get(url).content.decode()
        logo = re.search(
            r'<a href="https://acme.example/" rel="sponsored noopener"[^>]*>\s*<img[^>]+>', html
        )
        assert logo, url
        assert 'alt="Acme Networks Worldwide"' in logo[0]
        assert re.search(r'width="\d+"', logo[0]) and re.search(r'height="\d+"', logo[0])
    (message,) = [m for m in mail.outbox if m.to == ["ada@acme.example"]]
    assert message.extra_headers["Content-Language"] == "ru"
    assert "одобрен" in message.subject


def test_rejected_the_sponsor_is_told_why_and_uploads_again(
    client, confirmed, officer, django_capture_on_commit_callbacks
):
    _send(client, confirmed)
    submission = LogoSubmission.objects.get()
    client.force_login(officer)
    refused = _decide(client, submission, "reject", reason="")
    assert refused.status_code == 302
    assert LogoSubmission.objects.get().status == "pending"  # a reason is needed
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _decide(client, submission, "reject", reason="Please send it on a white background.")
    client.logout()
    submission.refresh_from_db()
    assert submission.status == "rejected" and submission.logo is None
    (message,) = [m for m in mail.outbox if m.to == ["ada@acme.example"]]
    assert "Please send it on a white background." in message.body
    assert "/ru/sponsor-logo/" in message.body
    assert OutgoingEmail.objects.filter(kind="sponsorship.logo").count() == 1

    page = client.get(confirmed.link).content.decode()
    assert 'data-latest-status="rejected"' in page
    assert "Please send it on a white background." in page
    assert _send(client, confirmed).status_code == 303
    assert LogoSubmission.objects.filter(status="pending").count() == 1


def test_a_new_upload_replaces_the_one_waiting(client, confirmed):
    _send(client, confirmed, display_name="First")
    first_logo = LogoSubmission.objects.get().logo
    _send(client, confirmed, display_name="Second")
    submission = LogoSubmission.objects.get()
    assert submission.display_name == "Second"
    assert submission.logo.pk != first_logo.pk
    assert not type(first_logo).objects.filter(pk=first_logo.pk).exists()


def test_the_link_is_signed_with_the_random_key_not_the_id(confirmed):
    token = links.token(confirmed)
    assert confirmed.assets_key.hex in token and not token.startswith(f"{confirmed.pk}:")
    assert links.application_for(token) == (confirmed, None)
    assert links.application_for("x" + token) == (None, links.INVALID)
