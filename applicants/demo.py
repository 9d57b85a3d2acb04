"""Demo applicants with profiles ready to apply."""

from datetime import date

from applicants.models import ApplicantProfile
from womenup.demo import demo_user
from womenup.models import City, District, User

DEMO_APPLICANTS = [
    ("applicant1@demo.womenup.kr", "김하은", date(1986, 4, 12), "mapo"),
    ("applicant2@demo.womenup.kr", "이서연", date(1983, 9, 30), "gwanak"),
]


def load(**_kwargs) -> list[tuple[str, str]]:
    seoul = City.objects.get(code="seoul")
    logins = []
    for email, name, birth_date, district in DEMO_APPLICANTS:
        user = demo_user(email, account_type=User.AccountType.APPLICANT)
        ApplicantProfile.objects.get_or_create(
            user=user,
            defaults={
                "name": name,
                "birth_date": birth_date,
                "gender": ApplicantProfile.Gender.FEMALE,
                "residence_city": seoul,
                "residence_district": District.objects.get(city=seoul, code=district),
                "employment_status": ApplicantProfile.EmploymentStatus.UNEMPLOYED,
            },
        )
        logins.append((f"참여자 ({name})", email))
    return logins
