"""The demo's 14 sponsors have generated PNG logos, shown by tier on their event's page and on
the sponsors page in every language; the demo's open event compares its packages."""

import re

from django.test import override_settings

from cms.core.roles import PUBLIC_MEDIA_COLLECTION
from cms.demo.logos import logo_png
from cms.sponsorship.models import SponsorshipApplication


def test_each_sponsor_has_its_generated_png_logo(demo_data):
    sponsors = SponsorshipApplication.objects.filter(
        status__in=SponsorshipApplication.SPONSORING
    ).select_related("logo__collection")
    assert sponsors.count() == 14
    for sponsor in sponsors:
        logo = sponsor.logo
        assert logo is not None, sponsor.organisation
        assert (logo.width, logo.height) == (240, 96)
        assert logo.collection.name == PUBLIC_MEDIA_COLLECTION
        with logo.file.open("rb") as stored:
            content = stored.read()
        assert content.startswith(b"\x89PNG") and len(content) < 8000
        assert content == logo_png(sponsor.shown_name)  # the same at every load
    assert len({sponsor.logo.file.name for sponsor in sponsors}) == 14


@override_settings(PAGE_CACHE_ENABLED=False)
def test_logos_by_tier_on_the_event_page_and_the_sponsors_page_in_arabic(demo_data, client):
    event = client.get("/ar/sponsorship/gsr-17/").content.decode()
    assert 'dir="rtl"' in event
    sponsors = event.split('id="event-sponsors"')[1]
    logos = re.findall(r'<a href="[^"]+" rel="sponsored noopener"[^>]*>\s*<img ([^>]+)>', sponsors)
    assert len(logos) == 5
    for attributes in logos:
        assert re.search(r'alt="[^"]+"', attributes)
        assert 'width="240"' in attributes and 'height="96"' in attributes
    page = client.get("/ar/sponsorship/sponsors/").content.decode()
    assert page.count("<img ") >= 14
    assert page.count('class="sponsor-tier__title"') >= 3


def test_the_open_demo_event_compares_its_three_packages_in_french(demo_data, client):
    html = client.get("/fr/sponsorship/gsr-27/").content.decode()
    table = re.search(r'class="table-scroll package-comparison".*?</table>', html, re.S)[0]
    assert "Comparer les forfaits" in table
    assert table.count('<th scope="col">') == 4  # the benefit, then the three packages
    # The platinum package has every benefit, the silver one the logo only.
    assert table.count("Non inclus") == 3
