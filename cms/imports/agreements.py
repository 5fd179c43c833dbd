"""Importing agreements: one row per agreement, matched on `reference`."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.core.money import OTHER_YEARS, RATES, usd_rate, usd_value
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
from .bulk import BATCH_SIZE, batches, index_records_task, update_reference_index
from .partner_names import PartnerNames
from .values import CellError, parse_bool, parse_date, parse_decimal, split_list

__all__ = ["AgreementImporter"]

#: Model validation errors (Agreement.clean) reported under the file's column names.
FIELD_COLUMNS = {"amount_usd": "usd_value", "parent": "parent_reference", "__all__": ""}
#: Optional columns written as they are: column -> attribute of Agreement.
SIMPLE_COLUMNS = {
    "signature_date": "signature_date",
    "amount": "amount",
    "currency": "currency",
    "usd_value": "amount_usd",
    "status": "status",
    "confidential": "is_confidential",
    "notes": "notes",
}
#: Columns of lists of terms -> many-to-many field of Agreement.
LIST_FIELDS = {"regions": "regions", "countries": "countries", "areas": "secondary_areas"}


def _ids(objects):
    return sorted(obj.pk for obj in objects)


#: What `current_values` reads of each agreement: column -> field (through the parent).
CURRENT_FIELDS = {
    "title": "title",
    "type": "agreement_type_id",
    "signature_date": "signature_date",
    "amount": "amount",
    "currency": "currency",
    "usd_value": "amount_usd",
    "primary_area": "primary_area_id",
    "parent_reference": "parent__reference",
    "status": "status",
    "confidential": "is_confidential",
    "notes": "notes",
}


def current_values(references):
    """{reference: (pk, the agreement as the columns of a row)} of the agreements of the
    archive among `references`, to compare with the file: read as plain values, a few
    queries per batch, whatever the number of rows."""
    found = {}
    for chunk in batches(list(references)):
        rows = Agreement.objects.filter(reference__in=chunk).values_list(
            "pk", "reference", *CURRENT_FIELDS.values()
        )
        by_pk = {}
        for pk, reference, *fields in rows:
            values = dict(zip(CURRENT_FIELDS, fields, strict=True))
            values["parent_reference"] = values["parent_reference"] or ""
            values.update(partners=[], regions=[], countries=[], areas=[])
            by_pk[pk] = values
            found[reference] = (pk, values)
        links = AgreementPartner.objects.filter(agreement_id__in=list(by_pk)).values_list(
            "agreement_id", "partner_id", "sort_order", "pk"
        )
        # In the order of the admin's form: by position (none counts as 0), then creation.
        for agreement_id, partner_id, _order, _pk in sorted(
            links, key=lambda link: (link[0], link[2] or 0, link[3])
        ):
            by_pk[agreement_id]["partners"].append(partner_id)
        for column, field_name in LIST_FIELDS.items():
            through, source, target = _through(field_name)
            pairs = through.objects.filter(**{f"{source}_id__in": list(by_pk)}).values_list(
                f"{source}_id", f"{target}_id"
            )
            for agreement_id, related_id in pairs:
                by_pk[agreement_id][column].append(related_id)
        for values in by_pk.values():
            for column in LIST_FIELDS:
                values[column].sort()
    return found


def _through(field_name):
    """The table of a many-to-many field of Agreement: (model, agreement column, term column)."""
    field = Agreement._meta.get_field(field_name)
    return field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()


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
        shown, warnings = {}, []
        if self.present("partners"):
            values["partners"] = self.cell(number, row, "partners", self._partners, [])
            shown["partners"] = self._shown_partners(values["partners"])
            if any(partner["new"] for partner in shown["partners"]):
                warnings.append(
                    {
                        "code": "new_partners",
                        "names": [p["name"] for p in shown["partners"] if p["new"]],
                    }
                )
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
        money = self._money(number, row, values)
        if len(self.problems) > before:
            return None
        if money:
            shown["money"] = money
            # Another year's rate, or the long-run average (undated or a year outside the
            # table): the officer is told which, row by row.
            if (
                money.get("source") == "rate"
                and money["currency"] != "USD"
                and (money["rate_year"] is None or money["rate_year"] != money["year"])
            ):
                warnings.append(
                    {
                        "code": "other_year",
                        "year": money["year"],
                        "rate_year": money["rate_year"],
                        "currency": money["currency"],
                    }
                )
        self.type_of[reference] = agreement_type
        return RowPlan(
            row=number,
            key=reference,
            label=title,
            values=values,
            relations=relations,
            shown=shown,
            warnings=warnings,
        )

    def _shown_partners(self, ids):
        """The partners of a row as the preview names them, each new or found."""
        shown = []
        for pk in ids:
            if isinstance(pk, str) and pk.startswith("new:"):
                shown.append({"name": self.new_partners[pk[4:]], "new": True})
            else:
                shown.append({"name": self.partner_names.name(pk), "new": False})
        return shown

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
        """Amount, currency and USD value, checked with the model's own rules; returns what
        the preview shows of them (the rate used and its year when the value is computed)."""
        if not (self.present("amount") or self.present("usd_value")):
            return None
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
            return None
        usd = given_usd
        date = values.get("signature_date")
        year = date.year if date else None
        shown = {
            "amount": _text(amount),
            "currency": currency,
            "year": year,
            "source": "file" if given_usd is not None else "",
        }
        if usd is None and amount is not None:
            usd = usd_value(amount, currency, year)
            if usd is None:
                self.problem(
                    number,
                    "usd_value",
                    _("no rate for %(currency)s in the rate table: give the value in USD")
                    % {"currency": currency},
                )
            else:
                rate, rate_year = rate_used(currency, year)
                shown.update(source="rate", rate=_text(rate), rate_year=rate_year)
        if self.present("amount"):
            values["amount"] = amount
            values["currency"] = currency
        values["usd_value"] = usd
        shown["usd"] = _text(usd)
        return shown

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
        self._check_parents(plans, rows_of)
        if self.problems:
            return
        self.compare(plans)
        self.plans = self._parents_first(plans)
        if self.new_partners:
            self.extra_counts["partners_created"] = len(self.new_partners)
            try:
                self.new_partner_kind = self.terms.term(PartnerKind, settings_kind())
            except CellError as error:
                self.problem(None, "", error)

    def compare(self, plans):
        """Each row is an update, unchanged, or (not in the archive) a creation."""
        existing = current_values({plan.key for plan in plans})
        for plan in plans:
            if plan.key in existing:
                pk, values = existing[plan.key]
                plan.changes = self.diff(values, plan.values)
                plan.action = UPDATE if plan.changes else UNCHANGED
                if plan.changes:
                    # Enough for bulk_update, which writes only the columns of the file.
                    plan.existing = Agreement(pk=pk, reference=plan.key)

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

    def write(self):
        """Apply the plan in one transaction (every row or none), in bulk: the agreements
        created level by level (an original before the amendments that name it), then those
        updated, then their partners and lists, then the reference and search indexes once
        (see `bulk`)."""
        todo = [plan for plan in self.plans if plan.action != UNCHANGED]
        if not todo:
            return
        with transaction.atomic():
            self.before_write()
            pks = self._parent_pks(todo)
            creates = [plan for plan in todo if plan.action == CREATE]
            updates = [plan for plan in todo if plan.action == UPDATE]
            self._progress(0, len(todo), "write")
            for level in _levels(creates):
                agreements = [self._agreement(plan, pks) for plan in level]
                Agreement.objects.bulk_create(agreements, batch_size=BATCH_SIZE)
                for plan, agreement in zip(level, agreements, strict=True):
                    plan.existing = agreement
                    pks[plan.key] = agreement.pk
            if updates:
                agreements = [self._agreement(plan, pks) for plan in updates]
                Agreement.objects.bulk_update(
                    agreements, self._updated_fields(), batch_size=BATCH_SIZE
                )
            self._progress(len(todo) // 2, len(todo), "write")
            self._write_partners(todo)
            self._write_lists(todo)
            written = [plan.existing.pk for plan in todo]
            update_reference_index(Agreement, written)
            # One task for the whole file (the search index of a single save is a task too).
            index_records_task.enqueue(Agreement._meta.label, written)
            self._progress(len(todo), len(todo), "write")

    def _parent_pks(self, plans):
        """{reference: pk} of the agreements of the archive that rows name as parent."""
        wanted = sorted(
            {p.values["parent_reference"] for p in plans if p.values.get("parent_reference")}
        )
        pks = {}
        for chunk in batches(wanted):
            pks.update(Agreement.objects.filter(reference__in=chunk).values_list("reference", "pk"))
        return pks

    def _agreement(self, plan, pks):
        """The agreement of a row with the row's values set (not saved)."""
        values = plan.values
        agreement = plan.existing or Agreement(reference=plan.key)
        agreement.title = values["title"]
        agreement.agreement_type_id = values["type"]
        agreement.primary_area_id = values["primary_area"]
        for column, attribute in SIMPLE_COLUMNS.items():
            if column in values:
                setattr(agreement, attribute, values[column])
        if "parent_reference" in values:
            parent = values["parent_reference"]
            agreement.parent_id = pks[parent] if parent else None
        return agreement

    def _updated_fields(self):
        fields = ["title", "agreement_type", "primary_area"]
        fields += [field for column, field in SIMPLE_COLUMNS.items() if self.present(column)]
        if self.present("parent_reference"):
            fields.append("parent")
        return fields

    def _write_partners(self, plans):
        """The partners of each agreement, in the file's order; a partner it kept keeps its
        link (and role), a new one is a funder, as in the admin's form."""
        if not self.present("partners"):
            return
        plans = [plan for plan in plans if plan.action == CREATE or "partners" in plan.changes]
        updated = [plan.existing.pk for plan in plans if plan.action == UPDATE]
        current = {}
        for chunk in batches(updated):
            for link in AgreementPartner.objects.filter(agreement_id__in=chunk):
                current.setdefault(link.agreement_id, []).append(link)
        created, kept, removed = [], [], []
        for plan in plans:
            agreement = plan.existing
            links = {link.partner_id: link for link in current.get(agreement.pk, [])}
            wanted = [self.created_partners.get(pk, pk) for pk in plan.values["partners"]]
            for order, pk in enumerate(wanted):
                link = links.pop(pk, None)
                if link is None:
                    created.append(
                        AgreementPartner(agreement_id=agreement.pk, partner_id=pk, sort_order=order)
                    )
                elif link.sort_order != order:
                    link.sort_order = order
                    kept.append(link)
            removed += [link.pk for link in links.values()]
        if removed:
            AgreementPartner.objects.filter(pk__in=removed).delete()
        AgreementPartner.objects.bulk_update(kept, ["sort_order"], batch_size=BATCH_SIZE)
        AgreementPartner.objects.bulk_create(created, batch_size=BATCH_SIZE)

    def _write_lists(self, plans):
        """Regions, countries and secondary areas: the rows of each list that changed are
        replaced by the file's."""
        for column, field_name in LIST_FIELDS.items():
            if not self.present(column):
                continue
            changed = [plan for plan in plans if plan.action == CREATE or column in plan.changes]
            if not changed:
                continue
            through, source, target = _through(field_name)
            updated = [plan.existing.pk for plan in changed if plan.action == UPDATE]
            for chunk in batches(updated):
                through.objects.filter(**{f"{source}_id__in": chunk}).delete()
            through.objects.bulk_create(
                [
                    through(**{f"{source}_id": plan.existing.pk, f"{target}_id": pk})
                    for plan in changed
                    for pk in plan.values[column]
                ],
                batch_size=BATCH_SIZE,
            )


