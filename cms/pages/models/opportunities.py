"""Concepts, projects and regional initiatives that need partners, and their index."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.snippets.models import (
    SOURCE_LOCALE,
    BeneficiaryRegion,
    Country,
    Material,
    PartnerKind,
    SustainableDevelopmentGoal,
    ThematicArea,
)

from ..timeline import today
from .base import BasePage
from .progress import PROGRESS_PANEL, PROGRESS_TRANSLATABLE_FIELDS
from .timeline import OpportunityTimeline

__all__ = [
    "OpportunityCountry",
    "OpportunityIndexPage",
    "OpportunityMaterial",
    "OpportunityPage",
    "OpportunityPartnerKind",
    "OpportunityRegion",
    "OpportunitySDG",
    "OpportunityThematicArea",
]

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3"]


class OpportunityIndexPage(BasePage):
    """The list of opportunities of one language, with facets, sorting and pages."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.OpportunityPage"]
    template = "pages/opportunity_index_page.html"

    class Meta:
        verbose_name = _("opportunity index")
        verbose_name_plural = _("opportunity indexes")


class OpportunityPage(OpportunityTimeline, BasePage):
    """A concept, project or regional initiative that needs partners.

    Every opportunity is presented in the same way: a summary box (kind, status, areas,
    regions, countries, SDGs, budget and funding gap, duration, partner kinds sought, contact),
    its timeline (cms.pages.models.timeline),
    then its objectives, expected results, body and communication material.
    """

    class Kind(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        PROJECT = "project", _("Project")
        REGIONAL_INITIATIVE = "regional_initiative", _("Regional initiative")

    class Status(models.TextChoices):
        OPEN = "open", _("Open for partners")
        IN_DISCUSSION = "in_discussion", _("In discussion")
        FUNDED = "funded", _("Funded")
        CLOSED = "closed", _("Closed")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.PROJECT)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown first on the home page.")
    )
    budget_usd = models.DecimalField(
        _("estimated budget (USD)"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    funding_gap_usd = models.DecimalField(
        _("funding gap (USD)"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("The part of the budget that still needs a partner."),
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"), null=True, blank=True
    )
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_email = models.EmailField(
        _("contact e-mail"), help_text=_("Receives the expressions of interest.")
    )
    objectives = RichTextField(_("objectives"), blank=True, features=RICH_TEXT_FEATURES)
    expected_results = RichTextField(_("expected results"), blank=True, features=RICH_TEXT_FEATURES)

    parent_page_types = ["pages.OpportunityIndexPage"]
    subpage_types = []
    template = "pages/opportunity_page.html"

    content_panels = [
        *BasePage.content_panels[:2],
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("status"),
                FieldPanel("featured"),
                FieldPanel("budget_usd"),
                FieldPanel("funding_gap_usd"),
                FieldPanel("duration_months"),
            ],
            heading=_("Summary"),
        ),
        OpportunityTimeline.timeline_panel,
        # Several terms at once from one chooser (the chooser is multiple-choice); each
        # stays an orderable link of the page, which wagtail-localize copies to translations.
        MultipleChooserPanel(
            "thematic_areas",
            chooser_field_name="area",
            heading=_("Thematic areas"),
            label=_("thematic area"),
            min_num=1,
        ),
        MultipleChooserPanel(
            "regions",
            chooser_field_name="region",
            heading=_("Beneficiary regions"),
            label=_("region"),
            min_num=1,
        ),
        MultipleChooserPanel(
            "countries",
            chooser_field_name="country",
            heading=_("Beneficiary countries"),
            label=_("country"),
        ),
        MultipleChooserPanel(
            "sdgs",
            chooser_field_name="goal",
            heading=_("Sustainable Development Goals"),
            label=_("goal"),
        ),
        MultipleChooserPanel(
            "partner_kinds",
            chooser_field_name="kind",
            heading=_("Partner kinds sought"),
            label=_("partner kind"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")
        ),
        FieldPanel("objectives"),
        FieldPanel("expected_results"),
        FieldPanel("body"),
        # The material's chooser can also create one, its file uploaded from the modal
        # (cms.snippets.viewsets.materials): the editor never leaves the page form.
        MultipleChooserPanel(
            "materials",
            chooser_field_name="material",
            heading=_("Communication material"),
            label=_("material"),
        ),
        PROGRESS_PANEL,
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("introduction"),
        TranslatableField("body"),
        TranslatableField("objectives"),
        TranslatableField("expected_results"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("featured", overridable=False),
        SynchronizedField("budget_usd", overridable=False),
        SynchronizedField("funding_gap_usd", overridable=False),
        SynchronizedField("duration_months", overridable=False),
        *OpportunityTimeline.timeline_translatable_fields,
        TranslatableField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("thematic_areas"),
        SynchronizedField("regions"),
        SynchronizedField("countries"),
        SynchronizedField("sdgs"),
        SynchronizedField("partner_kinds"),
        SynchronizedField("materials"),
        *PROGRESS_TRANSLATABLE_FIELDS,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("objectives"),
        index.SearchField("expected_results"),
        index.FilterField("kind"),
        index.FilterField("status"),
        index.FilterField("budget_usd"),
        index.FilterField("featured"),
    ]

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")

    # What a visitor reads of the status. The editors' status says whether a call is open;
    # its deadline closes it on the day after, without anyone editing the page: the
    # expression-of-interest form is guarded by both (`is_open`), and the page, the cards
    # and the index's status filter say "closed" from that day (`shown_status`,
    # `status_condition`). Pages that show it depend on the day (cms.pages.timeline).

    @classmethod
    def status_on(cls, status, deadline, day):
        """The status visitors read on `day` of a call with this status and deadline."""
        if status == cls.Status.OPEN and deadline and deadline < day:
            return cls.Status.CLOSED
        return status

    def shown_status(self, day=None):
        """The status as visitors read it on `day` (today by default)."""
        return self.status_on(self.status, self.deadline, day or today())

    @property
    def shown_status_code(self):
        return self.shown_status()

    @property
    def shown_status_label(self):
        return self.Status(self.shown_status()).label

    @classmethod
    def status_condition(cls, status, day=None):
        """The filter of the opportunities whose status visitors read as `status` on `day`."""
        day = day or today()
        passed = Q(status=cls.Status.OPEN, deadline__lt=day)
        if status == cls.Status.OPEN:
            return Q(status=cls.Status.OPEN) & ~passed
        if status == cls.Status.CLOSED:
            return Q(status=cls.Status.CLOSED) | passed
        return Q(status=status)

    @property
    def is_open(self):
        """Whether partners can still express interest: the call is open and its deadline,
        if any, has not passed."""
        return self.shown_status() == self.Status.OPEN


class OpportunityTerm(Orderable):
    """Base of the ordered links from an opportunity to a vocabulary term.

    They are child objects of the page, so wagtail-localize copies them to every translation
    (many-to-many fields would be ignored).
    """

    class Meta(Orderable.Meta):
        abstract = True


class OpportunityThematicArea(OpportunityTerm):
    """A thematic area an opportunity works in."""

    page = ParentalKey(OpportunityPage, on_delete=models.CASCADE, related_name="thematic_areas")
    area = models.ForeignKey(
        ThematicArea,
        verbose_name=_("thematic area"),
        on_delete=models.CASCADE,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
    )
    panels = [FieldPanel("area")]


class OpportunityRegion(OpportunityTerm):
    """A region an opportunity benefits."""

    page = ParentalKey(OpportunityPage, on_delete=models.CASCADE, related_name="regions")
    region = models.ForeignKey(
        BeneficiaryRegion,
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
    )
    panels = [FieldPanel("region")]


class OpportunityCountry(OpportunityTerm):
    """A country an opportunity benefits."""

    page = ParentalKey(OpportunityPage, on_delete=models.CASCADE, related_name="countries")
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.CASCADE, related_name="+"
    )
    panels = [FieldPanel("country")]


class OpportunitySDG(OpportunityTerm):
    """A Sustainable Development Goal an opportunity serves."""

    page = ParentalKey(OpportunityPage, on_delete=models.CASCADE, related_name="sdgs")
    goal = models.ForeignKey(
        SustainableDevelopmentGoal,
        verbose_name=_("goal"),
        on_delete=models.CASCADE,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
    )
    panels = [FieldPanel("goal")]


class OpportunityPartnerKind(OpportunityTerm):
    """A kind of partner an opportunity looks for."""

    page = ParentalKey(OpportunityPage, on_delete=models.CASCADE, related_name="partner_kinds")
    kind = models.ForeignKey(
        PartnerKind,
        verbose_name=_("partner kind"),
        on_delete=models.CASCADE,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
    )
    panels = [FieldPanel("kind")]


class OpportunityMaterial(OpportunityTerm):
    """A piece of communication material shown on an opportunity, in the visitor's language
    when a variant exists."""

    page = ParentalKey(OpportunityPage, on_delete=models.CASCADE, related_name="materials")
    material = models.ForeignKey(
        Material,
        verbose_name=_("material"),
        on_delete=models.CASCADE,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
    )
    panels = [FieldPanel("material")]
