"""In a real browser: a partnership officer imports agreements (issue 19, item 2). A file with
a wrong amount is refused, the page says that nothing was written and where the problem is;
the corrected file's preview shows every row over its pages with partners, amounts, USD values
and the rate used, warns of the row converted with another year's rate, and, once confirmed,
the agreements are in the admin's listing. While a run works, its page follows the progress."""

import pytest
from django.core.cache import cache

from cms.core.roles import OFFICERS
from cms.imports.models import ImportRun
from cms.imports.tasks import progress_key
from cms.snippets.models import Agreement
from tests.imports.conftest import agreement_row, csv_bytes, vocabulary  # noqa: F401
from tests.snippets.admin.records import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("vocabulary"),
]


@pytest.fixture(autouse=True)
def _files_in_memory(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "imports": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }


def _rows():
    rows = [agreement_row(number) for number in range(1, 61)]
    rows[59].update(signature_date="2025-03-01", amount="10000", currency="CHF")
    return rows


def _check(page, name, data):
    page.goto(page.url.split("/admin/")[0] + "/admin/imports/")
    page.select_option("#id_kind", "agreements")
    page.set_input_files("#id_file", {"name": name, "mimeType": "text/csv", "buffer": data})
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_url("**/admin/imports/*/")
    return page


def test_officer_is_refused_a_bad_file_then_imports_a_good_one(
    live_server, open_page, axe_violations
):
    make_user("officer", OFFICERS)
    page = open_page(live_server.url + "/admin/login/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    bad = _rows()
    bad[2]["amount"] = "12,5O0"
    _check(page, "bad.csv", csv_bytes(bad))
    summary = page.locator(".imports-summary").inner_text()
    assert summary.startswith("Nothing was written: 1 row has errors.")
    assert "59 would be created" in summary and "created 59" not in summary
    assert (
        "row 4, amount: '12,5O0' is not a number" in page.locator(".imports-problems").inner_text()
    )
    assert page.get_by_role("button", name="Confirm the import").count() == 0
    assert Agreement.objects.count() == 0

    _check(page, "good.csv", csv_bytes(_rows()))
    assert (
        "created 60, updated 0, unchanged 0, errors 0"
        in page.locator(".imports-summary").inner_text()
    )
    assert (
        "1 row converted with a rate of another year"
        in page.locator(".imports-warnings").inner_text()
    )
    assert "rows 1–50 of 60" in page.locator(".imports-rows-count").inner_text()
    table = page.locator("table.imports-preview")
    assert table.locator("tbody tr").count() == 50
    first = table.locator("tr[data-row='2']").inner_text()
    for text in [
        "IMP-00001",
        "GSM Association",
        "existing partner",
        "EUR 12,500.50",
        "USD 13,836.80",
        "1.1069 (2016)",
    ]:
        assert text in first.replace("\u00a0", " ")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Next rows").click()
    assert "rows 51–60 of 60" in page.locator(".imports-rows-count").inner_text()
    warned = page.locator("tr[data-row='61']").inner_text().replace("\u00a0", " ")
    assert "CHF 10,000" in warned and "USD 8,500" in warned
    assert "No CHF rate for 2025 in the table" in warned
    assert Agreement.objects.count() == 0

    page.get_by_role("button", name="Confirm the import").click()
    page.wait_for_load_state()
    assert "created 60" in page.locator(".imports-summary").inner_text()
    assert Agreement.objects.count() == 60

    page.goto(live_server.url + "/admin/snippets/snippets/agreement/?q=IMP-00060")
    listing = page.locator("main table").inner_text()
    assert "IMP-00060" in listing and "Coopération numérique 60" in listing


def test_the_page_of_a_running_import_follows_its_progress(live_server, open_page):
    """With JavaScript, the page of a run that the worker is checking shows the rows done as
    they grow (polled, not reloaded), then the result once the run has ended."""
    officer = make_user("officer", OFFICERS)
    run = ImportRun.objects.create(
        user=officer, kind="agreements", file_name="big.csv", checksum="0" * 64, status="running"
    )
    key = progress_key(run.pk)
    cache.set(key, {"percent": 10, "phase": "check", "done": 1000, "total": 10000})
    page = open_page(live_server.url + "/admin/login/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(live_server.url + f"/admin/imports/{run.pk}/")
    status = page.locator(".imports-progress [role=status]")
    assert "Checking: 1,000 of 10,000 rows" in status.inner_text()

    cache.set(key, {"percent": 60, "phase": "write", "done": 2000, "total": 10000})
    page.wait_for_function(
        "() => document.querySelector('[data-import-progress-text]')"
        ".textContent.includes('Writing: 2,000 of 10,000 records')"
    )
    assert page.locator("#import-progress").get_attribute("value") == "60"

    ImportRun.objects.filter(pk=run.pk).update(status="previewed", created=3)
    cache.delete(key)
    page.wait_for_selector(".imports-summary")
    assert "created 3" in page.locator(".imports-summary").inner_text()
