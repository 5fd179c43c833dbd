"""The agreements of an import are written in bulk (issue 17): the number of queries does not
grow with the file, and what the admin and the search show is the same as after saving each
agreement: its partners in order with their roles, its lists, its parent, the usage of the
terms and partners it names (Wagtail's reference index), and the search index."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend
from wagtail.models import ReferenceIndex

from cms.core.page_cache import versions
from cms.imports.bulk import rebuild_reference_index
from cms.imports.service import run_import
from cms.snippets.models import Agreement, AgreementPartner

from .conftest import agreement_row, csv_bytes

pytestmark = pytest.mark.django_db


def rows(first, count, **overrides):
    """`count` rows from number `first`, the last one an addendum of the first."""
    made = [agreement_row(n, **overrides) for n in range(first, first + count)]
    made[-1].update(type="addendum", parent_reference=made[0]["reference"])
    return made


def imported(data, **options):
    result = run_import(data, "a.csv", dry_run=False, **options)
    assert result.ok, [str(problem) for problem in result.problems]
    return result


def test_the_queries_of_an_import_do_not_grow_with_its_rows(vocabulary):
    def statements(context):
        """(statements other than INSERT, INSERT statements)."""
        inserts = sum(1 for query in context.captured_queries if query["sql"].startswith("INSERT"))
        return len(context) - inserts, inserts

    def queries(first, count):
        data = csv_bytes(rows(first, count))
        with CaptureQueriesContext(connection) as created:
            assert imported(data).counts["created"] == count
        with CaptureQueriesContext(connection) as unchanged:
            assert imported(data).counts["unchanged"] == count
        return statements(created), len(unchanged)

    (few_others, few_inserts), few_unchanged = queries(1, 20)
    (many_others, many_inserts), many_unchanged = queries(1001, 200)
    assert (many_others, many_unchanged) == (few_others, few_unchanged)
    # Rows are inserted many per statement (Django puts at most 999 values in one on SQLite),
    # never one by one: 180 more rows, each with its partners, lists and about six
    # references, cost less than one more INSERT per ten rows.
    assert many_inserts - few_inserts < 180 // 10
    assert Agreement.objects.count() == 220


def test_an_update_writes_the_lists_partners_and_parent_of_the_file(vocabulary):
    imported(csv_bytes(rows(1, 3)))
    first = Agreement.objects.get(reference="IMP-00001")
    gsma_link = first.partner_links.get(partner__acronym="GSMA")
    gsma_link.role = AgreementPartner.Role.IMPLEMENTER
    gsma_link.save()
    changed = rows(1, 3)
    changed[0].update(partners="Francophonie; GSMA", regions="GLO", countries="FR", areas="")
    changed[1].update(type="addendum", parent_reference="IMP-00001", partners="GSMA")
    changed[2].update(title="Avenant révisé", parent_reference="", type="mou")
    result = imported(csv_bytes(changed))
    assert result.counts["updated"] == 3

    first.refresh_from_db()
    links = list(first.partner_links.order_by("sort_order"))
    assert [link.partner.acronym for link in links] == ["OIF", "GSMA"]
    # The link that stays keeps its role; it moved to the second place.
    assert links[1].pk == gsma_link.pk and links[1].role == AgreementPartner.Role.IMPLEMENTER
    assert [region.code for region in first.regions.all()] == ["glo"]
    assert [str(country.code) for country in first.countries.all()] == ["FR"]
    assert not first.secondary_areas.exists()
    second = Agreement.objects.get(reference="IMP-00002")
    assert second.parent == first
    assert [link.partner.acronym for link in second.partner_links.all()] == ["GSMA"]
    third = Agreement.objects.get(reference="IMP-00003")
    assert third.parent is None and third.title == "Avenant révisé"
    # Rows left as they were are not written again.
    assert imported(csv_bytes(changed)).counts["unchanged"] == 3


def test_the_admin_sees_the_usage_of_partners_and_terms(vocabulary):
    imported(csv_bytes(rows(1, 2)))
    agreement = Agreement.objects.get(reference="IMP-00001")
    for target in (
        vocabulary["partners"]["gsma"],
        vocabulary["types"]["mou"],
        vocabulary["areas"]["capacity-building"],
    ):
        users = ReferenceIndex.get_references_to(target).values_list("object_id", flat=True)
        assert str(agreement.pk) in users
    addendum = Agreement.objects.get(reference="IMP-00002")
    assert str(addendum.pk) in ReferenceIndex.get_references_to(agreement).values_list(
        "object_id", flat=True
    )
    changed = rows(1, 2)
    changed[0]["partners"] = "Francophonie"
    imported(csv_bytes(changed))
    users = ReferenceIndex.get_references_to(vocabulary["partners"]["gsma"])
    assert str(agreement.pk) not in users.values_list("object_id", flat=True)


def test_imported_agreements_are_found_by_title_and_partner(vocabulary):
    backend = get_search_backend()

    def found(query):
        return {a.reference for a in backend.search(query, Agreement.objects.all())}

    imported(csv_bytes(rows(1, 2, title="Zanzibar backbone")))
    assert found("Zanzibar") == {"IMP-00001", "IMP-00002"}
    assert "IMP-00001" in found("Francophonie")
    changed = rows(1, 2, title="Zanzibar backbone")
    changed[0]["title"] = "Pemba island network"
    imported(csv_bytes(changed))
    assert found("Zanzibar") == {"IMP-00002"}
    assert found("Pemba") == {"IMP-00001"}


def test_the_batched_rebuild_of_the_reference_index_is_wagtails(vocabulary):
    imported(csv_bytes(rows(1, 5)))

    def rows_of_the_index():
        return sorted(
            ReferenceIndex.objects.values_list(
                "content_type",
                "base_content_type",
                "object_id",
                "to_content_type",
                "to_object_id",
                "model_path",
                "content_path",
                "content_path_hash",
            )
        )

    call_command("rebuild_references_index", verbosity=0)
    wagtails = rows_of_the_index()
    ReferenceIndex.objects.all().delete()
    rebuild_reference_index()
    assert rows_of_the_index() == wagtails
    assert len(wagtails) > 5 * 4


def test_a_finished_import_tells_the_page_cache_and_a_dry_run_does_not(vocabulary, write_file):
    # The rows are written without their save signals: the audit record of the finished
    # import is what makes the cached pages and open-data files that show agreements stale.
    path = write_file("a.csv", csv_bytes(rows(1, 3)))
    before = versions(["data:agreements"])
    call_command("import_agreements", path, "--dry-run", stdout=io.StringIO())
    assert versions(["data:agreements"]) == before
    call_command("import_agreements", path, stdout=io.StringIO())
    assert versions(["data:agreements"]) != before
