"""The base of the project's admin model views (interest, alerts, imports, sponsorship)."""

from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.admin.viewsets.model import ModelViewSet

__all__ = ["AdminModelViewSet"]


class AdminModelViewSet(ModelViewSet):
    """A ModelViewSet whose forms built from `form_fields` get the admin's form fields (date
    pickers, auto-height text areas, web addresses that assume https), as page and snippet
    forms do: Wagtail's ModelViewSet would build them as plain Django form fields."""

    def formfield_for_dbfield(self, db_field, **kwargs):
        return formfield_for_dbfield(db_field, **kwargs)
