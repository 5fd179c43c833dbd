"""The admin's "Find partners" view, with its shortlist export, and the opportunity
pre-fill ("Suggest partners").

The search lives in the address (GET), so that a shortlist can be bookmarked, shared with a
colleague and exported with the same criteria. Confidential agreements count, and are shown,
only for those who may see the whole archive (the `snippets.view_agreement` permission, held
by partnership officers); for others the finder behaves as if they did not exist.

Opened from an opportunity, the shortlist can be saved to that opportunity's partner pipeline
(cms/pipeline), all of it or the partners ticked: the save (POST) runs the same search from
the address, so what is saved is what the finder ranked, with its ranks and scores.
"""

from collections import OrderedDict

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from cms.core.formats import format_number
from cms.core.spreadsheets import SafeSpreadsheetExportMixin
from cms.pages.models import OpportunityPage
from cms.pipeline.permissions import can_save_shortlist
from cms.pipeline.shortlist import partners_in_pipeline, save_shortlist
from cms.pipeline.viewsets import pipeline_url

from .forms import CRITERIA_PARAMS, PartnerFinderForm, opportunity_query
from .models import can_use_finder
from .presentation import export_columns, export_row, present
from .ranking import rank_partners
from .weights import HALF_LIFE_YEARS

__all__ = ["PartnerFinderView", "find_opportunity", "may_see_confidential"]


def may_see_confidential(user):
    """Whether confidential agreements count (and are listed) for `user`: only for those
    who may see the whole archive, as in the agreements' admin."""
    return user.has_perm("snippets.view_agreement")


def find_opportunity(user, value):
    """The opportunity page of id `value` if `user` may read it in the admin or anyone may
    read it on the site (live and public); None otherwise (drafts and private pages of
    others never show)."""
    try:
        pk = int(value)
    except (TypeError, ValueError):
        return None
    page = OpportunityPage.objects.filter(pk=pk).first()
    if page is None:
        return None
    if page.permissions_for_user(user).can_edit():
        return page
    if page.live and OpportunityPage.objects.live().public().filter(pk=pk).exists():
        return page
    return None


class PartnerFinderView(
    SafeSpreadsheetExportMixin, SpreadsheetExportMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Find partners: the form, the ranked partners with the breakdown of their scores and
    the agreements behind them, and the shortlist as CSV or XLSX (`?export=csv|xlsx`),
    written cell by cell by the project's spreadsheet kernel, so that a partner's name or an
    agreement's title typed as a formula never runs in the reader's spreadsheet program."""

    template_name = "partner_finder/finder.html"
    page_title = gettext_lazy("Find partners")
    header_icon = "group"
    export_filename = "partner-shortlist"

    def dispatch(self, request, *args, **kwargs):
        if not can_use_finder(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    # --- The search ------------------------------------------------------------------

    def get(self, request, *args, **kwargs):
        self.search(request)
        if self.ranking is not None and self.is_export:
            return self.as_spreadsheet(self.rows, request.GET["export"])
        return self.render_to_response(self.get_context_data(**kwargs))

    def search(self, request):
        """Read the criteria from the address (or the opportunity's) and rank the partners:
        sets `form`, `opportunity`, `ranking` and `rows`."""
        self.language = translation.get_language()
        self.opportunity = None
        data = request.GET
        if "opportunity" in request.GET:
            self.opportunity = find_opportunity(request.user, request.GET["opportunity"])
            if self.opportunity is None:
                messages.error(request, _("This opportunity cannot be found."))
            elif not any(param in request.GET for param in CRITERIA_PARAMS):
                data = opportunity_query(self.opportunity)
        bound = any(param in data for param in CRITERIA_PARAMS)
        self.form = PartnerFinderForm(data if bound else None, language=self.language)
        self.ranking, self.rows = None, []
        if bound and self.form.is_valid():
            self.ranking = rank_partners(
                self.form.criteria(),
                include_confidential=may_see_confidential(request.user),
                limit=self.form.result_limit,
                language=self.language,
            )
            terms = {
                **self.form.terms,
                "country": {pk: code for code, pk in self.form.country_ids.items()},
            }
            self.rows = present(self.ranking, terms, request.user)

    # --- Saving the shortlist to the opportunity's pipeline (cms.pipeline) ----------------

    def post(self, request, *args, **kwargs):
        """Save the shortlist to the opportunity: the same search (its criteria are in the
        address), then the partners ticked, or all of them, added to the opportunity's
        pipeline; partners already in it stay as they are."""
        if not can_save_shortlist(request.user):
            raise PermissionDenied
        self.search(request)
        if self.opportunity is None or not self.ranking:
            messages.error(request, _("Nothing was saved: search for partners again."))
            return redirect(request.get_full_path())
        chosen = set(request.POST.getlist("partner"))
        ranked = [
            (row.rank, row.match)
            for row in self.rows
            if request.POST.get("scope") == "all" or str(row.match.pk) in chosen
        ]
        if not ranked:
            messages.error(request, _("Nothing was saved: tick the partners to save."))
            return redirect(request.get_full_path())
        saved = save_shortlist(self.opportunity, ranked, request.user)
        messages.success(request, _saved_message(saved, self.opportunity))
        return redirect(pipeline_url(self.opportunity))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=self.form,
            ranking=self.ranking,
            rows=self.rows,
            opportunity=self.opportunity,
            shows_confidential=may_see_confidential(self.request.user),
            half_life_years=format_number(HALF_LIFE_YEARS),
        )
        if self.opportunity is not None and can_save_shortlist(self.request.user):
            context.update(
                can_save_shortlist=True,
                in_pipeline=partners_in_pipeline(self.opportunity, self.rows),
            )
        return context

    # --- The shortlist export --------------------------------------------------------

    @cached_property
    def columns(self):
        return export_columns()

    @property
    def list_export(self):
        return [key for key, _heading in self.columns]

    @cached_property
    def show_export_buttons(self):
        return bool(getattr(self, "rows", None))

    def get_heading(self, queryset, field):
        return dict(self.columns)[field]

    def to_row_dict(self, item):
        values = export_row(item)
        return OrderedDict((key, values[key]) for key in self.list_export)

    def get_export_url(self, format):
        pairs = self.form.query_pairs()
        if self.opportunity is not None:
            pairs.append(("opportunity", str(self.opportunity.pk)))
        return f"{self.request.path}?{urlencode([*pairs, ('export', format)])}"

    def get_filename(self):
        """partner-shortlist-<opportunity or criteria>-<date>: says what the file holds."""
        if self.opportunity is not None:
            subject = self.opportunity.slug
        else:
            data = self.form.cleaned_data
            subject = "-".join(
                [*data.get("area", ()), *data.get("region", ()), *data.get("country", ())][:4]
            )
            if not subject:
                subject = slugify(data.get("text", ""))[:30]
        parts = [self.export_filename, slugify(subject)[:60], timezone.localdate().isoformat()]
        return "-".join(part for part in parts if part)


def _saved_message(saved, opportunity):
    """What a save did, in words: partners added, partners already in the pipeline."""
    added = ngettext(
        "%(count)s partner added to the pipeline of “%(title)s”.",
        "%(count)s partners added to the pipeline of “%(title)s”.",
        saved.added,
    ) % {"count": format_number(saved.added), "title": opportunity.title}
    if not saved.already:
        return added
    already = ngettext(
        "%(count)s was already in it and is unchanged.",
        "%(count)s were already in it and are unchanged.",
        saved.already,
    ) % {"count": format_number(saved.already)}
    return f"{added} {already}"
