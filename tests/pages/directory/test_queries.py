"""The directory, a partner's profile and the recognitions page cost the same number of SQL
queries whether they show 3 or 10 partners, agreements or awards."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from . import data
from .fixtures import from_records

# The vocabularies, the home pages and the directories, built once for the module
# (fixtures.make_site); each test adds the partners it counts.
vocab = from_records("vocab")
homes = from_records("homes")
directories = from_records("directories")


def queries(client, url):
    """The number of queries of a request, once caches and image renditions are warm."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def described_partner(vocab, number):
    """A funding partner with a logo, terms of every list, a parent, a translation and
    staff-only data."""
    partner = data.make_partner(
        vocab,
        f"Partner {number:02d}",
        areas=["capacity-building", "cybersecurity"],
        regions=["afr", "asp"],
        countries=[vocab.countries["KE"], vocab.countries["FJ"]],
        funding=[vocab.funding_type],
        headquarters_country=vocab.countries["FR"],
        membership_category=vocab.membership,
        funding_mechanism=vocab.mechanism,
        logo=Image.objects.create(title=f"Logo {number}", file=get_test_image_file()),
    )
    translation = data.translate_snippet(partner, "fr", name=f"Partenaire {number:02d}")
    data.add_secrets(partner, vocab, translations=[translation])
    return partner


def test_the_directory_costs_the_same_queries_for_3_or_10_partners(client, directories, vocab):
    for number in range(3):
        described_partner(vocab, number)
    with_3 = queries(client, "/fr/partners/?region=afr")

    for number in range(3, 10):
        described_partner(vocab, number)
    with_10 = queries(client, "/fr/partners/?region=afr")

    assert with_10 == with_3


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_profile_costs_the_same_queries_for_3_or_10_agreements_and_awards(
    client, directories, vocab, language
):
    partner = described_partner(vocab, 1)
    partner.parent = described_partner(vocab, 2)
    partner.save()
    url = f"/{language}/partners/{partner.pk}/partner-01/"

    def add(numbers):
        for number in numbers:
            data.add_public_agreement(partner, vocab, number)
            award = data.add_recognition(partner, occasion=f"Occasion {number}", year=2000 + number)
            data.translate_snippet(award, "fr", occasion=f"Événement {number}")

    add(range(3))
    with_3 = queries(client, url)
    add(range(3, 10))
    with_10 = queries(client, url)

    assert with_10 == with_3


def test_the_recognitions_page_costs_the_same_queries_for_3_or_10_awards(
    client, homes, directories, vocab
):
    english = data.make_recognitions_page(homes["en"])
    data.translate_page(english, "fr", title="Reconnaissance")

    def add(numbers):
        for number in numbers:
            partner = described_partner(vocab, number)
            data.add_recognition(partner, occasion=f"Occasion {number % 4}")

    add(range(3))
    with_3 = queries(client, "/fr/recognitions/")
    add(range(3, 10))
    with_10 = queries(client, "/fr/recognitions/")

    assert with_10 == with_3
