"""The seed catalogue: the site's brand, cities, districts, job categories, the programmes with
their rules and figures, and the living-wage rates.

Plain data, loaded by ``python manage.py load_programs`` (``womenup/programs/loading.py``), which
creates what is missing and never overwrites a row staff have edited. Other cities' programmes
are rows and rule parameters here, never new code paths. This is the only Python module outside
migrations, demo data and tests that names a city.

Figures: ``figures`` holds a programme's numbers (won, months, seats, hours); ``summary`` and
``key_facts`` name them as ``{seats}`` (or another programme's as ``{seoul-incentive.amount_krw}``)
and the pages fill them in, with today's living wage as ``{hourly_wage}``, ``{wage_year}``,
``{paid_hours}`` and ``{monthly_wage}`` (the last two for the programme's ``weekly_hours``).

Public-job keys (``matching_mode``, ``stages`` as (label, opens, closes, stage starts, stage
ends), ``reserved_seat_percent``, ``priority_groups``) were added with
``womenup/migrations/0018_public_jobs_seed.py``, which carries its own copy.
"""

SITE = {
    "portal_name": "서울우먼업",
    "portal_name_en": "Seoul WomanUp",
    "operator": "서울시",
    "operator_en": "the City",
    "from_email": "서울우먼업 <noreply@womenup.localhost>",
}
"""Defaults of the site's brand; each deployment sets PORTAL_NAME, PORTAL_NAME_EN,
PORTAL_OPERATOR, PORTAL_OPERATOR_EN and DEFAULT_FROM_EMAIL in its environment."""

SEOUL_DISTRICTS = [
    ("jongno", "종로구"), ("jung", "중구"), ("yongsan", "용산구"), ("seongdong", "성동구"),
    ("gwangjin", "광진구"), ("dongdaemun", "동대문구"), ("jungnang", "중랑구"),
    ("seongbuk", "성북구"), ("gangbuk", "강북구"), ("dobong", "도봉구"), ("nowon", "노원구"),
    ("eunpyeong", "은평구"), ("seodaemun", "서대문구"), ("mapo", "마포구"),
    ("yangcheon", "양천구"), ("gangseo", "강서구"), ("guro", "구로구"), ("geumcheon", "금천구"),
    ("yeongdeungpo", "영등포구"), ("dongjak", "동작구"), ("gwanak", "관악구"),
    ("seocho", "서초구"), ("gangnam", "강남구"), ("songpa", "송파구"), ("gangdong", "강동구"),
]  # fmt: skip

GWANGMYEONG_DISTRICTS = [
    ("gwangmyeong-dong", "광명동"), ("cheolsan-dong", "철산동"), ("haan-dong", "하안동"),
    ("soha-dong", "소하동"), ("iljik-dong", "일직동"), ("hakon-dong", "학온동"),
]  # fmt: skip

CITIES = [
    {"code": "seoul", "name": "서울특별시", "short_name": "서울시",
     "name_en": "Seoul Metropolitan City", "short_name_en": "Seoul",
     "districts": SEOUL_DISTRICTS},
    {"code": "gwangmyeong", "name": "경기도 광명시", "short_name": "광명시",
     "name_en": "Gwangmyeong, Gyeonggi-do", "short_name_en": "Gwangmyeong",
     "districts": GWANGMYEONG_DISTRICTS},
]  # fmt: skip

JOB_CATEGORIES = [
    ("office", "경영·사무"), ("accounting", "회계·세무"), ("marketing", "마케팅·홍보"),
    ("it-dev", "IT·개발"), ("design", "디자인"), ("education", "교육"),
    ("social-welfare", "사회복지"), ("sales", "영업·고객상담"), ("research", "연구·기술"),
    ("public", "공공·행정"),
]  # fmt: skip

SEOUL_WOMAN = [
    {"kind": "residency", "params": {"city": "seoul"}},
    {"kind": "gender", "params": {"gender": "female"}},
    {"kind": "employment_status", "params": {"allowed": ["unemployed"]}},
]
QUALIFIED = {
    "kind": "qualification_any_of",
    "params": {"any_of": ["vocational_training", "career_in_field", "certificate"]},
}
EARLIER_COHORT_RULES = [
    {"kind": "age_range", "params": {"min": 30, "max": 49}, "is_active": False,
     "note": "이전 회차 기준(만 30~49세), 기본 미적용"},
    {"kind": "not_employed_recently", "params": {"months": 6}, "is_active": False,
     "note": "이전 회차 기준(최근 6개월 미취업), 기본 미적용"},
]  # fmt: skip
RESUME = {"kind": "documents", "params": {"kinds": ["resume"]}}
SEOUL_COMPANY = [
    {"kind": "company_location", "params": {"city": "seoul"}},
    {"kind": "company_min_employees", "params": {"min": 5}},
    {"kind": "company_sme", "params": {}},
]

