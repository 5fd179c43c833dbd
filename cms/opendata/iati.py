"""The public agreements as IATI activities (IATI Activity Standard 2.03, XML).

One `iati-activity` per public agreement (confidential agreements never appear), built from
the public fields only, written a record at a time. Valid against the IATI 2.03 schema
(tests/opendata/iati-schemas-2.03/). The choices below are the project's; they are
documented in the README ("IATI activities") as well.

**Identifiers.** The reporting organisation is ITU, whose IATI organisation identifier is
built from its OECD DAC channel code, 41303 ("International Telecommunication Union"), with
the `XM-DAC` prefix: `XM-DAC-41303`. Override it with the setting `IATI_REPORTING_ORG_REF`
(e.g. for a publisher of its own). An activity is identified by that reference, a hyphen and
the agreement's reference, where spaces and the characters `/ & | ?` (which IATI advises
against in identifiers) become hyphens: agreement "2016/45" of ITU is
`XM-DAC-41303-2016-45`.

**Organisations.** `reporting-org` is ITU, type 40 (Multilateral). ITU is also a
`participating-org` with role 2 (Accountable): it answers for the agreements it signs. Each
partner is a `participating-org` by its role in the agreement (OrganisationRole codelist):
funders and sponsors 1 (Funding), implementing partners and other parties 4
(Implementing). Beneficiary partners are not participating organisations (IATI has no role
for them); the places that benefit are given as recipient countries or regions. The
organisation type (OrganisationType codelist) comes from the partner's kind, see
`ORGANISATION_TYPES`; bilateral development agencies are government bodies (10), development
banks are taken as multilateral (40), NGOs as international NGOs (21), unknown kinds 90 (Other).

**Status and dates.** `activity-status` (ActivityStatus codelist): in preparation 1
(Pipeline/identification), active 2 (Implementation), completed 4 (Closed), terminated 5
(Cancelled). `activity-date`: the start is the start date, else the signature date, else the
date the agreement was registered in the archive; it is an actual start (2) once the
agreement is active, completed or terminated and the date has passed, a planned start (1)
otherwise. The end date, when there is one, is an actual end (4) for a completed or terminated
agreement whose end date has passed, a planned end (3) otherwise.

**Places.** The agreement's beneficiary countries, when it names some, are its
`recipient-country` elements (ISO 3166-1 alpha-2), sharing 100 percent equally; otherwise its
ITU-D regions are `recipient-region` elements in the OECD DAC region vocabulary (1), as the
ITU-D regions are not in IATI's Region codelist: see `REGIONS`. A region that spans two DAC
regions counts half in each, every ITU-D region of the agreement weighs the same, and the
percentages add up to 100.

**Sectors.** Thematic areas map to 5-digit DAC CRS purpose codes (vocabulary 1), see
`SECTORS`. The primary area weighs 100 percent when the agreement has no secondary area;
otherwise 50 percent, the secondary areas sharing the other 50 equally; areas that map to the
same code are added up, and the percentages add up to 100. An area not in the table counts as
22040 (Information and communication technology).

**Money.** With an amount, the activity has one `budget` (type 1 Original, status 2
Committed) over the activity's period (its start to its end date, or one year from its start
when it has no end date), valued on the signature date, and one `transaction` of type 11
(Incoming Commitment): the agreement commits funds *to* ITU-D, so the provider is the first
funder or sponsor of the agreement (co-funders are participating organisations) and the
receiver is ITU. Values are in the agreement's own currency (ISO 4217). IATI's ruleset (not
the schema) prefers budget periods of at most a year: a multi-year agreement's budget is
reported as one period, as signed.

**Amendments.** An addendum or amendment whose original agreement is public points at it with
`related-activity` type 1 (Parent).
"""

import datetime
import io
import re
from decimal import ROUND_DOWN, Decimal
from xml.sax.saxutils import XMLGenerator

from django.conf import settings
from django.utils import timezone

from cms.snippets.models import (
    SOURCE_LOCALE,
    Agreement,
    AgreementPartner,
    AgreementType,
    BeneficiaryRegion,
    PartnerKind,
    ThematicArea,
)

from .datasets import iter_agreements, vocabulary_codes

__all__ = [
    "ACTIVITY_STATUS",
    "DEFAULT_REPORTING_ORG_REF",
    "DEFAULT_SECTOR",
    "IATI_VERSION",
    "ORGANISATION_TYPES",
    "PARTNER_ROLES",
    "REGIONS",
    "SECTORS",
    "activity_identifier",
    "iati_stream",
    "reporting_org_ref",
    "split_percentages",
]

