"""The public self-check (``/self-check/``): may a visitor apply to each open programme?

She answers what her profile would say (``applicants.self_check.SelfCheckAnswers``); her answers
become facts through the same function her profile's rows go through in the batch
(``applicants.facts.record_facts``, with ``courses.selectors.completion_facts`` for the courses
she completed), and every open programme's rules judge them with the same judge the weekly
screening uses (``womenup.programs.eligibility.Judge``). So what she is told before sign-up is
what screening would decide for the same facts on the same day.

The questions follow the open programmes' rules: the completed courses and pre-trainings asked
about are those the rules name, the documents those the rules require; a past participation names
its programme (any programme people take part in, open or not), as the imported history does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from applicants.facts import record_facts
from applicants.self_check import SelfCheckAnswers
from courses.models import Course
from courses.selectors import completion_facts
from womenup.models import Program
from womenup.programs.eligibility import Facts, Outcome, Rule, RuleKind, Verdict, judges_for
from womenup.programs.eligibility.reasons import label
from womenup.programs.selectors import programs_open_on, rules_by_program

FOR_COMPANIES = (Program.Kind.WAGE_SUPPORT, Program.Kind.INCENTIVE)
"""Programmes companies apply to: never in a person's self-check."""


@dataclass(frozen=True)
class CourseChoice:
    code: str
    title: str
    track: str


@dataclass(frozen=True)
class SelfCheckQuestions:
    """What the self-check asks on ``on``: the open programmes with their rules, the courses and
    pre-trainings their rules name, and the document kinds their rules require."""

    on: date
    programs: list[Program]
    rules: dict[int, list[Rule]]
    courses: list[CourseChoice]
    document_kinds: list[str]
    past_programs: list[Program]

    def document_choices(self) -> list[tuple[str, str]]:
        return [(kind, label("document", kind)) for kind in self.document_kinds]

    def course_choices(self) -> list[tuple[str, str]]:
        return [(course.code, course.title) for course in self.courses]

    def past_program_choices(self) -> list[tuple[str, str]]:
        return [
            (program.code, f"{program.city.display_name} · {program.name}")
            for program in self.past_programs
        ]

    def course_tracks(self) -> dict[str, str]:
        return {course.code: course.track for course in self.courses}


@dataclass(frozen=True)
class ProgrammeCheck:
    """One open programme and the verdict of its rules on her answers."""

    program: Program
    verdict: Verdict

    @property
    def can_apply(self) -> bool:
        return self.verdict.outcome is Outcome.PASS


def self_check_questions(*, on: date) -> SelfCheckQuestions:
    """The questions of the day, in four queries whatever the number of programmes."""
    programs = list(programs_open_on(on).exclude(kind__in=FOR_COMPANIES))
    rules = rules_by_program([program.pk for program in programs])
    every_rule = [rule for program_rules in rules.values() for rule in program_rules]
    past_programs = list(
        Program.objects.exclude(kind__in=FOR_COMPANIES)
        .select_related("city")
        .order_by("city__code", "order", "pk")
    )
    return SelfCheckQuestions(
        on, programs, rules, _named_courses(every_rule), _required_documents(every_rule),
        past_programs,
    )  # fmt: skip


def _named_courses(rules: list[Rule]) -> list[CourseChoice]:
    """The courses and pre-trainings the rules name, titled as the course rows are (one query);
    a code no course row has keeps the rule's label."""
    named: dict[str, CourseChoice] = {}
    for rule in rules:
        settings = rule.settings
        if rule.kind is RuleKind.COURSE_COMPLETION:
            for code in settings.courses:
                title = settings.label or code
                named.setdefault(code, CourseChoice(code, title, Course.Track.VOCATIONAL))
        elif rule.kind is RuleKind.PRE_TRAINING:
            title = settings.label or settings.code
            named[settings.code] = CourseChoice(settings.code, title, Course.Track.PRE_TRAINING)
    rows = Course.objects.filter(code__in=named).values_list("code", "title", "track")
    for code, title, track in rows:
        named[code] = CourseChoice(code, title, track)
    return sorted(named.values(), key=lambda course: (course.title, course.code))


def _required_documents(rules: list[Rule]) -> list[str]:
    kinds: list[str] = []
    for rule in rules:
        if rule.kind is RuleKind.DOCUMENTS:
            kinds.extend(kind for kind in rule.settings.kinds if kind not in kinds)
    return kinds


def self_check_facts(answers: SelfCheckAnswers, *, course_tracks: Mapping[str, str]) -> Facts:
    """Her answers as facts, built as the batch builds a profile's (``record_facts``)."""
    completed = [
        (code, course_tracks.get(code, Course.Track.VOCATIONAL))
        for code in answers.completed_courses
    ]
    return record_facts(answers.record(), [completion_facts(completed)])


def self_check(answers: SelfCheckAnswers, questions: SelfCheckQuestions) -> list[ProgrammeCheck]:
    """Every open programme's verdict on her answers, judged as screening judges."""
    facts = self_check_facts(answers, course_tracks=questions.course_tracks())
    judges = judges_for(questions.rules, on=questions.on)
    return [
        ProgrammeCheck(program, judges[program.pk].verdict(facts)) for program in questions.programs
    ]
