"""Fixtures shared by the whole suite: a clean cache per test and the common personas."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clean_cache():
    """Rate-limit counters live in the (Redis) cache: every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


PROJECT_APPS = ("womenup", "applicants", "companies", "courses", "matching")


def _uses_transactions(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    return (
        "transactional_db" in request.fixturenames
        or "live_server" in request.fixturenames
        or (marker is not None and marker.kwargs.get("transaction", False))
    )


def _rerun_data_migrations() -> None:
    """Run our migrations' data steps again, in migration order, on the emptied tables."""
    from django.apps import apps
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations.special import RunPython

    loader = MigrationLoader(connection)
    leaves = [node for node in loader.graph.leaf_nodes() if node[0] in PROJECT_APPS]
    plan: list = []
    for leaf in leaves:
        plan.extend(node for node in loader.graph.forwards_plan(leaf) if node not in plan)
    with connection.schema_editor(atomic=False) as schema_editor:
        for node in plan:
            if node[0] not in PROJECT_APPS:
                continue
            for operation in loader.graph.nodes[node].operations:
                if isinstance(operation, RunPython):
                    operation.code(apps, schema_editor)


@pytest.fixture(autouse=True)
def _seeded_data_after_flush(request):
    """A transactional test empties every table when it ends; the seeded catalogue, schedules
    and groups of our data migrations are put back for the next one."""
    if not _uses_transactions(request):
        return
    request.getfixturevalue("transactional_db")
    from womenup.models import City

    if not City.objects.exists():
        _rerun_data_migrations()
