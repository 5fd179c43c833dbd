"""The form of a pipeline entry in the admin: its follow-up and its notes.

A note is signed by whoever writes it, never chosen from a list; the owner is chosen among
the people who may follow partners up (who may change pipeline entries), by name.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from .concepts import concept_opportunity, concept_partner
from .display import user_name
from .permissions import pipeline_policy

__all__ = ["PipelineEntryForm"]


class PipelineEntryForm(WagtailAdminModelForm):
    """The entry's stage, owner, next follow-up and notes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "owner" in self.fields:
            may_follow = pipeline_policy.users_with_permission("change").values("pk")
            self.fields["owner"].queryset = (
                get_user_model()
                .objects.filter(Q(pk__in=may_follow) | Q(pk=self.instance.owner_id))
                .order_by("first_name", "last_name", "username")
            )
            self.fields["owner"].label_from_instance = user_name

    def clean_opportunity(self):
        page = self.cleaned_data.get("opportunity")
        return concept_opportunity(page) if page is not None else page

    def clean_partner(self):
        partner = self.cleaned_data.get("partner")
        return concept_partner(partner) if partner is not None else partner

    def save(self, commit=True):
        if "stage" in self.changed_data:
            self.instance.stage_changed_at = timezone.now()
        for form in self.formsets["notes"].forms if "notes" in self.formsets else ():
            if form.instance.pk is None and form.instance.author_id is None:
                form.instance.author = self.for_user
        return super().save(commit=commit)
