"""Internship applications with ranked choices, screening, interviews, placements, runs,
and the placement lifecycle: interview evaluations, rankings, hires and incentive claims."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from applicants.models import on_behalf_field
from womenup.constraints import ConstraintErrorsAtFields
from womenup.dates import programme_date_range
from womenup.display import krw
from womenup.money import INCENTIVE_KRW
from womenup.privacy.private_files import PrivateUpload, private_file_field


class InternshipApplication(ConstraintErrorsAtFields, models.Model):
    """An applicant's one application per intake, with up to five ranked role choices."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("작성 중")
        SUBMITTED = "submitted", _("제출")
        SCREENED = "screened", _("서류심사 완료")
        MATCHED = "matched", _("매칭")
        WITHDRAWN = "withdrawn", _("취소")

    applicant = models.ForeignKey(
        "applicants.ApplicantProfile",
        on_delete=models.CASCADE,
        related_name="internship_applications",
        verbose_name=_("참여자"),
    )
    intake = models.ForeignKey(
        "womenup.IntakeWindow",
        on_delete=models.PROTECT,
        related_name="internship_applications",
        verbose_name=_("모집 회차"),
    )
    status = models.CharField(
        _("상태"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField(_("제출 시각"), null=True, blank=True)
    submitted_by = on_behalf_field()
    withdrawn_at = models.DateTimeField(_("취소 시각"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("생성 시각"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("수정 시각"))

    history = HistoricalRecords(
        verbose_name=_("인턴십 신청 변경 이력"),
        verbose_name_plural=pgettext_lazy("plural", "인턴십 신청 변경 이력"),
    )

    class Meta:
        verbose_name = _("인턴십 신청")
        verbose_name_plural = pgettext_lazy("plural", "인턴십 신청")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["applicant", "intake"],
                name="one_internship_application_per_intake",
                violation_error_message=_("이 모집 회차에는 이미 인턴십을 신청했습니다."),
                violation_error_code="intake",
            )
        ]

    def __str__(self) -> str:
        return f"{self.applicant} · {self.intake}"


class ApplicationChoice(ConstraintErrorsAtFields, models.Model):
    """One ranked role choice of an application (1 = most wanted)."""

    application = models.ForeignKey(
        InternshipApplication,
        on_delete=models.CASCADE,
        related_name="choices",
        verbose_name=_("인턴십 신청"),
    )
    role = models.ForeignKey(
        "companies.Role", on_delete=models.PROTECT, related_name="choices", verbose_name=_("직무")
    )
    rank = models.PositiveSmallIntegerField(_("지망 순위"))

    class Meta:
        verbose_name = _("지망 직무")
        verbose_name_plural = pgettext_lazy("plural", "지망 직무")
        ordering = ["application_id", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "rank"],
                name="choice_unique_rank",
                violation_error_message=_("같은 지망 순위에 두 직무를 둘 수 없습니다."),
                violation_error_code="rank",
            ),
            models.UniqueConstraint(
                fields=["application", "role"],
                name="choice_unique_role",
                violation_error_message=_("이 직무는 이미 지망 목록에 있습니다."),
                violation_error_code="role",
            ),
            models.CheckConstraint(
                condition=models.Q(rank__gte=1),
                name="choice_rank_positive",
                violation_error_message=_("지망 순위는 1 이상이어야 합니다."),
                violation_error_code="rank",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.role}"


class InterviewInvitation(ConstraintErrorsAtFields, models.Model):
    """An invitation from the weekly batch to interview for one role."""

    class Status(models.TextChoices):
        INVITED = "invited", _("면접 제안")
        ACCEPTED = "accepted", _("수락")
        DECLINED = "declined", _("거절")

    application = models.ForeignKey(
        InternshipApplication,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("인턴십 신청"),
    )
    role = models.ForeignKey(
        "companies.Role",
        on_delete=models.PROTECT,
        related_name="invitations",
        verbose_name=_("직무"),
    )
    week = models.CharField(_("주차"), max_length=8, help_text="2024-W23")
    status = models.CharField(
        _("상태"), max_length=10, choices=Status.choices, default=Status.INVITED
    )
    fit_score = models.IntegerField(_("적합도 점수"), default=0)
    fit_parts = models.JSONField(_("적합도 내역"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("제안 시각"))
    responded_at = models.DateTimeField(null=True, blank=True, verbose_name=_("응답 시각"))

    class Meta:
        verbose_name = _("면접 제안")
        verbose_name_plural = pgettext_lazy("plural", "면접 제안")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "role"],
                name="one_invitation_per_application_and_role",
                violation_error_message=_("이 신청자는 이 직무의 면접 제안을 이미 받았습니다."),
                violation_error_code="role",
            )
        ]

    def __str__(self) -> str:
        return f"{self.week} {self.role} ← {self.application.applicant}"


