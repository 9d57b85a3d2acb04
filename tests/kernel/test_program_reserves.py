"""A programme's reserved share of seats and its priority groups, as staff set them in admin."""

import pytest

from womenup.admin import ProgramForm
from womenup.models import Program

pytestmark = pytest.mark.django_db


def form_for(program: Program, **changes) -> ProgramForm:
    data = {
        field: getattr(program, field if field != "city" else "city_id")
        for field in ProgramForm().fields
    }
    data.update(changes)
    data["key_facts"] = '["a"]'
    data["priority_groups"] = changes.get("priority_groups", "[]")
    return ProgramForm(data=data, instance=program)


@pytest.mark.parametrize(("seats", "reserved"), [(100, 30), (10, 3), (5, 2), (2, 1), (1, 0)])
def test_reserved_seats_are_the_share_rounded_half_up(seats, reserved):
    youth = Program.objects.get(code="gm-youth-intern")
    assert youth.reserved_seat_percent == 30
    assert youth.reserved_seats(seats) == reserved


def test_no_priority_groups_reserve_nothing():
    youth = Program.objects.get(code="gm-youth-intern")
    youth.priority_groups = []
    assert youth.reserved_seats(100) == 0


def test_admin_accepts_known_priority_groups():
    form = form_for(Program.objects.get(code="gm-youth-intern"), priority_groups='["disabled"]')
    assert form.is_valid(), form.errors


def test_admin_refuses_unknown_priority_groups_with_the_known_ones():
    form = form_for(Program.objects.get(code="gm-youth-intern"), priority_groups='["vip"]')
    assert not form.is_valid()
    assert "알 수 없는 우선 선발 대상 코드: vip" in str(form.errors["priority_groups"])
    assert "basic_livelihood" in str(form.errors["priority_groups"])


def test_admin_refuses_a_reserve_without_priority_groups():
    form = form_for(Program.objects.get(code="gm-youth-intern"), priority_groups="[]")
    assert not form.is_valid()
    assert "우선 선발 대상을 지정해 주세요" in str(form.errors["priority_groups"])
