"""Public addresses under /<language>/ (included in cms/urls.py's i18n_patterns): the status
page of an expression of interest, reached from the signed link of its e-mails."""

from django.urls import path

from . import status_page

app_name = "interest"

urlpatterns = [
    path("interest/status/<str:value>/", status_page.status, name="status"),
]
