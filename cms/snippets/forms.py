"""Admin forms and panels of the partnership records."""

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import HelpPanel

from cms.core.formats import format_money

from .models.agreements import CURRENCY_CHOICES
from .views import INTERNAL_PERMISSION
from .views.records import currency_label
from .views.terms import term_label

__all__ = ["AgreementForm", "ChainValuePanel", "PartnerForm"]


def sort_choices_by_label(field):
    """Order a choice field's options by their label in the active language (country names
    come from django-countries, so the database cannot sort them)."""
    choices = list(field.choices)
    blank = [choice for choice in choices if choice[0] == ""]
    rest = sorted((c for c in choices if c[0] != ""), key=lambda choice: str(choice[1]).casefold())
    field.choices = blank + rest


def currency_choices():
    """The ISO 4217 currencies, "EUR – euro", named in the active language from CLDR (the
    English ISO name where CLDR has none)."""
    return [(code, currency_label(code)) for code, _english in CURRENCY_CHOICES]


def name_terms_in_active_language(form):
    """Choices of records (vocabulary terms) among `form`'s fields, many-valued ones
    included, named in the staff member's language."""
    for field in form.fields.values():
        if hasattr(field, "label_from_instance"):
            field.label_from_instance = term_label


class PartnerForm(WagtailAdminModelForm):
    """A partner's form; its contacts are left out for staff without internal access.

    The internal notes are left out by the field panel's `permission`; the contacts formset
    is removed here, so that a translator's save neither needs nor touches it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or not user.has_perm(INTERNAL_PERMISSION):
            self.formsets.pop("contacts", None)


class AgreementForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name_terms_in_active_language(self)
        if "countries" in self.fields:
            sort_choices_by_label(self.fields["countries"])
        if "currency" in self.fields:
            blank = [choice for choice in self.fields["currency"].choices if choice[0] == ""]
            self.fields["currency"].choices = blank + currency_choices()


class ChainValuePanel(HelpPanel):
    """Read-only: the cumulative USD value of an agreement and every addendum in its chain.

    Shown only for an agreement that amends another or has been amended.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Value of the amendment chain"))
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.content = self.get_content()

        def in_chain(self):
            agreement = self.instance
            if agreement is None or agreement.pk is None:
                return False
            return bool(agreement.parent_id) or agreement.amendments.exists()

        def is_shown(self):
            return self.in_chain()

        def get_content(self):
            if not self.in_chain():
                return ""
            explanation = _(
                "The original agreement %(reference)s and every addendum that amends it, "
                "directly or through another addendum."
            ) % {"reference": self.instance.root.reference}
            return format_html(
                '<p class="w-text-16 w-font-bold">{}</p><p class="help">{}</p>',
                format_money(self.instance.chain_value_usd(), "USD", decimals=0),
                explanation,
            )
