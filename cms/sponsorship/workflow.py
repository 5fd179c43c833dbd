"""The steps of a sponsorship application, each checked, recorded and e-mailed (the e-mail
written to the outbox in the step's transaction).

applied → approved or rejected; approved → confirmed; confirmed → delivered; and applied,
approved or confirmed → cancelled. Approving takes one of the package's slots: the package's
English row is locked (SELECT … FOR UPDATE) while the slots held are counted, so two officers
approving the last slot at the same moment cannot both succeed. Confirming links the sponsor
to its partner record (created if missing) and to a sponsorship agreement in the archive.
"""

import datetime

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import emails
from .archive import link_partner_and_agreement
from .models import SponsorshipApplication, SponsorshipPackage

__all__ = ["TRANSITIONS", "SoldOut", "TransitionError", "apply_transition", "slots_taken"]

Status = SponsorshipApplication.Status
ASSETS_NOTICE = datetime.timedelta(days=14)
ASSETS_LEAD_TIME = datetime.timedelta(days=21)

#: action -> (statuses it starts from, status it leads to, label of its button)
TRANSITIONS = {
    "approve": ((Status.APPLIED,), Status.APPROVED, _("Approve")),
    "reject": ((Status.APPLIED,), Status.REJECTED, _("Reject")),
    "confirm": ((Status.APPROVED,), Status.CONFIRMED, _("Confirm")),
    "deliver": ((Status.CONFIRMED,), Status.DELIVERED, _("Mark as delivered")),
    "cancel": (
        (Status.APPLIED, Status.APPROVED, Status.CONFIRMED),
        Status.CANCELLED,
        _("Cancel"),
    ),
}


class TransitionError(Exception):
    """A step that cannot be taken; its message says why, in the reader's language."""


class SoldOut(TransitionError):
    """Every slot of the package is already held."""


def available_actions(application):
    return [
        action
        for action, (sources, _target, _label) in TRANSITIONS.items()
        if application.status in sources
    ]


def slots_taken(package_keys):
    """{package translation key: number of slots held} for these packages."""
    rows = (
        SponsorshipApplication.objects.filter(
            package__translation_key__in=package_keys,
            status__in=SponsorshipApplication.HOLDING,
        )
        .values("package__translation_key")
        .annotate(n=Count("pk"))
    )
    return {row["package__translation_key"]: row["n"] for row in rows}


def apply_transition(application_pk, action):
    """Take one step of an application; return the application after it.

    Raises TransitionError when the step does not start from the application's status (an
    officer acting on a page that another officer changed meanwhile) and SoldOut when
    approving would take more slots than the package has.
    """
    if action not in TRANSITIONS:
        raise TransitionError(_("This step does not exist."))
    sources, target, _label = TRANSITIONS[action]
    with transaction.atomic():
        application = SponsorshipApplication.objects.select_for_update().get(pk=application_pk)
        if application.status not in sources:
            raise TransitionError(
                _("This application is now “%(status)s”: refresh the page and try again.")
                % {"status": application.get_status_display()}
            )
        if action == "approve":
            _take_slot(application)
        if action == "confirm":
            if application.agreed_amount_usd is None:
                application.agreed_amount_usd = application.price_usd
            link_partner_and_agreement(application)
            _set_due_dates(application)
        application.status = target
        application.status_changed_at = timezone.now()
        application.save()
        emails.queue_step(application, target)
    return application


def _set_due_dates(application):
    """Ask for the logo, display name and link three weeks before the event (two weeks from
    now at the latest), unless the officer already set other dates."""
    today = timezone.localdate()
    due = today + ASSETS_NOTICE
    if application.event is not None:
        due = max(min(due, application.event.start_date - ASSETS_LEAD_TIME), today)
    application.logo_due_on = application.logo_due_on or due
    application.details_due_on = application.details_due_on or due


def _take_slot(application):
    if application.package_id is None:
        raise TransitionError(_("The package of this application no longer exists."))
    # The lock on the package row serializes every approval of this package: the second
    # waits here until the first has committed, then counts its slot.
    package = SponsorshipPackage.objects.select_for_update().get(pk=application.package_id)
    held = SponsorshipApplication.objects.filter(
        package__translation_key=package.translation_key,
        status__in=SponsorshipApplication.HOLDING,
    ).count()
    if held >= package.capacity:
        raise SoldOut(
            _("“%(package)s” is sold out: its %(capacity)s slot(s) are taken.")
            % {"package": package.name, "capacity": package.capacity}
        )