class Placement(ConstraintErrorsAtFields, models.Model):
    """A matched pair awaiting contract, then the internship itself."""

    class Status(models.TextChoices):
        AWAITING_CONTRACT = "awaiting_contract", _("계약 대기")
        CONTRACTED = "contracted", _("근무 중")
        COMPLETED = "completed", _("인턴 종료")
        CANCELLED = "cancelled", _("취소")

    application = models.ForeignKey(
        InternshipApplication,
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name=_("인턴십 신청"),
    )
    role = models.ForeignKey(
        "companies.Role",
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name=_("직무"),
    )
    week = models.CharField(_("매칭 주차"), max_length=8)
    status = models.CharField(
        _("상태"), max_length=20, choices=Status.choices, default=Status.AWAITING_CONTRACT
    )
    contract_start = models.DateField(
        _("근로계약 시작일"), null=True, blank=True, validators=[programme_date_range]
    )
    ended_on = models.DateField(
        _("중도 종료일"),
        null=True,
        blank=True,
        validators=[programme_date_range],
        help_text=_("인턴 기간이 끝나기 전에 그만둔 경우 마지막 근무일 (임금 지원이 멈춥니다)"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("매칭 시각"))

    history = HistoricalRecords(
        verbose_name=_("인턴 배치 변경 이력"),
        verbose_name_plural=pgettext_lazy("plural", "인턴 배치 변경 이력"),
    )

    class Meta:
        verbose_name = _("인턴 배치")
        verbose_name_plural = pgettext_lazy("plural", "인턴 배치")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=~models.Q(status="cancelled"),
                name="one_active_placement_per_application",
                violation_error_message=_(
                    "이 신청에는 이미 진행 중인 배치가 있습니다. 먼저 그 배치를 취소해 주세요."
                ),
                violation_error_code="application",
            )
        ]

    def __str__(self) -> str:
        return f"{self.role} ← {self.application.applicant}"


