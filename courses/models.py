"""Institutions, courses, enrollments with seats and waitlist, attendance, certificates, follow-ups;
the job centres' counselling: clients, sessions with seats, notes and outcomes.

Seats are held in the database: ``Course.enrolled_count`` counts the enrollments that hold a seat
and a CHECK constraint keeps it at or below ``seats``; the enrollment services lock the course row
while they change it, so concurrent applications are served one after another in arrival order.
"""

from datetime import time

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from simple_history.models import HistoricalRecords

from applicants.models import on_behalf_field
from womenup import phones
from womenup.constraints import ConstraintErrorsAtFields
from womenup.dates import days_after, past_date_range, programme_date_range


class Institution(models.Model):
    """A training institution (운영기관) that runs courses, or a women's job centre
    (여성새로일하기센터) whose counsellors look after their clients (``kind``)."""

    class Kind(models.TextChoices):
        TRAINING = "training", _("교육훈련기관")
        JOB_CENTRE = "job_centre", _("여성새로일하기센터")

    name = models.CharField(_("기관명"), max_length=120)
    kind = models.CharField(
        _("기관 종류"), max_length=20, choices=Kind.choices, default=Kind.TRAINING
    )
    city = models.ForeignKey(
        "womenup.City", on_delete=models.PROTECT, related_name="+", verbose_name=_("도시")
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="institutions", verbose_name=_("담당자")
    )

    class Meta:
        verbose_name = _("운영기관")
        verbose_name_plural = pgettext_lazy("plural", "운영기관")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Course(ConstraintErrorsAtFields, models.Model):
    """A free training course with a fixed number of seats."""

    class Track(models.TextChoices):
        DEVELOPER_ENTRY = "developer_entry", _("개발자 입문과정")
        ADVANCED = "advanced", _("기업연계 심화과정")
        SOCIAL_50PLUS = "social_50plus", _("50+ 사회공헌")
        VOCATIONAL = "vocational", _("직업교육훈련")
        PRE_TRAINING = "pre_training", _("사전교육")

    class SelectionMode(models.TextChoices):
        FIRST_COME = "first_come", _("선착순")
        INSTITUTION_SELECTS = "institution_selects", _("기관 선발")

    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="courses", verbose_name=_("운영기관")
    )
    program = models.ForeignKey(
        "womenup.Program",
        on_delete=models.PROTECT,
        related_name="courses",
        verbose_name=_("사업"),
        help_text=_("이 사업의 자격 요건으로 신청 자격을 판단합니다."),
    )
    code = models.SlugField(_("과정 코드"), unique=True)
    title = models.CharField(_("과정명"), max_length=150)
    track = models.CharField(_("과정 유형"), max_length=30, choices=Track.choices)
    subject = models.CharField(
        _("분야·언어"), max_length=60, blank=True, help_text=_("예: Python, Java, 유튜브 제작")
    )
    summary = models.TextField(_("과정 소개"), blank=True)
    hours = models.PositiveSmallIntegerField(_("교육시간"))
    starts_on = models.DateField(_("개강일"), validators=[programme_date_range])
    ends_on = models.DateField(_("종강일"), validators=[programme_date_range])
    schedule = models.CharField(
        _("수업 일정"), max_length=150, blank=True, help_text=_("예: 월~금 09:30~15:30")
    )
    place = models.CharField(
        _("교육 장소"),
        max_length=200,
        blank=True,
        help_text=_("선발된 수강생에게 보입니다. 예: 본관 5층 502호 강의실"),
    )
    what_to_bring = models.TextField(
        _("준비물"),
        blank=True,
        max_length=500,
        help_text=_("선발된 수강생에게 보입니다. 예: 신분증, 노트북(없으면 대여 가능)"),
    )
    seats = models.PositiveSmallIntegerField(_("정원"))
    enrolled_count = models.PositiveSmallIntegerField(
        _("선발 인원"), default=0, editable=False, help_text=_("좌석을 차지한 수강생 수")
    )
    applications_open_on = models.DateField(
        _("접수 시작일"), null=True, blank=True, validators=[programme_date_range]
    )
    applications_close_on = models.DateField(
        _("접수 마감일"),
        null=True,
        blank=True,
        help_text=_("비워 두면 개강 전날까지 접수합니다."),
        validators=[programme_date_range],
    )
    selection_mode = models.CharField(
        _("선발 방식"),
        max_length=30,
        choices=SelectionMode.choices,
        default=SelectionMode.FIRST_COME,
    )
    min_attendance_rate = models.PositiveSmallIntegerField(_("수료 기준 출석률(%)"), default=80)
    certificate_name = models.CharField(_("연계 자격증"), max_length=120, blank=True)
    unlocks_program = models.ForeignKey(
        "womenup.Program",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="unlocking_courses",
        verbose_name=_("수료 시 지원 가능한 인턴십"),
        help_text=_("이 과정을 수료해야 지원할 수 있는 IT 직무교육 연계 인턴십"),
    )

    class Meta:
        verbose_name = _("교육과정")
        verbose_name_plural = pgettext_lazy("plural", "교육과정")
        ordering = ["starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(seats__gte=1),
                name="course_has_a_seat",
                violation_error_message=_("정원은 1명 이상이어야 합니다."),
                violation_error_code="seats",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="course_ends_after_it_starts",
                violation_error_message=_("종강일은 개강일과 같거나 그 뒤여야 합니다."),
                violation_error_code="ends_on",
            ),
            models.CheckConstraint(
                condition=models.Q(hours__gte=1),
                name="course_has_hours",
                violation_error_message=_("교육시간은 1시간 이상이어야 합니다."),
                violation_error_code="hours",
            ),
            models.CheckConstraint(
                condition=models.Q(enrolled_count__lte=models.F("seats")),
                name="course_never_oversubscribed",
                violation_error_message=_("정원은 이미 선발된 인원보다 적을 수 없습니다."),
                violation_error_code="seats",
            ),
            models.CheckConstraint(
                condition=models.Q(min_attendance_rate__lte=100),
                name="course_attendance_rate_is_a_percentage",
                violation_error_message=_("수료 기준 출석률은 0~100 사이로 입력해 주세요."),
                violation_error_code="min_attendance_rate",
            ),
            models.CheckConstraint(
                condition=models.Q(applications_open_on__isnull=True)
                | models.Q(applications_close_on__isnull=True)
                | models.Q(applications_close_on__gte=models.F("applications_open_on")),
                name="course_application_window_in_order",
                violation_error_message=_("접수 마감일은 접수 시작일과 같거나 그 뒤여야 합니다."),
                violation_error_code="applications_close_on",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def seats_left(self) -> int:
        return max(self.seats - self.enrolled_count, 0)

    @property
    def last_application_day(self):
        """The last day applications are taken: the close date, else the day before it starts
        (None when a start date at the edge of the calendar leaves no such day)."""
        return self.applications_close_on or days_after(self.starts_on, -1)

    def is_open_for_applications(self, day) -> bool:
        opened = self.applications_open_on is None or self.applications_open_on <= day
        last = self.last_application_day
        return opened and last is not None and day <= last


class Enrollment(ConstraintErrorsAtFields, models.Model):
    """An applicant's application to a course and where it stands."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("신청")
        ENROLLED = "enrolled", _("선발")
        WAITLISTED = "waitlisted", _("대기")
        WITHDRAWN = "withdrawn", _("취소")
        DROPPED = "dropped", _("중도 탈락")
        COMPLETED = "completed", _("수료")
        NOT_COMPLETED = "not_completed", _("미수료")
        NOT_SELECTED = "not_selected", _("미선발")

    SEAT_HOLDING = (Status.ENROLLED, Status.COMPLETED, Status.NOT_COMPLETED)
    OPEN = (Status.APPLIED, Status.WAITLISTED, Status.ENROLLED)

    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="enrollments", verbose_name=_("교육과정")
    )
    applicant = models.ForeignKey(
        "applicants.ApplicantProfile",
        on_delete=models.CASCADE,
        related_name="enrollments",
        verbose_name=_("신청자"),
    )
    status = models.CharField(
        _("상태"), max_length=20, choices=Status.choices, default=Status.APPLIED, db_index=True
    )
    motivation = models.TextField(_("지원 동기"), blank=True)
    applied_at = models.DateTimeField(_("신청 시각"), auto_now_add=True)
    submitted_by = on_behalf_field()
    waitlisted_at = models.DateTimeField(
        _("대기 등록 시각"), null=True, blank=True, help_text=_("대기 순번은 이 시각 순서입니다.")
    )
    decided_at = models.DateTimeField(_("선발 결정 시각"), null=True, blank=True)
    enrolled_at = models.DateTimeField(_("선발 시각"), null=True, blank=True)
    ended_at = models.DateTimeField(_("취소·탈락 시각"), null=True, blank=True)
    completed_on = models.DateField(
        _("수료일"), null=True, blank=True, validators=[programme_date_range]
    )
    note = models.CharField(_("비고"), max_length=300, blank=True)

    history = HistoricalRecords(
        verbose_name=_("수강 신청 변경 이력"),
        verbose_name_plural=pgettext_lazy("plural", "수강 신청 변경 이력"),
    )

    class Meta:
        verbose_name = _("수강 신청")
        verbose_name_plural = pgettext_lazy("plural", "수강 신청")
        ordering = ["applied_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "applicant"],
                name="one_enrollment_per_course_and_applicant",
                violation_error_message=_("이 참여자는 이미 이 과정에 신청했습니다."),
                violation_error_code="applicant",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="waitlisted") | models.Q(waitlisted_at__isnull=False),
                name="waitlisted_enrollment_has_a_place_in_line",
                violation_error_message=_("대기 상태로 두려면 대기 등록 시각이 있어야 합니다."),
                violation_error_code="status",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["enrolled", "completed", "not_completed"])
                | models.Q(enrolled_at__isnull=False),
                name="seated_enrollment_was_enrolled",
                violation_error_message=_(
                    "선발·수료·미수료 상태로 두려면 선발 시각이 있어야 합니다. "
                    "목록의 「선발」 작업으로 선발해 주세요."
                ),
                violation_error_code="status",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="completed") | models.Q(completed_on__isnull=False),
                name="completed_enrollment_has_a_date",
                violation_error_message=_("수료 상태로 두려면 수료일을 입력해 주세요."),
                violation_error_code="completed_on",
            ),
        ]
        indexes = [
            models.Index(fields=["course", "status", "waitlisted_at"], name="enrollment_waitlist")
        ]

    def __str__(self) -> str:
        return f"{self.course} · {self.applicant}"


class Session(ConstraintErrorsAtFields, models.Model):
    """One class day of a course; attendance is recorded per session."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("교육과정")
    )
    held_on = models.DateField(_("수업일"), validators=[programme_date_range])
    starts_at = models.TimeField(
        _("시작 시각"), default=time(9, 30), help_text=_("이 시각이 지나 입실하면 지각입니다.")
    )
    ends_at = models.TimeField(
        _("종료 시각"), default=time(15, 30), help_text=_("이 시각 전에 퇴실하면 조퇴입니다.")
    )
    topic = models.CharField(_("주제"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("수업 회차")
        verbose_name_plural = pgettext_lazy("plural", "수업 회차")
        ordering = ["course_id", "held_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "held_on"],
                name="one_session_per_course_day",
                violation_error_message=_("이 과정에는 같은 날짜의 수업 회차가 이미 있습니다."),
                violation_error_code="held_on",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_it_starts",
                violation_error_message=_("종료 시각은 시작 시각보다 늦어야 합니다."),
                violation_error_code="ends_at",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course} {self.held_on}"


class Attendance(ConstraintErrorsAtFields, models.Model):
    """A trainee's attendance at one session: marked by staff, or derived from her QR check-in
    and check-out against the session's times (see ``courses/attendance.py``)."""

    class Status(models.TextChoices):
        PRESENT = "present", _("출석")
        LATE = "late", _("지각")
        EARLY_LEAVE = "early_leave", _("조퇴")
        LATE_EARLY_LEAVE = "late_early", _("지각·조퇴")
        EXCUSED = "excused", _("공결")
        ABSENT = "absent", _("결석")

    class Source(models.TextChoices):
        QR = "qr", _("QR 입실·퇴실")
        STAFF = "staff", _("담당자 입력")
        SYSTEM = "system", _("수업 종료 후 자동 처리")

    ATTENDED = (
        Status.PRESENT,
        Status.LATE,
        Status.EARLY_LEAVE,
        Status.LATE_EARLY_LEAVE,
        Status.EXCUSED,
    )

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("수업 회차")
    )
    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("수강생")
    )
    status = models.CharField(_("출결"), max_length=20, choices=Status.choices)
    source = models.CharField(
        _("기록 방식"), max_length=10, choices=Source.choices, default=Source.STAFF
    )
    checked_in_at = models.DateTimeField(_("입실 시각"), null=True, blank=True)
    checked_out_at = models.DateTimeField(_("퇴실 시각"), null=True, blank=True)
    correction_reason = models.CharField(
        _("정정 사유"), max_length=300, blank=True, help_text=_("담당자가 출결을 바꾼 이유")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("기록한 사람"),
    )
    recorded_at = models.DateTimeField(_("기록 시각"), auto_now=True)

    history = HistoricalRecords(
        verbose_name=_("출결 변경 이력"), verbose_name_plural=_("출결 변경 이력")
    )

    class Meta:
        verbose_name = _("출결")
        verbose_name_plural = pgettext_lazy("plural", "출결")
        ordering = ["session_id", "enrollment_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrollment"],
                name="one_attendance_per_session_and_trainee",
                violation_error_message=_("이 수강생의 이 회차 출결은 이미 기록되어 있습니다."),
                violation_error_code="enrollment",
            ),
            models.CheckConstraint(
                condition=models.Q(checked_out_at__isnull=True)
                | models.Q(
                    checked_in_at__isnull=False, checked_out_at__gte=models.F("checked_in_at")
                ),
                name="attendance_checks_out_after_checking_in",
                violation_error_message=_("퇴실 시각은 입실 시각 이후여야 합니다."),
                violation_error_code="checked_out_at",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session} · {self.enrollment.applicant}: {self.get_status_display()}"


