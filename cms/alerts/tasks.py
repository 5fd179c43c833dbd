"""The background task (django-tasks) that sends one Delivery; see outbox.py."""

from django_tasks import task

from . import outbox

__all__ = ["send_delivery"]


@task()
def send_delivery(delivery_id):
    """Send a subscriber's e-mail; safe to run twice (the second run finds it claimed)."""
    return outbox.send(delivery_id)
