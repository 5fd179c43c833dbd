"""`make demo PORT=...`: the e-mails the demo sends (registration, alerts, sponsorship) carry
links to the port the site is served on (BASE_URL), unless BASE_URL is set."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAKE = shutil.which("make")
PRINT_BASE_URL = f"{sys.executable} -c 'import os; print(os.environ[\"BASE_URL\"])'"


def base_url_seen_by(target, port, **env):
    """What the server started by `make <target> PORT=<port>` reads as BASE_URL (the server's
    command replaced by one that prints it; `install` taken as done)."""
    environment = {key: value for key, value in os.environ.items() if key != "BASE_URL"}
    environment.update(env)
    command = [MAKE, "--no-print-directory", "-s", "-o", "install", "-o", "migrate", target]
    command += [f"PORT={port}", f"PY={PRINT_BASE_URL}"]
    result = subprocess.run(  # noqa: S603
        command, cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    return result.stdout.strip().splitlines()[-1]


pytestmark = pytest.mark.skipif(MAKE is None, reason="make is not installed")


@pytest.mark.parametrize("target", ["demo", "serve"])
def test_links_follow_the_port_the_demo_is_served_on(target):
    assert base_url_seen_by(target, 8080) == "http://127.0.0.1:8080"
    assert base_url_seen_by(target, 8000) == "http://127.0.0.1:8000"


def test_an_explicit_base_url_wins():
    assert base_url_seen_by("serve", 8080, BASE_URL="https://partners.example.org") == (
        "https://partners.example.org"
    )
