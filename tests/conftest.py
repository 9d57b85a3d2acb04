"""Fixtures shared by the whole suite: a clean cache per test and the common personas."""

import pytest
from django.core.cache import cache
from hypothesis import settings as hypothesis_settings

from tests import snapshot
from tests.factories.accounts import staff_with_mfa
from womenup.notifications import sms

# Property tests check behaviour, never time: a loaded CI machine must not fail them on a deadline.
hypothesis_settings.register_profile("womenup", deadline=None)
hypothesis_settings.load_profile("womenup")


@pytest.fixture(autouse=True)
def _clean_cache():
    """Rate-limit counters live in the (Redis) cache: every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def staff(client):
    """City staff with an authenticator app, logged in on ``client``."""
    user = staff_with_mfa()
    client.force_login(user)
    return user


@pytest.fixture
def staff_client(client, staff):
    """``client`` logged in as city staff; the user is ``client.staff``."""
    client.staff = staff
    return client


def _uses_transactions(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return (
        "transactional_db" in item.fixturenames
        or "live_server" in item.fixturenames
        or (marker is not None and marker.kwargs.get("transaction", False))
    )


def pytest_collection_modifyitems(items):
    """A transactional test empties every table when it ends. Each one therefore starts from the
    rows our migrations seeded (catalogue, schedules, groups), which pytest-django snapshots once
    after migrating and reloads before the test (Django's serialized rollback)."""
    for item in items:
        if _uses_transactions(item):
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True), append=False
            )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    snapshot.keep()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    snapshot.hand_over()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item):
    snapshot.hand_over()


@pytest.fixture(autouse=True)
def _clean_text_outbox():
    """Text messages the test backend "sent" (like ``mail.outbox``): empty for every test."""
    sms.outbox.clear()
    yield
    sms.outbox.clear()