PROGRAMS = [
    {
        "code": "seoul-internship", "city": "seoul", "kind": "internship",
        "name": "서울우먼업 채용연계형 인턴십",
        "summary": "직업훈련 수료·경력·자격증으로 취업 준비를 마친 경력보유여성과 기업을 연결하는 {months}개월 인턴십",
        "key_facts": [
            "{months}개월 인턴 (근로계약일부터)",
            "전일제 주 {weekly_hours}시간 또는 유연근무 주 {flexible_hours_min}~{flexible_hours_max}시간",
            "서울시 생활임금 지급 ({wage_year}년 시급 {hourly_wage}원, 전일제 월 {monthly_wage}원)",
            "정규직 전환 시 기업에 고용장려금 {seoul-incentive.amount_krw}원",
            "매주 서류심사와 매칭 진행",
        ],
        "figures": {"months": 3, "weekly_hours": 40, "flexible_hours_min": 30, "flexible_hours_max": 35},
        "rules": [*SEOUL_WOMAN, QUALIFIED, RESUME, *EARLIER_COHORT_RULES, *SEOUL_COMPANY],
        "intakes": [("2024년 인턴십", "2024-06-03", "2024-12-31")],
    },
    {
        "code": "seoul-project-it", "city": "seoul", "kind": "project_internship",
        "name": "IT 직무교육 연계 프로젝트형 인턴십",
        "summary": "디지털마케팅(7월)·백엔드개발(8월) 직무교육 수료자만 지원하는 인턴십",
        "key_facts": ["연계 교육과정 수료자만 지원 가능", "교육 후 기업 프로젝트 인턴"],
        "rules": [
            *SEOUL_WOMAN,
            {"kind": "course_completion", "params": {
                "courses": ["digital-marketing-2024", "backend-2024"],
                "label": "IT 직무교육(디지털마케팅·백엔드개발)"}},
            *SEOUL_COMPANY,
        ],
        "intakes": [("2024년 하반기", "2024-07-01", "2024-12-31")],
    },
    {
        "code": "seoul-project-social", "city": "seoul", "kind": "project_internship",
        "name": "소셜임팩트 프로젝트형 인턴십",
        "summary": "1주 사전교육(유연근무 협업도구, 소셜임팩트 기업 이해) 후 100% 유연근무 인턴십",
        "key_facts": ["1주 사전교육 이수 필수", "원격·단축근무 등 100% 유연근무"],
        "rules": [
            *SEOUL_WOMAN,
            {"kind": "pre_training", "params": {
                "code": "social-impact-pretraining", "label": "소셜임팩트 사전교육(1주)"}},
            *SEOUL_COMPANY,
        ],
        "intakes": [("2024년 하반기", "2024-07-01", "2024-12-31")],
    },
    {
        "code": "seoul-wage-support", "city": "seoul", "kind": "wage_support",
        "name": "인턴 임금 지원",
        "summary": "인턴 {months}개월 동안 서울시 생활임금을 기업에 지원",
        "key_facts": ["지급시간 = (주 근무시간 × 1.2) × 365 ÷ 7 ÷ 12 (올림)",
                      "주 {weekly_hours}시간 → 월 {paid_hours}시간",
                      "{wage_year}년 생활임금 시급 {hourly_wage}원 → 월 {monthly_wage}원"],
        "figures": {"months": 3, "weekly_hours": 40},
        "rules": [], "intakes": [],
    },
    {
        "code": "seoul-incentive", "city": "seoul", "kind": "incentive",
        "name": "고용장려금",
        "summary": "인턴 종료 후 정규직으로 채용한 기업에 {amount_krw}원 지원",
        "key_facts": ["{amount_krw}원", "채용 증빙 제출 후 서울시 승인"],
        "figures": {"amount_krw": 3_000_000},
        "rules": [], "intakes": [],
    },
    {
        "code": "seoul-allowance", "city": "seoul", "kind": "allowance",
        "name": "구직지원금",
        "summary": "월 {amount_krw}원씩 최대 {months}개월, 매월 구직활동 보고가 승인되면 지급",
        "key_facts": ["월 {amount_krw}원 × 최대 {months}개월", "월별 구직활동 보고 승인 후 지급"],
        "figures": {"amount_krw": 300_000, "months": 3},
        "rules": [*SEOUL_WOMAN],
        "intakes": [("2024년", "2024-06-03", "2024-12-31")],
    },
    {
        "code": "seoul-digital-entry", "city": "seoul", "kind": "course",
        "name": "디지털 특화교육 · 개발자 입문과정",
        "summary": "IT 분야 진입을 희망하는 서울시 미취업 여성을 위한 자바·자바스크립트·파이썬 과정 ({courses}개)",
        "key_facts": ["{all_institutions}개 기관 {all_courses}개 과정 {all_seats}명 (과정별 {seats_min}~{seats_max}명)",
                      "{hours_min}~{hours_max}시간 ({months_min}~{months_max}개월)",
                      "교육비 전액 무료", "수료 후 1년간 취업 사후관리"],
        "figures": {"courses": 6, "all_institutions": 5, "all_courses": 8, "all_seats": 135,
                    "seats_min": 15, "seats_max": 20, "hours_min": 204, "hours_max": 450,
                    "months_min": 2, "months_max": 4},
        "rules": [*SEOUL_WOMAN],
        "intakes": [("2024년", "2024-06-05", "2024-07-31")],
    },
    {
        "code": "seoul-digital-advanced", "city": "seoul", "kind": "course",
        "name": "디지털 특화교육 · 기업연계 심화과정",
        "summary": "해당 분야 경력이 있는 서울시 미취업 여성을 위한 AI 활용 클라우드 풀스택, iOS 앱 과정 ({courses}개)",
        "figures": {"courses": 2},
        "key_facts": ["해당 분야 경력 필요", "교육비 전액 무료"],
        "rules": [*SEOUL_WOMAN, {"kind": "qualification_any_of",
                                 "params": {"any_of": ["career_in_field"]}}],
        "intakes": [("2024년", "2024-06-05", "2024-07-31")],
    },
    {
        "code": "gm-0123-jobs", "city": "gwangmyeong", "kind": "public_job",
        "name": "광명 0123 행복일자리",
        "summary": "약 {projects}개 공공사업, 반기별 {seats}명",
        "key_facts": ["연속 {max_stages}단계({max_stage_months}개월)까지", "{window_years}년 중 최대 {max_years}년 참여"],
        "figures": {"projects": 60, "seats": 150, "max_stages": 2, "max_stage_months": 10,
                    "window_years": 3, "max_years": 2},
        "rules": [
            {"kind": "residency", "params": {"city": "gwangmyeong"}},
            {"kind": "participation_limit", "params": {
                "max_consecutive_stages": 2, "max_months_in_window": 24,
                "window_months": 36, "stage_months": 5, "programs": ["gm-0123-jobs"]}},
        ],
        "intakes": [],
        "matching_mode": "direct",
        "stages": [
            ("2027년 1단계", "2026-12-01", "2026-12-20", "2027-01-01", "2027-05-31"),
            ("2027년 2단계", "2027-05-03", "2027-05-21", "2027-07-01", "2027-11-30"),
        ],
    },
    {
        "code": "gm-1969-jobs", "city": "gwangmyeong", "kind": "public_job",
        "name": "광명 1969 행복일자리",
        "summary": "만 {age_min}~{age_max}세 시민 {seats}명, {projects}개 사업",
        "key_facts": ["만 {age_min}~{age_max}세", "{projects}개 사업 {seats}명"],
        "figures": {"seats": 170, "projects": 6, "age_min": 19, "age_max": 69},
        "rules": [
            {"kind": "residency", "params": {"city": "gwangmyeong"}},
            {"kind": "age_range", "params": {"min": 19, "max": 69}},
        ],
        "intakes": [],
        "matching_mode": "direct",
        "stages": [
            ("2027년 상반기", "2026-12-01", "2026-12-20", "2027-01-01", "2027-05-31"),
        ],
    },
    {
        "code": "gm-youth-intern", "city": "gwangmyeong", "kind": "youth_intern",
        "name": "광명형 청년인턴",
        "summary": "만 {age_min}~{age_max}세 미취업 청년 약 {seats}명, 2월~12월 복지관·창업센터·사회적경제기업 근무",
        "key_facts": ["만 {age_min}~{age_max}세 미취업 광명시민", "약 {seats}명", "2월~12월"],
        "figures": {"seats": 20, "age_min": 19, "age_max": 34},
        "rules": [
            {"kind": "residency", "params": {"city": "gwangmyeong"}},
            {"kind": "age_range", "params": {"min": 19, "max": 34}},
            {"kind": "employment_status", "params": {"allowed": ["unemployed"]}},
            {"kind": "not_past_participant", "params": {
                "programs": ["gm-youth-intern"], "label": "광명시 청년일자리(청년인턴)"}},
        ],
        "intakes": [],
        "reserved_seat_percent": 30,
        "priority_groups": ["basic_livelihood", "near_poverty", "disabled", "single_parent",
                            "north_korean_defector"],
    },
    {
        "code": "gm-5060", "city": "gwangmyeong", "kind": "course",
        "name": "50+ 사회공헌 (신중년 5060)",
        "summary": "유튜브 크리에이터, 생태보존 활동가, 재해안전관리강사, 갈등협상관리조정자 과정",
        "key_facts": ["{courses}개 과정", "수료 후 사후 지원"],
        "figures": {"courses": 4},
        "rules": [
            {"kind": "residency", "params": {"city": "gwangmyeong"}},
            {"kind": "age_range", "params": {"min": 50, "max": 69}},
        ],
        "intakes": [],
    },
    {
        "code": "gm-women-vocational", "city": "gwangmyeong", "kind": "course",
        "name": "광명 경력단절여성 직업교육훈련",
        "summary": "{courses}개 과정, {completed}명 수료 중 {employed}명 취업",
        "key_facts": ["{courses}개 과정", "수료 → 취업 성과를 과정별로 측정"],
        "figures": {"courses": 6, "completed": 127, "employed": 100},
        "rules": [
            {"kind": "residency", "params": {"city": "gwangmyeong"}},
            {"kind": "gender", "params": {"gender": "female"}},
        ],
        "intakes": [],
    },
]  # fmt: skip

LIVING_WAGE_RATES = [("2024-01-01", 11_436)]
