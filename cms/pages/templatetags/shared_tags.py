"""`{% shared_fragment %}`: a piece of a page's HTML that is the same for every visitor,
rendered once and kept in the shared cache with the page's tags (`cms.pages.context.shared`).

    {% shared_fragment "cards" results_key %}...{% endshared_fragment %}

The piece is kept per page, site, active language (numbers, dates and words are written in
it) and the values given after its name, which must name everything inside it that depends
on the address (filters, order, page of results); nothing inside may depend on the visitor
(no form, no CSRF token, no nonce). A value of None keeps nothing (the piece is rendered).
Rendering a listing's cards and filters was half of an uncached listing's CPU time.
"""

import hashlib

from django import template
from django.utils import translation

from ..context.shared import shared_part

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, tags):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.tags = tags

    def render(self, context):
        page = context.get("page")
        values = [value.resolve(context) for value in self.vary_on]
        if page is None or any(value is None for value in values):
            return self.nodelist.render(context)
        key = "|".join([translation.get_language() or "", *(str(value) for value in values)])
        variant = hashlib.sha256(key.encode()).hexdigest()[:32]
        return shared_part(
            page,
            context.get("request"),
            f"html:{self.name}",
            lambda: self.nodelist.render(context),
            variant=variant,
            tags=self.tags,
        )


@register.tag("shared_fragment")
def shared_fragment(parser, token):
    """{% shared_fragment "name" value ... [tags="data:images ..."] %}...{% endshared_fragment %}

    `tags`: page-cache tags of what the piece shows beyond what the page's type declares."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("shared_fragment needs a name")
    name = bits[1].strip("\"'")
    tags = ()
    values = []
    for bit in bits[2:]:
        if bit.startswith("tags="):
            tags = tuple(bit[len("tags=") :].strip("\"'").split())
        else:
            values.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, name, values, tags)