class ContractTerms(models.Model):
    """The key terms of an intern's contract (start, end, weekly hours, wage) as they stood
    when someone confirmed them: a snapshot that is never changed nor deleted (the model and a
    PostgreSQL trigger refuse it, ``matching/migrations/0014``). When the terms change, a new
    snapshot is taken and the confirmations of the old one no longer count."""

    placement = models.ForeignKey(
        Placement,
        on_delete=models.PROTECT,
        related_name="contract_terms",
        verbose_name=_("인턴 배치"),
    )
    contract_start = models.DateField(_("근로계약 시작일"))
    contract_end = models.DateField(_("근로계약 종료일"))
    weekly_hours = models.PositiveSmallIntegerField(_("주 근로시간"))
    hourly_wage_krw = models.PositiveIntegerField(_("시간당 임금(원)"))
    monthly_wage_krw = models.PositiveIntegerField(_("월 임금(원)"))
    created_at = models.DateTimeField(_("작성 시각"), auto_now_add=True)

    class Meta:
        verbose_name = _("근로계약 조건")
        verbose_name_plural = _("근로계약 조건")
        ordering = ["placement_id", "-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.placement} · {self.contract_start}~{self.contract_end}"

    def save(self, *args, **kwargs):
        _refuse_change(self, _("확인된 근로계약 조건은 바꿀 수 없습니다."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("확인된 근로계약 조건은 지울 수 없습니다."))


class ContractConfirmation(ConstraintErrorsAtFields, models.Model):
    """One side's confirmation of a contract-terms snapshot: who, when; never changed."""

    class Party(models.TextChoices):
        INTERN = "intern", _("인턴")
        COMPANY = "company", _("기업")

    terms = models.ForeignKey(
        ContractTerms,
        on_delete=models.PROTECT,
        related_name="confirmations",
        verbose_name=_("근로계약 조건"),
    )
    party = models.CharField(_("확인한 쪽"), max_length=10, choices=Party.choices)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("확인한 사람"),
    )
    confirmed_at = models.DateTimeField(_("확인 시각"), auto_now_add=True)

    class Meta:
        verbose_name = _("근로계약 조건 확인")
        verbose_name_plural = _("근로계약 조건 확인")
        ordering = ["terms_id", "confirmed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["terms", "party"],
                name="one_confirmation_per_side",
                violation_error_message=_("이 계약 조건은 이미 확인했습니다."),
                violation_error_code="party",
            )
        ]

    def __str__(self) -> str:
        return f"{self.terms} · {self.get_party_display()}"

    def save(self, *args, **kwargs):
        _refuse_change(self, _("근로계약 조건 확인 기록은 바꿀 수 없습니다."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("근로계약 조건 확인 기록은 지울 수 없습니다."))


def _refuse_change(row: models.Model, message: str) -> None:
    """Snapshots are written once: a save of a stored row is refused."""
    if not row._state.adding:
        raise ValidationError(message)


class MatchingRun(models.Model):
    """One weekly batch run: what it did and how long each stage took."""

    class Status(models.TextChoices):
        RUNNING = "running", _("진행 중")
        FINISHED = "finished", _("완료")
        FAILED = "failed", _("실패")

    week = models.CharField(_("주차"), max_length=8, unique=True)
    status = models.CharField(
        _("상태"), max_length=10, choices=Status.choices, default=Status.RUNNING
    )
    triggered_by = models.CharField(_("실행 주체"), max_length=120)
    started_at = models.DateTimeField(_("시작"), auto_now_add=True)
    finished_at = models.DateTimeField(_("종료"), null=True, blank=True)
    counts = models.JSONField(_("단계별 건수"), default=dict, blank=True)
    durations = models.JSONField(_("단계별 소요 시간(초)"), default=dict, blank=True)
    stages_done = models.JSONField(
        _("완료한 단계"),
        default=list,
        blank=True,
        help_text=_(
            "단계마다 그 단계의 기록과 같은 트랜잭션에서 추가됩니다 (재실행 시 이어서 진행)."
        ),
    )
    last_error = models.TextField(_("마지막 오류"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("실행한 담당자"),
        help_text=_("직접 실행한 시 담당자 (예약 실행은 비어 있습니다)"),
    )

    class Meta:
        verbose_name = _("주간 매칭 실행")
        verbose_name_plural = pgettext_lazy("plural", "주간 매칭 실행")
        ordering = ["-week"]

    def __str__(self) -> str:
        return self.week


class ScreeningResult(ConstraintErrorsAtFields, models.Model):
    """The document screening of an application; a staff override (with a reason) wins."""

    class Outcome(models.TextChoices):
        PASS = "pass", _("통과")
        FAIL = "fail", _("탈락")
        NEEDS_INFO = "needs_info", _("보완 필요")

    application = models.OneToOneField(
        InternshipApplication,
        on_delete=models.CASCADE,
        related_name="screening",
        verbose_name=_("인턴십 신청"),
    )
    outcome = models.CharField(_("심사 결과"), max_length=12, choices=Outcome.choices)
    reasons = models.JSONField(_("사유"), default=list, blank=True)
    missing = models.JSONField(_("보완할 정보"), default=list, blank=True)
    week = models.CharField(_("주차"), max_length=8)
    screened_at = models.DateTimeField(_("심사 시각"))
    override_outcome = models.CharField(
        _("담당자 조정 결과"), max_length=12, choices=Outcome.choices, blank=True
    )
    override_reason = models.TextField(_("조정 사유"), blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("조정한 담당자"),
    )
    overridden_at = models.DateTimeField(_("조정 시각"), null=True, blank=True)

    history = HistoricalRecords(
        verbose_name=_("서류심사 결과 변경 이력"),
        verbose_name_plural=pgettext_lazy("plural", "서류심사 결과 변경 이력"),
    )

    class Meta:
        verbose_name = _("서류심사 결과")
        verbose_name_plural = pgettext_lazy("plural", "서류심사 결과")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(override_outcome="") | ~models.Q(override_reason=""),
                name="screening_override_needs_a_reason",
                violation_error_message=_("결과를 조정할 때는 조정 사유를 적어 주세요."),
                violation_error_code="override_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} · {self.effective_outcome}"

    @property
    def effective_outcome(self) -> str:
        return self.override_outcome or self.outcome


class CandidateEvaluation(ConstraintErrorsAtFields, models.Model):
    """A company's interview of one candidate for one role: schedule, result, rank."""

    class Result(models.TextChoices):
        PENDING = "pending", _("결과 대기")
        PASS = "pass", _("합격")
        FAIL = "fail", _("불합격")

    role = models.ForeignKey(
        "companies.Role",
        on_delete=models.CASCADE,
        related_name="evaluations",
        verbose_name=_("직무"),
    )
    application = models.ForeignKey(
        InternshipApplication,
        on_delete=models.CASCADE,
        related_name="evaluations",
        verbose_name=_("인턴십 신청"),
    )
    interview_at = models.DateTimeField(
        _("면접 일시"), null=True, blank=True, validators=[programme_date_range]
    )
    interview_place = models.CharField(_("면접 장소"), max_length=200, blank=True)
    video_link = models.URLField(_("화상면접 링크"), blank=True)
    result = models.CharField(
        _("면접 결과"), max_length=10, choices=Result.choices, default=Result.PENDING
    )
    note = models.TextField(_("메모"), blank=True)
    rank = models.PositiveSmallIntegerField(_("선호 순위"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("수정 시각"))

    class Meta:
        verbose_name = _("면접 평가")
        verbose_name_plural = pgettext_lazy("plural", "면접 평가")
        ordering = ["role_id", "rank", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "application"],
                name="one_evaluation_per_role_and_application",
                violation_error_message=_("이 후보자의 이 직무 면접 평가가 이미 있습니다."),
                violation_error_code="application",
            ),
            models.UniqueConstraint(
                fields=["role", "rank"],
                condition=models.Q(rank__isnull=False),
                name="one_candidate_per_rank",
                violation_error_message=_("같은 순위에 두 후보자를 둘 수 없습니다."),
                violation_error_code="rank",
            ),
            models.CheckConstraint(
                condition=models.Q(rank__isnull=True) | models.Q(result="pass", rank__gte=1),
                name="only_passed_candidates_are_ranked",
                violation_error_message=_(
                    "면접에 합격한 후보자만 1위부터 순위를 매길 수 있습니다."
                ),
                violation_error_code="rank",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} · {self.application_id} · {self.get_result_display()}"


class HireConfirmation(PrivateUpload):
    """The company hired its intern as a regular employee after the internship; the file is
    the proof (replaced when the incentive is filed again)."""

    company = models.ForeignKey(
        "companies.Company",
        on_delete=models.PROTECT,
        related_name="hires",
        verbose_name=_("참여기업"),
    )
    placement = models.OneToOneField(
        Placement,
        on_delete=models.PROTECT,
        related_name="hire_confirmation",
        verbose_name=_("인턴 배치"),
    )
    hired_on = models.DateField(_("정규직 채용일"), validators=[programme_date_range])
    file = private_file_field("company-hires", owner="company_id")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("확인한 사람"),
    )
    created_at = models.DateTimeField(_("등록 시각"), auto_now_add=True)

    class Meta:
        verbose_name = _("정규직 채용 확인")
        verbose_name_plural = pgettext_lazy("plural", "정규직 채용 확인")
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.company} · {self.hired_on}"


