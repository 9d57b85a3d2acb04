"""Demo institutions with a staff login, courses of every track, sessions, a completed trainee."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from applicants.models import ApplicantProfile, ProxyConsent
from applicants.services import proxy_consent_record
from courses import services
from courses.models import (
    Attendance,
    CounsellingClient,
    CounsellingOutcome,
    CounsellingSession,
    Course,
    Enrollment,
    FollowUp,
    Institution,
    Session,
)
from womenup.demo import demo_user
from womenup.models import City, District, Program, User
from womenup.programs.services import english_texts_fill

INSTITUTION_STAFF_EMAIL = "institution@demo.womenup.kr"
TRAINEE_EMAIL = "trainee@demo.womenup.kr"
COUNSELLOR_EMAIL = "counsellor@demo.womenup.kr"
CLIENT_EMAIL = "client@demo.womenup.kr"
JOB_CENTRE = "서울중부여성새로일하기센터"


@dataclass(frozen=True)
class DemoCourse:
    institution: str
    city: str
    program: str
    code: str
    title: str
    track: str
    subject: str
    hours: int
    seats: int
    starts_in_days: int = 30
    weeks: int = 16
    certificate: str = ""
    unlocks: str = ""
    selection_mode: str = Course.SelectionMode.FIRST_COME

    @property
    def english(self) -> dict[str, str]:
        """The course's texts in English (the Korean ones, as an institution typed them, are the
        fields above)."""
        return {
            "title": COURSE_TITLES_EN[self.code],
            "subject": SUBJECTS_EN.get(self.subject, self.subject),
            "schedule": SCHEDULE[1],
            "certificate_name": CERTIFICATES_EN.get(self.certificate, ""),
        }


SEOUL_CENTRE = "서울여성인력개발센터"
GANGNAM_CENTRE = "강남여성인력개발센터"
GM_LEARNING = "광명시평생학습원"
GM_SAEIL = "광명여성새로일하기센터"
ENTRY, ADVANCED = "seoul-digital-entry", "seoul-digital-advanced"
INSTITUTIONS_EN = {
    SEOUL_CENTRE: "Seoul Women's Job Development Centre",
    GANGNAM_CENTRE: "Gangnam Women's Job Development Centre",
    GM_LEARNING: "Gwangmyeong Lifelong Learning Institute",
    GM_SAEIL: "Gwangmyeong Women's Re-employment Centre",
}
COURSE_TITLES_EN = {
    "python-entry": "Python developer: entry course",
    "java-entry": "Java web developer: entry course",
    "javascript-entry": "JavaScript front-end: entry course",
    "backend-2024": "Backend development job training",
    "digital-marketing-2024": "Digital marketing job training",
    "cloud-fullstack": "AI-assisted cloud full-stack web",
    "ios-app": "iOS app development: advanced",
    "social-impact-pretraining": "Social-impact pre-training (1 week)",
    "gm-youtube-creator": "YouTube creator",
    "gm-eco-activist": "Ecology activist",
    "gm-disaster-safety": "Disaster-safety instructor",
    "gm-conflict-mediator": "Conflict mediator",
    "gm-accounting": "Computerised accounting in practice",
    "gm-social-welfare": "Social-welfare administration in practice",
    "python-entry-past": "Python developer: entry course (past cohort)",
    "python-entry-now": "Python developer: entry course (running cohort)",
}
SUBJECTS_EN = {
    "디지털마케팅": "Digital marketing", "클라우드": "Cloud", "협업도구": "Collaboration tools",
    "영상 제작": "Video production", "생태": "Ecology", "안전": "Safety", "조정": "Mediation",
    "회계": "Accounting", "사회복지": "Social welfare",
}  # fmt: skip
CERTIFICATES_EN = {
    "정보처리기능사": "Craftsman Information Processing",
    "정보처리산업기사": "Industrial Engineer Information Processing",
    "재난안전지도사": "Disaster Safety Instructor",
    "전산회계 1급": "Computerised Accounting, level 1",
}
SCHEDULE = ("월~금 09:30~15:30", "Mon–Fri 09:30–15:30")

DEMO_COURSES = [
    DemoCourse(SEOUL_CENTRE, "seoul", ENTRY, "python-entry", "파이썬 개발자 입문",
               "developer_entry", "Python", 450, 20, certificate="정보처리기능사"),
    DemoCourse(SEOUL_CENTRE, "seoul", ENTRY, "java-entry", "자바 웹 개발자 입문", "developer_entry",
               "Java", 420, 18, certificate="정보처리산업기사"),
    DemoCourse(SEOUL_CENTRE, "seoul", ENTRY, "javascript-entry", "자바스크립트 프론트엔드 입문",
               "developer_entry", "JavaScript", 360, 20, weeks=12),
    DemoCourse(SEOUL_CENTRE, "seoul", ENTRY, "backend-2024", "백엔드 개발 직무교육",
               "developer_entry", "Python", 204, 15, weeks=8, unlocks="seoul-project-it"),
    DemoCourse(GANGNAM_CENTRE, "seoul", ENTRY, "digital-marketing-2024", "디지털마케팅 직무교육",
               "developer_entry", "디지털마케팅", 204, 15, weeks=8, unlocks="seoul-project-it"),
    DemoCourse(GANGNAM_CENTRE, "seoul", ADVANCED, "cloud-fullstack", "AI 활용 클라우드 풀스택 웹",
               "advanced", "클라우드", 320, 15, selection_mode="institution_selects"),
    DemoCourse(GANGNAM_CENTRE, "seoul", ADVANCED, "ios-app", "iOS 앱 개발 심화", "advanced",
               "Swift", 300, 15, selection_mode="institution_selects"),
    DemoCourse(GANGNAM_CENTRE, "seoul", ENTRY, "social-impact-pretraining",
               "소셜임팩트 사전교육 (1주)", "pre_training", "협업도구", 20, 20, starts_in_days=14,
               weeks=1, unlocks="seoul-project-social"),
    DemoCourse(GM_LEARNING, "gwangmyeong", "gm-5060", "gm-youtube-creator", "유튜브 크리에이터",
               "social_50plus", "영상 제작", 60, 20, weeks=10),
    DemoCourse(GM_LEARNING, "gwangmyeong", "gm-5060", "gm-eco-activist", "생태보존 활동가",
               "social_50plus", "생태", 48, 20, weeks=8),
    DemoCourse(GM_LEARNING, "gwangmyeong", "gm-5060", "gm-disaster-safety", "재해안전관리강사",
               "social_50plus", "안전", 60, 20, weeks=10, certificate="재난안전지도사"),
    DemoCourse(GM_LEARNING, "gwangmyeong", "gm-5060", "gm-conflict-mediator", "갈등협상관리조정자",
               "social_50plus", "조정", 48, 20, weeks=8),
    DemoCourse(GM_SAEIL, "gwangmyeong", "gm-women-vocational", "gm-accounting", "전산회계 실무",
               "vocational", "회계", 240, 20, certificate="전산회계 1급"),
    DemoCourse(GM_SAEIL, "gwangmyeong", "gm-women-vocational", "gm-social-welfare",
               "사회복지 행정 실무", "vocational", "사회복지", 240, 20),
]  # fmt: skip

PAST_COURSE = DemoCourse(
    SEOUL_CENTRE, "seoul", ENTRY, "python-entry-past", "파이썬 개발자 입문 (지난 기수)",
    "developer_entry", "Python", 450, 20, starts_in_days=-200, weeks=16,
    certificate="정보처리기능사",
)  # fmt: skip

RUNNING_COURSE = DemoCourse(
    SEOUL_CENTRE, "seoul", ENTRY, "python-entry-now", "파이썬 개발자 입문 (진행 중 기수)",
    "developer_entry", "Python", 450, 20, starts_in_days=-14, weeks=16,
)  # fmt: skip


def load(*, today: date, **_kwargs) -> list[tuple[str, str]]:
    for demo in DEMO_COURSES:
        course = _course(demo, today)
        _sessions(course, count=3)
    staff = demo_user(INSTITUTION_STAFF_EMAIL, account_type=User.AccountType.INSTITUTION)
    services.institution_staff_add(institution=_institution(SEOUL_CENTRE, "seoul"), user=staff)
    _completed_trainee(today, staff)
    _class_today(today, staff)
    _counselling(today)
    return [
        (
            f"운영기관 담당자 ({SEOUL_CENTRE}, 관리자, 첫 로그인 때 OTP 설정)",
            INSTITUTION_STAFF_EMAIL,
        ),
        ("수료생 (지난 기수 수료, 사후관리 중)", TRAINEE_EMAIL),
        (f"상담사 ({JOB_CENTRE}, 상담 참여자 1명)", COUNSELLOR_EMAIL),
        ("상담 참여자 (상담사가 대리 신청한 교육과정)", CLIENT_EMAIL),
    ]


def _institution(name: str, city: str) -> Institution:
    institution, _ = Institution.objects.get_or_create(
        name_ko=name,
        defaults={"city": City.objects.get(code=city), "name_en": INSTITUTIONS_EN[name]},
    )
    english_texts_fill(row=institution, texts={"name": (name, INSTITUTIONS_EN[name])})
    return institution


def _course(demo: DemoCourse, today: date) -> Course:
    starts_on = today + timedelta(days=demo.starts_in_days)
    course, _ = Course.objects.get_or_create(
        code=demo.code,
        defaults={
            "institution": _institution(demo.institution, demo.city),
            "program": Program.objects.get(code=demo.program),
            "title": demo.title,
            "title_en": demo.english["title"],
            "track": demo.track,
            "subject": demo.subject,
            "subject_en": demo.english["subject"],
            "hours": demo.hours,
            "starts_on": starts_on,
            "ends_on": starts_on + timedelta(weeks=demo.weeks),
            "schedule": SCHEDULE[0],
            "schedule_en": SCHEDULE[1],
            "seats": demo.seats,
            "applications_open_on": min(today, starts_on) - timedelta(days=30),
            "applications_close_on": starts_on - timedelta(days=1),
            "selection_mode": demo.selection_mode,
            "certificate_name": demo.certificate,
            "certificate_name_en": demo.english["certificate_name"],
            "unlocks_program": Program.objects.filter(code=demo.unlocks).first(),
        },
    )
    korean = {"title": demo.title, "subject": demo.subject, "schedule": SCHEDULE[0],
              "certificate_name": demo.certificate}  # fmt: skip
    english_texts_fill(
        row=course, texts={field: (korean[field], demo.english[field]) for field in korean}
    )
    return course


def _sessions(course: Course, *, count: int) -> list[Session]:
    days = [course.starts_on + timedelta(weeks=week) for week in range(count)]
    return [
        Session.objects.get_or_create(
            course=course, held_on=day, defaults={"topic": f"{number}주차 수업"}
        )[0]
        for number, day in enumerate(days, start=1)
    ]


def _completed_trainee(today: date, staff: User) -> None:
    """A trainee of a past course: attended, completed, certified, followed up at 1 month."""
    course = _course(PAST_COURSE, today)
    sessions = _sessions(course, count=10)
    user = demo_user(TRAINEE_EMAIL, account_type=User.AccountType.APPLICANT)
    seoul = City.objects.get(code="seoul")
    profile, _ = ApplicantProfile.objects.get_or_create(
        user=user,
        defaults={
            "name": "박지민",
            "birth_date": date(1984, 3, 8),
            "gender": ApplicantProfile.Gender.FEMALE,
            "residence_city": seoul,
            "residence_district": District.objects.get(city=seoul, code="guro"),
            "employment_status": ApplicantProfile.EmploymentStatus.UNEMPLOYED,
        },
    )
    if Enrollment.objects.filter(course=course, applicant=profile).exists():
        return
    enrollment = Enrollment.objects.create(
        course=course,
        applicant=profile,
        motivation="개발자로 다시 일하고 싶습니다.",
        status=Enrollment.Status.ENROLLED,
        enrolled_at=timezone.now(),
        decided_at=timezone.now(),
    )
    Course.objects.filter(pk=course.pk).update(enrolled_count=1)
    for session in sessions:
        services.attendance_record(
            session=session, marks={enrollment.pk: Attendance.Status.PRESENT}, actor=staff
        )
    services.enrollment_complete(enrollment=enrollment, actor=staff, on=course.ends_on)
    enrollment.refresh_from_db()
    services.certificate_record(
        enrollment=enrollment,
        name=course.certificate_name,
        obtained_on=course.ends_on + timedelta(days=20),
        actor=staff,
    )
    first = FollowUp.objects.get(enrollment=enrollment, months_after=1)
    services.follow_up_record(
        follow_up=first,
        outcome=FollowUp.Outcome.EMPLOYED,
        employer="(주)우먼업소프트",
        contract_type=FollowUp.ContractType.REGULAR,
        actor=staff,
        on=first.due_on,
    )


def _class_today(today: date, staff: User) -> None:
    """A cohort of the institution's course running now, with the demo trainee enrolled and a
    class held today: its QR attendance page is ready for the institution's staff."""
    course = _course(RUNNING_COURSE, today)
    Session.objects.get_or_create(
        course=course, held_on=today, defaults={"topic": "QR 출석 시연 수업"}
    )
    profile = ApplicantProfile.objects.get(user__email=TRAINEE_EMAIL)
    _enrollment, created = Enrollment.objects.get_or_create(
        course=course,
        applicant=profile,
        defaults={
            "motivation": "심화 과정도 듣고 싶습니다.",
            "status": Enrollment.Status.ENROLLED,
            "enrolled_at": timezone.now(),
            "decided_at": timezone.now(),
        },
    )
    if created:
        Course.objects.filter(pk=course.pk).update(enrolled_count=1)


