"""The shared kernel: accounts, regions, the program catalogue, wage rates, the payment ledger,
outbox, access log."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.contenttypes.fields import GenericForeignKey
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from womenup.constraints import ConstraintErrorsAtFields
from womenup.dates import programme_date_range, rate_date_range
from womenup.display import krw
from womenup.programs.eligibility import RuleKind


class UserManager(BaseUserManager):
    """Users log in with their e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("이메일 주소가 필요합니다.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("account_type", User.AccountType.CITY_STAFF)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who logs in: an applicant, a company user, institution staff or city staff."""

    class AccountType(models.TextChoices):
        APPLICANT = "applicant", _("참여자")
        COMPANY = "company", _("참여기업")
        INSTITUTION = "institution", _("운영기관")
        CITY_STAFF = "city_staff", _("시 담당자")

    username = None
    email = models.EmailField(_("이메일"), unique=True)
    account_type = models.CharField(
        _("계정 종류"), max_length=20, choices=AccountType.choices, default=AccountType.APPLICANT
    )
    language = models.CharField(
        _("알림 언어"), max_length=10, choices=settings.LANGUAGES, default="ko"
    )
    # Channels besides e-mail (always sent) she chose on 알림 설정; offered only where the
    # deployment has a text-message provider (SMS_BACKEND). The number is E.164.
    notify_by_sms = models.BooleanField(_("문자(SMS)로도 받기"), default=False)
    notify_by_alimtalk = models.BooleanField(_("카카오 알림톡으로도 받기"), default=False)
    notification_phone = models.CharField(
        _("알림 받을 휴대전화"), max_length=20, blank=True, help_text=_("E.164 형식")
    )

    anonymised_at = models.DateTimeField(
        _("익명 처리 시각"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("보존 기간이 지나 개인정보를 지운 때"),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    class Meta:
        verbose_name = _("사용자")
        verbose_name_plural = pgettext_lazy("plural", "사용자")

    def __str__(self) -> str:
        return self.email

    @property
    def is_applicant(self) -> bool:
        return self.account_type == self.AccountType.APPLICANT

    @property
    def is_company_user(self) -> bool:
        return self.account_type == self.AccountType.COMPANY


class City(models.Model):
    """A city whose programs run on the portal; its names are shown in reasons and lists."""

    code = models.SlugField(_("코드"), unique=True)
    name = models.CharField(_("이름"), max_length=50, help_text=_("주소에 쓰는 이름"))
    short_name = models.CharField(
        _("짧은 이름"), max_length=50, blank=True, help_text=_("요건 문장에 쓰는 이름")
    )
    name_en = models.CharField(_("영문 이름"), max_length=80, blank=True)
    short_name_en = models.CharField(_("영문 짧은 이름"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("도시")
        verbose_name_plural = pgettext_lazy("plural", "도시")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The city's full name in the active language (English falls back to Korean)."""
        return self.label(language=get_language() or "ko", short=False)

    def label(self, *, language: str, short: bool) -> str:
        """The city's name in ``language`` ("ko", "en"); falls back to the Korean name."""
        if language.startswith("en"):
            english = self.short_name_en if short else self.name_en
            if english or self.name_en:
                return english or self.name_en
        return (self.short_name if short else "") or self.name


class District(ConstraintErrorsAtFields, models.Model):
    """A district (자치구) of a city, e.g. one of Seoul's 25."""

    city = models.ForeignKey(
        City, on_delete=models.PROTECT, related_name="districts", verbose_name=_("도시")
    )
    code = models.SlugField(_("코드"))
    name = models.CharField(_("이름"), max_length=50)

    class Meta:
        verbose_name = _("자치구")
        verbose_name_plural = pgettext_lazy("plural", "자치구")
        ordering = ["city_id", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["city", "code"],
                name="district_unique_code_per_city",
                violation_error_message=_("이 도시에는 같은 코드의 자치구가 이미 있습니다."),
                violation_error_code="code",
            )
        ]

    def __str__(self) -> str:
        return f"{self.city.display_name} {self.name}"


class JobCategory(models.Model):
    """A job category used by roles, courses and applicants' wishes."""

    code = models.SlugField(_("코드"), unique=True)
    name = models.CharField(_("이름"), max_length=80)
    order = models.PositiveSmallIntegerField(_("순서"), default=0)

    class Meta:
        verbose_name = _("직무 분야")
        verbose_name_plural = pgettext_lazy("plural", "직무 분야")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class MatchingMode(models.TextChoices):
    """How the weekly batch fills a programme's roles."""

    INTERVIEW = "interview", _("면접 후 기업 순위로 매칭")
    DIRECT = "direct", _("서류심사 통과자를 적합도 순으로 직접 배정")


class Program(ConstraintErrorsAtFields, models.Model):
    """A program of a city (internship, allowance, course family, public job, ...)."""

    class Kind(models.TextChoices):
        INTERNSHIP = "internship", _("채용연계형 인턴십")
        PROJECT_INTERNSHIP = "project_internship", _("프로젝트형 인턴십")
        WAGE_SUPPORT = "wage_support", _("인턴 임금 지원")
        INCENTIVE = "incentive", _("고용장려금")
        ALLOWANCE = "allowance", _("구직지원금")
        COURSE = "course", _("교육과정")
        PUBLIC_JOB = "public_job", _("공공일자리")
        YOUTH_INTERN = "youth_intern", _("청년인턴")

    code = models.SlugField(_("코드"), unique=True)
    city = models.ForeignKey(
        City, on_delete=models.PROTECT, related_name="programs", verbose_name=_("도시")
    )
    kind = models.CharField(_("종류"), max_length=30, choices=Kind.choices)
    name = models.CharField(_("이름"), max_length=120)
    summary = models.CharField(_("요약"), max_length=300)
    description = models.TextField(_("설명"), blank=True)
    key_facts = models.JSONField(
        _("핵심 정보"),
        default=list,
        blank=True,
        help_text=_(
            "한 줄씩 보여 줄 핵심 정보 목록. 금액·인원·시간은 {seats}처럼 수치 이름으로 쓰면 "
            "오늘 기준 값으로 채워집니다."
        ),
    )
    figures = models.JSONField(
        _("수치"),
        default=dict,
        blank=True,
        help_text=_(
            '사업의 금액·인원·시간(정수), 예: {"amount_krw": 300000, "months": 3, "seats": 150}'
        ),
    )
    is_active = models.BooleanField(_("운영 중"), default=True)
    order = models.PositiveSmallIntegerField(_("순서"), default=0)
    matching_mode = models.CharField(
        _("매칭 방식"),
        max_length=20,
        choices=MatchingMode.choices,
        default=MatchingMode.INTERVIEW,
        help_text=_(
            "면접: 기업이 면접 후 순위를 정한 직무만 매칭합니다. "
            "직접 배정: 시가 운영하는 사업처럼 서류심사를 통과한 지원자를 "
            "적합도 순으로 바로 배정합니다."
        ),
    )
    reserved_seat_percent = models.PositiveSmallIntegerField(
        _("우선 선발 비율(%)"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "직무마다 채용 인원의 이 비율(반올림)을 우선 선발 대상에게 먼저 배정합니다. "
            "우선 선발 대상이 부족하면 남은 자리는 모두에게 열립니다. 예: 100명 중 30%."
        ),
    )
    priority_groups = models.JSONField(
        _("우선 선발 대상"),
        default=list,
        blank=True,
        help_text=_(
            '참여자 프로필의 우선 선발 대상 코드 목록, 예: ["basic_livelihood", "disabled"]'
        ),
    )

    class Meta:
        verbose_name = _("사업")
        verbose_name_plural = pgettext_lazy("plural", "사업")
        ordering = ["city_id", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reserved_seat_percent__lte=100),
                name="program_reserved_percent_at_most_100",
                violation_error_message=_("우선 선발 비율은 0에서 100 사이로 입력해 주세요."),
                violation_error_code="reserved_seat_percent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.city.display_name} · {self.name}"

    def reserved_seats(self, seats: int) -> int:
        """Seats of a role with ``seats`` kept for priority groups: the share, rounded half up."""
        if not self.priority_groups:
            return 0
        return (seats * self.reserved_seat_percent + 50) // 100


class IntakeWindow(ConstraintErrorsAtFields, models.Model):
    """A period during which a program accepts applications."""

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="intakes", verbose_name=_("사업")
    )
    label = models.CharField(_("모집 회차"), max_length=60)
    opens_on = models.DateField(_("접수 시작일"), validators=[programme_date_range])
    closes_on = models.DateField(_("접수 마감일"), validators=[programme_date_range])
    stage_starts_on = models.DateField(
        _("참여 시작일"),
        null=True,
        blank=True,
        validators=[programme_date_range],
        help_text=_("공공일자리처럼 단계(예: 5개월)로 운영하면 이 회차 단계의 첫날"),
    )
    stage_ends_on = models.DateField(
        _("참여 종료일"),
        null=True,
        blank=True,
        validators=[programme_date_range],
        help_text=_("단계의 마지막 날. 배정된 참여자의 참여 이력이 이 기간으로 기록됩니다."),
    )

    class Meta:
        verbose_name = _("모집 기간")
        verbose_name_plural = pgettext_lazy("plural", "모집 기간")
        ordering = ["program_id", "opens_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="intake_closes_after_it_opens",
                violation_error_message=_("접수 마감일은 접수 시작일과 같거나 그 뒤여야 합니다."),
                violation_error_code="closes_on",
            ),
            models.CheckConstraint(
                condition=models.Q(stage_starts_on__isnull=True, stage_ends_on__isnull=True)
                | models.Q(stage_ends_on__gte=models.F("stage_starts_on")),
                name="intake_stage_has_both_ends_in_order",
                violation_error_message=_(
                    "참여 기간은 시작일과 종료일을 함께, 종료일을 시작일 이후로 입력해 주세요."
                ),
                violation_error_code="stage_ends_on",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.program.name} {self.label}"

    def is_open_on(self, day) -> bool:
        return self.opens_on <= day <= self.closes_on


class EligibilityRule(models.Model):
    """One eligibility rule of a program: a kind and its parameters (DESIGN.md §5 step 1)."""

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="rules", verbose_name=_("사업")
    )
    kind = models.CharField(
        _("규칙 종류"), max_length=40, choices=[(kind.value, kind.value) for kind in RuleKind]
    )
    params = models.JSONField(_("매개변수"), default=dict, blank=True)
    is_active = models.BooleanField(_("적용"), default=True)
    order = models.PositiveSmallIntegerField(_("순서"), default=0)
    note = models.CharField(_("비고"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("자격 요건")
        verbose_name_plural = pgettext_lazy("plural", "자격 요건")
        ordering = ["program_id", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.program.code}: {self.kind}"


class LivingWageRate(models.Model):
    """The Seoul living wage per hour, valid from a date until the next row (edited yearly)."""

    valid_from = models.DateField(_("적용 시작일"), unique=True, validators=[rate_date_range])
    hourly_krw = models.PositiveIntegerField(_("시간당 금액(원)"))

    class Meta:
        verbose_name = _("생활임금")
        verbose_name_plural = pgettext_lazy("plural", "생활임금")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.valid_from}: {krw(self.hourly_krw)}"


class OutboxMessage(models.Model):
    """A message to send; kept until delivered so nothing is lost when the broker is down.

    It goes out on one or more channels (``OutboxDelivery``: e-mail always, text messages where
    she chose them), each with its own status, attempts and next attempt. The message is
    pending while a channel is still to be delivered, sent when every channel was, and given up
    when a channel ran out of attempts.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("발송 대기")
        SENT = "sent", _("발송 완료")
        GAVE_UP = "gave_up", _("발송 포기")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outbox_messages",
        verbose_name=_("받는 사람"),
    )
    to_email = models.EmailField(
        _("받는 사람"), blank=True, help_text=_("비어 있으면 문자로만 보냅니다.")
    )
    template = models.CharField(
        _("메일 템플릿"),
        max_length=100,
        blank=True,
        help_text=_("비어 있으면 저장된 제목과 본문을 그대로 보냅니다."),
    )
    context = models.JSONField(_("템플릿 값"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    language = models.CharField(
        _("언어"),
        max_length=10,
        default="ko",
        help_text=_("보낼 때 받는 사람의 알림 언어로 다시 정해집니다."),
    )
    subject = models.CharField(_("제목"), max_length=200, blank=True)
    body = models.TextField(_("본문"), blank=True)
    dedupe_key = models.CharField(
        _("중복 방지 키"), max_length=200, null=True, blank=True, unique=True
    )
    status = models.CharField(
        _("상태"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("시도 횟수"), default=0)
    last_error = models.TextField(_("마지막 오류"), blank=True)
    next_attempt_at = models.DateTimeField(
        _("다음 시도 시각"), null=True, blank=True, help_text=_("비어 있으면 바로 보냅니다.")
    )
    created_at = models.DateTimeField(_("생성 시각"), auto_now_add=True)
    sent_at = models.DateTimeField(_("발송 시각"), null=True, blank=True)

    class Meta:
        verbose_name = _("알림 발송함")
        verbose_name_plural = pgettext_lazy("plural", "알림 발송함")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="outbox_pending_due",
                condition=models.Q(status="pending"),
            )
        ]

    def __str__(self) -> str:
        return f"{self.to_email}: {self.subject}"


class OutboxDelivery(ConstraintErrorsAtFields, models.Model):
    """One channel of an outbox message: where it goes, whether it went, when to try again."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("이메일")
        SMS = "sms", _("문자(SMS)")
        ALIMTALK = "alimtalk", _("카카오 알림톡")

    class Status(models.TextChoices):
        PENDING = "pending", _("발송 대기")
        SENT = "sent", _("발송 완료")
        FAILED = "failed", _("실패 (다시 시도)")
        GAVE_UP = "gave_up", _("발송 포기")

    message = models.ForeignKey(
        OutboxMessage,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("알림"),
    )
    channel = models.CharField(_("채널"), max_length=10, choices=Channel.choices)
    address = models.CharField(
        _("받는 곳"), max_length=254, help_text=_("이메일 주소 또는 휴대전화 번호")
    )
    text = models.TextField(_("보낸 문자"), blank=True, help_text=_("문자·알림톡 본문"))
    status = models.CharField(
        _("상태"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("시도 횟수"), default=0)
    last_error = models.TextField(_("마지막 오류"), blank=True)
    next_attempt_at = models.DateTimeField(_("다음 시도 시각"), null=True, blank=True)
    sent_at = models.DateTimeField(_("발송 시각"), null=True, blank=True)

    class Meta:
        verbose_name = _("채널별 발송")
        verbose_name_plural = _("채널별 발송")
        ordering = ["-message_id", "channel"]
        constraints = [
            models.UniqueConstraint(
                fields=["message", "channel"],
                name="outbox_delivery_one_per_channel",
                violation_error_message=_("이 알림은 이 채널로 이미 발송 대상에 있습니다."),
                violation_error_code="channel",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.address}"


class PersonalDataAccess(models.Model):
    """One staff view or export of someone's personal data (kept at least 2 years)."""

    class Action(models.TextChoices):
        VIEW = "view", _("조회")
        CHANGE = "change", _("수정")
        EXPORT = "export", _("내보내기")
        DOWNLOAD = "download", _("파일 내려받기")
        HISTORY = "history", _("변경 이력 조회")
        DELETE = "delete", _("삭제")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="personal_data_accesses_made",
        verbose_name=_("접근한 사람"),
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="personal_data_accesses_received",
        verbose_name=_("정보 주체"),
    )
    action = models.CharField(_("행위"), max_length=10, choices=Action.choices)
    target = models.CharField(_("대상"), max_length=200)
    reason = models.TextField(_("사유"), blank=True, help_text=_("내보내기를 한 이유"))
    records = models.PositiveIntegerField(
        _("건수"), default=1, help_text=_("이 한 번에 보거나 내보낸 사람(행)의 수")
    )
    ip_address = models.GenericIPAddressField(_("IP 주소"), null=True, blank=True)
    accessed_at = models.DateTimeField(_("시각"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("개인정보 접근 기록")
        verbose_name_plural = pgettext_lazy("plural", "개인정보 접근 기록")
        ordering = ["-accessed_at"]
        permissions = [
            ("export_unmasked", _("휴대전화·생년월일을 가리지 않고 내보내기")),
            ("review_access_log", _("개인정보 접근 기록 검토 (감사)")),
        ]
        indexes = [models.Index(fields=["actor", "accessed_at"], name="access_actor_time")]

    def __str__(self) -> str:
        return f"{self.accessed_at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.target}"


class LedgerEntry(ConstraintErrorsAtFields, models.Model):
    """One row of the payment ledger for all public money, in whole won (DESIGN.md §6).

    Every row is derived by a service from a dated rate and its evidence (``source``: the
    placement and month for wage support, the approved incentive claim, the accepted activity
    report). Once approved a row never changes, which PostgreSQL enforces with a trigger; a
    mistake is put right by a correction, a new row that references the row it corrects and
    carries the difference, so the original and its corrections add up to what is owed.
    """

    class Kind(models.TextChoices):
        WAGE_SUPPORT = "wage_support", _("인턴 임금 지원")
        INCENTIVE = "incentive", _("고용장려금")
        ALLOWANCE = "allowance", _("구직지원금")

    class Status(models.TextChoices):
        PENDING = "pending", _("승인 대기")
        APPROVED = "approved", _("지급 승인")

    kind = models.CharField(_("지급 구분"), max_length=20, choices=Kind.choices)
    program = models.ForeignKey(
        Program, on_delete=models.PROTECT, related_name="ledger_entries", verbose_name=_("사업")
    )
    month = models.DateField(_("지급 월"), help_text=_("그 달의 1일"))
    amount_krw = models.BigIntegerField(_("금액(원)"))
    source_type = models.ForeignKey(
        "contenttypes.ContentType",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("근거 종류"),
    )
    source_id = models.PositiveBigIntegerField(_("근거 번호"))
    source = GenericForeignKey("source_type", "source_id")
    rate = models.ForeignKey(
        LivingWageRate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ledger_entries",
        verbose_name=_("적용 생활임금"),
    )
    basis = models.JSONField(_("산정 내역"), default=dict, blank=True)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("정정 대상"),
    )
    reason = models.TextField(_("정정 사유"), blank=True)
    status = models.CharField(
        _("상태"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("생성 시각"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("생성한 담당자"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("승인한 담당자"),
    )
    approved_at = models.DateTimeField(_("승인 시각"), null=True, blank=True)

    history = HistoricalRecords(
        verbose_name=_("지급 원장 변경 이력"),
        verbose_name_plural=pgettext_lazy("plural", "지급 원장 변경 이력"),
    )

    class Meta:
        verbose_name = _("지급")
        verbose_name_plural = pgettext_lazy("plural", "지급 원장")
        ordering = ["-month", "-pk"]
        permissions = [("approve_payments", _("지급을 승인할 수 있음"))]
        indexes = [models.Index(fields=["source_type", "source_id"], name="ledger_source_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(month__day=1),
                name="ledger_month_first_day",
                violation_error_message=_("지급 월은 그 달의 1일로 입력해 주세요."),
                violation_error_code="month",
            ),
            models.CheckConstraint(
                condition=models.Q(corrects__isnull=False) | models.Q(amount_krw__gt=0),
                name="ledger_original_amount_positive",
                violation_error_message=_("지급 금액은 1원 이상이어야 합니다."),
                violation_error_code="amount_krw",
            ),
            models.CheckConstraint(
                condition=models.Q(corrects__isnull=True)
                | (~models.Q(amount_krw=0) & ~models.Q(reason="")),
                name="ledger_correction_has_amount_and_reason",
                violation_error_message=_(
                    "정정 지급에는 0원이 아닌 차액과 정정 사유가 있어야 합니다."
                ),
                violation_error_code="reason",
            ),
            models.CheckConstraint(
                condition=models.Q(status="pending")
                | models.Q(approved_by__isnull=False, approved_at__isnull=False),
                name="ledger_approved_names_approver",
                violation_error_message=_(
                    "지급 승인은 목록의 「선택한 지급 승인」으로 해 주세요. 승인한 담당자와 "
                    "시각이 함께 기록됩니다."
                ),
                violation_error_code="status",
            ),
            models.UniqueConstraint(
                fields=["kind", "source_type", "source_id", "month"],
                condition=models.Q(corrects__isnull=True),
                name="ledger_one_original_per_source_and_month",
                violation_error_message=_("이 근거와 지급 월의 지급 건이 이미 있습니다."),
                violation_error_code="month",
            ),
        ]

    def __str__(self) -> str:
        label = f"#{self.pk} {self.get_kind_display()} {self.month:%Y-%m} {krw(self.amount_krw)}"
        return f"{label} ({_('정정')})" if self.corrects_id else label


class MFAAuthenticator(Authenticator):
    """allauth's authenticators (OTP app, recovery codes) under a Korean name in admin; the
    same rows, only superusers see the list (womenup/admin.py)."""

    class Meta:
        proxy = True
        verbose_name = _("2단계 인증 수단")
        verbose_name_plural = pgettext_lazy("plural", "2단계 인증 수단")
