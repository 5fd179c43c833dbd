"""The steps of a sponsorship application, each guarded, recorded and e-mailed (the e-mail
written to the outbox in the step's transaction).

applied → approved or rejected; approved → confirmed; confirmed → delivered; and applied,
approved or confirmed → cancelled. A step is taken only when its conditions hold, checked
here on the server (the buttons of the admin only show them): a sponsor is told that
everything was delivered only once the event has started and its logo, display name and link
are in. A refused step raises before anything is written, so it changes nothing and e-mails
nobody. Delivery is the one step whose conditions can be overridden, by a holder of the
"override" permission (Wagtail's permission policy of the model), with a written reason kept
on the application and in Wagtail's audit log: a sponsor who asked for no link, say.

Approving takes one of the package's slots: the package's English row is locked
(SELECT … FOR UPDATE) while the slots held are counted, so two officers approving the last
slot at the same moment cannot both succeed. Confirming links the sponsor to its partner
record (created if missing) and to a sponsorship agreement in the archive.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.permissions import policy_registry

from cms.core.formats import format_date

from . import emails
from .archive import link_partner_and_agreement
from .models import SponsorshipApplication, SponsorshipPackage

__all__ = [
    "CONSEQUENCES",
    "MIN_REASON_LENGTH",
    "OVERRIDABLE",
    "OVERRIDE_ACTION",
    "STEP_ACTION",
    "TRANSITIONS",
    "ConditionsNotMet",
    "SoldOut",
    "Step",
    "TransitionError",
    "apply_transition",
    "can_override",
    "next_steps",
    "slots_taken",
    "unmet_conditions",
]

Status = SponsorshipApplication.Status
ASSETS_NOTICE = datetime.timedelta(days=14)
ASSETS_LEAD_TIME = datetime.timedelta(days=21)
#: The shortest reason accepted for an override: a sentence, not "ok".
MIN_REASON_LENGTH = 10
#: The steps whose conditions a holder of the override permission may set aside.
OVERRIDABLE = frozenset({"deliver"})
#: Wagtail audit-log actions (registered in wagtail_hooks.py).
STEP_ACTION = "sponsorship.step"
OVERRIDE_ACTION = "sponsorship.override"

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

#: What each step does beyond changing the status, said before it is taken ("%(email)s" is
#: the applicant's address).
CONSEQUENCES = {
    "approve": _(
        "One slot of the package is reserved for the applicant, and %(email)s is e-mailed "
        "that the application is approved."
    ),
    "reject": _("%(email)s is e-mailed that the application cannot be accepted."),
    "confirm": _(
        "A sponsorship agreement is created in the archive (with the partner record if it "
        "is missing), the logo, display name and link are asked for by a due date, and "
        "%(email)s is e-mailed that the sponsorship is confirmed."
    ),
    "deliver": _(
        "%(email)s is e-mailed that everything in the sponsorship package has been delivered."
    ),
    "cancel": _(
        "The package's slot, if one was held, is released, and %(email)s is e-mailed that "
        "the sponsorship is cancelled. An agreement already in the archive stays there."
    ),
}


class TransitionError(Exception):
    """A step that cannot be taken; its message says why, in the reader's language."""


class SoldOut(TransitionError):
    """Every slot of the package is already held."""


class ConditionsNotMet(TransitionError):
    """The step's conditions do not hold (`reasons`), and they were not overridden."""

    def __init__(self, message, reasons):
        super().__init__(message)
        self.reasons = reasons


@dataclass
class Step:
    """A step that can follow an application's status, as its page offers it."""

    action: str
    label: str
    consequence: str
    #: Why it cannot be taken now (empty when it can).
    unmet: list
    #: Whether the reader may take it despite `unmet`, with a reason.
    overridable: bool

    @property
    def danger(self):
        return self.action in {"reject", "cancel"}


def _event_reasons(application, today, *, started=False):
    event = application.event
    if event is None:
        return [_("The event of this application no longer exists.")]
    if started and event.start_date > today:
        return [
            _("The event has not started yet: it starts on %(date)s.")
            % {"date": format_date(event.start_date)}
        ]
    if not started and event.end_date < today:
        return [
            _("The event ended on %(date)s.") % {"date": format_date(event.end_date)},
        ]
    return []


