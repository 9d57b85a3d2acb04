"""Fixtures shared by the counsellor tests: a job centre and its logged-in counsellor."""

import pytest

from tests.factories.courses import JobCentreFactory, counsellor


@pytest.fixture
def centre():
    return JobCentreFactory()


@pytest.fixture
def me(client, centre):
    """The logged-in counsellor of ``centre``."""
    user = counsellor(centre)
    client.force_login(user)
    return user
