"""The translation status matrix on the demo content: computed from scratch, it agrees with
what is in the database, language by language."""

from django.urls import reverse
from wagtail.models import Locale, Page

from cms.localization.models import TranslationCell, TranslationStatus
from cms.pages.models import OpportunityPage
from cms.snippets.models import Partner, ThematicArea
from tests.snippets.admin.records import make_user


def cells_of(instance):
    status = TranslationStatus.objects.get(translation_key=instance.translation_key)
    return {cell.locale.language_code: cell for cell in status.cells.select_related("locale")}


def test_every_page_and_translatable_snippet_has_a_row(demo_data):
    pages = Page.objects.filter(depth__gt=1, locale__language_code="en").count()
    assert TranslationStatus.objects.filter(is_page=True).count() == pages
    assert (
        TranslationStatus.objects.filter(content_type__model="partner").count()
        == Partner.objects.filter(locale__language_code="en").count()
    )
    assert TranslationCell.objects.count() == TranslationStatus.objects.count() * 6


def test_demo_opportunities_are_up_to_date_in_six_languages(demo_data):
    for page in OpportunityPage.objects.filter(locale__language_code="en"):
        states = {code: cell.state for code, cell in cells_of(page).items()}
        assert states == {
            "en": "source",
            "fr": "up_to_date",
            "es": "up_to_date",
            "ru": "up_to_date",
            "ar": "up_to_date",
            "zh-hans": "up_to_date",
        }, page.title


def test_each_cell_agrees_with_the_database(demo_data):
    """Missing exactly where the language has no row of the object; never outdated or in
    progress on a freshly loaded demo."""
    locales = {locale.pk: locale.language_code for locale in Locale.objects.all()}
    for status in TranslationStatus.objects.prefetch_related("cells"):
        model = Page if status.is_page else status.content_type.model_class()
        present = {
            locales[locale_id]
            for locale_id in model.objects.filter(
                translation_key=status.translation_key
            ).values_list("locale_id", flat=True)
        }
        for cell in status.cells.all():
            code = locales[cell.locale_id]
            if cell.state == TranslationCell.MISSING:
                assert code not in present, (status.title, code)
            else:
                assert code in present, (status.title, code)
                assert cell.state in ("source", "up_to_date"), (status.title, code, cell.state)


def test_the_matrix_page_counts_the_demo(demo_data, client):
    client.force_login(make_user("matrix-reader", is_superuser=True, is_staff=True))
    response = client.get(reverse("translation_matrix"), {"language": "ar", "state": "missing"})
    assert response.status_code == 200
    missing_in_arabic = TranslationCell.objects.filter(
        locale__language_code="ar", state="missing"
    ).count()
    assert response.context["total"] == missing_in_arabic
    area = ThematicArea.objects.filter(locale__language_code="en").first()
    assert cells_of(area)["ar"].state == "up_to_date"
