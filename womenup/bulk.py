"""Many rows at once with PostgreSQL's COPY: a fixed number of statements whatever their number.

The weekly batch writes tens of thousands of rows a stage (screening results, interview
invitations, outbox messages). An ``INSERT`` whose values are bound by the driver spends most
of its time quoting them in Python, one by one; COPY streams the rows through the driver's C
code. Rows are tuples in the order of ``fields`` (model field names, foreign keys as ids);
a JSON field takes JSON text (:func:`json_text`), so a value many rows share is encoded once.
Every other concrete field gets its default (``auto_now`` / ``auto_now_add``: now), as
``bulk_create`` would give it. On another database (the embedded SQLite of development) the
ORM's ``bulk_create`` writes the same rows.

Reading, ``field__in_array=ids`` is ``field__in=ids`` sent as one array parameter on PostgreSQL
(``= ANY(%s)``): 10,000 ids in ``IN (%s, …)`` are 10,000 parameters for the driver to quote and
the server to parse.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.models.lookups import In
from django.utils import timezone

ORM_BATCH_SIZE = 500


_DJANGO_ENCODER = DjangoJSONEncoder(ensure_ascii=False)


def json_text(value, *, encoder: type[json.JSONEncoder] | None = DjangoJSONEncoder) -> str:
    """A JSON field's value as the rows of this module take it (``json.dumps``)."""
    if encoder is DjangoJSONEncoder:  # one encoder for every row
        return _DJANGO_ENCODER.encode(value)
    return json.dumps(value, cls=encoder, ensure_ascii=False)


def rows_insert(model: type[models.Model], fields: Sequence[str], rows: Iterable[tuple]) -> None:
    """Insert ``rows`` of ``model`` (values in the order of ``fields``): one COPY."""
    if connection.vendor != "postgresql":
        _orm_insert(model, fields, rows)
        return
    columns, defaults = _columns_and_defaults(model, fields)
    _copy(model._meta.db_table, columns, rows, defaults)


def rows_upsert(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Iterable[tuple],
    *,
    unique: Sequence[str],
    update: Sequence[str] = (),
) -> None:
    """Insert ``rows``; one whose ``unique`` fields are already taken updates the ``update``
    fields of that row instead, or, with no ``update`` fields, is left out.

    Four statements: a temporary table, COPY into it, ``INSERT … SELECT … ON CONFLICT`` and
    dropping the table, in a transaction (the caller's, if it has one).
    """
    if connection.vendor != "postgresql":
        _orm_insert(model, fields, rows, unique=unique, update=update)
        return
    columns, defaults = _columns_and_defaults(model, fields)
    table = model._meta.db_table
    staging = f"bulk_{table}"
    names = ", ".join(_quoted([*columns, *defaults]))
    conflict = ", ".join(_quoted(_column(model, name) for name in unique))
    if update:
        changed = _quoted(_column(model, name) for name in update)
        action = "UPDATE SET " + ", ".join(f"{column} = EXCLUDED.{column}" for column in changed)
    else:
        action = "NOTHING"
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute(
            f'CREATE TEMPORARY TABLE "{staging}" ON COMMIT DROP AS '
            f'SELECT {names} FROM "{table}" WITH NO DATA'
        )
        _copy(staging, columns, rows, defaults)
        cursor.execute(
            f'INSERT INTO "{table}" ({names}) SELECT {names} FROM "{staging}" '
            f"ON CONFLICT ({conflict}) DO {action}"
        )
        cursor.execute(f'DROP TABLE "{staging}"')


def _copy(table: str, columns: list[str], rows: Iterable[tuple], defaults: dict) -> None:
    names = ", ".join(_quoted([*columns, *defaults]))
    fixed = tuple(defaults.values())
    statement = f'COPY "{table}" ({names}) FROM STDIN'
    with connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row((*row, *fixed))


def _columns_and_defaults(model, fields: Sequence[str]) -> tuple[list[str], dict[str, object]]:
    """The columns of ``fields``, and every other column's value (its field's default)."""
    columns = [_column(model, name) for name in fields]
    now = timezone.now()
    defaults = {}
    for field in model._meta.concrete_fields:
        if field.column in columns or field.primary_key:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            defaults[field.column] = now
        elif isinstance(field, models.JSONField):
            defaults[field.column] = json_text(field.get_default(), encoder=field.encoder)
        else:
            defaults[field.column] = field.get_default()
    return columns, defaults


def _column(model, name: str) -> str:
    return model._meta.get_field(name).column


def _quoted(columns: Iterable[str]) -> list[str]:
    return [f'"{column}"' for column in columns]


def _orm_insert(model, fields, rows, *, unique=(), update=()) -> None:
    """The same rows through ``bulk_create`` (JSON text decoded back to values)."""
    model_fields = [model._meta.get_field(name) for name in fields]
    decoded = [isinstance(field, models.JSONField) for field in model_fields]
    objects = [
        model(
            **{
                field.attname: json.loads(value) if is_json else value
                for field, is_json, value in zip(model_fields, decoded, row, strict=True)
            }
        )
        for row in rows
    ]
    options = {}
    if update:
        options = {"update_conflicts": True, "unique_fields": unique, "update_fields": update}
    elif unique:
        options = {"ignore_conflicts": True}
    model.objects.bulk_create(objects, batch_size=ORM_BATCH_SIZE, **options)


@models.Field.register_lookup
@models.ForeignObject.register_lookup  # foreign keys take ids: ``role_id__in_array=ids``
class InArray(In):
    """``field__in_array=values``: ``field__in=values``, as one array parameter on PostgreSQL."""

    lookup_name = "in_array"

    def as_postgresql(self, compiler, connection):
        if not self.rhs_is_direct_value():
            return super().as_sql(compiler, connection)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        _placeholders, values = self.process_rhs(compiler, connection)  # no None; none: empty
        db_type = self.lhs.output_field.cast_db_type(connection)
        return f"{lhs} = ANY(%s::{db_type}[])", (*lhs_params, list(values))
