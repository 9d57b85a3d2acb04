"""Stable matching of applicants to roles with limited seats.

This module is pure Python and has no framework dependency, so it can be used
from views, background jobs, scripts and tests alike.

The problem is the classic hospitals/residents problem: each applicant ranks
the roles she wants, each role ranks the applicants it finds acceptable and
has a number of seats. :func:`stable_match` runs applicant-proposing deferred
acceptance (Gale-Shapley with capacities) and returns the applicant-optimal
stable matching: no applicant can do better in any stable matching.

:func:`blocking_pairs` checks a matching against the same preferences and
lists every applicant/role pair that would rather be together; a matching is
stable exactly when that list is empty.

:func:`stable_match_with_reserves` is the same deferred acceptance when a
role keeps some of its seats for priority applicants (minority reserves,
Hafalir, Yenmez and Yildirim 2013): a role offered a set of applicants
chooses :func:`reserve_choice` of them — first its best priority applicants
up to the reserve, then its best remaining applicants, priority or not, for
the seats left, so reserved seats no priority applicant takes are released
to everyone. That choice is substitutable and never takes fewer applicants
when offered more, so applicant-proposing deferred acceptance with it gives
the applicant-optimal matching among those stable under it;
:func:`blocking_pairs_with_reserves` checks that stability.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from heapq import heappop, heappush, heapreplace
from typing import Generic, NamedTuple, TypeVar

A = TypeVar("A", bound=Hashable)
R = TypeVar("R", bound=Hashable)

__all__ = [
    "blocking_pairs",
    "blocking_pairs_with_reserves",
    "reserve_choice",
    "stable_match",
    "stable_match_with_reserves",
]

#: Standing of an empty seat, and of an applicant a role does not list: below
#: every listed applicant, whose standings start at 0.
_VACANT = -1


def stable_match(
    applicant_prefs: Mapping[A, Sequence[R]],
    role_prefs: Mapping[R, Sequence[A]],
    capacities: Mapping[R, int],
) -> dict[A, R]:
    """Return the applicant-optimal stable matching as ``{applicant: role}``.

    ``applicant_prefs`` gives each applicant's roles, most preferred first.
    ``role_prefs`` gives each role's acceptable applicants, best first; an
    applicant missing from a role's list is unacceptable to it, and a role
    missing from ``role_prefs`` accepts nobody. ``capacities`` gives the seats
    of each role (zero allowed). Roles an applicant lists that are missing
    from ``capacities`` or ``role_prefs`` are skipped. If a list names the
    same party twice, its first position counts.

    Unmatched applicants are absent from the result. The result depends only
    on the preferences, never on dictionary order or on the order in which
    applicants propose, and the running time is linear in the total length of
    the preference lists (times ``log`` of the largest capacity).

    Raises ``ValueError`` if a capacity is negative.
    """
    roles = _open_roles(role_prefs, capacities)
    _run_deferred_acceptance(applicant_prefs, roles)
    return _assignment(applicant_prefs, roles)


def blocking_pairs(
    applicant_prefs: Mapping[A, Sequence[R]],
    role_prefs: Mapping[R, Sequence[A]],
    capacities: Mapping[R, int],
    matching: Mapping[A, R],
) -> list[tuple[A, R]]:
    """Return every pair ``(applicant, role)`` that blocks ``matching``.

    A pair blocks when the applicant and the role find each other acceptable
    (each is on the other's list), the applicant prefers the role to her
    current match (or is unmatched), and the role either has a free seat or
    prefers the applicant to the worst applicant it currently holds.

    Pairs are listed applicant by applicant in the order of
    ``applicant_prefs``, each applicant's roles in her order of preference.
    """
    standings = {role: _standings(ranked) for role, ranked in role_prefs.items()}
    holders = _holders_by_role(matching)
    found: list[tuple[A, R]] = []
    for applicant, wanted in applicant_prefs.items():
        for role in _roles_preferred_to_match(wanted, matching.get(applicant)):
            role_standings = standings.get(role, {})
            if applicant in role_standings and _role_would_take(
                role_standings, capacities.get(role, 0), holders.get(role, []), applicant
            ):
                found.append((applicant, role))
    return found


class _RoleState(NamedTuple, Generic[A]):
    """What deferred acceptance tracks for one role with at least one seat.

    A *standing* measures how much the role likes an applicant: the last
    applicant on its list has standing 0, the one above 1, and so on, so a
    higher standing is better.
    """

    standings: dict[A, int]
    """Standing of every applicant the role lists."""

    seats: list[int]
    """Min-heap of the standings held, one per seat, ``_VACANT`` if empty.

    The worst applicant held (or an empty seat) is always ``seats[0]``.
    """

    worst_first: Sequence[A]
    """The role's list reversed, so that ``worst_first[standing]`` is the
    applicant with that standing."""


def _open_roles(
    role_prefs: Mapping[R, Sequence[A]], capacities: Mapping[R, int]
) -> dict[R, _RoleState[A]]:
    """Build the state of every role that can take anyone at all.

    A role never holds more applicants than it lists, so its seats are capped
    at the length of its list; this keeps the work linear in the lists even
    for huge capacities.
    """
    roles: dict[R, _RoleState[A]] = {}
    for role, capacity in capacities.items():
        if capacity < 0:
            raise ValueError(f"capacity of role {role!r} is negative: {capacity}")
        ranked = role_prefs.get(role, ())
        usable_seats = min(capacity, len(ranked))
        if usable_seats:
            roles[role] = _RoleState(
                standings=_standings(ranked),
                seats=[_VACANT] * usable_seats,
                worst_first=ranked[::-1],
            )
    return roles


def _standings(ranked: Sequence[A]) -> dict[A, int]:
    """Map each applicant on a role's list (best first) to her standing.

    Reading the list from the worst end means that for an applicant listed
    twice, her better (earlier) position is written last and counts.
    """
    return {applicant: standing for standing, applicant in enumerate(reversed(ranked))}


def _run_deferred_acceptance(
    applicant_prefs: Mapping[A, Sequence[R]], roles: dict[R, _RoleState[A]]
) -> None:
    """Let applicants propose until each is held by a role or has run out of roles.

    Free applicants wait on a stack. Each one proposes down her own list,
    resuming where she stopped last time, until a role holds her: the role
    takes her if she stands above the worst standing it holds (an empty seat
    stands below everyone), and the applicant it drops in exchange, if any,
    goes back on the stack. Every applicant proposes to each role at most
    once and a proposal costs ``O(log seats)``, hence the linear running time.

    The outcome is left in ``roles[...].seats``.
    """
    untried: dict[A, Iterator[R]] = {
        applicant: iter(wanted) for applicant, wanted in applicant_prefs.items()
    }
    free = list(applicant_prefs)
    free.reverse()  # Popped from the end, so applicants start in input order.
    next_free, make_free, find_role = free.pop, free.append, roles.get
    while free:
        applicant = next_free()
        for role in untried[applicant]:
            state = find_role(role)
            if state is None:
                continue
            standings, seats, worst_first = state
            standing = standings.get(applicant, _VACANT)
            if standing > seats[0]:
                dropped = heapreplace(seats, standing)
                if dropped != _VACANT:
                    make_free(worst_first[dropped])
                break


def _assignment(
    applicant_prefs: Mapping[A, Sequence[R]], roles: dict[R, _RoleState[A]]
) -> dict[A, R]:
    """Read ``{applicant: role}`` off the seats, in the order of ``applicant_prefs``."""
    matched: dict[A, R] = {}
    for role, (_, seats, worst_first) in roles.items():
        for standing in seats:
            if standing != _VACANT:
                matched[worst_first[standing]] = role
    return {applicant: matched[applicant] for applicant in applicant_prefs if applicant in matched}


def _holders_by_role(matching: Mapping[A, R]) -> dict[R, list[A]]:
    """Group a matching by role."""
    holders: dict[R, list[A]] = {}
    for applicant, role in matching.items():
        holders.setdefault(role, []).append(applicant)
    return holders


def _roles_preferred_to_match(wanted: Sequence[R], current: R | None) -> Sequence[R]:
    """Return the roles an applicant ranks above her current match.

    An unmatched applicant, or one matched to a role she did not list,
    prefers every role on her list.
    """
    if current is None or current not in wanted:
        return wanted
    return wanted[: wanted.index(current)]


def _role_would_take(
    standings: dict[A, int], capacity: int, holders: Sequence[A], applicant: A
) -> bool:
    """Tell whether a role would take ``applicant`` given whom it holds.

    It would if it has a free seat or holds someone it likes less; a holder
    it does not list at all counts as liked less than anyone listed.
    """
    if len(holders) < capacity:
        return True
    standing = standings[applicant]
    return any(standings.get(holder, _VACANT) < standing for holder in holders)


# --- Reserved seats -----------------------------------------------------------------------------


def stable_match_with_reserves(
    applicant_prefs: Mapping[A, Sequence[R]],
    role_prefs: Mapping[R, Sequence[A]],
    capacities: Mapping[R, int],
    reserves: Mapping[R, int],
    priority: AbstractSet[A],
) -> dict[A, R]:
    """Return the applicant-optimal matching stable under reserved seats, as ``{applicant: role}``.

    ``reserves`` gives how many of a role's seats are kept for the applicants in ``priority``
    (missing: none; more than its capacity: all of them). A role fills its reserved seats with
    its best priority applicants first; any reserved seat no priority applicant takes goes to the
    best of everyone else. Everything else is as in :func:`stable_match`, which this equals when
    no role reserves a seat. Linear in the total length of the lists (times ``log`` of the
    largest capacity).

    Raises ``ValueError`` if a capacity or a reserve is negative.
    """
    roles = _reserving_roles(role_prefs, capacities, reserves, priority)
    untried: dict[A, Iterator[R]] = {
        applicant: iter(wanted) for applicant, wanted in applicant_prefs.items()
    }
    free = list(applicant_prefs)
    free.reverse()  # Popped from the end, so applicants start in input order.
    while free:
        applicant = free.pop()
        for role in untried[applicant]:
            state = roles.get(role)
            if state is None or applicant not in state.standings:
                continue
            dropped = state.offer(applicant)
            if dropped is not applicant:
                if dropped is not None:
                    free.append(dropped)
                break
    matched = {holder: role for role, state in roles.items() for holder in state.holders()}
    return {applicant: matched[applicant] for applicant in applicant_prefs if applicant in matched}


def reserve_choice(
    offered: Iterable[A],
    ranked: Sequence[A],
    capacity: int,
    reserve: int,
    priority: AbstractSet[A],
) -> set[A]:
    """The applicants a role keeps from ``offered``: the definition the engine implements.

    Only applicants on ``ranked`` (best first) are acceptable. First the best priority
    applicants up to ``min(reserve, capacity)``, then the best of the others (priority or not)
    for the seats left.
    """
    standings = _standings(ranked)
    acceptable = sorted(
        {applicant for applicant in offered if applicant in standings},
        key=standings.__getitem__,
        reverse=True,
    )
    reserved = [a for a in acceptable if a in priority][: min(reserve, capacity)]
    taken = set(reserved)
    rest = [a for a in acceptable if a not in taken][: capacity - len(reserved)]
    return taken | set(rest)


def blocking_pairs_with_reserves(
    applicant_prefs: Mapping[A, Sequence[R]],
    role_prefs: Mapping[R, Sequence[A]],
    capacities: Mapping[R, int],
    reserves: Mapping[R, int],
    priority: AbstractSet[A],
    matching: Mapping[A, R],
) -> list[tuple[A, R]]:
    """Every pair ``(applicant, role)`` that blocks ``matching`` under reserved seats.

    A pair blocks when the applicant prefers the role to her match (or is unmatched) and the
    role, offered its holders and her, would keep her (:func:`reserve_choice`). Also listed:
    a holder the role would not keep from its own holders (a matching must be individually
    rational), as ``(holder, role)``.
    """
    holders = _holders_by_role(matching)
    found: list[tuple[A, R]] = []
    for role, held in holders.items():
        kept = reserve_choice(
            held, role_prefs.get(role, ()), capacities.get(role, 0), reserves.get(role, 0), priority
        )
        found.extend((holder, role) for holder in held if holder not in kept)
    for applicant, wanted in applicant_prefs.items():
        for role in _roles_preferred_to_match(wanted, matching.get(applicant)):
            if role not in role_prefs or role not in capacities:
                continue
            offered = [*holders.get(role, []), applicant]
            kept = reserve_choice(
                offered, role_prefs[role], capacities[role], reserves.get(role, 0), priority
            )
            if applicant in kept:
                found.append((applicant, role))
    return found


class _ReservingRole(Generic[A]):
    """One role's seats during deferred acceptance with a reserve.

    Invariant, over everyone who has proposed so far: ``reserved`` holds the best priority
    proposers, up to the reserve; ``general`` holds the best of all other proposers for the
    seats ``reserved`` leaves. The reserve only fills up, so the general seats only shrink, and
    an applicant once dropped would never be chosen again (the choice is substitutable).
    Both are min-heaps of standings, worst first.
    """

    __slots__ = (
        "capacity",
        "general",
        "priority",
        "reserve",
        "reserved",
        "standings",
        "worst_first",
    )

    def __init__(self, ranked: Sequence[A], capacity: int, reserve: int, priority: AbstractSet[A]):
        self.standings = _standings(ranked)
        self.worst_first = ranked[::-1]
        self.capacity = min(capacity, len(ranked))
        self.reserve = min(reserve, self.capacity)
        self.priority = priority
        self.reserved: list[int] = []
        self.general: list[int] = []

    def offer(self, applicant: A) -> A | None:
        """Take ``applicant`` in; return whom the role drops (maybe her), or None."""
        standing = self.standings[applicant]
        if applicant in self.priority and self.reserve:
            if len(self.reserved) < self.reserve:
                heappush(self.reserved, standing)
                return self._general_overflow()
            if standing > self.reserved[0]:
                standing = heapreplace(self.reserved, standing)
        heappush(self.general, standing)
        return self._general_overflow()

    def _general_overflow(self) -> A | None:
        if len(self.reserved) + len(self.general) <= self.capacity:
            return None
        return self.worst_first[heappop(self.general)]

    def holders(self) -> list[A]:
        return [self.worst_first[standing] for standing in (*self.reserved, *self.general)]


def _reserving_roles(
    role_prefs: Mapping[R, Sequence[A]],
    capacities: Mapping[R, int],
    reserves: Mapping[R, int],
    priority: AbstractSet[A],
) -> dict[R, _ReservingRole[A]]:
    for role, reserve in reserves.items():
        if reserve < 0:
            raise ValueError(f"reserve of role {role!r} is negative: {reserve}")
    roles: dict[R, _ReservingRole[A]] = {}
    for role, capacity in capacities.items():
        if capacity < 0:
            raise ValueError(f"capacity of role {role!r} is negative: {capacity}")
        ranked = role_prefs.get(role, ())
        if capacity and ranked:
            roles[role] = _ReservingRole(ranked, capacity, reserves.get(role, 0), priority)
    return roles
