"""Finding a translatable record by the id of any of its language versions."""

from cms.snippets.models import SOURCE_LOCALE

__all__ = ["english_id"]


def english_id(model, pk, **filters):
    """The id of the English row of the record `pk` (which may be one of its translations)."""
    key = model.objects.filter(pk=pk).values("translation_key")
    return (
        model.objects.filter(translation_key__in=key, **SOURCE_LOCALE, **filters)
        .values_list("pk", flat=True)
        .first()
    )
