"""The payment ledger: integer won, idempotent derivation, immutable once approved (also in
PostgreSQL), corrections that net out, and the paid-per-programme-and-month figure."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import kernel
from tests.factories.accounts import StaffUserFactory, UserFactory
from tests.factories.payments import ledger_entry
from womenup.models import LedgerEntry, User
from womenup.payments import selectors, services

pytestmark = pytest.mark.django_db

amounts = st.integers(min_value=1, max_value=50_000_000)


@pytest.fixture
def approver():
    return StaffUserFactory()


def test_recording_the_same_evidence_and_month_twice_keeps_one_row():
    source = UserFactory()
    first = ledger_entry(source=source, amount_krw=300_000)
    again = ledger_entry(source=source, amount_krw=999_999)
    assert again.pk == first.pk and again.amount_krw == 300_000
    assert LedgerEntry.objects.count() == 1
    assert ledger_entry(source=source, month=date(2024, 8, 1)).pk != first.pk


@pytest.mark.parametrize("amount", [300_000.0, True, "300000"])
def test_amounts_are_integer_won(amount):
    with pytest.raises(TypeError):
        ledger_entry(amount_krw=amount)


def test_an_original_row_pays_something():
    with pytest.raises(ValidationError, match="1원 이상"):
        ledger_entry(amount_krw=0)


def test_an_approved_row_cannot_change_even_in_sql(approver):
    entry = services.ledger_entry_approve(entry=ledger_entry(), staff=approver)
    with pytest.raises(ValidationError, match="이미 승인된 지급은 바꿀 수 없습니다"):
        services.ledger_entry_approve(entry=entry, staff=approver)
    for change in ({"amount_krw": 1}, {"status": "pending"}, {"approved_by": None}):
        with (
            pytest.raises(IntegrityError, match="approved and cannot change"),
            transaction.atomic(),
        ):
            LedgerEntry.objects.filter(pk=entry.pk).update(**change)
    with pytest.raises(IntegrityError, match="approved and cannot change"), transaction.atomic():
        LedgerEntry.objects.filter(pk=entry.pk).delete()
    entry.refresh_from_db()
    assert entry.amount_krw == 300_000 and entry.status == LedgerEntry.Status.APPROVED


def test_a_pending_row_is_derived_and_only_its_approval_changes_it():
    entry = ledger_entry()
    with pytest.raises(IntegrityError, match="derived and cannot be edited"), transaction.atomic():
        LedgerEntry.objects.filter(pk=entry.pk).update(amount_krw=1)
    entry.refresh_from_db()
    assert entry.amount_krw == 300_000


def test_only_holders_of_the_payment_permission_approve(approver):
    entry = ledger_entry()
    clerk = StaffUserFactory(is_superuser=False)
    with pytest.raises(ValidationError, match="지급 승인 권한"):
        services.ledger_entry_approve(entry=entry, staff=clerk)
    clerk.user_permissions.add(Permission.objects.get(codename="approve_payments"))
    clerk = User.objects.get(pk=clerk.pk)
    assert services.ledger_entry_approve(entry=entry, staff=clerk).approved_by == clerk
    outsider = UserFactory()  # not staff, even with the permission
    outsider.user_permissions.add(Permission.objects.get(codename="approve_payments"))
    assert not services.can_approve_payments(User.objects.get(pk=outsider.pk))


def test_a_correction_is_a_new_row_that_references_the_original(approver):
    original = services.ledger_entry_approve(entry=ledger_entry(), staff=approver)
    correction = services.ledger_entry_correct(
        entry=original, amount_krw=250_000, reason="보고 월 착오", staff=approver
    )
    assert correction.corrects == original and correction.amount_krw == -50_000
    assert correction.status == LedgerEntry.Status.PENDING and correction.source == original.source
    assert (correction.kind, correction.month, correction.program) == (
        original.kind,
        original.month,
        original.program,
    )
    original.refresh_from_db()
    assert original.amount_krw == 300_000
    with pytest.raises(ValidationError, match="정정 사유"):
        services.ledger_entry_correct(entry=original, amount_krw=1, reason=" ", staff=approver)
    with pytest.raises(ValidationError, match="같습니다"):
        services.ledger_entry_correct(
            entry=correction, amount_krw=250_000, reason="다시", staff=approver
        )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(original=amounts, targets=st.lists(st.integers(0, 50_000_000), min_size=1, max_size=4))
def test_corrections_net_out_to_the_last_corrected_amount(approver, original, targets):
    entry = services.ledger_entry_approve(entry=ledger_entry(amount_krw=original), staff=approver)
    net = original
    for target in targets:
        if target == net:
            continue
        correction = services.ledger_entry_correct(
            entry=entry, amount_krw=target, reason="정정", staff=approver
        )
        services.ledger_entry_approve(entry=correction, staff=approver)
        net = target
    rows = LedgerEntry.objects.filter(source_id=entry.source_id, source_type=entry.source_type)
    assert sum(row.amount_krw for row in rows) == net == services.ledger_entry_net(entry)
    assert all(type(row.amount_krw) is int for row in rows)


def test_a_full_reversal_nets_to_zero_in_the_paid_figure(approver):
    entry = services.ledger_entry_approve(entry=ledger_entry(), staff=approver)
    reversal = services.ledger_entry_correct(
        entry=entry, amount_krw=0, reason="이중 지급", staff=approver
    )
    paid = selectors.ledger_paid_by_programme_month()
    assert [row["paid_krw"] for row in paid] == [300_000]  # the reversal is not approved yet
    services.ledger_entry_approve(entry=reversal, staff=approver)
    assert [row["paid_krw"] for row in selectors.ledger_paid_by_programme_month()] == [0]


def test_paid_by_programme_and_month_counts_approved_rows_in_one_query(
    approver, django_assert_num_queries
):
    july, august = date(2024, 7, 1), date(2024, 8, 1)
    for amount, code, month in [
        (300_000, "seoul-allowance", july),
        (300_000, "seoul-allowance", july),
        (2_390_124, "seoul-internship", july),
        (3_000_000, "seoul-internship", august),
    ]:
        entry = ledger_entry(amount_krw=amount, program_code=code, month=month)
        services.ledger_entry_approve(entry=entry, staff=approver)
    ledger_entry(amount_krw=123, program_code="seoul-internship", month=july)  # pending
    with django_assert_num_queries(1):
        paid = selectors.ledger_paid_by_programme_month()
    figures = {(row["program_code"], row["month"]): row["paid_krw"] for row in paid}
    assert figures == {
        ("seoul-allowance", july): 600_000,
        ("seoul-internship", july): 2_390_124,
        ("seoul-internship", august): 3_000_000,
    }
    assert [
        row["program_code"] for row in selectors.ledger_paid_by_programme_month(since=august)
    ] == ["seoul-internship"]
    assert paid[0]["program_name"] == kernel.program(paid[0]["program_code"]).name
