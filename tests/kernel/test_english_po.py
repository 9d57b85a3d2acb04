"""Every message of the portal has an English translation: no empty, fuzzy or Korean msgstr in
locale/en/LC_MESSAGES/django.po, and the compiled .mo says the same."""

import re
import subprocess
from pathlib import Path

from django.conf import settings

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
KOREAN_ON_PURPOSE = {"한국어"}
"""The language switch names each language in itself."""


def unquote(lines: list[str]) -> str:
    return "".join(
        bytes(line.strip()[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode()
        for line in lines
    )


def entries(text: str):
    """(msgid, [msgstr, …], fuzzy) of every entry but the header."""
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.splitlines() if line.strip()]
        if any(line.startswith("#~") for line in lines):
            yield None, [], False  # an obsolete entry: not allowed either
            continue
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        parts: dict[str, list[str]] = {}
        current = None
        for line in lines:
            if line.startswith("#"):
                continue
            keyword = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) ", line)
            if keyword:
                current = keyword.group(1)
                parts[current] = [line[keyword.end() :]]
            elif current:
                parts[current].append(line)
        if "msgid" not in parts:
            continue
        msgid = unquote(parts["msgid"])
        if not msgid:
            continue  # the header
        strings = [unquote(value) for key, value in parts.items() if key.startswith("msgstr")]
        yield msgid, strings, fuzzy


def test_every_english_msgstr_is_filled_in_english_and_not_fuzzy():
    problems = []
    for msgid, strings, fuzzy in entries(PO.read_text(encoding="utf-8")):
        if msgid is None:
            problems.append("an obsolete (#~) entry: remove it")
        elif fuzzy:
            problems.append(f"fuzzy: {msgid!r}")
        elif not strings or not all(strings):
            problems.append(f"no English: {msgid!r}")
        elif msgid not in KOREAN_ON_PURPOSE and any(HANGUL.search(s) for s in strings):
            problems.append(f"Korean left in English: {msgid!r} → {strings!r}")
    assert not problems, "\n".join(problems)


def test_the_catalogue_is_valid_and_compiled():
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(PO)], check=True)
    assert _same_messages(PO.with_suffix(".mo")), (
        "compile the catalogue: python manage.py compilemessages -l en -l ko"
    )


def _same_messages(mo: Path) -> bool:
    compiled = subprocess.run(
        ["msgfmt", "-o", "-", str(PO)], check=True, capture_output=True
    ).stdout
    return compiled == mo.read_bytes()
