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
    _public_projects(today)
    return logins


PUBLIC_PROJECTS = [("작은도서관 운영 지원", "public", 20), ("공원·하천 환경 정비", "public", 30)]


def _public_projects(today: date) -> None:
    """Gwangmyeong's own department with two 0123 happy-job projects (public jobs)."""
    intake = open_intake(Program.objects.get(code="gm-0123-jobs"), on=today)
    if intake is None:
        return
    department, _created = Company.objects.get_or_create(
        business_number="1388300050",
        defaults={
            "name": "광명시청 일자리정책과",
            "status": Company.Status.VERIFIED,
            "district": District.objects.get(city__code="gwangmyeong", code="cheolsan-dong"),
            "representative": "광명시장",
            "address": "경기도 광명시 시청로 20",
            "contact_name": "공공일자리 담당",
            "contact_email": "jobs@demo.womenup.kr",
        },
    )
    for title, category, seats in PUBLIC_PROJECTS:
        Role.objects.get_or_create(
            company=department,
            title=title,
            defaults={
                "intake": intake,
                "track": Role.Track.PUBLIC_PROJECT,
                "job_category": JobCategory.objects.get(code=category),
                "district": District.objects.get(city__code="gwangmyeong", code="haan-dong"),
                "seats": seats,
                "duties": "광명시 공공일자리 사업 (주 5일, 단계별 5개월)",
                "status": Role.Status.PUBLISHED,
                "published_at": timezone.now(),
            },
        )


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
