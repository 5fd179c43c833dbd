"""What an editor's "Save draft" of an opportunity costs: queries, CPU and wall time of the
edit view's POST, and where the time goes (cProfile).

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/admin_save.py --runs 10
    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/admin_save.py --profile 25

Issue 19 saw a draft save take 5 s; its target is under a second. The script signs in as the
first superuser of the demo, reads the edit form of the first English opportunity as a browser
sends it, and POSTs it `--runs` times with a new title each time (one warm-up first), printing
the queries of one save and the median and 90th percentile of the process's CPU time and of the
wall time, in milliseconds, with the load average. `--profile N` prints the N functions with the
most cumulative time over the runs. Each save adds a revision to the database it runs on: run it
on a copy of the demo. A benchmark, not a test: timings are never asserted (the query count is
pinned in tests/pages/test_opportunity_editing.py).
"""

import argparse
import cProfile
import os
import pstats
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

from bs4 import BeautifulSoup  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402

from cms.pages.models import OpportunityPage  # noqa: E402


def edit_form(client, url):
    """The values of an edit form as the browser sends them (buttons and files left out)."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return form_values(BeautifulSoup(response.content, "html.parser"))


def form_values(html):
    """The values of the page form (`form[data-edit-form]`) of a parsed admin screen."""
    form = html.select_one("form[data-edit-form]")
    data = {}
    for control in form.select("input[name], textarea[name], select[name]"):
        name = control["name"]
        if control.name == "textarea":
            data[name] = control.get_text().removeprefix("\n")
        elif control.name == "select":
            selected = control.select_one("option[selected]")
            data[name] = selected["value"] if selected else ""
        elif control.get("type") in ("checkbox", "radio"):
            if control.has_attr("checked"):
                data[name] = control.get("value", "on")
        elif control.get("type") not in ("submit", "button", "file"):
            data[name] = control.get("value", "")
    # The body's blocks are written by the browser's script when the form is sent; here the
    # body is sent empty (the demo's bodies are a few paragraphs: saved the same way).
    data.setdefault("body-count", "0")
    return data


def save(client, url, title, profiler=None):
    """One "Save draft": the form read again (it carries the latest revision's id), then
    POSTed. Returns (queries, CPU ms, wall ms) of the POST alone, profiled by `profiler`."""
    data = {**edit_form(client, url), "title": title}
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        if profiler:
            profiler.enable()
        cpu, wall = time.process_time(), time.perf_counter()
        response = client.post(url, data)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        if profiler:
            profiler.disable()
    assert response.status_code == 302, response.content[:2000]
    return len(queries), cpu * 1000, wall * 1000


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    parser.add_argument(
        "--tasks",
        choices=["database", "immediate"],
        default="database",
        help="background tasks queued for the worker as in production (the default), or run "
        "in the request as on a developer's machine",
    )
    args = parser.parse_args(argv)
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    if args.tasks == "database":
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            return measure(args)
    return measure(args)


def measure(args):
    page = OpportunityPage.objects.filter(locale__language_code="en").order_by("pk").first()
    user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    client = Client()
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    original = page.title
    save(client, url, f"{original} (warm-up)")

    profiler = cProfile.Profile() if args.profile else None
    rows = []
    for run in range(args.runs):
        rows.append(save(client, url, f"{original} ({run + 1})", profiler))
    save(client, url, original)

    queries = [row[0] for row in rows]
    cpu = [row[1] for row in rows]
    wall = [row[2] for row in rows]
    print(
        f"page {page.pk} {original!r}, {args.runs} draft saves, tasks {args.tasks}, "
        f"load {os.getloadavg()[0]:.1f}"
    )
    print(f"queries: {min(queries)}-{max(queries)}")
    print(f"CPU ms:  median {statistics.median(cpu):.0f}, p90 {percentile(cpu, 0.9):.0f}")
    print(f"wall ms: median {statistics.median(wall):.0f}, p90 {percentile(wall, 0.9):.0f}")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
