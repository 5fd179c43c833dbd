"""The funding-partner database (about 110 entries) and the other partners of the archive.

Funding partners come from `data/partners.json`; the host institutions of the ITU Academy
Centres of Excellence (`data/coe_hosts.csv`) are partners of the archive but not funding
partners. A partner that already exists (same English name) is left as it is.

Their translations come from `data/partner_translations.json`, keyed by the partner's English
name (its stable key in the fact files): for each of the five other languages, the name, the
mandate and the strategy, and the acronym and other names where the language has its own
(otherwise the English ones are kept, as wagtail-localize synchronizes them). They are written
through wagtail-localize as a translator would (`localize.translate_into`): the acronym and
other names as overrides of synchronized fields.
"""

import html

from django.utils.html import escape

from cms.snippets.factories import PartnerFactory
from cms.snippets.models import Partner

from .facts import read_csv, read_json
from .localize import translate_into

__all__ = [
    "coe_host_facts",
    "funding_partner_facts",
    "load_partners",
    "partner_translation_facts",
    "translate_partners",
]


def funding_partner_facts():
    """The facts of each funding partner, as in the fact file."""
    return read_json("partners.json")


def coe_host_facts():
    """The facts of each Centre of Excellence host, shaped like the funding partners'."""
    return [
        {
            "name": row["name"],
            "acronym": row["acronym"],
            "kind": row["kind"],
            "hq": row["country"],
            "website": row["website"],
            "membership": row["membership"],
            "areas": ["capacity-building"],
            "mandate": f"Host of an ITU Academy Centre of Excellence on {row['programme']}.",
            "programme": row["programme"],
            "funding_partner": False,
        }
        for row in read_csv("coe_hosts.csv")
    ]


def _paragraph(text):
    return f"<p>{escape(text)}</p>" if text else ""


def load_partners(source_locale, vocabularies, countries):
    """Create the missing partners with their relations; return all partners by name."""
    facts = [*funding_partner_facts(), *coe_host_facts()]
    by_name = {p.name: p for p in Partner.objects.filter(locale=source_locale)}
    created = 0
    for fact in facts:
        if fact["name"] in by_name:
            continue
        mechanism = fact.get("mechanism")
        partner = PartnerFactory.build(
            locale=source_locale,
            name=fact["name"],
            acronym=fact.get("acronym", ""),
            aliases="\n".join(fact.get("aliases", [])),
            kind=vocabularies["partner_kinds"][fact["kind"]],
            headquarters_country=countries.get(fact.get("hq")),
            website=fact.get("website", ""),
            membership_category=vocabularies["membership_categories"][fact["membership"]],
            is_funding_partner=fact.get("funding_partner", True),
            mandate=_paragraph(fact.get("mandate")),
            development_strategy=_paragraph(fact.get("strategy")),
            funding_mechanism=vocabularies["funding_mechanisms"][mechanism] if mechanism else None,
            areas=[vocabularies["thematic_areas"][code] for code in fact.get("areas", [])],
            regions=[vocabularies["regions"][code] for code in fact.get("regions", [])],
            countries=[countries[code] for code in fact.get("countries", [])],
            funding=[vocabularies["funding_types"][code] for code in fact.get("types", [])],
        )
        partner.save()
        by_name[partner.name] = partner
        created += 1
    # Parents may come later in the file than their subsidiaries: link them once all exist.
    linked = []
    for fact in facts:
        partner = by_name[fact["name"]]
        if fact.get("parent") and partner.parent_id is None:
            partner.parent = by_name[fact["parent"]]
            linked.append(partner)
    Partner.objects.bulk_update(linked, ["parent"])
    return by_name, created


def partner_translation_facts():
    """{English name: {language code: {"name", "mandate", "strategy", and optionally
    "acronym" and "aliases"}}}, as in the fact file."""
    return read_json("partner_translations.json")


def _translated_paragraph(text):
    """A paragraph of rich text as wagtail-localize writes it into a translation (quotes and
    apostrophes as they are), so that an unchanged translation compares equal."""
    return f"<p>{html.escape(text, quote=False)}</p>" if text else ""


def _translation_values(partner, text):
    """The translated fields and the overridden synchronized fields of a partner in one
    language. A synchronized field is overridden only when the language has a value of its
    own and the English record has one (wagtail-localize has nothing to override otherwise);
    None puts the English value back."""
    values = {
        "name": text["name"],
        "mandate": _translated_paragraph(text.get("mandate")),
        "development_strategy": _translated_paragraph(text.get("strategy")),
    }
    overrides = {}
    if partner.acronym:
        overrides["acronym"] = text.get("acronym") or None
    if partner.aliases:
        aliases = "\n".join(text.get("aliases", []))
        overrides["aliases"] = aliases or None
    return values, overrides


def _is_current(partner, translation, values, overrides):
    if translation is None:
        return False
    expected = {
        **values,
        **{name: value or getattr(partner, name) for name, value in overrides.items()},
    }
    return all(getattr(translation, name) == value for name, value in expected.items())


def translate_partners(target_locales, partners):
    """Translate the partners of the fact file into each target locale where their
    translation is missing or differs; return the number of translations written."""
    written = 0
    translations = {}
    for partner in Partner.objects.filter(
        translation_key__in=[p.translation_key for p in partners.values()]
    ).exclude(locale__in={p.locale_id for p in partners.values()}):
        translations[(partner.translation_key, partner.locale_id)] = partner
    for name, languages in partner_translation_facts().items():
        partner = partners[name]
        wanted, overridden = {}, {}
        for locale in target_locales:
            values, overrides = _translation_values(partner, languages[locale.language_code])
            current = translations.get((partner.translation_key, locale.pk))
            if not _is_current(partner, current, values, overrides):
                wanted[locale], overridden[locale] = values, overrides
        if wanted:
            translate_into(partner, wanted, overridden)
            written += len(wanted)
    return written
