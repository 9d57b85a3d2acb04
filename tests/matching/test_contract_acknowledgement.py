"""Electronic contract acknowledgement: the intern and the company each confirm the key terms;
confirmed terms are read only (model and database); a change of terms resets the confirmations;
wage support waits for both."""

from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, InternalError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from companies.models import Role
from matching import selectors, services
from matching.models import ContractConfirmation, ContractTerms, Placement
from matching.wages import wage_support_generate
from tests.factories.accounts import CompanyUserFactory, staff_with_mfa
from tests.factories.companies import CompanyMembershipFactory, RoleFactory
from tests.factories.matching import PlacementFactory, contract_confirmed
from womenup.models import LedgerEntry

pytestmark = pytest.mark.django_db

JULY = date(2024, 7, 1)
INTERN = ContractConfirmation.Party.INTERN
COMPANY = ContractConfirmation.Party.COMPANY


@pytest.fixture
def placement():
    return PlacementFactory(
        role=RoleFactory(weekly_hours=40),
        contract_start=JULY,
        status=Placement.Status.CONTRACTED,
    )


def confirm(placement, party, user=None, key=None):
    state = selectors.placement_contract_state(placement)
    user = user or (
        placement.application.applicant.user if party == INTERN else CompanyUserFactory()
    )
    return services.contract_terms_confirm(
        placement=placement, party=party, user=user, terms_key=key or state.terms.key
    )


def test_the_terms_are_start_end_weekly_hours_and_the_living_wage(placement):
    terms = selectors.placement_contract_state(placement).terms
    assert (terms.contract_start, terms.contract_end) == (JULY, date(2024, 9, 30))
    assert (terms.weekly_hours, terms.hourly_wage_krw, terms.monthly_wage_krw) == (
        40,
        11_436,
        2_390_124,
    )


def test_each_side_confirms_once_and_the_snapshot_keeps_who_and_when(placement):
    intern = confirm(placement, INTERN)
    company_user = CompanyUserFactory()
    company = confirm(placement, COMPANY, user=company_user)
    assert intern.terms == company.terms
    snapshot = ContractTerms.objects.get()
    assert (snapshot.contract_start, snapshot.weekly_hours, snapshot.monthly_wage_krw) == (
        JULY,
        40,
        2_390_124,
    )
    assert intern.confirmed_by == placement.application.applicant.user
    assert company.confirmed_by == company_user and company.confirmed_at is not None
    state = selectors.placement_contract_state(placement)
    assert state.both_confirmed and state.waiting_reason == ""
    with pytest.raises(ValidationError, match="이미 .*에 이 계약 조건을 확인했습니다."):
        confirm(placement, COMPANY)
    assert ContractConfirmation.objects.count() == 2


def test_confirming_terms_other_than_the_current_ones_is_refused(placement):
    with pytest.raises(ValidationError) as raised:
        confirm(placement, INTERN, key="2024-07-01|2024-09-30|40|1|1")
    assert raised.value.messages == [
        "그사이 계약 조건이 바뀌었습니다. 바뀐 조건을 다시 읽고 확인해 주세요."
    ]
    assert not ContractTerms.objects.exists()


def test_no_terms_before_the_company_sets_the_start():
    waiting = PlacementFactory()
    with pytest.raises(ValidationError, match="아직 확인할 계약 조건이 없습니다"):
        services.contract_terms_confirm(
            placement=waiting,
            party=INTERN,
            user=waiting.application.applicant.user,
            terms_key="",
        )


def test_a_change_of_terms_after_one_confirmation_resets_both(placement):
    matched = timezone.make_aware(datetime(2024, 6, 24, 9))
    Placement.objects.filter(pk=placement.pk).update(created_at=matched)
    confirm(placement, INTERN)
    services.placement_contract_confirm(placement=placement, contract_start=date(2024, 7, 8))
    state = selectors.placement_contract_state(placement)
    assert state.changed and not state.confirmations
    assert state.waiting_reason == (
        "근로계약 조건 확인 대기: 인턴, 기업 (조건이 바뀌어 다시 확인해야 합니다)"
    )
    confirm(placement, COMPANY)
    confirm(placement, INTERN)
    state = selectors.placement_contract_state(placement)
    assert state.both_confirmed and state.terms.contract_start == date(2024, 7, 8)
    assert ContractTerms.objects.count() == 2  # the first snapshot stays as it was


def test_other_weekly_hours_reset_the_confirmations_too(placement):
    contract_confirmed(placement)
    Role.objects.filter(pk=placement.role_id).update(weekly_hours=35, work_type="flexible")
    assert not selectors.placement_contract_state(placement).both_confirmed


# --- Read only -----------------------------------------------------------------------------------