def unmet_conditions(application, action, today=None):
    """Why `action` cannot be taken on `application` now, in the reader's language; empty
    when every condition holds. The status itself and the package's free slots are checked
    by `apply_transition`, under the lock."""
    today = today or timezone.localdate()
    if action in {"approve", "confirm"}:
        reasons = _event_reasons(application, today)
        if application.package_id is None:
            reasons.append(_("The package of this application no longer exists."))
        return reasons
    if action == "deliver":
        reasons = _event_reasons(application, today, started=True)
        missing = [str(label) for label in application.assets_not_in()]
        if missing:
            reasons.append(
                _("The sponsor has not delivered its %(assets)s yet.")
                % {"assets": ", ".join(missing)}
            )
        return reasons
    return []


def can_override(user):
    """Whether `user` may take a step despite its conditions (the "override" permission of
    the application's permission policy)."""
    if user is None:
        return False
    policy = policy_registry.get_by_type(SponsorshipApplication)
    return policy.user_has_permission(user, "override")


def next_steps(application, user, today=None):
    """The steps that can follow the application's status, with their conditions."""
    overrider = can_override(user)
    steps = []
    for action, (sources, _target, label) in TRANSITIONS.items():
        if application.status not in sources:
            continue
        steps.append(
            Step(
                action=action,
                label=label,
                consequence=CONSEQUENCES[action] % {"email": application.email},
                unmet=unmet_conditions(application, action, today),
                overridable=overrider and action in OVERRIDABLE,
            )
        )
    return steps


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


def _check_override(action, reasons, user, reason):
    """Raise unless the unmet `reasons` may be and are overridden by `user` with `reason`."""
    why = None
    if action not in OVERRIDABLE:
        why = _("Nothing was changed and nobody was e-mailed.")
    elif not can_override(user):
        why = _("You may not override these conditions: nothing was changed.")
    elif not reason:
        why = _("To go ahead all the same, give the reason for overriding them.")
    elif len(reason) < MIN_REASON_LENGTH:
        why = _("Say in a sentence why these conditions are overridden.")
    if why is not None:
        raise ConditionsNotMet(" ".join([*(str(r) for r in reasons), str(why)]), reasons)


def apply_transition(application_pk, action, *, user=None, override_reason=""):
    """Take one step of an application as `user`; return the application after it.

    Raises TransitionError when the step does not start from the application's status (an
    officer acting on a page that another officer changed meanwhile), ConditionsNotMet when
    its conditions do not hold and are not overridden (`override_reason` given by a user who
    may override), and SoldOut when approving would take more slots than the package has.
    A refused step writes nothing: no status, no agreement, no e-mail in the outbox.
    """
    if action not in TRANSITIONS:
        raise TransitionError(_("This step does not exist."))
    sources, target, label = TRANSITIONS[action]
    override_reason = (override_reason or "").strip()
    with transaction.atomic():
        application = (
            # Only the application's row is locked: PostgreSQL cannot lock the nullable side of
            # the outer join to its event.
            SponsorshipApplication.objects.select_for_update(of=("self",))
            .select_related("event")
            .get(pk=application_pk)
        )
        if application.status not in sources:
            raise TransitionError(
                _("This application is now “%(status)s”: refresh the page and try again.")
                % {"status": application.get_status_display()}
            )
        reasons = unmet_conditions(application, action)
        if reasons:
            _check_override(action, reasons, user, override_reason)
        if action == "approve":
            _take_slot(application)
        if action == "confirm":
            if application.agreed_amount_usd is None:
                application.agreed_amount_usd = application.price_usd
            link_partner_and_agreement(application)
            _set_due_dates(application)
        now = timezone.now()
        if reasons:
            application.override_reason = override_reason
            application.overridden_by = user
            application.overridden_at = now
        application.status = target
        application.status_changed_at = now
        application.save()
        emails.queue_step(application, target)
        log(
            application,
            STEP_ACTION,
            user=user,
            data={"action": action, "status": str(target)},
        )
        if reasons:
            log(
                application,
                OVERRIDE_ACTION,
                user=user,
                data={
                    "action": action,
                    "conditions": [str(r) for r in reasons],
                    "reason": override_reason,
                },
            )
    application.overridden_now = bool(reasons)
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
