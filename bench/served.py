"""Requests per second of cached anonymous pages, against the same server's static files.

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/served.py
    DATABASE_URL=postgres://postgres:partnerhub@127.0.0.1:5432/partnerhub_bench \\
        REDIS_URL=redis://127.0.0.1:6379/11 .venv/bin/python bench/served.py --json served.json

Issue 17 (item 4): with the anonymous page cache warm, the home page, the opportunity index
and an opportunity should be served at 50 % or more of the rate at which the same server
serves a static file. The in-process benchmark (`bench/pages.py`) measures what a cached
page costs inside Django; this one measures what a visitor gets: a real server in front,
its workers, the sockets, the static files served by WhiteNoise as in production.

It collects the static files into a directory of its own, starts gunicorn with the
production settings (`cms.wsgi`, a throwaway SECRET_KEY, no HTTPS redirect) and `--workers`
sync workers on the database of DATABASE_URL (which must hold the demo: `make demo` or
`manage.py load_demo_data`), asks each page a few times so that every worker's cache is warm
(the shared cache is Redis when REDIS_URL is set, each worker's local memory otherwise),
then runs `wrk -t2 -c8 -d10s` (by default) on a static file (the site's style sheet, as a
browser fetches it) and on each page in each language, and prints the requests per second,
each page's rate as a percentage of the static file's, the median and 99th percentile
latency, and the load average before and after. The targets are measured in turn,
`--rounds` times, and each page's rate is compared with the static file's rate of the same
round (the median is shown): on a machine shared with other work the load changes from one
minute to the next. Requests ask for gzip, as browsers do.
wrk comes from Debian (`apt-get install wrk`). This is a benchmark, not a test.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
TARGET_PERCENT = 50
#: Page kind -> model name of its page type (the first public page of it in each language).
PAGE_TYPES = {
    "home": "homepage",
    "opportunity index": "opportunityindexpage",
    "opportunity": "opportunitypage",
}


def server_environment(args, static_root):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": str(static_root),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PAGE_CACHE_ENABLED": "true",
        }
    )
    return env


def page_addresses(env, languages):
    """{(kind, language): path} read with the server's settings, in a child process."""
    script = f"""
import json, django
django.setup()
from wagtail.models import Page
found = {{}}
for language in {languages!r}:
    for kind, model in {PAGE_TYPES!r}.items():
        page = (Page.objects.live().public()
                .filter(content_type__model=model, locale__language_code=language)
                .order_by("path").first())
        if page is not None:
            found[kind + "|" + language] = page.specific.url
print(json.dumps(found))
"""
    output = subprocess.run(  # noqa: S603 (this interpreter, this script)
        [sys.executable, "-c", script], env=env, cwd=ROOT, check=True, capture_output=True
    ).stdout.decode()
    found = json.loads(output.strip().splitlines()[-1])
    return {tuple(key.split("|")): url for key, url in found.items()}


def get(url, encoding="gzip"):
    # Only the local server started here is asked (http://127.0.0.1).
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status, dict(response.headers), response.read()


def wait_for(base, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped; see its output above")
        try:
            get(base + "/robots.txt")
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer")


def style_sheet(base, home):
    """The address of the first style sheet the home page links (a static file)."""
    _status, headers, body = get(base + home, encoding="identity")
    match = re.search(rb'href="(/static/[^"]+\.css)"', body)
    if not match:
        raise SystemExit("the home page links no style sheet under /static/")
    return match.group(1).decode()


def run_wrk(url, args):
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.duration}s",
        "--latency",
        "-H",
        "Accept-Encoding: gzip",
        url,
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.MULTILINE))
    return {
        "rate": rate,
        "non_2xx": int(errors.group(1)) if errors else 0,
        "p50": latency.get("50"),
        "p99": latency.get("99"),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", default="en,ar", help="comma-separated codes")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (-t)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (-c)")
    parser.add_argument("--duration", type=int, default=10, help="seconds of each wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each page, in turn")
    parser.add_argument("--port", type=int, default=8917)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]

    with tempfile.TemporaryDirectory(prefix="partnerhub-served-") as static_root:
        env = server_environment(args, static_root)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            env=env,
            cwd=ROOT,
            check=True,
        )
        addresses = page_addresses(env, languages)
        base = f"http://127.0.0.1:{args.port}"
        server = subprocess.Popen(  # noqa: S603 (the virtualenv's gunicorn)
            [
                str(VENV_BIN / "gunicorn"),
                "cms.wsgi:application",
                f"--workers={args.workers}",
                "--worker-class=sync",
                f"--bind=127.0.0.1:{args.port}",
                "--log-level=warning",
            ],
            env=env,
            cwd=ROOT,
        )
        try:
            wait_for(base, server)
            rows = measure(base, addresses, languages, args)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    report(rows, env, args)


