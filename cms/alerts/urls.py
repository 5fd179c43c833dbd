"""Public addresses under /<language>/ (included in cms/urls.py's i18n_patterns): the pages
of the signed links sent to subscribers. Registration itself is a page (RegistrationPage)."""

from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("subscription/confirm/<str:value>/", views.confirm, name="confirm"),
    path("subscription/manage/<str:value>/", views.manage, name="manage"),
    path("subscription/manage/<str:value>/data.json", views.export, name="export"),
    path("subscription/delete/<str:value>/", views.delete, name="delete"),
    path("subscription/unsubscribe/<str:value>/", views.unsubscribe, name="unsubscribe"),
]
