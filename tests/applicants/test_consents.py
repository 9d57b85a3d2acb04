"""Consents per item with time and notice version; withdrawable; optional items never block."""

import pytest

from applicants import selectors, services
from applicants.consents import NOTICES
from applicants.models import Consent
from tests.factories.applicants import ApplicantProfileFactory

pytestmark = pytest.mark.django_db


def test_each_item_is_recorded_separately_with_time_and_version():
    profile = ApplicantProfileFactory()
    services.consents_record(profile=profile, given={"collection", "provision"})
    rows = Consent.objects.filter(profile=profile).order_by("item")
    assert [(row.item, row.notice_version) for row in rows] == [
        ("collection", NOTICES["collection"].version),
        ("provision", NOTICES["provision"].version),
    ]
    assert all(row.given_at is not None and row.withdrawn_at is None for row in rows)


def test_giving_again_under_the_same_notice_keeps_one_row():
    profile = ApplicantProfileFactory()
    first = services.consent_give(profile=profile, item="marketing")
    again = services.consent_give(profile=profile, item="marketing")
    assert first.pk == again.pk
    assert Consent.objects.filter(profile=profile).count() == 1


def test_withdrawal_keeps_the_row_with_its_time():
    profile = ApplicantProfileFactory()
    services.consent_give(profile=profile, item="provision")
    services.consents_record(profile=profile, given={"collection"})
    provision = Consent.objects.get(profile=profile, item="provision")
    assert provision.withdrawn_at is not None
    assert "provision" not in selectors.active_consents(profile)


def test_a_new_notice_version_asks_again(monkeypatch):
    profile = ApplicantProfileFactory()
    services.consents_record(profile=profile, given={"collection", "provision"})
    assert selectors.missing_required_consents(profile) == []
    newer = NOTICES["collection"].__class__(
        **{**NOTICES["collection"].__dict__, "version": "2025.1"}
    )
    monkeypatch.setitem(NOTICES, "collection", newer)
    assert selectors.missing_required_consents(profile) == [str(newer.title)]
    services.consent_give(profile=profile, item="collection")
    versions = Consent.objects.filter(profile=profile, item="collection").order_by("given_at")
    assert [c.notice_version for c in versions] == ["2024.1", "2025.1"]
    assert versions[0].withdrawn_at is not None


def test_declining_optional_items_leaves_nothing_missing():
    profile = ApplicantProfileFactory()
    services.consents_record(profile=profile, given={"collection", "provision"})
    assert selectors.missing_required_consents(profile) == []


def test_missing_required_items_are_named():
    profile = ApplicantProfileFactory()
    services.consents_record(profile=profile, given={"collection", "marketing"})
    assert selectors.missing_required_consents(profile) == [str(NOTICES["provision"].title)]


def test_withdrawing_what_was_never_given_does_nothing():
    profile = ApplicantProfileFactory()
    assert services.consent_withdraw(profile=profile, item="marketing") is None
