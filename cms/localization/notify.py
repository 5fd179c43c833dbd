"""Asking for a sync: the people who may synchronize a source hear of it, in their language.

A translator who finds their translation outdated cannot synchronize it themselves
(synchronizing rewrites every language from the source, guards.py). They ask from the matrix;
everyone who may synchronize that source (may enter the translation workflow, is not limited
to some languages, and may edit the source, all by Wagtail's permission policies) gets an
e-mail in their own admin language with what changed and the link to synchronize.

Each e-mail is a row of the outbox (`cms.core.outbox`), one per recipient, written in one
transaction and sent with retries: the translator's request is kept even while the mail
server is down. A translator asks once per translation (source and language) in
REQUEST_INTERVAL: pressing the button again does not e-mail the same people again.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from cms.core import outbox
from cms.core.emails import absolute, render
from cms.core.models import OutgoingEmail

from .guards import user_may_edit_source

__all__ = [
    "REQUEST_INTERVAL",
    "SYNC_REQUEST",
    "AlreadyRequested",
    "notify_sync_request",
    "users_who_may_sync",
]

SYNC_REQUEST = "localization.sync_request"
#: How long a translator's request for the sync of one translation stands before they may ask
#: again.
REQUEST_INTERVAL = timedelta(hours=24)


class AlreadyRequested(Exception):
    """The user asked for this translation's sync less than REQUEST_INTERVAL ago."""


def users_who_may_sync(instance):
    """Active users who may synchronize the translations of `instance`."""
    permission = Q(user_permissions__codename="submit_translation") | Q(
        groups__permissions__codename="submit_translation"
    )
    candidates = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | permission)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    return [
        user
        for user in candidates
        if user.has_perm("wagtail_localize.submit_translation")
        and user_may_edit_source(user, instance)
    ]


def _language_of(user):
    profile = UserProfile.objects.filter(user=user).first()
    language = profile.preferred_language if profile else ""
    return language or settings.LANGUAGE_CODE


def _request_key(requested_by, locale):
    return f"{requested_by.pk}:{locale.language_code}:"


def notify_sync_request(*, status, instance, locale, changes, requested_by):
    """Write an e-mail to everyone who may synchronize `instance` to the outbox; return how
    many will be told.

    Raises AlreadyRequested when `requested_by` asked for the sync of this translation
    (source and language) less than REQUEST_INTERVAL ago."""
    source = TranslationSource.objects.get(pk=status.translation_source_id)
    prefix = _request_key(requested_by, locale)
    recipients = [user for user in users_who_may_sync(instance) if user.pk != requested_by.pk]
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    changes_url = reverse("translation_changes", args=[status.pk])
    now = timezone.now()
    with transaction.atomic():
        # One request at a time per source: a double click waits here, then finds the first.
        TranslationSource.objects.select_for_update().filter(pk=source.pk).first()
        earlier = OutgoingEmail.objects.filter(
            kind=SYNC_REQUEST,
            cause_type=ContentType.objects.get_for_model(TranslationSource),
            cause_id=source.pk,
            key__startswith=prefix,
            created_at__gte=now - REQUEST_INTERVAL,
        )
        if earlier.exists():
            raise AlreadyRequested
        for user in recipients:
            context = {
                "recipient": user,
                "requested_by": requested_by,
                "title": status.title,
                "language": locale.get_display_name(),
                "changes": changes,
                "sync_url": absolute(sync_url),
                "changes_url": absolute(changes_url),
            }
            email = render(
                "localization/email/sync_request",
                context,
                to=user.email,
                language=_language_of(user),
                reply_to=[requested_by.email],
                html=False,
            )
            outbox.write(SYNC_REQUEST, email, cause=source, key=f"{prefix}{now.timestamp():.6f}")
    return len(recipients)
