"""The applicant dashboard is made of sections, one per app, each with its own template.

Each entry of ``SECTION_BUILDERS`` names a function ``(profile) -> DashboardSection | None``;
every builder runs a fixed number of queries whatever the data size.
"""

from dataclasses import dataclass, field

from django.utils.module_loading import import_string

SECTION_BUILDERS = [
    "matching.dashboard.applicant_section",
    "courses.dashboard.applicant_section",
    "applicants.allowance_dashboard.applicant_section",
]


@dataclass
class DashboardSection:
    template: str
    context: dict = field(default_factory=dict)


def sections_for(profile) -> list[DashboardSection]:
    sections = (import_string(path)(profile) for path in SECTION_BUILDERS)
    return [section for section in sections if section is not None]
