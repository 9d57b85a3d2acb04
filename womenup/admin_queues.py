"""What the admin home shows: today's work queues and the extra admin pages, which apps register
from their ``AppConfig.ready()``; the kernel names no app.

A queue is a count of rows waiting for a person (companies awaiting verification, payments to
approve, ...) with the admin list that shows exactly those rows. A link is an admin page that
is not a model list (the KPI dashboard, the monthly ledger, the access-log review). Each one is
shown only to staff holding its permission. This module imports no model, so an ``apps.py`` may
import it at the top.
"""

from collections.abc import Callable
from dataclasses import dataclass

QueueCount = Callable[..., int]
Url = Callable[[], str]
Permission = str | Callable[..., bool]  # "app_label.codename", or a test taking the user


@dataclass(frozen=True)
class WorkQueue:
    key: str
    label: str
    count: QueueCount  # count(user) -> rows waiting that this user may see; one query
    url: Url  # the admin list of exactly those rows
    permission: str  # "app_label.codename" the user needs to see the queue
    order: int


@dataclass(frozen=True)
class AdminLink:
    key: str
    label: str
    description: str
    url: Url
    permission: Permission
    order: int


@dataclass(frozen=True)
class QueueRow:
    """One queue as the admin home shows it to one user."""

    key: str
    label: str
    count: int
    url: str


_QUEUES: dict[str, WorkQueue] = {}
_LINKS: dict[str, AdminLink] = {}


def register_queue(
    *, order: int, key: str, label: str, count: QueueCount, url: Url, permission: str
) -> None:
    """Add a work queue to the admin home; ``key`` is stable (the page's element id is
    ``queue-<key>``), queues are shown by ``order``, lowest first. Registering a key again
    replaces the queue (``ready()`` may run more than once in tests)."""
    _QUEUES[key] = WorkQueue(key, label, count, url, permission, order)


def register_link(
    *, order: int, key: str, label: str, url: Url, permission: Permission, description: str = ""
) -> None:
    """Add an admin page to the home's list of pages (element id ``link-<key>``)."""
    _LINKS[key] = AdminLink(key, label, description, url, permission, order)


def queues_for(user) -> list[QueueRow]:
    """The queues this user may see with their counts now (one query per queue)."""
    return [
        QueueRow(queue.key, queue.label, queue.count(user), queue.url())
        for queue in sorted(_QUEUES.values(), key=lambda queue: (queue.order, queue.key))
        if user.has_perm(queue.permission)
    ]


def links_for(user) -> list[AdminLink]:
    return [
        link
        for link in sorted(_LINKS.values(), key=lambda link: (link.order, link.key))
        if _allowed(user, link.permission)
    ]


def _allowed(user, permission: Permission) -> bool:
    return permission(user) if callable(permission) else user.has_perm(permission)
