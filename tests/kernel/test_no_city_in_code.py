"""No Python file names a city outside seed data: cities are rows, so another city is data.

Every string literal and identifier of the project's Python code is searched for the seeded
cities' codes and names (Korean and English). Exempt: the seed catalogue
(``womenup/programs/catalogue.py``), migrations (frozen seed data), demo data (``demo.py``) and
the tests. Docstrings and comments may speak of cities (they explain, they do not decide).
"""

import ast
import re
from pathlib import Path

from womenup.programs import catalogue

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PACKAGES = ["womenup", "applicants", "companies", "courses", "matching", "bench"]
EXEMPT = {ROOT / "womenup" / "programs" / "catalogue.py"}

ALLOWED = {
    "Asia/Seoul",  # the time zone's name (TIME_ZONE, Celery's timezone)
    # The Seoul Strong SME certification (서울형 강소기업) is the name of a company badge,
    # one of DESIGN.md §2's five badges, not the portal's city.
    "서울형 강소기업",
    "seoul_strong_sme",
    "is_seoul_strong_sme",
    "SEOUL_STRONG_SME",
}


def _city_words() -> list[str]:
    words = set()
    for city in catalogue.CITIES:
        words.add(city["code"])
        for field in ("name", "short_name", "name_en", "short_name_en"):
            for word in re.split(r"[\s,]+", city.get(field, "")):
                word = re.sub(r"(특별시|광역시|시)$", "", word)  # 서울특별시 → 서울, 광명시 → 광명
                if len(word) >= 2 and word not in {"경기도", "Gyeonggi-do", "Metropolitan", "City"}:
                    words.add(word)
    return sorted(words)


CITY = re.compile("|".join(re.escape(word) for word in _city_words()), re.IGNORECASE)


def _python_files():
    for package in PROJECT_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts or path.name == "demo.py" or path in EXEMPT:
                continue
            if ".peer-venv" in path.parts:
                continue
            yield path


def _documentation(tree: ast.AST) -> set[int]:
    """ids of the string constants that are statements of their own (docstrings)."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }


def _names(tree: ast.AST):
    docs = _documentation(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.value
        elif isinstance(node, ast.Name):
            yield node.lineno, node.id
        elif isinstance(node, ast.Attribute):
            yield node.lineno, node.attr
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield node.lineno, node.name
        elif isinstance(node, ast.arg | ast.keyword) and node.arg:
            yield node.lineno, node.arg


def _without_allowed(text: str) -> str:
    for allowed in ALLOWED:
        text = text.replace(allowed, "")
    return text


def offenders() -> list[str]:
    found = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, text in _names(tree):
            if CITY.search(_without_allowed(text)):
                found.append(f"{path.relative_to(ROOT)}:{line}: {text!r}")
    return found


def test_the_search_knows_the_seeded_cities():
    words = _city_words()
    assert {"seoul", "gwangmyeong", "서울", "광명", "Seoul", "Gwangmyeong"} <= set(words)


def test_the_search_finds_a_city_in_a_string_and_in_a_name():
    tree = ast.parse('"""The Seoul programme."""\nX = "seoul-internship"\ndef _seoul(): pass\n')
    named = [text for _line, text in _names(tree) if CITY.search(_without_allowed(text))]
    assert sorted(named) == ["_seoul", "seoul-internship"]


def test_no_python_file_names_a_city_outside_seed_data():
    assert offenders() == []