class CourseCertificate(ConstraintErrorsAtFields, models.Model):
    """A certificate a trainee obtained after the course."""

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="certificates", verbose_name=_("수강생")
    )
    name = models.CharField(_("자격증명"), max_length=120)
    obtained_on = models.DateField(_("취득일"), validators=[past_date_range])
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("기록한 사람"),
    )

    class Meta:
        verbose_name = _("자격증 취득")
        verbose_name_plural = pgettext_lazy("plural", "자격증 취득")
        ordering = ["enrollment_id", "obtained_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "name"],
                name="one_certificate_name_per_trainee",
                violation_error_message=_(
                    "이 수강생에게 같은 이름의 자격증이 이미 기록되어 있습니다."
                ),
                violation_error_code="name",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.obtained_on})"


class FollowUp(ConstraintErrorsAtFields, models.Model):
    """Where a trainee stands 1, 3, 6 and 12 months after completing the course."""

    class Outcome(models.TextChoices):
        EMPLOYED = "employed", _("취업")
        SELF_EMPLOYED = "self_employed", _("창업")
        JOB_SEEKING = "job_seeking", _("구직 중")

    class ContractType(models.TextChoices):
        REGULAR = "regular", _("정규직")
        FIXED_TERM = "fixed_term", _("계약직")
        PART_TIME = "part_time", _("시간제")
        FREELANCE = "freelance", _("프리랜서")

    MONTHS = (1, 3, 6, 12)
    WORKING = (Outcome.EMPLOYED, Outcome.SELF_EMPLOYED)

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("수강생")
    )
    months_after = models.PositiveSmallIntegerField(
        _("수료 후 개월"),
        choices=[(1, _("1개월")), (3, _("3개월")), (6, _("6개월")), (12, _("12개월"))],
    )
    due_on = models.DateField(_("조사 예정일"))
    outcome = models.CharField(_("상태"), max_length=20, choices=Outcome.choices, blank=True)
    employer = models.CharField(_("취업처"), max_length=120, blank=True)
    contract_type = models.CharField(
        _("고용 형태"), max_length=20, choices=ContractType.choices, blank=True
    )
    recorded_on = models.DateField(
        _("조사일"), null=True, blank=True, validators=[programme_date_range]
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("기록한 사람"),
    )
    counselling_outcome = models.ForeignKey(
        "CounsellingOutcome",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups",
        editable=False,
        verbose_name=_("상담 성과에서 기록"),
        help_text=_("상담사가 기록한 취업 성과로 채워진 경우"),
    )

    class Meta:
        verbose_name = _("사후관리")
        verbose_name_plural = pgettext_lazy("plural", "사후관리")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "months_after"],
                name="one_follow_up_per_milestone",
                violation_error_message=_("이 수강생의 같은 시점 사후관리가 이미 있습니다."),
                violation_error_code="months_after",
            ),
            models.CheckConstraint(
                condition=models.Q(outcome="") | models.Q(recorded_on__isnull=False),
                name="recorded_follow_up_has_a_date",
                violation_error_message=_("조사 결과를 기록하려면 조사일을 입력해 주세요."),
                violation_error_code="recorded_on",
            ),
        ]

    def __str__(self) -> str:
        months = ngettext("%(months)s개월", "%(months)s개월", self.months_after) % {
            "months": self.months_after
        }
        return f"{self.enrollment.applicant} · {months}"


