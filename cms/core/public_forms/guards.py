"""How a public form tells a person from software without a CAPTCHA, and holds back floods.

Three measures that a person rarely notices: the honeypot field (`fields.HONEYPOT_FIELD`), a
minimum fill time, and a rate limit per client address and per e-mail address.

The fill time: each rendering of a form carries, in the hidden field FILL_TIME_FIELD, the
moment it was shown, signed with the site's secret key so that it cannot be forged. A form
sent back sooner than MIN_FILL_SECONDS after it was shown, or without a valid signed moment
(software that posts without loading the page), is silently dropped like a filled honeypot:
its sender gets the same thank-you as a person, nothing is stored, and the drop is logged.
The moment does not expire, so that a page left open for a day still sends, and is not
single-use: it stops software that posts at once, not software that waits; the rate limit
stops floods.

The rate limit is counted in the project's cache (`default`: Redis in production, local
memory in development) under the keys `<scope>:ip:<hash of the address>` and
`<scope>:email:<hash of the e-mail address>`, each a counter that lives RATE_WINDOW seconds
(one hour) from the first submission it counts; a client or an e-mail address that reached
RATE_LIMIT submissions is refused until its counter expires. Each form has its own scope.
Only accepted submissions, honeypot hits and dropped fast sends count, so that people who
correct their typing mistakes are never held back by their own corrections.

The client address is REMOTE_ADDR unless the deployment declares, in the setting
TRUSTED_PROXY_COUNT, how many reverse proxies of its own stand in front of the application
server: each of them appends the address it received the request from to X-Forwarded-For,
so the client is the address that many places from the right end of that header. Whatever a
client writes at the left end itself is never read, so a forged header cannot choose the
address that is counted.
"""

import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

__all__ = [
    "FILL_TIME_FIELD",
    "MIN_FILL_SECONDS",
    "RATE_LIMIT",
    "RATE_WINDOW",
    "TRUSTED_PROXY_COUNT_SETTING",
    "client_ip",
    "fill_token",
    "filled_too_fast",
    "ip_hash",
    "is_limited",
    "record",
]

#: The hidden field that carries the signed moment at which the form was shown.
FILL_TIME_FIELD = "shown_at"
#: Nobody reads a form, types in it and sends it faster than this; software does.
MIN_FILL_SECONDS = 2
_FILL_TIME_SALT = "cms.core.public_forms.fill_time"

#: Accepted submissions per client address, and per e-mail address, in RATE_WINDOW seconds.
RATE_LIMIT = 5
RATE_WINDOW = 60 * 60
# The salt of the stored address hashes: kept from the app where it was first used, so that
# the hashes of new submissions match those already stored.
_SALT = "cms.interest.spam"


def fill_token(shown_at=None):
    """The signed moment (a Unix time, by default now) at which a form was shown."""
    return signing.dumps(time.time() if shown_at is None else shown_at, salt=_FILL_TIME_SALT)


def filled_too_fast(request):
    """Whether the form came back sooner than a person could fill it in, or without a valid
    token of when it was shown."""
    try:
        shown_at = float(signing.loads(request.POST.get(FILL_TIME_FIELD, ""), salt=_FILL_TIME_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return True
    return time.time() - shown_at < MIN_FILL_SECONDS


#: The setting that says how many reverse proxies of the deployment's own front the
#: application server (0, the default: REMOTE_ADDR is the client).
TRUSTED_PROXY_COUNT_SETTING = "TRUSTED_PROXY_COUNT"


def client_ip(request):
    """The address of the visitor a request came from, for counting it in rate limits.

    With no trusted proxy, REMOTE_ADDR. Behind N trusted proxies, the N-th address of
    X-Forwarded-For counted from the right: the one the outermost trusted proxy received the
    request from. When the header holds fewer addresses than that (a request that reached the
    server without passing every proxy), the leftmost one it has, or REMOTE_ADDR without it.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = int(getattr(settings, TRUSTED_PROXY_COUNT_SETTING, 0) or 0)
    if proxies <= 0:
        return remote
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if not forwarded:
        return remote
    return forwarded[-min(proxies, len(forwarded))]


def ip_hash(ip):
    """A keyed hash of an IP address: the same address always gives the same value, from
    which the address cannot be found without the site's secret key."""
    return salted_hmac(_SALT, ip, algorithm="sha256").hexdigest() if ip else ""


def _email_hash(email):
    return salted_hmac(_SALT, email.strip().lower(), algorithm="sha256").hexdigest()


def _keys(ip_digest, email, scope):
    keys = [f"{scope}:ip:{ip_digest}"]
    if email:
        keys.append(f"{scope}:email:{_email_hash(email)}")
    return keys


def is_limited(ip_digest, email=None, scope="interest"):
    """Whether this address (or this e-mail address) has sent the most allowed in the window.

    Each form counts apart (`scope`): registering for alerts does not use up the budget of
    expressions of interest."""
    counts = cache.get_many(_keys(ip_digest, email, scope))
    return any(count >= RATE_LIMIT for count in counts.values())


def record(ip_digest, email=None, scope="interest"):
    """Count one more submission for the address and the e-mail address."""
    for key in _keys(ip_digest, email, scope):
        cache.add(key, 0, RATE_WINDOW)
        try:
            cache.incr(key)
        except ValueError:
            # The key expired between add() and incr().
            cache.set(key, 1, RATE_WINDOW)
