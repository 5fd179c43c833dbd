"""The score formula on the demo archive (about 110 partners, 1,000 agreements): for every
partner and representative searches, the points the database adds up are those Python works
out agreement by agreement (`cms.finder.formula` writes the formula once for both)."""

import pytest

from cms.finder.criteria import Criteria, resolve_countries, resolve_terms
from cms.snippets.models import BeneficiaryRegion, FundingType, PartnerKind, ThematicArea
from tests.finder.scores import disagreements

pytestmark = pytest.mark.django_db

#: Searches as the bench and the command give them (codes), each bringing other rules in.
SEARCHES = {
    "area and region": {"area": ["cybersecurity"], "region": ["afr"]},
    "one area": {"area": ["capacity-building"]},
    "area, region and a country of another region": {
        "area": ["infrastructure"],
        "region": ["asp"],
        "country": ["KE"],
    },
    "area and text": {"area": ["ict-applications"], "text": "mobile health"},
    "countries only": {"country": ["BR", "AR", "CL"]},
    "text only": {"text": "digital skills schools"},
    "areas, funding types and a kind": {
        "area": ["digital-inclusion", "cybersecurity"],
        "funding_type": ["grant"],
        "kind": ["government", "foundation"],
    },
}


def criteria_of(search):
    return Criteria(
        areas=resolve_terms(ThematicArea, search.get("area", ())),
        regions=resolve_terms(BeneficiaryRegion, search.get("region", ())),
        countries=resolve_countries(search.get("country", ())),
        funding_types=resolve_terms(FundingType, search.get("funding_type", ())),
        kinds=resolve_terms(PartnerKind, search.get("kind", ())),
        text=search.get("text", ""),
    )


@pytest.mark.parametrize("include_confidential", [True, False], ids=["all", "public"])
@pytest.mark.parametrize("name", SEARCHES)
def test_the_database_and_python_agree_for_every_partner(demo_data, name, include_confidential):
    wrong, largest, compared, earning = disagreements(
        criteria_of(SEARCHES[name]), include_confidential=include_confidential
    )

    assert wrong == {}
    assert largest < 1e-9
    assert compared >= 100  # every English partner of the demo
    assert earning >= 5  # and the search does reach the archive
