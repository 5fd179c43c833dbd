"""The funding-partner database (about 110 entries) and the other partners of the archive.

Funding partners come from `data/partners.json`; the host institutions of the ITU Academy
Centres of Excellence (`data/coe_hosts.csv`) are partners of the archive but not funding
partners. A partner that already exists (same English name) is left as it is.
"""

from django.utils.html import escape

from cms.snippets.factories import PartnerFactory
from cms.snippets.models import Partner

from .facts import read_csv, read_json

__all__ = ["coe_host_facts", "funding_partner_facts", "load_partners"]


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
