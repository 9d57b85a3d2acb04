"""Demo applicants with complete profiles, consents and qualifications; one has applied."""

from datetime import date

from django.utils import timezone

from applicants.models import ApplicantProfile, CareerEntry, Certificate
from applicants.services import consent_give
from companies.models import Role
from matching.models import ApplicationChoice, InternshipApplication
from womenup.demo import demo_user
from womenup.models import City, District, JobCategory, User
from womenup.selectors import open_intake, program_by_code

DEMO_APPLICANTS = [
    ("applicant1@demo.womenup.kr", "김하은", date(1986, 4, 12), "mapo", "+821012340001"),
    ("applicant2@demo.womenup.kr", "이서연", date(1983, 9, 30), "gwanak", "+821012340002"),
]
DEMO_CAREERS = {
    "applicant1@demo.womenup.kr": ("accounting", 6, "중소기업 회계·급여 업무"),
    "applicant2@demo.womenup.kr": ("marketing", 4, "온라인 쇼핑몰 마케팅"),
}
DEMO_CERTIFICATES = {
    "applicant1@demo.womenup.kr": ("전산회계 1급", "한국세무사회", date(2012, 6, 1)),
    "applicant2@demo.womenup.kr": ("GTQ 1급", "한국생산성본부", date(2014, 11, 20)),
}
DEMO_CHOICES = ["회계 사무 인턴", "디지털 마케팅 인턴", "백엔드 개발 인턴"]


def load(*, today=None, **_kwargs) -> list[tuple[str, str]]:
    today = today or timezone.localdate()
    seoul = City.objects.get(code="seoul")
    logins = []
    profiles = []
    for email, name, birth_date, district, phone in DEMO_APPLICANTS:
        user = demo_user(email, account_type=User.AccountType.APPLICANT)
        profile, _ = ApplicantProfile.objects.get_or_create(
            user=user,
            defaults={
                "name": name,
                "birth_date": birth_date,
                "gender": ApplicantProfile.Gender.FEMALE,
                "phone": phone,
                "residence_city": seoul,
                "residence_district": District.objects.get(city=seoul, code=district),
                "employment_status": ApplicantProfile.EmploymentStatus.UNEMPLOYED,
                "never_employed": False,
                "last_employment_end": date(2017, 2, 28),
                "career_break_reason": ApplicantProfile.CareerBreakReason.CHILDCARE,
                "career_break_since": date(2017, 3, 1),
                "education_level": ApplicantProfile.EducationLevel.BACHELOR,
                "desired_work_type": ApplicantProfile.WorkType.FULL_TIME,
            },
        )
        _qualifications(profile, email)
        for item in ("collection", "provision"):
            consent_give(profile=profile, item=item)
        profiles.append(profile)
        logins.append((f"참여자 ({name})", email))
    _submitted_application(profiles[0], today)
    return logins


def _qualifications(profile: ApplicantProfile, email: str) -> None:
    category, years, description = DEMO_CAREERS[email]
    CareerEntry.objects.get_or_create(
        profile=profile,
        job_category=JobCategory.objects.get(code=category),
        defaults={"years": years, "description": description},
    )
    name, issuer, acquired_on = DEMO_CERTIFICATES[email]
    Certificate.objects.get_or_create(
        profile=profile, name=name, defaults={"issuer": issuer, "acquired_on": acquired_on}
    )


def _submitted_application(profile: ApplicantProfile, today) -> None:
    """The first demo applicant has submitted one application with three ranked demo roles."""
    intake = open_intake(program_by_code("seoul-internship"), on=today)
    roles = {role.title: role for role in Role.objects.filter(title__in=DEMO_CHOICES)}
    if intake is None or not roles:
        return
    application, created = InternshipApplication.objects.get_or_create(
        applicant=profile,
        intake=intake,
        defaults={"status": InternshipApplication.Status.SUBMITTED, "submitted_at": timezone.now()},
    )
    if not created:
        return
    ranked = [roles[title] for title in DEMO_CHOICES if title in roles]
    ApplicationChoice.objects.bulk_create(
        ApplicationChoice(application=application, role=role, rank=rank)
        for rank, role in enumerate(ranked, start=1)
    )
