"""The public pages' contexts and the application form's POST.

They register with the pages' context registry (`cms.pages.context.registry`): an event
page's requests go to `handle_application` first, and its context merges `event_context`.
Every context is built with a fixed number of queries, whatever the number of packages,
options, categories and sponsors.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from cms.core.public_forms import PublicForm, consent_given
from cms.pages.context.registry import answers, builds
from cms.snippets.models import MembershipCategory

from . import emails, pricing
from .forms import SponsorshipApplicationForm
from .models import (
    EventPage,
    SponsorshipApplication,
    SponsorshipIndexPage,
    SponsorshipOption,
    SponsorshipPackage,
)
from .visibility import sponsors_by_event, sponsors_by_tier
from .workflow import slots_taken

__all__ = ["event_context", "handle_application", "index_context", "sponsors_context"]

FORM = PublicForm(
    name="sponsorship",
    anchor="apply",
    spam_scope="sponsorship",  # counted apart from the other forms (cms.core.public_forms)
    rate_limited=_(
        "You have sent several applications in the last hour. Please try again in an hour; "
        "what you typed is kept below."
    ),
)


def _packages(page, today):
    """The page's packages with their prices by category and the slots left."""
    packages = list(page.packages.all())
    taken = slots_taken({p.translation_key for p in packages})
    categories = pricing.categories(page.locale.language_code)
    prices = pricing.price_table(packages, categories)
    for package in packages:
        package.slots_left = max(package.capacity - taken.get(package.translation_key, 0), 0)
        package.prices = prices[package.pk]
        package.is_open = package.slots_left > 0 and package.is_open_on(today)
    return packages, categories


def _form(page, request, packages, categories, data=None):
    options = list(page.options.all())
    open_packages = [p for p in packages if p.is_open]
    initial = {}
    chosen = request.GET.get("package", "")
    if chosen.isdigit() and int(chosen) in {p.pk for p in open_packages}:
        initial["package"] = int(chosen)
    return SponsorshipApplicationForm(
        data,
        initial=initial,
        packages=open_packages,
        options=options,
        categories=categories,
    ), options


@builds(EventPage)
def event_context(page, request):
    """An event's packages (prices by category, slots left), its sponsors by tier and, while
    a package is open, the application form."""
    today = timezone.localdate()
    packages, categories = _packages(page, today)
    application = None
    if any(p.is_open for p in packages):
        application = FORM.context(
            page, request, lambda: _form(page, request, packages, categories)[0]
        )
    return {
        "packages": packages,
        "category_names": [name for _row, name in categories],
        "options": list(page.options.all()),
        "application": application,
        "tiers": sponsors_by_tier(page),
    }


@builds(SponsorshipIndexPage, "index")
def index_context(page, request):
    """The events of the index in its language, upcoming first, with their packages."""
    today = timezone.localdate()
    events = list(EventPage.objects.child_of(page).live().public().order_by("-start_date"))
    packages = list(
        SponsorshipPackage.objects.filter(page__in=events).order_by("page_id", "sort_order")
    )
    taken = slots_taken({p.translation_key for p in packages})
    for event in events:
        event.package_list = [p for p in packages if p.page_id == event.pk]
        for package in event.package_list:
            left = max(package.capacity - taken.get(package.translation_key, 0), 0)
            package.slots_left = left
            package.is_open = left > 0 and package.is_open_on(today)
        event.is_open = any(p.is_open for p in event.package_list)
        event.lowest_price = min((p.price_usd for p in event.package_list), default=None)
    return {
        "upcoming": [e for e in events if not e.is_past],
        "past": [e for e in events if e.is_past],
        "sponsors_url": page.url + page.reverse_subpage("sponsors"),
    }


@builds(SponsorshipIndexPage, "sponsors")
def sponsors_context(page, request):
    """Every event's confirmed sponsors, in the index's language."""
    return {"events": sponsors_by_event(page), "index": page}


@answers(EventPage)
def handle_application(page, request):
    """Handle a POST of the application form; None for any other request. A valid one is
    priced on the server and stored with its e-mails in the outbox, in one transaction;
    refusals are those of `PublicForm.handle`."""
    if request.method != "POST":
        return None
    with translation.override(page.locale.language_code):
        today = timezone.localdate()
        packages, categories = _packages(page, today)
        form, options = _form(page, request, packages, categories, data=request.POST)

        def accept(form, ip_digest):
            package = next(p for p in packages if p.pk == form.cleaned_data["package"])
            chosen = set(form.cleaned_data.get("options", []))
            with transaction.atomic():
                application = _store(
                    page, form, package, [o for o in options if o.pk in chosen], ip_digest
                )
                emails.queue_application(application)

        return FORM.handle(page, request, form, accept)


def _english(model, row):
    if row.locale.language_code == settings.LANGUAGE_CODE:
        return row
    return (
        model.objects.filter(
            translation_key=row.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        or row
    )


def _store(page, form, package, options, ip_digest):
    data = form.cleaned_data
    category = MembershipCategory.objects.get(pk=data["category"])
    price = pricing.compute_price(package, category, options)
    event = _english(EventPage, page)
    source_package = package.source_package()
    application = SponsorshipApplication.objects.create(
        event=event,
        package=source_package,
        event_title=event.title[:255],
        package_name=source_package.name[:200],
        locale=page.locale,
        organisation=data["organisation"],
        membership_category=category,
        contact_name=data["contact_name"],
        email=data["email"],
        message=data.get("message", ""),
        ip_hash=ip_digest,
        **consent_given(),
        list_price_usd=price.list_price,
        discount_percent=price.discount_percent,
        price_usd=price.price,
        status_changed_at=timezone.now(),
    )
    application.options.set([_english(SponsorshipOption, option) for option in options])
    return application
