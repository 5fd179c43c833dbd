"""`/healthz`: whether each service the site depends on answers, for a monitor or a load balancer.

One check per service: the database (`SELECT 1`), the cache (a write and a read back), the
task queue (django-tasks-db's table, when background work goes through it) and the search
engine (a ping of each Elasticsearch backend; the database backends need nothing more than
the database). The answer is 200 when every check passes, 503 otherwise, with a small JSON
body naming each check and "ok" or "unavailable"; never an error message, a host name or
anything about a person. It is never cached.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from modelsearch.backends import get_search_backend

__all__ = ["CHECKS", "healthz"]

logger = logging.getLogger("cms.core.health")


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def check_cache():
    # The fail-open cache swallows Redis errors: a value written and not read back is the sign.
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    answered = cache.get(key) == "ok"
    cache.delete(key)
    return answered


def check_task_queue():
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    if not backend.startswith("django_tasks_db"):
        return True  # tasks run at once (development, tests): no queue to reach
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.only("pk").first()
    return True


def check_search_engine():
    for alias in settings.WAGTAILSEARCH_BACKENDS:
        client = getattr(get_search_backend(alias), "es", None)
        if client is not None and not client.ping():
            return False
    return True


#: The checks in the order of the answer.
CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "task_queue": check_task_queue,
    "search_engine": check_search_engine,
}


@never_cache
def healthz(request):
    """200 when the database, the cache, the task queue and the search engine all answer."""
    results = {}
    for name, check in CHECKS.items():
        try:
            passed = bool(check())
        except Exception:  # any failure of a service is a failed check, never a 500
            logger.warning("Health check %s failed", name, exc_info=True)
            passed = False
        results[name] = "ok" if passed else "unavailable"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": results},
        status=200 if healthy else 503,
    )
