"""The shapes of the API's answers (they make its OpenAPI document).

Every name is in the language asked for (`lang`), with the stable code of the term beside it;
rich text is HTML with internal links resolved.
"""

from datetime import datetime

from ninja import Schema

__all__ = [
    "AgreementOut",
    "ChoiceOut",
    "CountryOut",
    "ErrorOut",
    "OpportunityDetailOut",
    "OpportunityOut",
    "OpportunityPageOut",
    "PartnerDetailOut",
    "PartnerLinkOut",
    "PartnerOut",
    "PartnerPageOut",
    "RecognitionOut",
    "RecognitionPageOut",
    "RootOut",
    "SdgOut",
    "TermOut",
    "TranslationOut",
]


class ErrorOut(Schema):
    detail: str


class TermOut(Schema):
    """A term of a controlled vocabulary."""

    code: str
    name: str


class SdgOut(TermOut):
    """A Sustainable Development Goal."""

    number: int


class CountryOut(Schema):
    """A country by ISO 3166-1 alpha-2 code."""

    code: str
    name: str


class ChoiceOut(Schema):
    """A fixed choice (an opportunity's kind or status)."""

    code: str
    name: str


class TranslationOut(Schema):
    """A published version of the same opportunity in another language."""

    lang: str
    id: int
    url: str | None


class OpportunityOut(Schema):
    """A concept, project or regional initiative that needs partners."""

    id: int
    lang: str
    title: str
    url: str | None
    kind: ChoiceOut
    status: ChoiceOut
    featured: bool
    introduction: str
    thematic_areas: list[TermOut]
    regions: list[TermOut]
    countries: list[CountryOut]
    sdgs: list[SdgOut]
    partner_kinds: list[TermOut]
    budget_usd: int | None
    funding_gap_usd: int | None
    duration_months: int | None
    contact_name: str
    first_published_at: datetime | None
    last_published_at: datetime | None


class OpportunityDetailOut(OpportunityOut):
    objectives: str
    expected_results: str
    translations: list[TranslationOut]


class PartnerLinkOut(Schema):
    """Another partner: its id (the same in every language), name and directory profile."""

    id: int
    name: str
    url: str | None


class PartnerOut(Schema):
    """A funding partner's public fields. `id` is the same in every language; `text_lang` is
    the language its name, mandate and strategy are in (English while not translated)."""

    id: int
    lang: str
    text_lang: str
    name: str
    acronym: str
    url: str | None
    kind: TermOut | None
    headquarters_country: CountryOut | None
    website: str
    logo_url: str | None
    membership_category: TermOut | None
    parent: PartnerLinkOut | None
    mandate: str
    development_strategy: str
    priority_areas: list[TermOut]
    regions: list[TermOut]
    countries: list[CountryOut]
    funding_types: list[TermOut]
    funding_mechanism: TermOut | None


class AgreementOut(Schema):
    """A public (non-confidential) agreement."""

    reference: str
    title: str
    agreement_type: TermOut | None
    year: int | None
    regions: list[TermOut]
    primary_area: TermOut | None
    amount_usd: float | None


class RecognitionOut(Schema):
    """An award given to a partner. `id` is the same in every language."""

    id: int
    lang: str
    text_lang: str
    award_title: str
    occasion: str
    year: int
    citation: str
    partner: PartnerLinkOut


class PartnerDetailOut(PartnerOut):
    agreements: list[AgreementOut]
    recognitions: list[RecognitionOut]


class OpportunityPageOut(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[OpportunityOut]


class PartnerPageOut(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[PartnerOut]


class RecognitionPageOut(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[RecognitionOut]


class RootOut(Schema):
    """Where the API's resources are."""

    opportunities: str
    partners: str
    recognitions: str
    openapi: str
    languages: list[str]
