"""Every ISO 3166 country, with the ITU-D region it belongs to.

`data/country_regions.csv` gives the ITU-D region of each ITU Member State (and of the State
of Palestine), as the Bureau grouped them at the time of WTDC-17 in its regional
initiatives and ICT statistics. Territories and other entities belong to no region.
"""

from django_countries import countries as iso_countries

from cms.snippets.models import Country

from .facts import read_csv

__all__ = ["load_countries"]


def load_countries(regions):
    """Create the missing countries and set their regions; return countries by ISO code.

    `regions` maps region codes ("afr") to the English BeneficiaryRegion rows.
    """
    region_of = {
        row["country"]: regions[row["region"].lower()] for row in read_csv("country_regions.csv")
    }
    existing = {str(country.code): country for country in Country.objects.all()}
    to_create, to_update = [], []
    for code, _name in iso_countries:
        region = region_of.get(code)
        country = existing.get(code)
        if country is None:
            to_create.append(Country(code=code, region=region))
        elif country.region_id != (region.pk if region else None):
            country.region = region
            to_update.append(country)
    Country.objects.bulk_create(to_create)
    Country.objects.bulk_update(to_update, ["region"])
    return {str(country.code): country for country in Country.objects.all()}, len(to_create)
