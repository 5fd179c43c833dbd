"""The migration that gives expressions of interest a status: those already received are
"received", with no history, and each gets its own key for its signed link."""

import pytest
from django.utils import timezone

# Moving one app's tables back and forth, and the latest schema put back afterwards.
from tests.alerts.test_outbox_migration import _migrate, latest_schema_afterwards  # noqa: F401

BEFORE = [("interest", "0001_initial")]
AFTER = [("interest", "0002_status_and_history")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("latest_schema_afterwards")
def test_existing_expressions_of_interest_are_received_with_their_own_keys():
    old_apps = _migrate(BEFORE)
    Old = old_apps.get_model("interest", "ExpressionOfInterest")
    Locale = old_apps.get_model("wagtailcore", "Locale")
    locale = Locale.objects.get(language_code="en")
    for organisation in ("GSMA", "ARM", "Sanofi"):
        Old.objects.create(
            page_title="Smart villages in the Sahel",
            locale=locale,
            organisation=organisation,
            contact_name="Ngozi Okafor",
            email=f"{organisation.lower()}@partner.example",
            support="funding",
            message="We would like to discuss this.",
            consent_given_at=timezone.now(),
            privacy_notice_version="1",
        )

    new_apps = _migrate(AFTER)
    New = new_apps.get_model("interest", "ExpressionOfInterest")
    rows = list(New.objects.values_list("status", "key"))
    assert [status for status, _key in rows] == ["received"] * 3
    keys = {key for _status, key in rows}
    assert len(keys) == 3 and None not in keys
    assert not new_apps.get_model("interest", "StatusChange").objects.exists()
