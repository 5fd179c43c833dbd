"""The base of the project's admin model views (interest, alerts, imports, sponsorship)."""

from functools import cached_property

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from .sorting import order_naturally
from .spreadsheets import SafeSpreadsheetExportMixin

__all__ = ["AdminModelViewSet", "SafeExportIndexView"]


class SafeExportIndexView(SafeSpreadsheetExportMixin, IndexView):
    """A model listing whose CSV and XLSX exports neutralize what people typed: a visitor's
    "=HYPERLINK(...)" stays text in the officer's spreadsheet.

    Its downloads are buttons in the header, beside "Add", rather than Wagtail's entries of
    the "more" menu, which officers did not find; they download what the filters show."""

    def order_queryset(self, queryset):
        return order_naturally(super().order_queryset(queryset))

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.show_export_buttons:
            buttons += [
                HeaderButton(_("Download XLSX"), url=self.xlsx_export_url, icon_name="download"),
                HeaderButton(_("Download CSV"), url=self.csv_export_url, icon_name="download"),
            ]
        return buttons

    @cached_property
    def header_more_buttons(self):
        downloads = {self.xlsx_export_url, self.csv_export_url}
        return [button for button in super().header_more_buttons if button.url not in downloads]


class AdminModelViewSet(ModelViewSet):
    """A ModelViewSet whose forms built from `form_fields` get the admin's form fields (date
    pickers, auto-height text areas, web addresses that assume https), as page and snippet
    forms do: Wagtail's ModelViewSet would build them as plain Django form fields. Their
    listings' exports go through the spreadsheet kernel (`SafeExportIndexView`)."""

    index_view_class = SafeExportIndexView

    def formfield_for_dbfield(self, db_field, **kwargs):
        return formfield_for_dbfield(db_field, **kwargs)
