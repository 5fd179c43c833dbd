"""The registration form of RegistrationPage: its context and its POST.

A valid registration of a new address stores the subscriber, its consent and a confirmation
e-mail (double opt-in); one of an address already registered sends its owner a link to manage
the subscription instead. Both answer the same on screen, so the form never tells who is
registered. The honeypot and the rate limit are those of the expression-of-interest form.
"""

import logging

from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cms.interest import spam
from cms.interest.models import PRIVACY_NOTICE_VERSION

from . import outbox
from .forms import RegistrationForm
from .models import Consent, Delivery, Subscriber

__all__ = ["handle_registration", "registration_context"]

logger = logging.getLogger(__name__)

FORM_ANCHOR = "alerts-form"
SPAM_SCOPE = "alerts"  # counted apart from expressions of interest (cms.interest.spam)
SENT_PARAMETER = "sent"
RATE_LIMITED = _(
    "You have sent this form several times in the last hour. Please try again in an hour; "
    "what you typed is kept below."
)


def registration_context(page, request):
    """The form (bound, with its errors, after a refused POST) or the thank-you message."""
    form = getattr(request, "_alerts_form", None)
    sent = form is None and request.GET.get(SENT_PARAMETER) == "1"
    form = form or RegistrationForm(initial={"language": page.locale.language_code})
    return {
        "alerts": {
            "form": form,
            "sent": sent,
            "errors": form.error_summary() if form.is_bound else [],
            "action": f"{page.get_url(request) or ''}#{FORM_ANCHOR}",
            "anchor": FORM_ANCHOR,
            "csrf_token": get_token(request),
        }
    }


def handle_registration(page, request):
    """Handle a POST of the registration form; None for any other request."""
    if request.method != "POST":
        return None
    with translation.override(page.locale.language_code):
        form = RegistrationForm(request.POST)
        ip_digest = spam.ip_hash(spam.client_ip(request))
        if form.is_trapped:
            logger.info("Honeypot filled in on the registration page: nothing stored.")
            spam.record(ip_digest, scope=SPAM_SCOPE)
            return _redirect_to_thanks(page, request)
        if not form.is_valid():
            return _page_with_form(page, request, form, status=400)
        email = form.cleaned_data["email"]
        if spam.is_limited(ip_digest, email, scope=SPAM_SCOPE):
            form.add_error(None, RATE_LIMITED)
            return _page_with_form(page, request, form, status=429)
        register(form, page.locale.language_code, ip_digest)
        spam.record(ip_digest, email, scope=SPAM_SCOPE)
        return _redirect_to_thanks(page, request)


def register(form, language, ip_digest=""):
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
                record_consent(subscriber, Consent.Event.REGISTERED, language)
                outbox.queue(subscriber, Delivery.Kind.CONFIRMATION)
                return subscriber
        except IntegrityError:
            # Registered at the same moment by another request.
            existing = Subscriber.objects.filter(email__iexact=email).first()
    with transaction.atomic():
        outbox.queue(existing, Delivery.Kind.MANAGE_LINK)
    return existing


def record_consent(subscriber, event, language):
    """Keep when, under which notice, in which language and for which criteria."""
    return Consent.objects.create(
        subscriber=subscriber,
        event=event,
        privacy_notice_version=PRIVACY_NOTICE_VERSION,
        language=language,
        criteria=subscriber.criteria(),
    )


def _page_with_form(page, request, form, status):
    request._alerts_form = form
    request.is_preview = False
    return TemplateResponse(
        request, page.get_template(request), page.get_context(request), status=status
    )


def _redirect_to_thanks(page, request):
    response = HttpResponseRedirect(f"{page.get_url(request)}?{SENT_PARAMETER}=1#{FORM_ANCHOR}")
    response.status_code = 303
    return response
