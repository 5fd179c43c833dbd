"""The demo loader writes its snippet translations without going through
`TranslationSource.create_or_update_translation()` for each language (cms/demo/localize.py,
`_SnippetSource`): it reads what that method reads once for all the languages. The records
must be exactly those wagtail-localize writes, so that a translator who opens one in the
editor and publishes it changes nothing: this runs wagtail-localize's own method on the
demo's translations of every kind of snippet and compares."""

import json

import pytest
from django.forms.models import model_to_dict
from wagtail.models import RevisionMixin
from wagtail_localize.models import TranslationSource

from cms.localization.permissions import translatable_snippet_models

#: Sources compared per model: partners have the most varied translations (overridden
#: acronyms and other names, child rows); the vocabularies are all alike.
SAMPLES = {"Partner": 4}
OTHER_MODELS_SAMPLES = 2


def _content(instance):
    """The record's fields and child rows, without the ids that a rewrite may renumber."""
    if hasattr(instance, "to_json"):
        data = json.loads(instance.to_json())
    else:
        data = model_to_dict(instance)
    return _without_ids(data)


def _without_ids(data):
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key not in ("pk", "id")}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


@pytest.mark.django_db
def test_wagtail_localize_would_write_the_same_snippet_translations(demo_data):
    compared = {}
    for model in translatable_snippet_models():
        if issubclass(model, RevisionMixin):
            continue  # written by wagtail-localize itself (revisions, publication)
        sources = TranslationSource.objects.filter(
            specific_content_type__app_label=model._meta.app_label,
            specific_content_type__model=model._meta.model_name,
        ).order_by("pk")[: SAMPLES.get(model.__name__, OTHER_MODELS_SAMPLES)]
        for source in sources:
            translations = model._default_manager.filter(translation_key=source.object_id).exclude(
                locale_id=source.locale_id
            )
            for translated in translations:
                before = _content(translated)
                source.create_or_update_translation(translated.locale, fallback=True)
                after = _content(model._default_manager.get(pk=translated.pk))
                assert after == before, f"{model.__name__} {translated} ({translated.locale})"
                compared[model.__name__] = compared.get(model.__name__, 0) + 1
    # Partners and the vocabularies at least, in the five other languages.
    assert compared.get("Partner", 0) >= 5 * SAMPLES["Partner"]
    assert len(compared) >= 4, compared
