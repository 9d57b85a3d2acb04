"""A visitor's self-check answers, and keeping them in her session until she has a profile.

The public self-check (``matching/self_check.py``) asks a visitor what her profile would say and
tells her, for every open programme, whether she can apply. When she asks for it, the answers are
kept in her session (never in a table: she has no account yet); after sign-up her profile page
offers to copy them into the profile, and copies only once she confirms
(``services.profile_fill_from_self_check``). Answers are plain codes and ISO dates, so the
session stores them as JSON.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from applicants.facts import FactRecord

SESSION_KEY = "womenup_self_check_answers"


@dataclass(frozen=True)
class SelfCheckAnswers:
    """What a visitor answered; ``""``/``None`` is not answered.

    ``city`` and ``district`` are codes of ``City`` and ``District`` (of that city);
    ``qualifications`` the evaluator's codes (vocational_training, career_in_field, certificate);
    ``documents`` the kinds she has ready; ``completed_courses`` course codes; ``participations``
    her past participations as ``(programme code, first day, last day)`` (``()`` none, ``None``
    not answered).
    """

    city: str = ""
    district: str = ""
    birth_date: date | None = None
    gender: str = ""
    employment_status: str = ""
    last_employment_end: date | None = None
    never_employed: bool = False
    qualifications: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    completed_courses: tuple[str, ...] = ()
    participations: tuple[tuple[str, date, date], ...] | None = None

    def record(self) -> FactRecord:
        """Her answers as the profile would state them (``applicants.facts.record_facts``)."""
        return FactRecord(
            gender=self.gender,
            birth_date=self.birth_date,
            residence_city=self.city or None,
            employment_status=self.employment_status,
            last_employment_end=self.last_employment_end,
            never_employed=self.never_employed,
            has_training="vocational_training" in self.qualifications,
            has_career="career_in_field" in self.qualifications,
            has_certificate="certificate" in self.qualifications,
            documents=self.documents,
            participations=self.participations,
        )

    def as_session(self) -> dict:
        data = asdict(self)
        for name in ("birth_date", "last_employment_end"):
            data[name] = data[name] and data[name].isoformat()
        if self.participations is not None:
            data["participations"] = [
                [code, start.isoformat(), end.isoformat()]
                for code, start, end in self.participations
            ]
        return data

    @classmethod
    def from_session(cls, data) -> SelfCheckAnswers | None:
        """The kept answers; ``None`` when nothing (or nothing readable) is kept."""
        if not isinstance(data, dict):
            return None
        try:
            periods = data.get("participations")
            return cls(
                city=str(data.get("city") or ""),
                district=str(data.get("district") or ""),
                birth_date=_date(data.get("birth_date")),
                gender=str(data.get("gender") or ""),
                employment_status=str(data.get("employment_status") or ""),
                last_employment_end=_date(data.get("last_employment_end")),
                never_employed=bool(data.get("never_employed")),
                qualifications=tuple(data.get("qualifications") or ()),
                documents=tuple(data.get("documents") or ()),
                completed_courses=tuple(data.get("completed_courses") or ()),
                participations=None
                if periods is None
                else tuple((str(code), _date(start), _date(end)) for code, start, end in periods),
            )
        except (TypeError, ValueError):
            return None


def _date(value) -> date | None:
    return date.fromisoformat(value) if value else None


def answers_keep(session, answers: SelfCheckAnswers) -> None:
    session[SESSION_KEY] = answers.as_session()


def answers_kept(session) -> SelfCheckAnswers | None:
    return SelfCheckAnswers.from_session(session.get(SESSION_KEY))


def answers_forget(session) -> None:
    session.pop(SESSION_KEY, None)
