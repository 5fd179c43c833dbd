"""Who may do what with the pipeline: Wagtail's model permissions on pipeline entries (view,
add, change, delete; given to roles in `roles.py`), plus the finder's own permission to save a
shortlist from it."""

from wagtail.permission_policies import ModelPermissionPolicy

from cms.finder.models import can_use_finder

__all__ = ["can_save_shortlist", "can_see_pipeline", "pipeline_policy"]

# By name: the entry's form (imported by the model) uses the policy too.
pipeline_policy = ModelPermissionPolicy("pipeline.PipelineEntry")


def can_see_pipeline(user):
    """Whether `user` may read pipelines (the listings, the exports, the dashboard)."""
    return pipeline_policy.user_has_any_permission(user, ["view", "change"])


def can_save_shortlist(user):
    """Whether `user` may save a finder shortlist to an opportunity's pipeline: they use the
    finder and may add pipeline entries."""
    return can_use_finder(user) and pipeline_policy.user_has_permission(user, "add")
