"""What the three public forms (expression of interest, alerts registration, sponsorship
application) do alike: a bound form that comes back with its errors and everything typed,
a honeypot, a rate limit per address and per e-mail, and POST/redirect/GET to a thank-you.

Each form declares one `PublicForm`; its page's serve() hands a POST to `PublicForm.handle`
with the bound form and what to do with a valid one, and its get_context() merges
`PublicForm.context`.
"""

import logging
from dataclasses import dataclass

from django.http import HttpResponseRedirect
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse

from . import spam

__all__ = ["SENT_PARAMETER", "PublicForm"]

logger = logging.getLogger(__name__)

#: The query parameter of the page after a successful submission.
SENT_PARAMETER = "sent"


@dataclass(frozen=True)
class PublicForm:
    #: Names the form in logs and in the request attribute that carries a refused form.
    name: str
    #: The id of the form's section: the form's address and the redirect lead there, so that
    #: the visitor sees the outcome without scrolling.
    anchor: str
    #: The rate-limit budget of the form (cms.interest.spam): each form counts apart.
    spam_scope: str
    #: The message of a refusal for too many submissions (lazily translated).
    rate_limited: str

    @property
    def _attribute(self):
        return f"_{self.name}_form"

    def context(self, page, request, new_form):
        """The form's template context: the refused form of this request (bound, with its
        errors) or `new_form()`, and whether the thank-you message is due."""
        form = getattr(request, self._attribute, None)
        sent = form is None and request.GET.get(SENT_PARAMETER) == "1"
        form = form or new_form()
        return {
            "form": form,
            "sent": sent,
            "errors": form.error_summary() if form.is_bound else [],
            "action": f"{page.get_url(request) or ''}#{self.anchor}",
            "anchor": self.anchor,
            # Page templates include the form "with ... only", which leaves out the context
            # processors' csrf_token: the form's template gets it from here.
            "csrf_token": get_token(request),
        }

    def handle(self, page, request, form, accept):
        """Answer the POST of the bound `form`: `accept(form, ip_digest)` stores a valid one.

        A filled-in honeypot gets the thank-you and nothing else; invalid input gets the page
        again with the errors and what was typed (400); too many submissions from one address
        or one e-mail address, the same with a message (429)."""
        ip_digest = spam.ip_hash(spam.client_ip(request))
        if form.is_trapped:
            logger.info(
                "Honeypot filled in (%s form, page %s): nothing stored.", self.name, page.pk
            )
            spam.record(ip_digest, scope=self.spam_scope)
            return self.thanks(page, request)
        if not form.is_valid():
            return self.page_again(page, request, form, status=400)
        email = form.cleaned_data["email"]
        if spam.is_limited(ip_digest, email, scope=self.spam_scope):
            logger.info("Rate limit reached (%s form, page %s).", self.name, page.pk)
            form.add_error(None, self.rate_limited)
            return self.page_again(page, request, form, status=429)
        accept(form, ip_digest)
        spam.record(ip_digest, email, scope=self.spam_scope)
        return self.thanks(page, request)

    def page_again(self, page, request, form, status):
        """The page again, its form bound to what was sent."""
        setattr(request, self._attribute, form)
        request.is_preview = False
        return TemplateResponse(
            request, page.get_template(request), page.get_context(request), status=status
        )

    def thanks(self, page, request):
        """303 See Other to the page with its thank-you: reloading never sends again."""
        response = HttpResponseRedirect(f"{page.get_url(request)}?{SENT_PARAMETER}=1#{self.anchor}")
        response.status_code = 303
        return response
