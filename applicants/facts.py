"""What other apps know about an applicant: eligibility facts and trainings for candidate cards.

The applicant's own records (profile, qualifications, documents) give most facts; an app that
knows more (courses: completed courses and pre-trainings) adds a source in its
``AppConfig.ready()`` with :func:`register_fact_source`, so this app imports none of them.
Likewise :func:`register_training_source` adds trainings completed elsewhere in the portal to
the candidate cards companies see (``selectors.candidate_cards``).

A source takes the profile ids (a list, or a queryset of ids kept as a subquery) and returns
``{profile_id: {fact name: value}}`` in a fixed number of queries whatever the count. A profile
the source returns nothing for gets ``absent`` (for example "known: no completed course").
Set-valued facts such as ``qualifications`` are united with what is already known; other facts
are replaced.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

FactSource = Callable[[Iterable[int]], dict[int, dict]]
SET_FACTS = frozenset(
    {"qualifications", "completed_courses", "completed_pre_trainings", "documents"}
)


@dataclass(frozen=True)
class _Registered:
    source: FactSource
    absent: dict = field(default_factory=dict)


_SOURCES: list[_Registered] = []


def register_fact_source(source: FactSource, *, absent: dict | None = None) -> None:
    entry = _Registered(source, dict(absent or {}))
    if entry not in _SOURCES:
        _SOURCES.append(entry)


def contributed_facts(profile_ids, known: dict[int, dict]) -> None:
    """Add every registered source's facts to ``known`` (``{profile_id: Facts keyword args}``)."""
    for entry in _SOURCES:
        found = entry.source(profile_ids)
        for pk, facts in known.items():
            for name, value in found.get(pk, entry.absent).items():
                if name in SET_FACTS and facts.get(name) is not None:
                    facts[name] = set(facts[name]) | set(value)
                else:
                    facts[name] = value


TrainingSource = Callable[[Iterable[int]], dict[int, list]]
_TRAINING_SOURCES: list[TrainingSource] = []


def register_training_source(source: TrainingSource) -> None:
    """Add ``source(profile_ids) -> {profile_id: [TrainingLine, ...]}`` (one query)."""
    if source not in _TRAINING_SOURCES:
        _TRAINING_SOURCES.append(source)


def contributed_trainings(profile_ids) -> dict[int, list]:
    found: dict[int, list] = {}
    for source in _TRAINING_SOURCES:
        for pk, lines in source(profile_ids).items():
            found.setdefault(pk, []).extend(lines)
    return found
