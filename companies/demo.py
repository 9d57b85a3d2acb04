"""Demo companies and published roles."""

from companies.models import Company, CompanyMembership, Role
from womenup.demo import demo_user
from womenup.models import District, JobCategory, Program, User

DEMO_COMPANIES = [
    ("주식회사 한빛소프트웨어", "1208147521", "gangnam", "it-dev", "백엔드 개발 인턴"),
    ("다온마케팅", "2148812345", "mapo", "marketing", "디지털 마케팅 인턴"),
    ("세움회계법인", "1018212345", "jung", "accounting", "회계 사무 인턴"),
]


def load(**_kwargs) -> list[tuple[str, str]]:
    program = Program.objects.get(code="seoul-internship")
    logins = []
    for index, (name, number, district, category, title) in enumerate(DEMO_COMPANIES, start=1):
        company, _ = Company.objects.get_or_create(
            business_number=number,
            defaults={
                "name": name,
                "status": Company.Status.VERIFIED,
                "district": District.objects.get(city__code="seoul", code=district),
            },
        )
        email = f"company{index}@demo.womenup.kr"
        user = demo_user(email, account_type=User.AccountType.COMPANY)
        CompanyMembership.objects.get_or_create(
            user=user, defaults={"company": company, "is_owner": True}
        )
        Role.objects.get_or_create(
            company=company,
            title=title,
            defaults={
                "program": program,
                "job_category": JobCategory.objects.get(code=category),
                "district": company.district,
                "seats": 2,
                "status": Role.Status.PUBLISHED,
            },
        )
        logins.append((f"참여기업 ({name})", email))
    return logins
