"""The long select boxes (cms/core/widgets.py) write the same markup as Django's templates:
the same options, values, labels, selected ones, groups and attributes, escaped alike."""

import pytest
from bs4 import BeautifulSoup
from django import forms

from cms.core.widgets import LongSelect, LongSelectMultiple

CHOICES = [
    ("", "---------"),
    ("SN", "Sénégal"),
    ('x"<y>', "Tom & Jerry <b>bold</b>"),
    ("Oceania", [("FJ", "Fidji"), ("TO", "Tonga")]),
    ("EG", "مصر"),
]


def _dom(html):
    """The elements, their attributes and text, in order."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        (tag.name, sorted(tag.attrs.items()), tag.get_text() if tag.name == "option" else "")
        for tag in soup.find_all(True)
    ]


@pytest.mark.parametrize(
    "django_widget, long_widget, value",
    [
        (forms.Select, LongSelect, "FJ"),
        (forms.Select, LongSelect, None),
        (forms.SelectMultiple, LongSelectMultiple, ["SN", 'x"<y>', "TO"]),
        (forms.SelectMultiple, LongSelectMultiple, []),
    ],
)
def test_the_same_markup_as_django_s_templates(django_widget, long_widget, value):
    attrs = {"id": "id_country", "size": 8, "aria-describedby": "help", "required": True}
    expected = django_widget(choices=CHOICES).render("country", value, attrs=attrs)
    written = long_widget(choices=CHOICES).render("country", value, attrs=attrs)
    assert _dom(written) == _dom(expected)
    assert "<b>" not in written and "&lt;b&gt;bold&lt;/b&gt;" in written


def test_in_a_form_field_with_the_countries(db):
    from cms.snippets.factories import CountryFactory
    from cms.snippets.models import Country

    for code in ("SN", "EG", "FJ"):
        CountryFactory(code=code)
    field = forms.ModelMultipleChoiceField(
        queryset=Country.objects.all(), widget=LongSelectMultiple(attrs={"size": 8})
    )

    class Form(forms.Form):
        countries = field

    expected_field = forms.ModelMultipleChoiceField(
        queryset=Country.objects.all(), widget=forms.SelectMultiple(attrs={"size": 8})
    )

    class Expected(forms.Form):
        countries = expected_field

    chosen = [str(pk) for pk in Country.objects.values_list("pk", flat=True)[:2]]
    assert len(chosen) == 2
    written = str(Form(data={"countries": chosen})["countries"])
    expected = str(Expected(data={"countries": chosen})["countries"])
    assert _dom(written) == _dom(expected)
    assert len(BeautifulSoup(written, "html.parser").select("option[selected]")) == len(chosen)
