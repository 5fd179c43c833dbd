"""The name of the applications' admin (ApplicationViewSet), for the code that links into it
(the e-mail to the event's contact, the overview) without importing the admin's views, which
import the workflow, which writes the e-mails."""

__all__ = ["APPLICATIONS", "url_name"]

APPLICATIONS = "sponsorship_applications"


def url_name(view):
    """The URL name of one of the applications' admin views ("inspect", "index", ...)."""
    return f"{APPLICATIONS}:{view}"
