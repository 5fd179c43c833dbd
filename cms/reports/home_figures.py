"""The figures of the partnerships on the home page: a few agreement figures of the default
reporting period, added to the home page's context from here.

The period is the statistics page's default one (`periods.default_period`), so that the home
page and the statistics it links to speak of the same years.

They are agreement figures, computed by `agreement_stats` like the statistics page's, so
they live with the reports; the home page (`cms.pages`, a floor below) does not import them:
this module registers with the pages' context registry, as every feature app does.
"""

import datetime

from cms.core.page_cache import cached_value
from cms.pages.context.registry import builds
from cms.pages.models import HomePage
from cms.snippets.models import Agreement, Partner

from .agreement_stats import FIGURES_TAGS, agreement_figures
from .periods import default_period

__all__ = ["home_figures_context", "key_figures"]

ARCHIVE_START = datetime.date(1865, 1, 1)


def _compute_figures(start, end):
    period = agreement_figures(start, end)
    return {
        "start_year": start.year,
        "end_year": end.year,
        "new_agreements": period.new_agreements,
        "addenda": period.addenda,
        "value_usd": period.value_usd,
        # The archive as the period's report gives it: every agreement up to its end.
        "archive_total": Agreement.objects.in_period(ARCHIVE_START, end).count(),
        "funding_partners": Partner.objects.in_source_locale().funding_partners().count(),
    }


def key_figures():
    """The few figures the home page shows, from the archive; kept in the shared cache until
    an agreement, a partner or a vocabulary changes. None when the archive has no agreement
    of the period."""
    period = default_period()
    figures = cached_value(
        f"home:key-figures:{period.slug}",
        FIGURES_TAGS,
        lambda: _compute_figures(period.start, period.end),
    )
    return figures if figures["new_agreements"] else None


@builds(HomePage)
def home_figures_context(page, request):
    """The home page's "Our partnerships" figures (`figures`, None to leave them out)."""
    return {"figures": key_figures()}
