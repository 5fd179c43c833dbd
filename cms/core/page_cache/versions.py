"""Dependency tags and their versions, kept in the shared cache.

A *tag* names something a cached value was built from: `path:<tree path>` (a page and,
by prefix, its descendants, in every language), `pages:<app.model>` (the set of live pages
of a type, which listings show), `model:<app.model>` (the rows of a snippet or vocabulary),
`menu`, `site`. Its *version* is an opaque string in the default cache under
`pc:v:<tag>`; a change writes a new one (`bump`). A value stored with the versions of its
tags is still right exactly while every one of them is unchanged (`current`), which one
`get_many` tells; a version missing from the cache (evicted, or the cache emptied) counts
as changed, never as unchanged.

Versions are the time of the change in nanoseconds (and a random part, so that two
processes never write the same one). A value whose tags changed while it was being built
may have read the old data: `store_allowed` refuses to store it when any of its tags is
newer than the moment the build began, less PAGE_CACHE_CLOCK_SKEW_MS (a second by default:
the clock difference between servers tolerated; the test settings set 0, one process).

Every value also depends on the tag `EVERYTHING`: changes made in bulk (a loader writing
thousands of rows) bump it once instead of each row's tags (`bump_everything`).
"""

import secrets
import time
from collections import Counter, deque
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

__all__ = [
    "EVERYTHING",
    "bump",
    "bump_everything",
    "cached_value",
    "current",
    "depends_on",
    "forget_process_state",
    "recorded_tags",
    "start_version",
    "store_allowed",
    "usual_tags",
    "versions",
    "versions_read_once",
]

VERSION_PREFIX = "pc:v:"
VALUE_PREFIX = "pc:val:"
_REQUEST_ATTRIBUTE = "_page_cache_tags"
#: The tag every stored value depends on, whatever it shows.
EVERYTHING = "everything"


def _new_version(moment=None):
    return f"{time.time_ns() if moment is None else moment}.{secrets.token_hex(4)}"


def _version_time(version):
    try:
        return int(str(version).split(".", 1)[0])
    except ValueError:
        return 0


#: {tag: version} read during the current request (`versions_read_once`), or None.
_read_once = ContextVar("page_cache_versions_read_once", default=None)

#: The tags read by each of this process's last requests (`versions_read_once`), newest last.
_recent_requests = deque(maxlen=16)
#: Tags read by at least this many of those requests are read at once by the next one.
USUAL_TAG_REQUESTS = 2
#: At most this many tags are read ahead.
USUAL_TAGS_MAX = 64


def forget_process_state():
    """Forget what this process keeps beside the shared cache (the usual tags, the values
    kept in the process): with the shared cache emptied, as between two tests."""
    _recent_requests.clear()
    _in_process.clear()


def usual_tags():
    """The tags this process's requests usually read (by at least `USUAL_TAG_REQUESTS` of
    its last 16): the synonyms, the vocabularies, the tree, a popular page's path."""
    counts = Counter(tag for tags in _recent_requests for tag in tags)
    usual = [tag for tag, count in counts.most_common() if count >= USUAL_TAG_REQUESTS]
    return usual[:USUAL_TAGS_MAX]


@contextmanager
def versions_read_once():
    """Within the block (a request: `PageCacheMiddleware`), each tag's version is read from
    the shared cache once, then reused: a search or a page reads the versions of the same
    tags (synonyms, terms, the tree) for several values, a round trip each time otherwise.

    It stays exact. The block sees the versions as they were when it first read them, as it
    sees the data it read then; a change it makes itself is seen at once (`bump` writes
    here too). A value it stores after another process's change carries the older version,
    so it is never used after that change; and `store_allowed` still refuses a value begun
    before a change it carries the version of.

    The versions of the tags this process's requests usually read (`usual_tags`) are read
    at the start, in one `get_many`, instead of one round trip for each new set of tags as
    the request goes: a search reads seven sets. Reading a version early is reading it
    once: the same guarantees hold."""
    known = {}
    usual = usual_tags()
    if usual:
        found = cache.get_many([VERSION_PREFIX + tag for tag in usual])
        known.update({tag: found.get(VERSION_PREFIX + tag) for tag in usual})
    read = set()
    token = _read_once.set(known)
    read_token = _read_by_request.set(read)
    try:
        yield
    finally:
        _read_once.reset(token)
        _read_by_request.reset(read_token)
        if read:
            _recent_requests.append(frozenset(read))


#: The tags the current request used (to learn the usual ones), or None outside one.
_read_by_request = ContextVar("page_cache_tags_read", default=None)


def _read(tags):
    """{tag: version or None} from the shared cache (once per tag within a request)."""
    known = _read_once.get()
    read = _read_by_request.get()
    if read is not None:
        read.update(tags)
    if known is None:
        found = cache.get_many([VERSION_PREFIX + tag for tag in tags])
        return {tag: found.get(VERSION_PREFIX + tag) for tag in tags}
    missing = [tag for tag in tags if tag not in known]
    if missing:
        found = cache.get_many([VERSION_PREFIX + tag for tag in missing])
        known.update({tag: found.get(VERSION_PREFIX + tag) for tag in missing})
    return {tag: known[tag] for tag in tags}


