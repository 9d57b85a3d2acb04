"""Benchmark the stable matching engine and check it against the ``matching`` package.

    python bench/engine.py [--sizes 1000,10000,100000] [--seed 1] [--repeat 3]
                           [--no-peer] [--peer-max 10000]

For every size ``n`` it builds a seeded instance with ``n`` applicants and
``n / 10`` roles: each applicant picks 1 to 5 distinct roles (exactly 5 at the
largest size), drawn with Zipf-like popularity so a few roles are in high
demand; each role has 1 to 5 seats and ranks the applicants who picked it by a
seeded random score. It then times ``matching.engine.stable_match`` (best of
``--repeat`` runs), checks the result has no blocking pair and, for sizes up to
``--peer-max``, solves the same instance with the PyPI ``matching`` package
(``HospitalResident``, resident-optimal) and compares the two matchings.

The PyPI package is imported as ``matching``, like this project's own app, so
it runs in its own virtualenv, ``bench/.peer-venv``, created on first use,
through ``bench/_peer_runner.py``. The peer figure is its ``solve()`` time
alone; building its game, which runs its input checks, is reported as
``peer_setup``.

It also solves every instance with ``reference_match``, a plain
applicant-proposing deferred acceptance written here (a rank table per role and
a heap of the applicants each role holds), and prints ``ref`` (its best time),
``ratio`` (ours / ref, target at most 1.0) and whether the two results are
identical.

Prints one line per size and exits with status 1 if a compared matching
differs or a matching has a blocking pair.
"""

from __future__ import annotations

import argparse
import bisect
import importlib.util
import itertools
import json
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from heapq import heappush, heapreplace
from pathlib import Path
from types import ModuleType

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
ENGINE_PATH = REPO_DIR / "matching" / "engine.py"
PEER_VENV = BENCH_DIR / ".peer-venv"
PEER_PYTHON = PEER_VENV / "bin" / "python"
PEER_RUNNER = BENCH_DIR / "_peer_runner.py"
PEER_REQUIREMENT = "matching==1.4.3"

MAX_CHOICES = 5
MAX_SEATS = 5
ROLES_PER_APPLICANT = 0.1
ZIPF_EXPONENT = 1.0


@dataclass
class Instance:
    """A hospitals/residents instance in which every listed pair is mutually acceptable."""

    applicant_prefs: dict[str, list[str]]
    role_prefs: dict[str, list[str]]
    capacities: dict[str, int]


@dataclass
class Measurement:
    """What one size produced."""

    applicants: int
    roles: int
    choices: str
    ours_seconds: float
    matched: int
    blocking: int
    peer: dict | None = None
    identical: bool | None = None
    reference_seconds: float = 0.0
    reference_identical: bool = False


