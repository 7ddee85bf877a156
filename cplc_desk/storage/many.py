"""``column IN (many values)`` with the values bound as one JSON text, not one parameter each.

SQLAlchemy binds an IN list value by value: each is coerced and expanded into its own parameter
when the statement runs, which costs far more than the look-up itself for a few hundred values
(a vehicle check asks for some 1,600 identifiers one slip from the one typed, and must answer in
milliseconds). :func:`one_of` binds the whole list once, as a JSON array, and each database
unpacks it itself: SQLite with ``json_each``, PostgreSQL with ``json_array_elements_text``. Both
keep the column's index usable.

:func:`any_of` asks several columns for the same list at once (a check's registration, chassis
and engine numbers; a handset's two IMEIs). SQLite looks each column up in its index. On
PostgreSQL an ``IN (subquery)`` under an OR cannot become a join, so the server tests every row
against the lists (a vehicle check took 110 ms at 300,000 reports, 420 ms at a million:
docs/postgresql.md); there each column is asked ``= ANY(ARRAY(...))``, which its index
answers, inside a transaction that reads by index (:func:`by_index`): the planner cannot know
how long the list is, and on a small table or one whose statistics are not yet gathered it
would rather test every row against the whole list, one value after another.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, bindparam, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import Boolean, String

from cplc_desk.storage.db import set_local


class OneOf(ColumnElement[bool]):
    """``column`` is one of the values in a bound JSON array."""

    inherit_cache = True
    type = Boolean()
    _is_implicitly_boolean = True  # a condition as it is: no "= 1" where booleans are numbers
    # What the statement cache keys on: the column, and the parameter (its value is not part
    # of the key, so one compiled statement serves every list).
    _traverse_internals = [  # noqa: RUF012 (SQLAlchemy reads it from the class)
        ("column", InternalTraversal.dp_clauseelement),
        ("values", InternalTraversal.dp_clauseelement),
    ]

    def __init__(
        self, column: ColumnElement[Any], values: Collection[str] | BindParameter[str]
    ) -> None:
        self.column = column
        self.values = values if isinstance(values, BindParameter) else _bound(values)


def _bound(values: Collection[str]) -> BindParameter[str]:
    """The list as one JSON text, one parameter."""
    return bindparam(None, json.dumps(sorted(values)), type_=String, unique=True)


class _AnyOfArray(OneOf):
    """One column's part of :func:`any_of`."""

    inherit_cache = True


def one_of(column: Any, values: Collection[str]) -> OneOf:
    return OneOf(column, values)


def any_of(columns: Sequence[Any], values: Collection[str]) -> ColumnElement[bool]:
    """One of ``columns`` holds one of ``values``; on a server, read it inside :func:`by_index`
    (the module's docstring says why)."""
    bound = _bound(values)  # one JSON text, made once and asked of every column
    return or_(*(_AnyOfArray(column, bound) for column in columns))


_BY_INDEX = "cplc_by_index"  # session.info: the transaction by_index was set for


def by_index(session: Session) -> None:
    """On a server, the rest of this transaction reads through indexes where it can (sequential
    scans off, for this transaction only), so :func:`any_of` looks each value up in its
    column's index; set once per transaction. Nothing on SQLite."""
    if session.get_bind().dialect.name != "postgresql":
        return
    # A savepoint rolled back takes the settings with it: the innermost transaction counts.
    current = session.get_nested_transaction() or session.get_transaction()
    if current is not None and session.info.get(_BY_INDEX) is current:
        return
    # JIT off too: a plan the setting leaves no choice but a whole-table read (a small table
    # read whole in the same transaction, the police stations) is costed so high that the
    # server would compile it first, which takes longer than the read.
    set_local(session, enable_seqscan="off", jit="off")
    session.info[_BY_INDEX] = session.get_nested_transaction() or session.get_transaction()


@compiles(OneOf, "sqlite")
def _sqlite(element: OneOf, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    values = compiler.process(element.values, **kw)
    return f"{column} IN (SELECT value FROM json_each({values}))"


@compiles(OneOf, "postgresql")
def _postgresql(element: OneOf, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    values = compiler.process(element.values, **kw)
    return f"{column} IN (SELECT json_array_elements_text(CAST({values} AS json)))"


@compiles(_AnyOfArray, "sqlite")
def _sqlite_any(element: OneOf, compiler: SQLCompiler, **kw: Any) -> str:
    return _sqlite(element, compiler, **kw)


@compiles(_AnyOfArray, "postgresql")
def _postgresql_any(element: OneOf, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    values = compiler.process(element.values, **kw)
    return f"{column} = ANY(ARRAY(SELECT json_array_elements_text(CAST({values} AS json))))"
