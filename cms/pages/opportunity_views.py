"""Presentation of opportunities (placeholder, being built)."""


def opportunity_context(page, request):
    """Template context of an opportunity page: its summary terms and material."""
    return {}


def opportunity_index_context(page, request):
    """Template context of the opportunity index: facets, results, sorting and pages."""
    return {}
