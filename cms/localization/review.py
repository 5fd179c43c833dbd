"""Machine translations nobody has reviewed yet.

wagtail-localize stores each translated segment as a StringTranslation whose
`translation_type` says who wrote it: "machine" for what DeepL or the offline translator
filled in, "manual" once a person saved it in the translation editor (changed or not) or
uploaded it in a PO file. A machine-translated segment is therefore *not reviewed* until a
person saves it. The slug segment does not count: a translated page's slug is made from its
title (slugs.py).

The translation editor lists the segments still to review; publishing a translation that has
some asks for an explicit confirmation (wagtail_hooks.py); the matrix shows such a
translation as "machine, not reviewed" (status.py).
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Exists, OuterRef
from wagtail_localize.models import StringSegment, StringTranslation

__all__ = ["segment_label", "unreviewed_machine_segments"]

IGNORED_PATHS = {"slug"}


def unreviewed_machine_segments(translation):
    """The StringTranslations of `translation` written by a machine and never reviewed,
    in the order of the source's segments, with their context (its `path`)."""
    segments = StringSegment.objects.filter(
        source_id=translation.source_id,
        string_id=OuterRef("translation_of_id"),
        context_id=OuterRef("context_id"),
    )
    return (
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        )
        .filter(Exists(segments))
        .exclude(context__path__in=IGNORED_PATHS)
        .select_related("context")
        .order_by("context__path", "pk")
    )


def segment_label(model, path):
    """What a translator calls the field of a segment: the verbose name of the field its
    path starts with ("Title", "Body"), else the path itself."""
    name = path.split(".", 1)[0]
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return path
    label = getattr(field, "verbose_name", None) or name
    return str(label)[:1].upper() + str(label)[1:]
