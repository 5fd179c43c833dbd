"""What the search keeps in the database besides its index."""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["PendingIndexOperation"]


class PendingIndexOperation(models.Model):
    """A change that could not reach the search index (Elasticsearch was unreachable).

    Editors are never blocked by a search outage: the error is logged and the object is
    written down here, and `rebuild_search_index` or the catch-up task
    (`search.tasks.catch_up_index_task`) applies it later. One row per object and backend.
    """

    class Action(models.TextChoices):
        INDEX = "index", _("index")
        DELETE = "delete", _("remove from the index")

    backend = models.CharField(_("search backend"), max_length=40)
    app_label = models.CharField(_("application"), max_length=100)
    model_name = models.CharField(_("model"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=50)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    attempts = models.PositiveIntegerField(_("attempts"), default=1)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("first failure"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last failure"), auto_now=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["backend", "app_label", "model_name", "object_id"],
                name="unique_pending_index_operation",
            )
        ]
        verbose_name = _("pending index operation")
        verbose_name_plural = _("pending index operations")

    def __str__(self):
        return f"{self.action} {self.app_label}.{self.model_name} {self.object_id} ({self.backend})"