# --- Counselling (여성새로일하기센터) --------------------------------------------------------


class CounsellingClient(ConstraintErrorsAtFields, models.Model):
    """A woman a job centre's counsellors look after. Created by a counsellor, with an account
    she claims through a single-use link sent to her e-mail, or by SMS to her mobile number
    (``claim_phone``), (``claim_token_hash``); or a woman with an account of her own who accepted
    the centre's request (``ClientRequest``)."""

    centre = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="clients", verbose_name=_("센터")
    )
    profile = models.ForeignKey(
        "applicants.ApplicantProfile",
        on_delete=models.CASCADE,
        related_name="counselling_clients",
        verbose_name=_("참여자"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("등록한 상담사"),
    )
    created_at = models.DateTimeField(_("등록 시각"), auto_now_add=True)
    claim_email = models.EmailField(_("계정 연결 이메일"), blank=True)
    claim_phone = models.CharField(
        _("계정 연결 휴대전화"),
        max_length=20,
        blank=True,
        help_text=_("연결 링크를 문자로 보낸 번호 (E.164 형식)"),
    )
    claim_token_hash = models.CharField(
        _("연결 링크 토큰(해시)"), max_length=64, blank=True, editable=False
    )
    claim_expires_at = models.DateTimeField(_("연결 링크 만료 시각"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("본인 계정 연결 시각"), null=True, blank=True)

    class Meta:
        verbose_name = _("상담 참여자")
        verbose_name_plural = _("상담 참여자")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "profile"],
                name="one_client_per_centre",
                violation_error_message=_("이 참여자는 이미 이 센터의 상담 참여자입니다."),
                violation_error_code="profile",
            ),
        ]
        indexes = [models.Index(fields=["claim_token_hash"], name="client_claim_token")]

    def __str__(self) -> str:
        return f"{self.centre} · {self.profile}"

    @property
    def claim_phone_display(self) -> str:
        """The number the claim link went to, as people write it (010-1234-5678)."""
        return phones.national(self.claim_phone)