IATI_VERSION = "2.03"
DEFAULT_REPORTING_ORG_REF = "XM-DAC-41303"
REPORTING_ORG_TYPE = "40"  # Multilateral
REPORTING_ORG_NAME = (
    "International Telecommunication Union (ITU), Telecommunication Development Bureau"
)
ACCOUNTABLE = "2"
SOURCE_LANGUAGE = settings.LANGUAGE_CODE

#: Agreement status -> IATI ActivityStatus code.
ACTIVITY_STATUS = {
    Agreement.Status.IN_PREPARATION: "1",  # Pipeline/identification
    Agreement.Status.ACTIVE: "2",  # Implementation
    Agreement.Status.COMPLETED: "4",  # Closed
    Agreement.Status.TERMINATED: "5",  # Cancelled
}

#: A partner's role in the agreement -> IATI OrganisationRole code (beneficiaries: none).
PARTNER_ROLES = {
    AgreementPartner.Role.FUNDER: "1",  # Funding
    AgreementPartner.Role.SPONSOR: "1",  # Funding
    AgreementPartner.Role.IMPLEMENTER: "4",  # Implementing
    AgreementPartner.Role.OTHER: "4",  # Implementing
}
FUNDING_ROLES = {AgreementPartner.Role.FUNDER, AgreementPartner.Role.SPONSOR}

#: Partner kind code -> IATI OrganisationType code.
ORGANISATION_TYPES = {
    "government": "10",  # Government
    "un-agency": "40",  # Multilateral
    "international-organization": "40",  # Multilateral
    "development-agency": "10",  # Government (bilateral agencies)
    "development-bank": "40",  # Multilateral
    "foundation": "60",  # Foundation
    "company": "70",  # Private Sector
    "academia": "80",  # Academic, Training and Research
    "ngo": "21",  # International NGO
}
OTHER_ORGANISATION_TYPE = "90"

#: ITU-D region code -> OECD DAC region codes (IATI Region vocabulary 1).
REGIONS = {
    "afr": ["298"],  # Africa, regional
    "ams": ["498"],  # America, regional
    "arb": ["189", "589"],  # North of Sahara, regional; Middle East, regional
    "asp": ["798", "889"],  # Asia, regional; Oceania, regional
    "cis": ["89", "619"],  # Europe, regional; Central Asia, regional
    "eur": ["89"],  # Europe, regional
    "glo": ["998"],  # Developing countries, unspecified
}

#: Thematic area code -> DAC 5-digit CRS purpose code (IATI Sector vocabulary 1).
SECTORS = {
    "capacity-building": "11430",  # Advanced technical and managerial training
    "ict-applications": "22040",  # Information and communication technology (ICT)
    "generic": "22010",  # Communications policy and administrative management
    "infrastructure": "22020",  # Telecommunications
    "cybersecurity": "22040",  # Information and communication technology (ICT)
    "enabling-environment": "22010",  # Communications policy and administrative management
    "emergency-telecommunications": "74020",  # Multi-hazard response preparedness
    "digital-inclusion": "22040",  # Information and communication technology (ICT)
    "innovation": "32182",  # Technological research and development
    "climate-change-e-waste": "14050",  # Waste management/disposal
    "statistics-indicators": "16062",  # Statistical capacity building
}
DEFAULT_SECTOR = "22040"

HUNDRED = Decimal("100")
CENT = Decimal("0.01")
UNSAFE_IDENTIFIER = re.compile(r"[\s/&|?]+")
# Characters XML 1.0 cannot hold.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def reporting_org_ref():
    """ITU's IATI organisation identifier (setting IATI_REPORTING_ORG_REF)."""
    return getattr(settings, "IATI_REPORTING_ORG_REF", "") or DEFAULT_REPORTING_ORG_REF


def activity_identifier(reference, org_ref=None):
    """The IATI identifier of the agreement with this reference."""
    cleaned = UNSAFE_IDENTIFIER.sub("-", reference.strip())
    return f"{org_ref or reporting_org_ref()}-{cleaned}"


def split_percentages(weights):
    """[(key, percentage)] for {key: weight} (in its order): shares of 100 with two decimals
    that add up to exactly 100, the rounding left-over going to the largest share."""
    total = sum(weights.values(), Decimal(0))
    if not total:
        return []
    shares = {
        key: (HUNDRED * weight / total).quantize(CENT, rounding=ROUND_DOWN)
        for key, weight in weights.items()
    }
    largest = max(shares, key=lambda key: shares[key])
    shares[largest] += HUNDRED - sum(shares.values(), Decimal(0))
    return list(shares.items())


