"""Urdu: each account's language, Urdu names for the reference data, and search keys folded
for Urdu (letter variants, diacritics, Urdu digits), with older stores re-indexed.

Person.name_key is recomputed with the new fold, and the SQLite full-text index is rebuilt from
folded text; its triggers call ``cplc_fold``, which every connection registers
(cplc_desk.storage.db).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 10:00:00.000000
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_REF_TABLES = (
    ("ref_zone", 80),
    ("ref_district", 80),
    ("ref_police_station", 120),
    ("ref_complaint_category", 120),
    ("ref_vehicle_class", 80),
)
_INDEXED = (
    "(SELECT coalesce(CAST(value AS INTEGER), 0) FROM store_meta WHERE key = 'complaint_fts_rowid')"
)


def _triggers(fold: str) -> list[str]:
    """The index-keeping triggers of migration 0003, with the indexed text passed through
    ``fold`` (``cplc_fold`` from this revision on; empty to go back)."""

    def f(expr: str) -> str:
        return f"{fold}({expr})" if fold else expr

    return [
        "DROP TRIGGER IF EXISTS complaint_fts_after_update",
        "DROP TRIGGER IF EXISTS complaint_fts_person_update",
        f"""CREATE TRIGGER complaint_fts_after_update AFTER UPDATE OF narrative, complainant_id
        ON complaint WHEN old.rowid <= coalesce({_INDEXED}, 0) BEGIN
            DELETE FROM complaint_fts WHERE rowid = old.rowid;
            INSERT INTO complaint_fts (rowid, names, narrative)
                SELECT new.rowid, {f("p.name || ' ' || coalesce(p.relative_name, '')")},
                    {f("new.narrative")}
                FROM person p WHERE p.id = new.complainant_id;
        END""",
        f"""CREATE TRIGGER complaint_fts_person_update AFTER UPDATE OF name, relative_name
        ON person BEGIN
            DELETE FROM complaint_fts WHERE rowid IN (
                SELECT rowid FROM complaint WHERE complainant_id = new.id
                AND rowid <= coalesce({_INDEXED}, 0));
            INSERT INTO complaint_fts (rowid, names, narrative)
                SELECT c.rowid, {f("new.name || ' ' || coalesce(new.relative_name, '')")},
                    {f("c.narrative")}
                FROM complaint c WHERE c.complainant_id = new.id
                AND c.rowid <= coalesce({_INDEXED}, 0);
        END""",
        # Every complaint indexed so far, again, as the new triggers would have written it.
        "DELETE FROM complaint_fts",
        f"""INSERT INTO complaint_fts (rowid, names, narrative)
            SELECT c.rowid, {f("p.name || ' ' || coalesce(p.relative_name, '')")},
                {f("c.narrative")}
            FROM complaint c JOIN person p ON p.id = c.complainant_id
            WHERE c.rowid <= coalesce({_INDEXED}, 0)""",
    ]


# The fold of cplc_desk/domain/folding.py as it stood at this revision, frozen here so that a
# later change to folding cannot change what this migration writes (a later revision re-folds).
_FOLD = str.maketrans(
    {
        **{c: "\u06cc" for c in "\u064a\u0649\u0626\u06cd\u06d0"},
        "\u06d3": "\u06d2",
        **{c: "\u06a9" for c in "\u0643\u06aa"},
        **{c: "\u06c1" for c in "\u0647\u06be\u06c0\u06c2\u06c3\u0629"},
        **{c: "\u0627" for c in "\u0622\u0623\u0625\u0671"},
        "\u0624": "\u0648",
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{
            chr(c): None
            for c in [
                *range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, 0x0640,
                *(c for c in range(0x06D6, 0x06EE) if c not in (0x06DD, 0x06DE, 0x06E5, 0x06E6, 0x06E9)),
                0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF,
                *range(0x202A, 0x202F), *range(0x2066, 0x206A),
            ]
        },
    }
)  # fmt: skip


def name_key(name: str) -> str:
    nfkc = unicodedata.normalize
    folded = nfkc("NFKC", nfkc("NFKC", name).casefold())
    folded = nfkc("NFKC", folded.translate(_FOLD))
    kept = "".join(ch if ch.isalnum() else " " for ch in folded)
    return " ".join(kept.split())[:120]


def _refold_names() -> None:
    """Person.name_key with the fold this version searches by, in batches."""
    conn = op.get_bind()
    person = sa.table("person", sa.column("id"), sa.column("name"), sa.column("name_key"))
    last = ""
    while True:
        rows = conn.execute(
            sa.select(person.c.id, person.c.name, person.c.name_key)
            .where(person.c.id > last)
            .order_by(person.c.id)
            .limit(5000)
        ).all()
        if not rows:
            break
        changed = [
            {"pid": pid, "key": name_key(name)} for pid, name, key in rows if name_key(name) != key
        ]
        if changed:
            conn.execute(
                person.update()
                .where(person.c.id == sa.bindparam("pid"))
                .values(name_key=sa.bindparam("key")),
                changed,
            )
        last = rows[-1][0]


def upgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=8), nullable=True))
    for table, length in _REF_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("name_ur", sa.String(length=length), server_default="", nullable=False)
            )
    _refold_names()
    if op.get_bind().dialect.name == "sqlite":
        for statement in _triggers("cplc_fold"):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in _triggers(""):
            op.execute(statement)
    for table, _length in reversed(_REF_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("name_ur")
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("language")
