"""Public addresses under /<language>/ (included in cms/urls.py's i18n_patterns): the page
where a confirmed sponsor sends its logo, display name and link (signed link; never cached)."""

from django.urls import path

from . import assets_page

app_name = "sponsorship"

urlpatterns = [
    path("sponsor-logo/<str:value>/", assets_page.assets, name="assets"),
]
