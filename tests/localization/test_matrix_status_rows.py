"""The translation status rows on a database holding only the migrations' pages: the matrix
reads the same queries whatever the number of rows, a raw load keeps the rows it brings, a
refresh rewrites only the cells that changed (moved unchanged from test_matrix.py, whose
translated content is built once for all its tests)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.localization.models import TranslationStatus
from cms.localization.status import rebuild_status
from cms.snippets.factories import ThematicAreaFactory

from .matrix import matrix_url

pytestmark = pytest.mark.django_db


def test_the_matrix_reads_the_same_queries_whatever_the_number_of_rows(client, superuser):
    client.force_login(superuser)

    def queries():
        rebuild_status()
        with CaptureQueriesContext(connection) as context:
            assert client.get(matrix_url()).status_code == 200
        return len(context.captured_queries)

    ThematicAreaFactory.create_batch(3)
    # The first request fills what the process keeps (content types, the admin's menus): as
    # the module's first test on a fresh worker it read 19 queries more (CI).
    queries()
    few = queries()
    ThematicAreaFactory.create_batch(30)
    many = queries()
    assert many == few
    assert TranslationStatus.objects.count() >= 33


def test_a_raw_load_keeps_the_status_rows_it_brings(home_page):
    """Loading rows as they were (a fixture, a test database restored from its serialized
    copy) brings the matrix rows with them: recomputing them on top rewrote the cells and
    made the next such load fail ("duplicate key ... unique_cell_per_locale")."""
    from django.core import serializers
    from django.test import TestCase

    from cms.localization.models import TranslationCell

    rebuild_status()
    rows = [*TranslationStatus.objects.all(), *TranslationCell.objects.all(), home_page]
    data = serializers.serialize("json", rows)
    with TestCase.captureOnCommitCallbacks() as callbacks:
        for obj in serializers.deserialize("json", data):
            obj.save()
    assert callbacks == []


def test_a_refresh_rewrites_only_the_cells_that_changed(home_page):
    from wagtail.models import Page

    from cms.localization.models import TranslationCell
    from cms.localization.status import refresh_object

    status = refresh_object(Page, home_page.translation_key)
    before = dict(TranslationCell.objects.filter(status=status).values_list("locale", "pk"))
    with CaptureQueriesContext(connection) as queries:
        refresh_object(Page, home_page.translation_key)
    writes = [q["sql"] for q in queries if q["sql"].startswith(("INSERT", "DELETE", "UPDATE"))]
    assert not any("translationcell" in sql for sql in writes)
    assert dict(TranslationCell.objects.filter(status=status).values_list("locale", "pk")) == (
        before
    )
