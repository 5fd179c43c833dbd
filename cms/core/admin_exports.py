"""Wagtail's own admin reports (locked pages, workflows, workflow tasks, site history, aging
pages, the search terms visitors typed) and the redirects listing, served at their usual
addresses with their CSV and XLSX exports written by the spreadsheet kernel.

They export page titles, user names and redirect paths that staff type: an editor's page
titled `=HYPERLINK(...)` would otherwise run in the spreadsheet of whoever downloads the
report. Wagtail registers these views itself, before any project hook, so the project's URL
configuration lists these addresses ahead of Wagtail's admin (`cms/urls.py`), with the same
access checks as the rest of the admin; the names Wagtail gives them still reverse to the
same addresses.
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.contrib.redirects.views import IndexView as RedirectIndexView
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .spreadsheets import SafeSpreadsheetExportMixin

__all__ = ["SAFE_REPORT_VIEWS", "urlpatterns"]


def _safe(view_class):
    return type(view_class.__name__, (SafeSpreadsheetExportMixin, view_class), {})


#: Address under /admin/ -> Wagtail's view, exported through the kernel.
SAFE_REPORT_VIEWS = {
    "reports/locked/": _safe(LockedPagesView),
    "reports/workflow/": _safe(WorkflowView),
    "reports/workflow_tasks/": _safe(WorkflowTasksView),
    "reports/site-history/": _safe(LogEntriesView),
    "reports/aging-pages/": _safe(AgingPagesView),
    "redirects/": _safe(RedirectIndexView),
    # What visitors typed in the site search: the likeliest cell to hold a formula.
    "searchpicks/reports/search-terms/": _safe(SearchTermsReportView),
}

urlpatterns = []
for address, view in SAFE_REPORT_VIEWS.items():
    urlpatterns += [
        path(address, view.as_view()),
        path(f"{address}results/", view.as_view(results_only=True)),
    ]
urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
