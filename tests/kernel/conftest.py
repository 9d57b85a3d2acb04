"""The access matrix's personas, shared with the form fuzz tests."""

from tests.access.test_access_matrix import world  # noqa: F401 (a fixture)
