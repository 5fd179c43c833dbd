"""Background tasks (django-tasks) that send the e-mails of sponsorship applications.

They take ids and a status (task arguments are stored as JSON) and write the e-mail of the
step that was taken, even if the application moved on before the task ran.
"""

from django_tasks import task

from .emails import contact_message, status_message
from .models import SponsorshipApplication

__all__ = ["send_contact_notification", "send_status_email"]


def _application(application_pk):
    return (
        SponsorshipApplication.objects.select_related("event", "package", "locale")
        .filter(pk=application_pk)
        .first()
    )


@task()
def send_status_email(application_pk, status):
    """E-mail the applicant that their application reached `status`, in their language."""
    application = _application(application_pk)
    if application is None:
        return False
    status_message(application, status).send()
    return True


@task()
def send_contact_notification(application_pk):
    """E-mail a new application to the sponsorship contact of its event."""
    application = _application(application_pk)
    if application is None or application.event is None:
        return False
    contact_message(application).send()
    return True
