"""Indexes on the text a search matches, for PostgreSQL (nothing to do on SQLite).

A search matches ``title || body`` of ``wagtailsearch_indexentry`` (and, when its last word
is matched as a prefix, ``title || body || autocomplete``: search/backends/postgres.py).
Wagtail indexes ``title``, ``body`` and ``autocomplete`` each on its own, which a match on
their concatenation cannot use: PostgreSQL then read every entry of the content type and
computed the match for each (5 ms of a partner search at ten times the demo, 1,920 entries;
the four queries of a search took 27 ms of database time, 12 ms with these indexes, measured
with `bench/run_bench.py`'s queries on 7 December 2026). GIN indexes on the two expressions
let it find the matching entries in the index, as it does for one column.

The statistics of 0003 and 0005 stay: they tell the planner how many rows match.
"""

from importlib import import_module

from django.db import migrations

statistics = import_module("search.migrations.0003_index_entry_statistics")

INDEXES = {
    "partnerhub_indexentry_text_gin": "((title || body))",
    "partnerhub_indexentry_prefix_text_gin": "(((title || body) || autocomplete))",
}


def _postgresql(schema_editor):
    return schema_editor.connection.vendor == "postgresql"


def create_indexes(apps, schema_editor):
    if not _postgresql(schema_editor):
        return
    for name, expression in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {statistics.TABLE} USING gin ({expression})"
        )
    schema_editor.execute(f"ANALYZE {statistics.TABLE}")


def drop_indexes(apps, schema_editor):
    if not _postgresql(schema_editor):
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("site_search", "0005_index_entry_prefix_statistics")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
