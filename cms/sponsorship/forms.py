"""The application form of an event page: who applies, for which package, at which price.

The price is never a field: it is worked out on the server from the package, the benefits
chosen and the category (pricing.py). The package and the benefits can only be those the page
offers, still open for applications.
"""

from urllib.parse import urlsplit

from django import forms
from django.core.files.images import get_image_dimensions
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField

from cms.core.formats import format_number
from cms.core.public_forms import (
    ErrorSummaryMixin,
    PublicFormMixin,
    contact_name_field,
    email_field,
    organisation_field,
)
from cms.core.uploads import check_upload

__all__ = ["SponsorAssetsForm", "SponsorshipApplicationForm"]

MESSAGE_MAX_LENGTH = 3000
#: A logo's limits: its file, and its width and height in pixels.
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MIN_SIDE = 60
LOGO_MAX_SIDE = 4000


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

    #: The fields that set the price ("Calculate" checks only these).
    PRICE_FIELDS = ("package", "options", "category")

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


class LogoField(WagtailImageField):
    """Wagtail's image field (extension, format sniffed by the image library, file size,
    pixel count), which also refuses with a message, rather than a server error, a file whose
    first bytes name an image format that the rest of it is not."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except (OSError, SyntaxError, ValueError) as error:  # PIL.UnidentifiedImageError
            raise forms.ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class SponsorAssetsForm(ErrorSummaryMixin, forms.Form):
    """What a confirmed sponsor sends through its signed link: its logo (an image checked
    like every upload: its content must be the format its extension names, within size and
    pixel limits), the name to display and the link (a web address, http or https)."""

    logo = LogoField(
        label=_("Logo"),
        help_text=_(
            "PNG, JPEG, GIF or WebP, at most 2 MB, between 60 and 4000 pixels wide and high; "
            "on a transparent or white background."
        ),
        error_messages={"required": _("Choose the file of your logo.")},
    )
    display_name = forms.CharField(
        label=_("Name to display"),
        max_length=200,
        help_text=_("As it should read under your logo and for screen readers."),
        error_messages={
            "required": _("Enter the name to display."),
            "max_length": _("Shorten the name to %(limit_value)d characters or fewer."),
        },
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "organization"}),
    )
    link_url = forms.URLField(
        label=_("Link"),
        max_length=200,
        assume_scheme="https",
        help_text=_("The web page your logo leads to, starting with https:// or http://."),
        error_messages={
            "required": _("Enter the address of the web page your logo leads to."),
            "invalid": _("Enter a web address, such as https://www.example.org/."),
        },
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "assets-%s")
        super().__init__(*args, **kwargs)

    def clean_logo(self):
        upload = self.cleaned_data["logo"]
        check_upload(upload, max_bytes=LOGO_MAX_BYTES)
        width, height = get_image_dimensions(upload)
        upload.seek(0)
        if not width or not height:
            raise forms.ValidationError(
                _("This file cannot be read as an image. Save it again as PNG or JPEG.")
            )
        if max(width, height) > LOGO_MAX_SIDE or min(width, height) < LOGO_MIN_SIDE:
            raise forms.ValidationError(
                _(
                    "This logo is %(width)s × %(height)s pixels: each side must be between "
                    "%(least)s and %(most)s pixels."
                ),
                params={
                    "width": format_number(width),
                    "height": format_number(height),
                    "least": format_number(LOGO_MIN_SIDE),
                    "most": format_number(LOGO_MAX_SIDE),
                },
            )
        return upload

    def clean_link_url(self):
        value = self.cleaned_data["link_url"]
        if urlsplit(value).scheme not in {"http", "https"}:
            raise forms.ValidationError(
                _("Enter a web address starting with https:// or http://."), code="scheme"
            )
        return value
