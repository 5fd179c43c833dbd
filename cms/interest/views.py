"""Expression-of-interest handling for opportunity pages (placeholder, being built)."""


def handle_interest(page, request):
    """Handle a POST of the expression-of-interest form; return a response or None."""
    return None


def interest_context(page, request):
    """Template context for the expression-of-interest form of an opportunity page."""
    return {}
