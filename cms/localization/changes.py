"""What changed in a source since its translations were last synchronized, field by field.

wagtail-localize freezes the source's content in its TranslationSource when a translation is
started or synchronized; an outdated cell of the matrix means the source differs from it
(status.py). This module tells a translator which fields differ, with their text then and now.
"""

import json
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import strip_tags
from django.utils.text import Truncator

from .status import VOLATILE_FIELDS, _content_of, _normalized

__all__ = ["FieldChange", "source_changes"]

MAX_WORDS = 60


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    before: str
    after: str


def _texts(value):
    """The human-readable texts inside a field's value (StreamField JSON, child rows, rich
    text), in order."""
    if isinstance(value, str):
        if value[:1] in ("[", "{"):
            try:
                return _texts(json.loads(value))
            except ValueError:
                pass
        text = " ".join(strip_tags(value).split())
        return [text] if text else []
    if isinstance(value, dict):
        return [
            text
            for key, item in value.items()
            if key not in VOLATILE_FIELDS and key not in ("type", "id")
            for text in _texts(item)
        ]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    if value is None:
        return []
    return [str(value)]


def _summary(value):
    return Truncator(" · ".join(_texts(value))).words(MAX_WORDS)


def _label(model, name):
    try:
        label = str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        label = name.replace("_", " ")
    return label[:1].upper() + label[1:]


def source_changes(source, instance):
    """The fields of `instance` (the source object) that differ from what `source` (its
    TranslationSource) froze, as FieldChange rows in the model's field order."""
    frozen = _normalized(json.loads(source.content_json))
    current = _normalized(_content_of(instance))
    model = type(instance)
    order = {field.name: index for index, field in enumerate(model._meta.get_fields())}
    names = sorted(
        (name for name in set(frozen) | set(current) if frozen.get(name) != current.get(name)),
        key=lambda name: (order.get(name, len(order)), name),
    )
    return [
        FieldChange(
            name=name,
            label=_label(model, name),
            before=_summary(frozen.get(name)),
            after=_summary(current.get(name)),
        )
        for name in names
    ]
