"""The guards of the sponsorship steps, checked on the server: a sponsor is told everything was
delivered only once the event has started and its logo, display name and link are in, or
when someone allowed to override says why; a refused step changes nothing and e-mails
nobody. Also what staff read on an application's pages (money in their language, a dash for
an empty value, the steps with their consequences), the overview's missing assets, and the
pro-forma invoice in the applicant's language."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, ModelLogEntry, Site
from wagtail.users.models import UserProfile

from cms.core.formats import format_date
from cms.core.models import OutgoingEmail
from cms.core.money import format_usd
from cms.sponsorship.invoice import invoice_pdf
from cms.sponsorship.models import EventPage, SponsorshipApplication
from cms.sponsorship.workflow import (
    OVERRIDE_ACTION,
    ConditionsNotMet,
    apply_transition,
)
from tests.rollback import refetched, rolled_back

from .conftest import form_data, make_event_with_discounts
from .records import make_categories, make_event

Status = SponsorshipApplication.Status
TODAY = datetime.date.today()
REASON = "The sponsor asked for no link; the logo was shown at the opening."


def build():
    home_page = Site.objects.get(is_default_site=True).root_page.specific
    categories = make_categories()
    return {"categories": categories, "event": make_event_with_discounts(home_page, categories)}


# The event, its packages and the categories, built once for the module: every test applies,
# steps and reads in a savepoint of its own, rolled back after it, from fresh copies.
@pytest.fixture(scope="module", autouse=True)
def event_records(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, build)


@pytest.fixture
def categories(db, event_records):
    return refetched(event_records["categories"])


@pytest.fixture
def event(db, event_records):
    return refetched(event_records["event"])


def _apply(client, capture, event, package, category, **extra):
    with capture(execute=True):
        response = client.post(event.url, form_data(package, category, **extra))
    assert response.status_code == 303
    return SponsorshipApplication.objects.order_by("-pk").first()


@pytest.fixture
def confirmed(client, django_capture_on_commit_callbacks, event, gold, categories):
    application = _apply(
        client, django_capture_on_commit_callbacks, event, gold, categories["member-state"]
    )
    apply_transition(application.pk, "approve")
    apply_transition(application.pk, "confirm")
    application.refresh_from_db()
    assert application.status == Status.CONFIRMED
    return application


def _set_event_dates(event, start, end):
    EventPage.objects.filter(pk=event.pk).update(start_date=start, end_date=end)


def _deliver_assets(application):
    logo = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    SponsorshipApplication.objects.filter(pk=application.pk).update(
        logo=logo, display_name="Acme", link_url="https://acme.example"
    )


def _nothing_happens(application, action, capture, **kwargs):
    """Try the step: it must be refused, leave the application as it was and e-mail nobody.
    Returns the refusal's message."""
    application.refresh_from_db()
    before = (application.status, OutgoingEmail.objects.count())
    mail.outbox.clear()
    with capture(execute=True), pytest.raises(ConditionsNotMet) as refused:
        apply_transition(application.pk, action, **kwargs)
    application.refresh_from_db()
    assert (application.status, OutgoingEmail.objects.count()) == before
    assert mail.outbox == []
    assert application.overridden_at is None
    return str(refused.value)


@pytest.mark.django_db
def test_delivery_waits_for_the_event(confirmed, event, django_capture_on_commit_callbacks):
    _deliver_assets(confirmed)
    message = _nothing_happens(confirmed, "deliver", django_capture_on_commit_callbacks)
    assert "has not started yet" in message
    assert format_date(event.start_date) in message

    _set_event_dates(event, TODAY, TODAY + datetime.timedelta(days=3))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(confirmed.pk, "deliver")
    confirmed.refresh_from_db()
    assert confirmed.status == Status.DELIVERED
    assert [m.to for m in mail.outbox] == [["ada@acme.example"]]
    assert confirmed.overridden_at is None  # nothing to override


@pytest.mark.django_db
def test_delivery_waits_for_the_sponsors_assets(
    confirmed, event, django_capture_on_commit_callbacks
):
    _set_event_dates(event, TODAY - datetime.timedelta(days=1), TODAY + datetime.timedelta(days=2))
    message = _nothing_happens(confirmed, "deliver", django_capture_on_commit_callbacks)
    assert "logo, display name, link" in message
    # A display name of blanks is no display name.
    SponsorshipApplication.objects.filter(pk=confirmed.pk).update(
        display_name="  ", link_url="https://acme.example"
    )
    message = _nothing_happens(confirmed, "deliver", django_capture_on_commit_callbacks)
    assert "logo, display name yet" in message


