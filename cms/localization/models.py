"""The translation status matrix, kept up to date as content changes (see status.py).

One row per translatable object (a page or a translatable snippet, identified by its
translation key), one cell per language. Reading the matrix is a plain query on these two
tables; the cells are recomputed only for the objects that changed.
"""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

__all__ = ["GroupLanguage", "TranslationCell", "TranslationStatus"]


class TranslationStatus(models.Model):
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("type")
    )
    translation_key = models.UUIDField(_("translation key"))
    is_page = models.BooleanField(_("page"), default=False)
    source_locale = models.ForeignKey(
        Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("source language")
    )
    source_object_id = models.CharField(_("source object"), max_length=64)
    # wagtail-localize's frozen source, when the object was ever submitted for translation.
    translation_source_id = models.PositiveIntegerField(null=True, blank=True)
    title = models.CharField(_("title"), max_length=255)
    page_path = models.CharField(max_length=255, blank=True, db_index=True)
    updated_at = models.DateTimeField(_("last refreshed"), auto_now=True)

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translation statuses")
        ordering = ["content_type_id", "title", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "translation_key"], name="unique_status_per_object"
            )
        ]

    def __str__(self):
        return self.title


class TranslationCell(models.Model):
    SOURCE = "source"
    MISSING = "missing"
    IN_PROGRESS = "in_progress"
    UP_TO_DATE = "up_to_date"
    OUTDATED = "outdated"
    # Some segments are machine translations that nobody has reviewed (review.py).
    MACHINE = "machine"
    STATES = [
        (SOURCE, _("Source")),
        (MISSING, _("Missing")),
        (IN_PROGRESS, _("In progress")),
        (MACHINE, _("Machine, not reviewed")),
        (UP_TO_DATE, _("Up to date")),
        (OUTDATED, _("Outdated")),
    ]

    status = models.ForeignKey(TranslationStatus, on_delete=models.CASCADE, related_name="cells")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(_("state"), max_length=16, choices=STATES)
    # Percent of the segments translated (translations in progress).
    percent = models.PositiveSmallIntegerField(null=True, blank=True)
    # The instance in this language, when there is one.
    object_id = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("translation status cell")
        verbose_name_plural = _("translation status cells")
        constraints = [
            models.UniqueConstraint(fields=["status", "locale"], name="unique_cell_per_locale")
        ]
        indexes = [models.Index(fields=["locale", "state"])]

    def __str__(self):
        return f"{self.status} [{self.locale.language_code}] {self.state}"


class GroupLanguage(models.Model):
    """A language a group of staff works in (scope.py): its rights on translatable records,
    and its translations, hold in its languages only. The translators' roles have theirs from
    cms.core.roles; a group made by an administrator has the languages of its page
    permissions."""

    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="working_languages", verbose_name=_("group")
    )
    locale = models.ForeignKey(
        Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("language")
    )

    class Meta:
        verbose_name = _("working language")
        verbose_name_plural = _("working languages")
        constraints = [
            models.UniqueConstraint(fields=["group", "locale"], name="unique_group_language")
        ]

    def __str__(self):
        return f"{self.group} [{self.locale.language_code}]"
