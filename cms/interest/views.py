"""The expression-of-interest form of an opportunity page: its context and its POST.

OpportunityPage.serve() hands every request to `handle_interest` first, and its get_context()
merges `interest_context`; the page template includes "interest/interest_form.html" when the
context has an "interest" entry (open opportunities only).
"""

import logging
from functools import partial

from django.db import transaction
from django.http import HttpResponseRedirect
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from . import spam
from .forms import ExpressionOfInterestForm
from .models import PRIVACY_NOTICE_VERSION, ExpressionOfInterest
from .tasks import send_confirmation, send_contact_notification

__all__ = ["FORM_ANCHOR", "SENT_PARAMETER", "handle_interest", "interest_context"]

logger = logging.getLogger(__name__)

#: The id of the form's section: the redirect after sending, and the form's own address, lead
#: there, so that the visitor sees the outcome without scrolling.
FORM_ANCHOR = "interest-form"
#: The query parameter of the page after a successful submission (POST/redirect/GET).
SENT_PARAMETER = "sent"

RATE_LIMITED = _(
    "You have sent several expressions of interest in the last hour. Please try again in an "
    "hour; what you typed is kept below."
)


def interest_context(page, request):
    """Template context for the expression-of-interest form of an opportunity page.

    Empty unless the opportunity is open. The form comes back bound, with its errors, when
    `handle_interest` renders the page again after a refused POST.
    """
    if not page.is_open:
        return {}
    form = getattr(request, "_interest_form", None)
    sent = form is None and request.GET.get(SENT_PARAMETER) == "1"
    form = form or ExpressionOfInterestForm()
    return {
        "interest": {
            "form": form,
            "sent": sent,
            "errors": form.error_summary() if form.is_bound else [],
            "action": f"{page.get_url(request) or ''}#{FORM_ANCHOR}",
            "anchor": FORM_ANCHOR,
            # The page template includes the form "with ... only", which leaves out the
            # context processors' csrf_token: the form's template gets it from here.
            "csrf_token": get_token(request),
        }
    }


def handle_interest(page, request):
    """Handle a POST of the expression-of-interest form; return a response, or None for
    any other request (the page is then served as usual).

    A valid submission is stored, its two e-mails are queued as tasks once the transaction
    commits, and the visitor is redirected to the page with a thank-you message. An invalid
    one gets the page again, with the errors and everything typed (400); too many from one
    address or one e-mail address, the same with a message (429). A closed opportunity
    refuses politely (409). A filled-in honeypot gets the thank-you and nothing else.
    """
    if request.method != "POST":
        return None

    with translation.override(page.locale.language_code):
        if not page.is_open:
            return TemplateResponse(
                request, "interest/closed.html", {"page": page, "self": page}, status=409
            )

        form = ExpressionOfInterestForm(request.POST)
        ip_digest = spam.ip_hash(spam.client_ip(request))

        if form.is_trapped:
            logger.info("Honeypot filled in on opportunity %s: nothing stored.", page.pk)
            spam.record(ip_digest)
            return _redirect_to_thanks(page, request)

        if not form.is_valid():
            return _page_with_form(page, request, form, status=400)

        email = form.cleaned_data["email"]
        if spam.is_limited(ip_digest, email):
            logger.info("Rate limit reached on opportunity %s.", page.pk)
            form.add_error(None, RATE_LIMITED)
            return _page_with_form(page, request, form, status=429)

        submission = _store(page, form, ip_digest)
        spam.record(ip_digest, email)
        transaction.on_commit(partial(_queue_emails, submission.pk), robust=True)
        return _redirect_to_thanks(page, request)


def _store(page, form, ip_digest):
    data = form.cleaned_data
    return ExpressionOfInterest.objects.create(
        page=page,
        page_title=page.title[:255],
        locale=page.locale,
        organisation=data["organisation"],
        contact_name=data["contact_name"],
        email=data["email"],
        support=data["support"],
        message=data["message"],
        consent_given_at=timezone.now(),
        privacy_notice_version=PRIVACY_NOTICE_VERSION,
        ip_hash=ip_digest,
    )


def _queue_emails(submission_id):
    send_contact_notification.enqueue(submission_id)
    send_confirmation.enqueue(submission_id)


def _page_with_form(page, request, form, status):
    """The opportunity page again, its form bound to what was sent."""
    request._interest_form = form
    request.is_preview = False
    return TemplateResponse(
        request, page.get_template(request), page.get_context(request), status=status
    )


def _redirect_to_thanks(page, request):
    url = f"{page.get_url(request)}?{SENT_PARAMETER}=1#{FORM_ANCHOR}"
    response = HttpResponseRedirect(url)
    # 303 See Other: reloading the page that follows never sends the form again.
    response.status_code = 303
    return response
