"""The controlled vocabularies, in English and translated into the five other languages."""

from cms.snippets.models import (
    AgreementType,
    BeneficiaryRegion,
    FundingMechanism,
    FundingType,
    MembershipCategory,
    PartnerKind,
    SustainableDevelopmentGoal,
    ThematicArea,
)

from .facts import read_json
from .localize import translate_into

__all__ = ["VOCABULARIES", "load_vocabularies"]

# Fact-file key -> model.
VOCABULARIES = {
    "regions": BeneficiaryRegion,
    "thematic_areas": ThematicArea,
    "partner_kinds": PartnerKind,
    "membership_categories": MembershipCategory,
    "funding_types": FundingType,
    "funding_mechanisms": FundingMechanism,
    "agreement_types": AgreementType,
    "sdgs": SustainableDevelopmentGoal,
}
EXTRA_FIELDS = ("is_amendment", "number")


def _synchronized(translation, term):
    """Whether a translated row still carries the English row's codes and flags."""
    names = ["code", "sort_order", *(name for name in EXTRA_FIELDS if hasattr(term, name))]
    return all(getattr(translation, name) == getattr(term, name) for name in names)


def load_vocabularies(source_locale, target_locales):
    """Create or update every term in English, then translate it; return terms by key and code.

    Returns `{"regions": {"afr": <BeneficiaryRegion>, ...}, ...}` with the English rows.
    """
    facts = read_json("vocabularies.json")
    terms = {}
    translated = 0
    for key, model in VOCABULARIES.items():
        terms[key] = {}
        for position, fact in enumerate(facts[key], start=1):
            defaults = {"name": fact["names"]["en"], "sort_order": position * 10}
            defaults.update({name: fact[name] for name in EXTRA_FIELDS if name in fact})
            term, _created = model.objects.update_or_create(
                code=fact["code"], locale=source_locale, defaults=defaults
            )
            terms[key][term.code] = term
        existing = {
            (row.translation_key, row.locale_id): row
            for row in model.objects.exclude(locale=source_locale)
        }
        for fact in facts[key]:
            term = terms[key][fact["code"]]
            wanted = {}
            for locale in target_locales:
                name = fact["names"][locale.language_code]
                current = existing.get((term.translation_key, locale.pk))
                if current and current.name == name and _synchronized(current, term):
                    continue
                wanted[locale] = {"name": name}
            if wanted:
                translate_into(term, wanted)
                translated += len(wanted)
    return terms, translated
