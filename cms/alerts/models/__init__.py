"""Registration of interested entities, their consents, and the e-mails sent to them."""

from .matches import Match, Reminder
from .pages import RegistrationPage
from .subscribers import Consent, Subscriber

__all__ = ["Consent", "Match", "RegistrationPage", "Reminder", "Subscriber"]