@pytest.mark.django_db
def test_override_needs_the_permission_and_a_reason(
    confirmed, officer, lead, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    # Partnership officers take steps but may not override their conditions.
    message = _nothing_happens(confirmed, "deliver", capture, user=officer, override_reason=REASON)
    assert "You may not override" in message
    # Leads may, with a reason of a sentence.
    message = _nothing_happens(confirmed, "deliver", capture, user=lead)
    assert "give the reason" in message
    message = _nothing_happens(confirmed, "deliver", capture, user=lead, override_reason=" ok ")
    assert "Say in a sentence" in message

    with capture(execute=True):
        apply_transition(confirmed.pk, "deliver", user=lead, override_reason=f"  {REASON} ")
    confirmed.refresh_from_db()
    assert confirmed.status == Status.DELIVERED
    assert confirmed.override_reason == REASON
    assert confirmed.overridden_by == lead
    assert confirmed.overridden_at is not None
    assert [m.to for m in mail.outbox] == [["ada@acme.example"]]
    entry = ModelLogEntry.objects.get(action=OVERRIDE_ACTION)
    assert entry.object_id == str(confirmed.pk)
    assert entry.user_id == lead.pk
    assert entry.data["reason"] == REASON
    assert any("has not started" in c for c in entry.data["conditions"])


@pytest.mark.django_db
def test_the_override_is_a_permission_not_a_group(
    confirmed, staff_without_rights, django_capture_on_commit_callbacks
):
    user = staff_without_rights
    _nothing_happens(
        confirmed,
        "deliver",
        django_capture_on_commit_callbacks,
        user=user,
        override_reason=REASON,
    )
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="sponsorship", codename="override_sponsorshipapplication"
        )
    )
    user = type(user).objects.get(pk=user.pk)  # permissions are cached on the instance
    apply_transition(confirmed.pk, "deliver", user=user, override_reason=REASON)
    confirmed.refresh_from_db()
    assert confirmed.status == Status.DELIVERED


@pytest.mark.django_db
def test_only_delivery_can_be_overridden(
    client, event, gold, categories, lead, django_capture_on_commit_callbacks
):
    application = _apply(
        client, django_capture_on_commit_callbacks, event, gold, categories["none"]
    )
    # The event ended: nobody approves or confirms for it any more, override or not.
    _set_event_dates(event, TODAY - datetime.timedelta(days=10), TODAY - datetime.timedelta(days=8))
    message = _nothing_happens(
        application,
        "approve",
        django_capture_on_commit_callbacks,
        user=lead,
        override_reason=REASON,
    )
    assert "The event ended on" in message
    # Rejecting and cancelling have no condition.
    apply_transition(application.pk, "reject", user=lead)
    application.refresh_from_db()
    assert application.status == Status.REJECTED


@pytest.mark.django_db
def test_confirming_needs_the_package(
    client, event, gold, categories, django_capture_on_commit_callbacks
):
    application = _apply(
        client, django_capture_on_commit_callbacks, event, gold, categories["none"]
    )
    apply_transition(application.pk, "approve")
    SponsorshipApplication.objects.filter(pk=application.pk).update(package=None)
    message = _nothing_happens(application, "confirm", django_capture_on_commit_callbacks)
    assert "package of this application no longer exists" in message
    assert application.agreement_id is None


@pytest.mark.django_db
def test_a_refused_step_over_http_says_why_and_changes_nothing(
    client, confirmed, officer, lead, django_capture_on_commit_callbacks
):
    url = reverse("sponsorship_applications:transition", args=[confirmed.pk, "deliver"])
    outbox = OutgoingEmail.objects.count()
    client.force_login(officer)
    response = client.post(url, {"reason": REASON}, follow=True)
    html = response.content.decode()
    assert "has not started yet" in html
    assert "You may not override" in html
    confirmed.refresh_from_db()
    assert confirmed.status == Status.CONFIRMED
    assert OutgoingEmail.objects.count() == outbox

    client.force_login(lead)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": REASON}, follow=True)
    html = response.content.decode()
    assert "is now Delivered" in html
    assert "your reason are recorded" in html
    assert REASON in html  # the record of the override on the application's page
    confirmed.refresh_from_db()
    assert confirmed.status == Status.DELIVERED


