"""The e-mails of a sponsorship application: one to the applicant at every step, in the
language they applied in (right to left in Arabic), and one to the event's contact when an
application arrives, each in plain text and HTML."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cms.interest.emails import AUTOMATIC, render_email

from .models import SponsorshipApplication, SponsorshipPackage

__all__ = ["contact_message", "status_message"]

Status = SponsorshipApplication.Status

#: What the applicant is told at each step (subject, first paragraph).
STEPS = {
    Status.APPLIED: (
        _("We have received your sponsorship application"),
        _(
            "Thank you for applying to sponsor this event. Our team will review your "
            "application and write to you within a few working days."
        ),
    ),
    Status.APPROVED: (
        _("Your sponsorship application is approved"),
        _(
            "Your application is approved and a slot of the package is reserved for you. "
            "We will send you the sponsorship agreement to sign."
        ),
    ),
    Status.REJECTED: (
        _("Your sponsorship application"),
        _(
            "We are sorry: we cannot accept your application for this package. You are "
            "welcome to apply for another package or another event."
        ),
    ),
    Status.CONFIRMED: (
        _("Your sponsorship is confirmed"),
        _(
            "Your sponsorship is confirmed. Please send us your logo, the name to display "
            "and the link to show on the event's pages."
        ),
    ),
    Status.DELIVERED: (
        _("Your sponsorship benefits have been delivered"),
        _("Everything in your sponsorship package has been delivered. Thank you for your support."),
    ),
    Status.CANCELLED: (
        _("Your sponsorship has been cancelled"),
        _("Your sponsorship application has been cancelled. Write to us if this is a mistake."),
    ),
}


def _absolute(url):
    if url and url.startswith("/"):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url or ""


def _event_in(application, language_code):
    """The live event page in the applicant's language, else the English one."""
    event = application.event
    if event is None:
        return None
    if event.locale.language_code != language_code:
        other = event.get_translations().live().filter(locale__language_code=language_code)
        event = (other.first() or event).specific
    return event


def _render(template, context, language_code):
    if "step" in context:
        context = {**context}
        context["subject"], context["lead"] = context.pop("step")  # lazy: rendered in the language
    return render_email(f"sponsorship/email/{template}", context, language_code)


def _message(subject, text, html, language_code, to, reply_to):
    message = EmailMultiAlternatives(
        subject,
        text,
        to=to,
        reply_to=reply_to,
        headers={**AUTOMATIC, "Content-Language": language_code},
    )
    message.attach_alternative(html, "text/html")
    return message


def status_message(application, status):
    """The e-mail telling the applicant that their application reached `status`."""
    language_code = application.locale.language_code
    event = _event_in(application, language_code)
    package = None
    if application.package_id:
        package = (
            SponsorshipPackage.objects.filter(
                translation_key=application.package.translation_key,
                locale__language_code=language_code,
            ).first()
            or application.package
        )
    context = {
        "application": application,
        "status": status,
        "step": STEPS[status],
        "event_title": event.title if event else application.event_title,
        "package_name": package.name if package else application.package_name,
        "event_url": _absolute(event.get_url()) if event else "",
    }
    subject, text, html = _render("status", context, language_code)
    reply_to = [application.event.contact_email] if application.event_id else []
    return _message(subject, text, html, language_code, [application.email], reply_to)


def contact_message(application):
    """The notification of a new application to the event's sponsorship contact, in English
    (the language of the staff's admin), replying to the applicant."""
    from .viewsets import application_viewset

    admin_url = _absolute(
        reverse(application_viewset.get_url_name("inspect"), args=[application.pk])
    )
    context = {"application": application, "admin_url": admin_url}
    subject, text, html = _render("contact", context, settings.LANGUAGE_CODE)
    return _message(
        subject,
        text,
        html,
        settings.LANGUAGE_CODE,
        [application.event.contact_email],
        [application.email],
    )
