"""Transactional tests see the seeded catalogue even after an earlier one emptied the tables."""

import pytest

from womenup.models import City, Program


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("run", [1, 2])
def test_the_catalogue_is_there_in_every_transactional_test(run):
    assert City.objects.filter(code="seoul").exists()
    assert Program.objects.filter(code="seoul-internship").exists()