def measure(base, addresses, languages, args):
    home = addresses.get(("home", languages[0]), f"/{languages[0]}/")
    targets = [("static file", "-", style_sheet(base, home))]
    targets += [
        (kind, language, addresses[(kind, language)])
        for language in languages
        for kind in PAGE_TYPES
        if (kind, language) in addresses
    ]
    # Warm: the first request renders and stores; the others let every worker read it.
    for _kind, _language, path in targets:
        for _ in range(4 * args.workers):
            get(base + path)
    load_before = os.getloadavg()
    runs = {target: [] for target in targets}
    # Rounds of every target in turn: a change of the machine's load touches all alike, and
    # each page is compared with the static file of its own round.
    for _round in range(args.rounds):
        static = None
        for target in targets:
            result = run_wrk(base + target[2], args)
            static = static or result["rate"]
            result["percent_of_static"] = 100 * result["rate"] / static
            runs[target].append(result)
    rows = []
    for (kind, language, path), results in runs.items():
        _status, headers, _body = get(base + path)
        middle = sorted(results, key=lambda result: result["percent_of_static"])[len(results) // 2]
        rows.append(
            {
                **middle,
                "rates": [result["rate"] for result in results],
                "percents": [round(result["percent_of_static"], 1) for result in results],
                "non_2xx": sum(result["non_2xx"] for result in results),
                "kind": kind,
                "language": language,
                "path": path,
                "cache": headers.get("X-Cache", "-"),
                "encoding": headers.get("Content-Encoding", "-"),
            }
        )
    return {"load_before": load_before, "load_after": os.getloadavg(), "rows": rows}


def report(measured, env, args):
    rows = measured["rows"]
    static = rows[0]["rate"]
    cache = "Redis" if env.get("REDIS_URL") else "local memory (one per worker)"
    database = env.get("DATABASE_URL", "sqlite (db.sqlite3)").split("@")[-1]
    before, after = measured["load_before"], measured["load_after"]
    print(
        f"gunicorn {args.workers} sync workers; wrk -t{args.threads} -c{args.connections} "
        f"-d{args.duration}s; database {database}; cache {cache}"
    )
    print(f"load average before: {before[0]:.2f} {before[1]:.2f} {before[2]:.2f}")
    print(
        f"median of {args.rounds} rounds (each page against the static file of its round); "
        f"static file {static:.0f} requests/s"
    )
    print(
        f"{'page':18} {'lang':4} {'req/s':>9} {'% static':>9} {'p50':>9} {'p99':>9}  "
        "cache, encoding, verdict"
    )
    for row in rows:
        percent = row["percent_of_static"]
        verdict = ""
        if row["kind"] != "static file":
            verdict = "ok" if percent >= TARGET_PERCENT else f"< {TARGET_PERCENT} %"
        errors = f" ({row['non_2xx']} non-2xx)" if row["non_2xx"] else ""
        print(
            f"{row['kind']:18} {row['language']:4} {row['rate']:>9.1f} {percent:>8.1f}% "
            f"{row['p50'] or '-':>9} {row['p99'] or '-':>9}  "
            f"{row['cache']}, {row['encoding']}, {verdict}{errors}"
        )
    print(f"load average after: {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}")
    if args.json:
        args.json.write_text(json.dumps(measured, indent=2))


if __name__ == "__main__":
    main()
