"""The hotlist carries handsets (hotlist format 2): a station's held open handset thefts, indexed
on both IMEIs for the handset check, and how many the held hotlist has.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 20:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cplc_desk.storage.types

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hotlist_phone",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("imei", sa.String(length=15), nullable=False),
        sa.Column("imei2", sa.String(length=15), nullable=True),
        sa.Column("imei_altered", sa.Boolean(), nullable=False),
        sa.Column("make", sa.String(length=60), nullable=True),
        sa.Column("model", sa.String(length=60), nullable=True),
        sa.Column("colour", sa.String(length=40), nullable=True),
        sa.Column("police_station_code", sa.String(length=8), nullable=False),
        sa.Column("incident_at", cplc_desk.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hotlist_phone")),
    )
    for column in ("imei", "imei2", "number"):
        op.create_index(op.f(f"ix_hotlist_phone_{column}"), "hotlist_phone", [column])
    # A hotlist held from before counts no handsets.
    with op.batch_alter_table("hotlist_held", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("phone_count", sa.Integer(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("hotlist_held", schema=None) as batch_op:
        batch_op.drop_column("phone_count")
    op.drop_table("hotlist_phone")  # its indexes go with it
