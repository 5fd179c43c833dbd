"""Ranked partners as people read them: terms named in their language, links into the admin,
the shortlist's columns, and the JSON of the command and the endpoint.

Nothing here queries per result: vocabularies are loaded once (`finder_terms`) and URLs are
reversed without touching the database.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django_countries import countries as country_names

from cms.core.formats import format_date
from cms.core.money import format_usd
from cms.snippets.models import (
    Agreement,
    BeneficiaryRegion,
    Country,
    FundingType,
    Partner,
    PartnerKind,
    ThematicArea,
)
from cms.snippets.terms import load_terms

from .weights import COMPONENTS

__all__ = [
    "ReasonRow",
    "ResultRow",
    "export_columns",
    "export_row",
    "finder_terms",
    "match_data",
    "present",
]


def finder_terms(language, *, with_countries=True):
    """The vocabularies a result names, in `language` (one query each): {"area", "region",
    "funding_type", "kind": TermList} and {"country": {Country id: ISO code}}."""
    terms = {
        "area": load_terms(ThematicArea, language),
        "region": load_terms(BeneficiaryRegion, language),
        "funding_type": load_terms(FundingType, language),
        "kind": load_terms(PartnerKind, language),
    }
    if with_countries:
        terms["country"] = {pk: str(code) for code, pk in Country.objects.values_list("code", "pk")}
    return terms


def _names(term_list, ids):
    return [term.name for term in term_list.many(ids)]


def _country_names(codes_by_pk, ids):
    return [country_names.name(codes_by_pk[pk]) for pk in ids if pk in codes_by_pk]


@dataclass
class ReasonRow:
    """A past agreement that earned points, as the finder lists it."""

    reason: object  # AgreementReason
    url: str | None
    matched: list
    date: str
    value: str


@dataclass
class ResultRow:
    """A ranked partner as the finder shows it."""

    rank: int
    match: object  # PartnerMatch
    url: str | None
    kind: str
    components: list
    agreements: list
    profile: list
    #: The references of the agreements that counted beyond the detailed ones.
    more_references: list


def _matched(reason, terms):
    """What an agreement matched, in words: its areas, places and the words of the text
    found in its title (only those)."""
    parts = []
    areas = ", ".join(_names(terms["area"], reason.matched_areas))
    if reason.area_match >= 1:
        parts.append(_("primary area: %(areas)s") % {"areas": areas})
    elif reason.area_match:
        parts.append(_("secondary area: %(areas)s") % {"areas": areas})
    places = _names(terms["region"], reason.matched_regions) + _country_names(
        terms.get("country", {}), reason.matched_countries
    )
    if reason.place_match >= 1:
        parts.append(_("benefits: %(places)s") % {"places": ", ".join(places)})
    elif reason.place_match:
        parts.append(
            _("benefits the region of a country sought: %(places)s") % {"places": ", ".join(places)}
        )
    if reason.matched_words:
        parts.append(
            _("title matches the words: %(words)s") % {"words": ", ".join(reason.matched_words)}
        )
    return parts


def _profile(match, terms):
    """What a partner's profile matched, in words."""
    parts = []
    if match.priority_areas:
        parts.append(
            _("priority areas: %(names)s")
            % {"names": ", ".join(_names(terms["area"], match.priority_areas))}
        )
    places = _names(terms["region"], match.beneficiary_regions) + _country_names(
        terms.get("country", {}), match.beneficiary_countries
    )
    if places:
        parts.append(
            _("beneficiary regions and countries: %(names)s") % {"names": ", ".join(places)}
        )
    if match.funding_types:
        parts.append(
            _("funding types: %(names)s")
            % {"names": ", ".join(_names(terms["funding_type"], match.funding_types))}
        )
    if match.text_words:
        parts.append(
            _("name or mandate mentions: %(words)s") % {"words": ", ".join(match.text_words)}
        )
    return parts


