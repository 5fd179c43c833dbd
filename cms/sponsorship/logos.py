"""A confirmed sponsor's logo, display name and link: delivered by the sponsor through its
signed link (links.py, assets_page.py), approved or rejected by staff in the admin
(admin_logos.py), each decision e-mailed to the sponsor in its language.

An upload waits, unseen, in the "Sponsor logos awaiting approval" collection: the pages show
the application's own logo, display name and link, which only an approval sets (and which
bumps the sponsorship pages' cache tag, `data:sponsorship`). Approved, the image moves to the
public media collection; rejected, it is deleted and the sponsor may upload again. A new
upload while one waits replaces it.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from cms.core.roles import PUBLIC_MEDIA_COLLECTION, named_collection

from . import emails
from .models import LogoSubmission

__all__ = ["PENDING_COLLECTION", "DecisionError", "approve", "reject", "submit"]

PENDING_COLLECTION = "Sponsor logos awaiting approval"
Status = LogoSubmission.Status


class DecisionError(Exception):
    """A decision that cannot be taken; its message says why, in the reader's language."""


def submit(application, upload, display_name, link_url):
    """Keep a sponsor's upload waiting for approval (replacing the one waiting, if any)."""
    with transaction.atomic():
        image = get_image_model().objects.create(
            title=f"{display_name} ({application.event_title})"[:255],
            file=upload,
            collection=named_collection(PENDING_COLLECTION),
        )
        waiting = (
            LogoSubmission.objects.select_for_update()
            .filter(application=application, status=Status.PENDING)
            .first()
        )
        replaced = waiting.logo if waiting is not None else None
        submission = waiting or LogoSubmission(application=application)
        submission.logo = image
        submission.display_name = display_name
        submission.link_url = link_url
        submission.save()
        if replaced is not None:
            replaced.delete()
    return submission


def _pending(submission_pk):
    submission = (
        LogoSubmission.objects.select_for_update(of=("self",))
        .select_related("application__locale", "logo")
        .get(pk=submission_pk)
    )
    if submission.status != Status.PENDING:
        raise DecisionError(
            _("This logo is already “%(status)s”: refresh the page.")
            % {"status": submission.get_status_display()}
        )
    return submission


def _decided(submission, status, user):
    submission.status = status
    submission.decided_at = timezone.now()
    submission.decided_by = user
    submission.save()
    emails.queue_logo_decision(submission)


def approve(submission_pk, user):
    """Show the submission's logo, display name and link on the sponsorship pages."""
    with transaction.atomic():
        submission = _pending(submission_pk)
        if submission.logo is None:
            raise DecisionError(_("This submission has no logo any more: reject it."))
        image = submission.logo
        image.collection = named_collection(PUBLIC_MEDIA_COLLECTION)
        image.save(update_fields=["collection"])
        application = submission.application
        application.logo = image
        application.display_name = submission.display_name
        application.link_url = submission.link_url
        application.save(update_fields=["logo", "display_name", "link_url"])
        _decided(submission, Status.APPROVED, user)
    return submission


def reject(submission_pk, user, reason):
    """Refuse the submission, telling the sponsor why (`reason`) with a link to upload again."""
    reason = (reason or "").strip()
    if not reason:
        raise DecisionError(_("Say why the logo is rejected: the sponsor reads it."))
    with transaction.atomic():
        submission = _pending(submission_pk)
        submission.reason = reason
        image = submission.logo
        submission.logo = None
        _decided(submission, Status.REJECTED, user)
        if image is not None:
            image.delete()
    return submission
