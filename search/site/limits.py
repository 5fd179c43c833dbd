"""How many searches one address may make: the search page and the API's search share one
budget (SEARCH_RATE_LIMIT a minute), the suggestions shown while typing have their own, larger
one (SEARCH_SUGGEST_RATE_LIMIT a minute: a word typed is several requests). Counted by
`cms.core.throttle`; each view answers beyond it with a 429 in the visitor's language and a
`Retry-After`."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cms.core.throttle import retry_after

__all__ = ["TOO_MANY_SEARCHES", "WINDOW", "wait_before_search", "wait_before_suggestions"]

#: Seconds of one counting window.
WINDOW = 60

TOO_MANY_SEARCHES = _(
    "You have searched many times in a short while. Please wait a minute, then search again."
)


def wait_before_search(request):
    """Seconds this client must wait before its next search (page or API), or 0."""
    return retry_after(request, "search", getattr(settings, "SEARCH_RATE_LIMIT", 30), WINDOW)


def wait_before_suggestions(request):
    """Seconds this client must wait before its next suggestions, or 0."""
    limit = getattr(settings, "SEARCH_SUGGEST_RATE_LIMIT", 120)
    return retry_after(request, "search-suggest", limit, WINDOW)
