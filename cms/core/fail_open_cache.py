"""The Redis cache, failing open: with Redis down, pages still render.

Every read answers "nothing cached" and every write is dropped, so that a page is computed
again instead of failing; the rate limits of the public forms and searches count nothing and
so let requests through (open). A warning is logged at most once a minute per process, not
once per call. Admin sign-in throttling (django-axes) keeps its counts in the database, not in
this cache, and so holds while Redis is down.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

__all__ = ["FailOpenRedisCache"]

logger = logging.getLogger("cms.core.cache")

# Connection refused, reset, timed out (OSError covers what redis-py lets through).
_FAILURES = (RedisError, OSError)
_LOG_EVERY = 60


class FailOpenRedisCache(RedisCache):
    """Django's Redis cache, where an unreachable Redis reads as a cache miss."""

    _last_warning = 0.0

    def _failed(self, operation, error):
        now = time.monotonic()
        if now - FailOpenRedisCache._last_warning >= _LOG_EVERY:
            FailOpenRedisCache._last_warning = now
            logger.warning("Redis cache unavailable (%s: %s); serving without it", operation, error)

    def _guard(self, operation, fallback, call, *args, **kwargs):
        try:
            return call(*args, **kwargs)
        except _FAILURES as error:
            self._failed(operation, error)
            return fallback

    # Each operation of Django's RedisCache, with what it answers when Redis cannot.
    def add(self, *args, **kwargs):
        return self._guard("add", False, super().add, *args, **kwargs)

    def get(self, key, default=None, version=None):
        return self._guard("get", default, super().get, key, default, version)

    def set(self, *args, **kwargs):
        return self._guard("set", None, super().set, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guard("touch", False, super().touch, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._guard("delete", False, super().delete, *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._guard("get_many", {}, super().get_many, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._guard("has_key", False, super().has_key, *args, **kwargs)

    def incr(self, key, delta=1, version=None):
        # A counter that cannot be read counts as new: a rate limit lets the request through.
        return self._guard("incr", delta, super().incr, key, delta, version)

    def set_many(self, *args, **kwargs):
        return self._guard("set_many", [], super().set_many, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guard("delete_many", None, super().delete_many, *args, **kwargs)

    def clear(self):
        return self._guard("clear", False, super().clear)
