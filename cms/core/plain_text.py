"""Rich text as the plain text that goes into a <meta> description, a link preview or
structured data.

Rich text keeps characters as HTML entities (`Africa&#x27;s`, `R&amp;D`): stripping the tags
leaves them, and a template that escapes the result again shows `Africa&amp;#x27;s` to search
engines and in link previews. The entities are decoded here, once, so that the template's
escaping is the only one.
"""

import html

from django.utils.html import strip_tags
from django.utils.text import Truncator

__all__ = ["plain_summary", "plain_text"]


def plain_text(rich_text):
    """The words of a rich text, without tags or entities, on one line."""
    return " ".join(html.unescape(strip_tags(rich_text or "")).split())


def plain_summary(rich_text, length=200):
    """`plain_text`, cut at `length` characters (an ellipsis ending a cut text)."""
    return Truncator(plain_text(rich_text)).chars(length)
