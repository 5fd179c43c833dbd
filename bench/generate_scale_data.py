"""Grow the demo data to a multiple of its size, for the benchmark (`bench/scale/`):

    .venv/bin/python bench/generate_scale_data.py            # --factor 10 by default
    .venv/bin/python bench/generate_scale_data.py --help

It takes the options the `manage.py generate_scale_data` command took (`--factor`,
`--partners`, `--agreements`, `--opportunities`, `--seed`, `--skip-index`, `--settings`,
`--verbosity`) and writes to the database of `DATABASE_URL`, after `manage.py
load_demo_data`. It is a script beside `run_bench.py` rather than a command of the site,
because only the benchmark needs it.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAM = "bench/generate_scale_data.py"


def main(argv=None):
    """Run the generator with `argv` (the command line by default); exits 1 on an error."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()
    from bench.scale.command import Command

    arguments = sys.argv[1:] if argv is None else argv
    # Django names the program "<argv[0]> <argv[1]>" in its usage and error messages.
    Command().run_from_argv([".venv/bin/python", PROGRAM, *arguments])


if __name__ == "__main__":
    main()
