"""Demo companies (verified, eligible, with badges) and their published roles."""

from datetime import date

from django.utils import timezone

from companies.models import Company, CompanyMembership, Role
from womenup.demo import demo_user
from womenup.models import District, JobCategory, Program, User
from womenup.programs.selectors import open_intake

DEMO_COMPANIES = [
    {
        "name": "주식회사 한빛소프트웨어",
        "business_number": "1208147521",
        "district": "gangnam",
        "category": "it-dev",
        "title": "백엔드 개발 인턴",
        "badges": {"is_innobiz": True, "is_venture": True},
    },
    {
        "name": "다온마케팅",
        "business_number": "2148812345",
        "district": "mapo",
        "category": "marketing",
        "title": "디지털 마케팅 인턴",
        "badges": {"is_family_friendly": True, "is_women_owned": True},
    },
    {
        "name": "세움회계법인",
        "business_number": "1018212348",
        "district": "jung",
        "category": "accounting",
        "title": "회계 사무 인턴",
        "badges": {"is_seoul_strong_sme": True},
    },
]


def load(*, today: date, **_kwargs) -> list[tuple[str, str]]:
    program = Program.objects.get(code="seoul-internship")
    intake = open_intake(program, on=today)
    logins = []
    for index, data in enumerate(DEMO_COMPANIES, start=1):
        company = _company(data)
        email = f"company{index}@demo.womenup.kr"
        user = demo_user(email, account_type=User.AccountType.COMPANY)
        CompanyMembership.objects.get_or_create(
            user=user, defaults={"company": company, "is_owner": True}
        )
        if intake is not None:  # the kernel's demo opens this year's intake first
            Role.objects.get_or_create(
                company=company,
                title=data["title"],
                defaults={
                    "intake": intake,
                    "job_category": JobCategory.objects.get(code=data["category"]),
                    "district": company.district,
                    "seats": 2,
                    "duties": "현업 담당자와 함께 실제 업무를 수행합니다.",
                    "status": Role.Status.PUBLISHED,
                    "published_at": timezone.now(),
                },
            )
        logins.append((f"참여기업 ({company.name})", email))
    return logins


def _company(data: dict) -> Company:
    company, _created = Company.objects.get_or_create(
        business_number=data["business_number"],
        defaults={
            "name": data["name"],
            "status": Company.Status.VERIFIED,
            "district": District.objects.get(city__code="seoul", code=data["district"]),
            "representative": "홍대표",
            "address": "서울특별시",
            "regular_employees": 20,
            "is_sme": True,
            "contact_name": "인사 담당자",
            "contact_email": f"hr{data['business_number']}@demo.womenup.kr",
            **data["badges"],
        },
    )
    return company
