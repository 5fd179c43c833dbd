"""The import preview an officer can trust (issue 19, item 2): every row over pages, with its
partners (found or to be created), amount, USD value and the rate used; a warning where the
rate is not of the agreement's year; a refused file that says nothing was written; money in
the staff member's language."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.users.models import UserProfile

from cms.core import money
from cms.imports.models import ImportRun
from cms.imports.service import run_import
from cms.imports.tasks import progress_key
from cms.snippets.models import Agreement, Partner

from .conftest import agreement_row, csv_bytes

pytestmark = pytest.mark.django_db


def upload(client, data, name="agreements.csv", **fields):
    response = client.post(
        reverse("imports:import"),
        {"kind": "agreements", "file": SimpleUploadedFile(name, data), **fields},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return response.url


def read(client, url):
    """The page as text, with the no-break spaces of formatted numbers as plain spaces."""
    page = client.get(url).content.decode()
    return page.replace("\u202f", " ").replace("\u00a0", " ")


def test_every_row_over_pages_with_partners_money_and_rates(client, officer, vocabulary):
    client.force_login(officer)
    rows = [agreement_row(n) for n in range(1, 121)]
    rows[0]["partners"] = "GSMA; Nobody Inc."
    url = upload(client, csv_bytes(rows), create_partners="on")
    assert ImportRun.objects.get().status == "previewed"

    first = read(client, url)
    assert "rows 1–50 of 120" in first and "Page 1 of 3" in first
    assert first.count("<tr data-row=") == 50
    assert "IMP-00050" in first and "IMP-00051" not in first
    # Partners named by acronym are found under their name; an unknown one is to be created.
    assert "GSM Association" in first and "existing partner" in first
    assert "Nobody Inc." in first and "to be created" in first
    assert "Partner to be created: Nobody Inc." in first
    assert "1 row names a partner to be created" in first
    # 12,500.50 EUR signed in 2016, at the 2016 rate.
    assert "EUR 12,500.50" in first and "USD 13,836.80" in first and "1.1069 (2016)" in first

    second = read(client, url + "?page=2")
    assert "rows 51–100 of 120" in second and "IMP-00051" in second and "IMP-00100" in second
    last = read(client, url + "?page=3")
    assert "rows 101–120 of 120" in last and last.count("<tr data-row=") == 20
    assert "IMP-00120" in last and "IMP-00100" not in last
    assert Agreement.objects.count() == 0 and not Partner.objects.filter(name="Nobody Inc.")


def test_a_year_without_rate_is_warned_with_the_rate_used(client, officer, vocabulary):
    client.force_login(officer)
    rows = [
        agreement_row(1),
        agreement_row(2, signature_date="2025-03-01", amount="10000", currency="CHF"),
        agreement_row(3, signature_date="2017-06-01", amount="10000", currency="CHF"),
        agreement_row(4, signature_date="2025-03-01", amount="5000", currency="USD"),
    ]
    page = read(client, upload(client, csv_bytes(rows)))
    assert "1 row converted with a rate of another year than its agreement&#x27;s" in page
    warning = (
        "No CHF rate for 2025 in the table: converted with the long-run average rate of the "
        "years outside the table."
    )
    assert page.count(warning) == 1
    assert "0.8500 (long-run average)" in page and "USD 8,500" in page
    # A year of the table is converted with its own rate, US dollars are not converted.
    assert "1.0160 (2017)" in page and "USD 10,160" in page
    assert "in US dollars" in page and "USD 5,000" in page


def test_the_year_of_the_rate_used_is_named(client, officer, vocabulary, monkeypatch):
    """A currency without a long-run average is converted with the nearest year's rate, and
    the warning names that year."""
    monkeypatch.delitem(money.OTHER_YEARS, "CHF")
    client.force_login(officer)
    rows = [agreement_row(1, signature_date="2025-03-01", amount="10000", currency="CHF")]
    page = read(client, upload(client, csv_bytes(rows)))
    assert "No CHF rate for 2025 in the table: converted with the 2018 rate." in page
    assert "1.0225 (2018)" in page and "USD 10,225" in page


def test_a_refused_file_says_nothing_was_written(client, officer, vocabulary):
    run_import(csv_bytes([agreement_row(1)]), "first.csv", dry_run=False)
    before = list(Agreement.objects.values_list("reference", "title", "amount_usd"))
    client.force_login(officer)
    rows = [agreement_row(n) for n in range(1, 21)]
    rows[0]["title"] = "A new title"
    for number in (4, 9, 15):
        rows[number]["amount"] = "12,5O0"
    url = upload(client, csv_bytes(rows))
    run = ImportRun.objects.get(dry_run=True)
    assert run.status == "failed" and (run.created, run.updated) == (0, 0)
    page = read(client, url)
    assert (
        "Nothing was written: 3 rows have errors. Had the file been valid: 16 would be "
        "created, 1 updated, 0 unchanged."
    ) in page
    assert "created 16" not in page and "Confirm the import" not in page
    assert list(Agreement.objects.values_list("reference", "title", "amount_usd")) == before
    history = client.get(reverse("import_runs:index")).content.decode()
    assert "agreements.csv" in history


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("fr", ["12 500,50 EUR", "13 836,80 USD", "1,1069 (2016)", "lignes 1–2 sur 2"]),
        ("ar", ["12,500.50 EUR", "13,836.80 USD", "1.1069 (2016)", "الصفوف 1–2 من 2"]),
    ],
)
def test_staff_read_money_in_their_language(client, officer, vocabulary, language, texts):
    UserProfile.objects.update_or_create(user=officer, defaults={"preferred_language": language})
    client.force_login(officer)
    page = read(client, upload(client, csv_bytes([agreement_row(1), agreement_row(2)])))
    for text in texts:
        assert text in page
    assert "EUR 12,500.50" not in page


def test_a_running_import_shows_rows_done_out_of_the_total(client, officer, vocabulary):
    """While the worker checks a file (its progress is in the cache, as the task writes it),
    the page says how far it is, refreshes itself without JavaScript, and the script's
    address answers the same."""
    client.force_login(officer)
    run = ImportRun.objects.create(
        user=officer, kind="agreements", file_name="big.csv", checksum="0" * 64, status="running"
    )
    cache.set(progress_key(run.pk), {"percent": 20, "phase": "check", "done": 2000, "total": 10000})
    page = read(client, reverse("imports:status", args=[run.pk]))
    assert "Checking: 2,000 of 10,000 rows" in page
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
    state = client.get(reverse("imports:progress", args=[run.pk])).json()
    assert state["pending"] and state["text"] == "Checking: 2,000 of 10,000 rows"
    cache.set(progress_key(run.pk), {"percent": 75, "phase": "write", "done": 5, "total": 10})
    assert "Writing: 5 of 10 records" in read(client, reverse("imports:status", args=[run.pk]))
    ImportRun.objects.filter(pk=run.pk).update(status="previewed")
    assert not client.get(reverse("imports:progress", args=[run.pk])).json()["pending"]
