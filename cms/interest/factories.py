"""Factory of expressions of interest, shared by the tests (and demo data, if it wants some).

`ExpressionOfInterestFactory(page=opportunity)` makes one sent from that opportunity's page,
in its language.
"""

import factory
from django.utils import timezone

from cms.core.public_forms import PRIVACY_NOTICE_VERSION

from .models import ExpressionOfInterest

__all__ = ["ExpressionOfInterestFactory"]


class ExpressionOfInterestFactory(factory.django.DjangoModelFactory):
    """An expression of interest as stored after a valid submission."""

    class Meta:
        model = ExpressionOfInterest

    page = None  # an OpportunityPage: required
    page_title = factory.LazyAttribute(lambda eoi: eoi.page.title)
    locale = factory.LazyAttribute(lambda eoi: eoi.page.locale)
    organisation = factory.Sequence(lambda n: f"Digital Futures Foundation {n}")
    contact_name = "Ngozi Okafor"
    email = factory.Sequence(lambda n: f"partner{n}@foundation.example")
    support = ExpressionOfInterest.Support.FUNDING
    message = "We fund connectivity projects in rural schools and would like to discuss this."
    consent_given_at = factory.LazyFunction(timezone.now)
    privacy_notice_version = PRIVACY_NOTICE_VERSION
