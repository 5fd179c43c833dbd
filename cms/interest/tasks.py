"""Background tasks (django-tasks) that send the e-mails of an expression of interest.

Two tasks rather than one, so that a failure to reach one address never holds back the
other e-mail. They take the submission's id: task arguments are stored as JSON.
"""

from django_tasks import task

from .emails import confirmation_message, contact_message
from .models import ExpressionOfInterest

__all__ = ["send_confirmation", "send_contact_notification"]


def _submission(submission_id):
    return (
        ExpressionOfInterest.objects.select_related("page", "locale")
        .filter(pk=submission_id, page__isnull=False)
        .first()
    )


@task()
def send_contact_notification(submission_id):
    """E-mail an expression of interest to the contact of its opportunity."""
    submission = _submission(submission_id)
    if submission is None:
        # Deleted (or its opportunity deleted) before the task ran: nobody to write to.
        return False
    contact_message(submission).send()
    return True


@task()
def send_confirmation(submission_id):
    """E-mail the sender of an expression of interest a confirmation of receipt."""
    submission = _submission(submission_id)
    if submission is None:
        return False
    confirmation_message(submission).send()
    return True
