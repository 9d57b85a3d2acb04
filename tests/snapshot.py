"""The rows our migrations seed, snapshotted once, for every transactional test to start from.

Django keeps the snapshot on the connection object, and Playwright's event loop (its greenlet)
gives the e2e tests another connection object: hand the snapshot to whichever connection the
test uses, before it loads the rows, before its flush (which otherwise re-creates content
types) and right after the browser starts.
"""

_seeded: dict = {}


def keep() -> None:
    from django.db import connection

    _seeded["rows"] = getattr(connection, "_test_serialized_contents", None)


def hand_over() -> None:
    from django.db import connection

    if _seeded.get("rows") is not None and not hasattr(connection, "_test_serialized_contents"):
        connection._test_serialized_contents = _seeded["rows"]
