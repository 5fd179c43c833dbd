"""The form of the admin's partner finder, read from the address (GET), and the criteria of
an opportunity page.

Terms are given by their codes (`?area=cybersecurity&region=afr&country=KE`), the same
values the command and the JSON endpoint take, and the same the public opportunity index
uses; the choices are named in the editor's language.
"""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries as country_names

from cms.core.widgets import LongSelectMultiple
from cms.pages.models import (
    OpportunityCountry,
    OpportunityPartnerKind,
    OpportunityRegion,
    OpportunityThematicArea,
)
from cms.snippets.models import BeneficiaryRegion, Country, FundingType, PartnerKind, ThematicArea
from cms.snippets.terms import load_terms

from .criteria import MAX_TEXT_LENGTH, Criteria
from .weights import DEFAULT_LIMIT, MAX_LIMIT

__all__ = ["CRITERIA_PARAMS", "PartnerFinderForm", "opportunity_query"]

# (form field, vocabulary) of the vocabulary criteria.
VOCABULARY_FIELDS = (
    ("area", ThematicArea),
    ("region", BeneficiaryRegion),
    ("funding_type", FundingType),
    ("kind", PartnerKind),
)
#: The address parameters that make a search (with them, the form is bound).
CRITERIA_PARAMS = ("area", "region", "country", "funding_type", "kind", "text", "limit")


class PartnerFinderForm(forms.Form):
    """What the officer is looking partners for: areas, places, funding types, partner
    kinds and words; and how many results to show."""

    area = forms.MultipleChoiceField(
        label=_("Thematic areas"), required=False, widget=forms.CheckboxSelectMultiple
    )
    region = forms.MultipleChoiceField(
        label=_("Beneficiary regions"), required=False, widget=forms.CheckboxSelectMultiple
    )
    country = forms.MultipleChoiceField(
        label=_("Beneficiary countries"),
        required=False,
        widget=LongSelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or Cmd) to choose several."),
    )
    funding_type = forms.MultipleChoiceField(
        label=_("Funding types"), required=False, widget=forms.CheckboxSelectMultiple
    )
    kind = forms.MultipleChoiceField(
        label=_("Partner kinds"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only partners of these kinds are ranked; leave empty for every kind."),
    )
    text = forms.CharField(
        # Words to look for: not Wagtail's "Words" (a word count in its content metrics).
        label=pgettext_lazy("partner finder", "Words"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        help_text=_(
            "Looked for in partners' names, other names and mandates, and in agreement titles."
        ),
    )
    limit = forms.IntegerField(
        label=_("Number of results"),
        required=False,
        min_value=1,
        max_value=MAX_LIMIT,
        initial=DEFAULT_LIMIT,
    )

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        self.terms = {name: load_terms(model, language) for name, model in VOCABULARY_FIELDS}
        for name, terms in self.terms.items():
            self.fields[name].choices = [(term.code, term.name) for term in terms]
        codes = Country.objects.values_list("code", flat=True)
        self.country_ids = dict(Country.objects.values_list("code", "pk"))
        self.fields["country"].choices = sorted(
            ((str(code), country_names.name(code) or str(code)) for code in codes),
            key=lambda choice: choice[1].casefold(),
        )

    def clean_text(self):
        return " ".join(self.cleaned_data["text"].split())

    def clean(self):
        cleaned = super().clean()
        if not self.errors and self.criteria().is_empty:
            raise forms.ValidationError(
                _(
                    "Choose at least one thematic area, region, country or funding type, "
                    "or type some words."
                ),
                code="empty",
            )
        return cleaned

    def criteria(self):
        """The Criteria of the valid form (English-row ids of the chosen terms)."""
        data = self.cleaned_data

        def ids(name):
            terms = self.terms[name].by_code
            return frozenset(terms[code].pk for code in data.get(name, ()) if code in terms)

        return Criteria(
            areas=ids("area"),
            regions=ids("region"),
            countries=frozenset(
                self.country_ids[code]
                for code in data.get("country", ())
                if code in self.country_ids
            ),
            funding_types=ids("funding_type"),
            kinds=ids("kind"),
            text=data.get("text", ""),
            language=self.language,
        )

    @property
    def result_limit(self):
        """How many results to show: the number asked for, or the default."""
        return (self.cleaned_data.get("limit") if self.is_bound else None) or DEFAULT_LIMIT

    def query_pairs(self):
        """The (parameter, value) pairs of the valid form, for export links."""
        pairs = []
        for name in ("area", "region", "country", "funding_type", "kind"):
            pairs += [(name, value) for value in self.cleaned_data.get(name, ())]
        if self.cleaned_data.get("text"):
            pairs.append(("text", self.cleaned_data["text"]))
        pairs.append(("limit", str(self.result_limit)))
        return pairs


def opportunity_query(page):
    """The finder's address parameters for an opportunity page: its thematic areas,
    regions, countries and partner kinds sought (four queries)."""
    query = QueryDict(mutable=True)
    for param, model, lookup in (
        ("area", OpportunityThematicArea, "area__code"),
        ("region", OpportunityRegion, "region__code"),
        ("country", OpportunityCountry, "country__code"),
        ("kind", OpportunityPartnerKind, "kind__code"),
    ):
        codes = (
            model.objects.filter(page=page).order_by("sort_order").values_list(lookup, flat=True)
        )
        query.setlist(param, [str(code) for code in dict.fromkeys(codes)])
    query["limit"] = str(DEFAULT_LIMIT)
    return query