class ClientRequest(ConstraintErrorsAtFields, models.Model):
    """A centre's request to look after a woman who already has an account. She accepts it
    (then she is a ``CounsellingClient``) or declines it on her dashboard; until she accepts,
    the counsellors see only what they typed (``contact``, ``name``) and that it is waiting."""

    class Status(models.TextChoices):
        PENDING = "pending", _("요청 대기")
        ACCEPTED = "accepted", _("수락함")
        DECLINED = "declined", _("거절함")

    centre = models.ForeignKey(
        Institution,
        on_delete=models.PROTECT,
        related_name="client_requests",
        verbose_name=_("센터"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="centre_requests",
        verbose_name=_("요청 받은 계정"),
    )
    contact = models.CharField(_("상담사가 입력한 이메일·휴대전화"), max_length=254)
    name = models.CharField(_("상담사가 입력한 이름"), max_length=50, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("요청한 상담사"),
    )
    requested_at = models.DateTimeField(_("요청 시각"), auto_now_add=True)
    status = models.CharField(
        _("상태"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    answered_at = models.DateTimeField(_("답한 시각"), null=True, blank=True)

    class Meta:
        verbose_name = _("상담 참여 요청")
        verbose_name_plural = _("상담 참여 요청")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "user"],
                condition=models.Q(status="pending"),
                name="one_pending_request_per_centre_and_user",
                violation_error_message=_(
                    "이미 상담 참여 요청을 보냈습니다. 본인의 수락을 기다리는 중입니다."
                ),
                violation_error_code="user",
            )
        ]

    def __str__(self) -> str:
        return f"{self.centre} · {self.contact}"


