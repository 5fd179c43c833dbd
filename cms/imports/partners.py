"""Importing partners: one row per partner (its English row), matched on `name`."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.snippets.models import (
    BeneficiaryRegion,
    FundingMechanism,
    FundingType,
    MembershipCategory,
    Partner,
    PartnerCountry,
    PartnerFundingType,
    PartnerKind,
    PartnerRegion,
    PartnerThematicArea,
    ThematicArea,
)

from .base import CREATE, UNCHANGED, UPDATE, Importer, RowPlan
from .values import CellError, parse_bool, split_list

__all__ = ["PartnerImporter"]

#: column -> (child relation of Partner, its model, the field pointing at the term)
ORDERED = {
    "priority_areas": ("priority_areas", PartnerThematicArea, "area"),
    "regions": ("beneficiary_regions", PartnerRegion, "region"),
    "countries": ("beneficiary_countries", PartnerCountry, "country"),
    "funding_types": ("funding_types", PartnerFundingType, "funding_type"),
}
#: column -> attribute of Partner, for the plain columns
ATTRIBUTES = {
    "acronym": "acronym",
    "aliases": "aliases",
    "is_funding_partner": "is_funding_partner",
    "website": "website",
    "headquarters_country": "headquarters_country_id",
    "membership_category": "membership_category_id",
    "funding_mechanism": "funding_mechanism_id",
}
OPTIONAL_TERMS = {
    "membership_category": MembershipCategory,
    "funding_mechanism": FundingMechanism,
}


def current_values(partner):
    """A partner as the columns of a row, to compare with the file."""
    values = {
        "acronym": partner.acronym,
        "aliases": "\n".join(partner.alias_list),
        "kind": partner.kind_id,
        "is_funding_partner": partner.is_funding_partner,
        "website": partner.website,
        "headquarters_country": partner.headquarters_country_id,
        "membership_category": partner.membership_category_id,
        "funding_mechanism": partner.funding_mechanism_id,
    }
    for column, (relation, _model, term) in ORDERED.items():
        links = sorted(getattr(partner, relation).all(), key=lambda link: link.sort_order or 0)
        values[column] = [getattr(link, f"{term}_id") for link in links]
    return values


class PartnerImporter(Importer):
    kind = "partners"

    def plan_row(self, number, row):
        before = len(self.problems)
        name = (row.get("name") or "").strip()
        if not name:
            self.problem(number, "name", _("the name is missing"))
        elif len(name) > 255:
            self.problem(number, "name", _("the name is longer than 255 characters"))
        kind = self.cell(number, row, "kind", self._required(PartnerKind))
        values = {"kind": getattr(kind, "pk", None)}
        relations = {}
        if self.present("acronym"):
            values["acronym"] = (row.get("acronym") or "").strip()
            if len(values["acronym"]) > 50:
                self.problem(number, "acronym", _("the acronym is longer than 50 characters"))
        if self.present("aliases"):
            values["aliases"] = "\n".join(split_list(row.get("aliases")))
        if self.present("is_funding_partner"):
            values["is_funding_partner"] = self.cell(number, row, "is_funding_partner", parse_bool)
        if self.present("website"):
            values["website"] = self.cell(number, row, "website", self._website, "")
        if self.present("headquarters_country"):
            country = self.cell(number, row, "headquarters_country", self._country)
            values["headquarters_country"] = getattr(country, "pk", None)
        for column, model in OPTIONAL_TERMS.items():
            if self.present(column):
                term = self.cell(number, row, column, self._optional(model))
                values[column] = getattr(term, "pk", None)
        for column in ORDERED:
            if self.present(column):
                objects = self.cell(number, row, column, self._list(column), [])
                relations[column] = objects
                values[column] = [obj.pk for obj in objects]
        if len(self.problems) > before:
            return None
        return RowPlan(row=number, key=name, label=name, values=values, relations=relations)

    def _required(self, model):
        def parse(text):
            if not text.strip():
                raise CellError(_("this value is required"))
            return self.terms.term(model, text)

        return parse

    def _optional(self, model):
        return lambda text: self.terms.term(model, text) if text.strip() else None

    def _country(self, text):
        return self.terms.country(text) if text.strip() else None

    def _list(self, column):
        if column == "countries":
            return self.terms.country_list
        model = {
            "priority_areas": ThematicArea,
            "regions": BeneficiaryRegion,
            "funding_types": FundingType,
        }[column]
        return lambda text: self.terms.terms(model, text)

    @staticmethod
    def _website(text):
        if not text:
            return ""
        try:
            URLValidator()(text)
        except ValidationError:
            raise CellError(_("'%(value)s' is not a web address") % {"value": text}) from None
        if len(text) > 200:
            raise CellError(_("the web address is longer than 200 characters"))
        return text

    def resolve(self, plans):
        rows_of = {}
        for plan in plans:
            key = plan.key.lower()
            if key in rows_of:
                self.problem(
                    plan.row,
                    "name",
                    _("'%(value)s' is already in row %(row)s")
                    % {"value": plan.key, "row": rows_of[key]},
                )
            rows_of.setdefault(key, plan.row)
        self.compare(plans)

    def compare(self, plans):
        """Each row updates the partner of its name, leaves it unchanged, or creates one."""
        existing = {}
        queryset = Partner.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).prefetch_related(*(relation for relation, _model, _term in ORDERED.values()))
        for partner in queryset:
            existing.setdefault(partner.name.strip().lower(), []).append(partner)
        for plan in plans:
            matches = existing.get(plan.key.lower(), [])
            if len(matches) > 1:
                self.problem(
                    plan.row,
                    "name",
                    _("several partners are called '%(value)s'; rename one in the admin first")
                    % {"value": plan.key},
                )
            elif matches:
                plan.existing = matches[0]
                plan.changes = self.diff(current_values(plan.existing), plan.values)
                plan.action = UPDATE if plan.changes else UNCHANGED

    def before_write(self):
        self.locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)

    def write_row(self, plan):
        values = plan.values
        partner = plan.existing or Partner(name=plan.key, locale=self.locale)
        partner.kind_id = values["kind"]
        for column, attribute in ATTRIBUTES.items():
            if column in values:
                setattr(partner, attribute, values[column])
        for column, objects in plan.relations.items():
            if plan.action == CREATE or column in plan.changes:
                relation, model, term = ORDERED[column]
                links = [model(**{term: obj, "sort_order": i}) for i, obj in enumerate(objects)]
                setattr(partner, relation, links)
        partner.save()
