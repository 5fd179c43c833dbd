"""The two e-mails of an expression of interest: to the opportunity's contact, in the
contact's language, and to the sender, in the language of the page."""

from io import StringIO

from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command

from cms.core.formats import format_date
from cms.core.models import OutgoingEmail
from cms.interest.factories import ExpressionOfInterestFactory
from cms.interest.models import ExpressionOfInterest
from tests.core.mail import BACKEND, RefusingBackend

from .conftest import make_opportunity
from .translations import SUBJECT, translated

TAGLINE = {"en": "Partnerships and resource mobilization", "ar": "الشراكات وتعبئة الموارد"}


def html_part(message):
    (content, mimetype), *_others = message.alternatives
    assert mimetype == "text/html"
    return content


def parse_html(message):
    return BeautifulSoup(html_part(message), "html.parser")


def date_in(language, moment):
    return format_date(moment, language=language)


def by_recipient(outbox):
    return {message.to[0]: message for message in outbox}


def test_contact_is_told_and_sender_gets_a_confirmation(send, opportunity, form_data):
    send(opportunity, form_data)

    submission = ExpressionOfInterest.objects.get()
    messages = by_recipient(mail.outbox)
    assert set(messages) == {"amina.diallo@itu.example", "claire.martin@fondation.example"}

    to_contact = messages["amina.diallo@itu.example"]
    assert to_contact.subject == (
        "Expression of interest from Fondation Pierre Fabre: Smart villages in the Sahel"
    )
    # Replying answers the sender; autoresponders stay quiet.
    assert to_contact.reply_to == ["claire.martin@fondation.example"]
    assert to_contact.extra_headers["Auto-Submitted"] == "auto-generated"
    assert "Hello Amina Diallo," in to_contact.body
    assert "Claire Martin" in to_contact.body
    assert "Support offered: Expertise" in to_contact.body
    assert form_data["message"] in to_contact.body
    admin_link = f"http://testserver/admin/expressions-of-interest/inspect/{submission.pk}/"
    assert admin_link in to_contact.body
    assert f"http://testserver{opportunity.url}" in to_contact.body
    html = parse_html(to_contact)
    assert html.select_one(f'a[href="{admin_link}"]')
    assert html.select_one('a[href="mailto:claire.martin@fondation.example"]')

    confirmation = messages["claire.martin@fondation.example"]
    assert confirmation.subject == "Your expression of interest in “Smart villages in the Sahel”"
    assert confirmation.reply_to == ["amina.diallo@itu.example"]
    assert "Support offered: Expertise" in confirmation.body
    # Nothing the sender typed freely is sent back: the form cannot be used to send anyone
    # an e-mail with any content.
    for typed in ("Fondation Pierre Fabre", "Claire Martin", "e-santé"):
        assert typed not in confirmation.body
        assert typed not in html_part(confirmation)


def test_confirmation_is_in_french_for_a_french_page(send, french_opportunity, form_data):
    send(french_opportunity, form_data)

    submission = ExpressionOfInterest.objects.get()
    messages = by_recipient(mail.outbox)
    confirmation = messages["claire.martin@fondation.example"]
    assert confirmation.subject == translated(SUBJECT, "fr", title="Villages intelligents au Sahel")
    assert confirmation.subject.startswith("Votre manifestation")
    assert confirmation.extra_headers["Content-Language"] == "fr"
    assert date_in("fr", submission.created_at) in confirmation.body
    assert date_in("fr", submission.created_at) != date_in("en", submission.created_at)
    html = parse_html(confirmation)
    assert (html.html["lang"], html.html["dir"]) == ("fr", "ltr")
    assert html.select_one(f'a[href="http://testserver{french_opportunity.url}"]')

    # The opportunity was written in English: its contact reads English, with the title of
    # the English page, and learns which language the sender used.
    to_contact = messages["amina.diallo@itu.example"]
    assert to_contact.extra_headers["Content-Language"] == "en"
    assert to_contact.subject.endswith(": Smart villages in the Sahel")
    assert date_in("en", submission.created_at) in to_contact.body
    assert "Language of the page: Français" in to_contact.body


def test_confirmation_is_in_arabic_right_to_left_for_an_arabic_page(
    send, arabic_opportunity, form_data
):
    send(arabic_opportunity, form_data)

    submission = ExpressionOfInterest.objects.get()
    confirmation = by_recipient(mail.outbox)["claire.martin@fondation.example"]
    assert confirmation.subject == translated(SUBJECT, "ar", title="القرى الذكية في منطقة الساحل")
    assert confirmation.subject != SUBJECT % {"title": "القرى الذكية في منطقة الساحل"}
    assert confirmation.extra_headers["Content-Language"] == "ar"
    assert date_in("ar", submission.created_at) in confirmation.body
    html = parse_html(confirmation)
    assert (html.html["lang"], html.html["dir"]) == ("ar", "rtl")
    assert html.body["dir"] == "rtl"
    assert TAGLINE["ar"] in html.get_text()


def test_contact_reads_the_language_the_opportunity_was_written_in(
    send, home_page, opportunity_index, translate, locales, form_data
):
    # An opportunity written in French, in the French opportunities, never in English.
    translate(home_page, "fr", "Partenariats")
    french_index = translate(opportunity_index, "fr", "Opportunités")
    page = make_opportunity(french_index, title="Écoles connectées", slug="ecoles-connectees")
    assert page.locale == locales["fr"]
    translate(home_page, "ar", "شراكات")
    translate(french_index, "ar", "الفرص")
    arabic = translate(page, "ar", "المدارس المتصلة")

    send(arabic, form_data)

    submission = ExpressionOfInterest.objects.get()
    to_contact = by_recipient(mail.outbox)["amina.diallo@itu.example"]
    assert to_contact.extra_headers["Content-Language"] == "fr"
    assert date_in("fr", submission.created_at) in to_contact.body
    # The title of the contact's own version of the page.
    assert "Écoles connectées" in to_contact.subject


def test_html_escapes_what_the_sender_typed_and_subjects_stay_on_one_line(
    send, opportunity, form_data
):
    form_data["organisation"] = "<b>Evil</b>\r\nBcc: victim@example.org"

    send(opportunity, form_data)

    to_contact = by_recipient(mail.outbox)["amina.diallo@itu.example"]
    assert "\n" not in to_contact.subject and "\r" not in to_contact.subject
    assert "<b>Evil</b>" not in html_part(to_contact)
    assert "&lt;b&gt;Evil&lt;/b&gt;" in html_part(to_contact)
    assert to_contact.bcc == []


def test_a_submission_deleted_before_its_emails_went_takes_them_with_it(
    send, opportunity, form_data, settings
):
    settings.EMAIL_BACKEND = BACKEND
    RefusingBackend.refusing = "connection"
    try:
        send(opportunity, form_data)
    finally:
        RefusingBackend.refusing = None
    submission = ExpressionOfInterest.objects.get()
    assert submission.emails.count() == 2  # kept for a retry, with what they say

    submission.delete()
    call_command("send_due_emails", stdout=StringIO())

    assert OutgoingEmail.objects.count() == 0
    assert mail.outbox == []


def test_deleting_an_opportunity_keeps_its_expressions_of_interest(opportunity):
    submission = ExpressionOfInterestFactory(page=opportunity)

    opportunity.delete()

    submission.refresh_from_db()
    assert submission.page is None
    assert submission.page_title == "Smart villages in the Sahel"
    assert submission.page_url == ""
