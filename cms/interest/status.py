"""What may become of an expression of interest, and the one function that changes its status.

A status moves forward from "received" (nobody has looked at it yet), never back to it:
- received -> under review, in discussion, closed;
- under review <-> in discussion, either -> closed;
- closed -> under review or in discussion (reopened), only while its opportunity still exists
  and is not itself closed: a partner who comes back about a live opportunity is heard again,
  but there is nothing left to discuss about a deleted or closed one.
Setting the status it already has is refused, and so is a change made on a record that
someone else changed in the meantime (the staff member saw an older status).

Each change is one transaction: the new status, its line in the history (who, when) and the
e-mail to the sender in their language, written to the outbox (cms.core.outbox), which sends
it through the task queue once the transaction commits.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.core import outbox

from .emails import STATUS_CHANGED, status_email
from .models import ExpressionOfInterest, StatusChange

__all__ = ["NEXT", "StatusError", "allowed_statuses", "change_status", "reopen_refusal"]

Status = ExpressionOfInterest.Status

#: The statuses each status may move to (before the reopening condition).
NEXT = {
    Status.RECEIVED: (Status.UNDER_REVIEW, Status.IN_DISCUSSION, Status.CLOSED),
    Status.UNDER_REVIEW: (Status.IN_DISCUSSION, Status.CLOSED),
    Status.IN_DISCUSSION: (Status.UNDER_REVIEW, Status.CLOSED),
    Status.CLOSED: (Status.UNDER_REVIEW, Status.IN_DISCUSSION),
}


class StatusError(Exception):
    """A change refused, with the reason staff read (in their language)."""


def reopen_refusal(submission):
    """Why a closed expression of interest cannot be reopened, or "" when it can."""
    if submission.page_id is None:
        return _("Its opportunity has been deleted, so it cannot be reopened.")
    from cms.pages.models import OpportunityPage

    if submission.page.status == OpportunityPage.Status.CLOSED:
        return _("Its opportunity is closed, so it cannot be reopened.")
    return ""


def allowed_statuses(submission):
    """The statuses staff may set now, in order."""
    if submission.status == Status.CLOSED and reopen_refusal(submission):
        return []
    return list(NEXT.get(submission.status, ()))


def change_status(submission_id, new_status, *, user, seen_status=None):
    """Set the status of an expression of interest, record it and e-mail its sender; return
    the updated submission. `seen_status` is the status the staff member saw when choosing:
    if it changed meanwhile, nothing happens. Raises StatusError with the reason."""
    if new_status not in Status.values:
        raise StatusError(_("Choose one of the statuses offered."))
    with transaction.atomic():
        submission = (
            ExpressionOfInterest.objects.select_for_update(of=("self",))
            .select_related("page", "locale")
            .get(pk=submission_id)
        )
        label = Status(new_status).label
        if seen_status and seen_status != submission.status:
            raise StatusError(
                _("Someone changed its status meanwhile (it is now “%(status)s”): look again.")
                % {"status": submission.get_status_display()}
            )
        if new_status == submission.status:
            raise StatusError(_("Its status is already “%(status)s”.") % {"status": label})
        if new_status not in NEXT[submission.status]:
            raise StatusError(
                _("An expression of interest cannot go from “%(old)s” to “%(new)s”.")
                % {"old": submission.get_status_display(), "new": label}
            )
        if submission.status == Status.CLOSED and (reason := reopen_refusal(submission)):
            raise StatusError(reason)
        change = StatusChange.objects.create(
            expression=submission,
            previous_status=submission.status,
            status=new_status,
            changed_at=timezone.now(),
            changed_by=user if user is not None and user.is_authenticated else None,
        )
        submission.status = new_status
        submission.save(update_fields=["status"])
        outbox.write(STATUS_CHANGED, status_email(submission, change), cause=submission)
    return submission
