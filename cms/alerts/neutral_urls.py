"""Language-neutral addresses (outside /<language>/), included at the top of cms/urls.py:
the one-click unsubscribe target of the List-Unsubscribe header (RFC 8058)."""

from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .links import subscriber_for

app_name = "alerts_neutral"


@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def one_click(request, value):
    """POST (from the mail client): unsubscribe at once. GET (a person, or a link scanner):
    the unsubscribe page with its button, in the subscriber's language; nothing changes."""
    from .views import do_unsubscribe

    subscriber = subscriber_for(value, "unsubscribe")
    if subscriber is None:
        return HttpResponse(status=404)
    if request.method == "POST":
        do_unsubscribe(subscriber, request)
        return HttpResponse(status=200)
    with translation.override(subscriber.language):
        return HttpResponseRedirect(reverse("alerts:unsubscribe", args=[value]))


urlpatterns = [path("alerts/unsubscribe/<str:value>/", one_click, name="one_click")]