def _remember(tag_versions):
    known = _read_once.get()
    if known is not None:
        known.update(tag_versions)


def _write(tags):
    written = {tag: _new_version() for tag in tags}
    cache.set_many({VERSION_PREFIX + tag: version for tag, version in written.items()}, None)
    _remember(written)


def bump(*tags):
    """Mark the tags changed: every value built from one of them is out of date.

    Written at once (the rest of this request and this test already see the change) and
    again when the transaction commits, so that a request of another process that read the
    data before the commit cannot store it under the new version."""
    tags = {tag for tag in tags if tag}
    if not tags:
        return
    _write(tags)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _write(tags))


def bump_everything():
    """Mark every stored value out of date (after changes in bulk)."""
    bump(EVERYTHING)


def _start(tag, timeout):
    """A first version of `tag`, dated 0, written if it has none (the version, else None)."""
    version = _new_version(0)
    return version if cache.add(VERSION_PREFIX + tag, version, timeout) else None


def start_version(tag, timeout):
    """Give `tag` a version if it has none, kept `timeout` seconds: dated 0, it records no
    change (a value being built may be stored with it), and when the cache drops it every
    value stored with it counts as changed (a page true for one day: cms.pages.timeline)."""
    _start(tag, timeout)


def versions(tags):
    """{tag: version} of the tags and of `EVERYTHING`, read in one `get_many`. A tag without
    a version gets one that no stored value has (so they are all out of date) but dated 0:
    it records no change, and the value being built may be stored with it."""
    tags = sorted({*tags, EVERYTHING})
    result = _read(tags)
    missing = [tag for tag, version in result.items() if version is None]
    if missing:
        for tag in missing:
            # Another process may have written one in the meantime; theirs stands.
            result[tag] = _start(tag, None) or cache.get(VERSION_PREFIX + tag) or _new_version(0)
        _remember({tag: result[tag] for tag in missing})
    return result


def current(stored):
    """Whether the {tag: version} a value was stored with are all still the versions."""
    if not stored:
        return True
    found = _read(list(stored))
    return all(found[tag] == version for tag, version in stored.items())


def store_allowed(tag_versions, started_ns):
    """Whether a value built from `started_ns` on may be stored with these versions: none of
    its tags changed since shortly before it began."""
    skew_ns = int(getattr(settings, "PAGE_CACHE_CLOCK_SKEW_MS", 1000)) * 1_000_000
    return all(_version_time(version) < started_ns - skew_ns for version in tag_versions.values())


def depends_on(request, *tags):
    """Record, on the request being answered, tags of what its response shows."""
    if request is None:
        return
    recorded = getattr(request, _REQUEST_ATTRIBUTE, None)
    if recorded is None:
        recorded = set()
        setattr(request, _REQUEST_ATTRIBUTE, recorded)
    recorded.update(tag for tag in tags if tag)


def recorded_tags(request):
    """The tags recorded on the request (an empty set when none)."""
    return set(getattr(request, _REQUEST_ATTRIBUTE, ()) or ())


#: {key: (versions, value)} of the values also kept in this process (`in_process`).
_in_process = {}


def cached_value(key, tags, compute, timeout=None, keep=None, in_process=False):
    """`compute()`, kept in the shared cache under `key` until one of `tags` changes (or
    `timeout` seconds pass, None: no time limit). For values of the product that are costly
    to build and shown to everyone: the home page's figures, the open-data files. `keep`:
    whether a value computed is worth keeping (not for an address that leads nowhere, which
    anyone can make up).

    `in_process`: the value is also kept in this process, with its versions, for small values
    read several times by every request (a language's synonyms, a vocabulary's terms): a read
    then costs one `get_many` of the versions, not also a fetch and unpickling of the value.
    It stays exact: it is used only while its versions are still those of the shared cache,
    as a shared value is. Only for a fixed set of keys, values never changed by their
    readers (tuples, frozen sets, records), and without `timeout`."""
    if in_process:
        if timeout is not None:
            raise ValueError("A value kept in the process cannot have a timeout.")
        kept = _in_process.get(key)
        if kept is not None and current(kept[0]):
            return kept[1]
    entry = cache.get(VALUE_PREFIX + key)
    if entry is not None and current(entry["versions"]):
        if in_process:
            _in_process[key] = (entry["versions"], entry["value"])
        return entry["value"]
    started = time.time_ns()
    value = compute()
    if keep is not None and not keep(value):
        return value
    tag_versions = versions(tags)
    if store_allowed(tag_versions, started):
        cache.set(VALUE_PREFIX + key, {"versions": tag_versions, "value": value}, timeout)
        if in_process:
            _in_process[key] = (tag_versions, value)
    return value
