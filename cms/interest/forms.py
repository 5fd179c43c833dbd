"""The expression-of-interest form shown on an open opportunity's page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ExpressionOfInterest

__all__ = ["HONEYPOT_FIELD", "ExpressionOfInterestForm"]

# A field that people never see and screen readers never announce; software that fills in
# every field it finds fills this one too (see spam.py).
HONEYPOT_FIELD = "website"
MESSAGE_MAX_LENGTH = 3000


class ExpressionOfInterestForm(forms.Form):
    """What an organisation tells the opportunity's contact when it offers its support.

    Error messages say what to do, not what went wrong, and every one of them is listed in
    the error summary above the form with a link to its field.
    """

    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        error_messages={
            "required": _("Enter the name of your organisation."),
            "max_length": _("Enter the name of your organisation in 200 characters or fewer."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "organization", "dir": "auto"}),
    )
    contact_name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={
            "required": _("Enter your name."),
            "max_length": _("Enter your name in 200 characters or fewer."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send you a confirmation at this address, and the contact replies to it."),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address in the correct format, like name@example.org."),
            "max_length": _("Enter an e-mail address in 254 characters or fewer."),
        },
        # Addresses are written left to right, in Arabic pages too.
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "dir": "ltr", "spellcheck": "false"}
        ),
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
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "interest-%s")
        super().__init__(*args, **kwargs)

    @property
    def is_trapped(self):
        """Whether the hidden field was filled in: the sender is software, not a person."""
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    @property
    def visible_fields_in_order(self):
        return [self[name] for name in self.fields if name != HONEYPOT_FIELD]

    def error_summary(self):
        """The errors listed above the form, each with the id of the control to go to."""
        items = [{"target": "", "message": error} for error in self.non_field_errors()]
        for field in self.visible_fields_in_order:
            if not field.errors:
                continue
            # A group of radio buttons is reached through its first button.
            target = f"{field.auto_id}_0" if field.use_fieldset else field.auto_id
            items.extend({"target": target, "message": error} for error in field.errors)
        return items