def load_engine() -> ModuleType:
    """Import ``matching/engine.py`` from its path, under a name that cannot
    clash with the PyPI ``matching`` package."""
    spec = importlib.util.spec_from_file_location("womenup_engine", ENGINE_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------
# Instances
# --------------------------------------------------------------------------


def generate_instance(applicants: int, seed: int, exact_choices: bool) -> Instance:
    """Build the seeded instance described in the module docstring."""
    rng = random.Random(f"{seed}:{applicants}")
    roles = [f"role{index}" for index in range(max(1, int(applicants * ROLES_PER_APPLICANT)))]
    popularity = list(
        itertools.accumulate(1 / (rank + 1) ** ZIPF_EXPONENT for rank in range(len(roles)))
    )
    applicant_prefs = {}
    for index in range(applicants):
        wanted = MAX_CHOICES if exact_choices else rng.randint(1, MAX_CHOICES)
        applicant_prefs[f"applicant{index}"] = pick_roles(rng, roles, popularity, wanted)
    role_prefs = rank_by_random_score(rng, applicant_prefs, roles)
    capacities = {role: rng.randint(1, MAX_SEATS) for role in roles}
    return keep_mutually_acceptable(Instance(applicant_prefs, role_prefs, capacities))


def pick_roles(
    rng: random.Random, roles: list[str], popularity: list[float], wanted: int
) -> list[str]:
    """Draw ``wanted`` distinct roles, in order of drawing, by cumulative popularity."""
    wanted = min(wanted, len(roles))
    picked: dict[str, None] = {}
    while len(picked) < wanted:
        role = roles[bisect.bisect(popularity, rng.random() * popularity[-1])]
        picked[role] = None
    return list(picked)


def rank_by_random_score(
    rng: random.Random, applicant_prefs: dict[str, list[str]], roles: list[str]
) -> dict[str, list[str]]:
    """Let every role rank the applicants who picked it by a random score."""
    scored: dict[str, list[tuple[float, str]]] = {role: [] for role in roles}
    for applicant, wanted in applicant_prefs.items():
        for role in wanted:
            scored[role].append((rng.random(), applicant))
    return {role: [applicant for _, applicant in sorted(pairs)] for role, pairs in scored.items()}


def keep_mutually_acceptable(instance: Instance) -> Instance:
    """Drop one-sided entries, then applicants and roles left with empty lists.

    The peer package wants every role to rank exactly the applicants who rank
    it and every applicant to rank someone; both solvers get the cleaned
    instance, so they solve the same problem.
    """
    listed = {role: set(ranked) for role, ranked in instance.role_prefs.items()}
    applicant_prefs = {
        applicant: kept
        for applicant, wanted in instance.applicant_prefs.items()
        if (kept := [role for role in wanted if applicant in listed.get(role, ())])
    }
    wanted_by = {applicant: set(wanted) for applicant, wanted in applicant_prefs.items()}
    role_prefs = {
        role: kept
        for role, ranked in instance.role_prefs.items()
        if (kept := [a for a in ranked if role in wanted_by.get(a, ())])
    }
    capacities = {role: seats for role, seats in instance.capacities.items() if role in role_prefs}
    return Instance(applicant_prefs, role_prefs, capacities)


# --------------------------------------------------------------------------
# Solving
# --------------------------------------------------------------------------


def time_ours(engine: ModuleType, instance: Instance, repeat: int) -> tuple[float, dict]:
    """Best wall time of ``repeat`` runs of ``stable_match``, and its result."""
    best = float("inf")
    result: dict = {}
    for _ in range(repeat):
        started = time.perf_counter()
        result = engine.stable_match(
            instance.applicant_prefs, instance.role_prefs, instance.capacities
        )
        best = min(best, time.perf_counter() - started)
    return best, result


def reference_match(applicant_prefs: dict, role_prefs: dict, capacities: dict) -> dict:
    """Plain applicant-proposing deferred acceptance, the yardstick of ``stable_match``.

    Each role ranks its applicants in a dict (the first position counts) and holds the
    applicants it took in a heap keyed by their rank, worst on top; a free applicant proposes
    down her list from where she stopped until a role holds her.
    """
    rank = {}
    for role, ranked in role_prefs.items():
        order: dict = {}
        for position, applicant in enumerate(ranked):
            order.setdefault(applicant, position)
        rank[role] = order
    held: dict = {role: [] for role in role_prefs}
    next_choice = dict.fromkeys(applicant_prefs, 0)
    free = list(applicant_prefs)
    free.reverse()
    while free:
        applicant = free.pop()
        wanted = applicant_prefs[applicant]
        index = next_choice[applicant]
        while index < len(wanted):
            role = wanted[index]
            index += 1
            order = rank.get(role)
            seats = capacities.get(role, 0)
            if order is None or applicant not in order or seats <= 0:
                continue
            heap = held[role]
            position = order[applicant]
            if len(heap) < seats:
                heappush(heap, (-position, applicant))
                break
            if -heap[0][0] > position:
                _, dropped = heapreplace(heap, (-position, applicant))
                free.append(dropped)
                break
        next_choice[applicant] = index
    matched = {applicant: role for role, heap in held.items() for _, applicant in heap}
    return {applicant: matched[applicant] for applicant in applicant_prefs if applicant in matched}


def time_reference(instance: Instance, repeat: int) -> tuple[float, dict]:
    best = float("inf")
    result: dict = {}
    for _ in range(repeat):
        started = time.perf_counter()
        result = reference_match(instance.applicant_prefs, instance.role_prefs, instance.capacities)
        best = min(best, time.perf_counter() - started)
    return best, result


def ensure_peer_venv() -> None:
    """Create ``bench/.peer-venv`` with the peer package unless it already works."""
    if PEER_PYTHON.exists() and peer_package_works():
        return
    print(
        f"setting up {PEER_VENV.relative_to(REPO_DIR)} with {PEER_REQUIREMENT} ...", file=sys.stderr
    )
    subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
    subprocess.run(
        [str(PEER_PYTHON), "-m", "pip", "install", "--quiet", PEER_REQUIREMENT], check=True
    )


def peer_package_works() -> bool:
    """Whether the peer venv can import the peer game class.

    Like the runner, the check uses isolated mode (``-I``): it keeps the
    current directory, where this project's ``matching`` app lives, off
    ``sys.path``, so ``matching`` can only be the installed package.
    """
    probe = [str(PEER_PYTHON), "-I", "-c", "from matching.games import HospitalResident"]
    return subprocess.run(probe, capture_output=True).returncode == 0


def run_peer(instance: Instance) -> dict:
    """Solve the instance with the peer package in its own interpreter."""
    with tempfile.TemporaryDirectory(prefix="matching-bench-") as scratch:
        instance_path = Path(scratch) / "instance.json"
        result_path = Path(scratch) / "result.json"
        instance_path.write_text(json.dumps(asdict(instance)), encoding="utf-8")
        subprocess.run(
            [str(PEER_PYTHON), "-I", str(PEER_RUNNER), str(instance_path), str(result_path)],
            check=True,
        )
        return json.loads(result_path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------


def measure(
    engine: ModuleType, size: int, exact_choices: bool, args: argparse.Namespace
) -> Measurement:
    """Generate, solve and check one size."""
    instance = generate_instance(size, args.seed, exact_choices)
    reference_seconds, reference = time_reference(instance, args.repeat)
    seconds, ours = time_ours(engine, instance, args.repeat)
    blocking = engine.blocking_pairs(
        instance.applicant_prefs, instance.role_prefs, instance.capacities, ours
    )
    measurement = Measurement(
        applicants=len(instance.applicant_prefs),
        roles=len(instance.role_prefs),
        choices=str(MAX_CHOICES) if exact_choices else f"1-{MAX_CHOICES}",
        ours_seconds=seconds,
        matched=len(ours),
        blocking=len(blocking),
        reference_seconds=reference_seconds,
        reference_identical=reference == ours,
    )
    if args.peer and size <= args.peer_max:
        measurement.peer = run_peer(instance)
        measurement.identical = measurement.peer["matching"] == ours
    return measurement


def report_line(measurement: Measurement) -> str:
    """One line of output for one size."""
    peer = measurement.peer
    if peer is None:
        peer_fields = "peer=skipped identical=n/a"
    else:
        identical = "yes" if measurement.identical else "NO"
        peer_fields = f"peer={peer['solve_seconds']:.3f}s identical={identical}"
    line = (
        f"applicants={measurement.applicants} roles={measurement.roles} "
        f"choices={measurement.choices} ours={measurement.ours_seconds:.3f}s "
        f"ref={measurement.reference_seconds:.3f}s "
        f"ratio={measurement.ours_seconds / measurement.reference_seconds:.2f} "
        f"identical_to_ref={'yes' if measurement.reference_identical else 'NO'} {peer_fields} "
        f"matched={measurement.matched} blocking_pairs={measurement.blocking}"
    )
    if peer is not None:
        line += f" peer_setup={peer['setup_seconds']:.3f}s"
    return line


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=lambda text: [int(part) for part in text.split(",")],
        default=[1000, 10000, 100000],
        help="comma-separated numbers of applicants (default: 1000,10000,100000)",
    )
    parser.add_argument("--seed", type=int, default=1, help="instance seed (default: 1)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of our engine per size, best kept (default: 3)"
    )
    parser.add_argument(
        "--no-peer", dest="peer", action="store_false", help="do not run the peer package"
    )
    parser.add_argument(
        "--peer-max",
        type=int,
        default=10000,
        help="largest size the peer package is run on (default: 10000)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run every size, print one line each, and return the exit status."""
    args = parse_args(argv)
    engine = load_engine()
    if args.peer and any(size <= args.peer_max for size in args.sizes):
        ensure_peer_venv()
    largest = max(args.sizes)
    failed = False
    for size in args.sizes:
        measurement = measure(engine, size, exact_choices=size == largest, args=args)
        print(report_line(measurement), flush=True)
        failed |= measurement.identical is False or measurement.blocking > 0
        failed |= not measurement.reference_identical
        if measurement.peer and measurement.peer["warnings"]:
            print(f"  peer warnings: {measurement.peer['warnings'][:3]}", file=sys.stderr)
    skipped = [size for size in args.sizes if size > args.peer_max]
    if args.peer and skipped:
        print(
            f"peer skipped for sizes above --peer-max={args.peer_max}: {skipped}", file=sys.stderr
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
