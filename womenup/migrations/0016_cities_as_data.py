"""City names in two languages, programme figures, company rules as rule rows.

Cities get a short name and English names (reasons and lists show them); programmes get their
figures, and their summary and key facts name them (``{seats}``), filled in on each page from
the row and today's living wage; the Seoul internships get the company rules that were Python
constants (located in Seoul, 5+ regular employees, SME). Texts are replaced only where they are
still as seeded: staff edits stay. The data is frozen here; ``load_programs`` loads the live
catalogue.
"""

from django.db import migrations, models

# code: field: (as seeded, new)
CITY_NAMES = {
    "seoul": {
        "short_name": ("", "서울시"),
        "name_en": ("", "Seoul Metropolitan City"),
        "short_name_en": ("", "Seoul"),
    },
    "gwangmyeong": {
        "name": ("광명시", "경기도 광명시"),
        "short_name": ("", "광명시"),
        "name_en": ("", "Gwangmyeong, Gyeonggi-do"),
        "short_name_en": ("", "Gwangmyeong"),
    },
}

# code: summary (seeded, new), key facts (seeded, new), figures
PROGRAM_TEXTS = {
    "seoul-internship": {
        "summary": (
            "직업훈련 수료·경력·자격증으로 취업 준비를 마친 경력보유여성과 기업을 연결하는 3개월 인턴십",
            "직업훈련 수료·경력·자격증으로 취업 준비를 마친 경력보유여성과 기업을 연결하는 {months}개월 인턴십",
        ),
        "key_facts": (
            [
                "3개월 인턴 (근로계약일부터)",
                "전일제 주 40시간 또는 유연근무 주 30~35시간",
                "서울시 생활임금 지급 (2024년 시급 11,436원, 전일제 월 2,390,124원)",
                "정규직 전환 시 기업에 고용장려금 300만 원",
                "매주 서류심사와 매칭 진행",
            ],
            [
                "{months}개월 인턴 (근로계약일부터)",
                "전일제 주 {weekly_hours}시간 또는 유연근무 주 "
                "{flexible_hours_min}~{flexible_hours_max}시간",
                "서울시 생활임금 지급 ({wage_year}년 시급 {hourly_wage}원, 전일제 월 "
                "{monthly_wage}원)",
                "정규직 전환 시 기업에 고용장려금 {seoul-incentive.amount_krw}원",
                "매주 서류심사와 매칭 진행",
            ],
        ),
        "figures": {
            "months": 3,
            "weekly_hours": 40,
            "flexible_hours_min": 30,
            "flexible_hours_max": 35,
        },
    },
    "seoul-project-it": {
        "summary": (
            "디지털마케팅(7월)·백엔드개발(8월) 직무교육 수료자만 지원하는 인턴십",
            "디지털마케팅(7월)·백엔드개발(8월) 직무교육 수료자만 지원하는 인턴십",
        ),
        "key_facts": (
            ["연계 교육과정 수료자만 지원 가능", "교육 후 기업 프로젝트 인턴"],
            ["연계 교육과정 수료자만 지원 가능", "교육 후 기업 프로젝트 인턴"],
        ),
        "figures": {},
    },
    "seoul-project-social": {
        "summary": (
            "1주 사전교육(유연근무 협업도구, 소셜임팩트 기업 이해) 후 100% 유연근무 인턴십",
            "1주 사전교육(유연근무 협업도구, 소셜임팩트 기업 이해) 후 100% 유연근무 인턴십",
        ),
        "key_facts": (
            ["1주 사전교육 이수 필수", "원격·단축근무 등 100% 유연근무"],
            ["1주 사전교육 이수 필수", "원격·단축근무 등 100% 유연근무"],
        ),
        "figures": {},
    },
    "seoul-wage-support": {
        "summary": (
            "인턴 3개월 동안 서울시 생활임금을 기업에 지원",
            "인턴 {months}개월 동안 서울시 생활임금을 기업에 지원",
        ),
        "key_facts": (
            ["지급시간 = (주 근무시간 × 1.2) × 365 ÷ 7 ÷ 12 (올림)", "주 40시간 → 월 209시간"],
            [
                "지급시간 = (주 근무시간 × 1.2) × 365 ÷ 7 ÷ 12 (올림)",
                "주 {weekly_hours}시간 → 월 {paid_hours}시간",
                "{wage_year}년 생활임금 시급 {hourly_wage}원 → 월 {monthly_wage}원",
            ],
        ),
        "figures": {"months": 3, "weekly_hours": 40},
    },
    "seoul-incentive": {
        "summary": (
            "인턴 종료 후 정규직으로 채용한 기업에 300만 원 지원",
            "인턴 종료 후 정규직으로 채용한 기업에 {amount_krw}원 지원",
        ),
        "key_facts": (
            ["3,000,000원", "채용 증빙 제출 후 서울시 승인"],
            ["{amount_krw}원", "채용 증빙 제출 후 서울시 승인"],
        ),
        "figures": {"amount_krw": 3000000},
    },
    "seoul-allowance": {
        "summary": (
            "월 30만 원씩 최대 3개월, 매월 구직활동 보고가 승인되면 지급",
            "월 {amount_krw}원씩 최대 {months}개월, 매월 구직활동 보고가 승인되면 지급",
        ),
        "key_facts": (
            ["월 300,000원 × 최대 3개월", "월별 구직활동 보고 승인 후 지급"],
            ["월 {amount_krw}원 × 최대 {months}개월", "월별 구직활동 보고 승인 후 지급"],
        ),
        "figures": {"amount_krw": 300000, "months": 3},
    },
    "seoul-digital-entry": {
        "summary": (
            "IT 분야 진입을 희망하는 서울시 미취업 여성을 위한 자바·자바스크립트·파이썬 과정 (6개)",
            "IT 분야 진입을 희망하는 서울시 미취업 여성을 위한 자바·자바스크립트·파이썬 과정 "
            "({courses}개)",
        ),
        "key_facts": (
            [
                "5개 기관 8개 과정 135명 (과정별 15~20명)",
                "204~450시간 (2~4개월)",
                "교육비 전액 무료",
                "수료 후 1년간 취업 사후관리",
            ],
            [
                "{all_institutions}개 기관 {all_courses}개 과정 {all_seats}명 "
                "(과정별 {seats_min}~{seats_max}명)",
                "{hours_min}~{hours_max}시간 ({months_min}~{months_max}개월)",
                "교육비 전액 무료",
                "수료 후 1년간 취업 사후관리",
            ],
        ),
        "figures": {
            "courses": 6,
            "all_institutions": 5,
            "all_courses": 8,
            "all_seats": 135,
            "seats_min": 15,
            "seats_max": 20,
            "hours_min": 204,
            "hours_max": 450,
            "months_min": 2,
            "months_max": 4,
        },
    },
    "seoul-digital-advanced": {
        "summary": (
            "해당 분야 경력이 있는 서울시 미취업 여성을 위한 AI 활용 클라우드 풀스택, iOS 앱 과정 "
            "(2개)",
            "해당 분야 경력이 있는 서울시 미취업 여성을 위한 AI 활용 클라우드 풀스택, iOS 앱 과정 "
            "({courses}개)",
        ),
        "key_facts": (
            ["해당 분야 경력 필요", "교육비 전액 무료"],
            ["해당 분야 경력 필요", "교육비 전액 무료"],
        ),
        "figures": {"courses": 2},
    },
    "gm-0123-jobs": {
        "summary": ("약 60개 공공사업, 반기별 150명", "약 {projects}개 공공사업, 반기별 {seats}명"),
        "key_facts": (
            ["연속 2단계(10개월)까지", "3년 중 최대 2년 참여"],
            [
                "연속 {max_stages}단계({max_stage_months}개월)까지",
                "{window_years}년 중 최대 {max_years}년 참여",
            ],
        ),
        "figures": {
            "projects": 60,
            "seats": 150,
            "max_stages": 2,
            "max_stage_months": 10,
            "window_years": 3,
            "max_years": 2,
        },
    },
    "gm-1969-jobs": {
        "summary": (
            "만 19~69세 시민 170명, 6개 사업",
            "만 {age_min}~{age_max}세 시민 {seats}명, {projects}개 사업",
        ),
        "key_facts": (
            ["만 19~69세", "6개 사업 170명"],
            ["만 {age_min}~{age_max}세", "{projects}개 사업 {seats}명"],
        ),
        "figures": {"seats": 170, "projects": 6, "age_min": 19, "age_max": 69},
    },
    "gm-youth-intern": {
        "summary": (
            "만 19~34세 미취업 청년 약 20명, 2월~12월 복지관·창업센터·사회적경제기업 근무",
            "만 {age_min}~{age_max}세 미취업 청년 약 {seats}명, 2월~12월 "
            "복지관·창업센터·사회적경제기업 근무",
        ),
        "key_facts": (
            ["만 19~34세 미취업 광명시민", "약 20명", "2월~12월"],
            ["만 {age_min}~{age_max}세 미취업 광명시민", "약 {seats}명", "2월~12월"],
        ),
        "figures": {"seats": 20, "age_min": 19, "age_max": 34},
    },
    "gm-5060": {
        "summary": (
            "유튜브 크리에이터, 생태보존 활동가, 재해안전관리강사, 갈등협상관리조정자 과정",
            "유튜브 크리에이터, 생태보존 활동가, 재해안전관리강사, 갈등협상관리조정자 과정",
        ),
        "key_facts": (["4개 과정", "수료 후 사후 지원"], ["{courses}개 과정", "수료 후 사후 지원"]),
        "figures": {"courses": 4},
    },
    "gm-women-vocational": {
        "summary": (
            "6개 과정, 127명 수료 중 100명 취업",
            "{courses}개 과정, {completed}명 수료 중 {employed}명 취업",
        ),
        "key_facts": (
            ["6개 과정", "수료 → 취업 성과를 과정별로 측정"],
            ["{courses}개 과정", "수료 → 취업 성과를 과정별로 측정"],
        ),
        "figures": {"courses": 6, "completed": 127, "employed": 100},
    },
}

