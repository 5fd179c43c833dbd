"""How often one visitor may ask for something costly: the site search, its suggestions and
the API's search, each counted per client address (issue 16 sent 70 searches in a row, all
answered).

A fixed window per scope: the key `throttle:<scope>:<hash of the address>:<window number>`
counts the requests of one address in one window of `window` seconds, in the project's cache
(Redis in production, so that every worker counts alike). The address is the one the public
forms count (`public_forms.client_ip`: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the
client they saw), kept only as a keyed hash. A request beyond the limit is answered 429 by its
view, with `Retry-After` set to the seconds left in the window.

When the cache cannot be reached the request is let through (logged): a public page must not
fail because the counter is down (README, "When a service fails").
"""

import logging
import time

from django.core.cache import cache

from .public_forms import client_ip, ip_hash

__all__ = ["retry_after"]

logger = logging.getLogger(__name__)


def retry_after(request, scope, limit, window=60):
    """Count this request of its client in `scope`; the seconds to wait when it is beyond
    `limit` requests in the current window of `window` seconds, else 0."""
    if not limit or limit <= 0:
        return 0
    now = time.time()
    number = int(now // window)
    key = f"throttle:{scope}:{ip_hash(client_ip(request))}:{number}"
    try:
        cache.add(key, 0, window + 1)
        try:
            count = cache.incr(key)
        except ValueError:
            # Expired between add() and incr().
            cache.set(key, 1, window + 1)
            count = 1
    except Exception:
        logger.warning("Throttle of %s not counted: the cache is unavailable.", scope)
        return 0
    if count <= limit:
        return 0
    return max(1, int((number + 1) * window - now) + 1)
