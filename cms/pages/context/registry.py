"""Which code builds the context of each page type, and which answers a request first.

The dependency goes from a builder to the model it serves, never back: a builder module
imports its model and registers with `builds` (or `answers`); the model's get_context() and
serve() ask `context_for` and `response_to`. A page type may have several builders (its own
app's and a feature app's), merged in the order they registered; builders of a parent class
apply to its subclasses.
"""

from collections import defaultdict

__all__ = ["answers", "builds", "context_for", "response_to"]

_builders = defaultdict(list)
_responders = defaultdict(list)


def builds(model, view=""):
    """Register `builder(page, request, **kwargs)`, which returns part of the template context
    of `model`'s pages; `view` names a route of a routable page ("" is the page itself)."""

    def register(builder):
        _builders[(model, view)].append(builder)
        return builder

    return register


def answers(model):
    """Register `responder(page, request)`, which answers a request to `model`'s pages before
    they are served (a form's POST) or returns None to let the page be served."""

    def register(responder):
        _responders[model].append(responder)
        return responder

    return register


def _registered(table, key_of, page):
    # Base classes first, so that a subclass's builders have the last word.
    for cls in reversed(type(page).__mro__):
        yield from table.get(key_of(cls), ())


def context_for(page, request, view="", **kwargs):
    """The context that the builders registered for the page's type (and `view`) give.

    A named view without a builder is a wiring mistake, not an empty page: it raises."""
    builders = list(_registered(_builders, lambda cls: (cls, view), page))
    if view and not builders:
        raise LookupError(f"No context builder registered for {type(page).__name__} {view!r}")
    context = {}
    for builder in builders:
        context.update(builder(page, request, **kwargs))
    return context


def response_to(page, request):
    """The first response a responder registered for the page's type gives, or None."""
    for responder in _registered(_responders, lambda cls: cls, page):
        response = responder(page, request)
        if response is not None:
            return response
    return None
