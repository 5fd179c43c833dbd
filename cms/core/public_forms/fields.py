"""What the public forms' Django forms share: the honeypot, the error summary, the fields that
say who writes (organisation, name, e-mail address), and the consent record.

The shared fields are made by functions, so that each form gets its own copy and may change
a help text without changing the others'.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = [
    "HONEYPOT_FIELD",
    "PRIVACY_NOTICE_VERSION",
    "ErrorSummaryMixin",
    "PublicFormMixin",
    "consent_given",
    "contact_name_field",
    "email_field",
    "organisation_field",
]

#: The version of the site's privacy notice, of which each form shows its part beside the
#: consent box (interest/privacy_notice.html, alerts/_privacy_notice.html,
#: sponsorship/privacy_notice.html). Change it whenever one of them changes: every consent
#: records the version its giver agreed to.
PRIVACY_NOTICE_VERSION = "2026-11"

#: A field that people never see and screen readers never announce; software that fills in
#: every field it finds fills this one too.
HONEYPOT_FIELD = "website"


class ErrorSummaryMixin:
    """Mixed into a Django form of the site: the errors listed above the form."""

    @property
    def visible_fields_in_order(self):
        return [self[name] for name in self.fields if name != HONEYPOT_FIELD]

    def error_summary(self):
        """The errors listed above the form, each with the id of the control to go to."""
        items = [{"target": "", "message": error} for error in self.non_field_errors()]
        for field in self.visible_fields_in_order:
            if not field.errors:
                continue
            # A group of radio buttons or checkboxes is reached through its first control.
            target = f"{field.auto_id}_0" if field.use_fieldset else field.auto_id
            items.extend({"target": target, "message": error} for error in field.errors)
        return items


class PublicFormMixin(ErrorSummaryMixin):
    """Mixed into a public Django form, before `forms.Form` or `forms.ModelForm`: adds the
    honeypot field, last."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def is_trapped(self):
        """Whether the hidden field was filled in: the sender is software, not a person."""
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())


def organisation_field():
    """The name of the organisation a visitor writes for."""
    return forms.CharField(
        label=_("Organisation"),
        max_length=200,
        error_messages={
            "required": _("Enter the name of your organisation."),
            "max_length": _("Enter the name of your organisation in 200 characters or fewer."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "organization", "dir": "auto"}),
    )


def contact_name_field():
    """The visitor's own name."""
    return forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={
            "required": _("Enter your name."),
            "max_length": _("Enter your name in 200 characters or fewer."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )


def email_field(help_text):
    """The address the site writes to; `help_text` says what it will write."""
    return forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=help_text,
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


def consent_given():
    """The fields of a stored submission that record its sender's consent: when, and to
    which version of the privacy notice."""
    return {"consent_given_at": timezone.now(), "privacy_notice_version": PRIVACY_NOTICE_VERSION}
