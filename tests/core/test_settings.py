"""Production settings refuse to run without a secret and pass Django's deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    environment.update(env)
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="cms.settings.production")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_settings_pass_the_deployment_checks():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_shared_cache_works_when_redis_url_is_set():
    """REDIS_URL selects Django's Redis cache: a value written by one process is read by
    another (the web server and the worker share rate limits and import progress)."""
    env = {"REDIS_URL": "redis://127.0.0.1:6379/15", "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    value = secrets.token_hex(8)
    write = f"from django.core.cache import cache; cache.set('partnerhub-test', '{value}', 30)"
    written = run_manage("shell", "-c", write, **env)
    assert written.returncode == 0, written.stderr
    read = "from django.core.cache import cache; print(cache.get('partnerhub-test'))"
    result = run_manage("shell", "-c", read, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == value
