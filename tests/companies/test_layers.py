"""companies builds on applicants and courses only: matching plugs in through companies/hooks.py."""

import ast
from pathlib import Path

import pytest

APPS = ("womenup", "applicants", "courses", "companies", "matching")
ROOT = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> list[tuple[str, bool]]:
    """(module, imported inside a function) for every import of the file."""
    found = []

    def visit(node, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                found.extend((alias.name, in_function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and not child.level:
                found.append((child.module, in_function))
            visit(child, nested)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def source_files(app: str) -> list[Path]:
    return sorted(path for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts)


@pytest.mark.parametrize("path", source_files("companies"), ids=str)
def test_companies_never_imports_matching(path):
    assert not [m for m, _ in imported_modules(path) if m.split(".")[0] == "matching"]


@pytest.mark.parametrize("app", ["companies", "matching"])
def test_no_cross_app_import_inside_a_function(app):
    hidden = [
        (path.name, module)
        for path in source_files(app)
        for module, in_function in imported_modules(path)
        if in_function and module.split(".")[0] in APPS and module.split(".")[0] != app
    ]
    assert hidden == []
