"""Many rows at once (``womenup/bulk.py``): COPY writes what the ORM would, and ``in_array``
finds what ``in`` finds."""

import pytest

from tests.factories.accounts import UserFactory
from womenup.bulk import json_text, rows_insert, rows_upsert
from womenup.models import OutboxMessage, User

pytestmark = pytest.mark.django_db


def test_in_array_finds_what_in_finds_and_nothing_for_no_ids():
    users = UserFactory.create_batch(3)
    wanted = [users[2].pk, users[0].pk, None, users[0].pk]

    found = User.objects.filter(pk__in_array=wanted)

    assert sorted(found.values_list("pk", flat=True)) == sorted({users[0].pk, users[2].pk})
    assert list(User.objects.filter(pk__in_array=[])) == []
    assert OutboxMessage.objects.filter(recipient_id__in_array=[users[1].pk]).count() == 0


def test_rows_get_the_defaults_and_an_upsert_skips_a_taken_key(django_assert_num_queries):
    user = UserFactory()
    fields = ["recipient", "to_email", "template", "context", "dedupe_key"]
    rows_insert(OutboxMessage, fields, [(user.pk, user.email, "t", json_text({"a": "가"}), "k1")])

    again = (user.pk, "other@example.kr", "t", "{}", "k1")
    new = (None, "b@example.kr", "t", "{}", "k2")
    with django_assert_num_queries(4):  # a staging table, COPY, INSERT … ON CONFLICT, drop
        rows_upsert(OutboxMessage, fields, [again, new], unique=["dedupe_key"])

    first, second = OutboxMessage.objects.order_by("dedupe_key")
    assert (first.to_email, first.context, first.status, first.attempts) == (
        user.email,
        {"a": "가"},
        OutboxMessage.Status.PENDING,
        0,
    )
    assert first.created_at is not None and first.next_attempt_at is None
    assert (second.recipient, second.context, second.language) == (None, {}, "ko")
