"""Messages of Wagtail and wagtail-localize that the project's own catalogue translates.

Their catalogues leave these untranslated in some of the six languages, or translate them
wrongly for this site ("Locale" is a language here, not a region). The project's catalogue
(`locale/`, first in LOCALE_PATHS) takes precedence over theirs, so an entry there is enough
at run time; this list only keeps `makemessages` (`make messages`) from dropping those
entries, since no other code of the project names them.
"""

from django.utils.translation import gettext_noop

__all__ = ["UPSTREAM_MESSAGES"]

UPSTREAM_MESSAGES = (
    # Wagtail: listing column headers and workflow states.
    gettext_noop("Locale"),
    gettext_noop("Status: "),
    gettext_noop('You do not have permission to publish pages at "%(page_title)s"'),
    gettext_noop("Cancelled by %(cancelled_by)s"),
    gettext_noop("Locked by"),
    gettext_noop("Anyone"),
    gettext_noop("Schedule to publish"),
    gettext_noop("Scheduling…"),
    # wagtail-localize: the translation editor and the update-translations form.
    gettext_noop("Use machine translation"),
    gettext_noop("Apply machine translations to the incoming changes."),
    gettext_noop(
        "Apply the updates and publish immediately. The changes will use the original "
        "language until translated."
    ),
    gettext_noop(
        "Apply the updates and publish immediately. The changes will use the original "
        'language until translated unless you also select "Use machine translation".'
    ),
    gettext_noop("Converted page to an alias of the translation source page"),
    gettext_noop("Page '{}' has been converted into an alias."),
)
