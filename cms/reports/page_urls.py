"""The public addresses of the agreements archive outside the statistics page, under the
language prefix (`/<language>/agreements/<reference>/`, included by cms/urls.py's
i18n_patterns before Wagtail's pages)."""

from django.urls import path

from cms.pages.public_records import AGREEMENT_URL_NAME

from .agreement_page import agreement_page

urlpatterns = [
    # `path`: a reference may hold a slash ("ITU/2015/12"); reverse() percent-encodes the rest.
    path("agreements/<path:reference>/", agreement_page, name=AGREEMENT_URL_NAME),
]
