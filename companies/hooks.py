"""What apps to the right of companies add to its pages and rules, from their AppConfig.ready().

companies imports no app that builds on it. The placement lifecycle (matching) registers here
the sections of the company dashboard and of a role's page, the later steps of the
dashboard's checklist (each an
``applicants.dashboard.DashboardSection`` or None, in a fixed number of queries), and the seats
a role's interns take, so the company pages show them and the role rules respect them.

Registrations are dotted paths, imported when first called (``ready()`` runs before every
model module can be imported, and needs no import of its own).
"""

from django.utils.module_loading import import_string

_dashboard_sections: list[str] = []
_role_sections: list[str] = []
_seat_floors: list[str] = []
_checklist_steps: list[str] = []


def _register(registry: list[str], path: str) -> None:
    if path not in registry:
        registry.append(path)


def register_dashboard_section(path: str) -> None:
    """``builder(company) -> DashboardSection | None``, shown on the company dashboard."""
    _register(_dashboard_sections, path)


def register_role_section(path: str) -> None:
    """``builder(role, page_number) -> DashboardSection | None``, shown on the company's page of
    a role; ``page_number`` is the page's ``?page=`` (a long list shows one page of it)."""
    _register(_role_sections, path)


def register_role_seat_floor(path: str) -> None:
    """``fn(role) -> int``: seats of the role already taken; its seats never go below the sum."""
    _register(_seat_floors, path)


def register_checklist_steps(path: str) -> None:
    """``fn(company) -> list[womenup.checklists.ChecklistStep]``: the later steps of the company
    dashboard's checklist (after posting a role), in a fixed number of queries."""
    _register(_checklist_steps, path)


def checklist_steps(company) -> list:
    return [step for path in _checklist_steps for step in import_string(path)(company)]


def _built(registry: list[str], *args) -> list:
    sections = (import_string(path)(*args) for path in registry)
    return [section for section in sections if section is not None]


def dashboard_sections(company) -> list:
    return _built(_dashboard_sections, company)


def role_sections(role, page_number=None) -> list:
    return _built(_role_sections, role, page_number)


def role_seats_in_use(role) -> int:
    return sum(import_string(path)(role) for path in _seat_floors)
