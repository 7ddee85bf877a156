"""Crime statistics (issue 16): the statistics categories (reference data) and the frozen copies
of published months.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 20:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cplc_desk.storage.types

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ref_statistics_category",
        sa.Column("code", sa.String(length=48), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("name_ur", sa.String(length=120), server_default="", nullable=False),
        sa.Column("group", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("classes", sa.String(length=120), nullable=False),
        sa.Column("kinds", sa.String(length=120), nullable=False),
        sa.Column("sensitive", sa.Boolean(), nullable=False),
        sa.Column("street_crime", sa.Boolean(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_ref_statistics_category")),
    )
    op.create_table(
        "statistics_publication",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("to_month", sa.String(length=7), nullable=False),
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column(
            "published_at", cplc_desk.storage.types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("published_by", sa.String(length=64), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statistics_publication")),
    )
    op.create_index(op.f("ix_statistics_publication_month"), "statistics_publication", ["month"])


def downgrade() -> None:
    op.drop_table("statistics_publication")  # its index goes with it
    op.drop_table("ref_statistics_category")
