"""The applicant: profile with eligibility facts, qualifications, consents, documents, allowance."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from womenup.dates import birth_date_range, past_date_range, programme_date_range
from womenup.privacy.private_files import PrivateUpload, private_file_field


def on_behalf_field():
    """``submitted_by`` of a row a counsellor filed for her (empty when she filed it herself);
    every app's application model carries one, shown as "상담사 ○○○ 대리 제출"."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("대리 제출한 상담사"),
    )


class ApplicantProfile(models.Model):
    """One applicant's profile; the facts the eligibility rules read come from here."""

    class Gender(models.TextChoices):
        FEMALE = "female", _("여성")
        MALE = "male", _("남성")

    class EmploymentStatus(models.TextChoices):
        UNEMPLOYED = "unemployed", _("미취업")
        EMPLOYED = "employed", _("재직 중")
        SELF_EMPLOYED = "self_employed", _("사업 운영 중")

    class WorkType(models.TextChoices):
        FULL_TIME = "full_time", _("전일제 (주 40시간)")
        FLEXIBLE = "flexible", _("유연근무 (주 30~35시간)")

    class CareerBreakReason(models.TextChoices):
        CHILDCARE = "childcare", _("육아")
        PREGNANCY = "pregnancy", _("임신·출산")
        FAMILY_CARE = "family_care", _("가족 돌봄")
        MARRIAGE = "marriage", _("결혼")
        HEALTH = "health", _("건강")
        OTHER = "other", _("기타")

    class EducationLevel(models.TextChoices):
        HIGH_SCHOOL = "high_school", _("고등학교 졸업")
        ASSOCIATE = "associate", _("전문대학 졸업")
        BACHELOR = "bachelor", _("대학교 졸업")
        MASTER = "master", _("석사")
        DOCTORATE = "doctorate", _("박사")
        OTHER = "other", _("기타")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="applicant_profile",
        verbose_name=_("계정"),
    )
    name = models.CharField(_("이름"), max_length=50, blank=True)
    birth_date = models.DateField(
        _("생년월일"), null=True, blank=True, validators=[birth_date_range]
    )
    gender = models.CharField(_("성별"), max_length=10, choices=Gender.choices, blank=True)
    phone = models.CharField(_("휴대전화"), max_length=20, blank=True, help_text=_("E.164 형식"))
    residence_city = models.ForeignKey(
        "womenup.City",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("거주 도시"),
    )
    residence_district = models.ForeignKey(
        "womenup.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("거주 자치구"),
    )
    employment_status = models.CharField(
        _("취업 상태"), max_length=20, choices=EmploymentStatus.choices, blank=True
    )
    last_employment_end = models.DateField(
        _("마지막 근무 종료일"), null=True, blank=True, validators=[past_date_range]
    )
    never_employed = models.BooleanField(_("근무 경험 없음"), default=False)
    career_break_reason = models.CharField(
        _("경력 단절 사유"), max_length=20, choices=CareerBreakReason.choices, blank=True
    )
    career_break_since = models.DateField(
        _("경력 단절 시작일"), null=True, blank=True, validators=[past_date_range]
    )
    education_level = models.CharField(
        _("최종 학력"), max_length=20, choices=EducationLevel.choices, blank=True
    )
    education_major = models.CharField(_("전공"), max_length=100, blank=True)
    desired_job_categories = models.ManyToManyField(
        "womenup.JobCategory", blank=True, related_name="+", verbose_name=_("희망 직무")
    )
    desired_work_type = models.CharField(
        _("희망 근무 형태"), max_length=20, choices=WorkType.choices, blank=True
    )
    preferred_districts = models.ManyToManyField(
        "womenup.District", blank=True, related_name="+", verbose_name=_("희망 근무 지역")
    )
    priority_groups = models.JSONField(
        _("우선 선발 대상"),
        default=list,
        blank=True,
        help_text=_(
            "담당자가 증빙을 확인한 우선 선발 대상 코드 목록 (사업의 우선 선발 비율에 쓰임)"
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("생성 시각"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("수정 시각"))
    filled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("대리 입력한 상담사"),
        help_text=_("상담사가 마지막으로 대신 입력했을 때; 본인이 저장하면 비워집니다."),
    )

    class Meta:
        verbose_name = _("참여자 프로필")
        verbose_name_plural = _("참여자 프로필")

    def __str__(self) -> str:
        return self.name or self.user.email


class PriorityGroup(models.TextChoices):
    """Groups a programme may reserve seats for (codes in ``Program.priority_groups``)."""

    BASIC_LIVELIHOOD = "basic_livelihood", _("기초생활수급자")
    NEAR_POVERTY = "near_poverty", _("차상위계층")
    DISABLED = "disabled", _("장애인")
    SINGLE_PARENT = "single_parent", _("한부모가족")
    NORTH_KOREAN_DEFECTOR = "north_korean_defector", _("북한이탈주민")
    CAREER_BREAK_WOMAN = "career_break_woman", _("경력보유여성")


class ParticipationRecord(models.Model):
    """A past participation in a programme outside the portal, imported by staff.

    With the portal's own placements (their intake's stage dates) this is the history the
    participation rules read (``applicants.selectors.facts_for_applicants``).
    """

    profile = models.ForeignKey(
        ApplicantProfile,
        on_delete=models.CASCADE,
        related_name="participation_records",
        verbose_name=_("참여자"),
    )
    program = models.ForeignKey(
        "womenup.Program", on_delete=models.PROTECT, related_name="+", verbose_name=_("사업")
    )
    started_on = models.DateField(_("참여 시작일"), validators=[past_date_range])
    ended_on = models.DateField(_("참여 종료일"), validators=[programme_date_range])
    note = models.CharField(_("비고"), max_length=200, blank=True)
    imported_at = models.DateTimeField(_("등록 시각"), auto_now_add=True)

    class Meta:
        verbose_name = _("과거 참여 이력")
        verbose_name_plural = _("과거 참여 이력")
        ordering = ["profile_id", "started_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__gte=models.F("started_on")),
                name="participation_ends_after_it_starts",
                violation_error_message=_("참여 종료일이 참여 시작일보다 빠릅니다."),
            ),
            models.UniqueConstraint(
                fields=["profile", "program", "started_on"],
                name="one_participation_per_programme_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.profile} · {self.program.code} {self.started_on}~{self.ended_on}"


class CareerEntry(models.Model):
    """A past job: the field and how many years."""

    profile = models.ForeignKey(
        ApplicantProfile,
        on_delete=models.CASCADE,
        related_name="career_entries",
        verbose_name=_("참여자"),
    )
    job_category = models.ForeignKey(
        "womenup.JobCategory", on_delete=models.PROTECT, related_name="+", verbose_name=_("분야")
    )
    description = models.CharField(_("담당 업무"), max_length=200, blank=True)
    years = models.PositiveSmallIntegerField(_("경력 연수"))

    class Meta:
        verbose_name = _("경력")
        verbose_name_plural = _("경력")
        ordering = ["profile_id", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(years__gte=1, years__lte=50), name="career_years_1_to_50"
            )
        ]

    def __str__(self) -> str:
        return f"{self.job_category} {self.years}년"


class Certificate(models.Model):
    """A professional certificate the applicant holds."""

    profile = models.ForeignKey(
        ApplicantProfile,
        on_delete=models.CASCADE,
        related_name="certificates",
        verbose_name=_("참여자"),
    )
    name = models.CharField(_("자격증명"), max_length=120)
    issuer = models.CharField(_("발급 기관"), max_length=120)
    acquired_on = models.DateField(_("취득일"), validators=[past_date_range])

    class Meta:
        verbose_name = _("자격증")
        verbose_name_plural = _("자격증")
        ordering = ["profile_id", "acquired_on", "pk"]

    def __str__(self) -> str:
        return self.name


class CompletedTraining(models.Model):
    """A training she completed outside the portal, described in free text.

    A course completed here is its enrollment (``courses.Enrollment``, status completed).
    """

    profile = models.ForeignKey(
        ApplicantProfile,
        on_delete=models.CASCADE,
        related_name="completed_trainings",
        verbose_name=_("참여자"),
    )
    title = models.CharField(_("교육명"), max_length=150)
    institution = models.CharField(_("교육 기관"), max_length=120, blank=True)
    completed_on = models.DateField(_("수료일"), validators=[past_date_range])

    class Meta:
        verbose_name = _("수료한 교육")
        verbose_name_plural = _("수료한 교육")
        ordering = ["profile_id", "completed_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(title=""), name="training_has_a_title")
        ]

    def __str__(self) -> str:
        return self.title


class Consent(models.Model):
    """One consent item given under one version of its notice; withdrawal keeps the row."""

    class Item(models.TextChoices):
        COLLECTION = "collection", _("개인정보 수집·이용 (필수)")
        PROVISION = "provision", _("지원한 기업에 개인정보 제공 (매칭 필수)")
        CONTACT = "contact", _("기업에 연락처 제공 (선택)")
        MARKETING = "marketing", _("사업 안내·홍보 수신 (선택)")

    profile = models.ForeignKey(
        ApplicantProfile,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("참여자"),
    )
    item = models.CharField(_("동의 항목"), max_length=20, choices=Item.choices)
    notice_version = models.CharField(_("고지문 버전"), max_length=20)
    given_at = models.DateTimeField(_("동의 시각"))
    withdrawn_at = models.DateTimeField(_("철회 시각"), null=True, blank=True)

    class Meta:
        verbose_name = _("개인정보 동의")
        verbose_name_plural = _("개인정보 동의")
        ordering = ["profile_id", "item", "-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "item"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_active_consent_per_item",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_item_display()} v{self.notice_version}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class Document(PrivateUpload):
    """An uploaded document (checked by content), served only through the download view."""

    class Kind(models.TextChoices):
        RESUME = "resume", _("이력서")
        CERTIFICATE = "certificate", _("자격증 사본")
        TRAINING_PROOF = "training_proof", _("수료증명서")
        CAREER_PROOF = "career_proof", _("경력증명서")

    profile = models.ForeignKey(
        ApplicantProfile,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("참여자"),
    )
    kind = models.CharField(_("서류 종류"), max_length=20, choices=Kind.choices)
    file = private_file_field("applicant-documents", owner="profile_id")
    submitted_by = on_behalf_field()

    class Meta:
        verbose_name = _("제출 서류")
        verbose_name_plural = _("제출 서류")
        ordering = ["profile_id", "-uploaded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"


class AllowanceApplication(models.Model):
    """An application for the job-seeking allowance (구직지원금) in one intake."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("지원 중")
        WITHDRAWN = "withdrawn", _("취소")

    profile = models.ForeignKey(
        ApplicantProfile,
        on_delete=models.CASCADE,
        related_name="allowance_applications",
        verbose_name=_("참여자"),
    )
    intake = models.ForeignKey(
        "womenup.IntakeWindow",
        on_delete=models.PROTECT,
        related_name="allowance_applications",
        verbose_name=_("모집 회차"),
    )
    status = models.CharField(
        _("상태"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    job_search_plan = models.TextField(_("구직 계획"))
    applied_at = models.DateTimeField(_("신청 시각"), auto_now_add=True)
    submitted_by = on_behalf_field()

    class Meta:
        verbose_name = _("구직지원금 신청")
        verbose_name_plural = _("구직지원금 신청")
        ordering = ["-applied_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "intake"], name="one_allowance_application_per_intake"
            )
        ]

    def __str__(self) -> str:
        return f"{self.profile} · {self.intake}"


class ActivityReport(PrivateUpload):
    """A monthly job-search activity report with its evidence file; staff accept or return it."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("검토 중")
        ACCEPTED = "accepted", _("승인")
        RETURNED = "returned", _("반려")

    application = models.ForeignKey(
        AllowanceApplication,
        on_delete=models.CASCADE,
        related_name="reports",
        verbose_name=_("구직지원금 신청"),
    )
    month = models.DateField(
        _("활동 월"), help_text=_("그 달의 1일"), validators=[programme_date_range]
    )
    activities = models.TextField(_("구직 활동 내용"))
    file = private_file_field("activity-evidence", owner="application.profile_id")
    status = models.CharField(
        _("상태"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("제출 시각"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("검토 시각"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("검토한 담당자"),
    )
    return_reason = models.TextField(_("반려 사유"), blank=True)

    class Meta:
        verbose_name = _("구직활동 보고")
        verbose_name_plural = _("구직활동 보고")
        ordering = ["application_id", "month", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "month"],
                condition=~models.Q(status="returned"),
                name="one_live_report_per_month",
            ),
            models.CheckConstraint(
                condition=models.Q(month__day=1), name="report_month_is_first_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application.profile} · {self.month:%Y-%m}"


class ProxyConsent(models.Model):
    """Her consent that a counsellor acts for her (fills her profile, uploads documents,
    submits applications): who collected it, how and when. She can withdraw it; the row stays."""

    class Method(models.TextChoices):
        IN_PERSON = "in_person", _("대면")
        PHONE = "phone", _("전화")

    profile = models.ForeignKey(
        ApplicantProfile,
        on_delete=models.CASCADE,
        related_name="proxy_consents",
        verbose_name=_("참여자"),
    )
    collected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("동의를 받은 상담사"),
    )
    method = models.CharField(_("동의 방법"), max_length=20, choices=Method.choices)
    collected_at = models.DateTimeField(_("동의 시각"))
    withdrawn_at = models.DateTimeField(_("철회 시각"), null=True, blank=True)

    class Meta:
        verbose_name = _("대리 신청 동의")
        verbose_name_plural = _("대리 신청 동의")
        ordering = ["profile_id", "-collected_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_active_proxy_consent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.profile} · {self.get_method_display()} {self.collected_at:%Y-%m-%d}"
