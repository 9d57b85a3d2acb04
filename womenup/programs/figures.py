"""A programme's figures in its public text: ``{seats}`` in a summary or key fact becomes a number.

Every amount, seat count, duration and number of hours a public page shows comes from a row:
the programme's ``figures`` (staff edit them in admin) and the living-wage rate in force on the
day shown (``LivingWageRate``). The text names a figure as ``{name}``, or another programme's as
``{code.name}`` (the internship's page shows the incentive programme's amount). A line naming a
figure that is not there is left out rather than shown with a hole or a stale number.

Computed: ``paid_hours`` from the programme's ``weekly_hours`` (``womenup.money``); from the rate
in force ``hourly_wage``, ``wage_year`` and, with ``weekly_hours``, ``monthly_wage``. No Django
here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from womenup.money import paid_monthly_hours

PLACEHOLDER = re.compile(r"\{(?:(?P<program>[a-z0-9-]+)\.)?(?P<name>[a-z_]+)\}")
COMPUTED = frozenset({"hourly_wage", "wage_year", "paid_hours", "monthly_wage"})
"""Figures computed from the living wage in force, not stored on the programme."""


def figures_with_wage(
    figures: Mapping[str, int], *, hourly_krw: int | None, valid_from: date | None
) -> dict[str, int]:
    """The programme's own figures plus those computed from the living wage in force."""
    result = dict(figures)
    weekly_hours = figures.get("weekly_hours")
    if isinstance(weekly_hours, int) and 1 <= weekly_hours <= 52:
        result["paid_hours"] = paid_monthly_hours(weekly_hours)
    if hourly_krw is None or valid_from is None:
        return result
    result["hourly_wage"] = hourly_krw
    result["wage_year"] = valid_from.year
    if "paid_hours" in result:
        result["monthly_wage"] = hourly_krw * result["paid_hours"]
    return result


def fill(text: str, own: Mapping[str, int], others: Mapping[str, Mapping[str, int]]) -> str | None:
    """``text`` with every ``{name}`` replaced; None when a named figure is unknown."""
    missing = False

    def number(match: re.Match) -> str:
        nonlocal missing
        figures = others.get(match["program"], {}) if match["program"] else own
        value = figures.get(match["name"])
        if isinstance(value, bool) or not isinstance(value, int):
            missing = True
            return match[0]
        return str(value) if match["name"].endswith("year") else f"{value:,}"

    filled = PLACEHOLDER.sub(number, text)
    return None if missing else filled


def referenced_programs(texts) -> set[str]:
    """Codes of the other programmes the texts take figures from."""
    return {m["program"] for text in texts for m in PLACEHOLDER.finditer(text) if m["program"]}


def placeholder_problems(texts, figures: Mapping[str, object]) -> list[str]:
    """Names in ``texts`` the programme's own figures (and the computed ones) do not give, and
    figures that are not whole numbers: what staff must fix before saving."""
    problems = [
        f"{name}: {value!r}"
        for name, value in figures.items()
        if isinstance(value, bool) or not isinstance(value, int) or value < 0
    ]
    for text in texts:
        for match in PLACEHOLDER.finditer(text):
            name = match["name"]
            if not match["program"] and name not in figures and name not in COMPUTED:
                problems.append("{" + name + "}")
    return problems
