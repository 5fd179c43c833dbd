"""The page of an expression of interest's status, reached from the signed link of its
e-mails (links.py): the opportunity, the date it was sent, its status and the dated history
of its changes, in the language its sender used.

It shows one person's data: it is never cached, by the site or anyone else (`private,
no-store`), never indexed (`noindex` in the page and in X-Robots-Tag) and never listed in a
sitemap. A link altered or forged, or whose submission was erased, answers 404 with a page
saying so; an expired one 410, saying that each e-mail about it carries a new link.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from cms.core.emails import page_in
from cms.core.signed_links import PRIVATE_HEADERS, private

from .links import EXPIRED, submission_for, url

__all__ = ["PRIVATE_HEADERS", "status"]


def history(submission):
    """The sender's view of what happened: (date, status label), first the sending."""
    Status = type(submission).Status
    lines = [(submission.created_at, Status.RECEIVED.label)]
    lines += [
        (change.changed_at, change.get_status_display())
        for change in submission.status_changes.all()
    ]
    return lines


def opportunity(submission, language_code):
    """The opportunity's live page in the sender's language (or its own language), or None
    when it was deleted or is no longer published."""
    if submission.page_id is None or not submission.page.live:
        return None
    return page_in(submission.page, language_code)


def _unavailable(request, problem):
    if problem == EXPIRED:
        title, status = _("This link has expired"), 410
        text = _(
            "Each e-mail we send you about your expression of interest carries a new link: use "
            "the one in the most recent e-mail, or write to the contact of the opportunity."
        )
    else:
        title, status = _("This link is not valid"), 404
        text = _(
            "It may have been copied incompletely, or the expression of interest it belongs to "
            "was deleted. Copy the whole link from the e-mail we sent you, or write to the "
            "contact of the opportunity."
        )
    context = {"title": title, "text": text, "meta_noindex": True}
    return render(request, "interest/status_unavailable.html", context, status=status)


@never_cache
@require_safe
def status(request, value):
    """GET: the status page of the signed link `value`, in its sender's language."""
    submission, problem = submission_for(value)
    if submission is None:
        return private(_unavailable(request, problem))
    language_code = submission.locale.language_code
    if get_language() != language_code:
        # The same link under another language's prefix: the sender's language, always.
        return private(HttpResponseRedirect(url(submission)))
    page = opportunity(submission, language_code)
    context = {
        "submission": submission,
        "opportunity": page,
        "title": page.title if page else submission.page_title,
        "history": history(submission),
        "meta_noindex": True,
    }
    return private(render(request, "interest/status.html", context))
