"""Seed cities, districts, job categories, the first programmes and wage rates (frozen here)."""

from datetime import date

from django.db import migrations

# The catalogue as it was seeded by this migration, frozen here: the live seed data is
# womenup/programs/catalogue.py, loaded by `manage.py load_programs`.
CITIES = [
    {
        "code": "seoul",
        "name": "서울특별시",
        "districts": [
            ("jongno", "종로구"),
            ("jung", "중구"),
            ("yongsan", "용산구"),
            ("seongdong", "성동구"),
            ("gwangjin", "광진구"),
            ("dongdaemun", "동대문구"),
            ("jungnang", "중랑구"),
            ("seongbuk", "성북구"),
            ("gangbuk", "강북구"),
            ("dobong", "도봉구"),
            ("nowon", "노원구"),
            ("eunpyeong", "은평구"),
            ("seodaemun", "서대문구"),
            ("mapo", "마포구"),
            ("yangcheon", "양천구"),
            ("gangseo", "강서구"),
            ("guro", "구로구"),
            ("geumcheon", "금천구"),
            ("yeongdeungpo", "영등포구"),
            ("dongjak", "동작구"),
            ("gwanak", "관악구"),
            ("seocho", "서초구"),
            ("gangnam", "강남구"),
            ("songpa", "송파구"),
            ("gangdong", "강동구"),
        ],
    },
    {
        "code": "gwangmyeong",
        "name": "광명시",
        "districts": [
            ("gwangmyeong-dong", "광명동"),
            ("cheolsan-dong", "철산동"),
            ("haan-dong", "하안동"),
            ("soha-dong", "소하동"),
            ("iljik-dong", "일직동"),
            ("hakon-dong", "학온동"),
        ],
    },
]
JOB_CATEGORIES = [
    ("office", "경영·사무"),
    ("accounting", "회계·세무"),
    ("marketing", "마케팅·홍보"),
    ("it-dev", "IT·개발"),
    ("design", "디자인"),
    ("education", "교육"),
    ("social-welfare", "사회복지"),
    ("sales", "영업·고객상담"),
    ("research", "연구·기술"),
    ("public", "공공·행정"),
]
PROGRAMS = [
    {
        "code": "seoul-internship",
        "city": "seoul",
        "kind": "internship",
        "name": "서울우먼업 채용연계형 인턴십",
        "summary": "직업훈련 수료·경력·자격증으로 취업 준비를 마친 경력보유여성과 기업을 연결하는 3개월 인턴십",
        "key_facts": [
            "3개월 인턴 (근로계약일부터)",
            "전일제 주 40시간 또는 유연근무 주 30~35시간",
            "서울시 생활임금 지급 (2024년 시급 11,436원, 전일제 월 2,390,124원)",
            "정규직 전환 시 기업에 고용장려금 300만 원",
            "매주 서류심사와 매칭 진행",
        ],
        "rules": [
            {"kind": "residency", "params": {"city": "seoul"}},
            {"kind": "gender", "params": {"gender": "female"}},
            {"kind": "employment_status", "params": {"allowed": ["unemployed"]}},
            {
                "kind": "qualification_any_of",
                "params": {"any_of": ["vocational_training", "career_in_field", "certificate"]},
            },
            {"kind": "documents", "params": {"kinds": ["resume"]}},
            {
                "kind": "age_range",
                "params": {"min": 30, "max": 49},
                "is_active": False,
                "note": "이전 회차 기준(만 30~49세), 기본 미적용",
            },
            {
                "kind": "not_employed_recently",
                "params": {"months": 6},
                "is_active": False,
                "note": "이전 회차 기준(최근 6개월 미취업), 기본 미적용",
            },
        ],
        "intakes": [("2024년 인턴십", "2024-06-03", "2024-12-31")],
    },
    {
        "code": "seoul-project-it",
        "city": "seoul",
        "kind": "project_internship",
        "name": "IT 직무교육 연계 프로젝트형 인턴십",
        "summary": "디지털마케팅(7월)·백엔드개발(8월) 직무교육 수료자만 지원하는 인턴십",
        "key_facts": ["연계 교육과정 수료자만 지원 가능", "교육 후 기업 프로젝트 인턴"],
        "rules": [
            {"kind": "residency", "params": {"city": "seoul"}},
            {"kind": "gender", "params": {"gender": "female"}},
            {"kind": "employment_status", "params": {"allowed": ["unemployed"]}},
            {
                "kind": "course_completion",
                "params": {
                    "courses": ["digital-marketing-2024", "backend-2024"],
                    "label": "IT 직무교육(디지털마케팅·백엔드개발)",
                },
            },
        ],
        "intakes": [("2024년 하반기", "2024-07-01", "2024-12-31")],
    },
    {
        "code": "seoul-project-social",
        "city": "seoul",
        "kind": "project_internship",
        "name": "소셜임팩트 프로젝트형 인턴십",
        "summary": "1주 사전교육(유연근무 협업도구, 소셜임팩트 기업 이해) 후 100% 유연근무 인턴십",
        "key_facts": ["1주 사전교육 이수 필수", "원격·단축근무 등 100% 유연근무"],
        "rules": [
            {"kind": "residency", "params": {"city": "seoul"}},
            {"kind": "gender", "params": {"gender": "female"}},
            {"kind": "employment_status", "params": {"allowed": ["unemployed"]}},
            {
                "kind": "pre_training",
                "params": {
                    "code": "social-impact-pretraining",
                    "label": "소셜임팩트 사전교육(1주)",
                },
            },
        ],
        "intakes": [("2024년 하반기", "2024-07-01", "2024-12-31")],
    },
    {
        "code": "seoul-wage-support",
        "city": "seoul",
        "kind": "wage_support",
        "name": "인턴 임금 지원",
        "summary": "인턴 3개월 동안 서울시 생활임금을 기업에 지원",
        "key_facts": [
            "지급시간 = (주 근무시간 × 1.2) × 365 ÷ 7 ÷ 12 (올림)",
            "주 40시간 → 월 209시간",
        ],
        "rules": [],
        "intakes": [],
    },
    {
        "code": "seoul-incentive",
        "city": "seoul",
        "kind": "incentive",
        "name": "고용장려금",
        "summary": "인턴 종료 후 정규직으로 채용한 기업에 300만 원 지원",
        "key_facts": ["3,000,000원", "채용 증빙 제출 후 서울시 승인"],
        "rules": [],
        "intakes": [],
    },
    {
        "code": "seoul-allowance",
        "city": "seoul",
        "kind": "allowance",
        "name": "구직지원금",
        "summary": "월 30만 원씩 최대 3개월, 매월 구직활동 보고가 승인되면 지급",
        "key_facts": ["월 300,000원 × 최대 3개월", "월별 구직활동 보고 승인 후 지급"],
        "rules": [
            {"kind": "residency", "params": {"city": "seoul"}},
            {"kind": "gender", "params": {"gender": "female"}},
            {"kind": "employment_status", "params": {"allowed": ["unemployed"]}},
        ],
        "intakes": [("2024년", "2024-06-03", "2024-12-31")],
    },
    {
        "code": "seoul-digital-entry",
        "city": "seoul",
        "kind": "course",
        "name": "디지털 특화교육 · 개발자 입문과정",
        "summary": "IT 분야 진입을 희망하는 서울시 미취업 여성을 위한 자바·자바스크립트·파이썬 과정 (6개)",
        "key_facts": [
            "5개 기관 8개 과정 135명 (과정별 15~20명)",
            "204~450시간 (2~4개월)",
            "교육비 전액 무료",
            "수료 후 1년간 취업 사후관리",
        ],
        "rules": [
            {"kind": "residency", "params": {"city": "seoul"}},
            {"kind": "gender", "params": {"gender": "female"}},
            {"kind": "employment_status", "params": {"allowed": ["unemployed"]}},
        ],
        "intakes": [("2024년", "2024-06-05", "2024-07-31")],
    },
    {
        "code": "seoul-digital-advanced",
        "city": "seoul",
        "kind": "course",
        "name": "디지털 특화교육 · 기업연계 심화과정",
        "summary": "해당 분야 경력이 있는 서울시 미취업 여성을 위한 AI 활용 클라우드 풀스택, iOS 앱 과정 (2개)",
        "key_facts": ["해당 분야 경력 필요", "교육비 전액 무료"],
        "rules": [
            {"kind": "residency", "params": {"city": "seoul"}},
            {"kind": "gender", "params": {"gender": "female"}},
            {"kind": "employment_status", "params": {"allowed": ["unemployed"]}},
            {"kind": "qualification_any_of", "params": {"any_of": ["career_in_field"]}},
        ],
        "intakes": [("2024년", "2024-06-05", "2024-07-31")],
    },
    {
        "code": "gm-0123-jobs",
        "city": "gwangmyeong",
        "kind": "public_job",
        "name": "광명 0123 행복일자리",
        "summary": "약 60개 공공사업, 반기별 150명",
        "key_facts": ["연속 2단계(10개월)까지", "3년 중 최대 2년 참여"],
        "rules": [
            {"kind": "residency", "params": {"city": "gwangmyeong"}},
            {
                "kind": "participation_limit",
                "params": {
                    "max_consecutive_stages": 2,
                    "max_months_in_window": 24,
                    "window_months": 36,
                    "stage_months": 5,
                },
            },
        ],
        "intakes": [],
    },
    {
        "code": "gm-1969-jobs",
        "city": "gwangmyeong",
        "kind": "public_job",
        "name": "광명 1969 행복일자리",
        "summary": "만 19~69세 시민 170명, 6개 사업",
        "key_facts": ["만 19~69세", "6개 사업 170명"],
        "rules": [
            {"kind": "residency", "params": {"city": "gwangmyeong"}},
            {"kind": "age_range", "params": {"min": 19, "max": 69}},
        ],
        "intakes": [],
    },
    {
        "code": "gm-youth-intern",
        "city": "gwangmyeong",
        "kind": "youth_intern",
        "name": "광명형 청년인턴",
        "summary": "만 19~34세 미취업 청년 약 20명, 2월~12월 복지관·창업센터·사회적경제기업 근무",
        "key_facts": ["만 19~34세 미취업 광명시민", "약 20명", "2월~12월"],
        "rules": [
            {"kind": "residency", "params": {"city": "gwangmyeong"}},
            {"kind": "age_range", "params": {"min": 19, "max": 34}},
            {"kind": "employment_status", "params": {"allowed": ["unemployed"]}},
        ],
        "intakes": [],
    },
    {
        "code": "gm-5060",
        "city": "gwangmyeong",
        "kind": "course",
        "name": "50+ 사회공헌 (신중년 5060)",
        "summary": "유튜브 크리에이터, 생태보존 활동가, 재해안전관리강사, 갈등협상관리조정자 과정",
        "key_facts": ["4개 과정", "수료 후 사후 지원"],
        "rules": [
            {"kind": "residency", "params": {"city": "gwangmyeong"}},
            {"kind": "age_range", "params": {"min": 50, "max": 69}},
        ],
        "intakes": [],
    },
    {
        "code": "gm-women-vocational",
        "city": "gwangmyeong",
        "kind": "course",
        "name": "광명 경력단절여성 직업교육훈련",
        "summary": "6개 과정, 127명 수료 중 100명 취업",
        "key_facts": ["6개 과정", "수료 → 취업 성과를 과정별로 측정"],
        "rules": [
            {"kind": "residency", "params": {"city": "gwangmyeong"}},
            {"kind": "gender", "params": {"gender": "female"}},
        ],
        "intakes": [],
    },
]
LIVING_WAGE_RATES = [("2024-01-01", 11436)]


