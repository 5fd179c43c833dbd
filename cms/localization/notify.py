"""Asking for a sync: the people who may synchronize a source hear of it, in their language.

A translator who finds their translation outdated cannot synchronize it themselves
(synchronizing rewrites every language from the source, guards.py). They ask from the matrix;
everyone who may synchronize that source (may enter the translation workflow, is not limited
to some languages, and may edit the source, all by Wagtail's permission policies) gets an
e-mail in their own admin language with what changed and the link to synchronize.
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from .guards import user_may_edit_source
from .scope import translation_scope

__all__ = ["notify_sync_request", "users_who_may_sync"]

logger = logging.getLogger(__name__)


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
        and translation_scope(user) is None
        and user_may_edit_source(user, instance)
    ]


def _language_of(user):
    profile = UserProfile.objects.filter(user=user).first()
    language = profile.preferred_language if profile else ""
    return language or settings.LANGUAGE_CODE


def notify_sync_request(*, status, instance, locale, changes, requested_by):
    """E-mail everyone who may synchronize `instance`; returns how many were told.

    Raises OSError (smtplib.SMTPException included) when the mail server refuses."""
    recipients = [user for user in users_who_may_sync(instance) if user.pk != requested_by.pk]
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    sync_url = base + reverse(
        "wagtail_localize:update_translations", args=[status.translation_source_id]
    )
    changes_url = base + reverse("translation_changes", args=[status.pk])
    messages = []
    for user in recipients:
        language = _language_of(user)
        with translation.override(language):
            context = {
                "recipient": user,
                "requested_by": requested_by,
                "title": status.title,
                "language": locale.get_display_name(),
                "changes": changes,
                "sync_url": sync_url,
                "changes_url": changes_url,
            }
            subject = " ".join(
                render_to_string("localization/email/sync_request_subject.txt", context).split()
            )
            body = render_to_string("localization/email/sync_request.txt", context)
        message = EmailMessage(subject, body, to=[user.email])
        if requested_by.email:
            message.reply_to = [requested_by.email]
        messages.append(message)
    if messages:
        try:
            get_connection().send_messages(messages)
        except (OSError, smtplib.SMTPException):
            logger.exception("Could not send the sync request for %s", status.title)
            raise
    return len(messages)