def _url_maker(model, user):
    """A function of a record's id giving the admin page `user` may open for it (its edit
    view, else its read-only view), or None for none; reversed once, not once per record."""
    viewset = model.snippet_viewset
    label = f"{model._meta.app_label}.%s_{model._meta.model_name}"
    if user is not None and user.has_perm(label % "change"):
        name = "edit"
    elif user is not None and user.has_perm(label % "view"):
        name = "inspect"
    else:
        return lambda pk: None
    placeholder = 987654321
    pattern = reverse(viewset.get_url_name(name), args=[placeholder])
    return lambda pk: pattern.replace(str(placeholder), str(pk))


def present(ranking, terms, user=None):
    """The ResultRows of a Ranking, with links the `user` may follow."""
    partner_url, agreement_url = _url_maker(Partner, user), _url_maker(Agreement, user)
    rows = []
    for rank, match in enumerate(ranking.results, start=1):
        kind = terms["kind"].get(match.kind_id)
        agreements = [
            ReasonRow(
                reason=reason,
                url=agreement_url(reason.pk),
                matched=_matched(reason, terms),
                date=format_date(reason.date),
                value=format_usd(reason.amount_usd, unit=False),
            )
            for reason in match.agreements
        ]
        rows.append(
            ResultRow(
                rank=rank,
                match=match,
                url=partner_url(match.pk),
                kind=kind.name if kind else "",
                components=match.components(),
                agreements=agreements,
                profile=_profile(match, terms),
                more_references=match.references[len(match.agreements) :],
            )
        )
    return rows


def export_columns():
    """(key, heading) of the shortlist's columns, in the CSV and the XLSX file alike."""
    return [
        ("rank", _("Rank")),
        ("partner", _("Partner")),
        ("acronym", _("Acronym")),
        ("kind", _("Kind")),
        ("score", _("Score")),
        *((key, str(label)) for key, label in COMPONENTS),
        ("agreement_count", _("Agreements that count")),
        ("agreements", _("Agreement references")),
        ("why", _("Profile matches")),
    ]


def export_row(row):
    """{column key: value} of one ResultRow of the shortlist. A confidential agreement is
    marked as such: the file leaves the admin, where its label warned the reader."""
    match = row.match
    values = {
        "rank": row.rank,
        "partner": match.name,
        "acronym": match.acronym,
        "kind": row.kind,
        "score": match.score,
        "agreement_count": len(match.references),
        "agreements": "; ".join(
            _("%(reference)s (confidential)") % {"reference": reference}
            if reference in match.confidential_references
            else reference
            for reference in match.references
        ),
        "why": "; ".join(row.profile),
    }
    for key, _label in COMPONENTS:
        values[key] = match.breakdown.get(key, 0.0)
    return values


def match_data(match, kinds):
    """A result as the JSON endpoint answers it: the command's keys (English name, score,
    agreement references) plus the id, kind (code, from the TermList `kinds`), breakdown and
    the details of the most valuable agreements (`reasons`, at most REASONS_LIMIT, each with
    the words of the text found in its title; the others are counted in `more_reasons`, and
    all are in `agreements`), and the words found in the partner's profile."""
    kind = kinds.get(match.kind_id)
    return {
        **match.as_dict(),
        "partner_id": match.pk,
        "kind": kind.code if kind else None,
        "breakdown": {key: match.breakdown.get(key, 0.0) for key, _label in COMPONENTS},
        "reasons": [
            {
                "reference": reason.reference,
                "title": reason.title,
                "date": reason.date.isoformat() if reason.date else None,
                "role": reason.role,
                "value_usd": float(reason.amount_usd) if reason.amount_usd is not None else None,
                "confidential": reason.is_confidential,
                "matched_words": list(reason.matched_words),
                "recency": round(reason.recency, 3),
                "points": reason.points,
            }
            for reason in match.agreements
        ],
        "more_reasons": match.more_agreements,
        "profile_words": list(match.text_words),
    }
