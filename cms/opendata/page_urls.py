"""The open-data page, under the language prefix (`/<language>/open-data/`)."""

from django.urls import path

from . import views

urlpatterns = [
    path("open-data/", views.open_data_index, name="open_data_index"),
]
