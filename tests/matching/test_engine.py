"""Tests for the stable matching engine.

Small hand-worked instances pin down the exact behaviour; property tests on
random instances check the result against definitions computed the slow way:
stability by looking at every pair, applicant-optimality by enumerating every
stable matching of tiny instances, and the full result against a plain
round-based deferred acceptance on larger ones.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Mapping, Sequence

import pytest
from hypothesis import example, find, given, settings
from hypothesis import strategies as st

from matching.engine import blocking_pairs, stable_match

ApplicantPrefs = dict[str, list[str]]
RolePrefs = dict[str, list[str]]
Capacities = dict[str, int]
Instance = tuple[ApplicantPrefs, RolePrefs, Capacities]

PROPERTY_SETTINGS = settings(max_examples=300, deadline=None, database=None)


# ---------------------------------------------------------------------------
# Slow, obviously correct references
# ---------------------------------------------------------------------------


def open_roles(role_prefs: RolePrefs, capacities: Capacities) -> set[str]:
    """Roles that exist on both sides of the instance."""
    return set(role_prefs) & set(capacities)


def mutually_acceptable(instance: Instance, applicant: str, role: str) -> bool:
    """Whether applicant and role list each other (and the role exists)."""
    applicant_prefs, role_prefs, capacities = instance
    return (
        role in open_roles(role_prefs, capacities)
        and role in applicant_prefs[applicant]
        and applicant in role_prefs[role]
    )


def prefers_role(wanted: Sequence[str], role: str, current: str | None) -> bool:
    """Whether an applicant with list ``wanted`` prefers ``role`` to ``current``."""
    return current is None or wanted.index(role) < wanted.index(current)


def role_wants(instance: Instance, role: str, applicant: str, matching: Mapping) -> bool:
    """Whether ``role`` has a free seat or holds someone ranked below ``applicant``."""
    _, role_prefs, capacities = instance
    ranked = role_prefs[role]
    holders = [other for other, held_by in matching.items() if held_by == role]
    if len(holders) < capacities[role]:
        return True
    return any(ranked.index(holder) > ranked.index(applicant) for holder in holders)


def brute_blocking_pairs(instance: Instance, matching: Mapping) -> set[tuple[str, str]]:
    """Every blocking pair, found by checking every applicant against every role."""
    applicant_prefs, role_prefs, capacities = instance
    return {
        (applicant, role)
        for applicant in applicant_prefs
        for role in open_roles(role_prefs, capacities)
        if mutually_acceptable(instance, applicant, role)
        and prefers_role(applicant_prefs[applicant], role, matching.get(applicant))
        and role_wants(instance, role, applicant, matching)
    }


def acceptable_matchings(instance: Instance) -> list[dict[str, str]]:
    """Every matching of mutually acceptable pairs that respects capacities."""
    applicant_prefs, _, capacities = instance
    applicants = list(applicant_prefs)
    options = [
        [None] + [r for r in applicant_prefs[a] if mutually_acceptable(instance, a, r)]
        for a in applicants
    ]
    matchings = []
    for choice in itertools.product(*options):
        matching = {a: r for a, r in zip(applicants, choice, strict=True) if r is not None}
        seats_taken = Counter(matching.values())
        if all(taken <= capacities[role] for role, taken in seats_taken.items()):
            matchings.append(matching)
    return matchings


def all_stable_matchings(instance: Instance) -> list[dict[str, str]]:
    """Every stable matching, by enumeration (tiny instances only)."""
    return [m for m in acceptable_matchings(instance) if not brute_blocking_pairs(instance, m)]


def weakly_better_for_every_applicant(instance: Instance, mine: Mapping, other: Mapping) -> bool:
    """Whether every applicant likes her match in ``mine`` at least as much as in ``other``."""
    applicant_prefs = instance[0]
    for applicant, wanted in applicant_prefs.items():
        in_other = other.get(applicant)
        if in_other is not None and prefers_role(wanted, in_other, mine.get(applicant)):
            return False
    return True


def round_based_deferred_acceptance(instance: Instance) -> dict[str, str]:
    """Textbook deferred acceptance in rounds: every free applicant with roles
    left proposes to her next one, then every role keeps its best applicants
    among those it held and those who just proposed, up to its capacity."""
    applicant_prefs, role_prefs, capacities = instance
    roles = open_roles(role_prefs, capacities)
    next_index = dict.fromkeys(applicant_prefs, 0)
    kept: dict[str, list[str]] = {role: [] for role in roles}
    while True:
        held = {a for keepers in kept.values() for a in keepers}
        proposers = [
            a
            for a, wanted in applicant_prefs.items()
            if a not in held and next_index[a] < len(wanted)
        ]
        if not proposers:
            return {a: role for role, keepers in kept.items() for a in keepers}
        proposals: dict[str, list[str]] = {}
        for applicant in proposers:
            role = applicant_prefs[applicant][next_index[applicant]]
            next_index[applicant] += 1
            if role in roles and applicant in role_prefs[role]:
                proposals.setdefault(role, []).append(applicant)
        for role, newcomers in proposals.items():
            pool = sorted(set(kept[role] + newcomers), key=role_prefs[role].index)
            kept[role] = pool[: capacities[role]]


# ---------------------------------------------------------------------------
# Random instances
# ---------------------------------------------------------------------------


def random_instance(
    rng: random.Random,
    applicants: list[str],
    seats: Mapping[str, int | None],
    keep: float,
    role_without_list: float = 0.0,
) -> Instance:
    """Random preferences for the given applicants and roles.

    ``seats`` gives each role's capacity, ``None`` leaving it out of the
    capacities. Every preference list is a random order of the other side,
    each candidate kept with probability ``keep``; applicants may also list a
    role that does not exist, and each role is left out of the role
    preferences with probability ``role_without_list``.
    """

    def ranked_subset(pool: list[str]) -> list[str]:
        order = rng.sample(pool, len(pool))
        return [party for party in order if rng.random() < keep]

    roles = list(seats)
    applicant_prefs = {a: ranked_subset([*roles, "ghost"]) for a in applicants}
    role_prefs = {r: ranked_subset(applicants) for r in roles if rng.random() >= role_without_list}
    capacities = {r: seats[r] for r in roles if seats[r] is not None}
    return applicant_prefs, role_prefs, capacities


@st.composite
def instances(draw, max_applicants: int = 5, max_roles: int = 3) -> Instance:
    """Random instances, including empty ones, roles missing from either side,
    roles nobody offers, zero capacities and one-sided acceptability.

    Sizes are drawn by Hypothesis, but orders and subsets come from a seeded
    ``random.Random``: Hypothesis favours simple choices, which here would
    mean lists close to the identity order, where everyone agrees and the
    stable matching is almost always unique.
    """
    applicants = [f"a{i}" for i in range(draw(st.integers(0, max_applicants)))]
    roles = [f"r{i}" for i in range(draw(st.integers(0, max_roles)))]
    rng = random.Random(draw(st.integers(0, 2**32)))
    seats = {r: rng.choice([None, 0, 1, 1, 1, 1, 2, 2, 3, 3]) for r in roles}
    keep = rng.choice([0.5, 0.9, 1.0])
    return random_instance(rng, applicants, seats, keep, role_without_list=0.1)


@st.composite
def contested_instances(draw) -> Instance:
    """Tiny, dense instances with about as many applicants as seats.

    Random instances rarely have more than one stable matching; these have
    several about one time in ten, which is what gives the check of
    applicant-optimality its teeth.
    """
    rng = random.Random(draw(st.integers(0, 2**32)))
    seats = {f"r{i}": rng.choice([1, 1, 2]) for i in range(rng.randint(2, 3))}
    applicants = [f"a{i}" for i in range(min(5, sum(seats.values()) - rng.randint(0, 1)))]
    return random_instance(rng, applicants, seats, keep=rng.choice([0.9, 1.0]))


def acceptable_random_matchings(instance: Instance):
    """Random matchings of mutually acceptable pairs, capacities not enforced."""
    applicant_prefs = instance[0]
    return st.fixed_dictionaries(
        {
            a: st.sampled_from([None] + [r for r in wanted if mutually_acceptable(instance, a, r)])
            for a, wanted in applicant_prefs.items()
        }
    ).map(lambda choice: {a: r for a, r in choice.items() if r is not None})


def reversed_insertion_order(instance: Instance) -> Instance:
    """The same instance, every mapping built in the opposite order."""
    applicant_prefs, role_prefs, capacities = instance
    return (
        dict(reversed(applicant_prefs.items())),
        dict(reversed(role_prefs.items())),
        dict(reversed(capacities.items())),
    )


# ---------------------------------------------------------------------------
# Hand-worked examples
# ---------------------------------------------------------------------------

#: Three applicants and three one-seat roles in a preference cycle: every
#: applicant's first choice ranks her last. Applicant-proposing deferred
#: acceptance gives everyone her first choice; role-proposing would give every
#: role its first choice instead, and a third stable matching lies in between.
CYCLE: Instance = (
    {"ann": ["x", "y", "z"], "bea": ["y", "z", "x"], "cat": ["z", "x", "y"]},
    {"x": ["bea", "cat", "ann"], "y": ["cat", "ann", "bea"], "z": ["ann", "bea", "cat"]},
    {"x": 1, "y": 1, "z": 1},
)


def test_preference_cycle_gives_the_applicant_optimal_matching():
    assert stable_match(*CYCLE) == {"ann": "x", "bea": "y", "cat": "z"}


def test_preference_cycle_has_three_stable_matchings_and_ours_is_best_for_applicants():
    stable = all_stable_matchings(CYCLE)
    assert {"ann": "y", "bea": "z", "cat": "x"} in stable
    assert {"ann": "z", "bea": "x", "cat": "y"} in stable
    assert len(stable) == 3
    result = stable_match(*CYCLE)
    assert all(weakly_better_for_every_applicant(CYCLE, result, other) for other in stable)


def test_classic_marriage_instance_with_a_rejection_chain():
    # Worked by hand: bob takes x, then eve displaces bob from x, bob falls to
    # y and displaces dan, dan falls to z.
    instance = (
        {"bob": ["x", "y", "z"], "dan": ["y", "z", "x"], "eve": ["x", "z", "y"]},
        {"x": ["eve", "bob", "dan"], "y": ["bob", "dan", "eve"], "z": ["dan", "eve", "bob"]},
        {"x": 1, "y": 1, "z": 1},
    )
    assert stable_match(*instance) == {"bob": "y", "dan": "z", "eve": "x"}


def test_roles_with_several_seats():
    # Worked by hand: x fills with ann and ben; dee displaces ann (x's worst);
    # ann displaces cal from y; cal displaces ben from x; ben has nowhere left.
    instance = (
        {"ann": ["x", "y"], "ben": ["x"], "cal": ["y", "x"], "dee": ["x", "y"]},
        {"x": ["dee", "cal", "ben", "ann"], "y": ["ann", "cal", "dee"]},
        {"x": 2, "y": 1},
    )
    result = stable_match(*instance)
    assert result == {"ann": "y", "cal": "x", "dee": "x"}
    assert blocking_pairs(*instance, result) == []


def test_all_applicants_fit_when_seats_are_plenty():
    instance = (
        {"ann": ["x"], "ben": ["x"], "cal": ["x", "y"]},
        {"x": ["cal", "ben", "ann"], "y": ["cal"]},
        {"x": 3, "y": 1},
    )
    assert stable_match(*instance) == {"ann": "x", "ben": "x", "cal": "x"}


def test_a_role_never_takes_an_applicant_it_does_not_list():
    instance = (
        {"ann": ["x", "y"], "ben": ["x"]},
        {"x": ["ben"], "y": ["ann"]},
        {"x": 5, "y": 5},
    )
    assert stable_match(*instance) == {"ann": "y", "ben": "x"}


def test_an_applicant_is_never_placed_in_a_role_she_does_not_list():
    instance = ({"ann": ["y"]}, {"x": ["ann"], "y": []}, {"x": 1, "y": 1})
    assert stable_match(*instance) == {}


def test_zero_capacity_role_takes_nobody():
    instance = (
        {"ann": ["x", "y"], "ben": ["x"]},
        {"x": ["ann", "ben"], "y": ["ann"]},
        {"x": 0, "y": 1},
    )
    assert stable_match(*instance) == {"ann": "y"}


def test_role_missing_from_role_prefs_accepts_nobody():
    instance = ({"ann": ["x", "y"]}, {"y": ["ann"]}, {"x": 3, "y": 1})
    assert stable_match(*instance) == {"ann": "y"}


def test_roles_missing_from_capacities_or_unknown_are_skipped():
    instance = (
        {"ann": ["nowhere", "x", "y"], "ben": ["y"]},
        {"x": ["ann"], "y": ["ben", "ann"]},
        {"y": 1},
    )
    assert stable_match(*instance) == {"ben": "y"}


@pytest.mark.parametrize(
    "instance",
    [
        ({}, {}, {}),
        ({"ann": []}, {}, {}),
        ({}, {"x": ["ann"]}, {"x": 1}),
        ({"ann": [], "ben": []}, {"x": []}, {"x": 2}),
        ({"ann": ["x"]}, {"x": []}, {"x": 2}),
    ],
)
def test_instances_where_nobody_can_be_matched(instance):
    assert stable_match(*instance) == {}


def test_negative_capacity_is_rejected():
    with pytest.raises(ValueError, match="negative"):
        stable_match({"ann": ["x"]}, {"x": ["ann"]}, {"x": -1})


def test_huge_capacity_is_cheap_and_correct():
    instance = ({"ann": ["x"], "ben": ["x"]}, {"x": ["ben", "ann"]}, {"x": 10**12})
    assert stable_match(*instance) == {"ann": "x", "ben": "x"}


def test_first_position_counts_when_a_role_lists_someone_twice():
    applicant_prefs = {"ann": ["x"], "ben": ["x"]}
    assert stable_match(applicant_prefs, {"x": ["ben", "ann", "ben"]}, {"x": 1}) == {"ben": "x"}
    assert stable_match(applicant_prefs, {"x": ["ann", "ben", "ann"]}, {"x": 1}) == {"ann": "x"}


def test_first_position_counts_when_an_applicant_lists_a_role_twice():
    instance = ({"ann": ["x", "y", "x"]}, {"x": ["ann"], "y": ["ann"]}, {"x": 1, "y": 1})
    assert stable_match(*instance) == {"ann": "x"}


def test_parties_need_only_be_hashable_not_orderable():
    alice, bella = object(), object()
    first, second = frozenset({1}), frozenset({2})
    instance = (
        {alice: [first, second], bella: [first]},
        {first: [bella, alice], second: [alice]},
        {first: 1, second: 1},
    )
    assert stable_match(*instance) == {alice: second, bella: first}


def test_result_lists_applicants_in_input_order():
    instance = (
        {"cal": ["x"], "ann": ["x"], "ben": ["x"]},
        {"x": ["ann", "ben", "cal"]},
        {"x": 3},
    )
    assert list(stable_match(*instance)) == ["cal", "ann", "ben"]


# ---------------------------------------------------------------------------
# blocking_pairs on hand-worked matchings
# ---------------------------------------------------------------------------


def test_every_stable_matching_of_the_cycle_has_no_blocking_pair():
    for matching in all_stable_matchings(CYCLE):
        assert blocking_pairs(*CYCLE, matching) == []


def test_blocking_pairs_of_an_unstable_matching():
    unstable = {"ann": "y", "bea": "x", "cat": "z"}
    # ann would rather have x, but x prefers bea, whom it holds.
    # bea would rather have y or z: y prefers ann, whom it holds, to her,
    # but z prefers her to cat, whom it holds, so (bea, z) blocks.
    # cat holds her first choice.
    assert blocking_pairs(*CYCLE, unstable) == [("bea", "z")]


def test_everyone_unmatched_is_blocked_by_every_acceptable_pair_with_a_seat():
    instance = (
        {"ann": ["x", "y", "z"], "ben": ["y"]},
        {"x": ["ann"], "y": ["ben"], "z": ["ann"]},
        {"x": 1, "y": 1, "z": 0},
    )
    assert blocking_pairs(*instance, {}) == [("ann", "x"), ("ben", "y")]


def test_a_full_role_is_blocked_only_by_someone_it_ranks_above_its_worst():
    instance = (
        {"ann": ["x"], "ben": ["x"], "cal": ["x"], "dee": ["x"]},
        {"x": ["ann", "ben", "cal", "dee"]},
        {"x": 2},
    )
    assert blocking_pairs(*instance, {"ben": "x", "cal": "x"}) == [("ann", "x")]
    assert blocking_pairs(*instance, {"ann": "x", "ben": "x"}) == []


# ---------------------------------------------------------------------------
# Properties on random instances
# ---------------------------------------------------------------------------


def assert_applicant_optimal_stable(instance: Instance) -> None:
    """The result is stable and every applicant likes it at least as much as
    any other stable matching."""
    result = stable_match(*instance)
    stable = all_stable_matchings(instance)
    assert result in stable
    for other in stable:
        assert weakly_better_for_every_applicant(instance, result, other)


@PROPERTY_SETTINGS
@given(instances())
@example(CYCLE)
def test_result_is_the_applicant_optimal_stable_matching(instance):
    assert_applicant_optimal_stable(instance)


@settings(PROPERTY_SETTINGS, max_examples=500)
@given(contested_instances())
def test_result_is_applicant_optimal_when_several_matchings_are_stable(instance):
    assert_applicant_optimal_stable(instance)


@PROPERTY_SETTINGS
@given(instances(max_applicants=12, max_roles=6))
def test_result_has_no_blocking_pair(instance):
    result = stable_match(*instance)
    assert brute_blocking_pairs(instance, result) == set()
    assert blocking_pairs(*instance, result) == []


@PROPERTY_SETTINGS
@given(instances(max_applicants=12, max_roles=6))
def test_result_respects_capacities_and_acceptability(instance):
    _, _, capacities = instance
    result = stable_match(*instance)
    for role in set(result.values()):
        assert list(result.values()).count(role) <= capacities[role]
    for applicant, role in result.items():
        assert mutually_acceptable(instance, applicant, role)


@PROPERTY_SETTINGS
@given(instances(max_applicants=25, max_roles=8))
def test_result_equals_round_based_deferred_acceptance(instance):
    assert stable_match(*instance) == round_based_deferred_acceptance(instance)


@PROPERTY_SETTINGS
@given(instances(max_applicants=12, max_roles=6))
def test_result_is_deterministic(instance):
    first = stable_match(*instance)
    assert stable_match(*instance) == first
    assert list(stable_match(*instance)) == list(first)
    assert stable_match(*reversed_insertion_order(instance)) == first


@PROPERTY_SETTINGS
@given(st.data())
def test_blocking_pairs_agrees_with_checking_every_pair(data):
    instance = data.draw(instances(max_applicants=8, max_roles=4))
    matching = data.draw(acceptable_random_matchings(instance))
    found = blocking_pairs(*instance, matching)
    assert len(found) == len(set(found))
    assert set(found) == brute_blocking_pairs(instance, matching)


def test_contested_instances_do_have_several_stable_matchings():
    """Guard against the strategy silently losing the cases that make the
    optimality check meaningful."""
    found = find(
        contested_instances(),
        lambda instance: len(all_stable_matchings(instance)) > 1,
        settings=settings(max_examples=500, database=None),
    )
    assert stable_match(*found) in all_stable_matchings(found)
