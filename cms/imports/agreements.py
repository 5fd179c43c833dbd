"""Importing agreements: one row per agreement, matched on `reference`."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.core.money import usd_value
from cms.snippets.models import (
    Agreement,
    AgreementPartner,
    AgreementType,
    BeneficiaryRegion,
    Partner,
    PartnerKind,
    ThematicArea,
)

from .base import CREATE, UNCHANGED, UPDATE, Importer, RowPlan
from .partner_names import PartnerNames
from .values import CellError, parse_bool, parse_date, parse_decimal, split_list

__all__ = ["AgreementImporter"]

#: Model validation errors (Agreement.clean) reported under the file's column names.
FIELD_COLUMNS = {"amount_usd": "usd_value", "parent": "parent_reference", "__all__": ""}


def _ids(objects):
    return sorted(obj.pk for obj in objects)


def current_values(agreement):
    """An agreement as the columns of a row, to compare with the file."""
    links = sorted(agreement.partner_links.all(), key=lambda link: link.sort_order or 0)
    return {
        "title": agreement.title,
        "type": agreement.agreement_type_id,
        "partners": [link.partner_id for link in links],
        "signature_date": agreement.signature_date,
        "amount": agreement.amount,
        "currency": agreement.currency,
        "usd_value": agreement.amount_usd,
        "regions": _ids(agreement.regions.all()),
        "countries": _ids(agreement.countries.all()),
        "primary_area": agreement.primary_area_id,
        "areas": _ids(agreement.secondary_areas.all()),
        "parent_reference": agreement.parent.reference if agreement.parent_id else "",
        "status": agreement.status,
        "confidential": agreement.is_confidential,
        "notes": agreement.notes,
    }


class AgreementImporter(Importer):
    """Options: `create_partners` (unknown partners are created instead of refused)."""

    kind = "agreements"

    def __init__(self, table, progress=None, **options):
        super().__init__(table, progress, **options)
        self.partner_names = PartnerNames()
        self.new_partners = {}  # lower name -> name as written
        self.type_of = {}  # reference -> AgreementType
        with translation.override("en"):
            self.statuses = {str(label).lower(): value for value, label in Agreement.Status.choices}
        self.statuses.update({value: value for value in Agreement.Status.values})

    # --- one row ----------------------------------------------------------------------------

    def plan_row(self, number, row):
        before = len(self.problems)
        reference = (row.get("reference") or "").strip()
        title = (row.get("title") or "").strip()
        if not reference:
            self.problem(number, "reference", _("the reference is missing"))
        elif len(reference) > 64:
            self.problem(number, "reference", _("the reference is longer than 64 characters"))
        if not title:
            self.problem(number, "title", _("the title is missing"))
        elif len(title) > 500:
            self.problem(number, "title", _("the title is longer than 500 characters"))
        values = {"title": title}
        agreement_type = self.cell(number, row, "type", self._required_term(AgreementType))
        values["type"] = getattr(agreement_type, "pk", None)
        primary = self.cell(number, row, "primary_area", self._required_term(ThematicArea))
        values["primary_area"] = getattr(primary, "pk", None)
        regions = self.cell(number, row, "regions", self._regions, [])
        relations = {"regions": regions}
        if self.present("areas"):
            relations["areas"] = self.cell(number, row, "areas", self._terms(ThematicArea), [])
        if self.present("countries"):
            relations["countries"] = self.cell(number, row, "countries", self._countries, [])
        for column, objects in relations.items():
            values[column] = _ids(objects)
        if self.present("partners"):
            values["partners"] = self.cell(number, row, "partners", self._partners, [])
        if self.present("signature_date"):
            values["signature_date"] = self.cell(number, row, "signature_date", parse_date)
        if self.present("status"):
            values["status"] = self.cell(number, row, "status", self._status)
        if self.present("confidential"):
            values["confidential"] = self.cell(number, row, "confidential", parse_bool)
        if self.present("notes"):
            values["notes"] = row.get("notes") or ""
        if self.present("parent_reference"):
            values["parent_reference"] = (row.get("parent_reference") or "").strip()
        self._money(number, row, values)
        if len(self.problems) > before:
            return None
        self.type_of[reference] = agreement_type
        return RowPlan(row=number, key=reference, label=title, values=values, relations=relations)

    def _required_term(self, model):
        def parse(text):
            if not text.strip():
                raise CellError(_("this value is required"))
            return self.terms.term(model, text)

        return parse

    def _terms(self, model):
        return lambda text: self.terms.terms(model, text)

    def _regions(self, text):
        regions = self.terms.terms(BeneficiaryRegion, text)
        if not regions:
            raise CellError(_("give at least one region"))
        return regions

    def _countries(self, text):
        return self.terms.country_list(text)

    def _status(self, text):
        if not text:
            return Agreement.Status.ACTIVE.value
        status = self.statuses.get(text.strip().lower())
        if status is None:
            raise CellError(
                _("'%(value)s' is not a status; use one of: %(choices)s")
                % {"value": text, "choices": ", ".join(Agreement.Status.values)}
            )
        return status

    def _partners(self, text):
        ids = []
        for name in split_list(text):
            pk = self.partner_names.find(name)
            if pk is None:
                if not self.options.get("create_partners"):
                    raise CellError(
                        _("unknown partner '%(name)s' (give its name, acronym or other name)")
                        % {"name": name}
                    )
                self.new_partners.setdefault(name.lower(), name)
                pk = f"new:{name.lower()}"
            ids.append(pk)
        return ids

    def _money(self, number, row, values):
        """Amount, currency and USD value, checked with the model's own rules."""
        if not (self.present("amount") or self.present("usd_value")):
            return
        amount = self.cell(number, row, "amount", parse_decimal)
        currency = (row.get("currency") or "").strip().upper()
        given_usd = self.cell(number, row, "usd_value", parse_decimal)
        probe = Agreement(amount=amount, currency=currency, amount_usd=given_usd)
        try:
            probe.clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.problem(number, FIELD_COLUMNS.get(name, name), message)
            return
        usd = given_usd
        if usd is None and amount is not None:
            date = values.get("signature_date")
            usd = usd_value(amount, currency, date.year if date else None)
            if usd is None:
                self.problem(
                    number,
                    "usd_value",
                    _("no rate for %(currency)s in the rate table: give the value in USD")
                    % {"currency": currency},
                )
        if self.present("amount"):
            values["amount"] = amount
            values["currency"] = currency
        values["usd_value"] = usd

    # --- across rows ------------------------------------------------------------------------

    def resolve(self, plans):
        rows_of = {}
        for plan in plans:
            if plan.key in rows_of:
                self.problem(
                    plan.row,
                    "reference",
                    _("'%(value)s' is already in row %(row)s")
                    % {"value": plan.key, "row": rows_of[plan.key]},
                )
            rows_of.setdefault(plan.key, plan.row)
        existing = {
            agreement.reference: agreement
            for agreement in Agreement.objects.filter(reference__in=list(rows_of))
            .select_related("parent")
            .prefetch_related("partner_links", "regions", "countries", "secondary_areas")
        }
        self._check_parents(plans, rows_of)
        if self.problems:
            return
        for plan in plans:
            plan.existing = existing.get(plan.key)
            if plan.existing is not None:
                plan.changes = self.diff(current_values(plan.existing), plan.values)
                plan.action = UPDATE if plan.changes else UNCHANGED
        self.plans = self._parents_first(plans)
        if self.new_partners:
            self.extra_counts["partners_created"] = len(self.new_partners)
            try:
                self.new_partner_kind = self.terms.term(PartnerKind, settings_kind())
            except CellError as error:
                self.problem(None, "", error)

    def _check_parents(self, plans, rows_of):
        wanted = {p.values["parent_reference"] for p in plans if p.values.get("parent_reference")}
        in_database = set(
            Agreement.objects.filter(reference__in=list(wanted - set(rows_of))).values_list(
                "reference", flat=True
            )
        )
        parent_of = dict(
            Agreement.objects.filter(parent__isnull=False).values_list(
                "reference", "parent__reference"
            )
        )
        for plan in plans:
            if "parent_reference" in plan.values:
                parent_of[plan.key] = plan.values["parent_reference"] or None
        for plan in plans:
            parent = plan.values.get("parent_reference")
            if not parent:
                continue
            if parent not in rows_of and parent not in in_database:
                self.problem(
                    plan.row,
                    "parent_reference",
                    _("'%(value)s' is neither an agreement of the archive nor of this file")
                    % {"value": parent},
                )
            elif not self.type_of[plan.key].is_amendment:
                self.problem(
                    plan.row,
                    "parent_reference",
                    _(
                        "Only an addendum or amendment can amend another agreement; "
                        "change its type or remove the link."
                    ),
                )
            elif self._loops(plan.key, parent_of):
                self.problem(
                    plan.row,
                    "parent_reference",
                    _("An agreement cannot amend itself, directly or through others."),
                )

    @staticmethod
    def _loops(reference, parent_of):
        seen, current = set(), parent_of.get(reference)
        while current is not None and current not in seen:
            if current == reference:
                return True
            seen.add(current)
            current = parent_of.get(current)
        return False

    @staticmethod
    def _parents_first(plans):
        by_key = {plan.key: plan for plan in plans}
        ordered, placed = [], set()
        for plan in plans:
            chain = []
            node = plan
            while node is not None and node.key not in placed and node not in chain:
                chain.append(node)
                node = by_key.get(node.values.get("parent_reference") or "")
            for item in reversed(chain):
                placed.add(item.key)
                ordered.append(item)
        return ordered

    # --- writing ----------------------------------------------------------------------------

    def before_write(self):
        self.created_partners = {}
        if not self.new_partners:
            return
        locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        for lower, name in self.new_partners.items():
            partner = Partner.objects.create(locale=locale, name=name, kind=self.new_partner_kind)
            self.created_partners[f"new:{lower}"] = partner.pk

    def write_row(self, plan):
        values = plan.values
        agreement = plan.existing or Agreement(reference=plan.key)
        agreement.title = values["title"]
        agreement.agreement_type_id = values["type"]
        agreement.primary_area_id = values["primary_area"]
        simple = {
            "signature_date": "signature_date",
            "amount": "amount",
            "currency": "currency",
            "usd_value": "amount_usd",
            "status": "status",
            "confidential": "is_confidential",
            "notes": "notes",
        }
        for column, attribute in simple.items():
            if column in values:
                setattr(agreement, attribute, values[column])
        if "parent_reference" in values:
            parent = values["parent_reference"]
            agreement.parent = Agreement.objects.get(reference=parent) if parent else None
        if "partners" in values and (plan.action == CREATE or "partners" in plan.changes):
            agreement.partner_links = self._links(agreement, values["partners"])
        agreement.save()
        # Given as primary keys, the many-to-many rows are written straight to the database
        # (modelcluster cannot sort countries in memory: their code is not orderable).
        fields = {"regions": "regions", "countries": "countries", "areas": "secondary_areas"}
        for column in plan.relations:
            if plan.action == CREATE or column in plan.changes:
                getattr(agreement, fields[column]).set(values[column])

    def _links(self, agreement, partner_ids):
        kept = {link.partner_id: link for link in agreement.partner_links.all()}
        links = []
        for order, pk in enumerate(partner_ids):
            pk = self.created_partners.get(pk, pk)
            link = kept.get(pk) or AgreementPartner(partner_id=pk)
            link.sort_order = order
            links.append(link)
        return links


def settings_kind():
    """The kind given to partners created by an import (IMPORT_NEW_PARTNER_KIND)."""
    return getattr(settings, "IMPORT_NEW_PARTNER_KIND", "government")
