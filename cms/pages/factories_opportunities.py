"""Factories of opportunities, their index and their communication material, shared by the
tests and the demo command.

`OpportunityPageFactory(parent=index, thematic_areas=[area], regions=[afr],
materials=[brief])` takes vocabulary terms (English rows), countries and materials as plain
lists; it wraps them in the page's orderable links. A page is live and published "now"
unless told otherwise (`live=False` for a draft).
"""

from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.documents import get_document_model

from cms.snippets.factories import source_locale
from cms.snippets.models import Material

from .models import (
    OpportunityCountry,
    OpportunityIndexPage,
    OpportunityMaterial,
    OpportunityPage,
    OpportunityPartnerKind,
    OpportunityRegion,
    OpportunitySDG,
    OpportunityThematicArea,
)

__all__ = [
    "BriefDocumentFactory",
    "MaterialFactory",
    "OpportunityIndexPageFactory",
    "OpportunityPageFactory",
]

# {factory argument: (link model, its field that points at the term)}
LINKS = {
    "thematic_areas": (OpportunityThematicArea, "area"),
    "regions": (OpportunityRegion, "region"),
    "countries": (OpportunityCountry, "country"),
    "sdgs": (OpportunitySDG, "goal"),
    "partner_kinds": (OpportunityPartnerKind, "kind"),
    "materials": (OpportunityMaterial, "material"),
}


class OpportunityIndexPageFactory(wagtail_factories.PageFactory):
    """The list of opportunities of a home page's language."""

    class Meta:
        model = OpportunityIndexPage

    title = "Partnership opportunities"
    slug = "opportunities"
    introduction = "Concepts, projects and initiatives that need partners."


class OpportunityPageFactory(wagtail_factories.PageFactory):
    """An open project that needs partners, live and published now."""

    class Meta:
        model = OpportunityPage

    title = factory.Sequence(lambda n: f"Opportunity {n}")
    slug = factory.Sequence(lambda n: f"opportunity-{n}")
    introduction = "A project that needs partners."
    kind = OpportunityPage.Kind.PROJECT
    status = OpportunityPage.Status.OPEN
    budget_usd = Decimal("2500000")
    funding_gap_usd = Decimal("1500000")
    duration_months = 24
    contact_name = "Partnerships team"
    contact_email = "partnerships@example.org"
    objectives = "<p>Connect schools to broadband.</p>"
    expected_results = "<p>Five hundred schools online.</p>"
    live = True
    first_published_at = factory.LazyAttribute(lambda page: timezone.now() if page.live else None)
    last_published_at = factory.SelfAttribute("first_published_at")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        for name, (link_model, field_name) in LINKS.items():
            items = kwargs.get(name)
            if items is not None:
                kwargs[name] = [
                    item if isinstance(item, link_model) else link_model(**{field_name: item})
                    for item in items
                ]
                # The order given is the editor's order (the first area is the primary
                # one); without sort_order, the database returns ties in any order.
                for position, link in enumerate(kwargs[name]):
                    if link.sort_order is None:
                        link.sort_order = position
        return super()._create(model_class, *args, **kwargs)


class BriefDocumentFactory(wagtail_factories.DocumentFactory):
    """A PDF document, such as the brief of an opportunity."""

    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Brief {n}")
    file = factory.django.FileField(
        filename=factory.Sequence(lambda n: f"brief-{n}.pdf"),
        data=b"%PDF-1.4\n% A brief\n",
    )
    file_size = factory.LazyAttribute(lambda document: document.file.size)


class MaterialFactory(DjangoModelFactory):
    """A piece of communication material in the source locale; a brief with its document
    unless told otherwise (`kind=Material.Kind.VIDEO, video_url=..., document=None`)."""

    class Meta:
        model = Material

    locale = factory.LazyFunction(source_locale)
    title = factory.Sequence(lambda n: f"Project brief {n}")
    kind = Material.Kind.BRIEF
    document = factory.SubFactory(BriefDocumentFactory)
    caption = ""
