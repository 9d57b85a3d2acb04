"""Tests for deferred acceptance with reserved seats (``stable_match_with_reserves``).

Hand-worked instances pin the rule down (reserved seats go to priority applicants first, and
are released when too few of them want the role); property tests check the engine against
definitions computed the slow way: stability under the reserve choice by looking at every pair,
applicant-optimality by enumerating every stable matching of tiny instances, and the whole
result against a round-based deferred acceptance that applies the choice from scratch.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.engine import (
    blocking_pairs_with_reserves,
    reserve_choice,
    stable_match,
    stable_match_with_reserves,
)

PROPERTY_SETTINGS = settings(max_examples=300, deadline=None, database=None)

# (applicant_prefs, role_prefs, capacities, reserves, priority)
Instance = tuple[dict, dict, dict, dict, frozenset]


def _choice(instance: Instance, role, offered):
    _, role_prefs, capacities, reserves, priority = instance
    return reserve_choice(
        offered, role_prefs.get(role, ()), capacities.get(role, 0), reserves.get(role, 0), priority
    )


def brute_blocking(instance: Instance, matching: Mapping) -> set:
    applicant_prefs, role_prefs, capacities, _reserves, _priority = instance
    found = set()
    held: dict = {}
    for applicant, role in matching.items():
        held.setdefault(role, set()).add(applicant)
    for role, holders in held.items():
        if _choice(instance, role, holders) != holders:
            found.add(("irrational", role))
    for applicant, wanted in applicant_prefs.items():
        current = matching.get(applicant)
        better = wanted if current is None else wanted[: wanted.index(current)]
        for role in set(better) & set(role_prefs) & set(capacities):
            if applicant in _choice(instance, role, held.get(role, set()) | {applicant}):
                found.add((applicant, role))
    return found


def all_matchings(instance: Instance):
    applicant_prefs, role_prefs, capacities, _, _ = instance
    applicants = list(applicant_prefs)
    options = [
        [None]
        + [
            r
            for r in dict.fromkeys(applicant_prefs[a])
            if r in capacities and a in role_prefs.get(r, ())
        ]
        for a in applicants
    ]
    for choice in itertools.product(*options):
        matching = {a: r for a, r in zip(applicants, choice, strict=True) if r is not None}
        if all(n <= capacities[r] for r, n in Counter(matching.values()).items()):
            yield matching


def round_based(instance: Instance) -> dict:
    """Deferred acceptance in rounds, each role choosing from scratch among held and new."""
    applicant_prefs, role_prefs, capacities, _, _ = instance
    next_index = dict.fromkeys(applicant_prefs, 0)
    kept: dict = {role: set() for role in capacities if role in role_prefs}
    while True:
        held = {a for keepers in kept.values() for a in keepers}
        proposers = [
            a for a, w in applicant_prefs.items() if a not in held and next_index[a] < len(w)
        ]
        if not proposers:
            return {a: role for role, keepers in kept.items() for a in keepers}
        proposals: dict = {}
        for applicant in proposers:
            role = applicant_prefs[applicant][next_index[applicant]]
            next_index[applicant] += 1
            if role in kept:
                proposals.setdefault(role, set()).add(applicant)
        for role, newcomers in proposals.items():
            kept[role] = _choice(instance, role, kept[role] | newcomers)


def prefers(wanted, role, current) -> bool:
    return current is None or wanted.index(role) < wanted.index(current)


@st.composite
def instances(draw, max_applicants=5, max_roles=3) -> Instance:
    rng = random.Random(draw(st.integers(0, 2**32)))
    applicants = [f"a{i}" for i in range(draw(st.integers(0, max_applicants)))]
    roles = [f"r{i}" for i in range(draw(st.integers(0, max_roles)))]
    keep = rng.choice([0.6, 0.9, 1.0])

    def ranked(pool):
        return [x for x in rng.sample(pool, len(pool)) if rng.random() < keep]

    applicant_prefs = {a: ranked(roles) for a in applicants}
    role_prefs = {r: ranked(applicants) for r in roles}
    capacities = {r: rng.choice([0, 1, 1, 2, 2, 3]) for r in roles}
    reserves = {r: rng.choice([0, 1, 1, 2, 4]) for r in roles}
    priority = frozenset(a for a in applicants if rng.random() < 0.4)
    return applicant_prefs, role_prefs, capacities, reserves, priority


# --- Hand-worked -------------------------------------------------------------------------------

#: One role, 2 seats, 1 reserved. The role ranks the non-priority ann and bea above the priority
#: cat; without the reserve it takes ann and bea, with it ann and cat.
RESERVE_ONE = (
    {"ann": ["x"], "bea": ["x"], "cat": ["x"]},
    {"x": ["ann", "bea", "cat"]},
    {"x": 2},
    {"x": 1},
    frozenset({"cat"}),
)


def test_a_reserved_seat_goes_to_the_priority_applicant_first():
    assert stable_match(*RESERVE_ONE[:3]) == {"ann": "x", "bea": "x"}
    assert stable_match_with_reserves(*RESERVE_ONE) == {"ann": "x", "cat": "x"}


def test_an_unclaimed_reserved_seat_is_released_to_everyone():
    applicants, roles, capacities, reserves, _priority = RESERVE_ONE
    matched = stable_match_with_reserves(applicants, roles, capacities, reserves, frozenset())
    assert matched == {"ann": "x", "bea": "x"}


def test_priority_applicants_compete_for_open_seats_too():
    # 3 seats, 1 reserved, cat and dee priority: cat takes the reserved seat, dee (ranked
    # above bea) an open one with ann.
    instance = (
        {"ann": ["x"], "bea": ["x"], "cat": ["x"], "dee": ["x"]},
        {"x": ["ann", "cat", "dee", "bea"]},
        {"x": 3},
        {"x": 1},
        frozenset({"cat", "dee"}),
    )
    assert stable_match_with_reserves(*instance) == {"ann": "x", "cat": "x", "dee": "x"}


def test_thirty_of_a_hundred_reserved_are_all_taken_by_priority_applicants_when_enough_apply():
    regular = [f"n{i:03}" for i in range(150)]
    favoured = [f"p{i:03}" for i in range(40)]
    ranked = regular + favoured  # the role likes every non-priority applicant better
    instance = (
        {a: ["x"] for a in ranked},
        {"x": ranked},
        {"x": 100},
        {"x": 30},
        frozenset(favoured),
    )
    matched = stable_match_with_reserves(*instance)
    assert len(matched) == 100
    assert sorted(a for a in matched if a in favoured) == favoured[:30]
    assert sorted(a for a in matched if a in regular) == regular[:70]
    assert blocking_pairs_with_reserves(*instance, matched) == []


def test_reserved_places_are_released_when_too_few_priority_applicants_apply():
    regular = [f"n{i:03}" for i in range(150)]
    favoured = [f"p{i:03}" for i in range(12)]
    ranked = regular + favoured
    instance = (
        {a: ["x"] for a in ranked},
        {"x": ranked},
        {"x": 100},
        {"x": 30},
        frozenset(favoured),
    )
    matched = stable_match_with_reserves(*instance)
    assert sorted(a for a in matched if a in favoured) == favoured
    assert sorted(a for a in matched if a in regular) == regular[:88]


def test_a_bumped_priority_applicant_moves_on_to_her_next_choice():
    # x: 1 seat, reserved. cat (priority) holds it; dee (priority, better for x) bumps her;
    # cat goes to y.
    instance = (
        {"cat": ["x", "y"], "dee": ["x"]},
        {"x": ["dee", "cat"], "y": ["cat"]},
        {"x": 1, "y": 1},
        {"x": 1},
        frozenset({"cat", "dee"}),
    )
    assert stable_match_with_reserves(*instance) == {"cat": "y", "dee": "x"}


def test_negative_reserve_or_capacity_is_rejected():
    with pytest.raises(ValueError, match="reserve"):
        stable_match_with_reserves({"a": ["x"]}, {"x": ["a"]}, {"x": 1}, {"x": -1}, frozenset())
    with pytest.raises(ValueError, match="capacity"):
        stable_match_with_reserves({"a": ["x"]}, {"x": ["a"]}, {"x": -1}, {}, frozenset())


def test_blocking_pairs_with_reserves_names_the_priority_applicant_left_out():
    unreserved = {"ann": "x", "bea": "x"}
    assert blocking_pairs_with_reserves(*RESERVE_ONE, unreserved) == [("cat", "x")]


# --- Properties --------------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(instances(max_applicants=8, max_roles=4))
def test_without_reserves_it_is_the_plain_engine(instance):
    applicant_prefs, role_prefs, capacities, _reserves, priority = instance
    assert stable_match_with_reserves(
        applicant_prefs, role_prefs, capacities, {}, priority
    ) == stable_match(applicant_prefs, role_prefs, capacities)


@PROPERTY_SETTINGS
@given(instances(max_applicants=8, max_roles=4))
def test_result_respects_capacities_and_lists(instance):
    applicant_prefs, role_prefs, capacities, _, _ = instance
    matched = stable_match_with_reserves(*instance)
    assert all(n <= capacities[r] for r, n in Counter(matched.values()).items())
    assert all(r in applicant_prefs[a] and a in role_prefs[r] for a, r in matched.items())


@PROPERTY_SETTINGS
@given(instances(max_applicants=8, max_roles=4))
def test_result_is_stable_under_the_reserve_choice(instance):
    matched = stable_match_with_reserves(*instance)
    assert brute_blocking(instance, matched) == set()
    assert blocking_pairs_with_reserves(*instance, matched) == []


@PROPERTY_SETTINGS
@given(instances(max_applicants=8, max_roles=4))
def test_result_equals_round_based_deferred_acceptance_with_the_choice(instance):
    assert stable_match_with_reserves(*instance) == round_based(instance)


@PROPERTY_SETTINGS
@given(instances(max_applicants=5, max_roles=3))
def test_result_is_applicant_optimal_among_stable_matchings(instance):
    applicant_prefs = instance[0]
    matched = stable_match_with_reserves(*instance)
    stable = [m for m in all_matchings(instance) if not brute_blocking(instance, m)]
    assert matched in stable
    for other in stable:
        for applicant, wanted in applicant_prefs.items():
            theirs = other.get(applicant)
            if theirs is not None:
                assert not prefers(wanted, theirs, matched.get(applicant))


@PROPERTY_SETTINGS
@given(instances(max_applicants=8, max_roles=4))
def test_blocking_pairs_with_reserves_agrees_with_brute_force_on_any_matching(instance):
    rng = random.Random(repr(instance))
    for matching in itertools.islice(all_matchings(instance), 0, 40):
        if rng.random() < 0.5:
            continue
        fast = set(blocking_pairs_with_reserves(*instance, matching))
        slow = brute_blocking(instance, matching)
        irrational_roles = {role for kind, role in slow if kind == "irrational"}
        assert {pair for pair in fast if matching.get(pair[0]) != pair[1]} == {
            pair for pair in slow if pair[0] != "irrational"
        }
        assert {role for a, role in fast if matching.get(a) == role} == irrational_roles


@PROPERTY_SETTINGS
@given(instances(max_applicants=8, max_roles=4))
def test_result_does_not_depend_on_insertion_order(instance):
    applicant_prefs, role_prefs, capacities, reserves, priority = instance
    flipped = (
        dict(reversed(applicant_prefs.items())),
        dict(reversed(role_prefs.items())),
        dict(reversed(capacities.items())),
        dict(reversed(reserves.items())),
        priority,
    )
    assert stable_match_with_reserves(*flipped) == stable_match_with_reserves(*instance)
