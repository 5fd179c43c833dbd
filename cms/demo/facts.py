"""The fact files of the demo archive, in `cms/demo/data/`.

They hold facts only (names, codes, translations, the figures to reproduce); the code of
this package turns them into records. See `data/figures.json` for the source of the figures.
"""

import csv
import json
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def read_json(name):
    """The parsed content of a JSON fact file."""
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def read_csv(name):
    """The rows of a CSV fact file, as a tuple of dicts keyed by the header."""
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))
