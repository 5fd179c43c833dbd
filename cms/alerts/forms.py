"""The registration form and the subscriber's preferences form."""

import re

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import Country as CountryCode

from cms.core import languages
from cms.core.page_cache import cached_value
from cms.core.public_forms import (
    ErrorSummaryMixin,
    PublicFormMixin,
    contact_name_field,
    email_field,
    organisation_field,
)
from cms.core.widgets import LongSelect, LongSelectMultiple
from cms.pages.models import OpportunityPage
from cms.snippets.models import BeneficiaryRegion, Country, PartnerKind, ThematicArea
from cms.snippets.terms import VOCABULARIES_TAG, load_terms
from search.analysis import analyze

from .models import Subscriber

__all__ = ["MAX_KEYWORD_CHARS", "MAX_KEYWORDS", "PreferencesForm", "RegistrationForm"]

MAX_KEYWORDS = 10
MAX_KEYWORD_CHARS = 60
# Keywords are separated by commas (Latin, Arabic, Chinese), the Chinese enumeration comma
# or new lines; a keyword may be several words (a phrase: all of its words must be found).
KEYWORD_SEPARATORS = re.compile(r"[,\u060c\uff0c\u3001\n]+")


def _country_rows():
    return tuple(Country.objects.order_by().values_list("pk", "code"))


def country_choices():
    """(pk, name) of every country of the Country snippet, named and sorted in the active
    language (the snippet's rows from the shared cache, renewed when a country changes)."""
    rows = cached_value("alerts:countries", [VOCABULARIES_TAG], _country_rows, in_process=True)
    choices = [(pk, CountryCode(code=code).name) for pk, code in rows]
    return sorted(choices, key=lambda choice: str(choice[1]).casefold())


def split_keywords(text):
    """The keywords of what a subscriber typed, trimmed, without repeats, in their order."""
    keywords = [" ".join(part.split()) for part in KEYWORD_SEPARATORS.split(text or "")]
    return list(dict.fromkeys(keyword for keyword in keywords if keyword))


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
    countries = forms.ModelMultipleChoiceField(
        label=_("Beneficiary countries"),
        queryset=Country.objects.all(),
        required=False,
        help_text=_("Choose none to hear of every country. Hold Ctrl (or Cmd) to choose several."),
        widget=LongSelectMultiple(attrs={"size": 8}),
    )
    keywords = forms.CharField(
        label=_("Keywords"),
        required=False,
        help_text=_(
            "Words or phrases, separated by commas, in the language of your e-mails: an "
            "opportunity matches when one of them is in its text (other forms of a word count, "
            "such as plurals). Leave empty to hear of every opportunity that meets your other "
            "choices."
        ),
        widget=forms.TextInput(attrs={"dir": "auto"}),
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
        fields = [
            "language",
            "areas",
            "regions",
            "countries",
            "opportunity_kinds",
            "keywords",
            "frequency",
        ]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "alerts-%s")
        super().__init__(*args, **kwargs)
        for name, model in (("areas", ThematicArea), ("regions", BeneficiaryRegion)):
            self.fields[name].label_from_instance = load_terms(model, _language()).name_of
        # Each language in its own name, as in the language switcher.
        self.fields["language"].choices = [
            (code, capfirst(get_language_info(code)["name_local"])) for code in languages.codes()
        ]
        # Countries by their UN name in the visitor's language, in that order; the table is
        # read from the shared cache, so that showing the form costs no query for them.
        self.fields["countries"].choices = country_choices()
        if self.instance.pk and not self.is_bound:
            self.initial["keywords"] = ", ".join(self.instance.keywords)

    def clean_keywords(self):
        keywords = split_keywords(self.cleaned_data.get("keywords"))
        if len(keywords) > MAX_KEYWORDS:
            raise forms.ValidationError(
                _("Give at most %(limit)d keywords; you gave %(count)d.")
                % {"limit": MAX_KEYWORDS, "count": len(keywords)}
            )
        for keyword in keywords:
            if len(keyword) > MAX_KEYWORD_CHARS:
                raise forms.ValidationError(
                    _("Shorten “%(keyword)s” to %(limit)d characters or fewer.")
                    % {"keyword": keyword[:20] + "…", "limit": MAX_KEYWORD_CHARS}
                )
        return keywords

    def clean(self):
        cleaned = super().clean()
        # Read in the language of the e-mails, as they will be matched (matching.py).
        language = cleaned.get("language") or _language()
        for keyword in cleaned.get("keywords") or []:
            if not analyze(keyword, language):
                self.add_error(
                    "keywords",
                    _("“%(keyword)s” has no letter or digit to look for: remove it.")
                    % {"keyword": keyword},
                )
                break
        return cleaned


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
        widget=LongSelect,
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

    field_order = [*Meta.fields, "consent", "website"]

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
