"""Registration of interested entities, their consents, and the e-mails sent to them."""

from .deliveries import Delivery, Match
from .pages import RegistrationPage
from .subscribers import Consent, Subscriber

__all__ = ["Consent", "Delivery", "Match", "RegistrationPage", "Subscriber"]
