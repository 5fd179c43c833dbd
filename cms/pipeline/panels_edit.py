"""The signature of a note in the entry's form: who wrote it, by name, never a field to fill
in (a new note is signed by whoever saves it, see forms.py)."""

from wagtail.admin.panels import Panel

from .display import user_name

__all__ = ["AuthorPanel"]


class AuthorPanel(Panel):
    """Shows a note's author by name; for a note being written, the person writing it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "pipeline/panels/note_author.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            note = self.instance
            author = note.author if note is not None and note.author_id else self.request.user
            context["author"] = user_name(author)
            return context
