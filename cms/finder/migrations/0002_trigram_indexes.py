"""Trigram indexes for the finder's free text (PostgreSQL only; nothing to do on SQLite).

The finder matches words with `icontains`, which Django writes on PostgreSQL as
``UPPER("column"::text) LIKE UPPER('%word%')``: a GIN ``pg_trgm`` index on the same
expression lets the database find the agreement titles and partner names, acronyms, other
names and mandates holding a word without reading the whole table. ``pg_trgm`` is created
after ``unaccent`` (search/migrations/0002_text_search_configurations.py).
"""

from django.db import migrations

# (index name, table, column)
INDEXES = (
    ("finder_agreement_title_trgm", "snippets_agreement", "title"),
    ("finder_partner_name_trgm", "snippets_partner", "name"),
    ("finder_partner_acronym_trgm", "snippets_partner", "acronym"),
    ("finder_partner_aliases_trgm", "snippets_partner", "aliases"),
    ("finder_partner_mandate_trgm", "snippets_partner", "mandate"),
)


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (UPPER("{column}"::text) '
            "gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("partner_finder", "0001_initial"),
        ("site_search", "0002_text_search_configurations"),
        ("snippets", "0002_material"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
