"""The seeded catalogue is the data: these helpers fetch it and open intakes for today."""

from datetime import date, timedelta

from django.utils import timezone

from womenup.models import City, District, IntakeWindow, JobCategory, Program


def seoul() -> City:
    return City.objects.get(code="seoul")


def gwangmyeong() -> City:
    return City.objects.get(code="gwangmyeong")


def district(code: str = "mapo", city: str = "seoul") -> District:
    return District.objects.get(city__code=city, code=code)


def job_category(code: str = "it-dev") -> JobCategory:
    return JobCategory.objects.get(code=code)


def program(code: str = "seoul-internship") -> Program:
    return Program.objects.get(code=code)


def open_intake(program_code: str = "seoul-internship", *, today: date | None = None):
    """An intake of the program that is open today (created when missing)."""
    today = today or timezone.localdate()
    intake, _ = IntakeWindow.objects.get_or_create(
        program=program(program_code),
        label="테스트 회차",
        defaults={"opens_on": today - timedelta(days=30), "closes_on": today + timedelta(days=60)},
    )
    return intake
