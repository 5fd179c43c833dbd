"""The demo's sponsorship content (owned by the sponsorship app; called by load_demo_data).

The sponsorship index and the three events of the source (GSR-17, WTDC-17 and the 25th
anniversary of ITU-D), whose packages are those of the archive's 14 sponsorship agreements;
each sponsor is a delivered application linked to its existing partner and agreement (no new
agreement: the archive's figures stay as they are). One upcoming event, GSR-27, plainly a
demo, has open packages and no sponsor, for trying the application flow. Every page is
translated into the five other languages through wagtail-localize (its text is in
cms/sponsorship/demo_text.py).
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.core.roles import PUBLIC_MEDIA_COLLECTION
from cms.snippets.models import Agreement, MembershipCategory
from cms.sponsorship.demo_text import translated
from cms.sponsorship.models import (
    CategoryDiscount,
    EventPage,
    SponsorshipApplication,
    SponsorshipIndexPage,
    SponsorshipOption,
    SponsorshipPackage,
)

from .facts import read_json
from .localize import translate_into
from .logos import logo_png

INDEX_TITLE = "Sponsorship"
INDEX_INTRO = (
    "Raise your visibility, promote your brand and show your products at the Bureau's "
    "events; ITU members get a discount."
)
AUDIENCE = "Regulators, policy makers and industry leaders from around the world."
BENEFITS = ["Logo on screens and in the programme", "Naming of the activity", "Speaking slot"]
# How many of BENEFITS each tier gets, so that the packages' comparison tells them apart.
BENEFITS_BY_TIER = {"platinum": 3, "gold": 2, "silver": 1, "bronze": 1, "supporter": 1}
# Event slug -> (first day, last day, venue); the names of the source's events are those
# of key_agreements.json.
EVENTS = {
    "gsr-17": ("2017-05-11", "2017-05-14", "Nassau, Bahamas"),
    "wtdc-17": ("2017-10-09", "2017-10-20", "Buenos Aires, Argentina"),
    "itu-d-25": ("2017-10-09", "2017-10-20", "Buenos Aires, Argentina"),
    "gsr-27": ("2027-06-07", "2027-06-10", "Geneva, Switzerland"),
}
DEMO_EVENT_NAME = "Global Symposium for Regulators 2027 (GSR-27), demo event"
DEMO_PACKAGES = [
    ("Welcome reception", "platinum", "60000", 1),
    ("Side event", "gold", "25000", 3),
    ("Coffee break", "silver", "12000", 4),
]
DEMO_OPTIONS = [("Exhibition booth", "5000"), ("Logo on lanyards", "3000")]
DEFAULT_DISCOUNTS = {"member-state": 15, "sector-member": 10, "associate": 5, "academia": 50}
TIER_BY_RANK = ["platinum", "gold", "silver", "bronze", "supporter"]


def _benefits(tier):
    return BENEFITS[: BENEFITS_BY_TIER[tier]]


def _html_list(items, language):
    return "<ul>" + "".join(f"<li>{translated(item, language)}</li>" for item in items) + "</ul>"


def _package_specs(slug, sponsorships):
    """(name, tier, price, capacity) of an event's packages: for the source's events, one
    per package of its sponsorship agreements, priced at the highest amount paid for it."""
    if slug == "gsr-27":
        return DEMO_PACKAGES
    by_name = defaultdict(list)
    for row in sponsorships:
        by_name[row["package"][:1].upper() + row["package"][1:]].append(Decimal(row["amount_usd"]))
    ranked = sorted(by_name.items(), key=lambda item: -max(item[1]))
    return [
        (name, TIER_BY_RANK[min(rank, 4)], str(max(amounts)), len(amounts))
        for rank, (name, amounts) in enumerate(ranked)
    ]


def _new_event(index, slug, name, sponsorships):
    start, end, venue = (EVENTS[slug][0], EVENTS[slug][1], EVENTS[slug][2])
    start, end = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
    event = EventPage(
        title=name,
        slug=slug,
        start_date=start,
        end_date=end,
        venue=venue,
        audience=AUDIENCE,
        contact_email="sponsorship@itu.example",
    )
    event.packages = [
        SponsorshipPackage(
            name=package,
            tier=tier,
            benefits=_html_list(_benefits(tier), "en"),
            price_usd=Decimal(price),
            capacity=capacity,
            deadline=start - datetime.timedelta(days=30),
            sort_order=order,
        )
        for order, (package, tier, price, capacity) in enumerate(_package_specs(slug, sponsorships))
    ]
    if slug == "gsr-27":
        event.options = [
            SponsorshipOption(name=option, price_usd=Decimal(price), sort_order=order)
            for order, (option, price) in enumerate(DEMO_OPTIONS)
        ]
    index.add_child(instance=event)
    event.save_revision().publish()
    return event


def _event_values(event, language):
    """The translated fields of an event, its packages and options in `language`."""
    values = {
        "title": translated(event.title, language),
        "venue": translated(event.venue, language),
        "audience": translated(event.audience, language),
    }
    values["packages"] = [
        SponsorshipPackage(
            translation_key=p.translation_key,
            name=translated(p.name, language),
            benefits=_html_list(_benefits(p.tier), language),
            tier=p.tier,
            price_usd=p.price_usd,
            capacity=p.capacity,
            deadline=p.deadline,
            sort_order=p.sort_order,
        )
        for p in event.packages.all()
    ]
    values["options"] = [
        SponsorshipOption(
            translation_key=o.translation_key,
            name=translated(o.name, language),
            price_usd=o.price_usd,
            sort_order=o.sort_order,
        )
        for o in event.options.all()
    ]
    return values


def _is_current(page, values):
    for name, value in values.items():
        if name in {"packages", "options"}:
            if [row.name for row in getattr(page, name).all()] != [row.name for row in value]:
                return False
        elif getattr(page, name) != value:
            return False
    return page.live and not page.has_unpublished_changes


def _translate(page, targets, values_of):
    """Translate `page` into each locale whose translation is missing or differs."""
    wanted = {}
    for locale in targets:
        values = values_of(locale.language_code)
        current = page.get_translation_or_none(locale)
        if current is None or not _is_current(current.specific, values):
            wanted[locale] = values
    if wanted:
        # A fresh copy: the translation copies the page and sets its child rows, which must
        # not touch this one's.
        translate_into(type(page).objects.get(pk=page.pk), wanted)
    return len(wanted)


def load_sponsorship(home, targets, sections, vocabularies, partners):
    """Write the demo's sponsorship pages and records; safe to run again.

    Returns (number of pages or records written, one line for the command's summary).
    """
    keys = read_json("key_agreements.json")
    written = 0
    index = home.get_children().filter(slug="sponsorship").first()
    if index is None:
        index = SponsorshipIndexPage(
            title=INDEX_TITLE, slug="sponsorship", introduction=INDEX_INTRO, show_in_menus=True
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        written += 1
    index = index.specific
    written += _translate(
        index,
        targets,
        lambda language: {
            "title": translated(INDEX_TITLE, language),
            "introduction": translated(INDEX_INTRO, language),
        },
    )

    by_event = defaultdict(list)
    for row in keys["sponsorships"]:
        by_event[row["event"]].append(row)
    for slug in EVENTS:
        name = keys["events"][slug]["name"] if slug in keys["events"] else DEMO_EVENT_NAME
        event = index.get_children().filter(slug=slug).first()
        if event is None:
            event = _new_event(index, slug, name, by_event[slug])
            written += 1
        event = event.specific
        written += _translate(event, targets, lambda language, e=event: _event_values(e, language))
        written += _sponsors(event, slug, by_event[slug], partners)

    categories = {c.code: c for c in MembershipCategory.objects.in_source_locale()}
    for code, percent in DEFAULT_DISCOUNTS.items():
        if code in categories:
            _row, created = CategoryDiscount.objects.get_or_create(
                category=categories[code], package=None, defaults={"percent": percent}
            )
            written += created
    count = SponsorshipApplication.objects.filter(
        status__in=SponsorshipApplication.SPONSORING
    ).count()
    return written, f"Sponsorship: {len(EVENTS)} events, {count} confirmed sponsorships"


def _sponsors(event, slug, rows, partners):
    """The event's sponsors as delivered applications linked to the archive's agreements."""
    written = 0
    packages = {p.name.lower(): p for p in event.packages.all()}
    agreements = {
        link.partner.name: link.agreement
        for agreement in Agreement.objects.filter(
            agreement_type__code="sponsorship-agreement", tags__name=slug
        ).prefetch_related("partner_links__partner")
        for link in agreement.partner_links.all()
    }
    for row in rows:
        partner = partners[row["partner"]]
        agreement = agreements[row["partner"]]
        if SponsorshipApplication.objects.filter(agreement=agreement).exists():
            continue
        package = packages[row["package"].lower()]
        amount = agreement.amount_usd
        SponsorshipApplication.objects.create(
            event=event,
            package=package,
            event_title=event.title,
            package_name=package.name,
            locale=event.locale,
            organisation=partner.name,
            membership_category=partner.membership_category,
            contact_name="Sponsorship team",
            email="sponsorship@example.org",
            consent_given_at=timezone.now(),
            privacy_notice_version="2017",
            list_price_usd=amount,
            discount_percent=Decimal(0),
            price_usd=amount,
            agreed_amount_usd=amount,
            status=SponsorshipApplication.Status.DELIVERED,
            status_changed_at=timezone.now(),
            partner=partner,
            agreement=agreement,
            display_name=partner.name,
            link_url=partner.website,
        )
        written += 1
    return written + _logos(event)


def _logos(event):
    """A generated PNG logo (cms/demo/logos.py) for each of the event's sponsors that has
    none, in the public media collection, as an approved upload would be."""
    missing = list(
        SponsorshipApplication.objects.filter(
            event=event, status__in=SponsorshipApplication.SPONSORING, logo__isnull=True
        )
    )
    if not missing:
        return 0
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PUBLIC_MEDIA_COLLECTION).first() or root
    Image = get_image_model()
    for application in missing:
        name = application.shown_name
        slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")[:60]
        application.logo = Image.objects.create(
            title=f"{name} logo",
            file=ContentFile(logo_png(name), name=f"sponsor-{slug}.png"),
            collection=collection,
        )
        application.save(update_fields=["logo"])
    return len(missing)
