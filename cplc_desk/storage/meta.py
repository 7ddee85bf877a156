"""The small settings and markers a desk keeps in its own store (``store_meta``: one text value
per key), so that they travel with the store into backups and restores."""

from __future__ import annotations

from sqlalchemy.orm import Session

from cplc_desk.storage.models import StoreMeta


def get(s: Session, key: str) -> str | None:
    row = s.get(StoreMeta, key)
    return row.value if row is not None else None


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
