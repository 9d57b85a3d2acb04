"""Posting a page's own form back with one field replaced: what the form fuzz tests share.

A page is fetched as its persona, its HTML forms are read the way a browser submits them
(inputs, selects, textareas, a valid PDF in every file input), and one field at a time is given
a hostile value. The database is fingerprinted before and after: an invalid value must change
nothing, and no answer may be a server error.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.apps import apps
from django.db import connection
from hypothesis import HealthCheck

from tests.factories.applicants import pdf_upload

SKIPPED_INPUTS = {"submit", "button", "reset", "image"}
UNWATCHED_MODELS = {"womenup.personaldataaccess"}  # admin views write access-log rows by design
FUZZ_SETTINGS = {  # for @settings: examples use the test's client and database as they are
    "deadline": None,
    "database": None,
    "derandomize": True,  # the same examples on every run: a failure here fails every time
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
ERROR_MARKS = ("is-invalid", "errorlist", "errornote", "alert-danger", "invalid-feedback")


@dataclass
class Input:
    name: str
    kind: str  # the input type, "select", "select-multiple" or "textarea"
    value: str = ""
    classes: str = ""


@dataclass
class Form:
    action: str
    inputs: list[Input] = field(default_factory=list)
    buttons: list[Input] = field(default_factory=list)

    def names(self) -> set[str]:
        return {item.name for item in self.inputs}

    def data(self, **replaced) -> dict:
        """What a browser sends, with ``replaced`` fields given other values."""
        data: dict[str, list] = {}
        for item in self.inputs:
            if item.kind == "file":
                data.setdefault(item.name, []).append(pdf_upload(f"{item.name}.pdf"))
            else:
                data.setdefault(item.name, []).append(item.value)
        if self.buttons:
            data.setdefault(self.buttons[0].name, []).append(self.buttons[0].value)
        data.update({name: [value] for name, value in replaced.items()})
        return {name: values if len(values) > 1 else values[0] for name, values in data.items()}


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Input | None = None
        self._selected: list[str] = []
        self._first_option: str | None = None
        self._option: dict | None = None
        self._textarea: Input | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._form = Form(action=attrs.get("action") or "")
            self.forms.append(self._form)
        form, name = self._form, attrs.get("name")
        if form is None:
            return
        if "disabled" in attrs:  # a browser does not send disabled controls
            return
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            default = "on" if kind in ("checkbox", "radio") else ""  # what a browser sends
            value = attrs["value"] if attrs.get("value") is not None else default
            item = Input(name, kind, value, attrs.get("class") or "")
            if kind in SKIPPED_INPUTS:
                form.buttons.append(item)
            elif kind not in ("checkbox", "radio") or "checked" in attrs:
                form.inputs.append(item)
        elif tag == "button" and name:
            form.buttons.append(Input(name, "button", attrs.get("value") or ""))
        elif tag == "select" and name:
            multiple = "multiple" in attrs
            self._select = Input(name, "select-multiple" if multiple else "select")
            self._selected, self._first_option = [], None
        elif tag == "option" and self._select is not None:
            self._option = attrs
            value = attrs.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in attrs:
                self._selected.append(value)
        elif tag == "textarea" and name:
            self._textarea = Input(name, "textarea")
            form.inputs.append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select is not None and self._form is not None:
            select = self._select
            chosen = self._selected or (
                [] if select.kind == "select-multiple" else [self._first_option or ""]
            )
            for value in chosen:
                self._form.inputs.append(Input(select.name, select.kind, value))
            if not chosen:  # nothing selected in a multiple select: the name is still known
                self._form.inputs.append(Input(select.name, "select-multiple-empty"))
            self._select = None


def forms_of(html: str) -> list[Form]:
    parser = _Parser()
    parser.feed(html)
    for form in parser.forms:
        form.inputs = [item for item in form.inputs if item.kind != "select-multiple-empty"]
    return parser.forms


def fingerprint() -> dict[str, str]:
    """An md5 of every row of every project table, in one query (text casts read any value)."""
    tables = sorted(
        model._meta.db_table
        for model in apps.get_models()
        if model._meta.app_label in ("womenup", "applicants", "companies", "courses", "matching")
        and model._meta.label_lower not in UNWATCHED_MODELS
        and model._meta.managed
        and not model._meta.proxy
    )
    sql = " UNION ALL ".join(
        f"SELECT '{table}', md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
        f'FROM "{table}" t'
        for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(cursor.fetchall())


def changed_tables(before: dict[str, str]) -> list[str]:
    after = fingerprint()
    return [table for table, digest in after.items() if before.get(table) != digest]


def post_back(client, url: str, form: Form, **replaced):
    """Post the form as a browser would (following a redirect to the page that shows errors)."""
    return client.post(form.action or url, form.data(**replaced), follow=True)


def shows_an_error(response) -> bool:
    body = response.content.decode(errors="replace")
    return any(mark in body for mark in ERROR_MARKS)
