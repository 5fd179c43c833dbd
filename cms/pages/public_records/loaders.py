"""Reading the public records of partners, agreements and recognitions in a language, in a
fixed number of queries whatever the number of partners, agreements or recognitions."""

from django.db.models import CharField, F, Value
from django.utils import translation
from django_countries.fields import Country as CountryCode

from cms.snippets.models import (
    SOURCE_LOCALE,
    Agreement,
    AgreementType,
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
    Recognition,
    ThematicArea,
)

from .agreements import agreement_url
from .records import (
    SOURCE,
    CountryName,
    PartnerLink,
    PublicAgreement,
    PublicPartner,
    PublicRecognition,
    Vocabularies,
    partner_slug,
    translated_partner_names,
)

__all__ = ["load_public_agreements", "load_public_partners", "load_public_recognitions"]


def _country(country):
    return CountryName(code=country.code.code, name=str(country.code.name)) if country else None


#: The four ordered lists of terms of a partner: (name, through model, term column).
_TERM_LISTS = (
    ("priority_areas", PartnerThematicArea, "area_id"),
    ("regions", PartnerRegion, "region_id"),
    ("countries", PartnerCountry, "country_id"),
    ("funding_types", PartnerFundingType, "funding_type_id"),
)


def _term_lists(partner_ids):
    """{partner id: {list name: [term id or country code, ...]}} of the partners' four lists
    of terms, each in its editors' order, read in one query (a union of the four)."""
    if not partner_ids:
        return {}
    text = CharField()
    parts = [
        model.objects.filter(partner_id__in=partner_ids)
        .annotate(
            list_name=Value(name, output_field=text),
            country_code=F("country__code") if model is PartnerCountry else Value("", text),
        )
        .values_list("partner_id", "sort_order", "pk", column, "list_name", "country_code")
        .order_by()
        for name, model, column in _TERM_LISTS
    ]
    lists = {}
    for partner_id, _order, _pk, term_id, name, code in sorted(
        parts[0].union(*parts[1:], all=True), key=lambda row: row[:3]
    ):
        lists.setdefault(partner_id, {}).setdefault(name, []).append(code or term_id)
    return lists


def load_public_partners(english_partners, language_code, links, vocabularies=None):
    """The public records of the given English partner rows, in their order.

    `english_partners` is a queryset of English rows (or a list of their ids); each record's
    `url` is its profile under `links`. The queries are the same in number for 1 or 100
    partners: the partners with their single-valued terms, their four lists of terms, the
    translations, and the vocabularies (kept in the shared cache, see `cms.snippets.terms`).
    """
    vocabularies = vocabularies or Vocabularies(language_code)
    if isinstance(english_partners, list | tuple):
        ids = list(english_partners)
        queryset = Partner.objects.filter(pk__in=ids, **SOURCE_LOCALE)
    else:
        ids = None
        queryset = english_partners
    queryset = (
        queryset.defer("internal_notes", "aliases")
        .select_related("headquarters_country", "logo", "parent")
        .prefetch_related("logo__renditions")
    )
    partners = list(queryset)
    if ids is not None:
        position = {pk: index for index, pk in enumerate(ids)}
        partners.sort(key=lambda partner: position.get(partner.pk, 0))
    term_lists = _term_lists([partner.pk for partner in partners])

    keys = [p.translation_key for p in partners]
    keys += [p.parent.translation_key for p in partners if p.parent_id]
    translations = translated_partner_names(
        keys, language_code, ("name", "acronym", "mandate", "development_strategy")
    )
    kinds = vocabularies[PartnerKind]
    memberships = vocabularies[MembershipCategory]
    mechanisms = vocabularies[FundingMechanism]
    areas = vocabularies[ThematicArea]
    regions = vocabularies[BeneficiaryRegion]
    funding_types = vocabularies[FundingType]

    records = []
    with translation.override(language_code):
        for partner in partners:
            translated = translations.get(partner.translation_key)
            text = translated or {
                "name": partner.name,
                "acronym": partner.acronym,
                "mandate": partner.mandate,
                "development_strategy": partner.development_strategy,
            }
            slug = partner_slug(partner.name)
            fallback = language_code != SOURCE and not translated
            lists = term_lists.get(partner.pk, {})
            records.append(
                PublicPartner(
                    pk=partner.pk,
                    slug=slug,
                    name=text["name"],
                    acronym=text["acronym"],
                    language=language_code if translated else SOURCE,
                    fallback_language=SOURCE if fallback else None,
                    kind=kinds.get(partner.kind_id),
                    headquarters_country=_country(partner.headquarters_country),
                    website=partner.website,
                    logo=partner.logo,
                    membership_category=memberships.get(partner.membership_category_id),
                    parent=_parent_link(partner.parent, translations, language_code, links),
                    mandate=text["mandate"],
                    development_strategy=text["development_strategy"],
                    priority_areas=areas.many(lists.get("priority_areas", ())),
                    regions=regions.many(lists.get("regions", ())),
                    countries=[
                        CountryName(code=code, name=str(CountryCode(code).name))
                        for code in lists.get("countries", ())
                    ],
                    funding_types=funding_types.many(lists.get("funding_types", ())),
                    funding_mechanism=mechanisms.get(partner.funding_mechanism_id),
                    url=links.url(partner.pk, slug),
                )
            )
    return records


