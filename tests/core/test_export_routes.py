"""Every admin listing and report that offers CSV and XLSX exports writes them through the
spreadsheet kernel: a new viewset with `list_export` that bypasses it fails here, and
Wagtail's own reports neutralize a page title typed as a formula (issue 16)."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.models import Page

from cms.core.spreadsheets import SafeSpreadsheetExportMixin
from cms.pages.models import StandardPage

from .injections import INJECTIONS, assert_neutralized_csv, assert_neutralized_xlsx


def export_views(patterns=None, prefix=""):
    """(address pattern, view class) of every URL served by a view that exports, the one
    that answers first for each address."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from export_views(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
                continue
            initkwargs = getattr(pattern.callback, "view_initkwargs", {})
            if initkwargs.get("list_export", getattr(view_class, "list_export", None)):
                yield prefix + str(pattern.pattern), view_class


def test_every_project_export_goes_through_the_kernel():
    views = []
    for address, view in export_views():
        if address not in {seen for seen, _view in views}:  # the one Django resolves
            views.append((address, view))
    addresses = {address for address, _view in views}
    for expected in (
        "admin/expressions-of-interest/",
        "admin/subscribers/",
        "admin/sponsorship/applications/",
        "admin/snippets/snippets/agreement/",
        "admin/snippets/snippets/partner/",
        "admin/reports/locked/",
        "admin/reports/site-history/",
        "admin/redirects/",
        "admin/partner-finder/",
    ):
        assert expected in addresses
    bypassing = {
        address for address, view in views if not issubclass(view, SafeSpreadsheetExportMixin)
    }
    assert bypassing == set()


@pytest.mark.parametrize("typed", INJECTIONS)
def test_the_locked_pages_report_neutralizes_a_page_title(client, superuser, home_page, typed):
    page = home_page.add_child(instance=StandardPage(title=typed, slug="typed"))
    Page.objects.filter(pk=page.pk).update(locked=True, locked_by=superuser)
    client.force_login(superuser)

    address = reverse("wagtailadmin_reports:locked_pages")
    assert_neutralized_csv(client.get(address, {"export": "csv"}), typed)
    assert_neutralized_xlsx(client.get(address, {"export": "xlsx"}), typed)
