"""Solve one instance with the PyPI ``matching`` package and report the result.

Run by ``bench/engine.py`` with the interpreter of ``bench/.peer-venv``, where
that package is installed (its import name clashes with this project's own
``matching`` app, hence the separate environment):

    python bench/_peer_runner.py INSTANCE.json RESULT.json

INSTANCE.json holds ``applicant_prefs``, ``role_prefs`` and ``capacities``.
RESULT.json receives ``matching`` (``{applicant: role}``), ``setup_seconds``
(building the game, which includes the package's input checks),
``solve_seconds``, the package ``version`` and any ``warnings`` it raised.
"""

import json
import sys
import threading
import time
import warnings
from importlib.metadata import version

from matching.games import HospitalResident

#: The package deep-copies its players, which reference each other, so the
#: copy recurses about as deep as the instance is large: give it room.
RECURSION_LIMIT = 1_000_000
THREAD_STACK_BYTES = 1 << 30


def solve(instance: dict) -> dict:
    """Solve the instance resident-optimally and time the two phases."""
    with warnings.catch_warnings(record=True) as raised:
        warnings.simplefilter("always")
        started = time.perf_counter()
        game = HospitalResident.create_from_dictionaries(
            instance["applicant_prefs"], instance["role_prefs"], instance["capacities"]
        )
        built = time.perf_counter()
        solution = game.solve(optimal="resident")
        solved = time.perf_counter()
    matching = {
        resident.name: hospital.name
        for hospital, residents in solution.items()
        for resident in residents
    }
    return {
        "matching": matching,
        "setup_seconds": built - started,
        "solve_seconds": solved - built,
        "version": version("matching"),
        "warnings": [str(warning.message) for warning in raised],
    }


def main(instance_path: str, result_path: str) -> None:
    """Read the instance, solve it on a thread with a large stack, write the result."""
    with open(instance_path, encoding="utf-8") as source:
        instance = json.load(source)
    outcome: dict = {}
    sys.setrecursionlimit(RECURSION_LIMIT)
    threading.stack_size(THREAD_STACK_BYTES)
    solver = threading.Thread(target=lambda: outcome.update(solve(instance)))
    solver.start()
    solver.join()
    if not outcome:
        sys.exit("the peer package failed to solve the instance")
    with open(result_path, "w", encoding="utf-8") as target:
        json.dump(outcome, target)


if __name__ == "__main__":
    main(*sys.argv[1:3])
