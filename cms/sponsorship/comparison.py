"""The comparison of an event's packages: packages as columns, benefits as rows, then the
prices, as the event page's table shows it (sponsorship/package_comparison.html).

A package's benefits are the items of its bulleted list (its rich text, in the page's
language): a benefit is the same row in every package whose list has the same item, read
as plain text without case or surrounding punctuation. Nothing is read from the database:
the packages and prices are those the event page already holds.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from cms.core.plain_text import plain_text

__all__ = ["Comparison", "benefit_items", "comparison"]

_BLOCKS = {"li", "p"}


class _Items(HTMLParser):
    """The text of each list item (or paragraph, for benefits written without a list)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items = {"li": [], "p": []}
        self._open = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self._open.append([tag, []])

    def handle_endtag(self, tag):
        if tag in _BLOCKS and self._open and self._open[-1][0] == tag:
            kind, parts = self._open.pop()
            text = plain_text("".join(parts))
            if text:
                self.items[kind].append(text)

    def handle_data(self, data):
        if self._open:
            self._open[-1][1].append(data)


def benefit_items(rich_text):
    """The benefits of a package's rich text, in order: its list items, else its
    paragraphs."""
    parser = _Items()
    parser.feed(rich_text or "")
    parser.close()
    return parser.items["li"] or parser.items["p"]


def _key(text):
    return re.sub(r"[\s.;:,·•–—-]+$", "", text.casefold()).strip()


@dataclass
class Comparison:
    """The table: `packages` (its columns), `benefits` [(benefit, [included per package])],
    and `prices` [(category name, [Price per package])]."""

    packages: list
    benefits: list
    prices: list


def comparison(packages, categories):
    """The comparison of `packages` (with the `prices` set by the event's context) for the
    membership `categories`; None with fewer than two packages (nothing to compare)."""
    if len(packages) < 2:
        return None
    rows = {}
    included = []
    for package in packages:
        items = {_key(text): text for text in benefit_items(package.benefits)}
        included.append(set(items))
        for key, text in items.items():
            rows.setdefault(key, text)
    benefits = [(text, [key in own for own in included]) for key, text in rows.items()]
    prices = [
        (name, [package.prices[index][1] for package in packages])
        for index, (_row, name) in enumerate(categories)
    ]
    return Comparison(packages=packages, benefits=benefits, prices=prices)
