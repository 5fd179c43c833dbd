"""Finding a partner named in a file by its name, acronym or one of its other names."""

from django.conf import settings
from django.utils.translation import gettext as _

from cms.snippets.models import Partner

from .values import CellError

__all__ = ["PartnerNames"]


class PartnerNames:
    """The English partner rows, indexed once per import (one query).

    A name is looked up case-insensitively among the names first, then the acronyms, then
    the other names (aliases, one per line); several partners at the same level is an error
    that names them.
    """

    def __init__(self):
        self._levels = None
        self._names = {}

    def _load(self):
        names, acronyms, aliases = {}, {}, {}
        rows = Partner.objects.filter(locale__language_code=settings.LANGUAGE_CODE).values_list(
            "pk", "name", "acronym", "aliases"
        )
        for pk, name, acronym, other_names in rows:
            self._names[pk] = name
            names.setdefault(name.strip().lower(), set()).add(pk)
            if acronym.strip():
                acronyms.setdefault(acronym.strip().lower(), set()).add(pk)
            for alias in other_names.splitlines():
                if alias.strip():
                    aliases.setdefault(alias.strip().lower(), set()).add(pk)
        self._levels = [names, acronyms, aliases]

    def name(self, pk):
        """The English name of a partner found by `find`."""
        return self._names.get(pk, "")

    def find(self, text):
        """The pk of the partner called `text`, None if there is none."""
        if self._levels is None:
            self._load()
        key = text.strip().lower()
        for level in self._levels:
            found = level.get(key)
            if found and len(found) == 1:
                return next(iter(found))
            if found:
                raise CellError(
                    _("'%(value)s' matches several partners: %(partners)s")
                    % {
                        "value": text,
                        "partners": "; ".join(sorted(self._names[pk] for pk in found)),
                    }
                )
        return None