COMPANY_RULES = {
    "seoul-internship": [
        {"kind": "company_location", "params": {"city": "seoul"}},
        {"kind": "company_min_employees", "params": {"min": 5}},
        {"kind": "company_sme", "params": {}},
    ],
    "seoul-project-it": [
        {"kind": "company_location", "params": {"city": "seoul"}},
        {"kind": "company_min_employees", "params": {"min": 5}},
        {"kind": "company_sme", "params": {}},
    ],
    "seoul-project-social": [
        {"kind": "company_location", "params": {"city": "seoul"}},
        {"kind": "company_min_employees", "params": {"min": 5}},
        {"kind": "company_sme", "params": {}},
    ],
}


def forward(apps, schema_editor):
    City = apps.get_model("womenup", "City")
    Program = apps.get_model("womenup", "Program")
    EligibilityRule = apps.get_model("womenup", "EligibilityRule")
    for code, names in CITY_NAMES.items():
        for city in City.objects.filter(code=code):
            for field, (seeded, new) in names.items():
                if getattr(city, field) == seeded:
                    setattr(city, field, new)
            city.save()
    for program in Program.objects.filter(code__in=PROGRAM_TEXTS):
        data = PROGRAM_TEXTS[program.code]
        for field in ("summary", "key_facts"):
            seeded, new = data[field]
            if getattr(program, field) == seeded:
                setattr(program, field, new)
        program.figures = {**data["figures"], **(program.figures or {})}
        program.save()
    for program in Program.objects.filter(code__in=COMPANY_RULES):
        order = program.rules.count()
        for offset, rule in enumerate(COMPANY_RULES[program.code]):
            if not program.rules.filter(kind=rule["kind"]).exists():
                EligibilityRule.objects.create(
                    program=program, kind=rule["kind"], params=rule["params"], order=order + offset
                )


