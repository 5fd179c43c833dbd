"""Protection of the expression-of-interest form against spam, without a CAPTCHA.

Two measures that a person never notices: a honeypot field (forms.HONEYPOT_FIELD) and a limit
on the number of expressions of interest per IP address and per e-mail address in an hour,
counted in the cache. Only accepted submissions count, so that people who make typing
mistakes are never held back by their own corrections.
"""

from django.core.cache import cache
from django.utils.crypto import salted_hmac

__all__ = ["RATE_LIMIT", "RATE_WINDOW", "client_ip", "ip_hash", "is_limited", "record"]

RATE_LIMIT = 5
RATE_WINDOW = 60 * 60  # seconds

_SALT = "cms.interest.spam"


def client_ip(request):
    """The address the request came from, as the application server saw it.

    X-Forwarded-For is not read: any client can send it. Behind a reverse proxy, REMOTE_ADDR
    is the proxy's own address unless the deployment rewrites it, and every visitor would then
    share one limit.
    """
    return request.META.get("REMOTE_ADDR", "")


def ip_hash(ip):
    """A keyed hash of an IP address: the same address always gives the same value, from
    which the address cannot be found without the site's secret key."""
    return salted_hmac(_SALT, ip, algorithm="sha256").hexdigest() if ip else ""


def _email_hash(email):
    return salted_hmac(_SALT, email.strip().lower(), algorithm="sha256").hexdigest()


def _keys(ip_digest, email=None, scope="interest"):
    keys = [f"{scope}:ip:{ip_digest}"]
    if email:
        keys.append(f"{scope}:email:{_email_hash(email)}")
    return keys


def is_limited(ip_digest, email=None, scope="interest"):
    """Whether this address (or this e-mail address) has sent the most allowed in the hour.

    Each form counts apart (`scope`): registering for alerts does not use up the budget of
    expressions of interest."""
    counts = cache.get_many(_keys(ip_digest, email, scope))
    return any(count >= RATE_LIMIT for count in counts.values())


def record(ip_digest, email=None, scope="interest"):
    """Count one more submission for the address and the e-mail address.

    The window starts with the first submission and lasts RATE_WINDOW seconds.
    """
    for key in _keys(ip_digest, email, scope):
        cache.add(key, 0, RATE_WINDOW)
        try:
            cache.incr(key)
        except ValueError:
            # The key expired between add() and incr().
            cache.set(key, 1, RATE_WINDOW)