def _percent(value):
    return format(value.normalize(), "f")


def _text(value):
    return NOT_XML.sub("", value or "")


def _sector_weights(primary_code, secondary_codes):
    weights = {}
    secondary = [code for code in secondary_codes if code != primary_code]
    parts = [(primary_code, Decimal(1) if not secondary else Decimal("0.5"))]
    parts += [(code, Decimal("0.5") / len(secondary)) for code in secondary]
    for area_code, weight in parts:
        sector = SECTORS.get(area_code, DEFAULT_SECTOR)
        weights[sector] = weights.get(sector, Decimal(0)) + weight
    return weights


def _region_weights(region_codes):
    weights = {}
    for code in region_codes:
        dac_codes = REGIONS.get(code.lower(), ["998"])
        for dac in dac_codes:
            weights[dac] = weights.get(dac, Decimal(0)) + Decimal(1) / len(dac_codes)
    return weights


def _names(model):
    return dict(model.objects.filter(**SOURCE_LOCALE).values_list("pk", "name"))


class _Writer:
    """A thin layer over XMLGenerator that hands back what was written since last asked."""

    def __init__(self):
        self.buffer = io.StringIO()
        self.xml = XMLGenerator(self.buffer, encoding="utf-8", short_empty_elements=True)

    def start(self, name, attrs=None):
        self.xml.startElement(name, {k: str(v) for k, v in (attrs or {}).items()})

    def end(self, name):
        self.xml.endElement(name)

    def leaf(self, name, attrs=None, text=None):
        self.start(name, attrs)
        if text is not None:
            self.xml.characters(_text(text))
        self.end(name)

    def narrative(self, text, lang=None):
        self.leaf("narrative", {"xml:lang": lang} if lang else None, text)

    def take(self):
        data = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return data.encode("utf-8")


class _Context:
    """What every activity needs: the vocabularies, today's date, ITU's reference."""

    def __init__(self, today):
        self.today = today
        self.org_ref = reporting_org_ref()
        self.area_codes = vocabulary_codes(ThematicArea)
        self.type_names = _names(AgreementType)
        self.area_names = _names(ThematicArea)
        self.kind_codes = vocabulary_codes(PartnerKind)
        self.regions = vocabulary_codes(BeneficiaryRegion)

    def area_code(self, pk):
        term = self.area_codes.get(pk)
        return term[1] if term else ""

    def organisation_type(self, partner):
        term = self.kind_codes.get(partner.kind_id)
        return ORGANISATION_TYPES.get(term[1] if term else "", OTHER_ORGANISATION_TYPE)


def _start_date(agreement):
    return agreement.start_date or agreement.signature_date or agreement.registered_on


def _activity_dates(agreement, today):
    started = agreement.status != Agreement.Status.IN_PREPARATION
    ended = agreement.status in (Agreement.Status.COMPLETED, Agreement.Status.TERMINATED)
    start = _start_date(agreement)
    dates = [("2" if started and start <= today else "1", start)]
    if agreement.end_date:
        end_type = "4" if ended and agreement.end_date <= today else "3"
        dates.append((end_type, agreement.end_date))
    return dates


def _budget_period(agreement):
    start = _start_date(agreement)
    end = agreement.end_date
    if end is None or end < start:
        try:
            end = start.replace(year=start.year + 1) - datetime.timedelta(days=1)
        except ValueError:  # 29 February
            end = start + datetime.timedelta(days=364)
    return start, end


def _description(agreement, context, partners):
    parts = [context.type_names.get(agreement.agreement_type_id, "Agreement")]
    if partners:
        parts.append("with " + ", ".join(partners))
    if agreement.signature_date:
        parts.append(f"signed on {agreement.signature_date.isoformat()}")
    text = " ".join(parts) + "."
    area = context.area_names.get(agreement.primary_area_id)
    if area:
        text += f" Primary thematic area: {area}."
    return text


