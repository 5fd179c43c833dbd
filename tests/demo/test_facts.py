"""The fact files hold together: every code and name they use exists, in every language."""

from django_countries import countries

from cms.demo.facts import read_csv, read_json

LANGUAGES = {"en", "fr", "es", "ru", "ar", "zh-hans"}


def codes(key):
    return {term["code"] for term in read_json("vocabularies.json")[key]}


def test_every_term_is_named_in_the_six_languages():
    for key, terms in read_json("vocabularies.json").items():
        for term in terms:
            assert set(term["names"]) == LANGUAGES, (key, term["code"])
            assert all(name.strip() for name in term["names"].values()), (key, term["code"])


def test_partners_use_known_terms_countries_and_parents():
    partners = read_json("partners.json")
    names = {partner["name"] for partner in partners}
    assert len(names) == len(partners)
    for partner in partners:
        assert partner["kind"] in codes("partner_kinds")
        assert partner["membership"] in codes("membership_categories")
        assert partner["mechanism"] in codes("funding_mechanisms")
        assert set(partner["types"]) <= codes("funding_types")
        assert set(partner["areas"]) <= codes("thematic_areas")
        assert set(partner["regions"]) <= codes("regions")
        assert all(code in countries for code in [partner["hq"], *partner.get("countries", [])])
        assert partner.get("parent", partner["name"]) in names


def test_named_agreements_use_known_partners_and_terms():
    facts = read_json("key_agreements.json")
    partners = {p["name"] for p in read_json("partners.json")}
    for agreement in facts["agreements"]:
        assert {name for name, _role in agreement["partners"]} <= partners
        assert agreement["type"] in codes("agreement_types")
        assert agreement["area"] in codes("thematic_areas")
    sponsors = {s["partner"] for s in facts["sponsorships"]}
    assert sponsors <= partners and len(sponsors) == 14
    assert sum(int(s["amount_usd"]) for s in facts["sponsorships"]) == 329_590


def test_itu_d_regions_of_the_member_states():
    rows = read_csv("country_regions.csv")
    assert all(row["country"] in countries for row in rows)
    per_region = {}
    for row in rows:
        per_region[row["region"]] = per_region.get(row["region"], 0) + 1
    assert per_region == {"AFR": 44, "AMS": 35, "ARB": 22, "ASP": 38, "CIS": 12, "EUR": 43}
