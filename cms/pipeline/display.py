"""How pipeline entries read to staff, wherever they are shown (the listing, the record, the
dashboard, the form, the downloads): partners and opportunities named in the staff member's
language in the same query as the entries, people by name, dates written out in the language,
and "—" for what is empty."""

from django.conf import settings
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from cms.core.formats import format_date, format_number
from cms.pages.models import OpportunityPage
from cms.snippets.models import Partner

__all__ = ["follow_up_text", "latest_note_text", "localized_entries", "score_text", "user_name"]


def user_name(user):
    """A staff member as colleagues call them: their full name, else their username."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def localized_entries(queryset, language):
    """`queryset` with `partner_name` (the partner's name in `language` where it is
    translated, else English) and `opportunity_title` (likewise), in the same query."""
    partner_name = Partner.objects.filter(
        translation_key=OuterRef("partner__translation_key"), locale__language_code=language
    ).values("name")[:1]
    opportunity_title = OpportunityPage.objects.filter(
        translation_key=OuterRef("opportunity__translation_key"), locale__language_code=language
    ).values("title")[:1]
    if language == settings.LANGUAGE_CODE:
        return queryset.annotate(
            partner_name=F("partner__name"), opportunity_title=F("opportunity__title")
        )
    return queryset.annotate(
        partner_name=Coalesce(Subquery(partner_name), F("partner__name")),
        opportunity_title=Coalesce(Subquery(opportunity_title), F("opportunity__title")),
    )


def follow_up_text(entry):
    """The next follow-up as the staff member reads it, flagged when it is overdue."""
    if entry.next_follow_up is None:
        return "—"
    day = format_date(entry.next_follow_up)
    return _("%(date)s (overdue)") % {"date": day} if entry.is_overdue else day


def latest_note_text(entry):
    """The entry's latest note, dated and cut short, for a listing's cell."""
    if not entry.latest_note:
        return "—"
    text = " ".join(entry.latest_note.split())
    text = text if len(text) <= 80 else text[:79] + "…"
    return f"{format_date(entry.latest_note_date)}: {text}"


def score_text(entry):
    """The entry's score in the finder, as the staff member writes numbers."""
    return format_number(entry.finder_score, 2) if entry.finder_score is not None else "—"
