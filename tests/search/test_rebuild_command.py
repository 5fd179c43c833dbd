"""The reindex command rebuilds every language, or one, and can run at any time."""

from io import StringIO

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from cms.pages.models import StandardPage
from cms.snippets.models import Partner
from search.backends import backend_for


def rebuild(*args):
    out = StringIO()
    call_command("rebuild_search_index", *args, stdout=out)
    return out.getvalue()


def test_rebuild_restores_a_lost_index_and_reports_progress(pages, partners):
    IndexEntry.objects.all().delete()
    assert not Page.objects.live().search("partenariats", backend=backend_for("fr"))

    output = rebuild()

    assert "fr: pages.StandardPage" in output
    assert "Search index rebuilt" in output
    results = Page.objects.live().search("partenariats", backend=backend_for("fr"))
    assert pages["fr"].pk in [page.pk for page in results]
    results = Partner.objects.search("الاتحاد", backend=backend_for("ar"))
    assert [partner.pk for partner in results] == [partners["ar"].pk]


def test_rebuild_of_one_language_touches_only_it(pages):
    IndexEntry.objects.all().delete()

    output = rebuild("--language", "ru")

    assert "ru:" in output and "fr:" not in output
    assert Page.objects.live().search("партнерству", backend=backend_for("ru"))
    assert not Page.objects.live().search("partenariats", backend=backend_for("fr"))


def test_rebuild_twice_keeps_one_row_per_object_and_drops_deleted_objects(pages):
    rebuild()
    content_type = ContentType.objects.get_for_model(StandardPage)
    before = IndexEntry.objects.filter(content_type=content_type).count()
    # Deleting a page takes its row out of the index.
    StandardPage.objects.filter(pk=pages["zh-hans"].pk).delete()

    rebuild("--verbosity", "0")

    assert IndexEntry.objects.filter(content_type=content_type).count() == before - 1


def test_stock_update_index_writes_each_object_once(pages):
    IndexEntry.objects.all().delete()
    out = StringIO()
    call_command("update_index", stdout=out)
    assert "doesn't require rebuilding" in out.getvalue()  # the language backends
    content_type = ContentType.objects.get_for_model(StandardPage)
    ids = list(
        IndexEntry.objects.filter(content_type=content_type).values_list("object_id", flat=True)
    )
    assert len(ids) == len(set(ids))
    assert str(pages["ar"].pk) in ids
    assert Page.objects.live().search("وبالشراكة", backend=backend_for("ar"))