class Migration(migrations.Migration):
    dependencies = [
        ("womenup", "0015_verbose_names_in_korean"),
    ]

    operations = [
        migrations.AddField(
            model_name="city",
            name="name_en",
            field=models.CharField(blank=True, max_length=80, verbose_name="영문 이름"),
        ),
        migrations.AddField(
            model_name="city",
            name="short_name",
            field=models.CharField(
                blank=True,
                help_text="요건 문장에 쓰는 이름",
                max_length=50,
                verbose_name="짧은 이름",
            ),
        ),
        migrations.AddField(
            model_name="city",
            name="short_name_en",
            field=models.CharField(blank=True, max_length=50, verbose_name="영문 짧은 이름"),
        ),
        migrations.AddField(
            model_name="program",
            name="figures",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text='사업의 금액·인원·시간(정수), 예: {"amount_krw": 300000, "months": 3, "seats": 150}',
                verbose_name="수치",
            ),
        ),
        migrations.AlterField(
            model_name="city",
            name="name",
            field=models.CharField(
                help_text="주소에 쓰는 이름", max_length=50, verbose_name="이름"
            ),
        ),
        migrations.AlterField(
            model_name="eligibilityrule",
            name="kind",
            field=models.CharField(
                choices=[
                    ("residency", "residency"),
                    ("gender", "gender"),
                    ("employment_status", "employment_status"),
                    ("age_range", "age_range"),
                    ("qualification_any_of", "qualification_any_of"),
                    ("course_completion", "course_completion"),
                    ("pre_training", "pre_training"),
                    ("documents", "documents"),
                    ("not_employed_recently", "not_employed_recently"),
                    ("participation_limit", "participation_limit"),
                    ("company_location", "company_location"),
                    ("company_min_employees", "company_min_employees"),
                    ("company_sme", "company_sme"),
                ],
                max_length=40,
                verbose_name="규칙 종류",
            ),
        ),
        migrations.AlterField(
            model_name="program",
            name="key_facts",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="한 줄씩 보여 줄 핵심 정보 목록. 금액·인원·시간은 {seats}처럼 수치 이름으로 쓰면 오늘 기준 값으로 채워집니다.",
                verbose_name="핵심 정보",
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="account_type",
            field=models.CharField(
                choices=[
                    ("applicant", "참여자"),
                    ("company", "참여기업"),
                    ("institution", "운영기관"),
                    ("city_staff", "시 담당자"),
                ],
                default="applicant",
                max_length=20,
                verbose_name="계정 종류",
            ),
        ),
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
