"""Test data of the opportunity pages: a few vocabulary terms translated into French,
Spanish and Arabic, and helpers to translate pages and material as translators do."""

from dataclasses import dataclass, field

from cms.snippets.factories import (
    BeneficiaryRegionFactory,
    CountryFactory,
    PartnerKindFactory,
    SustainableDevelopmentGoalFactory,
    ThematicAreaFactory,
)

# {code: {language: name}} of the terms the tests use.
AREAS = {
    "cybersecurity": {
        "en": "Cybersecurity",
        "fr": "Cybersécurité",
        "es": "Ciberseguridad",
        "ar": "الأمن السيبراني",
    },
    "infrastructure": {
        "en": "Infrastructure",
        "fr": "Infrastructures",
        "es": "Infraestructura",
        "ar": "البنية التحتية",
    },
    "capacity-building": {
        "en": "Capacity Building",
        "fr": "Renforcement des capacités",
        "es": "Creación de capacidades",
        "ar": "بناء القدرات",
    },
}
REGIONS = {
    "afr": {"en": "Africa", "fr": "Afrique", "es": "África", "ar": "أفريقيا"},
    "arb": {
        "en": "Arab States",
        "fr": "États arabes",
        "es": "Estados Árabes",
        "ar": "الدول العربية",
    },
    "asp": {
        "en": "Asia-Pacific",
        "fr": "Asie-Pacifique",
        "es": "Asia-Pacífico",
        "ar": "آسيا والمحيط الهادئ",
    },
}
GOALS = {
    9: {
        "en": "Industry, innovation and infrastructure",
        "fr": "Industrie, innovation et infrastructure",
        "es": "Industria, innovación e infraestructura",
        "ar": "الصناعة والابتكار والهياكل الأساسية",
    },
    17: {
        "en": "Partnerships for the goals",
        "fr": "Partenariats pour la réalisation des objectifs",
        "es": "Alianzas para lograr los objetivos",
        "ar": "عقد الشراكات لتحقيق الأهداف",
    },
}
PARTNER_KINDS = {
    "foundation": {"en": "Foundation", "fr": "Fondation", "es": "Fundación", "ar": "مؤسسة"},
    "private-company": {
        "en": "Private company",
        "fr": "Entreprise privée",
        "es": "Empresa privada",
        "ar": "شركة خاصة",
    },
}
COUNTRIES = {"KE": "afr", "EG": "arb", "IN": "asp"}


@dataclass
class Vocabularies:
    """The English rows of the test terms, by code (SDGs by number)."""

    areas: dict = field(default_factory=dict)
    regions: dict = field(default_factory=dict)
    goals: dict = field(default_factory=dict)
    partner_kinds: dict = field(default_factory=dict)
    countries: dict = field(default_factory=dict)


def translate_term(term, locale, name):
    """A vocabulary term's row in another locale, as wagtail-localize makes it."""
    translation = term.copy_for_translation(locale)
    translation.name = name
    translation.save()
    return translation


def make_vocabularies(locales, languages=("fr", "es", "ar")):
    """The test terms in English, translated into `languages`."""
    vocabularies = Vocabularies()
    for position, (code, names) in enumerate(AREAS.items()):
        vocabularies.areas[code] = ThematicAreaFactory(
            code=code, name=names["en"], sort_order=position
        )
    for position, (code, names) in enumerate(REGIONS.items()):
        vocabularies.regions[code] = BeneficiaryRegionFactory(
            code=code, name=names["en"], sort_order=position
        )
    for number, names in GOALS.items():
        vocabularies.goals[number] = SustainableDevelopmentGoalFactory(
            number=number, code=f"sdg-{number}", name=names["en"]
        )
    for code, names in PARTNER_KINDS.items():
        vocabularies.partner_kinds[code] = PartnerKindFactory(code=code, name=names["en"])
    for code, region in COUNTRIES.items():
        vocabularies.countries[code] = CountryFactory(
            code=code, region=vocabularies.regions[region]
        )
    terms = [
        *[(vocabularies.areas[code], names) for code, names in AREAS.items()],
        *[(vocabularies.regions[code], names) for code, names in REGIONS.items()],
        *[(vocabularies.goals[number], names) for number, names in GOALS.items()],
        *[(vocabularies.partner_kinds[code], names) for code, names in PARTNER_KINDS.items()],
    ]
    for language in languages:
        for term, names in terms:
            translate_term(term, locales[language], names[language])
    return vocabularies


def translate_material(
    material, locale, *, title, caption="", document=None, video_url=None, **fields
):
    """A material's translation: its title and caption (and other `fields`, such as a
    video's transcript) translated, and its document or video replaced by the variant of that
    language when one is given."""
    translation = material.copy_for_translation(locale)
    translation.title = title
    translation.caption = caption
    for name, value in fields.items():
        setattr(translation, name, value)
    if document is not None:
        translation.document = document
    if video_url is not None:
        translation.video_url = video_url
    translation.save()
    return translation
