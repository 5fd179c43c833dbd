"""The expression-of-interest form of an opportunity page: its context and its POST.

The opportunity page never imports this module: it registers both functions for
OpportunityPage with the pages' context registry (`cms.pages.context.registry`) when the app
is ready, so OpportunityPage.serve() hands every request to `handle_interest` first and its
get_context() merges `interest_context`. The page template includes
"interest/interest_form.html" when the context has an "interest" entry (open opportunities
only).
"""

from django.db import transaction
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cms.core.public_forms import SENT_PARAMETER, PublicForm, consent_given
from cms.pages.context.registry import answers, builds
from cms.pages.models import OpportunityPage

from . import emails
from .forms import ExpressionOfInterestForm
from .models import ExpressionOfInterest

__all__ = ["FORM", "SENT_PARAMETER", "handle_interest", "interest_context"]

FORM = PublicForm(
    name="interest",
    anchor="interest-form",
    spam_scope="interest",
    rate_limited=_(
        "You have sent several expressions of interest in the last hour. Please try again in "
        "an hour; what you typed is kept below."
    ),
)


@builds(OpportunityPage)
def interest_context(page, request):
    """Template context for the expression-of-interest form of an opportunity page.

    Empty unless the opportunity is open. The form comes back bound, with its errors, when
    `handle_interest` renders the page again after a refused POST.
    """
    if not page.is_open:
        return {}
    return {"interest": FORM.context(page, request, ExpressionOfInterestForm)}


@answers(OpportunityPage)
def handle_interest(page, request):
    """Handle a POST of the expression-of-interest form; return a response, or None for
    any other request (the page is then served as usual).

    A valid submission is stored with its two e-mails in the outbox, in one transaction,
    and the visitor is redirected to the page with a thank-you message; refusals are those of
    `PublicForm.handle`. A closed opportunity refuses politely (409).
    """
    if request.method != "POST":
        return None

    with translation.override(page.locale.language_code):
        if not page.is_open:
            return TemplateResponse(
                request, "interest/closed.html", {"page": page, "self": page}, status=409
            )

        def accept(form, ip_digest):
            with transaction.atomic():
                emails.queue(_store(page, form, ip_digest))

        return FORM.handle(page, request, ExpressionOfInterestForm(request.POST), accept)


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
        ip_hash=ip_digest,
        **consent_given(),
    )
