"""The shapes of the API's answers (they make its OpenAPI document).

Every name is in the language asked for (`lang`), with the stable code of the term beside it;
rich text is HTML with internal links resolved.
"""

from datetime import date, datetime

from ninja import Field, Schema

__all__ = [
    "AgreementDetailOut",
    "AgreementLinkOut",
    "AgreementOut",
    "AgreementPageOut",
    "AgreementPartnerOut",
    "ChoiceOut",
    "CountryOut",
    "ErrorOut",
    "OpportunityDetailOut",
    "OpportunityLinkOut",
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
    deadline: date | None = Field(
        None, description="Call open until this day (expressions of interest invited)."
    )
    decision_date: date | None = Field(None, description="Decision expected on this day.")
    start_date: date | None = Field(None, description="Expected start of the work.")
    end_date: date | None = Field(None, description="Expected end of the work.")
    contact_name: str
    first_published_at: datetime | None
    last_published_at: datetime | None


class ProgressReportOut(Schema):
    """A dated progress report of a funded or closed opportunity, with its status light
    (`on_track`, `delayed`, `completed`) named in the language asked for."""

    date: date
    status: ChoiceOut
    text: str


class OpportunityDetailOut(OpportunityOut):
    objectives: str
    expected_results: str
    translations: list[TranslationOut]
    progress_reports: list[ProgressReportOut] = Field(
        default_factory=list,
        description="Newest first; only for a funded or closed opportunity (empty otherwise).",
    )
    funders: list["PartnerLinkOut"] = Field(
        default_factory=list,
        description=(
            "The partners that fund a funded or closed opportunity through its public "
            "agreements, named in the language asked for (empty otherwise)."
        ),
    )


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
    """A public (non-confidential) agreement; `url` is its public page, and
    /agreements/<reference>/ has all its fields."""

    reference: str
    title: str
    agreement_type: TermOut | None
    year: int | None
    regions: list[TermOut]
    primary_area: TermOut | None
    amount_usd: float | None
    url: str | None = None


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


class AgreementPartnerOut(Schema):
    """A partner that signed an agreement: its id (the same in every language, the one of
    /partners/ for a funding partner), its name in the language asked for, its profile and
    its role in the agreement."""

    id: int
    name: str
    url: str | None
    role: ChoiceOut


class AgreementLinkOut(Schema):
    """Another public agreement of the same amendment chain."""

    reference: str
    title: str
    url: str | None
    signature_date: date | None


class OpportunityLinkOut(Schema):
    """A published opportunity the agreement serves, in the language asked for where it is
    translated (`lang` says which)."""

    title: str
    url: str
    lang: str


class AgreementDetailOut(Schema):
    """A public (non-confidential) agreement of the archive with its public fields.

    `amount` is in the agreement's own `currency` (ISO 4217); `amount_usd` is its estimated
    value in US dollars at the signature date. `amends` is the public agreement it amends;
    `amendments` its public addenda, oldest first (confidential ones are never named)."""

    reference: str = Field(examples=["BDT-2016-0042"])
    lang: str = Field(examples=["fr"])
    title: str
    url: str | None = Field(
        description="Its public page in the language asked for.",
        examples=["https://partners.example.org/fr/agreements/BDT-2016-0042/"],
    )
    agreement_type: TermOut | None
    is_amendment: bool
    status: ChoiceOut
    signature_date: date | None = Field(examples=["2016-05-03"])
    start_date: date | None
    end_date: date | None
    year: int | None = Field(description="Year of signature; null when not recorded.")
    amount: float | None = Field(examples=[249000000.0])
    currency: str = Field(examples=["KRW"])
    amount_usd: float | None = Field(examples=[214389.0])
    partners: list[AgreementPartnerOut]
    regions: list[TermOut]
    countries: list[CountryOut]
    primary_area: TermOut | None
    secondary_areas: list[TermOut]
    amends: AgreementLinkOut | None
    amendments: list[AgreementLinkOut]
    opportunities: list[OpportunityLinkOut]


class AgreementPageOut(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[AgreementDetailOut]


class RootOut(Schema):
    """Where the API's resources are."""

    opportunities: str
    partners: str
    recognitions: str
    agreements: str
    openapi: str
    languages: list[str]
