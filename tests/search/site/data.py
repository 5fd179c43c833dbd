"""The site the search tests look for things in (`build_search_site`): English, French,
Arabic and Chinese home pages with the partner directory, opportunities that are public,
draft, private or in one language only (the API tests' cases), content pages, funding
partners and a partner that is not public; and the inputs and words the tests use."""

from wagtail.models import PageViewRestriction, Site

from cms.pages.factories import StandardPageFactory
from cms.pages.models import OpportunityPage
from tests.api.fixtures import make_goal, make_indexes, make_visibility_cases
from tests.api.opportunities import make_opportunity
from tests.pages.directory import data
from tests.pages.directory.fixtures import make_australia, make_directories, make_homes

__all__ = [
    "PRIVATE_WORDS",
    "SAFETY_INPUTS",
    "build_search_site",
    "make_opportunities",
    "make_opportunity",
]

# Inputs that must never break the search: operators, quotes, signs, punctuation only,
# emoji, a NUL byte, very long input, empty input.
SAFETY_INPUTS = [
    "",
    "   ",
    "cyber AND africa OR NOT",
    '"cyber drills',
    "'cyber'",
    "-cyber",
    "-Data",
    "a-b.2",
    "Data-X.2",
    "cyber*",
    "(cyber) | !africa & <->",
    "title:cyber",
    "?!.,;:()[]{}",
    "—–-…",
    "🤝🌍",
    "cyber 🤝",
    "cyber\x00drills",
    "\x00",
    "x" * 10_000,
    "cyber " * 2_000,
    "%",
    "\\",
    "合作\u200b伙伴",
    "الشَّرَاكَة",
]

# Words of content that must never appear to anonymous visitors, in any language.
PRIVATE_WORDS = [
    "Unpublished smart villages",
    "Private donor round-table",
    "DRAFT TITLE NOT PUBLISHED",
    "تدريبات سيبرانية",
    "Hidden Consulting",
    "Members-only briefing",
    "Formerly-Known-As-Q9",
    "SECRET-NOTE-4f1b9",
]


def make_opportunities(index, vocab, count, title, **fields):
    """`count` published opportunities under `index` whose title starts with `title`."""
    return [
        make_opportunity(index, vocab, f"{title} {number}", **fields)
        for number in range(1, count + 1)
    ]


def build_search_site():
    """Everything the search tests look for, by name (see the module's description)."""
    vocab = data.make_vocabularies()
    homes = make_homes(Site.objects.get(is_default_site=True).root_page.specific)
    australia = make_australia(vocab)
    make_directories(homes)
    goal = make_goal()
    indexes = make_indexes(homes)
    opportunities = make_visibility_cases(indexes, vocab, goal)
    english_guide = data.publish(
        homes["en"],
        StandardPageFactory,
        title="Pacific partnership guide",
        slug="pacific-guide",
        introduction="How governments of the Pacific work with the Bureau.",
    )
    french_guide = data.translate_page(
        english_guide,
        "fr",
        title="Guide des partenariats du Pacifique",
        introduction="Comment les gouvernements du Pacifique travaillent avec le Bureau.",
    )
    members = data.publish(
        homes["fr"],
        StandardPageFactory,
        title="Members-only briefing",
        slug="members-briefing",
        introduction="Pacific cyber partnerships for members only.",
    )
    PageViewRestriction.objects.create(page=members, restriction_type="login")

    pacific_open = make_opportunity(
        indexes["en"],
        vocab,
        "Pacific cyber resilience",
        introduction="Cyber resilience for Pacific island states.",
    )
    pacific_funded = make_opportunity(
        indexes["en"],
        vocab,
        "Pacific broadband backbone",
        status=OpportunityPage.Status.FUNDED,
        introduction="Submarine cables for the Pacific.",
    )
    pacific_funded.thematic_areas.all().update(area=vocab.areas["infrastructure"])

    hidden = data.make_partner(
        vocab, "Hidden Consulting Pacific", kind="company", mandate="<p>Pacific cyber.</p>"
    )
    hidden.is_funding_partner = False
    hidden.save()
    data.translate_snippet(hidden, "fr", name="Hidden Consulting Pacifique")
    return {
        "english_guide": english_guide,
        "french_guide": french_guide,
        "members": members,
        "pacific_open": pacific_open,
        "pacific_funded": pacific_funded,
        "hidden": hidden,
        "australia": australia,
        "opportunities": opportunities,
        "indexes": indexes,
        "vocab": vocab,
    }
