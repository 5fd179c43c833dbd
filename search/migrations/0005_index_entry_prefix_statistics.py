"""Statistics on the text a search with a prefix matches, for PostgreSQL's planner.

A search whose last word is matched as a prefix (search/backends/postgres.py) matches
``title || body || autocomplete`` of ``wagtailsearch_indexentry``, another expression than the
one of 0003: without statistics on it the planner guesses that one row matches and may join
the rows found to their objects by a nested loop (see 0003). Nothing to do on SQLite, nor
before PostgreSQL 14.
"""

from django.db import migrations

STATISTICS = "partnerhub_indexentry_prefix_text"
TABLE = "wagtailsearch_indexentry"


def _supported(schema_editor):
    connection = schema_editor.connection
    return connection.vendor == "postgresql" and connection.pg_version >= 140000


def create_statistics(apps, schema_editor):
    if not _supported(schema_editor):
        return
    schema_editor.execute(
        f"CREATE STATISTICS IF NOT EXISTS {STATISTICS} "
        f"ON (((title || body) || autocomplete)) FROM {TABLE}"
    )
    schema_editor.execute(f"ANALYZE {TABLE}")


def drop_statistics(apps, schema_editor):
    if not _supported(schema_editor):
        return
    schema_editor.execute(f"DROP STATISTICS IF EXISTS {STATISTICS}")


class Migration(migrations.Migration):
    dependencies = [("site_search", "0004_search_synonyms")]

    operations = [migrations.RunPython(create_statistics, drop_statistics)]