class CounsellingSession(ConstraintErrorsAtFields, models.Model):
    """A 1:1 counselling session or a group programme, with a place and seats.

    ``signed_up_count`` counts the sign-ups holding a seat; a CHECK constraint keeps it at or
    below ``capacity`` and the sign-up service locks the row, as courses do."""

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("1:1 상담")
        GROUP = "group", _("집단상담 프로그램")

    centre = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("센터")
    )
    kind = models.CharField(_("종류"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("제목"), max_length=150)
    starts_at = models.DateTimeField(_("시작"), validators=[programme_date_range])
    ends_at = models.DateTimeField(_("종료"), validators=[programme_date_range])
    place = models.CharField(_("장소"), max_length=150)
    capacity = models.PositiveSmallIntegerField(_("정원"), default=1)
    signed_up_count = models.PositiveSmallIntegerField(_("신청 인원"), default=0, editable=False)
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("담당 상담사"),
    )

    class Meta:
        verbose_name = _("상담 일정")
        verbose_name_plural = _("상담 일정")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1),
                name="counselling_has_a_seat",
                violation_error_message=_("정원은 1명 이상이어야 합니다."),
                violation_error_code="capacity",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="individual") | models.Q(capacity=1),
                name="individual_counselling_is_one_to_one",
                violation_error_message=_("1:1 상담의 정원은 1명입니다."),
                violation_error_code="capacity",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="counselling_ends_after_it_starts",
                violation_error_message=_("종료 시각은 시작 시각 뒤여야 합니다."),
                violation_error_code="ends_at",
            ),
            models.CheckConstraint(
                condition=models.Q(signed_up_count__lte=models.F("capacity")),
                name="counselling_never_oversubscribed",
                violation_error_message=_("정원은 이미 신청한 인원보다 적을 수 없습니다."),
                violation_error_code="capacity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_at:%Y-%m-%d %H:%M})"

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.signed_up_count, 0)


