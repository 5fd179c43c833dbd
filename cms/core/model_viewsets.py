"""The base of the project's admin model views (interest, alerts, imports, sponsorship)."""

from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .spreadsheets import SafeSpreadsheetExportMixin

__all__ = ["AdminModelViewSet", "SafeExportIndexView"]


class SafeExportIndexView(SafeSpreadsheetExportMixin, IndexView):
    """A model listing whose CSV and XLSX exports neutralize what people typed: a visitor's
    "=HYPERLINK(...)" stays text in the officer's spreadsheet."""


class AdminModelViewSet(ModelViewSet):
    """A ModelViewSet whose forms built from `form_fields` get the admin's form fields (date
    pickers, auto-height text areas, web addresses that assume https), as page and snippet
    forms do: Wagtail's ModelViewSet would build them as plain Django form fields. Their
    listings' exports go through the spreadsheet kernel (`SafeExportIndexView`)."""

    index_view_class = SafeExportIndexView

    def formfield_for_dbfield(self, db_field, **kwargs):
        return formfield_for_dbfield(db_field, **kwargs)
