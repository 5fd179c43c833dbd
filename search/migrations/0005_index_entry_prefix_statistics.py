"""Statistics on the text a search with a prefix matches, for PostgreSQL's planner.

A search whose last word is matched as a prefix (search/backends/postgres.py) matches
``title || body || autocomplete`` of ``wagtailsearch_indexentry``, another expression than the
one of 0003: without statistics on it the planner guesses that one row matches and may join
the rows found to their objects by a nested loop (see 0003, whose helpers this one reuses).
Nothing to do on SQLite, nor before PostgreSQL 14.
"""

from importlib import import_module

from django.db import migrations

previous = import_module("search.migrations.0003_index_entry_statistics")

STATISTICS = "partnerhub_indexentry_prefix_text"


def create_statistics(apps, schema_editor):
    if previous._supported(schema_editor):
        schema_editor.execute(
            f"CREATE STATISTICS IF NOT EXISTS {STATISTICS} "
            f"ON (((title || body) || autocomplete)) FROM {previous.TABLE}"
        )
        schema_editor.execute(f"ANALYZE {previous.TABLE}")


def drop_statistics(apps, schema_editor):
    if previous._supported(schema_editor):
        schema_editor.execute(f"DROP STATISTICS IF EXISTS {STATISTICS}")


class Migration(migrations.Migration):
    dependencies = [("site_search", "0004_search_synonyms")]

    operations = [migrations.RunPython(create_statistics, drop_statistics)]
