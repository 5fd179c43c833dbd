"""The audit record of every import: who ran it, when, on which file, and what it did."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

__all__ = ["ImportRun", "import_storage"]


def import_storage():
    """Where uploaded import files wait between the preview and the confirmation.

    Never under a public address: the `imports` storage of STORAGES when there is one (tests
    use an in-memory storage), else MEDIA_ROOT/private/imports/ without a base URL (the web
    server serves only MEDIA_ROOT/images/ and original_images/, see the README).
    """
    if "imports" in settings.STORAGES:
        return storages["imports"]
    return FileSystemStorage(location=settings.MEDIA_ROOT / "private" / "imports", base_url=None)


class ImportRun(models.Model):
    """One run of an import, a dry run (preview) or a real one, kept as an audit record."""

    class Kind(models.TextChoices):
        AGREEMENTS = "agreements", _("Agreements")
        PARTNERS = "partners", _("Partners")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        PREVIEWED = "previewed", _("Checked, waiting for confirmation")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Refused")
        CONFIRMED = "confirmed", _("Confirmed")

    created_at = models.DateTimeField(_("started at"), auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    source = models.CharField(_("from"), max_length=20, default="admin", editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    file_name = models.CharField(_("file name"), max_length=255)
    file = models.FileField(
        _("file"), storage=import_storage, upload_to="uploads/", max_length=255, blank=True
    )
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64)
    encoding = models.CharField(_("encoding"), max_length=40, blank=True)
    create_partners = models.BooleanField(_("create unknown partners"), default=False)
    dry_run = models.BooleanField(_("dry run"), default=True)
    preview_of = models.ForeignKey(
        "self",
        verbose_name=_("confirms the dry run"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="confirmations",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    # Records created by the run: not Wagtail's "created" (a date, on its API tokens).
    created = models.PositiveIntegerField(pgettext_lazy("import counts", "created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    errors = models.JSONField(_("problems"), default=list, blank=True)
    preview = models.JSONField(_("preview"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return f"{self.file_name} ({self.get_kind_display()}, {self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_pending(self):
        return self.status in {self.Status.QUEUED, self.Status.RUNNING}

    @property
    def can_confirm(self):
        """A dry run without problems whose file is still kept may be confirmed once."""
        return (
            self.dry_run
            and self.status == self.Status.PREVIEWED
            and self.error_count == 0
            and bool(self.file)
        )
