"""Reads about courses: catalogue, eligibility, waitlist places, attendance, outcomes, scoping."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from applicants.models import Document, ProxyConsent
from applicants.selectors import TrainingLine, applicant_facts
from courses.attendance import QrCodeRefused, qr_read
from courses.models import (
    Attendance,
    ClientRequest,
    CounsellingClient,
    CounsellingNote,
    CounsellingOutcome,
    CounsellingSession,
    CounsellingSignUp,
    Course,
    CourseCertificate,
    Enrollment,
    FollowUp,
    Institution,
    Session,
)
from womenup.accounts.permissions import is_city_staff, is_counsellor
from womenup.programs.eligibility import Verdict, evaluate
from womenup.programs.selectors import program_rules

# --- Who sees what -------------------------------------------------------------------------------


def scoped_to_staff(queryset: QuerySet, user, *, institution_path: str) -> QuerySet:
    """The rows of ``queryset`` this staff member may see (``institution_path`` leads to one)."""
    if is_city_staff(user):
        return queryset
    if not user.is_staff:
        return queryset.none()
    lookup = f"{institution_path}__staff" if institution_path else "staff"
    return queryset.filter(**{lookup: user}).distinct()


def institutions_for_staff(user) -> QuerySet[Institution]:
    queryset = Institution.objects.select_related("city")
    return scoped_to_staff(queryset, user, institution_path="")


def courses_for_staff(user) -> QuerySet[Course]:
    queryset = Course.objects.select_related("institution", "program")
    return scoped_to_staff(queryset, user, institution_path="institution")


def enrollments_for_staff(user) -> QuerySet[Enrollment]:
    queryset = Enrollment.objects.select_related("course", "applicant__user")
    return scoped_to_staff(queryset, user, institution_path="course__institution")


def sessions_for_staff(user) -> QuerySet[Session]:
    queryset = Session.objects.select_related("course")
    return scoped_to_staff(queryset, user, institution_path="course__institution")


# --- Catalogue -----------------------------------------------------------------------------------


def courses_for_catalogue(
    *,
    on: date,
    track: str = "",
    subject: str = "",
    city: str = "",
    program: str = "",
    open_only: bool = False,
) -> QuerySet[Course]:
    """Public courses with their institution and waiting count; filters are optional."""
    courses = Course.objects.select_related("institution__city", "program", "unlocks_program")
    courses = courses.filter(ends_on__gte=on).annotate(**_public_annotations(on))
    if track:
        courses = courses.filter(track=track)
    if subject:
        courses = courses.filter(Q(subject__icontains=subject) | Q(title__icontains=subject))
    if city:
        courses = courses.filter(institution__city__code=city)
    if program:
        courses = courses.filter(program__code=program)
    if open_only:
        courses = courses.filter(_open_on(on))
    return courses.order_by("starts_on", "title", "pk")


def course_for_public(code: str, *, on: date) -> QuerySet[Course]:
    courses = Course.objects.select_related("institution__city", "program", "unlocks_program")
    return courses.annotate(**_public_annotations(on)).filter(code=code)


def _public_annotations(on: date) -> dict:
    return {
        "waitlist_count": _waitlist_count(),
        "is_open": ExpressionWrapper(_open_on(on), output_field=BooleanField()),
    }


def _open_on(day: date) -> Q:
    opened = Q(applications_open_on__isnull=True) | Q(applications_open_on__lte=day)
    not_closed = Q(applications_close_on__gte=day) | Q(
        applications_close_on__isnull=True, starts_on__gt=day
    )
    return opened & not_closed


def _waitlist_count():
    return Count("enrollments", filter=Q(enrollments__status=Enrollment.Status.WAITLISTED))


# --- Eligibility ---------------------------------------------------------------------------------


def course_eligibility(course: Course, profile, *, on: date) -> Verdict:
    """The course's program rules against her facts: the same evaluator screening uses."""
    return evaluate(program_rules(course.program), applicant_facts(profile), on=on)


# --- Her enrollments -----------------------------------------------------------------------------


def enrollments_for_applicant(profile) -> QuerySet[Enrollment]:
    return Enrollment.objects.filter(applicant=profile).select_related(
        "course__institution", "submitted_by"
    )


