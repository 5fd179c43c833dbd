"""What the search keeps in the database besides its index: changes waiting for the search
engine, and the editors' lists of words that mean the same."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["PendingIndexOperation", "SearchSynonym"]

# The comma of Latin scripts, and the Arabic and Chinese ones an editor may type instead.
TERM_SEPARATOR_RE = re.compile(r"[,\u060c\uff0c\u3001]")


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


class SearchSynonym(models.Model):
    """Words or phrases that mean the same to a visitor searching in one language: a query
    holding one of them finds what holds any other (``FIGI`` finds "Financial Inclusion
    Global Initiative"; ``بنك`` finds ``مصرف``).

    Kept by editors in the admin (search/wagtail_hooks.py) and applied when a query is read
    (search/synonyms.py), so that a change holds at the next search without reindexing, on
    the database and on a search cluster alike.
    """

    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        help_text=_("The language of the visitors' searches this group applies to."),
    )
    terms = models.CharField(
        _("equivalent terms"),
        max_length=500,
        help_text=_(
            "Two or more words or phrases that mean the same, separated by commas, for "
            "example: FIGI, Financial Inclusion Global Initiative. A search for any of them "
            "also finds the others."
        ),
    )

    class Meta:
        ordering = ["language", "terms"]
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return self.terms

    def term_list(self):
        """The group's terms as written, without blanks or repeats."""
        terms = (term.strip() for term in TERM_SEPARATOR_RE.split(self.terms))
        return list(dict.fromkeys(term for term in terms if term))

    def clean(self):
        from .analysis import analyze

        terms = self.term_list()
        # Compared as the search reads them: "banque" and "Banques" are one term.
        readable = {tuple(analyze(term, self.language)) for term in terms} - {()}
        if len(readable) < 2:
            raise ValidationError(
                {"terms": _("Give at least two different words or phrases, separated by commas.")}
            )
        self.terms = ", ".join(terms)
