"""Factories of the site's pages (wagtail-factories), shared by the tests and the demo command.

`StandardPageFactory(parent=home)` adds a content page under a home page; Wagtail gives a
new page the locale of its parent.
"""

import factory
import wagtail_factories

from .models import HomePage, StandardPage

__all__ = ["HomePageFactory", "StandardPageFactory"]


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page; the English one is made by a data migration, others by translation."""

    class Meta:
        model = HomePage

    title = "Partnerships for digital development"
    slug = factory.Sequence(lambda n: f"home-{n}")
    introduction = "Find concepts, projects and initiatives that need partners."


class StandardPageFactory(wagtail_factories.PageFactory):
    """A plain content page, such as "How to partner"."""

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Content page {n}")
    slug = factory.LazyAttribute(lambda page: page.title.lower().replace(" ", "-"))
    introduction = "A short introduction to the page."
