"""The registration form and the subscriber's preferences form."""

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cms.core import languages
from cms.core.public_forms import (
    ErrorSummaryMixin,
    PublicFormMixin,
    contact_name_field,
    email_field,
    organisation_field,
)
from cms.pages.models import OpportunityPage
from cms.snippets.models import BeneficiaryRegion, PartnerKind, ThematicArea
from cms.snippets.terms import load_terms

from .models import Subscriber

__all__ = ["PreferencesForm", "RegistrationForm"]


def _language():
    """The language the form is shown in: the terms are named in it."""
    return languages.active()


class PreferencesForm(ErrorSummaryMixin, forms.ModelForm):
    """What a subscriber chooses: language, criteria and frequency. A criterion left empty
    means everything for it."""

    language = forms.ChoiceField(
        label=_("Language of the e-mails"),
        choices=settings.LANGUAGES,
        error_messages={"required": _("Choose the language of your e-mails.")},
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Thematic areas"),
        queryset=ThematicArea.objects.in_source_locale(),
        required=False,
        help_text=_("Tick none to hear of every thematic area."),
        widget=forms.CheckboxSelectMultiple,
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions"),
        queryset=BeneficiaryRegion.objects.in_source_locale(),
        required=False,
        help_text=_("Tick none to hear of every region."),
        widget=forms.CheckboxSelectMultiple,
    )
    opportunity_kinds = forms.MultipleChoiceField(
        label=_("Kinds of opportunity"),
        choices=OpportunityPage.Kind.choices,
        required=False,
        help_text=_("Tick none to hear of every kind."),
        widget=forms.CheckboxSelectMultiple,
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Subscriber.Frequency.choices,
        initial=Subscriber.Frequency.IMMEDIATE,
        error_messages={"required": _("Choose how often you want to hear from us.")},
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Subscriber
        fields = ["language", "areas", "regions", "opportunity_kinds", "frequency"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "alerts-%s")
        super().__init__(*args, **kwargs)
        for name, model in (("areas", ThematicArea), ("regions", BeneficiaryRegion)):
            self.fields[name].label_from_instance = load_terms(model, _language()).name_of
        # Each language in its own name, as in the language switcher.
        self.fields["language"].choices = [
            (code, capfirst(get_language_info(code)["name_local"])) for code in languages.codes()
        ]


class RegistrationForm(PublicFormMixin, PreferencesForm):
    """Everything an organisation gives when it registers, with its consent."""

    organisation = organisation_field()
    kind = forms.ModelChoiceField(
        label=_("Kind of organisation"),
        queryset=PartnerKind.objects.in_source_locale(),
        error_messages={
            "required": _("Choose the kind of your organisation."),
            "invalid_choice": _("Choose the kind of your organisation."),
        },
    )
    country = forms.ChoiceField(
        label=_("Country"),
        error_messages={
            "required": _("Choose your organisation's country."),
            "invalid_choice": _("Choose your organisation's country."),
        },
    )
    contact_name = contact_name_field()
    email = email_field(_("We send a link to this address: nothing else is sent until you use it."))
    consent = forms.BooleanField(
        label=_(
            "I agree that my details are stored to send me the e-mails I choose, as described "
            "in the privacy notice."
        ),
        error_messages={
            "required": _(
                "Tick the box to agree to the privacy notice, so that we can write to you."
            )
        },
    )

    class Meta(PreferencesForm.Meta):
        fields = [
            "organisation",
            "kind",
            "country",
            "contact_name",
            "email",
            *PreferencesForm.Meta.fields,
        ]

    field_order = [
        "organisation",
        "kind",
        "country",
        "contact_name",
        "email",
        "language",
        "areas",
        "regions",
        "opportunity_kinds",
        "frequency",
        "consent",
        "website",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].label_from_instance = load_terms(PartnerKind, _language()).name_of
        self.fields["kind"].empty_label = ""
        self.fields["country"].choices = [("", ""), *countries]

    def clean_email(self):
        # One subscription per address, whatever its case (see the unique constraint).
        return self.cleaned_data["email"].strip()

    def _get_validation_exclusions(self):
        # An address already registered is not an error on screen: it gets an e-mail instead
        # (registration.py), so that nobody learns who is registered. Skipping "email" here
        # leaves its unique constraint to the database.
        exclusions = super()._get_validation_exclusions()
        exclusions.add("email")
        return exclusions
