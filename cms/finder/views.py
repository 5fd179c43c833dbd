"""The admin's "Find partners" view, with its shortlist export, and the opportunity
pre-fill ("Suggest partners").

The search lives in the address (GET), so that a shortlist can be bookmarked, shared with a
colleague and exported with the same criteria. Confidential agreements count, and are shown,
only for those who may see the whole archive (the `snippets.view_agreement` permission, held
by partnership officers); for others the finder behaves as if they did not exist.
"""

from collections import OrderedDict

from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from cms.core.formats import format_number
from cms.core.spreadsheets import SafeSpreadsheetExportMixin
from cms.pages.models import OpportunityPage

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
            if self.is_export:
                return self.as_spreadsheet(self.rows, request.GET["export"])
        return self.render_to_response(self.get_context_data(**kwargs))

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
