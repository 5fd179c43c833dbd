"""The registration form of RegistrationPage: its context and its POST (registered for the
page with `cms.pages.context.registry`).

A valid registration of a new address stores the subscriber, its consent and a confirmation
e-mail (double opt-in) in one transaction; one of an address already registered sends its
owner a link to manage the subscription instead. Both answer the same on screen, so the form
never tells who is registered. The honeypot, the fill time, the rate limit and the redirect
are those of every public form (`cms.core.public_forms`).
"""

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cms.core.personal_data import client_digest, email_digest
from cms.core.public_forms import PRIVACY_NOTICE_VERSION, PublicForm
from cms.pages.context.registry import answers, builds

from . import emails
from .forms import RegistrationForm
from .models import Consent, RegistrationPage, Subscriber

__all__ = ["FORM", "handle_registration", "registration_context"]

FORM = PublicForm(
    name="alerts",
    anchor="alerts-form",
    spam_scope="alerts",  # counted apart from the other forms (cms.core.public_forms)
    rate_limited=_(
        "You have sent this form several times in the last hour. Please try again in an hour; "
        "what you typed is kept below."
    ),
)


@builds(RegistrationPage)
def registration_context(page, request):
    """The form (bound, with its errors, after a refused POST) or the thank-you message."""
    return {
        "alerts": FORM.context(
            page, request, lambda: RegistrationForm(initial={"language": page.locale.language_code})
        )
    }


@answers(RegistrationPage)
def handle_registration(page, request):
    """Handle a POST of the registration form; None for any other request."""
    if request.method != "POST":
        return None
    with translation.override(page.locale.language_code):
        return FORM.handle(
            page,
            request,
            RegistrationForm(request.POST),
            lambda form, ip_digest: register(
                form, page.locale.language_code, ip_digest, request=request
            ),
        )


def register(form, language, ip_digest="", request=None):
    """Store a new subscriber with its consent and confirmation e-mail, or, for an address
    already registered, queue the e-mail with the link to manage it."""
    email = form.cleaned_data["email"]
    existing = Subscriber.objects.filter(email__iexact=email).first()
    if existing is None:
        try:
            with transaction.atomic():
                subscriber = form.save(commit=False)
                subscriber.ip_hash = ip_digest
                subscriber.save()
                form.save_m2m()
                record_consent(subscriber, Consent.Event.REGISTERED, language, request)
                emails.queue(subscriber, emails.CONFIRMATION)
                return subscriber
        except IntegrityError:
            # Registered at the same moment by another request.
            existing = Subscriber.objects.filter(email__iexact=email).first()
    with transaction.atomic():
        emails.queue(existing, emails.MANAGE_LINK)
    return existing


def record_consent(subscriber, event, language, request=None):
    """Keep when, under which notice, in which language, for which criteria, and from which
    client (a keyed hash of its address and user agent): the consent history."""
    return Consent.objects.create(
        subscriber=subscriber,
        event=event,
        privacy_notice_version=PRIVACY_NOTICE_VERSION,
        language=language,
        criteria=subscriber.criteria(),
        email_hash=email_digest(subscriber.email),
        client_hash=client_digest(request),
    )
