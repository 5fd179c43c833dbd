"""The subscriber's pages, reached from the signed links of the e-mails (no password).

A GET only shows a page (a mail scanner that opens the links changes nothing); confirming,
unsubscribing, saving and deleting happen on a POST from the page's button. Each of these
changes is written to the consent history (`Consent`, with the privacy notice's version and a
hash of the client's address and user agent). Every page here shows a subscriber's data, so
none may be kept by a browser or a proxy: `never_cache` sends `Cache-Control: no-store`.

Deletion erases everything the site holds under the subscriber's address: the subscription,
its history and e-mails, and, through `cms.core.personal_data`, their expressions of interest
and sponsorship applications; the export holds all of these. What remains is one hashed
suppression entry (`Consent.Event.DELETED`).
"""

import json

from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cms.core import personal_data
from cms.core.public_forms import PRIVACY_NOTICE_VERSION

from .emails import ALERT
from .forms import PreferencesForm
from .links import subscriber_for, token
from .models import Consent, Subscriber
from .registration import record_consent

__all__ = ["confirm", "delete", "do_unsubscribe", "erase", "export", "manage", "unsubscribe"]


#: The subscriber's pages are theirs alone: search engines are kept away.
PRIVATE = {"meta_noindex": True}


def _invalid(request):
    return render(request, "alerts/invalid_link.html", PRIVATE, status=404)


