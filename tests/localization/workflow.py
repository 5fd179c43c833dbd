"""The translator's actions, done through wagtail-localize's admin views as in the browser."""

from contextlib import contextmanager

from django.contrib.admin.utils import quote
from django.test import TestCase
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

FORM = "application/x-www-form-urlencoded"

__all__ = [
    "committed",
    "edit_url",
    "fix_segment",
    "machine_translate",
    "publish",
    "review",
    "segment_translation",
    "submit",
    "submit_url",
    "sync",
    "translation_of",
]


@contextmanager
def committed():
    """Run what is done inside as if its transaction committed: wagtail-localize publishes,
    and the status matrix refreshes, on commit (the tests run inside a rolled-back
    transaction)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield


def submit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
    opts = instance._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[opts.app_label, opts.model_name, quote(instance.pk)],
    )


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    opts = instance._meta
    return reverse(f"wagtailsnippets_{opts.app_label}_{opts.model_name}:edit", args=[instance.pk])


def submit(client, instance, *codes):
    """Press "Translate" and pick the languages; returns the response."""
    locales = Locale.objects.filter(language_code__in=codes)
    with committed():
        return client.post(submit_url(instance), {"locales": [locale.pk for locale in locales]})


def translation_of(instance, code):
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code=code
    )


def machine_translate(client, translation):
    with committed():
        return client.post(
            reverse("wagtail_localize:machine_translate", args=[translation.pk]),
            {"next": "/admin/"},
        )


def target(translation):
    instance = translation.get_target_instance()
    return instance.specific if isinstance(instance, Page) else instance


def publish(client, translation, *, confirm=False):
    """The translation editor's "Publish" button; with `confirm`, also the confirmation asked
    when machine-translated segments are not reviewed yet."""
    data = {"action": "publish"}
    if confirm:
        data["confirm_machine_translations"] = "1"
    with committed():
        return client.post(edit_url(target(translation)), data)


def review(client, translation):
    """A translator reviews every machine-translated segment: saves it as it is."""
    from cms.localization.review import unreviewed_machine_segments

    for row in list(unreviewed_machine_segments(translation)):
        string_segment = StringSegment.objects.filter(
            source=translation.source, string_id=row.translation_of_id, context_id=row.context_id
        ).first()
        url = reverse(
            "wagtail_localize:edit_string_translation", args=[translation.pk, string_segment.pk]
        )
        with committed():
            response = client.put(url, urlencode({"value": row.data}), content_type=FORM)
        assert response.status_code in (200, 201), response.content


def segment(translation, path):
    return StringSegment.objects.get(source=translation.source, context__path=path)


def fix_segment(client, translation, path, text):
    """A translator corrects one segment by hand in the translation editor."""
    string_segment = segment(translation, path)
    url = reverse(
        "wagtail_localize:edit_string_translation", args=[translation.pk, string_segment.pk]
    )
    with committed():
        return client.put(url, urlencode({"value": text}), content_type=FORM)


def segment_translation(translation, path):
    """The current translation of a segment, or None when it is flagged (untranslated)."""
    string_segment = segment(translation, path)
    row = StringTranslation.objects.filter(
        translation_of=string_segment.string,
        context=string_segment.context,
        locale=translation.target_locale,
    ).first()
    return row.data if row else None


def sync(client, instance, publish_translations=True):
    """Press "Sync translated pages/snippets" on the source."""
    source = Translation.objects.filter(source__object_id=instance.translation_key).first().source
    data = {"publish_translations": "on"} if publish_translations else {}
    with committed():
        return client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), data)