def enrollment_for_course(profile, course: Course) -> Enrollment | None:
    return (
        enrollments_for_applicant(profile)
        .filter(course=course)
        .annotate(waitlist_position=_waitlist_position())
        .first()
    )


def enrollments_for_dashboard(profile, *, on: date) -> list[Enrollment]:
    """Her enrollments with waitlist place, attendance and certificates, in three queries."""
    enrollments = (
        enrollments_for_applicant(profile)
        .exclude(status=Enrollment.Status.WITHDRAWN)
        .annotate(waitlist_position=_waitlist_position(), **attendance_annotations(on=on))
        .prefetch_related("certificates")
        .order_by("-applied_at", "-pk")
    )
    return list(enrollments)


def _waitlist_position():
    """Her place in line: 1 + the waiting people ahead of her (by waitlisted_at, then id)."""
    ahead = Enrollment.objects.filter(
        course=OuterRef("course"), status=Enrollment.Status.WAITLISTED
    ).filter(
        Q(waitlisted_at__lt=OuterRef("waitlisted_at"))
        | Q(waitlisted_at=OuterRef("waitlisted_at"), pk__lt=OuterRef("pk"))
    )
    count = ahead.order_by().values("course").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(count, output_field=IntegerField()), Value(0)) + 1


def waitlist(course: Course) -> QuerySet[Enrollment]:
    """The waiting people of a course, first in line first."""
    return Enrollment.objects.filter(course=course, status=Enrollment.Status.WAITLISTED).order_by(
        "waitlisted_at", "pk"
    )


# --- Attendance ----------------------------------------------------------------------------------


