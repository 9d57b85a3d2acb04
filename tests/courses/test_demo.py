"""The demo data: a class held today whose QR page the institution's demo staff can open, and a
placement whose contract terms wait for the intern's confirmation."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from courses.demo import INSTITUTION_STAFF_EMAIL
from courses.models import Session
from matching import selectors
from matching.models import Placement
from tests.factories.accounts import give_totp
from womenup.models import User
from womenup.programs.services import catalogue_load

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    catalogue_load()
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # loading twice changes nothing


def test_the_institution_staff_open_todays_qr_page(client, demo):
    staff = User.objects.get(email=INSTITUTION_STAFF_EMAIL)
    give_totp(staff)
    client.force_login(staff)
    today = Session.objects.get(held_on=timezone.localdate(), course__institution__staff=staff)
    page = client.get(reverse("admin:courses_session_qr", args=[today.pk]))
    assert page.status_code == 200
    assert page.context["is_today"]
    assert [trainee.applicant.name for trainee in page.context["trainees"]] == ["박지민"]


def test_one_placement_waits_for_the_interns_confirmation(demo):
    placement = Placement.objects.get(status=Placement.Status.CONTRACTED)
    state = selectors.placement_contract_state(placement)
    assert state.company is not None and state.intern is None
    assert not state.both_confirmed
