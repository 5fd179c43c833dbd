"""Queries, CPU and wall time of every kind of public page, uncached and from the page cache.

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/pages.py --runs 20
    DATABASE_URL=postgres://postgres:partnerhub@127.0.0.1:5432/partnerhub_bench \\
        .venv/bin/python bench/pages.py --runs 20 --json bench/pages.json

Issue 17's targets are for an anonymous visitor's page rendered in process, DEBUG off,
warm: at most 15 SQL queries on every page; median CPU home ≤ 17 ms, opportunity index
≤ 17 ms, directory ≤ 18 ms, opportunity ≤ 20 ms, search ≤ 19 ms. For each kind of page
(the first public page of its type in each language asked for) it runs one warm-up
request, then `--runs` requests uncached (the anonymous page cache switched off: the page
is rendered, the frame and the shared-cache values such as vocabularies and facets warm)
and `--runs` requests served by the page cache, and prints the queries of one request, the
median and 90th percentile of the process's CPU time and of the wall time, in milliseconds,
with the load average. Run it on the demo and on the ten-times data
(`bench/generate_scale_data.py --factor 10`, see bench/README.md) to see whether a page's
cost grows with the data. This is a benchmark, not a test: timings are never asserted.
"""

import argparse
import gc
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
# Debug mode keeps every SQL query in memory and adds checks: measure as in production.
os.environ.setdefault("DEBUG", "false")

import django  # noqa: E402

django.setup()
# As the WSGI entry point does once the site is loaded (cms/wsgi.py): the site's objects out
# of the garbage collector's reach, or each full collection walks them all.
gc.freeze()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from wagtail.models import Page  # noqa: E402

#: Kind of page -> model name of its page type (the first public page of it is measured).
PAGE_TYPES = {
    "home": "homepage",
    "opportunity index": "opportunityindexpage",
    "opportunity": "opportunitypage",
    "directory": "partnerdirectorypage",
    "recognitions": "recognitionspage",
    "content page": "standardpage",
    "statistics": "statisticspage",
    "sponsorship": "sponsorshipindexpage",
    "event": "eventpage",
    "registration": "registrationpage",
}
#: Issue 17's CPU targets (median, ms) for the kinds that have one.
CPU_TARGETS = {
    "home": 17,
    "opportunity index": 17,
    "directory": 18,
    "opportunity": 20,
    "search": 19,
}
QUERY_TARGET = 15


def addresses(client, language):
    """{kind: address} of the pages measured in `language`."""
    urls = {}
    for kind, model in PAGE_TYPES.items():
        page = (
            Page.objects.live()
            .public()
            .filter(content_type__model=model, locale__language_code=language)
            .order_by("path")
            .first()
        )
        if page is not None:
            urls[kind] = page.specific.url
    if "opportunity index" in urls:
        urls["opportunity index, filtered"] = urls["opportunity index"] + "?sort=title&page=2"
    if "directory" in urls:
        directory = client.get(urls["directory"]).content.decode()
        pattern = 'href="(' + re.escape(urls["directory"]) + r'\d+/[^"]+/)"'
        profile = re.search(pattern, directory)
        if profile:
            urls["partner profile"] = profile.group(1)
    urls["search"] = f"/{language}/search/?q=health"
    return urls


def count_queries(client, url):
    statements = []

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    return response.status_code, len(statements)


def timings(client, url, runs):
    cpu, wall = [], []
    for _ in range(runs):
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        client.get(url)
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started_wall) * 1000)
    return cpu, wall


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def summary(values):
    return {
        "median": round(statistics.median(values), 1),
        "p90": round(percentile(values, 0.9), 1),
    }


def measure(language, runs):
    client = Client()
    rows = []
    for kind, url in addresses(client, language).items():
        with override_settings(PAGE_CACHE_ENABLED=False):
            client.get(url)  # warm: content types, site, vocabularies, facets, figures
            status, queries = count_queries(client, url)
            cpu, wall = timings(client, url, runs)
        with override_settings(PAGE_CACHE_ENABLED=True):
            client.get(url)  # stored
            _status, cached_queries = count_queries(client, url)
            cached_cpu, cached_wall = timings(client, url, runs)
        rows.append(
            {
                "language": language,
                "kind": kind,
                "url": url,
                "status": status,
                "queries": queries,
                "cpu": summary(cpu),
                "wall": summary(wall),
                "cached_queries": cached_queries,
                "cached_cpu": summary(cached_cpu),
                "cached_wall": summary(cached_wall),
            }
        )
    return rows


def verdict(row):
    notes = []
    if row["queries"] > QUERY_TARGET:
        notes.append(f"queries > {QUERY_TARGET}")
    target = CPU_TARGETS.get(row["kind"])
    if target is not None and row["cpu"]["median"] > target:
        notes.append(f"CPU > {target} ms")
    return ", ".join(notes) or "ok"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="requests per page and mode")
    parser.add_argument("--languages", default="en,fr,ar", help="comma-separated codes")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    # One client asks for hundreds of searches: the per-address limit would answer 429.
    settings.SEARCH_RATE_LIMIT = 1_000_000

    load = os.getloadavg()
    print(
        f"database: {connection.vendor}; runs: {args.runs}; "
        f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    header = (
        f"{'lang':4} {'page':28} {'q':>3} {'cpu med':>8} {'cpu p90':>8} {'wall med':>9} "
        f"{'wall p90':>9} | {'cached q':>8} {'cpu med':>8} {'wall med':>9}  verdict"
    )
    print(header)
    rows = []
    for language in args.languages.split(","):
        for row in measure(language.strip(), args.runs):
            rows.append(row)
            print(
                f"{row['language']:4} {row['kind']:28} {row['queries']:>3} "
                f"{row['cpu']['median']:>8} {row['cpu']['p90']:>8} "
                f"{row['wall']['median']:>9} {row['wall']['p90']:>9} | "
                f"{row['cached_queries']:>8} {row['cached_cpu']['median']:>8} "
                f"{row['cached_wall']['median']:>9}  {verdict(row)}"
            )
    load = os.getloadavg()
    print(f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"load": load, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
