"""The open data of the demo archive: the IATI export is valid against the IATI 2.03 schema,
the public files hold exactly the public agreements and the funding partners, and the
officers' export reads back through the importer unchanged."""

import csv
import io
import re
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from lxml import etree

from cms.opendata.iati import activity_identifier
from cms.pages.public_records import funding_partners
from cms.snippets.models import Agreement

SCHEMA = Path(__file__).parents[1] / "opendata" / "iati-schemas-2.03" / "iati-activities-schema.xsd"


def body(response):
    """The file's bytes: served as built (from the cache) or streamed."""
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(content):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


@pytest.fixture
def iati(client, demo_data):
    return etree.fromstring(body(client.get("/open-data/iati/activities.xml")))


def test_demo_iati_export_is_valid(iati):
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(iati), schema.error_log


def test_demo_iati_export_has_the_public_agreements_only(iati):
    public = Agreement.objects.public()
    activities = list(iati.iter("iati-activity"))
    assert len(activities) == public.count() > 900
    identifiers = {activity.findtext("iati-identifier") for activity in activities}
    confidential = {
        activity_identifier(reference)
        for reference in Agreement.objects.filter(is_confidential=True).values_list(
            "reference", flat=True
        )
    }
    assert confidential, "the demo has confidential agreements"
    assert not confidential & identifiers
    for activity in activities:
        for element in ("sector", "recipient-country", "recipient-region"):
            shares = [Decimal(e.get("percentage")) for e in activity.findall(element)]
            assert not shares or sum(shares) == 100
        assert activity.findall("sector"), "every agreement has a primary thematic area"
        assert activity.findall("recipient-country") or activity.findall("recipient-region")


def test_demo_public_files(client, demo_data):
    agreements = csv_rows(body(client.get("/open-data/agreements.csv")))
    assert len(agreements) == Agreement.objects.public().count()
    confidential = set(
        Agreement.objects.filter(is_confidential=True).values_list("reference", flat=True)
    )
    assert not confidential & {row["reference"] for row in agreements}
    partners = csv_rows(body(client.get("/open-data/partners.csv")))
    assert len(partners) == funding_partners().count() >= 100
    assert {row["is_funding_partner"] for row in partners} == {"yes"}


def test_demo_officer_export_imports_back_unchanged(client, demo_data, tmp_path):
    client.force_login(get_user_model().objects.get(username="officer"))
    path = tmp_path / "agreements.csv"
    path.write_bytes(body(client.get("/admin/open-data/agreements.csv")))
    output = StringIO()
    call_command("import_agreements", str(path), "--dry-run", stdout=output)
    counts = dict(re.findall(r"(created|updated|unchanged|errors) (\d+)", output.getvalue()))
    assert counts == {
        "created": "0",
        "updated": "0",
        "unchanged": str(Agreement.objects.count()),
        "errors": "0",
    }, output.getvalue()
