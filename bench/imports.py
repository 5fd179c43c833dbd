"""Time of importing 10,000 agreements, and of importing the same file again.

    DATABASE_URL=postgres://postgres:partnerhub@127.0.0.1:5432/partnerhub_bench \
        .venv/bin/python bench/imports.py --rows 10000 --json bench/imports.json

The file: `--rows` agreements drawn by the scale data's planner (`bench/scale/`) among the
English partners of the database (run `manage.py load_demo_data` first; the scale data adds
partners), with every column of the import format, about 10 % of them amendments that name
their original in `parent_reference`. References start with `BENCH-`, so that they never
meet the demo's or the scale data's.

What is measured: `manage.py import_agreements FILE`, exactly as an officer runs it (its audit
record included), the first time (every row created) and again with the same file (every
row unchanged): wall and CPU time of the process, SQL queries, peak memory (resident set size
of the process; with `--tracemalloc`, the peak of Python allocations of each run, which
slows everything down). Then the load average, since the machine may be shared. The targets
(issue 17): import <= 30 s, re-import <= 10 s (wall); exit status 1 if one is missed.

The agreements a previous run left (`BENCH-` references) are deleted first, and those of this
run at the end, unless `--keep`.
"""

import argparse
import contextlib
import csv
import io
import json
import os
import platform
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
# Debug mode keeps every SQL query in memory and adds checks: measure as in production.
os.environ.setdefault("DEBUG", "false")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bench.scale.generate import AGREEMENT_PREFIX, agreement_planner, load_base  # noqa: E402
from cms.imports.columns import AGREEMENT_COLUMNS  # noqa: E402
from cms.imports.models import ImportRun  # noqa: E402
from cms.snippets.models import Agreement, Partner  # noqa: E402

PREFIX = "BENCH-"
TARGETS_S = {"import": 30.0, "reimport": 10.0}
#: The planner's seed: not the scale data's, so that the file is not the generated archive.
SEED = 1717


def rss_mb():
    """Peak resident set size of this process so far, in MB (Linux gives kB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def load_average():
    return tuple(round(value, 2) for value in os.getloadavg())


# --- The file -------------------------------------------------------------------------------


def build_rows(count, seed=SEED):
    """`count` rows of agreements in the import format, originals before their amendments."""
    base = load_base()
    planner = agreement_planner(base, seed)
    names = planner.partner_names

    def reference(planned):
        return PREFIX + planned.reference.removeprefix(AGREEMENT_PREFIX)

    rows = []
    for number in range(count):
        planned = planner.plan(number)
        rows.append(
            {
                "reference": reference(planned),
                "title": planned.title,
                "type": planned.type_code,
                "partners": "; ".join(names[pk] for pk, _role in planned.partners),
                "signature_date": planned.signature_date.isoformat()
                if planned.signature_date
                else "",
                "amount": "" if planned.amount is None else str(planned.amount),
                "currency": planned.currency if planned.amount is not None else "",
                "usd_value": "" if planned.amount_usd is None else str(planned.amount_usd),
                "regions": "; ".join(planned.regions),
                "countries": "; ".join(planned.countries),
                "primary_area": planned.area,
                "areas": "; ".join(planned.secondary_areas),
                "parent_reference": reference(planned.parent) if planned.parent else "",
                "status": planned.status,
                "confidential": "yes" if planned.confidential else "no",
                "notes": f"Benchmark row {number + 1}",
            }
        )
    return rows


def write_csv(rows, path):
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=AGREEMENT_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8"))


def remove_bench_agreements():
    """Delete the agreements of a benchmark run (amendments before their originals)."""
    started = time.perf_counter()
    bench = Agreement.objects.filter(reference__startswith=PREFIX)
    removed = bench.count()
    bench.exclude(parent=None).delete()
    bench.delete()
    return removed, time.perf_counter() - started


# --- One measured import --------------------------------------------------------------------


class QueryCounter:
    """Counts the SQL statements run (without keeping them, unlike debug mode)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure_import(path, traced):
    counter = QueryCounter()
    out, err = io.StringIO(), io.StringIO()
    if traced:
        tracemalloc.reset_peak()
    wall, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(counter):
        call_command("import_agreements", str(path), stdout=out, stderr=err)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    run = ImportRun.objects.order_by("-pk").first()
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "queries": counter.count,
        "created": run.created,
        "updated": run.updated,
        "unchanged": run.unchanged,
        "errors": run.error_count,
        "peak_rss_mb": round(rss_mb(), 1),
        "tracemalloc_peak_mb": round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        if traced
        else None,
        "output": out.getvalue().strip(),
    }


def print_result(name, result):
    target = TARGETS_S[name]
    verdict = "PASS" if result["wall_s"] <= target else "FAIL"
    traced = (
        f", Python allocations peak {result['tracemalloc_peak_mb']} MB"
        if result["tracemalloc_peak_mb"] is not None
        else ""
    )
    print(
        f"{name:9} created {result['created']}, updated {result['updated']}, "
        f"unchanged {result['unchanged']}, errors {result['errors']}: "
        f"wall {result['wall_s']:.1f} s, CPU {result['cpu_s']:.1f} s, "
        f"{result['queries']} SQL queries, peak RSS {result['peak_rss_mb']} MB{traced} "
        f"(target <= {target:.0f} s: {verdict})"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000, help="Agreements in the file.")
    parser.add_argument("--json", type=Path, help="Write the results to this JSON file.")
    parser.add_argument("--file", type=Path, help="Keep the CSV file at this path.")
    parser.add_argument(
        "--keep", action="store_true", help="Leave the imported agreements in the database."
    )
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="Also report the peak of Python allocations of each run (slows everything "
        "down: the times of such a run are not comparable).",
    )
    args = parser.parse_args(argv)
    if args.rows < 1:
        parser.error("--rows must be at least 1")

    removed, seconds = remove_bench_agreements()
    if removed:
        print(f"Removed {removed} agreements of a previous run in {seconds:.1f} s.")
    started = time.perf_counter()
    rows = build_rows(args.rows)
    with contextlib.ExitStack() as stack:
        if args.file:
            path = args.file
        else:
            path = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "agreements.csv"
        write_csv(rows, path)
        built = time.perf_counter() - started
        amendments = sum(1 for row in rows if row["parent_reference"])
        print(
            f"Database: {connection.vendor} {connection.settings_dict.get('NAME')}; "
            f"{Partner.objects.filter(locale__language_code='en').count()} partners in "
            f"English, {Agreement.objects.count()} agreements before the import"
        )
        print(
            f"File: {len(rows)} agreements ({amendments} amendments), "
            f"{path.stat().st_size / 2**20:.1f} MB of CSV, written in {built:.1f} s"
        )
        load_before = load_average()
        print(f"Load average before: {load_before} ({os.cpu_count()} CPUs)")
        if args.tracemalloc:
            tracemalloc.start()
        results = {}
        for name in ("import", "reimport"):
            results[name] = measure_import(path, args.tracemalloc)
            print_result(name, results[name])
        load_after = load_average()
        print(f"Load average after: {load_after}")
    if not args.keep:
        removed, seconds = remove_bench_agreements()
        print(f"Removed the {removed} imported agreements in {seconds:.1f} s.")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "database": connection.vendor,
                    "rows": len(rows),
                    "python": platform.python_version(),
                    "cpus": os.cpu_count(),
                    "load_average_before": load_before,
                    "load_average_after": load_after,
                    "results": results,
                    "targets_s": TARGETS_S,
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"Results written to {args.json}")
    missed = [name for name, result in results.items() if result["wall_s"] > TARGETS_S[name]]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
