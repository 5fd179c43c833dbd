"""Parsing the text of one cell into a typed value, or a problem for the user."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext as _

from cms.snippets.country_names import code_for_name
from cms.snippets.models import Country

__all__ = ["CellError", "Terms", "parse_bool", "parse_date", "parse_decimal", "split_list"]

NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YES = {"yes", "true", "1", "y"}
NO = {"no", "false", "0", "n", ""}


class CellError(ValueError):
    """The cell's text cannot be read; the message says why, in the user's language."""


def split_list(text):
    """A ";"-separated list, without empty items or surrounding spaces, duplicates dropped."""
    items = []
    for item in (text or "").split(";"):
        item = item.strip()
        if item and item.lower() not in {seen.lower() for seen in items}:
            items.append(item)
    return items


def parse_decimal(text, max_digits=16, decimal_places=2):
    """An exact decimal such as 12500.50 ("." and no thousands separator); None when empty."""
    if not text:
        return None
    if not NUMBER.match(text):
        raise CellError(_("'%(value)s' is not a number") % {"value": text})
    value = Decimal(text)
    if -value.as_tuple().exponent > decimal_places:
        raise CellError(
            _("'%(value)s' has more than %(places)s decimal places")
            % {"value": text, "places": decimal_places}
        )
    try:
        value = value.quantize(Decimal(1).scaleb(-decimal_places))
    except InvalidOperation:
        raise CellError(_("'%(value)s' is too large") % {"value": text}) from None
    if len(value.as_tuple().digits) > max_digits:
        raise CellError(_("'%(value)s' is too large") % {"value": text})
    return value


def parse_date(text):
    """A date written YYYY-MM-DD; None when empty."""
    if not text:
        return None
    try:
        if not DATE.match(text):
            raise ValueError
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CellError(
            _("'%(value)s' is not a date written YYYY-MM-DD") % {"value": text}
        ) from None


def parse_bool(text):
    """ "yes" or "no" (also true/false, 1/0); empty is no."""
    value = (text or "").strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise CellError(_("'%(value)s' is not “yes” or “no”") % {"value": text})


class Terms:
    """The English rows of the vocabularies and the countries, found by code or English name,
    loaded once per import (one query per vocabulary)."""

    def __init__(self):
        self._vocabularies = {}
        self._countries = None

    def _index(self, model):
        if model not in self._vocabularies:
            index = {}
            for term in model.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
                index.setdefault(term.name.strip().lower(), term)
                index[term.code.lower()] = term
            self._vocabularies[model] = index
        return self._vocabularies[model]

    def term(self, model, text):
        term = self._index(model).get(text.strip().lower())
        if term is None:
            raise CellError(
                _("'%(value)s' is not a known %(vocabulary)s, give its code or English name")
                % {"value": text, "vocabulary": model._meta.verbose_name}
            )
        return term

    def terms(self, model, text):
        return [self.term(model, item) for item in split_list(text)]

    def country(self, text):
        if self._countries is None:
            self._countries = {str(country.code): country for country in Country.objects.all()}
        value = text.strip()
        # By code, or by English name: the UN's (as the site shows it) or ISO's.
        code = value.upper() if len(value) == 2 else code_for_name(value)
        country = self._countries.get(code)
        if country is None:
            raise CellError(
                _("'%(value)s' is not a known country, give its ISO 3166 code (e.g. KE)")
                % {"value": text}
            )
        return country

    def country_list(self, text):
        return [self.country(item) for item in split_list(text)]
