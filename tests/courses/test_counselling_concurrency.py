"""Group counselling seats under concurrency on PostgreSQL: real threads, own connections."""

import pytest
from django.core.exceptions import ValidationError

from courses import services
from courses.models import CounsellingSession, CounsellingSignUp
from tests.courses.test_concurrency import run_at_once
from tests.factories.courses import (
    CounsellingClientFactory,
    CounsellingSessionFactory,
    JobCentreFactory,
    counsellor,
)

pytestmark = pytest.mark.django_db(transaction=True)

CLIENTS = 24
SEATS = 6


def test_parallel_sign_ups_fill_exactly_the_seats_and_refuse_the_rest():
    centre = JobCentreFactory()
    me = counsellor(centre)
    session = CounsellingSessionFactory(centre=centre, capacity=SEATS)
    clients = [CounsellingClientFactory(centre=centre) for _ in range(CLIENTS)]

    errors = run_at_once(
        [
            lambda c=c: services.counselling_sign_up(session=session, client=c, actor=me)
            for c in clients
        ]
    )

    assert len(errors) == CLIENTS - SEATS
    assert all(isinstance(error, ValidationError) for error in errors)
    assert all("정원" in error.messages[0] for error in errors)
    session = CounsellingSession.objects.get(pk=session.pk)
    held = CounsellingSignUp.objects.filter(session=session, cancelled_at__isnull=True).count()
    assert session.signed_up_count == SEATS == held


def test_parallel_double_sign_up_of_one_client_takes_one_seat():
    centre = JobCentreFactory()
    me = counsellor(centre)
    session = CounsellingSessionFactory(centre=centre, capacity=SEATS)
    client = CounsellingClientFactory(centre=centre)

    errors = run_at_once(
        [
            lambda: services.counselling_sign_up(session=session, client=client, actor=me)
            for _ in range(5)
        ]
    )

    assert len(errors) == 4
    session = CounsellingSession.objects.get(pk=session.pk)
    assert session.signed_up_count == 1 == CounsellingSignUp.objects.count()


def test_parallel_cancellations_free_each_seat_once():
    centre = JobCentreFactory()
    me = counsellor(centre)
    session = CounsellingSessionFactory(centre=centre, capacity=SEATS)
    sign_up = services.counselling_sign_up(
        session=session, client=CounsellingClientFactory(centre=centre), actor=me
    )

    errors = run_at_once(
        [lambda: services.counselling_sign_up_cancel(sign_up=sign_up) for _ in range(5)]
    )

    assert errors == []
    assert CounsellingSession.objects.get(pk=session.pk).signed_up_count == 0
