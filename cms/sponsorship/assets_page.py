"""The page where a confirmed sponsor sends its logo, display name and link, reached from the
signed link of its e-mails (links.py): what the event's pages show now, what waits for
approval, why the last upload was rejected, and the form.

It shows one sponsor's data and takes its upload: never cached, by the site or anyone else
(`private, no-store`), never indexed and never listed in a sitemap. A link altered or forged,
or whose sponsorship was cancelled, answers 404 with a page saying so; an expired one 410.
A sent form leads back to the page (POST/redirect/GET), which then says that the upload waits
for approval.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cms.core.emails import page_in
from cms.core.signed_links import private

from . import logos
from .forms import SponsorAssetsForm
from .links import EXPIRED, application_for, url
from .models import LogoSubmission

__all__ = ["assets"]

SENT = "sent"


def _unavailable(request, problem):
    if problem == EXPIRED:
        title, status = _("This link has expired"), 410
        text = _(
            "Each e-mail we send you about your sponsorship carries a new link: use the one in "
            "the most recent e-mail, or reply to it to ask for a new one."
        )
    else:
        title, status = _("This link is not valid"), 404
        text = _(
            "It may have been copied incompletely, or the sponsorship it belongs to was "
            "cancelled. Copy the whole link from the e-mail we sent you, or reply to it."
        )
    context = {"title": title, "text": text, "meta_noindex": True}
    return render(request, "sponsorship/link_unavailable.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def assets(request, value):
    """GET: the sponsor's page of the signed link `value`, in its language; POST: its upload."""
    application, problem = application_for(value)
    if application is None:
        return private(_unavailable(request, problem))
    if get_language() != application.locale.language_code:
        # The same link under another language's prefix: the sponsor's language, always.
        return private(HttpResponseRedirect(url(application)))
    form = None
    status = 200
    if request.method == "POST":
        form = SponsorAssetsForm(request.POST, request.FILES)
        if form.is_valid():
            logos.submit(
                application,
                form.cleaned_data["logo"],
                form.cleaned_data["display_name"],
                form.cleaned_data["link_url"],
            )
            response = HttpResponseRedirect(f"{request.path}?{SENT}=1")
            response.status_code = 303
            return private(response)
        status = 400
    submissions = list(application.logo_submissions.select_related("logo")[:1])
    latest = submissions[0] if submissions else None
    if form is None:
        initial = {
            "display_name": application.display_name or application.organisation,
            "link_url": application.link_url,
        }
        if latest is not None and latest.status == LogoSubmission.Status.PENDING:
            initial = {"display_name": latest.display_name, "link_url": latest.link_url}
        form = SponsorAssetsForm(initial=initial)
    language_code = application.locale.language_code
    event = page_in(application.event, language_code) if application.event else None
    context = {
        "application": application,
        "event": event,
        "latest": latest,
        "form": form,
        "errors": form.error_summary() if form.is_bound else [],
        "sent": request.GET.get(SENT) == "1" and not form.is_bound,
        "meta_noindex": True,
    }
    return private(render(request, "sponsorship/assets.html", context, status=status))