def _counselling(today: date) -> None:
    """A job centre with a counsellor and one client: her consent recorded in person, a course
    application the counsellor submitted for her, a group programme seat, a note."""
    centre, _ = Institution.objects.get_or_create(
        name=JOB_CENTRE,
        defaults={
            "city": City.objects.get(code="seoul"),
            "kind": Institution.Kind.JOB_CENTRE,
            "name_en": "Seoul Central Women's Job Centre",
        },
    )
    counsellor = demo_user(COUNSELLOR_EMAIL, account_type=User.AccountType.INSTITUTION)
    if not counsellor.first_name:
        counsellor.last_name, counsellor.first_name = "김", "하늘"
        counsellor.save(update_fields=["last_name", "first_name"])
    services.counsellor_add(centre=centre, user=counsellor)
    user = demo_user(CLIENT_EMAIL, account_type=User.AccountType.APPLICANT)
    seoul = City.objects.get(code="seoul")
    profile, _ = ApplicantProfile.objects.get_or_create(
        user=user,
        defaults={
            "name": "최유진",
            "birth_date": date(1982, 7, 21),
            "gender": ApplicantProfile.Gender.FEMALE,
            "residence_city": seoul,
            "residence_district": District.objects.get(city=seoul, code="jongno"),
            "employment_status": ApplicantProfile.EmploymentStatus.UNEMPLOYED,
            "never_employed": False,
            "last_employment_end": date(2016, 2, 29),
            "filled_by": counsellor,
        },
    )
    client, created = CounsellingClient.objects.get_or_create(
        centre=centre,
        profile=profile,
        defaults={
            "created_by": counsellor,
            "claim_email": CLIENT_EMAIL,
            "claimed_at": timezone.now(),
        },
    )
    if not created:
        return
    proxy_consent_record(
        profile=profile, counsellor=counsellor, method=ProxyConsent.Method.IN_PERSON
    )
    course = Course.objects.get(code="javascript-entry")
    services.enrollment_apply(
        course=course,
        applicant=profile,
        motivation="상담에서 프론트엔드 개발에 관심이 있다고 말씀하셨습니다.",
        submitted_by=counsellor,
        today=today,
    )
    starts = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    starts += timedelta(days=7)
    session = CounsellingSession.objects.create(
        centre=centre,
        kind=CounsellingSession.Kind.GROUP,
        title="경력 재설계 집단상담 (4회)",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        place="센터 3층 교육실",
        capacity=12,
        counsellor=counsellor,
    )
    services.counselling_sign_up(session=session, client=client, actor=counsellor)
    services.counselling_note_add(
        client=client,
        author=counsellor,
        body="경력단절 8년. 프론트엔드 개발 교육 희망, 오전 시간대 선호.",
    )
    services.counselling_outcome_record(
        client=client,
        counsellor=counsellor,
        kind=CounsellingOutcome.Kind.COURSE,
        happened_on=today,
        detail=course.title,
    )
