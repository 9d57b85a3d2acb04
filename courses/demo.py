"""Demo institutions and digital courses."""

from datetime import timedelta

from courses.models import Course, Institution
from womenup.models import City, Program

DEMO_COURSES = [
    ("서울여성인력개발센터", "python-entry", "파이썬 개발자 입문", "developer_entry", 450, 20),
    ("서울여성인력개발센터", "java-entry", "자바 웹 개발자 입문", "developer_entry", 420, 18),
    ("강남여성인력개발센터", "cloud-fullstack", "AI 활용 클라우드 풀스택 웹", "advanced", 320, 15),
]


def load(*, today, **_kwargs) -> list[tuple[str, str]]:
    seoul = City.objects.get(code="seoul")
    for institution_name, code, title, track, hours, seats in DEMO_COURSES:
        institution, _ = Institution.objects.get_or_create(name=institution_name, city=seoul)
        program_code = "seoul-digital-advanced" if track == "advanced" else "seoul-digital-entry"
        Course.objects.get_or_create(
            code=code,
            defaults={
                "institution": institution,
                "program": Program.objects.get(code=program_code),
                "title": title,
                "track": track,
                "hours": hours,
                "starts_on": today + timedelta(days=30),
                "ends_on": today + timedelta(days=120),
                "seats": seats,
            },
        )
    return []
