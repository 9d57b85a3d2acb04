"""Intern wage support (DESIGN.md): the Seoul living wage in force when the contract starts,
for the role's weekly hours, for the whole internship; staff see it on the application."""

from datetime import date

import pytest
from django.urls import reverse

from matching import selectors
from tests.factories.accounts import staff_with_mfa
from tests.factories.matching import PlacementFactory

pytestmark = pytest.mark.django_db


def test_a_full_time_2024_internship_is_three_months_of_209_hours_at_11436_won():
    placement = PlacementFactory(contract_start=date(2024, 7, 1), role__weekly_hours=40)
    assert selectors.wage_support_krw(placement) == 3 * 2_390_124


def test_thirty_hours_a_week_is_157_paid_hours_a_month():
    placement = PlacementFactory(contract_start=date(2024, 7, 1), role__weekly_hours=30)
    assert selectors.wage_support_krw(placement) == 3 * 157 * 11_436


def test_nothing_before_the_contract_and_staff_see_the_amount(client):
    waiting = PlacementFactory()
    assert selectors.wage_support_krw(waiting) is None
    contracted = PlacementFactory(contract_start=date(2024, 7, 1), role__weekly_hours=40)
    client.force_login(staff_with_mfa())
    url = reverse("admin:matching_internshipapplication_change", args=[contracted.application_id])
    assert "7,170,372원" in client.get(url).content.decode()
