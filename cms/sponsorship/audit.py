"""The steps of sponsorship applications in Wagtail's audit log (its history and reports): who
took which step, and when a step was taken despite its conditions, which ones and why."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

from .models import SponsorshipApplication
from .workflow import OVERRIDE_ACTION, STEP_ACTION, TRANSITIONS

__all__ = ["register_actions"]


def _label(data):
    step = TRANSITIONS.get(data.get("action"))
    return step[2] if step else data.get("action", "")


class StepFormatter(LogFormatter):
    label = _("Sponsorship step")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        status = SponsorshipApplication.Status(data["status"]).label if data.get("status") else ""
        return _("“%(step)s”: the application is now %(status)s.") % {
            "step": _label(data),
            "status": status,
        }


class OverrideFormatter(LogFormatter):
    label = _("Sponsorship step despite its conditions")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("“%(step)s” despite: %(conditions)s Reason given: %(reason)s") % {
            "step": _label(data),
            "conditions": " ".join(data.get("conditions", [])),
            "reason": data.get("reason", ""),
        }


def register_actions(actions):
    """The two actions (`register_log_actions`)."""
    actions.register_action(STEP_ACTION)(StepFormatter)
    actions.register_action(OVERRIDE_ACTION)(OverrideFormatter)
