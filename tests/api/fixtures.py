"""Fixtures shared by the public API tests (imported by their conftest module): opportunities
that are public, draft, private or in one language only."""

import pytest
from wagtail.models import PageViewRestriction, Site

from cms.snippets.factories import SustainableDevelopmentGoalFactory
from tests.pages.directory import data
from tests.pages.directory.fixtures import make_homes, make_site_with_australia

from .opportunities import make_index, make_opportunity


def make_goal():
    goal = SustainableDevelopmentGoalFactory(number=17, name="Partnerships for the goals")
    data.translate_snippet(goal, "fr", name="Partenariats pour la réalisation des objectifs")
    return goal


def make_indexes(homes):
    english = make_index(homes["en"])
    return {
        "en": english,
        "fr": data.translate_page(english, "fr", title="Opportunités"),
        "ar": data.translate_page(english, "ar", title="الفرص"),
    }


def make_visibility_cases(indexes, vocab, goal):
    """Opportunities of every kind of visibility, by name."""
    english = make_opportunity(indexes["en"], vocab, "Cyber drills for Africa", goal=goal)
    french = data.translate_page(
        english,
        "fr",
        title="Exercices cyber pour l'Afrique",
        introduction="Partenaires recherchés pour des exercices cyber.",
    )
    # An Arabic translation still in draft.
    arabic_draft = data.translate_page(english, "ar", title="تدريبات سيبرانية", live=False)
    draft = make_opportunity(indexes["en"], vocab, "Unpublished smart villages", live=False)
    private = make_opportunity(indexes["en"], vocab, "Private donor round-table")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    french_only = make_opportunity(indexes["fr"], vocab, "Initiative francophone numérique")
    # Published, then edited in a draft that is not published yet.
    edited = make_opportunity(indexes["en"], vocab, "Emergency telecoms kits")
    edited.title = "DRAFT TITLE NOT PUBLISHED"
    edited.save_revision()
    return {
        "english": english,
        "french": french,
        "arabic_draft": arabic_draft,
        "draft": draft,
        "private": private,
        "french_only": french_only,
        "edited": edited,
    }


def make_opportunity_site():
    """The records of the `opportunities` fixture (vocabularies, home pages, indexes, goal
    and opportunities), by name, for a module that builds them once (`built_once`)."""
    vocab = data.make_vocabularies()
    homes = make_homes(Site.objects.get(is_default_site=True).root_page.specific)
    goal = make_goal()
    indexes = make_indexes(homes)
    opportunities = make_visibility_cases(indexes, vocab, goal)
    return {"vocab": vocab, "homes": homes, "opportunities": opportunities}


def make_opportunity_site_with_australia():
    """`make_site_with_australia` (directories and the Government of Australia), and the
    opportunities of every kind of visibility."""
    site = make_site_with_australia()
    indexes = make_indexes(site["homes"])
    site["opportunities"] = make_visibility_cases(indexes, site["vocab"], make_goal())
    return site


@pytest.fixture
def goal(vocab):
    return make_goal()


@pytest.fixture
def indexes(homes):
    return make_indexes(homes)


@pytest.fixture
def opportunities(indexes, vocab, goal):
    return make_visibility_cases(indexes, vocab, goal)
