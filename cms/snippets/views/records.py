"""Listings and inspect pages of partners, agreements and countries."""

from babel.numbers import get_currency_name
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
from wagtail.rich_text import RichText
from wagtail.snippets.views.snippets import InspectView

from cms.core.formats import babel_locale

from ..models import Vocabulary
from ..models.agreements import CURRENCY_CHOICES
from .listing import RecordIndexView
from .search import agreements_of_partners_matching, country_codes_matching, join_names
from .terms import term_label

__all__ = [
    "StaffLanguageInspectMixin",
    "AgreementIndexView",
    "CountryIndexView",
    "PartnerIndexView",
    "RecordInspectView",
    "agreement_partners",
    "agreement_regions",
    "currency_label",
    "partner_regions",
]

_ISO_CURRENCY_LABELS = dict(CURRENCY_CHOICES)


def currency_label(code):
    """An ISO 4217 currency as staff read it, "EUR – euro": named in the active language
    from CLDR (ISO's English name where CLDR has none, such as XUA)."""
    name = get_currency_name(code, locale=babel_locale())
    if name and name != code:
        return f"{code} – {name}"
    return _ISO_CURRENCY_LABELS.get(code, code)


def partner_regions(partner):
    return ", ".join(link.region.code.upper() for link in partner.beneficiary_regions.all())


def partner_areas(partner):
    return join_names(link.area for link in partner.priority_areas.all())


def partner_funding_types(partner):
    return join_names(link.funding_type for link in partner.funding_types.all())


class PartnerIndexView(RecordIndexView):
    title_opens_record = True
    export_getters = {
        "regions": partner_regions,
        "priority_areas": partner_areas,
        "funding_types": partner_funding_types,
    }


def agreement_partners(agreement):
    return join_names(link.partner for link in agreement.partner_links.all())


def agreement_regions(agreement):
    return ", ".join(region.code.upper() for region in agreement.regions.all())


def agreement_countries(agreement):
    return ", ".join(str(country.code) for country in agreement.countries.all())


def agreement_secondary_areas(agreement):
    return join_names(agreement.secondary_areas.all())


class AgreementIndexView(RecordIndexView):
    """Agreements, found also by the name of any of their partners in any language."""

    title_opens_record = True
    export_getters = {
        "partners": agreement_partners,
        "regions": agreement_regions,
        "countries": agreement_countries,
        "secondary_areas": agreement_secondary_areas,
        "parent_reference": lambda agreement: (
            agreement.parent.reference if agreement.parent_id else ""
        ),
    }

    def other_matches(self, query):
        return agreements_of_partners_matching(query)


class CountryIndexView(RecordIndexView):
    """Countries are found by their name in the staff member's language, or by ISO code."""

    export_getters = {
        "name": lambda country: country.name,
        "code": lambda country: str(country.code),
        "region_code": lambda country: country.region.code.upper() if country.region_id else "",
    }

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(code__in=country_codes_matching(self.search_query))


# --- Inspect pages --------------------------------------------------------------------------


def join_labels(items):
    """Records named in the staff member's language (vocabulary terms translated), joined."""
    return ", ".join(term_label(item) for item in items)


class StaffLanguageInspectMixin:
    """Inspect pages as staff read them: empty values as a dash (Wagtail writes "None"),
    yes/no, rich text rendered, and vocabulary terms in the staff member's language."""

    def get_field_display_value(self, field_name, field):
        if isinstance(field, RichTextField):
            value = field.value_from_object(self.object)
            return RichText(value) if value else "-"
        related = getattr(field, "related_model", None)
        if getattr(field, "many_to_many", False) and related and issubclass(related, Vocabulary):
            return join_labels(getattr(self.object, field_name).all()) or "-"
        empty = (
            getattr(field, "concrete", False)
            and not field.many_to_many
            and not hasattr(self, f"get_{field_name}_display_value")
            and field.value_from_object(self.object) in (None, "")
        )
        if empty:
            return "-"
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "":
            return "-"
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        if isinstance(value, Vocabulary):
            return term_label(value)
        return value


class RecordInspectView(StaffLanguageInspectMixin, InspectView):
    """A record for staff who may read it but not change it (see StaffLanguageInspectMixin),
    with readable labels for relations (`field_labels`)."""

    field_labels = {}

    def get_field_label(self, field_name, field):
        if field_name in self.field_labels:
            return capfirst(self.field_labels[field_name])
        return super().get_field_label(field_name, field)
