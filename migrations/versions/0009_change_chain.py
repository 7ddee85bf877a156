"""Record versions chained in the change log, so a record or logged version changed outside the
app is found by ``check`` and refused for export; headquarters keeps each station's last link.

Existing change-log rows are linked in order as they stand (a store changed outside the app
before this revision is taken as it is: ``check`` compares records with their logged images
from here on).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 13:40:00.000000
"""

import hashlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS = "0" * 64


def _link(prev: str, table: str, record_id: str, kind: str, version: int, image: str) -> str:
    # A frozen copy of cplc_desk.domain.audit.change_hash: a later change there cannot change
    # what this migration wrote.
    digest = hashlib.sha256(image.encode("utf-8")).hexdigest()
    text = "\t".join((prev, table, record_id, kind, str(version), digest))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def upgrade() -> None:
    with op.batch_alter_table("change_log") as batch:
        batch.add_column(sa.Column("chain_hash", sa.String(64), nullable=True))
    with op.batch_alter_table("sync_station") as batch:
        batch.add_column(sa.Column("last_change_chain", sa.String(64), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT seq, table_name, record_id, op, version, row_image FROM change_log ORDER BY seq"
        )
    )
    prev = GENESIS
    batch_rows: list[dict[str, object]] = []
    update = sa.text("UPDATE change_log SET chain_hash = :h WHERE seq = :seq")
    for seq, table, record_id, kind, version, image in rows.fetchall():
        prev = _link(prev, table, record_id, kind, version, image)
        batch_rows.append({"h": prev, "seq": seq})
        if len(batch_rows) == 5000:
            conn.execute(update, batch_rows)
            batch_rows = []
    if batch_rows:
        conn.execute(update, batch_rows)


def downgrade() -> None:
    with op.batch_alter_table("sync_station") as batch:
        batch.drop_column("last_change_chain")
    with op.batch_alter_table("change_log") as batch:
        batch.drop_column("chain_hash")
