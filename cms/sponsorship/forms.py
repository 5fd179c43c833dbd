"""The application form of an event page: who applies, for which package, at which price.

The price is never a field: it is worked out on the server from the package, the benefits
chosen and the category (pricing.py). The package and the benefits can only be those the page
offers, still open for applications.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.core.public_forms import (
    PublicFormMixin,
    contact_name_field,
    email_field,
    organisation_field,
)

__all__ = ["SponsorshipApplicationForm"]

MESSAGE_MAX_LENGTH = 3000


class SponsorshipApplicationForm(PublicFormMixin, forms.Form):
    """An application for one package of an event, with à-la-carte benefits."""

    package = forms.TypedChoiceField(
        label=_("Package"),
        coerce=int,
        error_messages={
            "required": _("Choose a package."),
            "invalid_choice": _("Choose one of the packages still open on this page."),
        },
        widget=forms.RadioSelect,
    )
    options = forms.TypedMultipleChoiceField(
        label=_("À-la-carte benefits"),
        coerce=int,
        required=False,
        error_messages={"invalid_choice": _("Choose only benefits offered on this page.")},
        widget=forms.CheckboxSelectMultiple,
    )
    organisation = organisation_field()
    category = forms.TypedChoiceField(
        label=_("ITU membership category of your organisation"),
        coerce=int,
        help_text=_("Members get a discount; we check the category before approving."),
        error_messages={
            "required": _("Choose the ITU membership category of your organisation."),
            "invalid_choice": _("Choose the ITU membership category of your organisation."),
        },
    )
    contact_name = contact_name_field()
    email = email_field(_("We write to you at this address at every step of your application."))
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("Optional: what you would like to show or say at the event."),
        error_messages={
            "max_length": _("Shorten your message to %(limit_value)d characters or fewer.")
        },
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my details are stored and used to handle this sponsorship "
            "application, as described in the privacy notice."
        ),
        error_messages={
            "required": _(
                "Tick the box to agree to the privacy notice, so that we can handle your "
                "application."
            )
        },
    )

    def __init__(self, *args, packages, options, categories, **kwargs):
        kwargs.setdefault("auto_id", "sponsor-%s")
        super().__init__(*args, **kwargs)
        self.fields["package"].choices = [(p.pk, p.name) for p in packages]
        self.fields["options"].choices = [(o.pk, o.name) for o in options]
        self.fields["category"].choices = [("", _("Choose…"))] + [
            (row.pk, name) for row, name in categories
        ]
        if not options:
            del self.fields["options"]
