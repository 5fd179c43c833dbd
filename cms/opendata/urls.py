"""The open-data files, at language-neutral addresses (outside the language prefix)."""

from django.urls import path

from . import views

urlpatterns = [
    path("open-data/iati/activities.xml", views.iati_activities, name="open_data_iati"),
    path("open-data/<slug:dataset>.<slug:fmt>", views.open_data_file, name="open_data_file"),
]
