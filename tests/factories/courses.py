"""Institutions and courses."""

from datetime import timedelta

import factory
from django.utils import timezone

from courses.models import Course, Institution
from tests.factories import kernel


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution

    name = factory.Sequence(lambda n: f"여성인력개발센터{n}")
    city = factory.LazyFunction(kernel.seoul)


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    institution = factory.SubFactory(InstitutionFactory)
    program = factory.LazyFunction(lambda: kernel.program("seoul-digital-entry"))
    code = factory.Sequence(lambda n: f"course-{n}")
    title = factory.Sequence(lambda n: f"파이썬 개발자 입문 {n}기")
    track = Course.Track.DEVELOPER_ENTRY
    hours = 450
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=150))
    seats = 20