def _write_activity(out, agreement, context):
    links = list(agreement.partner_links.all())
    lang = SOURCE_LANGUAGE
    out.start("iati-activity", {"xml:lang": lang, "hierarchy": "1"})
    out.leaf("iati-identifier", text=activity_identifier(agreement.reference, context.org_ref))
    out.start("reporting-org", {"ref": context.org_ref, "type": REPORTING_ORG_TYPE})
    out.narrative(REPORTING_ORG_NAME, lang)
    out.end("reporting-org")
    out.start("title")
    out.narrative(agreement.title, lang)
    out.end("title")
    out.start("description", {"type": "1"})
    out.narrative(_description(agreement, context, [link.partner.name for link in links]), lang)
    out.end("description")

    out.start(
        "participating-org",
        {"ref": context.org_ref, "type": REPORTING_ORG_TYPE, "role": ACCOUNTABLE},
    )
    out.narrative(REPORTING_ORG_NAME, lang)
    out.end("participating-org")
    for link in links:
        role = PARTNER_ROLES.get(link.role)
        if role is None:
            continue
        attrs = {"type": context.organisation_type(link.partner), "role": role}
        out.start("participating-org", attrs)
        out.narrative(link.partner.name, lang)
        out.end("participating-org")

    out.leaf("activity-status", {"code": ACTIVITY_STATUS.get(agreement.status, "2")})
    for date_type, date in _activity_dates(agreement, context.today):
        out.leaf("activity-date", {"type": date_type, "iso-date": date.isoformat()})

    countries = sorted(str(country.code).upper() for country in agreement.countries.all())
    if countries:
        weights = {code: Decimal(1) for code in countries}
        for code, share in split_percentages(weights):
            out.leaf("recipient-country", {"code": code, "percentage": _percent(share)})
    else:
        region_codes = [
            context.regions[region.pk][1]
            for region in sorted(
                agreement.regions.all(), key=lambda r: context.regions.get(r.pk, (0, ""))
            )
            if region.pk in context.regions
        ]
        for code, share in split_percentages(_region_weights(region_codes)):
            out.leaf(
                "recipient-region",
                {"code": code, "vocabulary": "1", "percentage": _percent(share)},
            )

    primary = context.area_code(agreement.primary_area_id)
    secondary = sorted(
        (context.area_codes.get(area.pk, (0, "")) for area in agreement.secondary_areas.all()),
    )
    weights = _sector_weights(primary, [code for _order, code in secondary if code])
    for code, share in split_percentages(weights):
        out.leaf("sector", {"vocabulary": "1", "code": code, "percentage": _percent(share)})

    value = agreement.amount if agreement.amount is not None else agreement.amount_usd
    currency = agreement.currency if agreement.amount is not None else "USD"
    if value is not None and currency:
        value_date = (agreement.signature_date or _start_date(agreement)).isoformat()
        amount = f"{value:.2f}"
        period_start, period_end = _budget_period(agreement)
        out.start("budget", {"type": "1", "status": "2"})
        out.leaf("period-start", {"iso-date": period_start.isoformat()})
        out.leaf("period-end", {"iso-date": period_end.isoformat()})
        out.leaf("value", {"currency": currency, "value-date": value_date}, amount)
        out.end("budget")

        out.start("transaction")
        out.leaf("transaction-type", {"code": "11"})  # Incoming Commitment
        out.leaf("transaction-date", {"iso-date": value_date})
        out.leaf("value", {"currency": currency, "value-date": value_date}, amount)
        funder = next((link for link in links if link.role in FUNDING_ROLES), None)
        if funder is not None:
            out.start("provider-org", {"type": context.organisation_type(funder.partner)})
            out.narrative(funder.partner.name, lang)
            out.end("provider-org")
        out.start("receiver-org", {"ref": context.org_ref, "type": REPORTING_ORG_TYPE})
        out.narrative(REPORTING_ORG_NAME, lang)
        out.end("receiver-org")
        out.end("transaction")

    parent = agreement.parent
    if parent is not None and not parent.is_confidential:
        out.leaf(
            "related-activity",
            {"ref": activity_identifier(parent.reference, context.org_ref), "type": "1"},
        )
    out.end("iati-activity")


def iati_stream(queryset=None, now=None):
    """The public agreements (or those of `queryset`, which must hold public agreements
    only) as an IATI 2.03 `iati-activities` document, one activity at a time (bytes)."""
    now = now or timezone.now()
    queryset = Agreement.objects.public() if queryset is None else queryset.public()
    context = _Context(timezone.localdate(now))
    out = _Writer()
    out.xml.startDocument()
    out.start(
        "iati-activities",
        {
            "version": IATI_VERSION,
            "generated-datetime": now.replace(microsecond=0).isoformat(),
        },
    )
    yield out.take()
    for agreement in iter_agreements(queryset):
        _write_activity(out, agreement, context)
        yield out.take()
    out.end("iati-activities")
    out.xml.endDocument()
    yield out.take() + b"\n"