def seed(apps, schema_editor):
    City = apps.get_model("womenup", "City")
    District = apps.get_model("womenup", "District")
    JobCategory = apps.get_model("womenup", "JobCategory")
    Program = apps.get_model("womenup", "Program")
    IntakeWindow = apps.get_model("womenup", "IntakeWindow")
    EligibilityRule = apps.get_model("womenup", "EligibilityRule")
    LivingWageRate = apps.get_model("womenup", "LivingWageRate")

    cities = {}
    for city_data in CITIES:
        city, _ = City.objects.get_or_create(
            code=city_data["code"], defaults={"name": city_data["name"]}
        )
        cities[city.code] = city
        for code, name in city_data["districts"]:
            District.objects.get_or_create(city=city, code=code, defaults={"name": name})
    for order, (code, name) in enumerate(JOB_CATEGORIES):
        JobCategory.objects.get_or_create(code=code, defaults={"name": name, "order": order})
    for order, data in enumerate(PROGRAMS):
        program, created = Program.objects.get_or_create(
            code=data["code"],
            defaults={
                "city": cities[data["city"]],
                "kind": data["kind"],
                "name": data["name"],
                "summary": data["summary"],
                "key_facts": data["key_facts"],
                "order": order,
            },
        )
        if not created:
            continue
        for rule_order, rule in enumerate(data["rules"]):
            EligibilityRule.objects.create(
                program=program,
                kind=rule["kind"],
                params=rule["params"],
                order=rule_order,
                is_active=rule.get("is_active", True),
                note=rule.get("note", ""),
            )
        for label, opens_on, closes_on in data["intakes"]:
            IntakeWindow.objects.create(
                program=program,
                label=label,
                opens_on=date.fromisoformat(opens_on),
                closes_on=date.fromisoformat(closes_on),
            )
    for valid_from, hourly in LIVING_WAGE_RATES:
        LivingWageRate.objects.get_or_create(
            valid_from=date.fromisoformat(valid_from), defaults={"hourly_krw": hourly}
        )


class Migration(migrations.Migration):
    dependencies = [("womenup", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
