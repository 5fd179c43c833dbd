"""Background work of the search (django-tasks): rebuilding and catching up the index."""

from django.core.management import call_command
from django_tasks import task

from .pending import catch_up

__all__ = ["catch_up_index_task", "rebuild_search_index_task"]


@task()
def rebuild_search_index_task(language=None):
    """Rebuild the index of one language, or of all of them."""
    options = {"verbosity": 0}
    if language:
        options["language"] = [language]
    call_command("rebuild_search_index", **options)


@task()
def catch_up_index_task():
    """Apply the index changes that failed during a search outage; returns how many remain."""
    _applied, remaining = catch_up()
    return remaining