class IncentiveClaim(ConstraintErrorsAtFields, models.Model):
    """The employment incentive (고용장려금) claimed for a hire; immutable once decided.

    A rejected claim stays as it was; the company may file a new one (a new row) for the same
    hire, so a hire has at most one claim that is not rejected.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("신청")
        APPROVED = "approved", _("승인")
        REJECTED = "rejected", _("반려")

    hire = models.ForeignKey(
        HireConfirmation,
        on_delete=models.PROTECT,
        related_name="incentive_claims",
        verbose_name=_("정규직 채용 확인"),
    )
    company = models.ForeignKey(
        "companies.Company",
        on_delete=models.PROTECT,
        related_name="incentive_claims",
        verbose_name=_("참여기업"),
    )
    amount_krw = models.PositiveIntegerField(_("금액(원)"), default=INCENTIVE_KRW)
    status = models.CharField(
        _("상태"), max_length=10, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("처리 담당자"),
    )
    decided_at = models.DateTimeField(_("처리 시각"), null=True, blank=True)
    rejection_reason = models.TextField(_("반려 사유"), blank=True)
    created_at = models.DateTimeField(_("신청 시각"), auto_now_add=True)

    class Meta:
        verbose_name = _("고용장려금 신청")
        verbose_name_plural = pgettext_lazy("plural", "고용장려금 신청")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_krw__gt=0),
                name="incentive_amount_positive",
                violation_error_message=_("금액은 1원 이상이어야 합니다."),
                violation_error_code="amount_krw",
            ),
            models.CheckConstraint(
                condition=models.Q(status="submitted")
                | models.Q(decided_at__isnull=False, decided_by__isnull=False),
                name="incentive_decision_has_who_and_when",
                violation_error_message=_(
                    "승인·반려는 목록의 작업으로 처리해 주세요. 처리한 담당자와 시각이 함께 "
                    "기록됩니다."
                ),
                violation_error_code="status",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="rejected") | ~models.Q(rejection_reason=""),
                name="incentive_rejection_needs_a_reason",
                violation_error_message=_("반려할 때는 반려 사유를 적어 주세요."),
                violation_error_code="rejection_reason",
            ),
            models.UniqueConstraint(
                fields=["hire"],
                condition=~models.Q(status="rejected"),
                name="one_live_incentive_claim_per_hire",
                violation_error_message=_(
                    "이 채용에는 이미 처리 중이거나 승인된 고용장려금 신청이 있습니다."
                ),
                violation_error_code="hire",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company} · {krw(self.amount_krw)} · {self.get_status_display()}"