class CounsellingSignUp(ConstraintErrorsAtFields, models.Model):
    """A client's seat in a session; a cancelled one keeps its row and frees the seat."""

    session = models.ForeignKey(
        CounsellingSession,
        on_delete=models.CASCADE,
        related_name="sign_ups",
        verbose_name=_("상담 일정"),
    )
    client = models.ForeignKey(
        CounsellingClient,
        on_delete=models.CASCADE,
        related_name="sign_ups",
        verbose_name=_("상담 참여자"),
    )
    signed_up_at = models.DateTimeField(_("신청 시각"), auto_now_add=True)
    submitted_by = on_behalf_field()
    cancelled_at = models.DateTimeField(_("취소 시각"), null=True, blank=True)

    class Meta:
        verbose_name = _("상담 신청")
        verbose_name_plural = _("상담 신청")
        ordering = ["session_id", "signed_up_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "client"],
                condition=models.Q(cancelled_at__isnull=True),
                name="one_live_sign_up_per_session_and_client",
                violation_error_message=_("이 참여자는 이미 이 상담 일정에 신청했습니다."),
                violation_error_code="client",
            )
        ]

    def __str__(self) -> str:
        return f"{self.session} · {self.client.profile}"


class CounsellingNote(models.Model):
    """A counsellor's note about a client: read only by the counsellors of her centre (not by
    her, not in admin)."""

    client = models.ForeignKey(
        CounsellingClient,
        on_delete=models.CASCADE,
        related_name="notes",
        verbose_name=_("상담 참여자"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("작성 상담사"),
    )
    body = models.TextField(_("상담 기록"))
    written_at = models.DateTimeField(_("작성 시각"), auto_now_add=True)

    class Meta:
        verbose_name = _("상담 기록")
        verbose_name_plural = _("상담 기록")
        ordering = ["-written_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.client} · {self.written_at:%Y-%m-%d}"


class CounsellingOutcome(ConstraintErrorsAtFields, models.Model):
    """Where counselling led her: referred to a course, to an internship, or employed."""

    class Kind(models.TextChoices):
        COURSE = "course", _("교육과정 연계")
        INTERNSHIP = "internship", _("인턴십 연계")
        EMPLOYED = "employed", _("취업")

    client = models.ForeignKey(
        CounsellingClient,
        on_delete=models.CASCADE,
        related_name="outcomes",
        verbose_name=_("상담 참여자"),
    )
    kind = models.CharField(_("성과"), max_length=20, choices=Kind.choices)
    happened_on = models.DateField(_("날짜"), validators=[programme_date_range])
    detail = models.CharField(
        _("내용"), max_length=200, blank=True, help_text=_("예: 과정명, 기업명")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("기록한 상담사"),
    )
    recorded_at = models.DateTimeField(_("기록 시각"), auto_now_add=True)

    class Meta:
        verbose_name = _("상담 성과")
        verbose_name_plural = _("상담 성과")
        ordering = ["client_id", "happened_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["client", "kind"],
                name="one_outcome_kind_per_client",
                violation_error_message=_(
                    "이 참여자에게는 같은 종류의 상담 결과가 이미 기록되어 있습니다."
                ),
                violation_error_code="kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.client} · {self.get_kind_display()}"