def _levels(plans):
    """The plans of new agreements by generations: those whose parent is not created by this
    file first, then those whose parent is in the first group, and so on (the file is checked
    for loops before)."""
    level_of = {}
    by_key = {plan.key: plan for plan in plans}

    def level(plan):
        if plan.key not in level_of:
            depth, node, seen = 0, plan, {plan.key}
            while True:
                parent = by_key.get(node.values.get("parent_reference") or "")
                if parent is None or parent.key in seen:
                    break
                depth, node = depth + 1, parent
                seen.add(node.key)
            level_of[plan.key] = depth
        return level_of[plan.key]

    groups = {}
    for plan in plans:
        groups.setdefault(level(plan), []).append(plan)
    return [groups[depth] for depth in sorted(groups)]


def rate_used(currency, year):
    """(rate, year of the rate) with which `cms.core.money` converts `currency` in `year`:
    the year itself when the table has it, None for the currency's long-run average (other
    years, undated agreements), else the table's year whose rate it took."""
    rate = usd_rate(currency, year)
    if currency == "USD" or year in RATES.get(currency, {}):
        return rate, year
    if currency in OTHER_YEARS:
        return rate, None
    used = [known for known, value in RATES.get(currency, {}).items() if Decimal(value) == rate]
    return rate, (used[0] if used else None)


def _text(number):
    """A Decimal kept in the preview's JSON as text (exact), None as None."""
    return None if number is None else str(number)


def settings_kind():
    """The kind given to partners created by an import (IMPORT_NEW_PARTNER_KIND)."""
    return getattr(settings, "IMPORT_NEW_PARTNER_KIND", "government")
