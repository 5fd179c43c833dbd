"""The expression-of-interest form shown on an open opportunity's page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.core.public_forms import (
    PublicFormMixin,
    contact_name_field,
    email_field,
    organisation_field,
)

from .models import ExpressionOfInterest

__all__ = ["ExpressionOfInterestForm"]

MESSAGE_MAX_LENGTH = 3000


class ExpressionOfInterestForm(PublicFormMixin, forms.Form):
    """What an organisation tells the opportunity's contact when it offers its support.

    Error messages say what to do, not what went wrong, and every one of them is listed in
    the error summary above the form with a link to its field.
    """

    organisation = organisation_field()
    contact_name = contact_name_field()
    email = email_field(
        _("We send you a confirmation at this address, and the contact replies to it.")
    )
    support = forms.ChoiceField(
        label=_("Kind of support you could offer"),
        choices=ExpressionOfInterest.Support.choices,
        error_messages={
            "required": _("Choose the kind of support you could offer."),
            "invalid_choice": _("Choose the kind of support you could offer."),
        },
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("What your organisation could offer, and any question you have."),
        error_messages={
            "required": _("Enter a message for the contact of this opportunity."),
            "max_length": _("Shorten your message to %(limit_value)d characters or fewer."),
        },
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my details are stored and passed on to the contact of this "
            "opportunity, as described in the privacy notice."
        ),
        error_messages={
            "required": _(
                "Tick the box to agree to the privacy notice, so that we can pass on your message."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "interest-%s")
        super().__init__(*args, **kwargs)
