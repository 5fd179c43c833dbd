"""Two officers approving the last slot of a package at the same moment: exactly one wins.

Runs on PostgreSQL with real threads, each with its own database connection; the package row
is locked while the slots are counted (workflow._take_slot).
"""

import threading

import pytest
from django.db import connection, connections

from cms.sponsorship.models import SponsorshipApplication
from cms.sponsorship.workflow import SoldOut, apply_transition

from .conftest import form_data


@pytest.fixture(scope="module")
def restore_migration_data(django_db_setup, django_db_blocker):
    from tests.browser.conftest import restore_migration_data as _restore

    yield from _restore.__wrapped__(django_db_setup, django_db_blocker)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_approvals_for_the_last_slot(restore_migration_data, client, home_page, categories):
    from .records import make_archive_terms, make_event

    make_archive_terms()
    event = make_event(home_page, capacity=1)
    gold = event.packages.get(tier="gold")
    for i in range(2):
        client.post(event.url, form_data(gold, categories["none"], email=f"c{i}@x.example"))
    applications = list(SponsorshipApplication.objects.order_by("pk"))
    assert len(applications) == 2

    barrier = threading.Barrier(2)
    results = []

    def approve(application):
        try:
            barrier.wait()
            apply_transition(application.pk, "approve")
            results.append("approved")
        except SoldOut:
            results.append("sold out")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(a,)) for a in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results) == ["approved", "sold out"]
    assert SponsorshipApplication.objects.filter(status="approved").count() == 1
