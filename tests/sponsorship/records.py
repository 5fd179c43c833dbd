"""Sponsorship pages and records for the tests, made directly: an index, one upcoming event
with two packages and one option, the five membership categories with discounts."""

import datetime
from decimal import Decimal

from wagtail.models import Locale

from cms.snippets.models import (
    AgreementType,
    BeneficiaryRegion,
    MembershipCategory,
    PartnerKind,
    ThematicArea,
)
from cms.sponsorship.models import (
    CategoryDiscount,
    EventPage,
    SponsorshipIndexPage,
    SponsorshipOption,
    SponsorshipPackage,
)
from tests.snippets.admin.records import term

CATEGORY_NAMES = {
    "member-state": ("Member State", "Государство-Член"),
    "sector-member": ("Sector Member", "Член Сектора"),
    "associate": ("Associate", "Ассоциированный член"),
    "academia": ("Academia", "Академическая организация"),
    "none": ("None", "Нет"),
}
# Default discounts; the gold package has its own for Sector Members.
DISCOUNTS = {"member-state": 20, "sector-member": 10, "associate": 5, "academia": 50}


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_categories():
    categories = {}
    for order, (code, (name, _ru)) in enumerate(CATEGORY_NAMES.items()):
        categories[code] = term(MembershipCategory, code, name, sort_order=order)
    return categories


def translate_categories(categories, language_code="ru"):
    locale = Locale.objects.get(language_code=language_code)
    for code, row in categories.items():
        if row.get_translation_or_none(locale) is None:
            copy = row.copy_for_translation(locale)
            copy.name = CATEGORY_NAMES[code][1]
            copy.save()


def make_archive_terms():
    """What confirming a sponsorship needs in the archive's vocabularies."""
    term(AgreementType, "sponsorship-agreement", "Sponsorship agreement")
    term(ThematicArea, "generic", "Generic")
    term(BeneficiaryRegion, "glo", "Global")
    term(PartnerKind, "company", "Private company")


def make_event(home, capacity=2, **fields):
    """A live index and an upcoming event with a gold package (`capacity` slots), a silver
    package and one à-la-carte benefit; returns the event page."""
    index = home.get_children().filter(slug="sponsorship").first()
    if index is None:
        index = SponsorshipIndexPage(title="Sponsorship", slug="sponsorship")
        home.add_child(instance=index)
        publish(index)
    index = index.specific
    next_year = datetime.date.today().year + 1
    event = EventPage(
        title=fields.pop("title", "Global Symposium for Regulators (GSR-Test)"),
        slug=fields.pop("slug", "gsr-test"),
        start_date=datetime.date(next_year, 6, 1),
        end_date=datetime.date(next_year, 6, 4),
        venue="Geneva",
        contact_email="sponsorship@itu.example",
        **fields,
    )
    event.packages = [
        SponsorshipPackage(
            name="Welcome reception",
            tier="gold",
            benefits="<ul><li>Reception naming</li><li>Logo on screens</li></ul>",
            price_usd=Decimal("50000"),
            capacity=capacity,
            deadline=datetime.date(next_year, 5, 1),
            sort_order=0,
        ),
        SponsorshipPackage(
            name="Coffee break",
            tier="silver",
            benefits="<ul><li>Logo at the coffee stands</li></ul>",
            price_usd=Decimal("15000"),
            capacity=3,
            deadline=datetime.date(next_year, 5, 1),
            sort_order=1,
        ),
    ]
    event.options = [SponsorshipOption(name="Exhibition booth", price_usd=Decimal("5000"))]
    index.add_child(instance=event)
    return publish(event)


def make_discounts(categories, event):
    for code, percent in DISCOUNTS.items():
        CategoryDiscount.objects.create(category=categories[code], percent=percent)
    gold = event.packages.get(tier="gold")
    CategoryDiscount.objects.create(
        category=categories["sector-member"], package=gold, percent=Decimal("12.5")
    )


def translate_event(event, language_code="ru"):
    """The event (and its index) in another language, with translated package names."""
    locale = Locale.objects.get(language_code=language_code)
    translated = event.copy_for_translation(locale, copy_parents=True)
    translated.title = "Глобальный симпозиум для регуляторных органов (GSR-Test)"
    for package in translated.packages.all():
        package.name = {"gold": "Приветственный прием", "silver": "Кофе-брейк"}[package.tier]
    translated.save()
    return publish(translated)


def ready_for_delivery(event, application):
    """What "delivered" needs (cms/sponsorship/workflow.py): the event has started (today)
    and the sponsor's assets are in (a logo, a display name, a link)."""
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from cms.sponsorship.models import SponsorshipApplication

    EventPage.objects.filter(pk=event.pk).update(start_date=datetime.date.today())
    SponsorshipApplication.objects.filter(pk=application.pk).update(
        display_name="Acme",
        link_url="https://acme.example",
        logo=get_image_model().objects.create(title="Acme logo", file=get_test_image_file()),
    )


def make_translated_event(home, language_code):
    """The categories, the archive's terms, the upcoming event with its discounts, and the
    event and categories translated into `language_code`: (event, translation, categories)."""
    categories = make_categories()
    translate_categories(categories, language_code)
    make_archive_terms()
    event = make_event(home)
    make_discounts(categories, event)
    return event, translate_event(event, language_code), categories
