"""Headquarters workspace: vehicle reports by police station newest first (one index walk for the
city-wide list's station and district filters), and which version resolved a merge conflict.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 23:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("vehicle_report", schema=None) as batch_op:
        batch_op.create_index(
            "ix_vehicle_report_station_created",
            ["police_station_code", "created_at", "id"],
            unique=False,
        )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resolution", sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.drop_column("resolution")
    with op.batch_alter_table("vehicle_report", schema=None) as batch_op:
        batch_op.drop_index("ix_vehicle_report_station_created")
