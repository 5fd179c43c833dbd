"""What a confirmed sponsor delivers itself through its signed link: a logo, the name to
display and the link to show, waiting for staff's approval before the public sees them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .records import SponsorshipApplication

__all__ = ["LogoSubmission"]


class LogoSubmission(models.Model):
    """One delivery of a sponsor's logo, display name and link. While it is pending nothing
    of it is shown; approved, it becomes the application's logo, name and link; rejected, the
    sponsor is told why and may upload again."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("logo status", "Waiting for approval")
        APPROVED = "approved", pgettext_lazy("logo status", "Approved")
        REJECTED = "rejected", pgettext_lazy("logo status", "Rejected")

    application = models.ForeignKey(
        SponsorshipApplication,
        verbose_name=_("sponsorship application"),
        on_delete=models.CASCADE,
        related_name="logo_submissions",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    display_name = models.CharField(_("display name"), max_length=200)
    link_url = models.URLField(_("link"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(
        _("reason for the rejection"),
        blank=True,
        help_text=_("Sent to the sponsor, in an e-mail asking for another upload."),
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("sponsor's logo")
        verbose_name_plural = _("sponsors' logos")
        # "approve" for Wagtail's permission policy (ModelPermissionPolicy reads
        # <app>.<action>_<model>), given to roles in cms/sponsorship/roles.py.
        permissions = [("approve_logosubmission", _("Can approve or reject a sponsor's logo"))]
        constraints = [
            # One submission waits at a time: a new upload replaces the one waiting.
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(status="pending"),
                name="sponsorship_one_pending_logo_per_application",
            )
        ]

    def __str__(self):
        return f"{self.display_name} ({self.application.event_title})"
