"""The small settings and markers a desk keeps in its own store (``store_meta``: one text value
per key), so that they travel with the store into backups and restores."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cplc_desk.storage.models import StoreMeta

# Read through the table, not the mapped class: the first ORM query configures every mapper,
# and reading a setting is on the window's start path (bench/startup.py).
_columns = StoreMeta.__table__.c


def get(s: Session, key: str) -> str | None:
    return s.execute(select(_columns.value).where(_columns.key == key)).scalar_one_or_none()


def put(s: Session, key: str, value: str) -> None:
    """Set ``key`` to ``value``, inside the caller's unit of work."""
    row = s.get(StoreMeta, key)
    if row is None:
        s.add(StoreMeta(key=key, value=value))
    else:
        row.value = value


def get_int(s: Session, key: str, default: int, lowest: int, highest: int) -> int:
    """A whole-number setting kept within its bounds; ``default`` if unset or unreadable."""
    text = get(s, key)
    try:
        value = int(text) if text is not None else default
    except ValueError:
        return default
    return min(max(value, lowest), highest)
