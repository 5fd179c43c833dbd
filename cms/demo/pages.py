"""The home page in the six languages: the English one (made by a data migration) gets its
demo introduction, and is translated and published in the five other locales."""

from wagtail.models import Site

from .facts import read_json
from .localize import translate

__all__ = ["load_home_pages"]

COMPARED_FIELDS = ("title", "introduction")


def load_home_pages(target_locales):
    """Publish the English home page's demo text and its translations; return the count of
    pages written."""
    facts = read_json("home_page.json")
    home = Site.objects.get(is_default_site=True).root_page.specific
    written = 0
    english = {name: facts["en"][name] for name in COMPARED_FIELDS}
    if any(getattr(home, name) != value for name, value in english.items()):
        for name, value in english.items():
            setattr(home, name, value)
        home.save_revision().publish()
        written += 1
    for locale in target_locales:
        values = facts[locale.language_code]
        current = home.get_translation_or_none(locale)
        if (
            current
            and current.live
            and all(getattr(current, name) == values[name] for name in COMPARED_FIELDS)
        ):
            continue
        translate(home, locale, values)
        written += 1
    return written
