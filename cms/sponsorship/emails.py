"""The e-mails of a sponsorship application: one to the applicant at every step, in the
language they applied in (right to left in Arabic), and one to the event's contact when an
application arrives, each in plain text and HTML.

Each is written to the outbox (`cms.core.outbox`) in the transaction of its step (the
application stored, approved, rejected...), rendered then: the applicant reads the step that
was taken even if the application moved on before the mail server answered.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cms.core import outbox
from cms.core.emails import absolute, page_in, render

from . import links
from .admin_urls import url_name
from .models import LogoSubmission, SponsorshipApplication, SponsorshipPackage

__all__ = [
    "CONTACT",
    "LOGO",
    "STATUS",
    "contact_email",
    "logo_email",
    "names_in",
    "queue_application",
    "queue_logo_decision",
    "queue_step",
    "status_email",
]

CONTACT = "sponsorship.contact"
STATUS = "sponsorship.status"
LOGO = "sponsorship.logo"

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


def _render(template, context, **kwargs):
    if "step" in context:
        context = {**context}
        context["subject"], context["lead"] = context.pop("step")  # lazy: rendered in the language
    return render(f"sponsorship/email/{template}", context, **kwargs)


def names_in(application, language_code):
    """(event page, event title, package name) of an application in a language: the event's
    and package's translations where they exist, else the English names it keeps. Shared by
    the e-mails and the invoice (invoice.py)."""
    event = page_in(application.event, language_code) if application.event else None
    package = None
    if application.package_id:
        package = (
            SponsorshipPackage.objects.filter(
                translation_key=application.package.translation_key,
                locale__language_code=language_code,
            ).first()
            or application.package
        )
    return (
        event,
        event.title if event else application.event_title,
        package.name if package else application.package_name,
    )


def status_email(application, status):
    """The e-mail telling the applicant that their application reached `status`."""
    language_code = application.locale.language_code
    event, event_title, package_name = names_in(application, language_code)
    context = {
        "application": application,
        "status": status,
        "step": STEPS[status],
        "event_title": event_title,
        "package_name": package_name,
        "event_url": absolute(event.get_url()) if event else "",
        # A confirmed sponsor delivers its logo, display name and link through this link.
        "assets_url": links.url(application) if status == Status.CONFIRMED else "",
        "link_days": links.link_days(),
    }
    reply_to = [application.event.contact_email] if application.event_id else []
    return _render(
        "status", context, to=application.email, language=language_code, reply_to=reply_to
    )


def contact_email(application):
    """The notification of a new application to the event's sponsorship contact, in English
    (the language of the staff's admin), replying to the applicant."""
    admin_url = absolute(reverse(url_name("inspect"), args=[application.pk]))
    context = {"application": application, "admin_url": admin_url}
    return _render(
        "contact",
        context,
        to=application.event.contact_email,
        language=settings.LANGUAGE_CODE,
        reply_to=[application.email],
    )


def queue_application(application):
    """Write the e-mails of a new application (to the event's contact, and the applicant's
    acknowledgement) to the outbox, in the caller's transaction."""
    if application.event is not None:
        outbox.write(CONTACT, contact_email(application), cause=application)
    queue_step(application, application.status)


def queue_step(application, status):
    """Write the applicant's e-mail of the step to `status`, in the caller's transaction."""
    outbox.write(STATUS, status_email(application, status), cause=application)


def logo_email(submission):
    """The e-mail telling a sponsor that its logo was approved (and is shown) or rejected
    (with the reason and a fresh link to upload again), in its language."""
    application = submission.application
    language_code = application.locale.language_code
    event, event_title, _package_name = names_in(application, language_code)
    approved = submission.status == LogoSubmission.Status.APPROVED
    context = {
        "application": application,
        "submission": submission,
        "approved": approved,
        "event_title": event_title,
        "event_url": absolute(event.get_url()) if event else "",
        "assets_url": "" if approved else links.url(application),
        "link_days": links.link_days(),
    }
    reply_to = [application.event.contact_email] if application.event_id else []
    return _render("logo", context, to=application.email, language=language_code, reply_to=reply_to)


def queue_logo_decision(submission):
    """Write the sponsor's e-mail about its logo's approval or rejection to the outbox, in
    the caller's transaction."""
    outbox.write(LOGO, logo_email(submission), cause=submission.application)
