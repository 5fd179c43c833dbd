"""The public open-data files are built once per version of the data and served as built,
until an agreement, a partner or a vocabulary changes (issue 17, item 6)."""

import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

FILES = [
    "/open-data/agreements.csv",
    "/open-data/agreements.json",
    "/open-data/agreements.xlsx",
    "/open-data/iati/activities.xml",
]


def text_of(address, response):
    if address.endswith(".xlsx"):
        sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
        return "\n".join(str(cell.value or "") for row in sheet.iter_rows() for cell in row)
    return response.content.decode("utf-8")


@pytest.mark.parametrize("address", FILES)
def test_a_file_is_served_as_built_until_the_data_changes(archive, address):
    first = Client().get(address)
    assert first.status_code == 200
    assert "Connecting schools in Africa" in text_of(address, first)

    with CaptureQueriesContext(connection) as queries:
        again = Client().get(address)
    assert len(queries) == 0  # the stored file, not a new build
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Access-Control-Allow-Origin"] == "*"

    archive.public.title = "Connecting every school in Africa"
    archive.public.save()

    changed = Client().get(address)
    assert "Connecting every school in Africa" in text_of(address, changed)
    assert changed["ETag"] != first["ETag"]


def test_a_partner_renamed_shows_in_the_next_partners_file(archive):
    assert "Government of Australia" in Client().get("/open-data/partners.csv").content.decode()

    archive.gov.name = "Commonwealth of Australia"
    archive.gov.save()

    assert "Commonwealth of Australia" in Client().get("/open-data/partners.csv").content.decode()


def test_a_download_with_the_file_s_etag_is_answered_not_modified(archive):
    first = Client().get("/open-data/agreements.csv")

    again = Client().get("/open-data/agreements.csv", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