def _parent_link(parent, translations, language_code, links):
    if parent is None:
        return None
    translated = translations.get(parent.translation_key)
    # Only funding partners have a profile to link to.
    url = links.url(parent.pk, partner_slug(parent.name)) if parent.is_funding_partner else None
    return PartnerLink(
        pk=parent.pk,
        name=translated["name"] if translated else parent.name,
        language=language_code if translated else SOURCE,
        url=url,
    )


def load_public_agreements(partner_pk, vocabularies):
    """The non-confidential agreements a partner signed, newest first, in one query (each
    agreement's row repeated for each of its regions) plus the vocabularies'."""
    rows = (
        Agreement.objects.public()
        .filter(partner_links__partner_id=partner_pk)
        .order_by("-signature_date", "reference", "pk", "regions__sort_order", "regions__name")
        .values_list(
            "pk",
            "reference",
            "title",
            "agreement_type_id",
            "signature_date",
            "primary_area_id",
            "amount_usd",
            "regions__pk",
        )
    )
    fields = {}
    region_ids = {}
    for *agreement, region_id in rows:
        # An agreement is listed once, even when the partner has two roles in it.
        fields.setdefault(agreement[0], agreement)
        ids = region_ids.setdefault(agreement[0], [])
        if region_id is not None and region_id not in ids:
            ids.append(region_id)
    types = vocabularies[AgreementType]
    areas = vocabularies[ThematicArea]
    regions = vocabularies[BeneficiaryRegion]
    return [
        PublicAgreement(
            pk=pk,
            reference=reference,
            title=title,
            agreement_type=types.get(type_id),
            year=signed.year if signed else None,
            regions=sorted(regions.many(region_ids[pk]), key=lambda term: term.sort_order),
            primary_area=areas.get(area_id),
            amount_usd=amount_usd,
            url=agreement_url(reference, vocabularies.language_code),
        )
        for pk, reference, title, type_id, signed, area_id, amount_usd in fields.values()
    ]


def load_public_recognitions(language_code, links, partner_pk=None, pks=None):
    """The recognitions in a language (English where not translated), newest first, each
    with its partner named in that language; only those of one partner (the id of its
    English row) or of the given English ids when asked. Two queries."""
    rows = Recognition.objects.filter(
        locale__language_code__in={SOURCE, language_code}
    ).select_related("locale", "partner")
    if partner_pk is not None:
        rows = rows.filter(
            partner__translation_key__in=Partner.objects.filter(pk=partner_pk).values(
                "translation_key"
            )
        )
    by_key = {}
    for row in rows:
        by_key.setdefault(row.translation_key, {})[row.locale.language_code] = row
    if not by_key:
        return []

    # The partner's English row (the profile's id) and its name in the language.
    partner_keys = {
        row.partner.translation_key for rows in by_key.values() for row in rows.values()
    }
    # Both in one query: the English rows and the translations in the language.
    english_partners, names = {}, {}
    for partner in (
        Partner.objects.filter(
            translation_key__in=partner_keys, locale__language_code__in={SOURCE, language_code}
        )
        .annotate(language=F("locale__language_code"))
        .only("pk", "translation_key", "name", "is_funding_partner")
    ):
        if partner.language == SOURCE:
            english_partners[partner.translation_key] = partner
        else:
            names[partner.translation_key] = {"name": partner.name}

    records = []
    for versions in by_key.values():
        english = versions.get(SOURCE)
        shown = versions.get(language_code) or english
        if shown is None:
            continue
        if pks is not None and (english is None or english.pk not in pks):
            continue
        partner = english_partners.get(shown.partner.translation_key, shown.partner)
        name = names.get(partner.translation_key)
        slug = partner_slug(partner.name)
        # In English: the award, or (outside the partner's own profile, which says it
        # itself) the partner's name.
        in_english = shown.locale.language_code != language_code or (
            partner_pk is None and name is None and language_code != SOURCE
        )
        records.append(
            PublicRecognition(
                pk=(english or shown).pk,
                award_title=shown.award_title,
                occasion=shown.occasion,
                year=shown.year,
                citation=shown.citation,
                language=shown.locale.language_code,
                partner=PartnerLink(
                    pk=partner.pk,
                    name=name["name"] if name else partner.name,
                    language=language_code if name else SOURCE,
                    url=links.url(partner.pk, slug) if partner.is_funding_partner else None,
                ),
                occasion_key=(shown.year, (english or shown).occasion),
                fallback_language=SOURCE if in_english else None,
            )
        )
    records.sort(
        key=lambda r: (
            -r.year,
            r.occasion_key[1].casefold(),
            r.partner.name.casefold(),
            r.award_title.casefold(),
        )
    )
    return records
