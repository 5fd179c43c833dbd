"""Addresses of the site search, under each language's prefix (/<language>/search/)."""

from django.urls import path

from .views import search_page, search_suggestions

__all__ = ["urlpatterns"]

urlpatterns = [
    path("", search_page, name="site_search"),
    path("suggest/", search_suggestions, name="site_search_suggest"),
]
