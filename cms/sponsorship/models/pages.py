"""The public side: the sponsorship index, one page per event, its packages and options.

Packages and à-la-carte options are translatable child objects of their event page, so that
wagtail-localize carries them into every language with their name and benefits translated and
their price, capacity and deadline kept in step with the English page. Every language version
of a package shares its `translation_key`: capacity and discounts are counted by that key, so
a sponsor who applies from the Russian page takes a slot of the same package as one who
applies from the English page.

The pages' contexts and the application form are views.py's, which reads these models: they
register with the pages' context registry (`cms.pages.context.registry`), so that the models
never import the views.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.pages.context.registry import context_for
from cms.pages.models import BasePage

__all__ = ["EventPage", "SponsorshipIndexPage", "SponsorshipOption", "SponsorshipPackage"]

BENEFIT_FEATURES = ["bold", "italic", "link", "ul"]


class SponsorshipIndexPage(RoutablePageMixin, BasePage):
    """The sponsorship opportunities of one language: upcoming events first, with their
    packages, and at `sponsors/` the sponsors of every event."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["sponsorship.EventPage"]
    max_count_per_parent = 1
    template = "sponsorship/sponsorship_index_page.html"
    sponsors_template = "sponsorship/sponsors_page.html"

    class Meta:
        verbose_name = _("sponsorship index")
        verbose_name_plural = _("sponsorship indexes")

    def serve(self, request, view=None, args=None, kwargs=None):
        if view is None:
            view, args, kwargs = self.resolve_subpage("/")
        return super().serve(request, view, args, kwargs)

    def get_sitemap_urls(self, request=None):
        """The sponsorship opportunities and the page of every event's sponsors."""
        own = super().get_sitemap_urls(request)
        url = self.get_url(request)
        if not url:
            return own
        return own + [{"location": url + self.reverse_subpage("sponsors"), "lastmod": None}]

    @path("", name="index")
    def index_view(self, request):
        return self.render(request, context_overrides=context_for(self, request, view="index"))

    @path("sponsors/", name="sponsors")
    def sponsors_view(self, request):
        return self.render(
            request,
            template=self.sponsors_template,
            context_overrides=context_for(self, request, view="sponsors"),
        )


class EventPage(BasePage):
    """One of the Bureau's events (a symposium, a conference, an anniversary) with the
    sponsorship packages it offers and, once confirmed, its sponsors' logos by tier."""

    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    venue = models.CharField(_("venue"), max_length=255)
    audience = models.TextField(
        _("audience"), blank=True, help_text=_("Who attends: how many people, from where.")
    )
    highlights = RichTextField(
        _("programme highlights"), blank=True, features=["bold", "italic", "link", "ul", "h3"]
    )
    contact_email = models.EmailField(
        _("sponsorship contact e-mail"),
        help_text=_("Receives each new application; applicants' replies go to this address."),
    )

    parent_page_types = ["sponsorship.SponsorshipIndexPage"]
    subpage_types = []
    template = "sponsorship/event_page.html"

    content_panels = [
        *BasePage.content_panels[:2],
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("venue"),
                FieldPanel("audience"),
                FieldPanel("contact_email"),
            ],
            heading=_("Event"),
        ),
        FieldPanel("highlights"),
        FieldPanel("body"),
        InlinePanel("packages", heading=_("Sponsorship packages"), label=_("Package")),
        InlinePanel("options", heading=_("À-la-carte benefits"), label=_("Benefit")),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
        TranslatableField("venue"),
        TranslatableField("audience"),
        TranslatableField("highlights"),
        SynchronizedField("contact_email", overridable=False),
        TranslatableField("packages"),
        TranslatableField("options"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("venue"),
        index.SearchField("highlights"),
        index.FilterField("start_date"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def is_past(self):
        return self.end_date < timezone.localdate()


class SponsorshipPackage(TranslatableMixin, Orderable):
    """What a sponsor buys at an event: a name and tier, its benefits, a base price in USD,
    how many sponsors it can take and until when one can apply."""

    class Tier(models.TextChoices):
        PLATINUM = "platinum", _("Platinum")
        GOLD = "gold", _("Gold")
        SILVER = "silver", _("Silver")
        BRONZE = "bronze", _("Bronze")
        SUPPORTER = "supporter", _("Supporter")

    # Sponsors are shown by tier, highest first.
    TIER_ORDER = [tier.value for tier in Tier]

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="packages")
    name = models.CharField(_("name"), max_length=200)
    tier = models.CharField(_("tier"), max_length=20, choices=Tier.choices, default=Tier.GOLD)
    benefits = RichTextField(
        _("benefits"),
        features=BENEFIT_FEATURES,
        help_text=_("What the sponsor gets, as a bulleted list: logo on screens, speaking slot…"),
    )
    price_usd = models.DecimalField(
        _("base price (USD)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("How many sponsors this package can take."),
    )
    deadline = models.DateField(_("application deadline"))

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("tier")]),
        FieldPanel("benefits"),
        FieldRowPanel([FieldPanel("price_usd"), FieldPanel("capacity"), FieldPanel("deadline")]),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("benefits"),
        SynchronizedField("tier", overridable=False),
        SynchronizedField("price_usd", overridable=False),
        SynchronizedField("capacity", overridable=False),
        SynchronizedField("deadline", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("sponsorship package")
        verbose_name_plural = _("sponsorship packages")

    def __str__(self):
        return self.name

    def is_open_on(self, day):
        """Whether applications are still accepted on `day` (the deadline day included)."""
        return day <= self.deadline

    def source_package(self):
        """The English row of this package, on which applications and discounts hang."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return (
            SponsorshipPackage.objects.filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            ).first()
            or self
        )


class SponsorshipOption(TranslatableMixin, Orderable):
    """An à-la-carte benefit that a sponsor of any package of the event may add."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="options")
    name = models.CharField(_("name"), max_length=200)
    price_usd = models.DecimalField(
        _("price (USD)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("price_usd")])]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("price_usd", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("à-la-carte benefit")
        verbose_name_plural = _("à-la-carte benefits")

    def __str__(self):
        return self.name
