"""Admin registration of the search synonyms (Settings → Search synonyms).

Shown to, and editable by, the users whose groups hold the model's permissions
(site_search.add/change/delete/view_searchsynonym: Wagtail's model permission policy, which
the snippet views and the menu item check); communications leads hold them (search/roles.py).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    """Groups of equivalent words, one language each, filtered by language."""

    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_name = "search-synonyms"
    add_to_settings_menu = True
    list_display = ["terms", "language"]
    list_filter = ["language"]
    search_fields = ["terms"]
    # Searched in the database: the synonyms are not in the search index.
    search_backend_name = None
    panels = [FieldPanel("language"), FieldPanel("terms")]


register_snippet(SearchSynonymViewSet)