def _redirect(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def _manage_url(request, subscriber, state):
    from django.urls import reverse

    return f"{reverse('alerts:manage', args=[token(subscriber, 'manage')])}?done={state}"


def _action_page(request, title, text, button, status=200):
    return render(
        request,
        "alerts/action.html",
        {"title": title, "text": text, "button": button, **PRIVATE},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, value):
    """Double opt-in: the confirmation link's page; its button confirms."""
    subscriber = subscriber_for(value, "confirm")
    if subscriber is None:
        return _invalid(request)
    if request.method == "POST":
        with transaction.atomic():
            updated = Subscriber.objects.filter(
                pk=subscriber.pk, status=Subscriber.Status.PENDING
            ).update(status=Subscriber.Status.CONFIRMED, confirmed_at=timezone.now())
            if updated:
                record_consent(subscriber, Consent.Event.CONFIRMED, get_language(), request)
        return _redirect(_manage_url(request, subscriber, "confirmed"))
    if subscriber.status != Subscriber.Status.PENDING:
        return _redirect(_manage_url(request, subscriber, "already"))
    return _action_page(
        request,
        _("Confirm your registration"),
        _("Press the button to start receiving the partnership opportunities you chose."),
        _("Confirm my registration"),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, value):
    """Criteria, language and frequency; links to download, unsubscribe and delete."""
    subscriber = subscriber_for(value, "manage")
    if subscriber is None:
        return _invalid(request)
    action = request.POST.get("action")
    if request.method == "POST" and action == "resubscribe":
        Subscriber.objects.filter(pk=subscriber.pk).update(
            status=Subscriber.Status.CONFIRMED, unsubscribed_at=None, confirmed_at=timezone.now()
        )
        record_consent(subscriber, Consent.Event.RESUBSCRIBED, get_language(), request)
        return _redirect(_manage_url(request, subscriber, "resubscribed"))
    if request.method == "POST":
        form = PreferencesForm(request.POST, instance=subscriber)
        if form.is_valid():
            with transaction.atomic():
                form.save()
                record_consent(subscriber, Consent.Event.CHANGED, get_language(), request)
            return _redirect(_manage_url(request, subscriber, "saved"))
        status = 400
    else:
        form = PreferencesForm(instance=subscriber)
        status = 200
    context = {
        "subscriber": subscriber,
        "form": form,
        "errors": form.error_summary() if form.is_bound else [],
        "done": request.GET.get("done", ""),
        "token": value,
        "unsubscribe_token": token(subscriber, "unsubscribe"),
        **PRIVATE,
    }
    return render(request, "alerts/manage.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, value):
    """The unsubscribe link's page; its button unsubscribes."""
    subscriber = subscriber_for(value, "unsubscribe")
    if subscriber is None:
        return _invalid(request)
    if request.method == "POST":
        do_unsubscribe(subscriber, request)
        return _redirect(_manage_url(request, subscriber, "unsubscribed"))
    return _action_page(
        request,
        _("Unsubscribe"),
        _("Press the button to stop receiving partnership opportunities."),
        _("Unsubscribe"),
    )


def do_unsubscribe(subscriber, request=None):
    """Stop every e-mail to the subscriber (the one-click POST does the same), and write it
    to the consent history."""
    with transaction.atomic():
        changed = (
            Subscriber.objects.filter(pk=subscriber.pk)
            .exclude(status=Subscriber.Status.UNSUBSCRIBED)
            .update(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now())
        )
        if changed:
            record_consent(subscriber, Consent.Event.UNSUBSCRIBED, get_language(), request)
    return changed


def erase(subscriber, request=None):
    """Erase everything held under the subscriber's address, in every app, and leave only the
    hashed suppression entry (the DELETED event of the consent history)."""
    with transaction.atomic():
        personal_data.erase(subscriber.email)
        subscriber.emails.all().delete()
        subscriber.delete()
        Consent.objects.create(
            subscriber=None,
            event=Consent.Event.DELETED,
            privacy_notice_version=PRIVACY_NOTICE_VERSION,
            language=get_language() or "",
            criteria={},
            email_hash=personal_data.email_digest(subscriber.email),
            client_hash=personal_data.client_digest(request),
        )


@never_cache
@require_http_methods(["GET", "POST"])
def delete(request, value):
    """Erase the subscriber and everything held about them, after a confirmation."""
    subscriber = subscriber_for(value, "manage")
    if subscriber is None:
        return _invalid(request)
    if request.method == "POST":
        erase(subscriber, request)
        return render(request, "alerts/deleted.html", PRIVATE)
    return _action_page(
        request,
        _("Delete your data"),
        _(
            "Press the button to delete your registration and every detail we hold about you. "
            "You will receive nothing more from us."
        ),
        _("Delete my data"),
    )


@never_cache
@require_http_methods(["GET"])
def export(request, value):
    """Everything held about the subscriber, as a JSON file (reading changes nothing)."""
    subscriber = subscriber_for(value, "manage")
    if subscriber is None:
        return _invalid(request)
    data = subscriber_data(subscriber)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="my-subscription.json"'
    return response


def subscriber_data(subscriber):
    """The subscriber's record, consents and the e-mails sent to them, and what the other
    apps hold under their address (expressions of interest, sponsorship applications), as
    plain values."""

    def when(value):
        return value.isoformat() if value else None

    opportunities = {
        match.email_id: match.page.title
        for match in subscriber.matches.filter(email__kind=ALERT).select_related("page")
    }
    # The "closing soon" reminders name their opportunity too.
    opportunities.update(
        (reminder.email_id, reminder.page.title)
        for reminder in subscriber.reminders.exclude(email=None).select_related("page")
    )

    return {
        "organisation": subscriber.organisation,
        "kind": subscriber.kind.code,
        "country": subscriber.country.code,
        "contact_name": subscriber.contact_name,
        "email": subscriber.email,
        "language": subscriber.language,
        "status": subscriber.status,
        "criteria": subscriber.criteria(),
        "registered_at": when(subscriber.created_at),
        "confirmed_at": when(subscriber.confirmed_at),
        "unsubscribed_at": when(subscriber.unsubscribed_at),
        "consents": [
            {
                "event": consent.event,
                "given_at": when(consent.given_at),
                "privacy_notice_version": consent.privacy_notice_version,
                "language": consent.language,
                "criteria": consent.criteria,
            }
            for consent in subscriber.consents.all()
        ],
        "emails": [
            {
                "kind": email.kind.removeprefix("alerts."),
                "status": email.status,
                "created_at": when(email.created_at),
                "sent_at": when(email.sent_at),
                "opportunity": opportunities.get(email.pk),
            }
            for email in subscriber.emails.order_by("pk")
        ],
        **personal_data.export(subscriber.email),
    }
