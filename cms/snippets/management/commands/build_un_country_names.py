"""Generate `cms/snippets/data/un_country_names.csv` from OCHA's Countries & Territories
taxonomy, the CSV shipped in the `hdx-python-country` package (`pip install
".[un-country-names]"`), or from a copy of it given with `--source`.

The taxonomy carries, for each country, the UNTERM short name in the six UN languages
("English Short" ... "Arabic Short", with "Appears in UNTERM list" = Y) and the names of the
M49 standard ("M49 English" ...). Rules, in order:

1. a country listed in UNTERM takes its UNTERM short names;
2. otherwise (dependent territories) the M49 names;
3. `CORRECTIONS` below, each with its reason;
4. codes without any UN name (Taiwan) are left out: django-countries names them.

The generated file is kept in the repository, so the site does not need the package.
"""

import csv
import importlib.util
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.snippets.country_names import DATA_FILE, LANGUAGES

TAXONOMY = "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"
COLUMNS = {
    "ar": "Arabic",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "ru": "Russian",
    "zh-hans": "Chinese",
}
CORRECTIONS = {
    # The taxonomy's UNTERM columns carry "Naoero" (ISO 3166's recent form, which
    # django-countries shows too); the UN's M49 list and its documents write "Nauru" in
    # every language, and the issue reports "Naoero" as wrong.
    "NR": {"ar": "ناورو", "en": "Nauru", "es": "Nauru", "fr": "Nauru", "ru": "Науру"},
    # UNTERM's Arabic short names mark with a dash where the name goes ("إيران (جمهورية -
    # الإسلامية)"); the taxonomy has an underscore for this one only.
    "NL": {"ar": "هولندا (مملكة -)"},
}


def taxonomy_path():
    spec = importlib.util.find_spec("hdx.location")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / TAXONOMY


def build_rows(source):
    """[{code, ar, en, es, fr, ru, zh-hans}] in code order, from the taxonomy at `source`."""
    with Path(source).open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    rows = {}
    for record in records:
        code = record["ISO 3166-1 Alpha 2-Codes"].strip().upper()
        if len(code) != 2 or record.get("Deprecated") == "Y":
            continue
        in_unterm = record["Appears in UNTERM list"] == "Y"
        names = {}
        for language, column in COLUMNS.items():
            short = record[f"{column} Short"].strip() if in_unterm else ""
            names[language] = short or record[f"M49 {column}"].strip()
        names.update(CORRECTIONS.get(code, {}))
        if any(names.values()):
            rows[code] = {"code": code, **names}
    return [rows[code] for code in sorted(rows)]


class Command(BaseCommand):
    help = "Generate the UN country names file from OCHA's Countries & Territories taxonomy."

    def add_arguments(self, parser):
        parser.add_argument("--source", help="The taxonomy CSV (default: hdx-python-country's).")
        parser.add_argument("--output", default=str(DATA_FILE), help="Where to write the file.")

    def handle(self, *args, source=None, output=None, **options):
        source = source or taxonomy_path()
        if source is None or not Path(source).is_file():
            raise CommandError(
                "The taxonomy was not found: install hdx-python-country "
                '(pip install ".[un-country-names]") or pass --source.'
            )
        rows = build_rows(source)
        with Path(output).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=["code", *LANGUAGES], lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        self.stdout.write(f"{len(rows)} countries written to {output}")
