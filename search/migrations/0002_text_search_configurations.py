"""The PostgreSQL text-search configuration of the search index (nothing to do on SQLite).

The six languages are analysed in Python (search/analysis.py, see search/backends/postgres.py
for why); ``partnerhub_simple`` only lower-cases and folds accents (``unaccent``) what it is
given, without stemming or stop words. ``unaccent`` is created here, before any ``pg_trgm``.
"""

from django.db import migrations

# {configuration: (configuration it copies, dictionaries of its words)}
CONFIGURATIONS = {
    "partnerhub_simple": ("simple", "unaccent, simple"),
}
WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart"


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, (source, dictionaries) in CONFIGURATIONS.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{source})"
        )
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR {WORD_TOKENS} "
            f"WITH {dictionaries}"
        )


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("site_search", "0001_pending_index_operations")]

    operations = [migrations.RunPython(create_configurations, drop_configurations)]
