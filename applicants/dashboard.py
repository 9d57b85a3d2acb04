"""The applicant dashboard is made of sections, one per app, each with its own template.

Apps add a builder ``(profile) -> DashboardSection | None`` with :func:`register_section` in
their ``AppConfig.ready()``; sections show by ``order``, lowest first. Every builder runs a fixed
number of queries whatever the data size.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class DashboardSection:
    template: str
    context: dict = field(default_factory=dict)
    # One ``applicants.next_steps.NextStep`` per application the section shows: the dashboard
    # picks the one next action and the onboarding checklist's last step from them.
    next_steps: list = field(default_factory=list)


SectionBuilder = Callable[[object], "DashboardSection | None"]
_BUILDERS: list[tuple[int, SectionBuilder]] = []


def register_section(order: int, builder: SectionBuilder) -> None:
    if (order, builder) not in _BUILDERS:
        _BUILDERS.append((order, builder))


def sections_for(profile) -> list[DashboardSection]:
    builders = [builder for _order, builder in sorted(_BUILDERS, key=lambda entry: entry[0])]
    sections = (build(profile) for build in builders)
    return [section for section in sections if section is not None]