def attendance_annotations(*, on: date) -> dict:
    """``sessions_held`` (course sessions up to ``on``) and ``sessions_attended`` per enrollment."""
    held = (
        Session.objects.filter(course=OuterRef("course"), held_on__lte=on)
        .order_by()
        .values("course")
        .annotate(n=Count("pk"))
        .values("n")
    )
    attended = (
        Attendance.objects.filter(
            enrollment=OuterRef("pk"), status__in=Attendance.ATTENDED, session__held_on__lte=on
        )
        .order_by()
        .values("enrollment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return {
        "sessions_held": Coalesce(Subquery(held, output_field=IntegerField()), Value(0)),
        "sessions_attended": Coalesce(Subquery(attended, output_field=IntegerField()), Value(0)),
    }


def percentage(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` in percent, one decimal, half up; None when ``whole`` is 0."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def meets_attendance(attended: int, held: int, minimum_percent: int) -> bool:
    """Exact integer comparison: attended / held >= minimum %. No sessions held → not met."""
    return held > 0 and attended * 100 >= minimum_percent * held


@dataclass
class AttendanceScan:
    """What a scanned QR code means for her now: her session and seat, her mark so far, and
    the one thing she can do (or why the code cannot be used)."""

    session: Session | None = None
    enrollment: Enrollment | None = None
    record: Attendance | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def can_check_in(self) -> bool:
        return not self.errors and self.record is None

    @property
    def can_check_out(self) -> bool:
        record = self.record
        return (
            not self.errors
            and record is not None
            and record.checked_in_at is not None
            and record.checked_out_at is None
        )


def attendance_scan(token: str, applicant, *, now: datetime) -> AttendanceScan:
    """Read a scanned code: genuine, of today, of a session held today, in a course where she
    holds a seat; with her mark at that session."""
    today = timezone.localdate(now)
    try:
        payload = qr_read(token, today=today)
    except QrCodeRefused as refused:
        return AttendanceScan(errors=[refused.message])
    session = Session.objects.select_related("course__institution").filter(pk=payload.session_id)
    session = session.first()
    if session is None:
        return AttendanceScan(
            errors=[_("QR 코드의 수업을 찾을 수 없습니다. 운영기관 담당자에게 말씀해 주세요.")]
        )
    if session.held_on != today:
        return AttendanceScan(
            session=session,
            errors=[
                _("오늘 열리는 수업이 아닙니다 (%(course)s 수업일 %(day)s).")
                % {"course": session.course.title, "day": session.held_on.isoformat()}
            ],
        )
    enrollment = (
        Enrollment.objects.filter(
            course=session.course_id, applicant=applicant, status__in=Enrollment.SEAT_HOLDING
        )
        .order_by("pk")
        .first()
    )
    if enrollment is None:
        return AttendanceScan(
            session=session,
            errors=[
                _(
                    "%(course)s 과정의 수강생이 아니어서 출석할 수 없습니다. "
                    "선발된 과정의 QR 코드인지 확인해 주세요."
                )
                % {"course": session.course.title}
            ],
        )
    record = Attendance.objects.filter(session=session, enrollment=enrollment).first()
    return AttendanceScan(session=session, enrollment=enrollment, record=record)


def attendance_of_session(session: Session) -> QuerySet[Enrollment]:
    """The session's trainees with their check-in, check-out and mark (the staff QR page)."""
    rows = Attendance.objects.filter(session=session, enrollment=OuterRef("pk"))
    return trainees_of_session(session).annotate(
        checked_in_at=Subquery(rows.values("checked_in_at")[:1]),
        checked_out_at=Subquery(rows.values("checked_out_at")[:1]),
    )


def trainees_of_session(session: Session) -> QuerySet[Enrollment]:
    """The trainees who hold a seat in the session's course, with their mark for the session."""
    mark = Attendance.objects.filter(session=session, enrollment=OuterRef("pk")).values("status")
    return (
        Enrollment.objects.filter(course=session.course_id, status__in=Enrollment.SEAT_HOLDING)
        .select_related("applicant__user")
        .annotate(mark=Subquery(mark[:1]))
        .order_by("applicant__name", "pk")
    )


# --- Follow-ups ----------------------------------------------------------------------------------


def follow_ups_due(*, on: date, lead_days: int = 7) -> QuerySet[FollowUp]:
    """Unrecorded follow-ups due within ``lead_days`` of ``on`` (or overdue)."""
    return (
        FollowUp.objects.filter(outcome="", due_on__lte=on + timedelta(days=lead_days))
        .filter(enrollment__status=Enrollment.Status.COMPLETED)
        .select_related("enrollment__course__institution", "enrollment__applicant")
        .order_by("due_on", "pk")
    )


# --- Outcomes ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcomes:
    """The outcome chain of a course or an institution: applied → enrolled → completed → ..."""

    applicants: int
    enrolled: int
    completed: int
    certified: int
    employed: int

    @property
    def completion_rate(self) -> Decimal | None:
        return percentage(self.completed, self.enrolled)

    @property
    def certification_rate(self) -> Decimal | None:
        return percentage(self.certified, self.completed)

    @property
    def employment_rate(self) -> Decimal | None:
        return percentage(self.employed, self.completed)

    @classmethod
    def of(cls, row) -> "Outcomes":
        """From a course or institution annotated by :func:`with_outcomes`."""
        return cls(
            applicants=row.applicants_total,
            enrolled=row.enrolled_total,
            completed=row.completed_total,
            certified=row.certified_total,
            employed=row.employed_total,
        )


def with_outcomes(queryset: QuerySet, *, to_outer: str) -> QuerySet:
    """Annotate courses (``to_outer="course"``) or institutions (``"course__institution"``).

    Each count is a correlated subquery over enrollments, so the row count does not multiply.
    """
    completed = Q(status=Enrollment.Status.COMPLETED)

    def count(condition: Q):
        rows = Enrollment.objects.filter(condition, **{to_outer: OuterRef("pk")}).order_by()
        rows = rows.values(to_outer).annotate(n=Count("pk", distinct=True)).values("n")
        return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))

    return queryset.annotate(
        applicants_total=count(Q()),
        enrolled_total=count(Q(enrolled_at__isnull=False)),
        completed_total=count(completed),
        certified_total=count(completed & Q(pk__in=CourseCertificate.objects.values("enrollment"))),
        employed_total=count(
            completed
            & Q(
                pk__in=FollowUp.objects.filter(
                    outcome__in=FollowUp.WORKING, months_after__lte=12
                ).values("enrollment")
            )
        ),
    )


def course_outcomes(queryset: QuerySet[Course] | None = None) -> QuerySet[Course]:
    return with_outcomes(queryset if queryset is not None else Course.objects, to_outer="course")


def institution_outcomes(queryset: QuerySet[Institution] | None = None) -> QuerySet[Institution]:
    queryset = queryset if queryset is not None else Institution.objects
    return with_outcomes(queryset, to_outer="course__institution")


# --- What this app tells applicants/facts.py ------------------------------------------------------

NO_COMPLETED_COURSE = {"completed_courses": (), "completed_pre_trainings": ()}


def completed_course_facts(profile_ids) -> dict[int, dict]:
    """Eligibility facts from completed enrollments, in one query (see ``completion_facts``)."""
    completed: dict[int, list[tuple[str, str]]] = {}
    rows = Enrollment.objects.filter(
        applicant_id__in=profile_ids, status=Enrollment.Status.COMPLETED
    ).values_list("applicant_id", "course__code", "course__track")
    for profile_id, code, track in rows:
        completed.setdefault(profile_id, []).append((code, track))
    return {profile_id: completion_facts(courses) for profile_id, courses in completed.items()}


def completion_facts(courses: Iterable[tuple[str, str]]) -> dict:
    """The facts that completing these ``(code, track)`` courses gives: codes of completed
    courses and of completed pre-trainings; a completed course (not a pre-training) is
    vocational training. Her enrollments and a visitor's self-check answers both go through it."""
    facts: dict = {"completed_courses": set(), "completed_pre_trainings": set()}
    for code, track in courses:
        if track == Course.Track.PRE_TRAINING:
            facts["completed_pre_trainings"].add(code)
        else:
            facts["completed_courses"].add(code)
            facts["qualifications"] = {"vocational_training"}
    return facts


def completed_course_trainings(profile_ids) -> dict[int, list[TrainingLine]]:
    """Courses completed here, as lines of the candidate cards companies see (one query)."""
    found: dict[int, list[TrainingLine]] = {}
    rows = (
        Enrollment.objects.filter(applicant_id__in=profile_ids, status=Enrollment.Status.COMPLETED)
        .order_by("completed_on", "pk")
        .values_list("applicant_id", "course_id", "course__title", "completed_on")
    )
    for profile_id, course_id, title, completed_on in rows:
        found.setdefault(profile_id, []).append(TrainingLine(title, completed_on, course_id))
    return found


# --- Counselling: what a counsellor sees (her own centres only) ----------------------------------


def centres_for_counsellor(user) -> QuerySet[Institution]:
    """The job centres this counsellor works for (none for anyone else)."""
    if not is_counsellor(user):
        return Institution.objects.none()
    return Institution.objects.filter(kind=Institution.Kind.JOB_CENTRE, staff=user)


def clients_for_counsellor(user) -> QuerySet[CounsellingClient]:
    """Her centres' clients with what the list shows, in one query."""
    active_consent = ProxyConsent.objects.filter(
        profile=OuterRef("profile"), withdrawn_at__isnull=True
    )
    return (
        CounsellingClient.objects.filter(centre__in=centres_for_counsellor(user))
        .select_related("centre", "profile__user", "created_by")
        .annotate(has_consent=Exists(active_consent))
        .order_by("-created_at", "-pk")
    )


def client_requests_for_counsellor(user, *, limit: int = 50) -> QuerySet[ClientRequest]:
    """Her centres' requests to women with accounts not accepted (yet): only what the
    counsellor typed and the status, never the account's data."""
    return (
        ClientRequest.objects.filter(centre__in=centres_for_counsellor(user))
        .exclude(status=ClientRequest.Status.ACCEPTED)
        .select_related("centre")
        .order_by("-requested_at", "-pk")[:limit]
    )


def centre_requests_for_applicant(user) -> QuerySet[ClientRequest]:
    """The centres' requests waiting for her answer."""
    return (
        ClientRequest.objects.filter(user=user, status=ClientRequest.Status.PENDING)
        .select_related("centre", "requested_by")
        .order_by("requested_at", "pk")
    )


def client_documents(client: CounsellingClient) -> QuerySet[Document]:
    return Document.objects.filter(profile=client.profile).select_related("submitted_by")


def notes_for_client(client: CounsellingClient) -> QuerySet[CounsellingNote]:
    """Only ever called for a client already scoped to the counsellor's centre."""
    return client.notes.select_related("author")


def outcomes_for_client(client: CounsellingClient) -> QuerySet[CounsellingOutcome]:
    return client.outcomes.select_related("recorded_by").order_by("happened_on", "pk")


def sign_ups_for_client(client: CounsellingClient) -> QuerySet[CounsellingSignUp]:
    return (
        client.sign_ups.filter(cancelled_at__isnull=True)
        .select_related("session", "submitted_by")
        .order_by("session__starts_at", "pk")
    )


def sessions_for_counsellor(user) -> QuerySet[CounsellingSession]:
    return (
        CounsellingSession.objects.filter(centre__in=centres_for_counsellor(user))
        .select_related("centre", "counsellor")
        .order_by("-starts_at", "-pk")
    )


def session_sign_ups(session: CounsellingSession) -> QuerySet[CounsellingSignUp]:
    return (
        session.sign_ups.filter(cancelled_at__isnull=True)
        .select_related("client__profile__user", "submitted_by")
        .order_by("signed_up_at", "pk")
    )


def open_courses_for_client(*, on: date) -> QuerySet[Course]:
    """The courses taking applications today (what a counsellor may apply to for her)."""
    return (
        Course.objects.filter(_open_on(on))
        .select_related("institution")
        .order_by("starts_on", "title")
    )


def group_sessions_for_applicant(profile) -> QuerySet[CounsellingSession]:
    """Group programmes of the centres looking after her that have not started yet."""
    return (
        CounsellingSession.objects.filter(
            centre__clients__profile=profile,
            kind=CounsellingSession.Kind.GROUP,
            starts_at__gt=timezone.now(),
        )
        .select_related("centre")
        .order_by("starts_at", "pk")
    )


def sign_ups_for_applicant(profile) -> QuerySet[CounsellingSignUp]:
    return CounsellingSignUp.objects.filter(
        client__profile=profile, cancelled_at__isnull=True
    ).select_related("session", "client")


def counselling_for_applicant(profile) -> dict:
    """Her side: the centres looking after her, her seats and the group programmes she can still
    join (4 queries with a centre, 1 without)."""
    clients = list(
        CounsellingClient.objects.filter(profile=profile)
        .select_related("centre")
        .prefetch_related(
            Prefetch(
                "sign_ups",
                queryset=CounsellingSignUp.objects.filter(cancelled_at__isnull=True)
                .select_related("session", "submitted_by")
                .order_by("session__starts_at", "pk"),
            )
        )
    )
    if not clients:
        return {"clients": [], "open_sessions": []}
    taken = {s.session_id for client in clients for s in client.sign_ups.all()}
    open_sessions = [
        session
        for session in group_sessions_for_applicant(profile)
        if session.pk not in taken and session.seats_left
    ]
    return {"clients": clients, "open_sessions": open_sessions}


def counselling_outcomes_by_centre() -> QuerySet[Institution]:
    """Per job centre: clients, seats taken in sessions, and outcomes by kind (one query)."""

    def tally(queryset):
        return Coalesce(
            Subquery(
                queryset.order_by().values("client__centre").annotate(n=Count("pk")).values("n"),
                output_field=IntegerField(),
            ),
            Value(0),
        )

    outcomes = {
        kind: tally(CounsellingOutcome.objects.filter(client__centre=OuterRef("pk"), kind=kind))
        for kind in CounsellingOutcome.Kind.values
    }
    clients = Coalesce(
        Subquery(
            CounsellingClient.objects.filter(centre=OuterRef("pk"))
            .order_by()
            .values("centre")
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )
    seats = tally(
        CounsellingSignUp.objects.filter(client__centre=OuterRef("pk"), cancelled_at__isnull=True)
    )
    return (
        Institution.objects.filter(kind=Institution.Kind.JOB_CENTRE)
        .annotate(
            client_count=clients,
            seat_count=seats,
            **{f"outcome_{kind}": expression for kind, expression in outcomes.items()},
        )
        .order_by("name", "pk")
    )