def test_confirmed_terms_cannot_be_edited_or_deleted_through_the_model(placement):
    contract_confirmed(placement)
    snapshot = ContractTerms.objects.get()
    snapshot.weekly_hours = 20
    with pytest.raises(ValidationError, match="확인된 근로계약 조건은 바꿀 수 없습니다."):
        snapshot.save()
    with pytest.raises(ValidationError, match="지울 수 없습니다"):
        snapshot.delete()
    confirmation = ContractConfirmation.objects.first()
    with pytest.raises(ValidationError, match="확인 기록은 바꿀 수 없습니다"):
        confirmation.save()
    assert ContractTerms.objects.get().weekly_hours == 40


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE matching_contractterms SET weekly_hours = 20",
        "DELETE FROM matching_contractterms",
        "UPDATE matching_contractconfirmation SET party = 'intern'",
        "DELETE FROM matching_contractconfirmation",
    ],
)
def test_the_database_refuses_to_change_confirmed_terms(placement, statement):
    contract_confirmed(placement)
    with (
        pytest.raises((InternalError, IntegrityError)),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert ContractTerms.objects.get().weekly_hours == 40
    assert ContractConfirmation.objects.count() == 2


def test_a_queryset_update_is_refused_by_the_database_too(placement):
    contract_confirmed(placement)
    with pytest.raises((InternalError, IntegrityError)), transaction.atomic():
        ContractTerms.objects.update(hourly_wage_krw=1)


# --- Wage support waits for both ----------------------------------------------------------------


def test_wage_support_waits_for_both_confirmations(placement):
    run = wage_support_generate(month=JULY)
    assert run.created == 0
    assert [(w.placement, w.reason) for w in run.waiting] == [
        (placement, "근로계약 조건 확인 대기: 인턴, 기업")
    ]
    confirm(placement, INTERN)
    run = wage_support_generate(month=JULY)
    assert run.created == 0 and run.waiting[0].reason == "근로계약 조건 확인 대기: 기업"
    assert not LedgerEntry.objects.exists()
    confirm(placement, COMPANY)
    run = wage_support_generate(month=JULY)
    assert (run.created, run.waiting) == (1, [])
    assert LedgerEntry.objects.get().amount_krw == 2_390_124


def test_the_command_names_the_placements_waiting_and_why(placement, capsys):
    call_command("wage_support_generate", "--month", "2024-07")
    out = capsys.readouterr().out
    assert "새 지급 건 0건" in out
    assert "근로계약 조건 확인을 기다려 제외한 인턴 1명:" in out
    assert f"{placement}: 근로계약 조건 확인 대기: 인턴, 기업" in out


def test_staff_see_the_confirmations_and_why_wage_support_waits(client, placement):
    confirm(placement, INTERN)
    client.force_login(staff_with_mfa())
    page = client.get(reverse("admin:matching_placement_change", args=[placement.pk]))
    body = page.content.decode()
    assert "전자 근로계약 확인" in body
    assert "기업: 확인 전" in body and "근로계약 조건 확인 대기: 기업" in body
    terms = client.get(reverse("admin:matching_contractterms_changelist"))
    assert terms.status_code == 200 and "2,390,124원" in terms.content.decode()


# --- The pages ---------------------------------------------------------------------------------


def test_she_confirms_on_her_page_and_the_company_on_its_contract_page(client, placement):
    member = CompanyMembershipFactory(company=placement.role.company).user
    intern_page = reverse("matching:placement-contract", args=[placement.pk])
    client.force_login(placement.application.applicant.user)
    dashboard = client.get(reverse("applicants:dashboard")).content.decode()
    assert intern_page in dashboard
    key = selectors.placement_contract_state(placement).terms.key
    refused = client.post(intern_page, {"terms": key})
    assert refused.status_code == 400 and "동의 상자에 표시해 주세요" in refused.content.decode()
    response = client.post(intern_page, {"terms": key, "agree": "on"}, follow=True)
    assert "근로계약 조건을 확인했습니다." in response.content.decode()
    client.force_login(member)
    contract_page = reverse("matching:intern-contract", args=[placement.pk])
    body = client.get(contract_page).content.decode()
    assert "2024-07-01 ~ 2024-09-30" in body and "인턴 확인" in body
    assert "시간당 11,436원, 월 2,390,124원" in body
    client.post(
        reverse("matching:intern-contract-terms", args=[placement.pk]),
        {"terms": key, "agree": "on"},
    )
    state = selectors.placement_contract_state(placement)
    assert state.both_confirmed and state.company.confirmed_by == member


def test_another_interns_contract_page_is_not_found(client, placement):
    client.force_login(PlacementFactory().application.applicant.user)
    url = reverse("matching:placement-contract", args=[placement.pk])
    assert client.get(url).status_code == 404
