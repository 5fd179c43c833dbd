"""`PublicForm`: one public form's round trip, from its context to the answer to its POST.

A refused form comes back bound, with its errors and everything typed, on the page it was
sent from; an accepted one leads to the page's thank-you by a 303 redirect, so that reloading
never sends it again.
"""

import logging
from dataclasses import dataclass

from django.http import HttpResponseRedirect
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from ..page_cache import fragment, register_fragment
from .guards import client_ip, fill_token, filled_too_fast, ip_hash, is_limited, record

__all__ = ["SENT_PARAMETER", "PublicForm"]

logger = logging.getLogger(__name__)

#: The query parameter of the page after a successful submission.
SENT_PARAMETER = "sent"

#: The signed moment a form was shown is new in every response, a page from the cache
#: included (cms.core.page_cache fills it in); such a page is never kept by shared caches.
register_fragment("fill_token", lambda request: fill_token(), private=True)


def csrf_token_for(request):
    """The CSRF token for the form of a signed-in visitor, whose POST Django's CSRF check
    verifies; None for everyone else. A public page served to anonymous visitors carries no
    token (it comes from the shared cache, and a token there would be one visitor's): their
    POST is checked by its origin instead (`origin.same_origin`, cms.core.serving)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return get_token(request)
    return None


@dataclass(frozen=True)
class PublicForm:
    """One public form: its name, where it sits on its page and its rate-limit budget."""

    #: Names the form in logs and in the request attribute that carries a refused form.
    name: str
    #: The id of the form's section: the form's address and the redirect lead there, so that
    #: the visitor sees the outcome without scrolling.
    anchor: str
    #: The rate-limit budget of the form: each form counts apart.
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
            # processors' csrf_token: the form's template gets it from here (signed-in only).
            "csrf_token": csrf_token_for(request),
            # Fresh on every rendering and every response from the cache, a refused one
            # included: the time a person takes to correct the form counts from when they
            # see it again.
            "shown_at": fragment(request, "fill_token"),
        }

    def handle(self, page, request, form, accept):
        """Answer the POST of the bound `form`: `accept(form, ip_digest)` stores a valid one.

        A filled-in honeypot, and a form sent sooner than MIN_FILL_SECONDS after it was shown
        (or without a valid signed moment), get the thank-you and nothing else: software is
        told nothing it could learn to avoid (issue 16), and both are logged. Otherwise the
        page comes again with the errors and what was typed: for invalid input (400) and for
        too many submissions from one address or one e-mail address (429, with a message)."""
        ip_digest = ip_hash(client_ip(request))
        if form.is_trapped:
            logger.info(
                "Honeypot filled in (%s form, page %s): nothing stored.", self.name, page.pk
            )
            record(ip_digest, scope=self.spam_scope)
            return self.thanks(page, request)
        if filled_too_fast(request):
            logger.info(
                "Sent too fast (%s form, page %s): dropped, nothing stored.", self.name, page.pk
            )
            record(ip_digest, scope=self.spam_scope)
            return self.thanks(page, request)
        if not form.is_valid():
            return self.page_again(page, request, form, status=400)
        email = form.cleaned_data["email"]
        if is_limited(ip_digest, email, scope=self.spam_scope):
            logger.info("Rate limit reached (%s form, page %s).", self.name, page.pk)
            form.add_error(None, self.rate_limited)
            return self.page_again(page, request, form, status=429)
        accept(form, ip_digest)
        record(ip_digest, email, scope=self.spam_scope)
        return self.thanks(page, request)

    def page_again(self, page, request, form, status):
        """The page again, its form bound to what was sent."""
        setattr(request, self._attribute, form)
        request.is_preview = False
        response = TemplateResponse(
            request, page.get_template(request), page.get_context(request), status=status
        )
        # It shows what the visitor typed (their name, address, message): never kept by a
        # browser's or a proxy's cache. The thank-you repeats nothing of it.
        add_never_cache_headers(response)
        return response

    def thanks(self, page, request):
        """303 See Other to the page with its thank-you: reloading never sends again."""
        response = HttpResponseRedirect(f"{page.get_url(request)}?{SENT_PARAMETER}=1#{self.anchor}")
        response.status_code = 303
        return response
