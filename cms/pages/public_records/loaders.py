"""Reading the public records of partners, agreements and recognitions in a language, in a
fixed number of queries whatever the number of partners, agreements or recognitions."""

from django.db.models import Prefetch
from django.utils import translation

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


def load_public_partners(english_partners, language_code, links, vocabularies=None):
    """The public records of the given English partner rows, in their order.

    `english_partners` is a queryset of English rows (or a list of their ids); each record's
    `url` is its profile under `links`. The queries are the same in number for 1 or 100
    partners: the partners with their single-valued terms, four lists of terms, the
    translations, and one per vocabulary.
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
        .prefetch_related(
            Prefetch("priority_areas", queryset=PartnerThematicArea.objects.order_by("sort_order")),
            Prefetch("beneficiary_regions", queryset=PartnerRegion.objects.order_by("sort_order")),
            Prefetch(
                "beneficiary_countries",
                queryset=PartnerCountry.objects.select_related("country").order_by("sort_order"),
            ),
            Prefetch("funding_types", queryset=PartnerFundingType.objects.order_by("sort_order")),
            "logo__renditions",
        )
    )
    partners = list(queryset)
    if ids is not None:
        position = {pk: index for index, pk in enumerate(ids)}
        partners.sort(key=lambda partner: position.get(partner.pk, 0))

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
                    priority_areas=areas.many(
                        link.area_id for link in partner.priority_areas.all()
                    ),
                    regions=regions.many(
                        link.region_id for link in partner.beneficiary_regions.all()
                    ),
                    countries=[
                        _country(link.country) for link in partner.beneficiary_countries.all()
                    ],
                    funding_types=funding_types.many(
                        link.funding_type_id for link in partner.funding_types.all()
                    ),
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
    """The non-confidential agreements a partner signed, newest first, in two queries plus
    the vocabularies'."""
    agreements = (
        Agreement.objects.public()
        .filter(partner_links__partner_id=partner_pk)
        .only(
            "pk",
            "reference",
            "title",
            "agreement_type_id",
            "signature_date",
            "primary_area_id",
            "amount_usd",
        )
        .prefetch_related(Prefetch("regions", queryset=BeneficiaryRegion.objects.only("pk")))
        .order_by("-signature_date", "reference")
    )
    types = vocabularies[AgreementType]
    areas = vocabularies[ThematicArea]
    regions = vocabularies[BeneficiaryRegion]
    return [
        PublicAgreement(
            pk=agreement.pk,
            reference=agreement.reference,
            title=agreement.title,
            agreement_type=types.get(agreement.agreement_type_id),
            year=agreement.signature_date.year if agreement.signature_date else None,
            regions=sorted(
                regions.many(region.pk for region in agreement.regions.all()),
                key=lambda term: term.sort_order,
            ),
            primary_area=areas.get(agreement.primary_area_id),
            amount_usd=agreement.amount_usd,
        )
        for agreement in agreements
    ]


def load_public_recognitions(language_code, links, partner_pk=None, pks=None):
    """The recognitions in a language (English where not translated), newest first, each
    with its partner named in that language; only those of one partner (the id of its
    English row) or of the given English ids when asked. Three queries."""
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
    english_partners = {
        partner.translation_key: partner
        for partner in Partner.objects.filter(
            translation_key__in=partner_keys, **SOURCE_LOCALE
        ).only("pk", "translation_key", "name", "is_funding_partner")
    }
    names = translated_partner_names(partner_keys, language_code)

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
