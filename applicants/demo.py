"""Demo applicants with complete profiles, consents and qualifications (matching/demo.py has
one apply)."""

from datetime import date

from applicants.models import ApplicantProfile, CareerEntry, Certificate
from applicants.services import consent_give
from womenup.demo import demo_user
from womenup.models import City, District, JobCategory, User

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


def load(**_kwargs) -> list[tuple[str, str]]:
    seoul = City.objects.get(code="seoul")
    logins = []
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
        logins.append((f"참여자 ({name})", email))
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