@pytest.mark.django_db
def test_refusals_are_in_the_staff_members_language(
    client, confirmed, officer, django_capture_on_commit_callbacks
):
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(officer)
    url = reverse("sponsorship_applications:transition", args=[confirmed.pk, "deliver"])
    html = client.post(url, follow=True).content.decode()
    assert "pas encore commencé" in html
    assert "has not started" not in html


@pytest.mark.django_db
def test_the_listing_opens_the_page_with_the_steps(client, confirmed, officer, lead):
    client.force_login(officer)
    listing = client.get(reverse("sponsorship_applications:index")).content.decode()
    edit_url = reverse("sponsorship_applications:edit", args=[confirmed.pk])
    assert f'href="{edit_url}"' in listing
    page = client.get(edit_url).content.decode()
    assert 'data-step="deliver"' in page
    assert 'data-step="cancel"' in page
    # Each step says what it will do, and why it cannot be taken yet.
    assert "ada@acme.example is e-mailed that everything" in page
    assert "has not started yet" in page
    assert 'name="reason"' not in page  # officers cannot override: no reason asked
    client.force_login(lead)
    page = client.get(edit_url).content.decode()
    assert 'name="reason"' in page


@pytest.mark.django_db
def test_confirming_says_an_agreement_is_created(
    client, event, gold, categories, officer, django_capture_on_commit_callbacks
):
    application = _apply(
        client, django_capture_on_commit_callbacks, event, gold, categories["none"]
    )
    apply_transition(application.pk, "approve")
    client.force_login(officer)
    page = client.get(reverse("sponsorship_applications:edit", args=[application.pk]))
    assert "A sponsorship agreement is created in the archive" in page.content.decode()


def _speaking(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_money_in_the_staff_members_language(client, confirmed, officer, language):
    _speaking(officer, language)
    client.force_login(officer)
    amount = confirmed.amount_usd  # USD 40,000 for a Member State (20 % off 50,000)
    assert amount == Decimal("40000.00")
    inspect = client.get(reverse("sponsorship_applications:inspect", args=[confirmed.pk]))
    html = inspect.content.decode()
    assert format_usd(amount, language=language) in html
    assert "40000.00" not in html
    listing = client.get(reverse("sponsorship_applications:index")).content.decode()
    assert format_usd(amount, unit=False, decimals=2, language=language) in listing
    overview = client.get(reverse("sponsorship_overview")).content.decode()
    assert format_usd(amount, language=language) in overview


@pytest.mark.django_db
def test_exports_keep_machine_values(client, confirmed, officer):
    client.force_login(officer)
    response = client.get(reverse("sponsorship_applications:index") + "?export=csv")
    text = b"".join(response.streaming_content).decode() if response.streaming else ""
    text = text or response.content.decode()
    assert "40000.00" in text


@pytest.mark.django_db
def test_empty_values_read_as_a_dash(
    client, event, gold, categories, officer, django_capture_on_commit_callbacks
):
    application = _apply(
        client, django_capture_on_commit_callbacks, event, gold, categories["academia"], message=""
    )
    client.force_login(officer)
    html = client.get(
        reverse("sponsorship_applications:inspect", args=[application.pk])
    ).content.decode()
    fields = html[html.index("<dl") : html.index("</dl>")]
    assert "None" not in fields
    # Message, agreed amount, notes, partner, agreement, display name, logo, link, due dates.
    assert len(re.findall(r"<dd>\s*—\s*</dd>", fields)) >= 10


@pytest.mark.django_db
def test_assets_still_missing_only_for_current_and_upcoming_events(
    client, home_page, confirmed, event, categories, officer, django_capture_on_commit_callbacks
):
    past = make_event(
        home_page, title="World Telecommunication Development Conference 2017", slug="wtdc-17"
    )
    past_app = _apply(
        client,
        django_capture_on_commit_callbacks,
        past,
        past.packages.get(tier="silver"),
        categories["none"],
        organisation="Old Sponsor Ltd",
        email="old@sponsor.example",
    )
    apply_transition(past_app.pk, "approve")
    apply_transition(past_app.pk, "confirm")
    _set_event_dates(past, datetime.date(2017, 10, 9), datetime.date(2017, 10, 20))
    # An event under way still counts.
    _set_event_dates(event, TODAY - datetime.timedelta(days=1), TODAY + datetime.timedelta(days=1))
    client.force_login(officer)
    html = client.get(reverse("sponsorship_overview")).content.decode()
    missing = html[html.index("Assets still missing") :]
    assert "Acme Networks" in missing
    assert "Old Sponsor Ltd" not in missing
    # The figures still count the past event.
    assert "World Telecommunication Development Conference 2017" in html[: html.index(missing)]


# The invoice -----------------------------------------------------------------------------


#: Spaces and direction marks, which a PDF's text may give back as plain spaces or drop.
MARKS = r"[\s\u200e\u200f\u061c]+"


def _pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def _in_language(application, language, organisation=None):
    fields = {"locale": Locale.objects.get(language_code=language)}
    if organisation:
        fields["organisation"] = organisation
    SponsorshipApplication.objects.filter(pk=application.pk).update(**fields)
    return SponsorshipApplication.objects.select_related("event", "package", "locale").get(
        pk=application.pk
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "organisation", "title"),
    [
        ("en", "Acme Networks", "Pro-forma invoice"),
        ("fr", "Réseaux Acmé", "Facture pro forma"),
        ("ar", "شركة أكمي للشبكات", "فاتورة مبدئية"),
        ("zh-hans", "艾克米网络公司", "形式发票"),
    ],
)
def test_invoice_in_the_applicants_language(confirmed, language, organisation, title):
    application = _in_language(confirmed, language, organisation)
    data = invoice_pdf(application)
    assert data.startswith(b"%PDF")
    text = _pdf_text(data)
    assert organisation in text
    assert title in text
    # The amount as the applicant's language writes it. Text comes out of a PDF in the order
    # it is drawn: right to left in Arabic, so the figure and the code in reverse order.
    expected = format_usd(application.amount_usd, language=language)
    tokens = re.sub(MARKS, " ", expected).split()
    if language == "ar":
        tokens.reverse()
    assert " ".join(tokens) in re.sub(MARKS, " ", text)


