"""Public addresses under /<language>/ (included in cms/urls.py's i18n_patterns)."""

urlpatterns = []
