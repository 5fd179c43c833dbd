"""The upload form of the admin's import page."""

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from cms.core.uploads import check_upload

from .models import ImportRun
from .permissions import can_import
from .reader import FORMATS, limits

__all__ = ["ImportForm"]

ENCODINGS = [
    ("", _("Detect (UTF-8, else Windows-1252)")),
    ("utf-8", "UTF-8"),
    ("windows-1252", "Windows-1252"),
    ("iso-8859-1", "ISO-8859-1 (Latin-1)"),
]


class ImportForm(forms.Form):
    """A file, what it holds, and how to read it; the kinds offered follow the user's rights."""

    kind = forms.ChoiceField(label=_("The file holds"), choices=ImportRun.Kind.choices)
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        validators=[FileExtensionValidator(FORMATS)],
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    encoding = forms.ChoiceField(
        label=_("Encoding of a CSV file"), choices=ENCODINGS, required=False
    )
    create_partners = forms.BooleanField(
        label=_("Create the partners that do not exist yet"),
        required=False,
        help_text=_("Otherwise an unknown partner is an error."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["kind"].choices = [
            (value, label) for value, label in ImportRun.Kind.choices if can_import(user, value)
        ]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        max_bytes, _rows, _unzipped = limits()
        if upload.size > max_bytes:
            raise forms.ValidationError(
                _("The file is too big: %(size)s bytes, the limit is %(limit)s bytes."),
                params={"size": upload.size, "limit": max_bytes},
            )
        # A .xlsx must be a workbook and a .csv text (cms/core/uploads.py).
        return check_upload(upload)

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind and not can_import(self.user, kind, cleaned.get("create_partners")):
            self.add_error(
                "create_partners", _("You may not create partners: ask a partnership officer.")
            )
        return cleaned