def _glyphs_per_character(data):
    """{character: number of distinct glyphs drawn for it}, from the fonts' ToUnicode maps."""
    reader = PdfReader(io.BytesIO(data))
    counts = {}
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            if "/ToUnicode" not in font:
                continue
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            for _glyph, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", cmap):
                if len(text) == 4:
                    char = chr(int(text, 16))
                    counts[char] = counts.get(char, 0) + 1
    return counts


@pytest.mark.django_db
def test_arabic_invoice_is_shaped(confirmed):
    """As far as text can tell: the Arabic reads back in order, and letters were drawn with
    more than one glyph each (their initial, medial and final forms), as shaping does."""
    application = _in_language(confirmed, "ar", "شركة أكمي للشبكات")
    data = invoice_pdf(application)
    text = _pdf_text(data)
    assert "شركة أكمي للشبكات" in text
    counts = _glyphs_per_character(data)
    joined_letters = [c for c in "بتكلمنيه" if counts.get(c, 0) > 1]
    assert len(joined_letters) >= 3, counts


@pytest.mark.django_db
def test_invoice_download_is_permission_checked(
    client, confirmed, officer, editor, event, gold, categories, django_capture_on_commit_callbacks
):
    url = reverse("sponsorship_applications:invoice", args=[confirmed.pk])
    client.force_login(editor)  # may read applications, not handle them
    assert client.get(url).status_code in {302, 403}
    client.force_login(officer)
    page = client.get(reverse("sponsorship_applications:edit", args=[confirmed.pk]))
    assert f'href="{url}"' in page.content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "SP-" in response["Content-Disposition"]
    assert "Acme Networks" in _pdf_text(response.content)
    # An application not confirmed has no invoice.
    applied = _apply(
        client,
        django_capture_on_commit_callbacks,
        event,
        gold,
        categories["none"],
        email="other@acme.example",
    )
    client.force_login(officer)
    response = client.get(
        reverse("sponsorship_applications:invoice", args=[applied.pk]), follow=True
    )
    assert response["Content-Type"].startswith("text/html")
    assert "Only a confirmed sponsorship has an invoice." in response.content.decode()


@pytest.mark.django_db
def test_a_server_without_the_fonts_says_so_instead_of_failing(
    client, confirmed, officer, monkeypatch
):
    """`make demo` machines may lack the fonts `make services` installs: the officer reads
    why there is no invoice, and the application page is intact."""
    from cms.sponsorship import invoice

    def no_font(role):
        raise invoice.FontMissing(role)

    monkeypatch.setattr(invoice, "_font", no_font)
    client.force_login(officer)

    response = client.get(
        reverse("sponsorship_applications:invoice", args=[confirmed.pk]), follow=True
    )

    assert response.status_code == 200
    assert "the fonts it needs are not installed" in response.content.decode()
