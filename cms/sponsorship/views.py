"""The public pages' contexts and the application form's POST.

They register with the pages' context registry (`cms.pages.context.registry`): an event
page's requests go to `handle_application` first, and its context merges `event_context`.
Every context is built with a fixed number of queries, whatever the number of packages,
options, categories and sponsors.
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from cms.core.chrome import prime_locale
from cms.core.public_forms import FILL_TIME_FIELD, SENT_PARAMETER, PublicForm, consent_given
from cms.pages.context.registry import answers, builds
from cms.snippets.models import MembershipCategory

from . import emails, pricing
from .comparison import comparison
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

__all__ = [
    "CALCULATE",
    "SENT_APPLICATION",
    "event_context",
    "handle_application",
    "index_context",
    "sponsors_context",
]

#: The name of the form's "Calculate" button: the price is worked out and shown, nothing sent.
CALCULATE = "calculate"
#: The query parameter of the thank-you that names the application sent (signed), so that
#: the confirmation repeats its price; valid for a day, shown only to whoever holds it.
SENT_APPLICATION = "application"
_SENT_SALT = "cms.sponsorship.sent"
_SENT_MAX_AGE = 24 * 3600

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
    prime_locale(request, page)  # its language from the live home pages: no query
    today = timezone.localdate()
    packages, categories = _packages(page, today)
    application = None
    if any(p.is_open for p in packages):
        application = FORM.context(
            page, request, lambda: _form(page, request, packages, categories)[0]
        )
        application["quote"] = getattr(request, "_sponsorship_quote", None)
        sent = getattr(request, "_sponsorship_sent", None)
        application["sent_application"] = sent
        if sent is not None:
            application["sent_package"] = next(
                (
                    p.name
                    for p in packages
                    if sent.package_id and p.translation_key == sent.package.translation_key
                ),
                sent.package_name,
            )
        if application["quote"] is not None:
            # The time a person takes counts from when the form was first shown, not from
            # the price calculated: sending right after "Calculate" is not software's speed.
            application["shown_at"] = request.POST.get(FILL_TIME_FIELD, application["shown_at"])
    return {
        "packages": packages,
        "category_names": [name for _row, name in categories],
        "options": list(page.options.all()),
        "application": application,
        "tiers": sponsors_by_tier(page),
        "comparison": comparison(packages, categories),
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
    prime_locale(request, page)
    return {"events": sponsors_by_event(page), "index": page}


@answers(EventPage)
def handle_application(page, request):
    """Handle a POST of the application form; None for any other request. A valid one is
    priced on the server and stored with its e-mails in the outbox, in one transaction;
    refusals are those of `PublicForm.handle`."""
    if request.method != "POST":
        return _confirmation(page, request)
    with translation.override(page.locale.language_code):
        today = timezone.localdate()
        packages, categories = _packages(page, today)
        form, options = _form(page, request, packages, categories, data=request.POST)
        if CALCULATE in request.POST:
            return _calculated(page, request, form, packages, options, categories)

        def accept(form, ip_digest):
            package = next(p for p in packages if p.pk == form.cleaned_data["package"])
            chosen = set(form.cleaned_data.get("options", []))
            with transaction.atomic():
                application = _store(
                    page, form, package, [o for o in options if o.pk in chosen], ip_digest
                )
                emails.queue_application(application)
            request._sponsorship_stored = application

        response = FORM.handle(page, request, form, accept)
        stored = getattr(request, "_sponsorship_stored", None)
        if stored is not None and response.status_code == 303:
            # The thank-you names the application sent, so that it repeats its price.
            path, _hash, anchor = response["Location"].partition("#")
            signed = signing.TimestampSigner(salt=_SENT_SALT).sign(stored.assets_key.hex)
            response["Location"] = f"{path}&{SENT_APPLICATION}={signed}#{anchor}"
        return response


def quote(form, packages, options, categories):
    """The price of what a bound, checked `form` chose (package, benefits, category), worked
    out on the server as it will be when the application is sent; None when one of them is
    missing or not offered."""
    data = form.cleaned_data
    if any(name in form.errors for name in form.PRICE_FIELDS) or "category" not in data:
        return None
    package = next((p for p in packages if p.pk == data.get("package")), None)
    category = next((row for row, _name in categories if row.pk == data["category"]), None)
    if package is None or category is None:
        return None
    chosen = [o for o in options if o.pk in set(data.get("options", []))]
    return {
        "price": pricing.compute_price(package, category, chosen),
        "package": package,
        "options": chosen,
        "category": next(name for row, name in categories if row.pk == category.pk),
    }


def _calculated(page, request, form, packages, options, categories):
    """The page again after "Calculate": the form as typed, the price of what it chose, and
    only the errors of the fields that set the price (nothing is sent, so the rest may still
    be empty)."""
    form.is_valid()
    for name in list(form.errors):
        if name not in form.PRICE_FIELDS:
            del form.errors[name]
    request._sponsorship_quote = quote(form, packages, options, categories)
    return FORM.page_again(page, request, form, status=200)


def _confirmation(page, request):
    """The thank-you that repeats the application sent (its price, list price, discount),
    for the holder of its signed parameter only (never kept by any cache); None for any
    other request, which the page answers."""
    value = request.GET.get(SENT_APPLICATION)
    if not value or request.GET.get(SENT_PARAMETER) != "1":
        return None
    try:
        key = signing.TimestampSigner(salt=_SENT_SALT).unsign(value, max_age=_SENT_MAX_AGE)
    except signing.BadSignature:
        return None
    application = (
        SponsorshipApplication.objects.filter(
            assets_key=key, event__translation_key=page.translation_key
        )
        .select_related("package")
        .first()
    )
    if application is None:
        return None
    request._sponsorship_sent = application
    response = TemplateResponse(request, page.get_template(request), page.get_context(request))
    add_never_cache_headers(response)
    return response


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
